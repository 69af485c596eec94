#include "clientpanel.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QVBoxLayout>

namespace gw::ui {

ClientPanel::ClientPanel(QWidget *parent)
    : QWidget(parent), m_method(new QComboBox(this)), m_url(new QLineEdit(this)), m_headers(new QPlainTextEdit(this)),
      m_body(new QPlainTextEdit(this)), m_send(new QPushButton(tr("Send"), this)), m_status(new QLabel(this)),
      m_response(new QPlainTextEdit(this)), m_network(new QNetworkAccessManager(this))
{
    m_method->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("PATCH"),
                        QStringLiteral("DELETE"), QStringLiteral("HEAD"), QStringLiteral("OPTIONS")});
    m_method->setObjectName(QStringLiteral("clientMethod"));
    m_url->setObjectName(QStringLiteral("clientUrl"));
    m_send->setObjectName(QStringLiteral("clientSend"));
    m_response->setObjectName(QStringLiteral("clientResponse"));
    m_headers->setPlaceholderText(tr("Header: value, one per line"));
    m_headers->setMaximumHeight(70);
    m_body->setPlaceholderText(tr("Request body"));
    m_body->setMaximumHeight(90);
    m_response->setReadOnly(true);
    auto *line = new QHBoxLayout;
    line->addWidget(m_method);
    line->addWidget(m_url, 1);
    line->addWidget(m_send);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(line);
    layout->addWidget(new QLabel(tr("Headers"), this));
    layout->addWidget(m_headers);
    layout->addWidget(new QLabel(tr("Body"), this));
    layout->addWidget(m_body);
    layout->addWidget(m_status);
    layout->addWidget(m_response, 1);
    connect(m_send, &QPushButton::clicked, this, [this]() { m_reply ? cancel() : send(); });
    connect(m_url, &QLineEdit::returnPressed, this, &ClientPanel::send);
    auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), this);
    shortcut->setContext(Qt::WidgetWithChildrenShortcut);
    connect(shortcut, &QShortcut::activated, this, &ClientPanel::send);
}

void ClientPanel::setUrl(const QString &url) { m_url->setText(url); }
QString ClientPanel::url() const { return m_url->text(); }
void ClientPanel::setMethod(const QString &method) { m_method->setCurrentText(method); }
QString ClientPanel::responseText() const { return m_response->toPlainText(); }

void ClientPanel::send()
{
    if (m_reply)
        return;
    QUrl url = QUrl::fromUserInput(m_url->text().trimmed());
    if (!url.isValid() || url.host().isEmpty()) {
        m_status->setText(tr("Enter a URL such as http://127.0.0.1:4510/…"));
        return;
    }
    QNetworkRequest request(url);
    if (url.host().endsWith(QLatin1String(".localhost"))) {
        request.setRawHeader("Host", url.authority().toLatin1());
        QUrl direct = url;
        direct.setHost(QStringLiteral("127.0.0.1"));
        request.setUrl(direct);
    }
    for (const QString &line : m_headers->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const auto colon = line.indexOf(QLatin1Char(':'));
        if (colon > 0)
            request.setRawHeader(line.left(colon).trimmed().toLatin1(), line.mid(colon + 1).trimmed().toUtf8());
    }
    m_timer.start();
    m_reply = m_network->sendCustomRequest(request, m_method->currentText().toLatin1(), m_body->toPlainText().toUtf8());
    connect(m_reply, &QNetworkReply::finished, this, &ClientPanel::onFinished);
    m_send->setText(tr("Cancel"));
    m_status->setText(tr("Sending…"));
}

void ClientPanel::cancel()
{
    if (m_reply)
        m_reply->abort();
}

void ClientPanel::onFinished()
{
    QNetworkReply *reply = m_reply;
    m_reply = nullptr;
    reply->deleteLater();
    m_send->setText(tr("Send"));
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (!status) {
        m_status->setText(tr("No response: %1").arg(reply->errorString()));
        m_response->clear();
        emit finished(0);
        return;
    }
    QString text;
    for (const auto &h : reply->rawHeaderPairs())
        text += QString::fromLatin1(h.first) + QStringLiteral(": ") + QString::fromUtf8(h.second) + QLatin1Char('\n');
    const QByteArray body = reply->readAll();
    const QJsonDocument json = QJsonDocument::fromJson(body);
    text += QLatin1Char('\n') + (json.isNull() ? QString::fromUtf8(body) : QString::fromUtf8(json.toJson(QJsonDocument::Indented)));
    m_status->setText(tr("%1 · %2 ms · %3 bytes").arg(status).arg(m_timer.elapsed()).arg(body.size()));
    m_response->setPlainText(text);
    emit finished(status);
}

} // namespace gw::ui
