#include "dashboardpage.h"

#include "models/metricsseries.h"

#include <QChart>
#include <QChartView>
#include <QComboBox>
#include <QCursor>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineSeries>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

namespace gw::ui {

DashboardPage::DashboardPage(std::shared_ptr<gw::observe::MetricsRegistry> metrics, QWidget *parent)
    : QWidget(parent), m_metrics(std::move(metrics)), m_dimension(new QComboBox(this)), m_window(new QComboBox(this))
{
    m_dimension->setObjectName(QStringLiteral("dashboardDimension"));
    m_window->setObjectName(QStringLiteral("dashboardWindow"));
    m_window->addItem(tr("Last minute"), 60);
    m_window->addItem(tr("Last 15 minutes"), 900);
    m_window->addItem(tr("Last hour"), 3600);
    auto *controls = new QHBoxLayout;
    controls->addWidget(new QLabel(tr("Show"), this));
    controls->addWidget(m_dimension, 1);
    controls->addWidget(m_window);

    m_rate = makeChart(tr("Requests per second"), {tr("2xx/3xx"), tr("4xx"), tr("5xx")}, tr("req/s"));
    m_latency = makeChart(tr("Latency"), {tr("p50"), tr("p90"), tr("p99")}, tr("ms"));
    m_integration = makeChart(tr("Integration latency"), {tr("p50"), tr("p99")}, tr("ms"));
    m_cache = makeChart(tr("Cache hit ratio"), {tr("hit ratio")}, QString());
    auto *grid = new QGridLayout;
    int i = 0;
    for (const Chart *c : {&m_rate, &m_latency, &m_integration, &m_cache}) {
        auto *view = new QChartView(c->chart, this);
        view->setRenderHint(QPainter::Antialiasing);
        view->setMinimumHeight(180);
        grid->addWidget(view, i / 2, i % 2);
        ++i;
    }
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(controls);
    layout->addLayout(grid, 1);

    connect(m_window, &QComboBox::currentIndexChanged, this, [this]() {
        m_windowSeconds = m_window->currentData().toInt();
        refresh(m_metrics->nowSecond());
    });
    connect(m_dimension, &QComboBox::currentIndexChanged, this, [this]() {
        const QStringList parts = m_dimension->currentData().toStringList();
        m_filter = {parts.value(0), parts.value(1), parts.value(2), parts.value(3)};
        refresh(m_metrics->nowSecond());
    });
    // Once a second: cheap (per-second aggregates, one registry lock), never per request.
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, [this]() {
        updateFilterChoices();
        refresh(m_metrics->nowSecond());
    });
    m_timer.start();
    updateFilterChoices();
}

DashboardPage::Chart DashboardPage::makeChart(const QString &title, const QStringList &seriesNames, const QString &unit)
{
    Chart c;
    c.chart = new QChart;
    c.chart->setTitle(title);
    c.chart->legend()->setAlignment(Qt::AlignBottom);
    c.x = new QValueAxis(c.chart);
    c.x->setTitleText(tr("seconds"));
    c.x->setLabelFormat(QStringLiteral("%d"));
    c.y = new QValueAxis(c.chart);
    c.y->setTitleText(unit);
    c.chart->addAxis(c.x, Qt::AlignBottom);
    c.chart->addAxis(c.y, Qt::AlignLeft);
    for (const QString &name : seriesNames) {
        auto *s = new QLineSeries(c.chart);
        s->setName(name);
        s->setObjectName(title + QLatin1Char('/') + name);
        c.chart->addSeries(s);
        s->attachAxis(c.x);
        s->attachAxis(c.y);
        connect(s, &QLineSeries::hovered, this, [s, unit](const QPointF &point, bool state) {
            if (state)
                QToolTip::showText(QCursor::pos(), QStringLiteral("%1: %2 %3 at %4 s").arg(s->name()).arg(point.y(), 0, 'f', 2).arg(unit).arg(point.x()));
            else
                QToolTip::hideText();
        });
        c.series.append(s);
    }
    return c;
}

void DashboardPage::setPoints(QLineSeries *series, const QList<QPointF> &points)
{
    series->replace(points); // one update per series per refresh
}

void DashboardPage::refresh(qint64 nowSecond)
{
    m_metrics->collect();
    const DashboardSeries d = buildDashboardSeries(*m_metrics, m_filter, nowSecond, m_windowSeconds);
    setPoints(m_rate.series[0], d.ok2xx);
    setPoints(m_rate.series[1], d.client4xx);
    setPoints(m_rate.series[2], d.server5xx);
    setPoints(m_latency.series[0], d.p50);
    setPoints(m_latency.series[1], d.p90);
    setPoints(m_latency.series[2], d.p99);
    setPoints(m_integration.series[0], d.integrationP50);
    setPoints(m_integration.series[1], d.integrationP99);
    setPoints(m_cache.series[0], d.cacheHitRatio);
    for (const Chart *c : {&m_rate, &m_latency, &m_integration, &m_cache})
        c->x->setRange(-m_windowSeconds + 1, 0);
    m_rate.y->setRange(0, qMax(1.0, d.maxRate * 1.1));
    m_latency.y->setRange(0, qMax(1.0, d.maxLatency * 1.1));
    double integrationMax = 1.0;
    for (const QPointF &p : d.integrationP99)
        integrationMax = qMax(integrationMax, p.y() * 1.1);
    m_integration.y->setRange(0, integrationMax);
    m_cache.y->setRange(0, 1);
}

void DashboardPage::setWindowSeconds(int seconds)
{
    const int index = m_window->findData(seconds);
    if (index >= 0)
        m_window->setCurrentIndex(index);
    m_windowSeconds = seconds;
}

void DashboardPage::setFilter(const gw::observe::MetricKey &filter)
{
    m_filter = filter;
}

void DashboardPage::updateFilterChoices()
{
    QStringList current = m_dimension->currentData().toStringList();
    QList<QStringList> choices = {{}};
    for (const auto &k : m_metrics->keys()) {
        for (const QStringList &c : {QStringList{k.apiId}, QStringList{k.apiId, k.stage}, QStringList{k.apiId, k.stage, k.resource, k.method}})
            if (!choices.contains(c))
                choices.append(c);
    }
    if (choices.size() == m_dimension->count())
        return;
    const QSignalBlocker block(m_dimension);
    m_dimension->clear();
    for (const QStringList &c : choices) {
        QString label = c.isEmpty() ? tr("All APIs") : c.value(0);
        if (c.size() > 1)
            label += QStringLiteral(" · ") + c.value(1);
        if (c.size() > 2)
            label += QStringLiteral(" · ") + c.value(3) + QLatin1Char(' ') + c.value(2);
        m_dimension->addItem(label, c);
    }
    const int index = m_dimension->findData(current);
    m_dimension->setCurrentIndex(index < 0 ? 0 : index);
}

int DashboardPage::seriesPointCount(const QString &name) const
{
    for (const Chart *c : {&m_rate, &m_latency, &m_integration, &m_cache})
        for (const QLineSeries *s : c->series)
            if (s->objectName() == name)
                return int(s->count());
    return -1;
}

double DashboardPage::seriesLastValue(const QString &name) const
{
    for (const Chart *c : {&m_rate, &m_latency, &m_integration, &m_cache})
        for (const QLineSeries *s : c->series)
            if (s->objectName() == name && s->count())
                return s->at(s->count() - 1).y();
    return -1;
}

} // namespace gw::ui
