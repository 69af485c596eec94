#pragma once

#include "gateway/observe/metricsregistry.h"

#include <QTimer>
#include <QWidget>

#include <memory>

class QChart;
class QComboBox;
class QLineSeries;
class QValueAxis;

namespace gw::ui {

struct DashboardSeries;

// The metrics dashboard: requests by status class, latency p50/p90/p99, integration latency and
// cache hit ratio for a chosen API/stage/method and window (1 min, 15 min, 1 h), redrawn once a
// second from the engine's per-second aggregates; hovering a line shows its value.
// Thread contract: GUI thread.
class DashboardPage : public QWidget
{
    Q_OBJECT
public:
    explicit DashboardPage(std::shared_ptr<gw::observe::MetricsRegistry> metrics, QWidget *parent = nullptr);

    // Redraws now for the given time (tests pass a fixed second; the timer passes the clock's).
    void refresh(qint64 nowSecond);
    void setWindowSeconds(int seconds);
    void setFilter(const gw::observe::MetricKey &filter);
    int seriesPointCount(const QString &seriesName) const;
    double seriesLastValue(const QString &seriesName) const;

private:
    struct Chart
    {
        QChart *chart = nullptr;
        QValueAxis *x = nullptr;
        QValueAxis *y = nullptr;
        QList<QLineSeries *> series;
    };
    Chart makeChart(const QString &title, const QStringList &seriesNames, const QString &unit);
    void updateFilterChoices();
    static void setPoints(QLineSeries *series, const QList<QPointF> &points);

    std::shared_ptr<gw::observe::MetricsRegistry> m_metrics;
    QComboBox *m_dimension;
    QComboBox *m_window;
    QTimer m_timer;
    int m_windowSeconds = 60;
    gw::observe::MetricKey m_filter;
    Chart m_rate, m_latency, m_integration, m_cache;
};

} // namespace gw::ui
