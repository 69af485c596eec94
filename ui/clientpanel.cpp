#include "clientpanel.h"

#include "ui/models/clienthistorymodel.h"
#include "ui/models/curlcommand.h"
#include "ui/models/keyvaluemodel.h"
#include "ui/models/requestsender.h"
#include "ui/models/urlquery.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QTabWidget>
#include <QVBoxLayout>

namespace gw::ui {

namespace {

QTableView *keyValueView(KeyValueModel *model, const QString &name, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->verticalHeader()->hide();
    view->horizontalHeader()->setSectionResizeMode(KeyValueModel::Enabled, QHeaderView::ResizeToContents);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setEditTriggers(QAbstractItemView::AllEditTriggers);
    // Delete removes the selected rows: no dialog, the history keeps what was sent.
    auto *remove = new QShortcut(QKeySequence::Delete, view, nullptr, nullptr, Qt::WidgetShortcut);
    QObject::connect(remove, &QShortcut::activated, view, [view, model]() {
        const QModelIndex current = view->currentIndex();
        if (current.isValid())
            model->removeRows(current.row(), 1);
    });
    return view;
}

} // namespace

ClientPanel::ClientPanel(QWidget *parent)
    : QWidget(parent), m_sender(new RequestSender(this)), m_query(new KeyValueModel(Qt::CaseSensitive, this)),
      m_headers(new KeyValueModel(Qt::CaseInsensitive, this)), m_history(new ClientHistoryModel(100, this)),
      m_method(new QComboBox(this)), m_url(new QLineEdit(this)), m_send(new QPushButton(tr("Send"), this)),
      m_note(new QLabel(this)), m_summary(new QLabel(this))
{
    m_method->addItems({QStringLiteral("GET"), QStringLiteral("POST"), QStringLiteral("PUT"), QStringLiteral("PATCH"),
                        QStringLiteral("DELETE"), QStringLiteral("HEAD"), QStringLiteral("OPTIONS")});
    m_method->setObjectName(QStringLiteral("clientMethod"));
    m_url->setObjectName(QStringLiteral("clientUrl"));
    m_url->setPlaceholderText(tr("http://127.0.0.1:4510/…"));
    m_send->setObjectName(QStringLiteral("clientSend"));
    m_send->setToolTip(tr("Send (Ctrl+Enter)"));
    m_note->setObjectName(QStringLiteral("clientNote"));
    m_note->setWordWrap(true);
    m_summary->setObjectName(QStringLiteral("clientSummary"));
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *line = new QHBoxLayout;
    line->addWidget(m_method);
    line->addWidget(m_url, 1);
    line->addWidget(m_send);
    auto *copy = new QPushButton(tr("Copy as cURL"), this);
    auto *paste = new QPushButton(tr("Paste cURL"), this);
    copy->setObjectName(QStringLiteral("clientCopyCurl"));
    paste->setObjectName(QStringLiteral("clientPasteCurl"));
    auto *curlLine = new QHBoxLayout;
    curlLine->addWidget(copy);
    curlLine->addWidget(paste);
    curlLine->addWidget(m_note, 1);

    auto *requestPart = new QWidget(this);
    auto *requestLayout = new QVBoxLayout(requestPart);
    requestLayout->setContentsMargins(0, 0, 0, 0);
    requestLayout->addLayout(line);
    requestLayout->addWidget(buildRequestTabs(), 1);
    requestLayout->addLayout(curlLine);

    m_historyView = new QListView(this);
    m_historyView->setObjectName(QStringLiteral("clientHistory"));
    m_historyView->setModel(m_history);
    m_historyView->setUniformItemSizes(true);
    m_historyView->setToolTip(tr("Sent requests: click one to load it again"));

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(requestPart);
    splitter->addWidget(buildResponse());
    splitter->addWidget(m_historyView);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_send, &QPushButton::clicked, this, [this]() { m_sender->isBusy() ? cancel() : send(); });
    connect(m_url, &QLineEdit::returnPressed, this, &ClientPanel::send);
    connect(m_url, &QLineEdit::textEdited, this, &ClientPanel::onUrlEdited);
    connect(m_query, &KeyValueModel::edited, this, [this]() { m_url->setText(urlquery::withQuery(m_url->text(), m_query->rows())); });
    connect(m_headers, &KeyValueModel::edited, this, &ClientPanel::onHeadersEdited);
    connect(copy, &QPushButton::clicked, this, &ClientPanel::copyAsCurl);
    connect(paste, &QPushButton::clicked, this, &ClientPanel::pasteCurl);
    connect(m_historyView, &QListView::clicked, this, [this](const QModelIndex &index) { restoreHistory(index.row()); });
    connect(m_sender, &RequestSender::finished, this, &ClientPanel::onResponse);
    for (const auto key : {Qt::Key_Return, Qt::Key_Enter}) {
        auto *shortcut = new QShortcut(QKeySequence(Qt::CTRL | key), this);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        connect(shortcut, &QShortcut::activated, this, &ClientPanel::send);
    }
}

