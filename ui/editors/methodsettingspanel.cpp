#include "methodsettingspanel.h"

#include "formutil.h"

#include "gateway/model/methodsettingkey.h"
#include "gateway/traffic/throttlelimits.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace gw::ui {

namespace {

const QString kDefaults = QStringLiteral("*/*");

bool overridesThrottling(const gw::model::MethodSetting &m)
{
    return m.throttlingRateLimit || m.throttlingBurstLimit;
}

bool overridesCaching(const gw::model::MethodSetting &m)
{
    return m.cachingEnabled || m.cacheTtlInSeconds || m.cacheDataEncrypted || m.requireAuthorizationForCacheControl
           || !m.unauthorizedCacheControlHeaderStrategy.isEmpty();
}

void dropEmpty(QMap<QString, gw::model::MethodSetting> &settings)
{
    for (auto it = settings.begin(); it != settings.end();)
        it = *it == gw::model::MethodSetting{} ? settings.erase(it) : std::next(it);
}

} // namespace

MethodSettingsPanel::MethodSettingsPanel(Apply apply, QWidget *parent)
    : QWidget(parent), m_apply(std::move(apply)), m_keys(new QListWidget(this)), m_newKey(new QComboBox(this)),
      m_message(new QLabel(this)), m_form(new QWidget(this))
{
    m_keys->setObjectName(QStringLiteral("methodSettingKeys"));
    m_newKey->setObjectName(QStringLiteral("newMethodSettingKey"));
    m_newKey->setEditable(true);
    m_newKey->setInsertPolicy(QComboBox::NoInsert);
    m_newKey->setToolTip(tr("A method of this API, or a key with '*' wildcards such as 'pets~1*/GET' or 'pets/*'"));
    m_message->setObjectName(QStringLiteral("methodSettingMessage"));
    m_message->setWordWrap(true);
    m_message->setForegroundRole(QPalette::LinkVisited);
    auto *add = new QPushButton(tr("Override"), this);
    add->setObjectName(QStringLiteral("addMethodSetting"));
    auto *remove = new QPushButton(tr("Remove override"), this);
    remove->setObjectName(QStringLiteral("removeMethodSetting"));

    m_throttle = new QGroupBox(tr("Override throttling"), m_form);
    m_throttle->setObjectName(QStringLiteral("overrideThrottling"));
    m_throttle->setCheckable(true);
    m_rate = new QDoubleSpinBox(m_throttle);
    m_rate->setObjectName(QStringLiteral("methodRate"));
    m_rate->setRange(0, 1e6);
    m_rate->setDecimals(1);
    m_rate->setSuffix(tr(" req/s"));
    m_burst = new QSpinBox(m_throttle);
    m_burst->setObjectName(QStringLiteral("methodBurst"));
    m_burst->setRange(0, 1000000);
    auto *throttleForm = new QFormLayout(m_throttle);
    throttleForm->addRow(tr("Rate"), m_rate);
    throttleForm->addRow(tr("Burst"), m_burst);

    m_cache = new QGroupBox(tr("Override caching"), m_form);
    m_cache->setObjectName(QStringLiteral("overrideCaching"));
    m_cache->setCheckable(true);
    m_cachingEnabled = new QCheckBox(tr("Cache this method's responses (GET is cached by default, other verbs only when enabled here)"), m_cache);
    m_cachingEnabled->setObjectName(QStringLiteral("methodCachingEnabled"));
    m_ttl = new QSpinBox(m_cache);
    m_ttl->setObjectName(QStringLiteral("methodCacheTtl"));
    m_ttl->setRange(0, 3600);   // AWS's bounds; 0 turns caching off for the method
    m_ttl->setSuffix(tr(" s"));
    m_encrypted = new QCheckBox(tr("Encrypt cache data"), m_cache);
    m_encrypted->setObjectName(QStringLiteral("methodCacheEncrypted"));
    m_requireAuth = new QCheckBox(tr("Require authorization to invalidate (Cache-Control: max-age=0)"), m_cache);
    m_requireAuth->setObjectName(QStringLiteral("methodRequireAuth"));
    m_strategy = new QComboBox(m_cache);
    m_strategy->setObjectName(QStringLiteral("methodUnauthorizedStrategy"));
    m_strategy->addItem(tr("Fail the request with 403"), QStringLiteral("FAIL_WITH_403"));
    m_strategy->addItem(tr("Ignore the header, add a warning header"), QStringLiteral("SUCCEED_WITH_RESPONSE_HEADER"));
    m_strategy->addItem(tr("Ignore the header"), QStringLiteral("SUCCEED_WITHOUT_RESPONSE_HEADER"));
    auto *cacheForm = new QFormLayout(m_cache);
    cacheForm->addRow(QString(), m_cachingEnabled);
    cacheForm->addRow(tr("TTL"), m_ttl);
    cacheForm->addRow(QString(), m_encrypted);
    cacheForm->addRow(QString(), m_requireAuth);
    cacheForm->addRow(tr("Unauthorized invalidation"), m_strategy);

    auto *formLayout = new QVBoxLayout(m_form);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addWidget(m_throttle);
    formLayout->addWidget(m_cache);
    formLayout->addStretch(1);

    auto *addRow = new QHBoxLayout;
    addRow->addWidget(m_newKey, 1);
    addRow->addWidget(add);
    auto *left = new QVBoxLayout;
    left->addLayout(addRow);
    left->addWidget(m_keys, 1);
    left->addWidget(remove, 0, Qt::AlignLeft);
    left->addWidget(m_message);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(left, 1);
    layout->addWidget(m_form, 1);

    connect(add, &QPushButton::clicked, this, &MethodSettingsPanel::addKey);
    connect(m_newKey->lineEdit(), &QLineEdit::returnPressed, this, &MethodSettingsPanel::addKey);
    connect(remove, &QPushButton::clicked, this, &MethodSettingsPanel::removeKey);
    connect(m_keys, &QListWidget::currentRowChanged, this, &MethodSettingsPanel::showSelected);

    connect(m_throttle, &QGroupBox::toggled, this, [this](bool on) {
        const double rate = m_rate->value();
        const int burst = m_burst->value();
        changeSelected(on ? tr("Override method throttling") : tr("Inherit method throttling"), {}, [on, rate, burst](gw::model::MethodSetting &m) {
            m.throttlingRateLimit = on ? std::optional<double>(rate) : std::nullopt;
            m.throttlingBurstLimit = on ? std::optional<int>(burst) : std::nullopt;
        });
    });
    connect(m_rate, &QDoubleSpinBox::valueChanged, this, [this](double v) {
        changeSelected(tr("Change method rate"), QStringLiteral("methodRate"), [v](gw::model::MethodSetting &m) { m.throttlingRateLimit = v; });
    });
    connect(m_burst, &QSpinBox::valueChanged, this, [this](int v) {
        changeSelected(tr("Change method burst"), QStringLiteral("methodBurst"), [v](gw::model::MethodSetting &m) { m.throttlingBurstLimit = v; });
    });
    connect(m_cache, &QGroupBox::toggled, this, [this](bool on) {
        const int ttl = m_ttl->value();
        changeSelected(on ? tr("Override method caching") : tr("Inherit method caching"), {}, [on, ttl](gw::model::MethodSetting &m) {
            m.cachingEnabled = on ? std::optional<bool>(true) : std::nullopt;
            m.cacheTtlInSeconds = on ? std::optional<int>(ttl) : std::nullopt;
            if (!on) {
                m.cacheDataEncrypted.reset();
                m.requireAuthorizationForCacheControl.reset();
                m.unauthorizedCacheControlHeaderStrategy.clear();
            }
        });
    });
    connect(m_cachingEnabled, &QCheckBox::toggled, this, [this](bool on) {
        changeSelected(tr("Change method caching"), {}, [on](gw::model::MethodSetting &m) { m.cachingEnabled = on; });
    });
    connect(m_ttl, &QSpinBox::valueChanged, this, [this](int v) {
        changeSelected(tr("Change method cache TTL"), QStringLiteral("methodTtl"), [v](gw::model::MethodSetting &m) { m.cacheTtlInSeconds = v; });
    });
    connect(m_encrypted, &QCheckBox::toggled, this, [this](bool on) {
        changeSelected(tr("Change method cache encryption"), {}, [on](gw::model::MethodSetting &m) { m.cacheDataEncrypted = on; });
    });
    connect(m_requireAuth, &QCheckBox::toggled, this, [this](bool on) {
        changeSelected(tr("Change cache invalidation authorization"), {},
                       [on](gw::model::MethodSetting &m) { m.requireAuthorizationForCacheControl = on; });
    });
    connect(m_strategy, &QComboBox::activated, this, [this]() {
        const QString s = form::current(m_strategy);
        changeSelected(tr("Change unauthorized invalidation"), {}, [s](gw::model::MethodSetting &m) { m.unauthorizedCacheControlHeaderStrategy = s; });
    });
}

