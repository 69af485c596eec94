#include "requestparser.h"

#include <cctype>
#include <cstring>

namespace gw::runtime {

static bool isTokenChar(char c)
{
    if (c >= 'a' && c <= 'z')
        return true;
    if (c >= 'A' && c <= 'Z')
        return true;
    if (c >= '0' && c <= '9')
        return true;
    return std::strchr("!#$%&'*+-.^_`|~", c) != nullptr && c != '\0';
}

void RequestParser::reset()
{
    m_state = State::RequestLine;
    m_line.clear();
    m_headerBytes = 0;
    m_remaining = 0;
    m_chunkPhase = 0;
    m_keepAlive = true;
    m_expectContinue = false;
    m_errorStatus = 0;
    m_errorMessage.clear();
    m_request = HttpRequest{};
}

bool RequestParser::fail(int status, const char *message)
{
    m_state = State::Error;
    m_errorStatus = status;
    m_errorMessage = message;
    m_keepAlive = false;
    return false;
}

qsizetype RequestParser::takeLine(const char *data, qsizetype size, bool *complete)
{
    const void *nl = std::memchr(data, '\n', size_t(size));
    const qsizetype take = nl ? static_cast<const char *>(nl) - data + 1 : size;
    m_line.append(data, take);
    *complete = nl != nullptr;
    return take;
}

bool RequestParser::parseRequestLine(const QByteArray &line)
{
    // method SP request-target SP HTTP-version
    const qsizetype sp1 = line.indexOf(' ');
    const qsizetype sp2 = line.lastIndexOf(' ');
    if (sp1 <= 0 || sp2 <= sp1 + 1)
        return fail(400, "Malformed request line");
    const QByteArray method = line.left(sp1);
    for (const char c : method)
        if (!isTokenChar(c))
            return fail(400, "Malformed request line");
    const QByteArray target = line.mid(sp1 + 1, sp2 - sp1 - 1);
    const QByteArray version = line.mid(sp2 + 1);
    if (version != "HTTP/1.1" && version != "HTTP/1.0") {
        if (version.startsWith("HTTP/"))
            return fail(505, "HTTP Version Not Supported");
        return fail(400, "Malformed request line");
    }
    for (const char c : target)
        if (uchar(c) <= ' ' || uchar(c) == 127)
            return fail(400, "Malformed request target");
    if (!target.startsWith('/') && target != "*")
        return fail(400, "Malformed request target");
    m_request.method = method;
    m_request.target = target;
    m_request.protocol = version;
    m_keepAlive = version == "HTTP/1.1";
    return true;
}

bool RequestParser::parseHeader(const QByteArray &line)
{
    if (line.startsWith(' ') || line.startsWith('\t'))
        return fail(400, "Obsolete header folding");
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return fail(400, "Malformed header");
    const QByteArray name = line.left(colon);
    for (const char c : name)
        if (!isTokenChar(c))
            return fail(400, "Malformed header name");
    const QByteArray value = line.mid(colon + 1).trimmed();
    for (const char c : value)
        if ((uchar(c) < ' ' && c != '\t') || uchar(c) == 127)
            return fail(400, "Malformed header value");
    if (m_request.headers.size() >= m_limits.maxHeaders)
        return fail(431, "Request Header Fields Too Large");
    m_request.headers.append(name, value);
    return true;
}

bool RequestParser::headersDone()
{
    const HeaderList &h = m_request.headers;
    if (m_request.protocol == "HTTP/1.1" && !h.contains("host"))
        return fail(400, "Missing Host header");
    if (h.values("host").size() > 1)
        return fail(400, "Duplicate Host header");
    const QByteArray connection = h.value("connection").toLower();
    if (connection.contains("close"))
        m_keepAlive = false;
    else if (connection.contains("keep-alive"))
        m_keepAlive = true;
    m_expectContinue = h.value("expect").toLower() == "100-continue";
    const QList<QByteArray> te = h.values("transfer-encoding");
    const QList<QByteArray> cl = h.values("content-length");
    if (!te.isEmpty()) {
        if (!cl.isEmpty())
            return fail(400, "Both Transfer-Encoding and Content-Length"); // request smuggling guard
        if (te.size() > 1 || te.first().trimmed().toLower() != "chunked")
            return fail(501, "Unsupported transfer encoding");
        m_state = State::Chunked;
        m_chunkPhase = 0;
        return true;
    }
    if (!cl.isEmpty()) {
        for (const QByteArray &v : cl)
            if (v != cl.first())
                return fail(400, "Conflicting Content-Length");
        bool ok = false;
        const qint64 length = cl.first().toLongLong(&ok);
        for (const char c : cl.first())
            if (c < '0' || c > '9')
                ok = false;
        if (!ok || length < 0)
            return fail(400, "Invalid Content-Length");
        if (length > m_limits.maxBody)
            return fail(413, "Request Too Long");
        m_remaining = length;
        m_request.body.reserve(qsizetype(length));
        m_state = length ? State::Body : State::Done;
        return true;
    }
    m_state = State::Done;
    return true;
}

qsizetype RequestParser::feed(const char *data, qsizetype size)
{
    qsizetype used = 0;
    while (used < size && m_state != State::Done && m_state != State::Error) {
        const char *p = data + used;
        const qsizetype left = size - used;
        switch (m_state) {
        case State::RequestLine:
        case State::Headers: {
            // Tolerate empty lines before a request (RFC 9112 §2.2).
            if (m_state == State::RequestLine && m_line.isEmpty() && (*p == '\r' || *p == '\n')) {
                ++used;
                break;
            }
            bool complete = false;
            used += takeLine(p, left, &complete);
            const qsizetype limit = m_state == State::RequestLine ? m_limits.maxRequestLine : m_limits.maxHeaderBytes - m_headerBytes;
            if (m_line.size() > limit + 2) {
                if (m_state == State::RequestLine)
                    fail(414, "Request-URI Too Long");
                else
                    fail(431, "Request Header Fields Too Large");
                break;
            }
            if (!complete)
                break;
            QByteArray line = std::exchange(m_line, QByteArray());
            line.chop(1);
            if (line.endsWith('\r'))
                line.chop(1);
            if (line.contains('\r') || line.contains('\0')) {
                fail(400, "Malformed line");
                break;
            }
            if (m_state == State::RequestLine) {
                if (parseRequestLine(line))
                    m_state = State::Headers;
            } else if (line.isEmpty()) {
                headersDone();
            } else {
                m_headerBytes += line.size();
                parseHeader(line);
            }
            break;
        }
        case State::Body: {
            const qsizetype take = qsizetype(qMin<qint64>(m_remaining, left));
            m_request.body.append(p, take);
            m_remaining -= take;
            used += take;
            if (!m_remaining)
                m_state = State::Done;
            break;
        }
        case State::Chunked: {
            if (m_chunkPhase == 1) {
                const qsizetype take = qsizetype(qMin<qint64>(m_remaining, left));
                m_request.body.append(p, take);
                m_remaining -= take;
                used += take;
                if (!m_remaining)
                    m_chunkPhase = 2;
                break;
            }
            bool complete = false;
            used += takeLine(p, left, &complete);
            if (m_line.size() > 4096) {
                fail(400, "Chunk line too long");
                break;
            }
            if (!complete)
                break;
            QByteArray line = std::exchange(m_line, QByteArray());
            line.chop(1);
            if (line.endsWith('\r'))
                line.chop(1);
            if (m_chunkPhase == 2) {
                if (!line.isEmpty())
                    fail(400, "Missing CRLF after chunk data");
                m_chunkPhase = 0;
            } else if (m_chunkPhase == 3) {
                if (line.isEmpty())
                    m_state = State::Done;
                else if ((m_headerBytes += line.size()) > m_limits.maxHeaderBytes)
                    fail(431, "Request Header Fields Too Large");
            } else {
                QByteArray sizeText = line;
                if (const qsizetype semi = sizeText.indexOf(';'); semi >= 0)
                    sizeText.truncate(semi);
                bool ok = !sizeText.isEmpty() && sizeText.size() <= 15;
                for (const char c : sizeText)
                    if (!std::isxdigit(uchar(c)))
                        ok = false;
                const qint64 chunk = ok ? sizeText.toLongLong(&ok, 16) : -1;
                if (!ok)
                    fail(400, "Malformed chunk size");
                else if (m_request.body.size() + chunk > m_limits.maxBody)
                    fail(413, "Request Too Long");
                else if (chunk == 0)
                    m_chunkPhase = 3;
                else {
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
    return used;
}

} // namespace gw::runtime
