#include "nginxprocess.h"

#include <QDeadlineTimer>
#include <QDir>
#include <QFile>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace gwtest {

namespace {

bool writeFile(const QString &path, const QByteArray &content)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(content) == content.size();
}

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

} // namespace

NginxProcess::NginxProcess()
{
    QDir(m_dir.path()).mkpath(QStringLiteral("www"));
}

NginxProcess::~NginxProcess()
{
    stop();
}

bool NginxProcess::addFile(const QString &name, const QByteArray &content)
{
    return writeFile(m_dir.filePath(QStringLiteral("www/") + name), content);
}

bool NginxProcess::start(const QByteArray &serverDirectives, const QByteArray &httpDirectives)
{
    m_port = freePort();
    const QByteArray dir = m_dir.path().toUtf8();
    QByteArray config = "worker_processes 1;\n"
                        "master_process off;\n"
                        "error_log " + dir + "/error.log warn;\n"
                        "events { worker_connections 1024; }\n"
                        "http {\n"
                        "  log_format conn '$connection $connection_requests $request_length $status $request';\n"
                        "  access_log " + dir + "/access.log conn;\n"
                        "  client_body_temp_path " + dir + "/body;\n"
                        "  proxy_temp_path " + dir + "/proxy;\n"
                        "  fastcgi_temp_path " + dir + "/fastcgi;\n"
                        "  uwsgi_temp_path " + dir + "/uwsgi;\n"
                        "  scgi_temp_path " + dir + "/scgi;\n"
                        "  default_type text/plain;\n"
                        + httpDirectives + "\n"
                        "  server {\n"
                        "    listen 127.0.0.1:" + QByteArray::number(m_port) + ";\n"
                        "    root " + dir + "/www;\n"
                        + serverDirectives + "\n"
                        "  }\n"
                        "}\n";
    if (!writeFile(m_dir.filePath(QStringLiteral("nginx.conf")), config)) {
        m_error = QStringLiteral("can't write nginx.conf");
        return false;
    }
    m_process.setProcessChannelMode(QProcess::MergedChannels);
    m_process.start(QStringLiteral("/usr/sbin/nginx"),
                    {QStringLiteral("-p"), m_dir.path(), QStringLiteral("-e"), m_dir.filePath(QStringLiteral("error.log")),
                     QStringLiteral("-c"), m_dir.filePath(QStringLiteral("nginx.conf")), QStringLiteral("-g"),
                     QStringLiteral("daemon off; pid %1;").arg(m_dir.filePath(QStringLiteral("nginx.pid")))});
    if (!m_process.waitForStarted(5000)) {
        m_error = m_process.errorString();
        return false;
    }
    for (QDeadlineTimer until(10000); !until.hasExpired();) {
        QTcpSocket probe;
        probe.connectToHost(QHostAddress::LocalHost, m_port);
        if (probe.waitForConnected(200))
            return true;
        if (m_process.state() != QProcess::Running)
            break;
        QThread::msleep(20);
    }
    QFile log(m_dir.filePath(QStringLiteral("error.log")));
    log.open(QIODevice::ReadOnly);
    m_error = QStringLiteral("nginx did not start: ") + QString::fromUtf8(m_process.readAll() + log.readAll());
    return false;
}

void NginxProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

QUrl NginxProcess::url(const QString &pathAndQuery) const
{
    return QUrl(QStringLiteral("http://127.0.0.1:%1%2").arg(m_port).arg(pathAndQuery));
}

QList<QList<QByteArray>> NginxProcess::accessLog() const
{
    QFile f(m_dir.filePath(QStringLiteral("access.log")));
    QList<QList<QByteArray>> out;
    if (!f.open(QIODevice::ReadOnly))
        return out;
    for (const QByteArray &line : f.readAll().split('\n'))
        if (!line.isEmpty())
            out.append(line.split(' '));
    return out;
}

} // namespace gwtest
