#pragma once

#include "gateway/runtime/requestprocessor.h"

#include <QAbstractTableModel>

#include <deque>

namespace gw::ui {

// The live log: one row per finished request, newest last, bounded by rows and by bytes (the
// oldest rows drop out first). Rows arrive a batch at a time from Engine::requestsFinished,
// one insert per batch, so the view keeps up whatever the request rate. Rows only ever leave
// from the front and arrive at the end: firstSequence() numbers them so a filter can follow
// without re-reading the buffer. Thread contract: GUI thread.
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

    // Captured bodies can be large: besides the row capacity, keep at most this many bytes
    // (as TraceStore::sizeOf counts them). Applies from the next batch on.
    void setByteBudget(qsizetype bytes) { m_byteBudget = bytes; }
    qsizetype bytes() const { return m_bytes; }
    qsizetype capacity() const { return m_capacity; }
    // The running number of row 0 since the model was created (rows ever dropped or cleared).
    quint64 firstSequence() const { return m_firstSequence; }
    // Records that arrived while paused, or that did not fit; never shown.
    quint64 skipped() const { return m_skipped; }

private:
    struct Row
    {
        gw::runtime::RequestRecord record;
        qsizetype bytes;
    };
    qsizetype m_capacity;
    qsizetype m_byteBudget = 256 * 1024 * 1024;
    qsizetype m_bytes = 0;
    quint64 m_firstSequence = 0;
    quint64 m_skipped = 0;
    bool m_paused = false;
    std::deque<Row> m_rows;
};

} // namespace gw::ui
