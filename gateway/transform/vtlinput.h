#pragma once

#include "mappingrequest.h"
#include "vtlvalue.h"

#include <optional>

namespace gw::transform {

// $input: body, json(path), path(path), params(), params(name) (reference §4.3). The body is
// parsed as JSON once, on first use.
class VtlInput final : public VtlObject
{
public:
    VtlInput(const QByteArray &body, const StringPairs &path, const StringPairs &query, const StringPairs &headers);
    VtlValue property(const QString &name) override;
    VtlValue call(const QString &name, const QList<VtlValue> &args, bool *found) override;
    QList<VtlValue> held() const override { return {m_root}; }
    void releaseHeld() override { m_root = VtlValue(); }

private:
    const VtlValue &root();
    const QString &body();
    VtlValue params() const;
    VtlValue param(const QString &name) const;

    // The payload as UTF-8, decoded to text on first use: most templates read it through
    // json() and path() only, and the text is twice the payload's size.
    QByteArray m_bytes;
    std::optional<QString> m_body;
    StringPairs m_path, m_query, m_headers;
    bool m_parsed = false;
    VtlValue m_root;
};

} // namespace gw::transform
