#pragma once

#include "gateway/runtime/requestprocessor.h"

#include <QAbstractTableModel>

#include <deque>

namespace gw::ui {

// The live log: one row per finished request, newest last, bounded (oldest rows drop out).
// Rows arrive a batch at a time from Engine::requestsFinished, one insert per batch, so the
// view keeps up whatever the request rate. Thread contract: GUI thread.
class RequestLogModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Stage, Method, Path, Status, Latency, Size, ColumnCount };

    explicit RequestLogModel(qsizetype capacity = 10000, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void appendBatch(const QList<gw::runtime::RequestRecord> &records);
    const gw::runtime::RequestRecord *record(int row) const;
    void setPaused(bool paused) { m_paused = paused; }
    bool isPaused() const { return m_paused; }
    void clear();

private:
    qsizetype m_capacity;
    bool m_paused = false;
    std::deque<gw::runtime::RequestRecord> m_rows;
};

} // namespace gw::ui
