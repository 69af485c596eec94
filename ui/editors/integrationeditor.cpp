#include "integrationeditor.h"

#include "formutil.h"
#include "keyvaluetable.h"
#include "templatemapeditor.h"

#include "ui/document/projectaccess.h"

#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QRegularExpression>
#include <QToolButton>
#include <QVBoxLayout>

namespace gw::ui {

namespace {

KeyValueTable::Pairs toPairs(const QMap<QString, QString> &map)
{
    KeyValueTable::Pairs out;
    for (auto it = map.begin(); it != map.end(); ++it)
        out.append({it.key(), it.value()});
    return out;
}

} // namespace

IntegrationEditor::IntegrationEditor(ProjectDocument *document, QWidget *parent)
    : ItemEditor(document, parent), m_create(new QPushButton(tr("Add a MOCK integration"), this)), m_form(new QWidget(this)),
      m_type(new QComboBox(m_form)), m_httpMethod(new QComboBox(m_form)), m_uri(new QLineEdit(m_form)),
      m_insert(new QToolButton(m_form)), m_timeout(new QSpinBox(m_form)), m_passthrough(new QComboBox(m_form)),
      m_contentHandling(new QComboBox(m_form)),
      m_mappings(new KeyValueTable(tr("Integration request parameter"), tr("Mapped from"), m_form)),
      m_cacheKeys(new QListWidget(m_form)), m_templates(new TemplateMapEditor(m_form))
{
    m_cacheKeys->setObjectName(QStringLiteral("cacheKeyParameters"));
    m_cacheKeys->setMaximumHeight(90);
    m_cacheKeys->setToolTip(tr("Checked parameters are part of the stage cache's key (with the method and resource path)"));
    m_create->setObjectName(QStringLiteral("createIntegration"));
    m_type->setObjectName(QStringLiteral("integrationType"));
    m_uri->setObjectName(QStringLiteral("uri"));
    m_timeout->setObjectName(QStringLiteral("timeout"));
    m_mappings->setObjectName(QStringLiteral("requestParameters"));
    m_templates->setObjectName(QStringLiteral("requestTemplates"));
    m_type->addItem(tr("Mock"), QStringLiteral("MOCK"));
    m_type->addItem(tr("HTTP"), QStringLiteral("HTTP"));
    m_type->addItem(tr("HTTP proxy"), QStringLiteral("HTTP_PROXY"));
    m_type->addItem(tr("Lambda function (non-proxy)"), QStringLiteral("AWS"));
    m_type->addItem(tr("Lambda proxy / AWS service"), QStringLiteral("AWS_PROXY"));
    for (const char *v : {"ANY", "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"})
        m_httpMethod->addItem(QString::fromLatin1(v), QString::fromLatin1(v));
    m_uri->setPlaceholderText(QStringLiteral("https://backend.example/items/{id}?stage=${stageVariables.env}"));
    m_insert->setText(tr("Insert"));
    m_insert->setPopupMode(QToolButton::InstantPopup);
    m_insert->setMenu(new QMenu(m_insert));
    m_timeout->setRange(50, 29000);
    m_timeout->setSingleStep(1000);
    m_timeout->setSuffix(tr(" ms"));
    m_timeout->setToolTip(tr("50 ms to 29 s, as API Gateway allows"));
    m_passthrough->addItem(tr("When no template matches"), QStringLiteral("WHEN_NO_MATCH"));
    m_passthrough->addItem(tr("When no templates are defined"), QStringLiteral("WHEN_NO_TEMPLATES"));
    m_passthrough->addItem(tr("Never (415 for other content types)"), QStringLiteral("NEVER"));
    m_contentHandling->addItem(tr("Passthrough"), QString());
    m_contentHandling->addItem(tr("Convert to text"), QStringLiteral("CONVERT_TO_TEXT"));
    m_contentHandling->addItem(tr("Convert to binary"), QStringLiteral("CONVERT_TO_BINARY"));

    auto *uriRow = new QHBoxLayout;
    uriRow->addWidget(m_uri, 1);
    uriRow->addWidget(m_insert);
    auto *form = new QFormLayout;
    form->addRow(tr("Integration type"), m_type);
    form->addRow(tr("Endpoint method"), m_httpMethod);
    form->addRow(tr("Endpoint URI"), uriRow);
    form->addRow(tr("Timeout"), m_timeout);
    form->addRow(tr("Request body passthrough"), m_passthrough);
    form->addRow(tr("Content handling"), m_contentHandling);
    auto *formLayout = new QVBoxLayout(m_form);
    formLayout->setContentsMargins(0, 0, 0, 0);
    formLayout->addLayout(form);
    formLayout->addWidget(new QLabel(tr("Parameter mappings, e.g. integration.request.header.X-Id ← method.request.path.id or 'static'"), m_form));
    formLayout->addWidget(m_mappings);
    formLayout->addWidget(new QLabel(tr("Cache key parameters (method request parameters; declare them under Method request)"), m_form));
    formLayout->addWidget(m_cacheKeys);
    formLayout->addWidget(new QLabel(tr("Mapping templates"), m_form));
    formLayout->addWidget(m_templates, 1);
    body()->addWidget(m_create, 0, Qt::AlignLeft);
    body()->addWidget(m_form, 1);

    connect(m_create, &QPushButton::clicked, this, [this]() {
        changeMethod(tr("Add integration"), {}, [](gw::model::Method &m) { m.integration = gw::model::Integration{}; });
    });
    connect(m_type, &QComboBox::activated, this, [this]() {
        const auto type = gw::model::integrationTypeFromString(form::current(m_type));
        if (type)
            changeIntegration(tr("Change integration type"), {}, [type](gw::model::Integration &i) { i.type = *type; });
    });
    connect(m_httpMethod, &QComboBox::activated, this, [this]() {
        const QString v = form::current(m_httpMethod);
        changeIntegration(tr("Change endpoint method"), {}, [v](gw::model::Integration &i) { i.httpMethod = v; });
    });
    connect(m_uri, &QLineEdit::textEdited, this, [this](const QString &t) {
        changeIntegration(tr("Edit endpoint URI"), QStringLiteral("uri"), [t](gw::model::Integration &i) { i.uri = t.trimmed(); });
    });
    connect(m_timeout, &QSpinBox::valueChanged, this, [this](int v) {
        changeIntegration(tr("Change timeout"), QStringLiteral("timeout"), [v](gw::model::Integration &i) { i.timeoutInMillis = v; });
    });
    connect(m_passthrough, &QComboBox::activated, this, [this]() {
        const auto p = gw::model::passthroughFromString(form::current(m_passthrough));
        if (p)
            changeIntegration(tr("Change passthrough"), {}, [p](gw::model::Integration &i) { i.passthroughBehavior = *p; });
    });
    connect(m_contentHandling, &QComboBox::activated, this, [this]() {
        const QString v = form::current(m_contentHandling);
        changeIntegration(tr("Change content handling"), {}, [v](gw::model::Integration &i) { i.contentHandling = v; });
    });
    connect(m_mappings, &KeyValueTable::edited, this, [this](const KeyValueTable::Pairs &pairs) {
        gw::model::ParameterMap map;
        for (const auto &[k, v] : pairs)
            map.insert(k, v);
        changeIntegration(tr("Edit parameter mappings"), QStringLiteral("mappings"), [map](gw::model::Integration &i) { i.requestParameters = map; });
    });
    connect(m_cacheKeys, &QListWidget::itemChanged, this, [this]() {
        if (isLoading())
            return;
        QStringList keys;
        for (int row = 0; row < m_cacheKeys->count(); ++row)
            if (m_cacheKeys->item(row)->checkState() == Qt::Checked)
                keys << m_cacheKeys->item(row)->text();
        changeIntegration(tr("Change cache key parameters"), {}, [keys](gw::model::Integration &i) { i.cacheKeyParameters = keys; });
    });
    connect(m_templates, &TemplateMapEditor::edited, this, [this](const gw::model::TemplateMap &t) {
        changeIntegration(tr("Edit request template"), QStringLiteral("templates"), [t](gw::model::Integration &i) { i.requestTemplates = t; });
    });
}

void IntegrationEditor::changeIntegration(const QString &text, const QString &field,
                                          const std::function<void(gw::model::Integration &)> &f)
{
    changeMethod(text, field, [f](gw::model::Method &m) {
        if (m.integration)
            f(*m.integration);
    });
}

void IntegrationEditor::fillInsertMenu()
{
    QMenu *menu = m_insert->menu();
    menu->clear();
    static const QRegularExpression param(QStringLiteral("\\{([^}]+?)\\+?\\}"));
    for (auto it = param.globalMatch(item().path); it.hasNext();) {
        const QString name = it.next().captured(1);
        menu->addAction(QStringLiteral("{%1}").arg(name), this, [this, name]() { m_uri->insert(QStringLiteral("{%1}").arg(name)); emit m_uri->textEdited(m_uri->text()); });
    }
    if (const auto *api = findApi(project(), item())) {
        QStringList names;
        for (const auto &stage : api->stages)
            for (auto v = stage.variables.begin(); v != stage.variables.end(); ++v)
                if (!names.contains(v.key()))
                    names << v.key();
        for (const QString &name : names) {
            const QString text = QStringLiteral("${stageVariables.%1}").arg(name);
            menu->addAction(text, this, [this, text]() { m_uri->insert(text); emit m_uri->textEdited(m_uri->text()); });
        }
    }
    m_insert->setEnabled(!menu->isEmpty());
}

void IntegrationEditor::load()
{
    const auto *m = findMethod(project(), item());
    setEnabled(m != nullptr);
    const bool has = m && m->integration;
    m_create->setVisible(m && !has);
    m_form->setVisible(has);
    if (!has)
        return;
    const auto &i = *m->integration;
    form::setCurrent(m_type, gw::model::toString(i.type));
    form::setCurrent(m_httpMethod, i.httpMethod.isEmpty() ? QStringLiteral("ANY") : i.httpMethod);
    form::setText(m_uri, i.uri);
    const bool mock = i.type == gw::model::IntegrationType::Mock;
    m_uri->setEnabled(!mock);
    m_httpMethod->setEnabled(!mock);
    form::setValue(m_timeout, i.timeoutInMillis);
    form::setCurrent(m_passthrough, gw::model::toString(i.passthroughBehavior));
    form::setCurrent(m_contentHandling, i.contentHandling);
    m_mappings->setPairs(toPairs(i.requestParameters));
    m_templates->setTemplates(i.requestTemplates);
    fillInsertMenu();
    fillCacheKeys(*m);
}

void IntegrationEditor::fillCacheKeys(const gw::model::Method &method)
{
    QStringList names = method.requestParameters.keys();
    for (const QString &key : method.integration->cacheKeyParameters)
        if (!names.contains(key))
            names << key;   // kept visible even when no longer declared, so it can be unchecked
    const QSignalBlocker block(m_cacheKeys);
    m_cacheKeys->clear();
    for (const QString &name : std::as_const(names)) {
        auto *row = new QListWidgetItem(name, m_cacheKeys);
        row->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        row->setCheckState(method.integration->cacheKeyParameters.contains(name) ? Qt::Checked : Qt::Unchecked);
    }
}

} // namespace gw::ui
