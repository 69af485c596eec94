#pragma once

#include "itemeditor.h"
#include "quotaview.h"

class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLineEdit;
class QListWidget;
class QSpinBox;

namespace gw::ui {

class KeyValueTable;

// A usage plan: name, description, throttle (rate, burst), quota (limit, period, offset), the
// API stages it covers with per-method throttle overrides, its keys, and a live view of each
// key's quota left in the current period.
class UsagePlanEditor : public ItemEditor
{
    Q_OBJECT
public:
    explicit UsagePlanEditor(ProjectDocument *document, QWidget *parent = nullptr);
    void setConfigSource(QuotaView::ConfigSource source) { m_quota->setConfigSource(std::move(source)); }
    QuotaView *quotaView() const { return m_quota; }
    // "apiId/stage /path/VERB" → "rate/burst", as the overrides table shows them.
    static QString methodThrottleKey(const QString &apiId, const QString &stage, const QString &method);

protected:
    void load() override;

private:
    void changePlan(const QString &text, const QString &field, const std::function<void(gw::model::UsagePlan &)> &f);
    QWidget *buildLimits();

    QLineEdit *m_name;
    QLineEdit *m_description;
    QGroupBox *m_throttle;
    QDoubleSpinBox *m_rate;
    QSpinBox *m_burst;
    QGroupBox *m_quotaBox;
    QSpinBox *m_limit;
    QComboBox *m_period;
    QSpinBox *m_offset;
    QListWidget *m_stages;
    KeyValueTable *m_methodThrottles;
    QListWidget *m_keys;
    QuotaView *m_quota;
};

} // namespace gw::ui
