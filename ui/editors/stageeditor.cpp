#include "stageeditor.h"

#include "cachestatsview.h"
#include "formutil.h"
#include "keyvaluetable.h"
#include "methodsettingspanel.h"

#include "ui/document/projectaccess.h"

#include "gateway/model/methodsettingkey.h"
#include "gateway/traffic/throttlelimits.h"
#include "gateway/observe/accesslogformat.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QSlider>
#include <QTabWidget>
#include <QVBoxLayout>

namespace gw::ui {

namespace {

const QString kDefaults = QStringLiteral("*/*");

KeyValueTable::Pairs toPairs(const QMap<QString, QString> &map)
{
    KeyValueTable::Pairs out;
    for (auto it = map.begin(); it != map.end(); ++it)
        out.append({it.key(), it.value()});
    return out;
}

QMap<QString, QString> toMap(const KeyValueTable::Pairs &pairs)
{
    QMap<QString, QString> map;
    for (const auto &[k, v] : pairs)
        map.insert(k, v);
    return map;
}

} // namespace

StageEditor::StageEditor(ProjectDocument *document, QWidget *parent)
    : ItemEditor(document, parent), m_description(new QLineEdit(this)), m_deployment(new QComboBox(this)),
      m_variables(new KeyValueTable(tr("Variable"), tr("Value"), this))
{
    m_description->setObjectName(QStringLiteral("stageDescription"));
    m_deployment->setObjectName(QStringLiteral("deployment"));
    m_variables->setObjectName(QStringLiteral("stageVariables"));
    auto *general = new QWidget(this);
    auto *form = new QFormLayout;
    form->addRow(tr("Description"), m_description);
    form->addRow(tr("Serves deployment"), m_deployment);
    auto *generalLayout = new QVBoxLayout(general);
    generalLayout->addLayout(form);
    generalLayout->addWidget(new QLabel(tr("Stage variables (${stageVariables.name} in URIs and templates)"), general));
    generalLayout->addWidget(m_variables, 1);

    auto *tabs = new QTabWidget(this);
    tabs->addTab(general, tr("General"));
    tabs->addTab(buildCacheAndThrottling(), tr("Cache and throttling"));
    tabs->addTab(buildCanary(), tr("Canary"));
    tabs->addTab(buildLogging(), tr("Logs"));
    body()->addWidget(tabs, 1);

    connect(m_description, &QLineEdit::textEdited, this, [this](const QString &t) {
        changeStage(tr("Edit stage description"), QStringLiteral("description"), [t](gw::model::Stage &s) { s.description = t; });
    });
    connect(m_deployment, &QComboBox::activated, this, [this]() {
        const QString id = form::current(m_deployment);
        changeStage(tr("Change stage deployment"), {}, [id](gw::model::Stage &s) { s.deploymentId = id; });
    });
    connect(m_variables, &KeyValueTable::edited, this, [this](const KeyValueTable::Pairs &pairs) {
        const auto map = toMap(pairs);
        changeStage(tr("Edit stage variables"), QStringLiteral("variables"), [map](gw::model::Stage &s) { s.variables = map; });
    });
}

QWidget *StageEditor::buildCacheAndThrottling()
{
    auto *page = new QWidget(this);
    m_cacheEnabled = new QCheckBox(tr("Provision a stage cache"), page);
    m_cacheEnabled->setObjectName(QStringLiteral("cacheEnabled"));
    m_cacheSize = new QComboBox(page);
    m_cacheSize->setObjectName(QStringLiteral("cacheSize"));
    for (const QString &size : gw::model::cacheClusterSizes())
        m_cacheSize->addItem(tr("%1 GB").arg(size), size);
    m_cacheTtl = new QSpinBox(page);
    m_cacheTtl->setObjectName(QStringLiteral("cacheTtl"));
    m_cacheTtl->setRange(0, 3600);   // AWS's bounds; 0 disables caching
    m_cacheTtl->setSuffix(tr(" s"));
    m_cacheEncrypted = new QCheckBox(tr("Encrypt cache data"), page);
    m_rate = new QDoubleSpinBox(page);
    m_rate->setObjectName(QStringLiteral("throttleRate"));
    m_rate->setRange(0, 1e6);
    m_rate->setDecimals(1);
    m_rate->setSuffix(tr(" req/s"));
    m_burst = new QSpinBox(page);
    m_burst->setObjectName(QStringLiteral("throttleBurst"));
    m_burst->setRange(0, 1000000);
    m_methodSettings = new MethodSettingsPanel(
        [this](const QString &text, const QString &field, const MethodSettingsPanel::Change &change) {
            changeStage(text, field, [change](gw::model::Stage &s) { change(s.methodSettings); });
        },
        page);
    m_methodSettings->setObjectName(QStringLiteral("methodSettings"));
    m_cacheStats = new CacheStatsView(page);
    auto *form = new QFormLayout;
    form->addRow(QString(), m_cacheEnabled);
    form->addRow(tr("Cache capacity"), m_cacheSize);
    form->addRow(tr("Default TTL"), m_cacheTtl);
    form->addRow(QString(), m_cacheEncrypted);
    form->addRow(tr("Default rate"), m_rate);
    form->addRow(tr("Default burst"), m_burst);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_cacheStats);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Per-method overrides (resourcePath/VERB, '~1' for '/' inside the path, '*' wildcards)"), page));
    layout->addWidget(m_methodSettings, 1);

