#pragma once

#include <QTimer>
#include <QWidget>

#include <memory>

class QLabel;
class QPushButton;

namespace gw::traffic {
struct TrafficState;
}

namespace gw::ui {

// The running stage cache at a glance: entries, bytes used of the capacity, hits, misses and the
// hit ratio, read from the engine's shared traffic state once a second while shown (a read lock
// and a few atomics: the GUI never waits on a request), and Flush, as the console's "Flush
// entire cache". Thread contract: GUI thread.
class CacheStatsView : public QWidget
{
    Q_OBJECT
public:
    explicit CacheStatsView(QWidget *parent = nullptr);
    void setTraffic(std::shared_ptr<gw::traffic::TrafficState> traffic);
    void setStage(const QString &apiId, const QString &stage);
    QString text() const;
    void refresh();

signals:
    void flushed(const QString &stage);

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    void flush();

    std::shared_ptr<gw::traffic::TrafficState> m_traffic;
    QString m_name;
    QLabel *m_label;
    QPushButton *m_flush;
    QTimer m_timer;
};

} // namespace gw::ui
