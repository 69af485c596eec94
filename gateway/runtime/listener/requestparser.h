#pragma once

#include "listenerlimits.h"

#include "gateway/core/httpmessage.h"

#include <QByteArray>

namespace gw::runtime {

// An incremental, strict HTTP/1.1 request parser for the gateway's listener. Limits are checked
// as bytes arrive, so an oversized request is refused before it is buffered: a body over the
// payload limit is refused from its Content-Length (or the first chunk that crosses it).
class RequestParser
{
public:
    enum class State { RequestLine, Headers, Body, Chunked, Done, Error };

    explicit RequestParser(const ListenerLimits &limits) : m_limits(limits) {}

    // Consumes bytes of the current request; returns how many (the rest start the next one).
    qsizetype feed(const char *data, qsizetype size);
    void reset();

    State state() const { return m_state; }
    bool isDone() const { return m_state == State::Done; }
    bool hasError() const { return m_state == State::Error; }
    bool inProgress() const { return m_state != State::RequestLine || !m_line.isEmpty(); }
    bool headComplete() const { return m_state == State::Body || m_state == State::Chunked || m_state == State::Done; }
    // For errors: the status to answer (400, 413, 414, 431, 501, 505) and why.
    int errorStatus() const { return m_errorStatus; }
    QByteArray errorMessage() const { return m_errorMessage; }
    bool expectsContinue() const { return m_expectContinue; }
    bool keepAlive() const { return m_keepAlive; }
    qsizetype bodyReceived() const { return m_request.body.size(); }

    HttpRequest takeRequest() { return std::move(m_request); }
    const HttpRequest &request() const { return m_request; }

private:
    bool fail(int status, const char *message);
    bool headLine(QByteArrayView line, bool complete);
    bool parseRequestLine(QByteArrayView line);
    bool parseHeader(QByteArrayView line);
    bool headersDone();
    qsizetype takeLine(const char *data, qsizetype size, bool *complete);

    ListenerLimits m_limits;
    State m_state = State::RequestLine;
    QByteArray m_line;
    qsizetype m_headerBytes = 0;
    qint64 m_remaining = 0;
    int m_chunkPhase = 0;
    bool m_keepAlive = true;
    bool m_expectContinue = false;
    int m_errorStatus = 0;
    QByteArray m_errorMessage;
    HttpRequest m_request;
    qint64 m_contentLength = -1;
    bool m_chunked = false;
    bool m_lastCodingChunked = false;
    QByteArray m_absoluteAuthority;
    bool m_connectionClose = false;
    bool m_connectionKeepAlive = false;
    bool m_sawHost = false;
};

} // namespace gw::runtime
