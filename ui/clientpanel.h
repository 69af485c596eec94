#pragma once

#include <QElapsedTimer>
#include <QPointer>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QNetworkAccessManager;
class QNetworkReply;
class QPlainTextEdit;
class QPushButton;

namespace gw::ui {

// The built-in client: method, URL, headers and body; Send is asynchronous (the GUI never
// waits on the network). *.localhost hosts are sent to 127.0.0.1 with the Host header kept,
// since the system resolver does not map them. Thread contract: GUI thread.
class ClientPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ClientPanel(QWidget *parent = nullptr);
    void setUrl(const QString &url);
    QString url() const;
    void setMethod(const QString &method);
    QString responseText() const;

public slots:
    void send();
    void cancel();

signals:
    void finished(int status);

private:
    void onFinished();

    QComboBox *m_method;
    QLineEdit *m_url;
    QPlainTextEdit *m_headers;
    QPlainTextEdit *m_body;
    QPushButton *m_send;
    QLabel *m_status;
    QPlainTextEdit *m_response;
    QNetworkAccessManager *m_network;
    QPointer<QNetworkReply> m_reply;
    QElapsedTimer m_timer;
};

} // namespace gw::ui
