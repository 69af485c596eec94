#pragma once

#include <QByteArray>
#include <QProcess>
#include <QTemporaryDir>
#include <QUrl>

namespace gwtest {

// A real nginx (/usr/sbin/nginx) for tests: one process (master_process off, so nothing changes
// user), config, logs, temp files and document root all in a temporary directory, listening on a
// free loopback port. The access log writes "$connection $connection_requests $request_length
// $status $request" per request, so a test can count the connections a client used.
class NginxProcess
{
public:
    NginxProcess();
    ~NginxProcess();

    // Writes `name` under the document root (www/).
    bool addFile(const QString &name, const QByteArray &content);
    // Starts nginx with `serverDirectives` inside its server { } block and `httpDirectives` in
    // http { }. Waits until the port accepts. False with errorText() on failure.
    bool start(const QByteArray &serverDirectives, const QByteArray &httpDirectives = {});
    void stop();

    quint16 port() const { return m_port; }
    QUrl url(const QString &pathAndQuery) const;
    QList<QList<QByteArray>> accessLog() const; // one list of fields per request
    QString errorText() const { return m_error; }

private:
    QTemporaryDir m_dir;
    QProcess m_process;
    quint16 m_port = 0;
    QString m_error;
};

} // namespace gwtest
