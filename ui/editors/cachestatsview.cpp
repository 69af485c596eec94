#include "cachestatsview.h"

#include "gateway/traffic/trafficstate.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPushButton>

namespace gw::ui {

CacheStatsView::CacheStatsView(QWidget *parent)
    : QWidget(parent), m_label(new QLabel(this)), m_flush(new QPushButton(tr("Flush cache"), this))
{
    m_label->setObjectName(QStringLiteral("cacheStats"));
    m_label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_flush->setObjectName(QStringLiteral("flushCache"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_flush);
    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &CacheStatsView::refresh);
    connect(m_flush, &QPushButton::clicked, this, &CacheStatsView::flush);
    refresh();
}

void CacheStatsView::setTraffic(std::shared_ptr<gw::traffic::TrafficState> traffic)
{
    m_traffic = std::move(traffic);
    refresh();
}

void CacheStatsView::setStage(const QString &apiId, const QString &stage)
{
    m_name = gw::traffic::stageCacheName(apiId, stage);
    refresh();
}

QString CacheStatsView::text() const
{
    return m_label->text();
}

void CacheStatsView::refresh()
{
    const auto cache = m_traffic && !m_name.isEmpty() ? m_traffic->caches.find(m_name) : nullptr;
    m_flush->setEnabled(cache != nullptr);
    if (!cache) {
        m_label->setText(tr("No cache running for this stage (enable it, deploy, and send a request)."));
        return;
    }
    const auto s = cache->stats();
    const quint64 lookups = s.hits + s.misses;
    const QLocale locale;
    m_label->setText(tr("Entries %1 · %2 of %3 used · hits %4, misses %5 · hit ratio %6")
                         .arg(locale.toString(s.entries), locale.formattedDataSize(s.usedBytes), locale.formattedDataSize(s.capacityBytes),
                              locale.toString(s.hits), locale.toString(s.misses),
                              lookups ? locale.toString(100.0 * double(s.hits) / double(lookups), 'f', 1) + QLatin1Char('%') : tr("–")));
}

void CacheStatsView::flush()
{
    if (m_traffic && m_traffic->caches.flush(m_name))
        emit flushed(m_name);
    refresh();
}

void CacheStatsView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    refresh();
    m_timer.start();
}

void CacheStatsView::hideEvent(QHideEvent *event)
{
    m_timer.stop();
    QWidget::hideEvent(event);
}

} // namespace gw::ui
