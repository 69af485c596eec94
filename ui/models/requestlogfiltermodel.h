#pragma once

#include "requestlogmodel.h"

#include <QAbstractProxyModel>

#include <deque>

namespace gw::ui {

// The live log's filter. Terms are separated by spaces and all must match; a term matches a
// row when it equals the method or the stage (any case), names its status ("404") or status
// class ("5xx"), or is part of the path ("/pets").
//
// Unlike QSortFilterProxyModel this relies on RequestLogModel's shape (rows leave only at the
// front, arrive only at the end): a batch costs a look at the new rows only, dropped rows
// leave with one remove, and nothing re-reads the whole buffer except a new filter text.
// Any other source change falls back to a full rebuild. Thread contract: GUI thread.
class RequestLogFilterModel : public QAbstractProxyModel
{
    Q_OBJECT
public:
    explicit RequestLogFilterModel(QObject *parent = nullptr);

    void setSourceModel(QAbstractItemModel *source) override;
    RequestLogModel *logModel() const { return m_log; }

    void setFilterText(const QString &text);
    QString filterText() const { return m_text; }
    static bool matches(const gw::runtime::RequestRecord &record, const QStringList &terms);

    // The record behind a row of this model.
    const gw::runtime::RequestRecord *record(int row) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QModelIndex mapToSource(const QModelIndex &proxyIndex) const override;
    QModelIndex mapFromSource(const QModelIndex &sourceIndex) const override;

private:
    void rebuild();
    void onRowsInserted(int first, int last);
    void onRowsAboutToBeRemoved(int first, int last);
    void onRowsRemoved();

    RequestLogModel *m_log = nullptr;
    QString m_text;
    QStringList m_terms;
    quint64 m_firstSequence = 0;  // the source's firstSequence() as this model last saw it
    std::deque<quint64> m_accepted; // sequence numbers of the rows that pass, ascending
    qsizetype m_pendingFrontRemoval = -1; // rows of ours leaving with the source's removal
    bool m_resetting = false;
    QList<QMetaObject::Connection> m_connections;
};

} // namespace gw::ui
