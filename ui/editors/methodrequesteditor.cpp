#include "methodrequesteditor.h"

#include "formutil.h"
#include "keyvaluetable.h"

#include "ui/document/projectaccess.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QLabel>
#include <QVBoxLayout>

namespace gw::ui {

namespace {

const QString kPrefix = QStringLiteral("method.request.");

} // namespace

MethodRequestEditor::MethodRequestEditor(ProjectDocument *document, QWidget *parent)
    : ItemEditor(document, parent), m_authorization(new QComboBox(this)), m_authorizer(new QComboBox(this)),
      m_scopes(new QLineEdit(this)), m_apiKeyRequired(new QCheckBox(tr("API key required"), this)),
      m_validator(new QComboBox(this)), m_operationName(new QLineEdit(this)),
      m_parameters(new KeyValueTable(tr("Parameter (querystring.q, header.X-Id, path.id)"), tr("Required (true/false)"), this))
{
    setShowsProblems(false);
    m_authorization->setObjectName(QStringLiteral("authorization"));
    m_authorizer->setObjectName(QStringLiteral("authorizer"));
    m_validator->setObjectName(QStringLiteral("requestValidator"));
    m_apiKeyRequired->setObjectName(QStringLiteral("apiKeyRequired"));
    m_parameters->setObjectName(QStringLiteral("requestParameters"));
    m_authorization->addItem(tr("None"), QStringLiteral("NONE"));
    m_authorization->addItem(tr("Lambda authorizer"), QStringLiteral("CUSTOM"));
    m_authorization->addItem(tr("Cognito user pool"), QStringLiteral("COGNITO_USER_POOLS"));
    m_authorization->addItem(tr("JWT (HTTP APIs)"), QStringLiteral("JWT"));
    m_authorization->addItem(tr("IAM"), QStringLiteral("AWS_IAM"));
    m_scopes->setPlaceholderText(tr("OAuth scopes, space separated"));
    auto *form = new QFormLayout;
    form->addRow(tr("Authorization"), m_authorization);
    form->addRow(tr("Authorizer"), m_authorizer);
    form->addRow(tr("Scopes"), m_scopes);
    form->addRow(QString(), m_apiKeyRequired);
    form->addRow(tr("Request validator"), m_validator);
    form->addRow(tr("Operation name"), m_operationName);
    body()->addLayout(form);
    body()->addWidget(new QLabel(tr("Request parameters"), this));
    body()->addWidget(m_parameters, 1);

    connect(m_authorization, &QComboBox::activated, this, [this]() {
        const QString v = form::current(m_authorization);
        changeMethod(tr("Change authorization"), {}, [v](gw::model::Method &m) { m.authorizationType = v; });
    });
    connect(m_authorizer, &QComboBox::activated, this, [this]() {
        const QString v = form::current(m_authorizer);
        changeMethod(tr("Choose authorizer"), {}, [v](gw::model::Method &m) { m.authorizerId = v; });
    });
    connect(m_scopes, &QLineEdit::textEdited, this, [this](const QString &t) {
        const QStringList scopes = t.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        changeMethod(tr("Edit scopes"), QStringLiteral("scopes"), [scopes](gw::model::Method &m) { m.authorizationScopes = scopes; });
    });
    connect(m_apiKeyRequired, &QCheckBox::toggled, this, [this](bool on) {
        changeMethod(on ? tr("Require API key") : tr("Don't require API key"), {}, [on](gw::model::Method &m) { m.apiKeyRequired = on; });
    });
    connect(m_validator, &QComboBox::activated, this, [this]() {
        const QString v = form::current(m_validator);
        changeMethod(tr("Choose request validator"), {}, [v](gw::model::Method &m) { m.requestValidatorId = v; });
    });
    connect(m_operationName, &QLineEdit::textEdited, this, [this](const QString &t) {
        changeMethod(tr("Edit operation name"), QStringLiteral("operation"), [t](gw::model::Method &m) { m.operationName = t; });
    });
    connect(m_parameters, &KeyValueTable::edited, this, [this](const KeyValueTable::Pairs &pairs) {
        QMap<QString, bool> params;
        for (const auto &[k, v] : pairs)
            params.insert(k.startsWith(kPrefix) ? k : kPrefix + k, v.trimmed().compare(QLatin1String("true"), Qt::CaseInsensitive) == 0);
        changeMethod(tr("Edit request parameters"), QStringLiteral("parameters"), [params](gw::model::Method &m) { m.requestParameters = params; });
    });
}

void MethodRequestEditor::load()
{
    const auto *m = findMethod(project(), item());
    const auto *api = findApi(project(), item());
    setEnabled(m != nullptr);
    if (!m || !api)
        return;
    form::setCurrent(m_authorization, m->authorizationType);
    m_authorizer->clear();
    m_authorizer->addItem(tr("(none)"), QString());
    for (const auto &a : api->design.authorizers)
        m_authorizer->addItem(QStringLiteral("%1 (%2)").arg(a.name, a.type), a.id);
    form::setCurrent(m_authorizer, m->authorizerId);
    m_authorizer->setEnabled(m->authorizationType != QLatin1String("NONE") && m->authorizationType != QLatin1String("AWS_IAM"));
    form::setText(m_scopes, m->authorizationScopes.join(QLatin1Char(' ')));
    m_apiKeyRequired->setChecked(m->apiKeyRequired);
    m_validator->clear();
    m_validator->addItem(tr("(none)"), QString());
    for (const auto &v : api->design.requestValidators)
        m_validator->addItem(v.name, v.id);
    form::setCurrent(m_validator, m->requestValidatorId);
    form::setText(m_operationName, m->operationName);
    KeyValueTable::Pairs pairs;
    for (auto it = m->requestParameters.begin(); it != m->requestParameters.end(); ++it)
        pairs.append({it.key().mid(kPrefix.size()), it.value() ? QStringLiteral("true") : QStringLiteral("false")});
    m_parameters->setPairs(pairs);
}

} // namespace gw::ui
