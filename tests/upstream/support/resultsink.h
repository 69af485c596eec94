#pragma once

#include "gateway/upstream/upstreamclient.h"

#include <QList>

namespace gwtest {

// Collects what an UpstreamClient's callbacks deliver, for QTRY_* checks.
class ResultSink
{
public:
    gw::upstream::UpstreamCallback callback()
    {
        return [this](gw::upstream::UpstreamResult r) { m_results.append(std::move(r)); };
    }
    qsizetype size() const { return m_results.size(); }
    const gw::upstream::UpstreamResult &at(qsizetype i) const { return m_results.at(i); }

    // The i-th result's response; a default one (status 0) when it was an error.
    gw::HttpResponse response(qsizetype i = 0) const
    {
        if (const auto *r = std::get_if<gw::HttpResponse>(&m_results.at(i)))
            return *r;
        gw::HttpResponse none;
        none.status = 0;
        return none;
    }
    // The i-th result's error kind as a name ("none" for a response), for readable failures.
    QString kind(qsizetype i = 0) const
    {
        if (const auto *e = std::get_if<gw::upstream::UpstreamError>(&m_results.at(i)))
            return gw::upstream::kindName(e->kind);
        return QStringLiteral("none");
    }
    QString message(qsizetype i = 0) const
    {
        if (const auto *e = std::get_if<gw::upstream::UpstreamError>(&m_results.at(i)))
            return e->message;
        return {};
    }

private:
    QList<gw::upstream::UpstreamResult> m_results;
};

inline gw::upstream::UpstreamRequest makeRequest(const QUrl &url, const QByteArray &method = "GET",
                                                 const QByteArray &body = {})
{
    gw::upstream::UpstreamRequest r;
    r.method = method;
    r.url = url;
    r.body = body;
    return r;
}

} // namespace gwtest
