#pragma once

#include "gateway/core/httpmessage.h"

#include <QByteArray>
#include <QString>

#include <utility>

namespace gw::integrations {

struct ResponseLimits
{
    qsizetype maxHeaderBytes = 64 * 1024;
    int maxHeaders = 200;
    qsizetype maxBody = 10 * 1024 * 1024; // API Gateway's payload limit
};

// An incremental, strict HTTP/1.1 response parser for the upstream client: status line,
// headers (order and casing kept), Content-Length, chunked (extensions and trailers skipped),
// close-delimited bodies, 1xx interim responses skipped, no body for HEAD/204/304. Limits are
// checked before buffering. Never crashes on any bytes (fuzzed by the tests).
class ResponseParser
{
public:
    enum class State { StatusLine, Headers, Body, Chunked, UntilClose, Done, Error };
    using Limits = ResponseLimits;

    explicit ResponseParser(bool headRequest = false, Limits limits = {}) : m_head(headRequest), m_limits(limits) {}

    // Feeds bytes; returns how many were consumed (the rest belong to the next response).
    qsizetype feed(const char *data, qsizetype size);
    // The peer closed the connection: completes a close-delimited body, else an error.
    void finishOnClose();

    State state() const { return m_state; }
    bool isDone() const { return m_state == State::Done; }
    bool hasError() const { return m_state == State::Error; }
    bool tooLarge() const { return m_tooLarge; }
    QString error() const { return m_error; }
    bool receivedAnything() const { return m_received > 0; }
    // Whether the connection may carry another request after this response.
    bool keepAlive() const { return m_keepAlive; }
    HttpResponse takeResponse() { return std::move(m_response); }
    const HttpResponse &response() const { return m_response; }

private:
    bool fail(const QString &message, bool tooLarge = false);
    bool parseStatusLine(const QByteArray &line);
    bool parseHeaderLine(QByteArrayView line);
    bool headersComplete();
    qsizetype readLine(const char *data, qsizetype size, QByteArray *line, bool *complete);

    bool m_head;
    Limits m_limits;
    State m_state = State::StatusLine;
    QByteArray m_line;
    qsizetype m_headerBytes = 0;
    qint64 m_remaining = 0;      // Content-Length or current chunk bytes still to read
    int m_chunkPhase = 0;        // 0 size line, 1 data, 2 CRLF after data, 3 trailers
    bool m_keepAlive = true;
    bool m_tooLarge = false;
    bool m_http10 = false;
    qint64 m_received = 0;
    QString m_error;
    HttpResponse m_response;
    qint64 m_contentLength = -1;
    bool m_badContentLength = false;
    QByteArray m_lastTransferEncoding;  // null: no Transfer-Encoding header
    bool m_connectionClose = false;
    bool m_connectionKeepAlive = false;
};

} // namespace gw::integrations
