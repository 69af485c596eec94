#include "responseparser.h"

#include <cstring>

namespace gw::integrations {

bool ResponseParser::fail(const QString &message, bool tooLarge)
{
    m_state = State::Error;
    m_error = message;
    m_tooLarge = tooLarge;
    m_keepAlive = false;
    return false;
}

// Collects one CRLF-terminated line (a bare LF is tolerated, as most clients do).
qsizetype ResponseParser::readLine(const char *data, qsizetype size, QByteArray *line, bool *complete)
{
    const void *nl = std::memchr(data, '\n', size_t(size));
    const qsizetype take = nl ? static_cast<const char *>(nl) - data + 1 : size;
    line->append(data, take);
    *complete = nl != nullptr;
    if (*complete) {
        line->chop(1);
        if (line->endsWith('\r'))
            line->chop(1);
    }
    return take;
}

bool ResponseParser::parseStatusLine(const QByteArray &line)
{
    // HTTP/1.x SP 3DIGIT SP reason
    if (line.size() < 12 || !line.startsWith("HTTP/1.") || line[8] != ' ')
        return fail(QStringLiteral("malformed status line"));
    if (line[7] != '0' && line[7] != '1')
        return fail(QStringLiteral("unsupported HTTP version"));
    m_http10 = line[7] == '0';
    int status = 0;
    for (int i = 9; i < 12; ++i) {
        if (line[i] < '0' || line[i] > '9')
            return fail(QStringLiteral("malformed status code"));
        status = status * 10 + (line[i] - '0');
    }
    if (status < 100 || (line.size() > 12 && line[12] != ' '))
        return fail(QStringLiteral("malformed status code"));
    m_response = HttpResponse{};
    m_response.status = status;
    m_contentLength = -1;
    m_badContentLength = false;
    m_lastTransferEncoding = QByteArray();
    m_connectionClose = false;
    m_connectionKeepAlive = false;
    m_keepAlive = !m_http10;
    return true;
}

// Judged on a view of the line: only the name and value kept are copied.
bool ResponseParser::parseHeaderLine(QByteArrayView line)
{
    if (line.startsWith(' ') || line.startsWith('\t'))
        return fail(QStringLiteral("obsolete header folding"));
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return fail(QStringLiteral("header line without a name"));
    const QByteArrayView name = line.first(colon);
    for (const char c : name)
        if (c <= ' ' || c == '(' || c == ')' || c == ',' || c == '"' || c == '/' || c == '@' || c == '[' || c == ']' || c == 127)
            return fail(QStringLiteral("invalid header name"));
    if (m_response.headers.size() >= m_limits.maxHeaders)
        return fail(QStringLiteral("too many headers"), true);
    const QByteArrayView value = line.sliced(colon + 1).trimmed();
    // Framing headers noted as they arrive, so the end of the head needs no search.
    if (name.size() == 14 && name.compare("content-length", Qt::CaseInsensitive) == 0) {
        bool ok = false;
        const qint64 length = value.toLongLong(&ok);
        if (!ok || length < 0 || (m_contentLength >= 0 && m_contentLength != length))
            m_badContentLength = true;
        else
            m_contentLength = length;
    } else if (name.size() == 17 && name.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
        m_lastTransferEncoding = value.toByteArray();
    } else if (name.size() == 10 && name.compare("connection", Qt::CaseInsensitive) == 0) {
        const QByteArray v = value.toByteArray().toLower();
        m_connectionClose = m_connectionClose || v.contains("close");
        m_connectionKeepAlive = m_connectionKeepAlive || v.contains("keep-alive");
    }
    m_response.headers.append(name.toByteArray(), value.toByteArray());
    return true;
}

bool ResponseParser::headersComplete()
{
    const int status = m_response.status;
    if (status >= 100 && status < 200) {
        // Interim response (100 Continue): skip it and wait for the real one.
        m_state = State::StatusLine;
        m_headerBytes = 0;
        return true;
    }
    if (m_connectionClose)
        m_keepAlive = false;
    else if (m_connectionKeepAlive)
        m_keepAlive = true;
    if (m_head || status == 204 || status == 304) {
        m_state = State::Done;
        return true;
    }
    if (!m_lastTransferEncoding.isNull()) {
        if (!m_lastTransferEncoding.toLower().trimmed().endsWith("chunked"))
            return fail(QStringLiteral("unsupported transfer encoding"));
        if (m_contentLength >= 0 || m_badContentLength)
            return fail(QStringLiteral("both Transfer-Encoding and Content-Length"));
        m_state = State::Chunked;
        m_chunkPhase = 0;
        return true;
    }
    if (m_badContentLength)
        return fail(QStringLiteral("invalid or conflicting Content-Length"));
    if (m_contentLength >= 0) {
        const qint64 length = m_contentLength;
        if (length > m_limits.maxBody)
            return fail(QStringLiteral("response body over %1 bytes").arg(m_limits.maxBody), true);
        m_remaining = length;
        m_response.body.reserve(qsizetype(length));
        m_state = length ? State::Body : State::Done;
        return true;
    }
    m_state = State::UntilClose;
    m_keepAlive = false;
    return true;
}

qsizetype ResponseParser::feed(const char *data, qsizetype size)
{
    qsizetype used = 0;
    m_received += size;
    while (used < size && m_state != State::Done && m_state != State::Error) {
        const char *p = data + used;
        const qsizetype left = size - used;
        switch (m_state) {
        case State::StatusLine:
        case State::Headers: {
            bool complete = false;
            const qsizetype took = readLine(p, left, &m_line, &complete);
            used += took;
            m_headerBytes += took;
            if (m_headerBytes > m_limits.maxHeaderBytes) {
                fail(QStringLiteral("response headers over %1 bytes").arg(m_limits.maxHeaderBytes), true);
                break;
            }
            if (!complete)
                break;
            const QByteArray line = std::exchange(m_line, QByteArray());
            if (m_state == State::StatusLine) {
                if (parseStatusLine(line))
                    m_state = State::Headers;
            } else if (line.isEmpty()) {
                headersComplete();
            } else {
                parseHeaderLine(line);
            }
            break;
        }
        case State::Body: {
            const qsizetype take = qsizetype(qMin<qint64>(m_remaining, left));
            m_response.body.append(p, take);
            m_remaining -= take;
            used += take;
            if (!m_remaining)
                m_state = State::Done;
            break;
        }
        case State::UntilClose: {
            if (m_response.body.size() + left > m_limits.maxBody) {
                fail(QStringLiteral("response body over %1 bytes").arg(m_limits.maxBody), true);
                break;
            }
            m_response.body.append(p, left);
            used += left;
            break;
        }
        case State::Chunked: {
            if (m_chunkPhase == 1) {
                const qsizetype take = qsizetype(qMin<qint64>(m_remaining, left));
                m_response.body.append(p, take);
                m_remaining -= take;
                used += take;
                if (!m_remaining)
                    m_chunkPhase = 2;
                break;
            }
            bool complete = false;
            used += readLine(p, left, &m_line, &complete);
            if (m_line.size() > 4096) {
                fail(QStringLiteral("chunk line too long"));
                break;
            }
            if (!complete)
                break;
            const QByteArray line = std::exchange(m_line, QByteArray());
            if (m_chunkPhase == 2) {
                if (!line.isEmpty())
                    fail(QStringLiteral("missing CRLF after chunk data"));
                m_chunkPhase = 0;
            } else if (m_chunkPhase == 3) {
                if (line.isEmpty())
                    m_state = State::Done; // trailers end
            } else {
                QByteArray sizeText = line;
                if (const qsizetype semi = sizeText.indexOf(';'); semi >= 0)
                    sizeText.truncate(semi); // chunk extensions are ignored
                sizeText = sizeText.trimmed();
                bool ok = false;
                const qint64 chunk = sizeText.toLongLong(&ok, 16);
                if (!ok || chunk < 0 || sizeText.isEmpty() || sizeText.size() > 15) {
                    fail(QStringLiteral("malformed chunk size"));
                } else if (m_response.body.size() + chunk > m_limits.maxBody) {
                    fail(QStringLiteral("response body over %1 bytes").arg(m_limits.maxBody), true);
                } else if (chunk == 0) {
                    m_chunkPhase = 3;
                } else {
                    m_remaining = chunk;
                    m_chunkPhase = 1;
                }
            }
            break;
        }
        case State::Done:
        case State::Error:
            break;
        }
    }
    if (m_state == State::Done || m_state == State::Error)
        m_received -= size - used;
    return used;
}

void ResponseParser::finishOnClose()
{
    if (m_state == State::UntilClose) {
        m_state = State::Done;
        m_keepAlive = false;
    } else if (m_state != State::Done && m_state != State::Error) {
        fail(QStringLiteral("the endpoint closed the connection before the response was complete"));
    }
}

} // namespace gw::integrations
