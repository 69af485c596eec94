#pragma once

#include "ui/models/clientresponse.h"

#include <QJsonArray>
#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QTableWidget;
class QTabWidget;

namespace gw::ui {

class ClientHistoryModel;
class KeyValueModel;
class RequestSender;

// The built-in client: method, URL, query parameters and headers as tables (the parameters kept
// in step with the URL), body with a content type, x-api-key and Bearer helpers that fill the
// headers; the response's status, time, size, headers and (pretty) body; a history of sent
// requests; copy and paste as cURL. Sending is asynchronous (RequestSender): the GUI never
// waits on the network. Thread contract: GUI thread.
class ClientPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ClientPanel(QWidget *parent = nullptr);

    void setUrl(const QString &url);
    QString url() const;
    void setMethod(const QString &method);
    QString method() const;
    // Replaces the whole request form (method, URL, headers with the helpers, body).
    void loadRequest(const QString &method, const QString &url, const QList<QPair<QByteArray, QByteArray>> &headers,
                     const QByteArray &body);
    void loadRequest(const ClientRequest &request);
    // The request as Send would send it (enabled headers only).
    ClientRequest currentRequest() const;
    bool isBusy() const;

    QString responseText() const;    // the body as shown: pretty JSON or raw text
    QString responseSummary() const; // "200 OK · 3 ms · 15 bytes", "No response: …"
    const ClientResponse &lastResponse() const { return m_response; }
    QString statusLine() const;      // what Paste/Copy cURL reported

    // The history, newest first, as the project stores it.
    QJsonArray historyJson() const;
    void setHistoryJson(const QJsonArray &history);
    ClientHistoryModel *historyModel() const { return m_history; }
    KeyValueModel *queryModel() const { return m_query; }
    KeyValueModel *headerModel() const { return m_headers; }

    // Fills the form from a curl command line; false (form unchanged) when it is unusable.
    // Either way statusLine() says what happened, including options that were ignored.
    bool applyCurl(const QString &commandLine);

public slots:
    void send();
    void cancel();
    void copyAsCurl();  // to the clipboard
    void pasteCurl();   // from the clipboard
    void restoreHistory(int row);

signals:
    void finished(int status); // 0: no response (error or cancelled)
    void historyChanged();
    // The user asked for the trace of the last response (its x-amzn-RequestId).
    void traceRequested(const QString &requestId);

private:
    QWidget *buildRequestTabs();
    QWidget *buildResponse();
    void onUrlEdited();
    void onHeadersEdited();
    void onResponse(const ClientResponse &response);
    void setNote(const QString &text);

    RequestSender *m_sender;
    KeyValueModel *m_query;
    KeyValueModel *m_headers;
    ClientHistoryModel *m_history;
    QComboBox *m_method;
    QLineEdit *m_url;
    QPushButton *m_send;
    QComboBox *m_contentType;
    QPlainTextEdit *m_body;
    QLineEdit *m_apiKey;
    QLineEdit *m_bearer;
    QLabel *m_note;
    QLabel *m_summary;
    QPushButton *m_showTrace;
    QPlainTextEdit *m_responseBody;
    QTableWidget *m_responseHeaders;
    QListView *m_historyView;
    ClientRequest m_pending;
    ClientResponse m_response;
};

} // namespace gw::ui
