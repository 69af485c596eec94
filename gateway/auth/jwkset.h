#pragma once

#include "jwk.h"

#include <QList>

namespace gw::auth {

// A JWK Set ({"keys": [...]}) as an issuer publishes it. Every key is judged on its own
// (model::checkJwkSet): refused keys are kept aside with their reason, so a token naming one
// is told why, while the issuer's good keys keep verifying (docs/DECISIONS.md, "jwk").
class JwkSet {
public:
    struct Refused {
        qsizetype index = 0; // in the set's "keys" array
        QString kid;
        QString kty;
        QString alg;
        QString reason;
    };

    // `duplicatePaths`: members the set's text repeats (model::duplicateMembers).
    static JwkSet fromJson(const QJsonObject &json, const QStringList &duplicatePaths = {});
    // Null with `error` set when `text` is not a JSON object with one "keys" array.
    static std::optional<JwkSet> parse(const QByteArray &text, QString *error);

    // The usable key a token names; without a kid, the only usable key whose type suits `alg`.
    // Null with `why` set (a refused key's reason, or that none matches) otherwise.
    const Jwk *find(const QString &kid, const QString &alg, QString *why = nullptr) const;
    // Whether the set knows `kid`, usable or refused (a known kid needs no refetch).
    bool contains(const QString &kid) const;
    const QList<Jwk> &keys() const { return m_keys; }
    const QList<Refused> &refused() const { return m_refused; }
    // "keys[i]: reason" for each refused key.
    QStringList errors() const;
    // "keys[i]: remark" for usable keys worth a remark (private members present).
    const QStringList &warnings() const { return m_warnings; }

private:
    QList<Jwk> m_keys;
    QList<Refused> m_refused;
    QStringList m_warnings;
};

} // namespace gw::auth