void MethodSettingsPanel::load(const gw::model::ApiDefinition *design, const gw::model::Stage &stage)
{
    m_loading = true;
    const QString selected = selectedKey();
    m_settings = stage.methodSettings;
    m_keys->clear();
    for (auto it = m_settings.begin(); it != m_settings.end(); ++it)
        if (it.key() != kDefaults)
            m_keys->addItem(it.key());
    const QString typed = m_newKey->currentText();
    m_newKey->clear();
    if (design)
        for (const auto &r : design->resources)
            for (auto m = r.methods.begin(); m != r.methods.end(); ++m)
                m_newKey->addItem(QStringLiteral("%1 %2").arg(m.key(), r.path), gw::model::methodSettingKeyFor(r.path, m.key()));
    m_newKey->setEditText(typed);
    m_loading = false;
    selectKey(selected);
    if (!m_keys->currentItem() && m_keys->count() > 0)
        m_keys->setCurrentRow(0);
    showSelected();
}

void MethodSettingsPanel::selectKey(const QString &key)
{
    const auto found = m_keys->findItems(key, Qt::MatchExactly);
    if (!found.isEmpty())
        m_keys->setCurrentItem(found.first());
}

QString MethodSettingsPanel::selectedKey() const
{
    return m_keys->currentItem() ? m_keys->currentItem()->text() : QString();
}

