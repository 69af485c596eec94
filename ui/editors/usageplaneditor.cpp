#include "usageplaneditor.h"

#include "formutil.h"
#include "keyvaluetable.h"

#include "ui/document/projectaccess.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

namespace gw::ui {

namespace {

QString stageKey(const QString &apiId, const QString &stage)
{
    return apiId + QLatin1Char('/') + stage;
}

} // namespace

QString UsagePlanEditor::methodThrottleKey(const QString &apiId, const QString &stage, const QString &method)
{
    return stageKey(apiId, stage) + QLatin1Char(' ') + method;
}

UsagePlanEditor::UsagePlanEditor(ProjectDocument *document, QWidget *parent)
    : ItemEditor(document, parent), m_name(new QLineEdit(this)), m_description(new QLineEdit(this)), m_stages(new QListWidget(this)),
      m_methodThrottles(new KeyValueTable(tr("API stage and method (api/stage /path/VERB)"), tr("rate/burst, e.g. 10/5"), this)),
      m_keys(new QListWidget(this)), m_quota(new QuotaView(this))
{
    m_name->setObjectName(QStringLiteral("planName"));
    m_description->setObjectName(QStringLiteral("planDescription"));
    m_stages->setObjectName(QStringLiteral("planStages"));
    m_methodThrottles->setObjectName(QStringLiteral("planMethodThrottles"));
    m_keys->setObjectName(QStringLiteral("planKeys"));
    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Description"), m_description);
    body()->addLayout(form);
    body()->addWidget(buildLimits());
    auto *lists = new QHBoxLayout;
    auto *stagesColumn = new QVBoxLayout;
    stagesColumn->addWidget(new QLabel(tr("API stages"), this));
    stagesColumn->addWidget(m_stages, 1);
    stagesColumn->addWidget(new QLabel(tr("Per-method throttling"), this));
    stagesColumn->addWidget(m_methodThrottles, 1);
    auto *keysColumn = new QVBoxLayout;
    keysColumn->addWidget(new QLabel(tr("API keys"), this));
    keysColumn->addWidget(m_keys, 1);
    keysColumn->addWidget(new QLabel(tr("Quota used in the current period (live, from the running engine)"), this));
    keysColumn->addWidget(m_quota, 1);
    lists->addLayout(stagesColumn, 1);
    lists->addLayout(keysColumn, 1);
    body()->addLayout(lists, 1);

    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &t) {
        changePlan(tr("Rename usage plan"), QStringLiteral("name"), [t](gw::model::UsagePlan &u) { u.name = t; });
    });
    connect(m_description, &QLineEdit::textEdited, this, [this](const QString &t) {
        changePlan(tr("Edit usage plan description"), QStringLiteral("description"), [t](gw::model::UsagePlan &u) { u.description = t; });
    });
    connect(m_stages, &QListWidget::itemChanged, this, [this](QListWidgetItem *row) {
        if (isLoading())
            return;
        const QString apiId = row->data(Qt::UserRole).toString().section(QLatin1Char('/'), 0, 0);
        const QString stage = row->data(Qt::UserRole).toString().section(QLatin1Char('/'), 1);
        const bool on = row->checkState() == Qt::Checked;
        changePlan(on ? tr("Add API stage to usage plan") : tr("Remove API stage from usage plan"), {}, [apiId, stage, on](gw::model::UsagePlan &u) {
            u.apiStages.removeIf([&](const gw::model::UsagePlanStage &s) { return s.apiId == apiId && s.stage == stage; });
            if (on)
                u.apiStages.append(gw::model::UsagePlanStage{apiId, stage, {}});
        });
    });
    connect(m_methodThrottles, &KeyValueTable::edited, this, [this](const KeyValueTable::Pairs &pairs) {
        changePlan(tr("Edit per-method throttling"), QStringLiteral("methodThrottles"), [pairs](gw::model::UsagePlan &u) {
            for (auto &s : u.apiStages)
                s.methodThrottles.clear();
            for (const auto &[key, value] : pairs) {
                const QString stage = key.section(QLatin1Char(' '), 0, 0);
                const QString method = key.section(QLatin1Char(' '), 1).trimmed();
                for (auto &s : u.apiStages) {
                    if (stageKey(s.apiId, s.stage) != stage || method.isEmpty())
                        continue;
                    gw::model::ThrottleSettings t;
                    bool rateOk = false, burstOk = false;
                    const double rate = value.section(QLatin1Char('/'), 0, 0).trimmed().toDouble(&rateOk);
                    const int burst = value.section(QLatin1Char('/'), 1, 1).trimmed().toInt(&burstOk);
                    if (rateOk)
                        t.rateLimit = rate;
                    if (burstOk)
                        t.burstLimit = burst;
                    s.methodThrottles.insert(method, t);
                }
            }
        });
    });
    connect(m_keys, &QListWidget::itemChanged, this, [this](QListWidgetItem *row) {
        if (isLoading())
            return;
        const QString keyId = row->data(Qt::UserRole).toString();
        const bool on = row->checkState() == Qt::Checked;
        changePlan(on ? tr("Add key to usage plan") : tr("Remove key from usage plan"), {}, [keyId, on](gw::model::UsagePlan &u) {
            u.apiKeyIds.removeAll(keyId);
            if (on)
                u.apiKeyIds.append(keyId);
        });
    });
}

