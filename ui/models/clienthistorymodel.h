#pragma once

#include "clientrequest.h"

#include <QAbstractListModel>
#include <QDateTime>
#include <QJsonArray>

namespace gw::ui {

struct ClientHistoryEntry
{
    ClientRequest request;
    int status = 0;          // 0: no response
    qint64 elapsedMs = 0;
    QDateTime sentAt;
    friend bool operator==(const ClientHistoryEntry &, const ClientHistoryEntry &) = default;
};

// The client's sent requests, newest first, at most `capacity` (the oldest drop out). Saved
// with the project as JSON. Thread contract: GUI thread.
class ClientHistoryModel : public QAbstractListModel
{
    Q_OBJECT
public:
    explicit ClientHistoryModel(qsizetype capacity = 100, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    void add(const ClientHistoryEntry &entry);
    const ClientHistoryEntry *entry(int row) const;
    qsizetype capacity() const { return m_capacity; }
    void clear();

    QJsonArray toJson() const;
    // Replaces the history; entries without a URL are skipped, the list is cut to capacity.
    void setJson(const QJsonArray &json);

private:
    qsizetype m_capacity;
    QList<ClientHistoryEntry> m_entries;
};

} // namespace gw::ui
