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

// chunk-ext = *( BWS ";" BWS token [ BWS "=" BWS ( token / quoted-string ) ] )
static bool validChunkExtensions(const QByteArray &ext)
{
    qsizetype i = 0;
    const qsizetype n = ext.size();
    auto skipSpace = [&]() { while (i < n && (ext[i] == ' ' || ext[i] == '\t')) ++i; };
    auto token = [&]() { const qsizetype start = i; while (i < n && isTokenChar(ext[i])) ++i; return i > start; };
    while (i < n) {
        skipSpace();
        if (i >= n || ext[i] != ';')
            return false;
        ++i;
        skipSpace();
        if (!token())
            return false;
        skipSpace();
        if (i < n && ext[i] == '=') {
            ++i;
            skipSpace();
            if (i < n && ext[i] == '"') {
                ++i;
                while (i < n && ext[i] != '"')
                    i += ext[i] == '\\' ? 2 : 1;
                if (i >= n)
                    return false;
                ++i;
            } else if (!token()) {
                return false;
            }
        }
    }
    return true;
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
    m_contentLength = -1;
    m_chunked = false;
    m_lastCodingChunked = false;
    m_absoluteAuthority.clear();
    m_connectionClose = false;
    m_connectionKeepAlive = false;
    m_sawHost = false;
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

// The common methods and versions as shared literals: no allocation per request.
static QByteArray methodBytes(QByteArrayView method)
{
    static const QByteArray known[] = {QByteArrayLiteral("GET"), QByteArrayLiteral("POST"), QByteArrayLiteral("PUT"),
                                       QByteArrayLiteral("DELETE"), QByteArrayLiteral("HEAD"), QByteArrayLiteral("OPTIONS"),
                                       QByteArrayLiteral("PATCH")};
    for (const QByteArray &m : known)
        if (method == m)
            return m;
    return method.toByteArray();
}

bool RequestParser::parseRequestLine(QByteArrayView line)
{
    // method SP request-target SP HTTP-version
    const qsizetype sp1 = line.indexOf(' ');
    const qsizetype sp2 = line.lastIndexOf(' ');
    if (sp1 <= 0 || sp2 <= sp1 + 1)
        return fail(400, "Malformed request line");
    const QByteArrayView method = line.first(sp1);
    for (const char c : method)
        if (!isTokenChar(c))
            return fail(400, "Malformed request line");
    const QByteArrayView target = line.sliced(sp1 + 1, sp2 - sp1 - 1);
    const QByteArrayView version = line.sliced(sp2 + 1);
    static const QByteArray http11 = QByteArrayLiteral("HTTP/1.1");
    static const QByteArray http10 = QByteArrayLiteral("HTTP/1.0");
    if (version != http11 && version != http10) {
        if (version.startsWith("HTTP/"))
            return fail(505, "HTTP Version Not Supported");
        return fail(400, "Malformed request line");
    }
    for (const char c : target)
        if (uchar(c) <= ' ' || uchar(c) >= 127)
            return fail(400, "Malformed request target");
    QByteArray originForm;
    if (target.startsWith('/')) {
        originForm = target.toByteArray();
    } else if (const QByteArray lower = target.first(qMin<qsizetype>(8, target.size())).toByteArray().toLower();
               lower.startsWith("http://") || lower.startsWith("https://")) {
        // absolute-form (RFC 9112 §3.2.2): the authority becomes Host, the rest the target.
        const QByteArray absolute = target.toByteArray();
        const qsizetype authorityStart = absolute.indexOf("//") + 2;
        qsizetype end = authorityStart;
        while (end < absolute.size() && absolute[end] != '/' && absolute[end] != '?' && absolute[end] != '#')
            ++end;
        m_absoluteAuthority = absolute.mid(authorityStart, end - authorityStart);
        if (const qsizetype at = m_absoluteAuthority.lastIndexOf('@'); at >= 0)
            m_absoluteAuthority = m_absoluteAuthority.mid(at + 1);
        originForm = absolute.mid(end);
        if (originForm.isEmpty() || originForm.startsWith('?'))
            originForm.prepend('/');
    } else if (target == "*") {
        originForm = target.toByteArray();
    } else {
        return fail(400, "Malformed request target");
    }
    if (const qsizetype hash = originForm.indexOf('#'); hash >= 0)
        originForm.truncate(hash); // fragments are not sent to servers; drop one if a client does
    m_request.method = methodBytes(method);
    m_request.target = std::move(originForm);
    m_request.protocol = version == http11 ? http11 : http10;
    m_keepAlive = version == http11;
    return true;
}

bool RequestParser::parseHeader(QByteArrayView line)
{
    if (line.startsWith(' ') || line.startsWith('\t'))
        return fail(400, "Obsolete header folding");
    const qsizetype colon = line.indexOf(':');
    if (colon <= 0)
        return fail(400, "Malformed header");
    const QByteArrayView name = line.first(colon);
    for (const char c : name)
        if (!isTokenChar(c))
            return fail(400, "Malformed header name");
    const QByteArrayView rawValue = line.sliced(colon + 1);
    for (const char c : rawValue)
        if ((uchar(c) < ' ' && c != '\t') || uchar(c) == 127)
            return fail(400, "Malformed header value");
    const QByteArrayView value = rawValue.trimmed();
    if (m_request.headers.size() >= m_limits.maxHeaders)
        return fail(431, "Request Header Fields Too Large");
    // Framing headers are judged as they arrive (request smuggling guards).
    if (name.size() == 14 && name.compare("content-length", Qt::CaseInsensitive) == 0) {
        bool ok = !value.isEmpty() && value.size() <= 18;
        for (const char c : value)
            if (c < '0' || c > '9')
                ok = false;
        const qint64 length = ok ? value.toLongLong(&ok) : -1;
        if (!ok)
            return fail(400, "Invalid Content-Length");
        if (m_contentLength >= 0 && m_contentLength != length)
            return fail(400, "Conflicting Content-Length");
        if (m_chunked)
            return fail(400, "Both Transfer-Encoding and Content-Length");
        m_contentLength = length;
    } else if (name.size() == 17 && name.compare("transfer-encoding", Qt::CaseInsensitive) == 0) {
        if (m_contentLength >= 0)
            return fail(400, "Both Transfer-Encoding and Content-Length");
        for (const QByteArray &coding : value.toByteArray().split(',')) {
            const QByteArray c = coding.trimmed().toLower();
            if (c.isEmpty() || (c != "chunked" && c != "gzip" && c != "deflate" && c != "compress" && c != "identity"))
                return fail(501, "Unsupported transfer encoding");
            if (m_lastCodingChunked)
                return fail(400, "chunked must be the last transfer coding");
            m_lastCodingChunked = c == "chunked";
        }
        m_chunked = true;
    } else if (name.size() == 10 && name.compare("connection", Qt::CaseInsensitive) == 0) {
        const QByteArray v = value.toByteArray().toLower();
        if (v.contains("close"))
            m_connectionClose = true;
        else if (v.contains("keep-alive"))
            m_connectionKeepAlive = true;
    } else if (name.size() == 6 && name.compare("expect", Qt::CaseInsensitive) == 0) {
        m_expectContinue = value.compare("100-continue", Qt::CaseInsensitive) == 0;
    } else if (name.size() == 4 && name.compare("host", Qt::CaseInsensitive) == 0) {
        if (m_sawHost)
            return fail(400, "Duplicate Host header");
        m_sawHost = true;
    }
    m_request.headers.append(name.toByteArray(), value.toByteArray());
    return true;
}

// A whole head line, CRLF included, or the part of one received so far (`complete` false).
// Judges what can be judged before the line ends, so an endless line is refused early.
bool RequestParser::headLine(QByteArrayView line, bool complete)
{
    // A CR must be followed by LF, and a header line may not start with white space (obsolete
    // folding).
    if (const qsizetype cr = line.indexOf('\r'); cr >= 0 && cr + 1 < line.size() && line[cr + 1] != '\n')
        return fail(400, "CR without LF");
    if (m_state == State::Headers && (line.startsWith(' ') || line.startsWith('\t')))
        return fail(400, "Obsolete header folding");
    const qsizetype limit = m_state == State::RequestLine ? m_limits.maxRequestLine : m_limits.maxHeaderBytes - m_headerBytes;
    if (line.size() > limit + 2)
        return m_state == State::RequestLine ? fail(414, "Request-URI Too Long") : fail(431, "Request Header Fields Too Large");
    if (!complete)
        return true;
    // Lines end with CRLF; a bare LF is refused (it is how smuggled requests hide).
    if (!line.endsWith("\r\n"))
        return fail(400, "Line without CRLF");
    line.chop(2);
    if (line.contains('\r') || line.contains('\0'))
        return fail(400, "Malformed line");
    if (m_state == State::RequestLine) {
        if (parseRequestLine(line))
            m_state = State::Headers;
        return m_state != State::Error;
    }
    if (line.isEmpty())
        return headersDone();
    m_headerBytes += line.size();
    return parseHeader(line);
}

bool RequestParser::headersDone()
{
    if (m_connectionClose)
        m_keepAlive = false;
    else if (m_connectionKeepAlive)
        m_keepAlive = true;
    if (!m_absoluteAuthority.isEmpty())
        m_request.headers.set("Host", m_absoluteAuthority);
    if (m_chunked) {
        if (!m_lastCodingChunked)
            return fail(501, "Unsupported transfer encoding");
        m_state = State::Chunked;
        m_chunkPhase = 0;
        return true;
    }
    if (m_contentLength >= 0) {
        const qint64 length = m_contentLength;
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
            const void *nl = std::memchr(p, '\n', size_t(left));
            const qsizetype take = nl ? static_cast<const char *>(nl) - p + 1 : left;
            used += take;
            if (m_line.isEmpty() && nl) {
                // The whole line arrived in this read (the usual case): judged where it lies.
                headLine(QByteArrayView(p, take), true);
                break;
            }
            m_line.append(p, take);
            headLine(m_line, nl != nullptr);
            if (nl)
                m_line.clear();
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
            if (m_chunkPhase == 2 && m_line.isEmpty() && *p != '\r') {
                fail(400, "Missing CRLF after chunk data");
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
                if (const qsizetype semi = sizeText.indexOf(';'); semi >= 0) {
                    if (!validChunkExtensions(sizeText.mid(semi))) {
                        fail(400, "Malformed chunk extension");
                        break;
                    }
                    sizeText.truncate(semi);
                }
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
