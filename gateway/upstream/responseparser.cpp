#include "responseparser.h"

#include "httpsyntax.h"

#include <cstring>

namespace gw::upstream {

using namespace syntax;

namespace {

bool nameIs(QByteArrayView name, QByteArrayView lower)
{
    return name.size() == lower.size() && name.compare(lower, Qt::CaseInsensitive) == 0;
}

} // namespace

void ResponseParser::reset(bool headRequest)
{
    m_state = State::StatusLine;
    m_head = headRequest;
    m_receivedAny = false;
    m_keepAlive = false;
    m_minor = 1;
    m_interim = 0;
    m_headerCount = 0;
    m_headerBytes = 0;
    m_remaining = 0;
    m_crlfSeen = 0;
    m_contentLength = -1;
    m_transferEncoding = m_chunkedLast = m_chunkedSeen = false;
    m_connectionClose = m_connectionKeepAlive = false;
    m_failure = Failure::None;
    m_error.clear();
    m_line.resize(0);
    m_response = {};
    m_trailers = {};
}

ResponseParser::Result ResponseParser::result() const
{
    switch (m_state) {
    case State::Done:
        return Result::Complete;
    case State::Failed:
        return Result::Error;
    default:
        return Result::NeedMore;
    }
}

bool ResponseParser::fail(const QString &message, Failure failure)
{
    if (m_state != State::Failed) {
        m_state = State::Failed;
        m_failure = failure;
        m_error = message;
        m_keepAlive = false;
    }
    return false;
}

bool ResponseParser::takeLine(const char *&p, const char *end, qsizetype limit, QByteArrayView *line)
{
    const char *nl = static_cast<const char *>(std::memchr(p, '\n', end - p));
    const qsizetype piece = (nl ? nl + 1 : end) - p;
    if (m_line.size() + piece > limit) {
        if (m_state == State::ChunkSize)
            fail(QStringLiteral("chunk size line longer than %1 bytes").arg(limit));
        else
            fail(QStringLiteral("response headers larger than %1 bytes").arg(m_limits.maxHeaderBytes), Failure::TooLarge);
        return false;
    }
    if (!nl) {
        m_line.append(p, piece);
        p = end;
        return false;
    }
    QByteArrayView whole(p, piece);
    if (!m_line.isEmpty()) {
        m_line.append(p, piece);
        whole = m_line;
    }
    p = nl + 1;
    if (whole.size() < 2 || whole[whole.size() - 2] != '\r') {
        fail(QStringLiteral("line ends with a bare LF"));
        return false;
    }
    *line = whole.first(whole.size() - 2);
    if (std::memchr(line->data(), '\r', line->size())) {
        fail(QStringLiteral("bare CR inside a line"));
        return false;
    }
    if (m_state != State::ChunkSize)
        m_headerBytes += whole.size();
    return true;
}

ResponseParser::Result ResponseParser::feed(const char *data, qsizetype size, qsizetype *consumed)
{
    const char *p = data;
    const char *const end = data + size;
    if (size > 0 && m_state != State::Done && m_state != State::Failed)
        m_receivedAny = true;
    while (p < end && m_state != State::Done && m_state != State::Failed) {
        switch (m_state) {
        case State::StatusLine:
        case State::Headers:
        case State::Trailers: {
            QByteArrayView line;
            if (!takeLine(p, end, headerBudget(), &line))
                break;
            if (m_state == State::StatusLine)
                onStatusLine(line);
            else if (m_state == State::Headers)
                onHeaderLine(line, &m_response.headers, false);
            else
                onHeaderLine(line, &m_trailers, true);
            m_line.resize(0);
            break;
        }
        case State::ChunkSize: {
            QByteArrayView line;
            if (!takeLine(p, end, m_limits.maxChunkLineBytes, &line))
                break;
            const qint64 room = m_limits.maxBodyBytes - m_response.body.size();
            const qint64 chunk = parseChunkSizeLine(line, room);
            m_line.resize(0);
            if (chunk == -1) {
                fail(QStringLiteral("invalid chunk size line"));
            } else if (chunk == -2) {
                fail(QStringLiteral("response body larger than %1 bytes").arg(m_limits.maxBodyBytes), Failure::TooLarge);
            } else if (chunk == 0) {
                m_headerCount = 0;
                m_state = State::Trailers;
            } else {
                m_remaining = chunk;
                m_state = State::ChunkData;
            }
            break;
        }
        case State::Body:
        case State::ChunkData: {
            const qint64 n = qMin<qint64>(m_remaining, end - p);
            m_response.body.append(p, n);
            p += n;
            m_remaining -= n;
            if (m_remaining == 0) {
                m_crlfSeen = 0;
                m_state = m_state == State::Body ? State::Done : State::ChunkDataEnd;
            }
            break;
        }
        case State::ChunkDataEnd:
            if (*p != (m_crlfSeen == 0 ? '\r' : '\n')) {
                fail(QStringLiteral("chunk data not followed by CRLF"));
                break;
            }
            ++p;
            if (++m_crlfSeen == 2)
                m_state = State::ChunkSize;
            break;
        case State::UntilClose:
            if (m_response.body.size() + (end - p) > m_limits.maxBodyBytes) {
                fail(QStringLiteral("response body larger than %1 bytes").arg(m_limits.maxBodyBytes), Failure::TooLarge);
                break;
            }
            m_response.body.append(p, end - p);
            p = end;
            break;
        case State::Done:
        case State::Failed:
            break;
        }
    }
    if (consumed)
        *consumed = p - data;
    return result();
}

ResponseParser::Result ResponseParser::finish()
{
    if (m_state == State::UntilClose)
        m_state = State::Done;
    else if (m_state != State::Done && m_state != State::Failed)
        fail(m_receivedAny ? QStringLiteral("connection closed before the response was complete")
                           : QStringLiteral("connection closed before any response"));
    m_keepAlive = false;
    return result();
}

bool ResponseParser::onStatusLine(QByteArrayView line)
{
    // HTTP-version SP 3DIGIT [ SP reason-phrase ]
    if (line.size() < 12 || !line.startsWith("HTTP/1.") || (line[7] != '0' && line[7] != '1') || line[8] != ' ')
        return fail(QStringLiteral("invalid status line"));
    int status = 0;
    for (int i = 9; i < 12; ++i) {
        if (line[i] < '0' || line[i] > '9')
            return fail(QStringLiteral("invalid status code"));
        status = status * 10 + (line[i] - '0');
    }
    if (status < 100 || status > 599)
        return fail(QStringLiteral("invalid status code %1").arg(status));
    if (line.size() > 12 && (line[12] != ' ' || !isFieldValue(line.sliced(13))))
        return fail(QStringLiteral("invalid reason phrase"));
    if (status == 101)
        return fail(QStringLiteral("unexpected 101 Switching Protocols"));
    m_minor = line[7] - '0';
    m_response.status = status;
    m_state = State::Headers;
    return true;
}

bool ResponseParser::onHeaderLine(QByteArrayView line, HeaderList *into, bool trailer)
{
    if (line.isEmpty()) {
        if (trailer) {
            m_state = State::Done;
            return true;
        }
        return onHeadersComplete();
    }
    if (line[0] == ' ' || line[0] == '\t')
        return fail(QStringLiteral("obsolete line folding"));
    const qsizetype colon = line.indexOf(':');
    if (colon < 0)
        return fail(QStringLiteral("header line without a colon"));
    const QByteArrayView name = line.first(colon);
    if (!isToken(name))
        return fail(QStringLiteral("invalid header name"));
    const QByteArrayView value = trimOws(line.sliced(colon + 1));
    if (!isFieldValue(value))
        return fail(QStringLiteral("invalid character in header %1").arg(QString::fromLatin1(name)));
    if (++m_headerCount > m_limits.maxHeaderCount)
        return fail(QStringLiteral("more than %1 headers").arg(m_limits.maxHeaderCount), Failure::TooLarge);
    if (!trailer && !noteFramingHeader(name, value))
        return false;
    into->append(name.toByteArray(), value.toByteArray());
    return true;
}

bool ResponseParser::noteFramingHeader(QByteArrayView name, QByteArrayView value)
{
    if (nameIs(name, "content-length")) {
        const qint64 length = parseContentLength(value);
        if (length < 0)
            return fail(QStringLiteral("invalid Content-Length"));
        if (m_contentLength >= 0 && length != m_contentLength)
            return fail(QStringLiteral("conflicting Content-Length headers"));
        m_contentLength = length;
    } else if (nameIs(name, "transfer-encoding")) {
        m_transferEncoding = true;
        for (QByteArrayView rest = value; !rest.isEmpty();) {
            const qsizetype comma = rest.indexOf(',');
            QByteArrayView coding = comma < 0 ? rest : rest.first(comma);
            rest = comma < 0 ? QByteArrayView() : rest.sliced(comma + 1);
            const qsizetype semicolon = coding.indexOf(';');
            coding = trimOws(semicolon < 0 ? coding : coding.first(semicolon));
            if (coding.isEmpty())
                continue;
            if (!isToken(coding))
                return fail(QStringLiteral("invalid Transfer-Encoding"));
            m_chunkedLast = nameIs(coding, "chunked");
            if (m_chunkedLast && std::exchange(m_chunkedSeen, true))
                return fail(QStringLiteral("chunked applied more than once"));
        }
    } else if (nameIs(name, "connection")) {
        m_connectionClose = m_connectionClose || listContainsToken(value, "close");
        m_connectionKeepAlive = m_connectionKeepAlive || listContainsToken(value, "keep-alive");
    }
    return true;
}

bool ResponseParser::onHeadersComplete()
{
    const int status = m_response.status;
    if (status < 200) {
        // Interim answer (100 Continue, 102, 103): the final response follows on the same bytes.
        if (++m_interim > m_limits.maxInterimResponses)
            return fail(QStringLiteral("more than %1 interim responses").arg(m_limits.maxInterimResponses));
        m_response = {};
        m_headerCount = 0;
        m_contentLength = -1;
        m_transferEncoding = m_chunkedLast = m_chunkedSeen = false;
        m_connectionClose = m_connectionKeepAlive = false;
        m_state = State::StatusLine;
        return true;
    }
    if (m_transferEncoding && m_contentLength >= 0)
        return fail(QStringLiteral("both Content-Length and Transfer-Encoding"));
    if (m_transferEncoding && m_minor == 0)
        return fail(QStringLiteral("Transfer-Encoding in an HTTP/1.0 response"));
    m_keepAlive = !m_connectionClose && (m_minor == 1 || m_connectionKeepAlive);
    if (m_head || status == 204 || status == 304) {
        m_state = State::Done;
    } else if (m_transferEncoding) {
        // A final coding other than chunked leaves only the close to end the body (RFC 9112 6.3).
        m_state = m_chunkedLast ? State::ChunkSize : State::UntilClose;
        m_keepAlive = m_keepAlive && m_chunkedLast;
    } else if (m_contentLength > m_limits.maxBodyBytes) {
        return fail(QStringLiteral("response body larger than %1 bytes").arg(m_limits.maxBodyBytes), Failure::TooLarge);
    } else if (m_contentLength == 0) {
        m_state = State::Done;
    } else if (m_contentLength > 0) {
        m_response.body.reserve(m_contentLength);
        m_remaining = m_contentLength;
        m_state = State::Body;
    } else {
        m_state = State::UntilClose;
        m_keepAlive = false;
    }
    return true;
}

} // namespace gw::upstream