void MethodSettingsPanel::addKey()
{
    // A method picked from the list carries its key; anything typed is taken as a key.
    const int index = m_newKey->findText(m_newKey->currentText());
    const QString key = (index >= 0 ? m_newKey->itemData(index).toString() : m_newKey->currentText()).trimmed();
    QString why;
    if (key == kDefaults)
        why = tr("'*/*' is the stage's default: edit it above");
    else if (!gw::model::parseMethodSettingKey(key, &why))
        ;
    else if (m_settings.contains(key))
        why = tr("%1 is overridden already").arg(key);
    m_message->setText(why);
    if (!why.isEmpty())
        return;
    // As the console does, an override starts from what the stage's default gives the method.
    const gw::model::MethodSetting defaults = m_settings.value(kDefaults);
    m_apply(tr("Override %1").arg(key), {}, [key, defaults](QMap<QString, gw::model::MethodSetting> &s) {
        auto &m = s[key];
        m.throttlingRateLimit = defaults.throttlingRateLimit.value_or(gw::traffic::kAccountDefaultLimits.rate);
        m.throttlingBurstLimit = defaults.throttlingBurstLimit.value_or(gw::traffic::kAccountDefaultLimits.burst);
    });
    m_newKey->setEditText(QString());
    selectKey(key);
}

void MethodSettingsPanel::removeKey()
{
    const QString key = selectedKey();
    if (key.isEmpty())
        return;
    m_apply(tr("Remove override %1").arg(key), {}, [key](QMap<QString, gw::model::MethodSetting> &s) { s.remove(key); });
}

void MethodSettingsPanel::showSelected()
{
    if (m_loading)
        return;
    const QString key = selectedKey();
    m_form->setEnabled(!key.isEmpty());
    const gw::model::MethodSetting m = m_settings.value(key);
    const gw::model::MethodSetting defaults = m_settings.value(kDefaults);
    m_loading = true;
    m_throttle->setChecked(overridesThrottling(m));
    form::setValue(m_rate, m.throttlingRateLimit.value_or(defaults.throttlingRateLimit.value_or(gw::traffic::kAccountDefaultLimits.rate)));
    form::setValue(m_burst, m.throttlingBurstLimit.value_or(defaults.throttlingBurstLimit.value_or(gw::traffic::kAccountDefaultLimits.burst)));
    m_cache->setChecked(overridesCaching(m));
    m_cachingEnabled->setChecked(m.cachingEnabled.value_or(key.endsWith(QLatin1String("/GET"))));
    form::setValue(m_ttl, m.cacheTtlInSeconds.value_or(defaults.cacheTtlInSeconds.value_or(300)));
    m_encrypted->setChecked(m.cacheDataEncrypted.value_or(defaults.cacheDataEncrypted.value_or(false)));
    m_requireAuth->setChecked(m.requireAuthorizationForCacheControl.value_or(defaults.requireAuthorizationForCacheControl.value_or(true)));
    const QString strategy = m.unauthorizedCacheControlHeaderStrategy.isEmpty() ? defaults.unauthorizedCacheControlHeaderStrategy
                                                                                 : m.unauthorizedCacheControlHeaderStrategy;
    form::setCurrent(m_strategy, strategy.isEmpty() ? QStringLiteral("SUCCEED_WITH_RESPONSE_HEADER") : strategy);
    m_loading = false;
}

void MethodSettingsPanel::changeSelected(const QString &text, const QString &field, const std::function<void(gw::model::MethodSetting &)> &f)
{
    const QString key = selectedKey();
    if (m_loading || key.isEmpty())
        return;
    m_apply(text, field.isEmpty() ? QString() : field + QLatin1Char(':') + key, [key, f](QMap<QString, gw::model::MethodSetting> &s) {
        f(s[key]);
        dropEmpty(s);
    });
}

} // namespace gw::ui
