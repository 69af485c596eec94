#pragma once

#include "gateway/runtime/requestprocessor.h"

#include <QWidget>

class QAbstractItemView;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QTableView;
class QToolButton;
class QTreeWidget;

namespace gw::ui {

class RequestLogFilterModel;
class RequestLogModel;

// The live log: the finished requests as a table (RequestLogModel, bounded, fed in batches),
// a filter (Ctrl+F), pause and follow switches, and for the selected row its request and
// response (secret headers masked) and its execution trace as a phase timeline, with "Send
// again". A batch costs work for its own rows only, so 10,000 requests/s never stall typing.
// Thread contract: GUI thread.
class LiveLogPanel : public QWidget
{
    Q_OBJECT
public:
    explicit LiveLogPanel(QWidget *parent = nullptr);

    RequestLogModel *model() const { return m_log; }
    RequestLogFilterModel *filterModel() const { return m_filter; }
    QAbstractItemView *view() const;

    // Rows of the view (after the filter).
    void selectRow(int row);
    // Selects the row of that request (newest match); false when it is not (or no longer) shown.
    bool selectRequest(const QString &requestId);
    // Request, response and trace of the selected row, as shown; empty without a selection.
    QString detailsText() const;

    void setFilterText(const QString &text);
    QString filterText() const;
    bool isPaused() const;
    void setPaused(bool paused);
    bool isFollowing() const;
    void setFollowing(bool follow);
    // Where "Send again" sends a request whose Host header was not captured.
    void setBaseUrl(const QString &url) { m_baseUrl = url; }

public slots:
    void appendBatch(const QList<gw::runtime::RequestRecord> &records);
    void focusFilter();
    void clear();

signals:
    void sendAgain(const QString &method, const QString &url, const QList<QPair<QByteArray, QByteArray>> &headers,
                   const QByteArray &body);

private:
    QWidget *buildDetails();
    void showRecord(const gw::runtime::RequestRecord &record);
    void updateCounts();

    RequestLogModel *m_log;
    RequestLogFilterModel *m_filter;
    QLineEdit *m_filterEdit;
    QToolButton *m_pause;
    QToolButton *m_follow;
    QLabel *m_counts;
    QTableView *m_view;
    QPlainTextEdit *m_details;
    QTreeWidget *m_timeline;
    QPushButton *m_sendAgain;
    std::optional<gw::runtime::RequestRecord> m_shown; // a copy: the row may drop out of the buffer
    QString m_baseUrl;
};

} // namespace gw::ui
