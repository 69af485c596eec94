#include "responsecodec.h"

#include <QDataStream>
#include <QIODevice>

namespace gw::traffic {

QByteArray encodeResponse(const HttpResponse &response)
{
    QByteArray out;
    out.reserve(response.body.size() + 64 * (response.headers.size() + 1));
    QDataStream s(&out, QIODevice::WriteOnly);
    s << qint32(response.status) << qint32(response.headers.size());
    for (const auto &h : response.headers)
        s << h.first << h.second;
    s << response.body;
    return out;
}

std::optional<HttpResponse> decodeResponse(const QByteArray &bytes)
{
    QDataStream s(bytes);
    qint32 status = 0, count = 0;
    s >> status >> count;
    if (s.status() != QDataStream::Ok || count < 0)
        return std::nullopt;
    HttpResponse r;
    r.status = status;
    for (qint32 i = 0; i < count; ++i) {
        QByteArray name, value;
        s >> name >> value;
        r.headers.append(name, value);
    }
    s >> r.body;
    if (s.status() != QDataStream::Ok)
        return std::nullopt;
    return r;
}

} // namespace gw::traffic
