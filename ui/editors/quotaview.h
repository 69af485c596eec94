#pragma once

#include "gateway/apikeys/quotastatus.h"

#include <QFutureWatcher>
#include <QTimer>
#include <QWidget>

#include <functional>
#include <memory>

class QLabel;
class QTableWidget;

namespace gw::deploy {
struct RuntimeConfig;
}

namespace gw::ui {

// Remaining quota of each key of one usage plan in the current period, read live from the
// configuration the engine serves (its quota ledger) once a second while the view is visible.
// The ledger is read on a pool thread; the GUI thread only takes the configuration snapshot
// (a shared_ptr copy) and shows the result. Thread contract: GUI thread.
class QuotaView : public QWidget
{
    Q_OBJECT
public:
    using ConfigSource = std::function<std::shared_ptr<const gw::deploy::RuntimeConfig>()>;
    explicit QuotaView(QWidget *parent = nullptr);
    ~QuotaView() override;

    void setConfigSource(ConfigSource source) { m_source = std::move(source); }
    void setPlan(const QString &planId);
    QTableWidget *table() const { return m_table; }
    // Remaining requests of `keyId` as last shown; -1 when the key has no row.
    qint64 remainingShown(const QString &keyId) const;

public slots:
    void refresh();

signals:
    void refreshed();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void showRows(const QList<gw::apikeys::QuotaStatus> &rows);

    ConfigSource m_source;
    QString m_planId;
    QTableWidget *m_table;
    QLabel *m_note;
    QTimer m_timer;
    QFutureWatcher<QList<gw::apikeys::QuotaStatus>> m_watcher;
};

} // namespace gw::ui
