#pragma once

#include "jwk.h"

#include <QList>

namespace gw::auth {

// A JWK Set ({"keys": [...]}) as an issuer publishes it. Keys that fail to parse are skipped and
// reported in errors(): one bad key must not take the issuer's other keys down.
class JwkSet
{
public:
    static JwkSet fromJson(const QJsonObject &json);
    // Null with `error` set when `text` is not a JSON object with a "keys" array.
    static std::optional<JwkSet> parse(const QByteArray &text, QString *error);

    // The key a token names; without a kid, the only key whose type suits `alg`.
    const Jwk *find(const QString &kid, const QString &alg) const;
    bool contains(const QString &kid) const;
    const QList<Jwk> &keys() const { return m_keys; }
    const QStringList &errors() const { return m_errors; }

private:
    QList<Jwk> m_keys;
    QStringList m_errors;
};

} // namespace gw::auth