    connect(m_cacheEnabled, &QCheckBox::toggled, this, [this](bool on) {
        changeStage(on ? tr("Enable stage cache") : tr("Disable stage cache"), {}, [on](gw::model::Stage &s) { s.cacheClusterEnabled = on; });
    });
    connect(m_cacheSize, &QComboBox::activated, this, [this]() {
        const QString size = form::current(m_cacheSize);
        changeStage(tr("Change cache capacity"), {}, [size](gw::model::Stage &s) { s.cacheClusterSize = size; });
    });
    connect(m_cacheTtl, &QSpinBox::valueChanged, this, [this](int v) {
        changeDefaults(tr("Change cache TTL"), QStringLiteral("ttl"), [v](gw::model::MethodSetting &m) { m.cacheTtlInSeconds = v; });
    });
    connect(m_cacheEncrypted, &QCheckBox::toggled, this, [this](bool on) {
        changeDefaults(tr("Change cache encryption"), {}, [on](gw::model::MethodSetting &m) { m.cacheDataEncrypted = on; });
    });
    connect(m_rate, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        changeDefaults(tr("Change throttling rate"), QStringLiteral("rate"), [v](gw::model::MethodSetting &m) { m.throttlingRateLimit = v; });
    });
    connect(m_burst, &QSpinBox::valueChanged, this, [this](int v) {
        changeDefaults(tr("Change throttling burst"), QStringLiteral("burst"), [v](gw::model::MethodSetting &m) { m.throttlingBurstLimit = v; });
    });
    return page;
}