QWidget *UsagePlanEditor::buildLimits()
{
    auto *limits = new QWidget(this);
    m_throttle = new QGroupBox(tr("Throttling"), limits);
    m_throttle->setObjectName(QStringLiteral("planThrottle"));
    m_throttle->setCheckable(true);
    m_rate = new QDoubleSpinBox(m_throttle);
    m_rate->setObjectName(QStringLiteral("planRate"));
    m_rate->setRange(0, 1e6);
    m_rate->setDecimals(1);
    m_rate->setSuffix(tr(" req/s"));
    m_burst = new QSpinBox(m_throttle);
    m_burst->setObjectName(QStringLiteral("planBurst"));
    m_burst->setRange(0, 1000000);
    auto *throttleForm = new QFormLayout(m_throttle);
    throttleForm->addRow(tr("Rate"), m_rate);
    throttleForm->addRow(tr("Burst"), m_burst);

    m_quotaBox = new QGroupBox(tr("Quota"), limits);
    m_quotaBox->setObjectName(QStringLiteral("planQuota"));
    m_quotaBox->setCheckable(true);
    m_limit = new QSpinBox(m_quotaBox);
    m_limit->setObjectName(QStringLiteral("quotaLimit"));
    m_limit->setRange(1, 2000000000);
    m_period = new QComboBox(m_quotaBox);
    m_period->setObjectName(QStringLiteral("quotaPeriod"));
    for (const char *p : {"DAY", "WEEK", "MONTH"})
        m_period->addItem(QString::fromLatin1(p), QString::fromLatin1(p));
    m_offset = new QSpinBox(m_quotaBox);
    m_offset->setObjectName(QStringLiteral("quotaOffset"));
    m_offset->setToolTip(tr("Days into the week (0–6) or month (0–27) at which the period starts"));
    auto *quotaForm = new QFormLayout(m_quotaBox);
    quotaForm->addRow(tr("Requests"), m_limit);
    quotaForm->addRow(tr("Per"), m_period);
    quotaForm->addRow(tr("Offset (days)"), m_offset);
    auto *layout = new QHBoxLayout(limits);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_throttle);
    layout->addWidget(m_quotaBox);

    connect(m_throttle, &QGroupBox::toggled, this, [this](bool on) {
        const gw::model::ThrottleSettings t{m_rate->value(), m_burst->value()};
        changePlan(on ? tr("Throttle usage plan") : tr("Remove usage plan throttle"), {}, [on, t](gw::model::UsagePlan &u) {
            if (on)
                u.throttle = t;
            else
                u.throttle.reset();
        });
    });
    connect(m_rate, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        changePlan(tr("Change usage plan rate"), QStringLiteral("rate"), [v](gw::model::UsagePlan &u) {
            if (u.throttle)
                u.throttle->rateLimit = v;
        });
    });
    connect(m_burst, &QSpinBox::valueChanged, this, [this](int v) {
        changePlan(tr("Change usage plan burst"), QStringLiteral("burst"), [v](gw::model::UsagePlan &u) {
            if (u.throttle)
                u.throttle->burstLimit = v;
        });
    });
    connect(m_quotaBox, &QGroupBox::toggled, this, [this](bool on) {
        const gw::model::QuotaSettings q{m_limit->value(), m_offset->value(), form::current(m_period)};
        changePlan(on ? tr("Add quota") : tr("Remove quota"), {}, [on, q](gw::model::UsagePlan &u) {
            if (on)
                u.quota = q;
            else
                u.quota.reset();
        });
    });
    connect(m_limit, &QSpinBox::valueChanged, this, [this](int v) {
        changePlan(tr("Change quota limit"), QStringLiteral("limit"), [v](gw::model::UsagePlan &u) {
            if (u.quota)
                u.quota->limit = v;
        });
    });
    connect(m_period, &QComboBox::activated, this, [this]() {
        const QString period = form::current(m_period);
        // The offset's range depends on the period (AWS: WEEK 0–6, MONTH 0–27, DAY 0).
        changePlan(tr("Change quota period"), {}, [period](gw::model::UsagePlan &u) {
            if (!u.quota)
                return;
            u.quota->period = period;
            u.quota->offset = qMin(u.quota->offset, period == QLatin1String("WEEK") ? 6 : period == QLatin1String("MONTH") ? 27 : 0);
        });
    });
    connect(m_offset, &QSpinBox::valueChanged, this, [this](int v) {
        changePlan(tr("Change quota offset"), QStringLiteral("offset"), [v](gw::model::UsagePlan &u) {
            if (u.quota)
                u.quota->offset = v;
        });
    });
    return limits;
}

