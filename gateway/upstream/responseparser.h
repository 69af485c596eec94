#pragma once

#include "gateway/core/httpmessage.h"

#include <QByteArray>
#include <QString>

namespace gw::upstream {

struct ResponseLimits
{
    qsizetype maxHeaderBytes = 64 * 1024;  // status lines, headers and trailers of one exchange
    int maxHeaderCount = 100;              // per header block (and per trailer block)
    qint64 maxBodyBytes = 10 * 1024 * 1024; // API Gateway's payload limit
    qsizetype maxChunkLineBytes = 4096;    // chunk size plus extensions
    int maxInterimResponses = 16;          // 1xx answers before the final one
};

// An incremental, strict HTTP/1.1 response parser for the upstream client.
//
// Understands status lines, headers (order and casing kept), Content-Length, chunked bodies
// (extensions checked and skipped, trailers kept apart), close-delimited bodies, 1xx interim
// responses (skipped), and responses without a body (HEAD, 204, 304). Refuses what a smuggling
// or splitting attempt looks like: bare LF or CR, obs-fold, header names with spaces, conflicting
// Content-Lengths, Content-Length together with Transfer-Encoding, chunked applied twice.
// Limits are checked before bytes are buffered. Any byte sequence is safe to feed (fuzzed by the
// tests). Not thread-safe; one parser per connection.
class ResponseParser
{
public:
    enum class Result { NeedMore, Complete, Error };
    enum class Failure { None, Malformed, TooLarge };

    explicit ResponseParser(ResponseLimits limits = {}) : m_limits(limits) {}

    // Starts a new response; `headRequest`: the request was HEAD, so no body follows the headers.
    void reset(bool headRequest = false);

    // Feeds bytes. `consumed` (optional) receives how many bytes belonged to this response; after
    // Complete the rest are not part of it (a keep-alive peer must not send them unasked).
    Result feed(const char *data, qsizetype size, qsizetype *consumed = nullptr);
    Result feed(QByteArrayView bytes, qsizetype *consumed = nullptr)
    {
        return feed(bytes.data(), bytes.size(), consumed);
    }
    // The peer closed the connection: completes a close-delimited body; anything else unfinished
    // becomes an error.
    Result finish();

    Result result() const;
    Failure failure() const { return m_failure; }
    QString errorMessage() const { return m_error; }
    // Whether any byte of a response arrived (a stale keep-alive connection shows none).
    bool receivedAny() const { return m_receivedAny; }
    // After Complete: whether the server lets the connection carry another request.
    bool keepAlive() const { return m_keepAlive; }
    int httpMinorVersion() const { return m_minor; }
    int interimResponses() const { return m_interim; }

    const HttpResponse &response() const { return m_response; }
    HttpResponse takeResponse() { return std::move(m_response); }
    const HeaderList &trailers() const { return m_trailers; }

private:
    enum class State { StatusLine, Headers, Body, ChunkSize, ChunkData, ChunkDataEnd, Trailers, UntilClose, Done, Failed };

    bool fail(const QString &message, Failure failure = Failure::Malformed); // always false
    // Takes one CRLF-terminated line from [p, end) into `line` (without CRLF); false: need more.
    bool takeLine(const char *&p, const char *end, qsizetype limit, QByteArrayView *line);
    bool onStatusLine(QByteArrayView line);
    bool onHeaderLine(QByteArrayView line, HeaderList *into, bool trailer);
    bool onHeadersComplete();
    bool noteFramingHeader(QByteArrayView name, QByteArrayView value);
    qsizetype headerBudget() const { return m_limits.maxHeaderBytes - m_headerBytes; }

    ResponseLimits m_limits;
    State m_state = State::StatusLine;
    bool m_head = false;
    bool m_receivedAny = false;
    bool m_keepAlive = false;
    int m_minor = 1;
    int m_interim = 0;
    int m_headerCount = 0;
    qsizetype m_headerBytes = 0;
    qint64 m_remaining = 0;
    int m_crlfSeen = 0;
    qint64 m_contentLength = -1;
    bool m_transferEncoding = false;
    bool m_chunkedLast = false;
    bool m_chunkedSeen = false;
    bool m_connectionClose = false;
    bool m_connectionKeepAlive = false;
    Failure m_failure = Failure::None;
    QString m_error;
    QByteArray m_line;
    HttpResponse m_response;
    HeaderList m_trailers;
};

} // namespace gw::upstream