QWidget *StageEditor::buildCanary()
{
    m_canary = new QGroupBox(tr("Canary release"), this);
    m_canary->setObjectName(QStringLiteral("canary"));
    m_canary->setCheckable(true);
    m_canaryPercent = new QSlider(Qt::Horizontal, m_canary);
    m_canaryPercent->setRange(0, 1000);   // tenths of a percent
    m_canaryPercentValue = new QDoubleSpinBox(m_canary);
    m_canaryPercentValue->setObjectName(QStringLiteral("canaryPercent"));
    m_canaryPercentValue->setRange(0, 100);
    m_canaryPercentValue->setDecimals(1);
    m_canaryPercentValue->setSuffix(QStringLiteral(" %"));
    m_canaryDeployment = new QComboBox(m_canary);
    m_canaryUsesCache = new QCheckBox(tr("Canary requests use the stage cache"), m_canary);
    m_canaryVariables = new KeyValueTable(tr("Stage variable"), tr("Canary value"), m_canary);
    auto *promote = new QPushButton(tr("Promote canary"), m_canary);
    promote->setObjectName(QStringLiteral("promoteCanary"));
    auto *percentRow = new QHBoxLayout;
    percentRow->addWidget(m_canaryPercent, 1);
    percentRow->addWidget(m_canaryPercentValue);
    auto *form = new QFormLayout;
    form->addRow(tr("Traffic to the canary"), percentRow);
    form->addRow(tr("Canary deployment"), m_canaryDeployment);
    form->addRow(QString(), m_canaryUsesCache);
    auto *layout = new QVBoxLayout(m_canary);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("Stage variable overrides for canary requests"), m_canary));
    layout->addWidget(m_canaryVariables, 1);
    layout->addWidget(promote, 0, Qt::AlignLeft);

    auto changeCanary = [this](const QString &text, const QString &field, std::function<void(gw::model::CanarySettings &)> f) {
        changeStage(text, field, [f](gw::model::Stage &s) {
            if (!s.canary)
                s.canary = gw::model::CanarySettings{};
            f(*s.canary);
        });
    };
    connect(m_canary, &QGroupBox::toggled, this, [this](bool on) {
        changeStage(on ? tr("Add canary") : tr("Remove canary"), {}, [on](gw::model::Stage &s) {
            if (!on)
                s.canary.reset();
            else if (!s.canary)
                s.canary = gw::model::CanarySettings{s.deploymentId, 10.0, {}, false};
        });
    });
    connect(m_canaryPercent, &QSlider::valueChanged, this, [this](int v) { m_canaryPercentValue->setValue(v / 10.0); });
    connect(m_canaryPercentValue, &QDoubleSpinBox::valueChanged, this, [this, changeCanary](double v) {
        if (m_canaryPercent->value() != qRound(v * 10))
            m_canaryPercent->setValue(qRound(v * 10));
        changeCanary(tr("Change canary traffic"), QStringLiteral("percent"), [v](gw::model::CanarySettings &c) { c.percentTraffic = v; });
    });
    connect(m_canaryDeployment, &QComboBox::activated, this, [this, changeCanary]() {
        const QString id = form::current(m_canaryDeployment);
        changeCanary(tr("Change canary deployment"), {}, [id](gw::model::CanarySettings &c) { c.deploymentId = id; });
    });
    connect(m_canaryUsesCache, &QCheckBox::toggled, this, [changeCanary](bool on) {
        changeCanary(QObject::tr("Change canary cache use"), {}, [on](gw::model::CanarySettings &c) { c.useStageCache = on; });
    });
    connect(m_canaryVariables, &KeyValueTable::edited, this, [changeCanary](const KeyValueTable::Pairs &pairs) {
        const auto map = toMap(pairs);
        changeCanary(QObject::tr("Edit canary variables"), QStringLiteral("canaryVariables"),
                     [map](gw::model::CanarySettings &c) { c.stageVariableOverrides = map; });
    });
    // As the console's Promote: the canary's deployment and variable overrides become the
    // stage's, and the canary goes.
    connect(promote, &QPushButton::clicked, this, [this]() {
        changeStage(tr("Promote canary"), {}, [](gw::model::Stage &s) {
            if (!s.canary)
                return;
            s.deploymentId = s.canary->deploymentId;
            for (auto it = s.canary->stageVariableOverrides.begin(); it != s.canary->stageVariableOverrides.end(); ++it)
                s.variables.insert(it.key(), it.value());
            s.canary.reset();
        });
    });
    return m_canary;
}