QWidget *ClientPanel::buildRequestTabs()
{
    auto *tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("clientRequestTabs"));
    tabs->addTab(keyValueView(m_query, QStringLiteral("clientParams"), tabs), tr("Params"));
    tabs->addTab(keyValueView(m_headers, QStringLiteral("clientHeaders"), tabs), tr("Headers"));

    auto *bodyPage = new QWidget(tabs);
    m_contentType = new QComboBox(bodyPage);
    m_contentType->setObjectName(QStringLiteral("clientContentType"));
    m_contentType->setEditable(true);
    m_contentType->addItems({QString(), QStringLiteral("application/json"), QStringLiteral("text/plain"), QStringLiteral("application/xml"),
                             QStringLiteral("application/x-www-form-urlencoded")});
    m_contentType->lineEdit()->setPlaceholderText(tr("no Content-Type"));
    m_body = new QPlainTextEdit(bodyPage);
    m_body->setObjectName(QStringLiteral("clientBody"));
    m_body->setPlaceholderText(tr("Request body"));
    auto *bodyForm = new QFormLayout;
    bodyForm->addRow(tr("Content type"), m_contentType);
    auto *bodyLayout = new QVBoxLayout(bodyPage);
    bodyLayout->addLayout(bodyForm);
    bodyLayout->addWidget(m_body, 1);
    tabs->addTab(bodyPage, tr("Body"));
    connect(m_contentType, &QComboBox::currentTextChanged, this, [this](const QString &type) { m_headers->setValue(QStringLiteral("Content-Type"), type.trimmed()); });

    auto *authPage = new QWidget(tabs);
    m_apiKey = new QLineEdit(authPage);
    m_apiKey->setObjectName(QStringLiteral("clientApiKey"));
    m_bearer = new QLineEdit(authPage);
    m_bearer->setObjectName(QStringLiteral("clientBearer"));
    m_bearer->setPlaceholderText(tr("token (sent as Authorization: Bearer …)"));
    auto *authForm = new QFormLayout(authPage);
    authForm->addRow(tr("x-api-key"), m_apiKey);
    authForm->addRow(tr("Bearer token"), m_bearer);
    tabs->addTab(authPage, tr("Auth"));
    connect(m_apiKey, &QLineEdit::textEdited, this, [this](const QString &key) { m_headers->setValue(QStringLiteral("x-api-key"), key.trimmed()); });
    connect(m_bearer, &QLineEdit::textEdited, this, [this](const QString &token) {
        m_headers->setValue(QStringLiteral("Authorization"), token.trimmed().isEmpty() ? QString() : QStringLiteral("Bearer ") + token.trimmed());
    });
    return tabs;
}

QWidget *ClientPanel::buildResponse()
{
    auto *part = new QWidget(this);
    m_showTrace = new QPushButton(tr("Show trace"), part);
    m_showTrace->setObjectName(QStringLiteral("clientShowTrace"));
    m_showTrace->setEnabled(false);
    m_responseBody = new QPlainTextEdit(part);
    m_responseBody->setObjectName(QStringLiteral("clientResponse"));
    m_responseBody->setReadOnly(true);
    m_responseHeaders = new QTableWidget(0, 2, part);
    m_responseHeaders->setObjectName(QStringLiteral("clientResponseHeaders"));
    m_responseHeaders->setHorizontalHeaderLabels({tr("Header"), tr("Value")});
    m_responseHeaders->horizontalHeader()->setStretchLastSection(true);
    m_responseHeaders->verticalHeader()->hide();
    m_responseHeaders->setEditTriggers(QAbstractItemView::NoEditTriggers);
    auto *tabs = new QTabWidget(part);
    tabs->addTab(m_responseBody, tr("Body"));
    tabs->addTab(m_responseHeaders, tr("Headers"));
    auto *top = new QHBoxLayout;
    top->addWidget(m_summary, 1);
    top->addWidget(m_showTrace);
    auto *layout = new QVBoxLayout(part);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(tabs, 1);
    connect(m_showTrace, &QPushButton::clicked, this, [this]() {
        const QByteArray id = headerValue(m_response.headers, "x-amzn-RequestId");
        if (!id.isEmpty())
            emit traceRequested(QString::fromLatin1(id));
    });
    return part;
}

void ClientPanel::setUrl(const QString &url)
{
    m_url->setText(url);
    onUrlEdited();
}

QString ClientPanel::url() const { return m_url->text(); }

