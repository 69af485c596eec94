#pragma once

#include "vtlvalue.h"

namespace gw::transform {

// $util (reference §4.6): escapeJavaScript, parseJson, urlEncode, urlDecode, base64Encode,
// base64Decode.
class VtlUtil final : public VtlObject
{
public:
    VtlValue property(const QString &) override { return {}; }
    VtlValue call(const QString &name, const QList<VtlValue> &args, bool *found) override;

    // Commons Lang's StringEscapeUtils.escapeJavaScript, which API Gateway uses.
    static QString escapeJavaScript(const QString &s);
    // java.net.URLEncoder / URLDecoder with UTF-8.
    static QString urlEncode(const QString &s);
    static QString urlDecode(const QString &s);
};

} // namespace gw::transform