void UsagePlanEditor::changePlan(const QString &text, const QString &field, const std::function<void(gw::model::UsagePlan &)> &f)
{
    changeItem(text, field, &findUsagePlan, f);
}

void UsagePlanEditor::load()
{
    const auto *u = findUsagePlan(project(), item());
    setEnabled(u != nullptr);
    if (!u)
        return;
    form::setText(m_name, u->name);
    form::setText(m_description, u->description);
    m_throttle->setChecked(u->throttle.has_value());
    form::setValue(m_rate, u->throttle ? u->throttle->rateLimit.value_or(0) : 10);
    form::setValue(m_burst, u->throttle ? u->throttle->burstLimit.value_or(0) : 5);
    m_quotaBox->setChecked(u->quota.has_value());
    const gw::model::QuotaSettings quota = u->quota.value_or(gw::model::QuotaSettings{1000, 0, QStringLiteral("DAY")});
    form::setValue(m_limit, quota.limit);
    form::setCurrent(m_period, quota.period);
    m_offset->setRange(0, quota.period == QLatin1String("WEEK") ? 6 : quota.period == QLatin1String("MONTH") ? 27 : 0);
    form::setValue(m_offset, quota.offset);

    QList<QPair<QString, QString>> stages;
    QSet<QString> listed;
    for (const auto &api : project().apis)
        for (const auto &s : api.stages) {
            stages.append({stageKey(api.id, s.name), QStringLiteral("%1 · %2 (%3)").arg(api.name, s.name, stageKey(api.id, s.name))});
            listed.insert(stageKey(api.id, s.name));
        }
    for (const auto &s : u->apiStages) // a stage that is gone stays visible so it can be unticked
        if (!listed.contains(stageKey(s.apiId, s.stage)))
            stages.append({stageKey(s.apiId, s.stage), tr("%1 (missing)").arg(stageKey(s.apiId, s.stage))});
    form::setCheckList(m_stages, stages, [u](const QString &key) {
        return std::any_of(u->apiStages.cbegin(), u->apiStages.cend(), [&](const gw::model::UsagePlanStage &s) { return stageKey(s.apiId, s.stage) == key; });
    });
    KeyValueTable::Pairs throttles;
    for (const auto &s : u->apiStages)
        for (auto it = s.methodThrottles.begin(); it != s.methodThrottles.end(); ++it)
            throttles.append({methodThrottleKey(s.apiId, s.stage, it.key()),
                              QStringLiteral("%1/%2").arg(it->rateLimit ? QString::number(*it->rateLimit) : QString(),
                                                          it->burstLimit ? QString::number(*it->burstLimit) : QString())});
    m_methodThrottles->setPairs(throttles);

    QList<QPair<QString, QString>> keys;
    for (const auto &k : project().apiKeys)
        keys.append({k.id, k.enabled ? k.name : tr("%1 (disabled)").arg(k.name)});
    form::setCheckList(m_keys, keys, [u](const QString &id) { return u->apiKeyIds.contains(id); });
    m_quota->setPlan(u->id);
}

} // namespace gw::ui