void ClientPanel::setMethod(const QString &method)
{
    if (m_method->findText(method) < 0)
        m_method->addItem(method);
    m_method->setCurrentText(method);
}

QString ClientPanel::method() const { return m_method->currentText(); }
bool ClientPanel::isBusy() const { return m_sender->isBusy(); }
QString ClientPanel::responseText() const { return m_responseBody->toPlainText(); }
QString ClientPanel::responseSummary() const { return m_summary->text(); }
QString ClientPanel::statusLine() const { return m_note->text(); }
QJsonArray ClientPanel::historyJson() const { return m_history->toJson(); }
void ClientPanel::setHistoryJson(const QJsonArray &history) { m_history->setJson(history); }

void ClientPanel::loadRequest(const QString &method, const QString &url, const QList<QPair<QByteArray, QByteArray>> &headers,
                              const QByteArray &body)
{
    loadRequest(ClientRequest{method, url, headers, body});
}

void ClientPanel::loadRequest(const ClientRequest &request)
{
    setMethod(request.method);
    setUrl(request.url);
    QList<KeyValueRow> rows;
    for (const auto &h : request.headers)
        rows.append({QString::fromLatin1(h.first), QString::fromUtf8(h.second), true});
    m_headers->setRows(rows);
    onHeadersEdited();
    m_body->setPlainText(QString::fromUtf8(request.body));
}

ClientRequest ClientPanel::currentRequest() const
{
    ClientRequest request;
    request.method = m_method->currentText();
    request.url = m_url->text().trimmed();
    for (const auto &row : m_headers->enabledRows())
        request.headers.append({row.key.toLatin1(), row.value.toUtf8()});
    request.body = m_body->toPlainText().toUtf8();
    return request;
}

void ClientPanel::onUrlEdited()
{
    m_query->setRows(urlquery::merge(m_url->text(), m_query->rows()));
}

void ClientPanel::onHeadersEdited()
{
    // The helpers show what the headers say, whichever side was edited.
    const QSignalBlocker blockType(m_contentType);
    m_contentType->setCurrentText(m_headers->value(QStringLiteral("Content-Type")));
    m_apiKey->setText(m_headers->value(QStringLiteral("x-api-key")));
    const QString authorization = m_headers->value(QStringLiteral("Authorization"));
    m_bearer->setText(authorization.startsWith(QLatin1String("Bearer "), Qt::CaseInsensitive) ? authorization.mid(7) : QString());
}

void ClientPanel::send()
{
    if (m_sender->isBusy())
        return;
    m_pending = currentRequest();
    if (!m_sender->send(m_pending)) {
        m_summary->setText(m_sender->lastError());
        return;
    }
    m_send->setText(tr("Cancel"));
    m_summary->setText(tr("Sending…"));
}

void ClientPanel::cancel()
{
    m_sender->cancel();
}

void ClientPanel::onResponse(const ClientResponse &response)
{
    m_response = response;
    m_send->setText(tr("Send"));
    m_summary->setText(response.summary());
    m_responseBody->setPlainText(response.prettyBody());
    m_responseHeaders->setRowCount(int(response.headers.size()));
    for (int i = 0; i < response.headers.size(); ++i) {
        m_responseHeaders->setItem(i, 0, new QTableWidgetItem(QString::fromLatin1(response.headers[i].first)));
        m_responseHeaders->setItem(i, 1, new QTableWidgetItem(QString::fromUtf8(response.headers[i].second)));
    }
    m_showTrace->setEnabled(!headerValue(response.headers, "x-amzn-RequestId").isEmpty());
    if (!response.cancelled) {
        m_history->add({m_pending, response.status, response.elapsedMs, QDateTime::currentDateTimeUtc()});
        emit historyChanged();
    }
    emit finished(response.status);
}

void ClientPanel::restoreHistory(int row)
{
    if (const ClientHistoryEntry *entry = m_history->entry(row))
        loadRequest(entry->request);
}

bool ClientPanel::applyCurl(const QString &commandLine)
{
    const CurlCommand cmd = CurlCommand::parse(commandLine);
    if (!cmd.ok()) {
        setNote(tr("Not pasted: %1.").arg(cmd.error));
        return false;
    }
    loadRequest(cmd.request);
    setNote(cmd.ignored.isEmpty() ? tr("Pasted the cURL command.")
                                  : tr("Pasted; ignored: %1").arg(cmd.ignored.join(QStringLiteral(", "))));
    return true;
}

void ClientPanel::copyAsCurl()
{
    QApplication::clipboard()->setText(CurlCommand::format(currentRequest()));
    setNote(tr("Copied as cURL."));
}

void ClientPanel::pasteCurl()
{
    applyCurl(QApplication::clipboard()->text());
}

void ClientPanel::setNote(const QString &text)
{
    m_note->setText(text);
}

} // namespace gw::ui