QWidget *StageEditor::buildLogging()
{
    auto *page = new QWidget(this);
    m_logPreset = new QComboBox(page);
    m_logPreset->addItem(tr("Custom"), QString());
    for (const QString &name : gw::observe::AccessLogFormat::presetNames())
        m_logPreset->addItem(name, name);
    m_logFormat = new QPlainTextEdit(page);
    m_logFormat->setObjectName(QStringLiteral("accessLogFormat"));
    m_logFormat->setPlaceholderText(QStringLiteral("$context.requestId $context.status ..."));
    m_logDestination = new QLineEdit(page);
    m_logDestination->setPlaceholderText(tr("file path, relative to the project (empty: no access log)"));
    auto *form = new QFormLayout(page);
    form->addRow(tr("Preset"), m_logPreset);
    form->addRow(tr("Access log format"), m_logFormat);
    form->addRow(tr("Destination"), m_logDestination);
    connect(m_logPreset, &QComboBox::activated, this, [this]() {
        const QString name = form::current(m_logPreset);
        if (name.isEmpty())
            return;
        const QString text = gw::observe::AccessLogFormat::preset(name);
        changeStage(tr("Use access-log preset %1").arg(name), {}, [text](gw::model::Stage &s) { s.accessLogFormat = text; });
    });
    connect(m_logFormat, &QPlainTextEdit::textChanged, this, [this]() {
        const QString text = m_logFormat->toPlainText();
        changeStage(tr("Edit access-log format"), QStringLiteral("logFormat"), [text](gw::model::Stage &s) { s.accessLogFormat = text; });
    });
    connect(m_logDestination, &QLineEdit::textEdited, this, [this](const QString &t) {
        changeStage(tr("Edit access-log destination"), QStringLiteral("logDestination"), [t](gw::model::Stage &s) { s.accessLogDestination = t; });
    });
    return page;
}

void StageEditor::setTraffic(std::shared_ptr<gw::traffic::TrafficState> traffic)
{
    m_cacheStats->setTraffic(std::move(traffic));
}

void StageEditor::changeStage(const QString &text, const QString &field, const std::function<void(gw::model::Stage &)> &f)
{
    const ItemRef ref = item();
    edit(text, [ref, f](gw::model::Project &p) {
        if (auto *s = findStage(p, ref))
            f(*s);
    }, field);
}

void StageEditor::changeDefaults(const QString &text, const QString &field, const std::function<void(gw::model::MethodSetting &)> &f)
{
    changeStage(text, field, [f](gw::model::Stage &s) { f(s.methodSettings[kDefaults]); });
}

void StageEditor::load()
{
    const auto *api = findApi(project(), item());
    const auto *stage = findStage(project(), item());
    setEnabled(stage != nullptr);
    if (!stage || !api)
        return;
    form::setText(m_description, stage->description);
    for (QComboBox *box : {m_deployment, m_canaryDeployment}) {
        box->clear();
        box->addItem(tr("(none)"), QString());
        for (auto it = api->deployments.crbegin(); it != api->deployments.crend(); ++it)
            box->addItem(QStringLiteral("%1 · %2 · %3").arg(it->id, QLocale().toString(it->createdDate.toLocalTime(), QLocale::ShortFormat),
                                                            it->description.isEmpty() ? tr("no description") : it->description),
                         it->id);
    }
    form::setCurrent(m_deployment, stage->deploymentId);
    m_variables->setPairs(toPairs(stage->variables));

    const gw::model::MethodSetting defaults = stage->methodSettings.value(kDefaults);
    m_cacheEnabled->setChecked(stage->cacheClusterEnabled);
    form::setCurrent(m_cacheSize, stage->cacheClusterSize);
    form::setValue(m_cacheTtl, defaults.cacheTtlInSeconds.value_or(300));
    m_cacheEncrypted->setChecked(defaults.cacheDataEncrypted.value_or(false));
    form::setValue(m_rate, defaults.throttlingRateLimit.value_or(gw::traffic::kAccountDefaultLimits.rate));
    form::setValue(m_burst, defaults.throttlingBurstLimit.value_or(gw::traffic::kAccountDefaultLimits.burst));
    m_methodSettings->load(&api->design, *stage);
    m_cacheStats->setStage(api->id, stage->name);

    m_canary->setChecked(stage->canary.has_value());
    const gw::model::CanarySettings canary = stage->canary.value_or(gw::model::CanarySettings{});
    form::setValue(m_canaryPercentValue, canary.percentTraffic);
    form::setCurrent(m_canaryDeployment, canary.deploymentId);
    m_canaryUsesCache->setChecked(canary.useStageCache);
    m_canaryVariables->setPairs(toPairs(canary.stageVariableOverrides));

    form::setText(m_logFormat, stage->accessLogFormat);
    form::setText(m_logDestination, stage->accessLogDestination);
}

} // namespace gw::ui
