#include "authorizereditor.h"

#include "authorizertestpanel.h"
#include "formutil.h"

#include "ui/document/projectaccess.h"
#include "ui/document/projectdocument.h"

#include <QCheckBox>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QGroupBox>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QSplitter>
#include <QVBoxLayout>

namespace gw::ui {

namespace {

bool isLambda(const QString &type)
{
    return type == QLatin1String("TOKEN") || type == QLatin1String("REQUEST");
}

} // namespace

AuthorizerEditor::AuthorizerEditor(ProjectDocument *document, QWidget *parent)
    : ItemEditor(document, parent), m_name(new QLineEdit(this)), m_type(new QComboBox(this)), m_identitySource(new QLineEdit(this)),
      m_validation(new QLineEdit(this)), m_ttl(new QSpinBox(this)), m_test(new AuthorizerTestPanel(this))
{
    m_name->setObjectName(QStringLiteral("authorizerName"));
    m_type->setObjectName(QStringLiteral("authorizerType"));
    m_identitySource->setObjectName(QStringLiteral("identitySource"));
    m_validation->setObjectName(QStringLiteral("validationExpression"));
    m_ttl->setObjectName(QStringLiteral("resultTtl"));
    m_identitySource->setToolTip(tr("Comma separated: method.request.header.NAME, method.request.querystring.NAME, stageVariables.NAME, "
                                    "context.NAME (HTTP APIs: $request.header.NAME ...)"));
    m_validation->setPlaceholderText(tr("regular expression the token must match (TOKEN; Cognito: the audience)"));
    m_ttl->setRange(0, 3600); // AWS's bounds; 0 turns the result cache off
    m_ttl->setSuffix(tr(" s"));
    auto *form = new QFormLayout;
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Type"), m_type);
    form->addRow(tr("Identity source"), m_identitySource);
    form->addRow(tr("Validation"), m_validation);
    form->addRow(tr("Result TTL"), m_ttl);
    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addLayout(form);
    leftLayout->addWidget(buildLambda());
    leftLayout->addWidget(buildJwt(), 1);
    auto *splitter = new QSplitter(Qt::Horizontal, this);
    splitter->addWidget(left);
    splitter->addWidget(m_test);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    body()->addWidget(splitter, 1);

    connect(m_name, &QLineEdit::textEdited, this, [this](const QString &t) {
        change(tr("Rename authorizer"), QStringLiteral("name"), [t](gw::model::Authorizer &a) { a.name = t.trimmed(); });
    });
    connect(m_type, &QComboBox::activated, this, [this]() {
        const QString type = form::current(m_type);
        const bool http = findApi(project(), item()) && findApi(project(), item())->type == gw::model::ApiType::Http;
        change(tr("Change authorizer type"), {}, [type, http](gw::model::Authorizer &a) {
            a.type = type;
            // Each type reads its identity where AWS's console puts it by default.
            if (type == QLatin1String("TOKEN") || type == QLatin1String("COGNITO_USER_POOLS"))
                a.identitySource = QStringLiteral("method.request.header.Authorization");
            else if (http)
                a.identitySource = QStringLiteral("$request.header.Authorization");
        });
    });
    connect(m_identitySource, &QLineEdit::textEdited, this, [this](const QString &t) {
        change(tr("Edit identity source"), QStringLiteral("identitySource"), [t](gw::model::Authorizer &a) { a.identitySource = t.trimmed(); });
    });
    connect(m_validation, &QLineEdit::textEdited, this, [this](const QString &t) {
        change(tr("Edit validation expression"), QStringLiteral("validation"), [t](gw::model::Authorizer &a) { a.identityValidationExpression = t; });
    });
    connect(m_ttl, &QSpinBox::valueChanged, this, [this](int v) {
        change(tr("Change result TTL"), QStringLiteral("ttl"), [v](gw::model::Authorizer &a) { a.resultTtlInSeconds = v; });
    });
}

QGroupBox *AuthorizerEditor::buildLambda()
{
    m_lambda = new QGroupBox(tr("Lambda authorizer"), this);
    m_function = new QComboBox(m_lambda);
    m_function->setObjectName(QStringLiteral("authorizerFunction"));
    m_uri = new QLineEdit(m_lambda);
    m_uri->setObjectName(QStringLiteral("authorizerUri"));
    m_uri->setPlaceholderText(tr("http(s):// endpoint that gets the event POSTed, or a Lambda ARN naming a project function"));
    m_payloadVersion = new QComboBox(m_lambda);
    m_payloadVersion->addItem(tr("2.0"), QStringLiteral("2.0"));
    m_payloadVersion->addItem(tr("1.0"), QStringLiteral("1.0"));
    m_simpleResponses = new QCheckBox(tr("Simple responses ({\"isAuthorized\": true})"), m_lambda);
    auto *form = new QFormLayout(m_lambda);
    form->addRow(tr("Function"), m_function);
    form->addRow(tr("Or endpoint"), m_uri);
    form->addRow(tr("Payload format (HTTP APIs)"), m_payloadVersion);
    form->addRow(QString(), m_simpleResponses);
    connect(m_function, &QComboBox::activated, this, [this]() {
        const QString name = form::current(m_function);
        change(tr("Choose authorizer function"), {}, [name](gw::model::Authorizer &a) { a.functionName = name; });
    });
    connect(m_uri, &QLineEdit::textEdited, this, [this](const QString &t) {
        change(tr("Edit authorizer URI"), QStringLiteral("uri"), [t](gw::model::Authorizer &a) { a.authorizerUri = t.trimmed(); });
    });
    connect(m_payloadVersion, &QComboBox::activated, this, [this]() {
        const QString v = form::current(m_payloadVersion);
        change(tr("Change payload format"), {}, [v](gw::model::Authorizer &a) { a.payloadFormatVersion = v; });
    });
    connect(m_simpleResponses, &QCheckBox::toggled, this, [this](bool on) {
        change(tr("Change simple responses"), {}, [on](gw::model::Authorizer &a) { a.enableSimpleResponses = on; });
    });
    return m_lambda;
}

QGroupBox *AuthorizerEditor::buildJwt()
{
    m_jwt = new QGroupBox(tr("Token verification (JWT, Cognito user pool)"), this);
    m_issuer = new QLineEdit(m_jwt);
    m_issuer->setObjectName(QStringLiteral("issuer"));
    m_issuer->setPlaceholderText(tr("https://issuer.example.com (Cognito: optional local stand-in for the pool)"));
    m_audience = new QLineEdit(m_jwt);
    m_audience->setObjectName(QStringLiteral("audience"));
    m_audience->setPlaceholderText(tr("client ids, comma separated"));
    m_providerArns = new QLineEdit(m_jwt);
    m_providerArns->setObjectName(QStringLiteral("providerArns"));
    m_providerArns->setPlaceholderText(QStringLiteral("arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_abc"));
    m_jwksSource = new QComboBox(m_jwt);
    m_jwksSource->setObjectName(QStringLiteral("jwksSource"));
    m_jwksSource->addItem(tr("From the issuer (.well-known)"), int(FromIssuer));
    m_jwksSource->addItem(tr("URL or file"), int(FromUrlOrFile));
    m_jwksSource->addItem(tr("Inline JWKS"), int(Inline));
    m_jwksUri = new QLineEdit(m_jwt);
    m_jwksUri->setObjectName(QStringLiteral("jwksUri"));
    m_jwksUri->setPlaceholderText(tr("https://.../jwks.json, or a file path relative to the project"));
    m_jwksInline = new QPlainTextEdit(m_jwt);
    m_jwksInline->setObjectName(QStringLiteral("jwksInline"));
    m_jwksInline->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_jwksInline->setPlaceholderText(QStringLiteral("{\"keys\": [ ... ]}"));
    m_jwksError = new QLabel(m_jwt);
    m_jwksError->setObjectName(QStringLiteral("jwksError"));
    m_jwksError->setWordWrap(true);
    auto *form = new QFormLayout(m_jwt);
    form->addRow(tr("Issuer"), m_issuer);
    form->addRow(tr("Audience"), m_audience);
    form->addRow(tr("User pool ARNs"), m_providerArns);
    form->addRow(tr("Keys"), m_jwksSource);
    form->addRow(tr("JWKS URL or file"), m_jwksUri);
    form->addRow(tr("JWKS"), m_jwksInline);
    form->addRow(QString(), m_jwksError);

    connect(m_issuer, &QLineEdit::textEdited, this, [this](const QString &t) {
        change(tr("Edit issuer"), QStringLiteral("issuer"), [t](gw::model::Authorizer &a) { a.issuer = t.trimmed(); });
    });
    connect(m_audience, &QLineEdit::textEdited, this, [this](const QString &t) {
        const QStringList list = form::splitList(t);
        change(tr("Edit audience"), QStringLiteral("audience"), [list](gw::model::Authorizer &a) { a.audience = list; });
    });
    connect(m_providerArns, &QLineEdit::textEdited, this, [this](const QString &t) {
        const QStringList list = form::splitList(t);
        change(tr("Edit user pool ARNs"), QStringLiteral("providerArns"), [list](gw::model::Authorizer &a) { a.providerArns = list; });
    });
    connect(m_jwksSource, &QComboBox::activated, this, [this](int index) {
        const auto source = JwksSource(m_jwksSource->itemData(index).toInt());
        // Switching away from a source drops its value, so the file says which source is used.
        change(tr("Change JWKS source"), {}, [source](gw::model::Authorizer &a) {
            if (source != Inline)
                a.jwks = {};
            if (source != FromUrlOrFile)
                a.jwksUri.clear();
            if (source == Inline && a.jwks.isEmpty())
                a.jwks = QJsonObject{{QStringLiteral("keys"), QJsonArray{}}};
        });
        m_jwksUri->setEnabled(source == FromUrlOrFile);
        m_jwksInline->setEnabled(source == Inline);
    });
    connect(m_jwksUri, &QLineEdit::textEdited, this, [this](const QString &t) {
        change(tr("Edit JWKS URL"), QStringLiteral("jwksUri"), [t](gw::model::Authorizer &a) { a.jwksUri = t.trimmed(); });
    });
    connect(m_jwksInline, &QPlainTextEdit::textChanged, this, &AuthorizerEditor::jwksTextEdited);
    return m_jwt;
}

void AuthorizerEditor::jwksTextEdited()
{
    if (m_settingJwks || isLoading())
        return;
    QJsonParseError error;
    const QByteArray text = m_jwksInline->toPlainText().toUtf8();
    const QJsonDocument doc = QJsonDocument::fromJson(text, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        // Only a JSON object can be stored; the text stays as typed until it is one.
        const QString before = QString::fromUtf8(text.left(error.offset));
        m_jwksError->setText(error.error != QJsonParseError::NoError
                                 ? tr("⚠ not JSON: %1 at line %2").arg(error.errorString()).arg(before.count(QLatin1Char('\n')) + 1)
                                 : tr("⚠ a JWKS is a JSON object: {\"keys\": [...]}"));
        return;
    }
    m_jwksError->clear();
    const QJsonObject jwks = doc.object();
    change(tr("Edit inline JWKS"), QStringLiteral("jwks"), [jwks](gw::model::Authorizer &a) { a.jwks = jwks; });
}

void AuthorizerEditor::change(const QString &text, const QString &field, const std::function<void(gw::model::Authorizer &)> &f)
{
    changeItem(text, field, &findAuthorizer, f);
}

void AuthorizerEditor::load()
{
    const auto *a = findAuthorizer(project(), item());
    const auto *api = findApi(project(), item());
    setEnabled(a != nullptr);
    if (!a || !api)
        return;
    const bool http = api->type == gw::model::ApiType::Http;
    form::setText(m_name, a->name);
    m_type->clear();
    const QStringList types = http ? QStringList{QStringLiteral("JWT"), QStringLiteral("REQUEST")}
                                   : QStringList{QStringLiteral("TOKEN"), QStringLiteral("REQUEST"), QStringLiteral("COGNITO_USER_POOLS")};
    for (const QString &t : types)
        m_type->addItem(t, t);
    form::setCurrent(m_type, a->type);
    const bool lambda = isLambda(a->type);
    const bool cognito = a->type == QLatin1String("COGNITO_USER_POOLS");
    form::setText(m_identitySource, a->identitySource);
    form::setText(m_validation, a->identityValidationExpression);
    m_validation->setEnabled(a->type == QLatin1String("TOKEN") || cognito);
    form::setValue(m_ttl, a->resultTtlInSeconds);
    m_ttl->setEnabled(a->type != QLatin1String("JWT"));

    m_lambda->setVisible(lambda);
    m_function->clear();
    m_function->addItem(tr("(none: use the endpoint or ARN below)"), QString());
    for (const auto &f : project().functions)
        m_function->addItem(f.name, f.name);
    form::setCurrent(m_function, a->functionName);
    form::setText(m_uri, a->authorizerUri);
    m_payloadVersion->setEnabled(http);
    form::setCurrent(m_payloadVersion, a->payloadFormatVersion.isEmpty() ? QStringLiteral("2.0") : a->payloadFormatVersion);
    m_simpleResponses->setEnabled(http && a->payloadFormatVersion != QLatin1String("1.0"));
    m_simpleResponses->setChecked(a->enableSimpleResponses);

    m_jwt->setVisible(!lambda);
    form::setText(m_issuer, a->issuer);
    if (form::splitList(m_audience->text()) != a->audience)
        m_audience->setText(a->audience.join(QStringLiteral(", ")));
    if (form::splitList(m_providerArns->text()) != a->providerArns)
        m_providerArns->setText(a->providerArns.join(QStringLiteral(", ")));
    m_providerArns->setEnabled(cognito);
    m_audience->setEnabled(!cognito);
    const JwksSource source = !a->jwks.isEmpty() ? Inline : !a->jwksUri.isEmpty() ? FromUrlOrFile : FromIssuer;
    // Choosing "Inline" stores {"keys": []}, so the model always says which source is in use.
    m_jwksSource->setCurrentIndex(m_jwksSource->findData(int(source)));
    m_jwksUri->setEnabled(source == FromUrlOrFile);
    m_jwksInline->setEnabled(source == Inline);
    form::setText(m_jwksUri, a->jwksUri);
    const QJsonObject shown = QJsonDocument::fromJson(m_jwksInline->toPlainText().toUtf8()).object();
    if (shown != a->jwks) {
        m_settingJwks = true;
        m_jwksInline->setPlainText(a->jwks.isEmpty() ? QString() : QString::fromUtf8(QJsonDocument(a->jwks).toJson(QJsonDocument::Indented)));
        m_settingJwks = false;
        m_jwksError->clear();
    }
    m_test->setProjectDir(document()->fileName().isEmpty() ? QString() : QFileInfo(document()->fileName()).absolutePath());
    m_test->setAuthorizer(project(), api->id, *a);
}

} // namespace gw::ui
