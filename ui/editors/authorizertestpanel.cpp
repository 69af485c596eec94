#include "authorizertestpanel.h"

#include "gateway/auth/identitysource.h"
#include "gateway/runtime/authorizerprobe.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gw::ui {

namespace {

QString pretty(const QJsonObject &o)
{
    return QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Indented)).trimmed();
}

// The header a token goes in: the authorizer's first header identity source.
QByteArray tokenHeader(const gw::model::Authorizer &a)
{
    QString error;
    const auto sources = gw::auth::IdentitySource::parseList(a.identitySource, &error);
    if (sources)
        for (const auto &s : *sources)
            if (s.kind == gw::auth::IdentitySource::Kind::Header)
                return s.name.toLatin1();
    return QByteArrayLiteral("Authorization");
}

} // namespace

AuthorizerTestPanel::AuthorizerTestPanel(QWidget *parent)
    : QWidget(parent), m_probe(new gw::runtime::AuthorizerProbe(this)), m_token(new QLineEdit(this)), m_headers(new QPlainTextEdit(this)),
      m_query(new QLineEdit(this)), m_method(new QComboBox(this)), m_path(new QLineEdit(QStringLiteral("/"), this)),
      m_stage(new QLineEdit(this)), m_scopes(new QLineEdit(this)), m_run(new QPushButton(tr("Test authorizer"), this)),
      m_summary(new QLabel(this)), m_output(new QPlainTextEdit(this))
{
    m_token->setObjectName(QStringLiteral("testToken"));
    m_headers->setObjectName(QStringLiteral("testHeaders"));
    m_query->setObjectName(QStringLiteral("testQuery"));
    m_path->setObjectName(QStringLiteral("testPath"));
    m_stage->setObjectName(QStringLiteral("testStage"));
    m_scopes->setObjectName(QStringLiteral("testScopes"));
    m_run->setObjectName(QStringLiteral("testAuthorizer"));
    m_summary->setObjectName(QStringLiteral("testAuthorizerSummary"));
    m_output->setObjectName(QStringLiteral("testAuthorizerOutput"));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_headers->setFont(mono);
    m_output->setFont(mono);
    m_output->setReadOnly(true);
    m_summary->setWordWrap(true);
    m_token->setPlaceholderText(tr("token, sent in the identity source header"));
    m_headers->setPlaceholderText(tr("Name: value, one header a line (REQUEST authorizers)"));
    m_headers->setMaximumHeight(80);
    m_query->setPlaceholderText(QStringLiteral("a=1&b=2"));
    m_scopes->setPlaceholderText(tr("the method's OAuth scopes, space separated"));
    for (const char *v : {"GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"})
        m_method->addItem(QString::fromLatin1(v));
    auto *form = new QFormLayout;
    form->addRow(tr("Token"), m_token);
    form->addRow(tr("Headers"), m_headers);
    form->addRow(tr("Query string"), m_query);
    form->addRow(tr("Method"), m_method);
    form->addRow(tr("Path"), m_path);
    form->addRow(tr("Stage"), m_stage);
    form->addRow(tr("Scopes"), m_scopes);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_run, 0, Qt::AlignLeft);
    layout->addWidget(m_summary);
    layout->addWidget(m_output, 1);
    connect(m_run, &QPushButton::clicked, this, &AuthorizerTestPanel::run);
}

AuthorizerTestPanel::~AuthorizerTestPanel() = default;

void AuthorizerTestPanel::setAuthorizer(const gw::model::Project &project, const QString &apiId, const gw::model::Authorizer &authorizer)
{
    const bool otherApi = apiId != m_apiId;
    m_project = project;
    m_apiId = apiId;
    m_authorizer = authorizer;
    const auto *api = project.api(apiId);
    if (otherApi || m_stage->text().isEmpty())
        m_stage->setText(api && !api->stages.isEmpty() ? api->stages.first().name
                         : api && api->type == gw::model::ApiType::Http ? QStringLiteral("$default") : QStringLiteral("dev"));
    const bool request = authorizer.type == QLatin1String("REQUEST");
    m_token->setEnabled(!request);
    m_headers->setEnabled(true);
    m_scopes->setEnabled(authorizer.type == QLatin1String("COGNITO_USER_POOLS") || authorizer.type == QLatin1String("JWT"));
}

QString AuthorizerTestPanel::outputText() const
{
    return m_summary->text() + QLatin1Char('\n') + m_output->toPlainText();
}

void AuthorizerTestPanel::run()
{
    if (m_running || m_apiId.isEmpty())
        return;
    gw::runtime::AuthorizerProbe::Input input;
    input.project = m_project;
    input.apiId = m_apiId;
    input.authorizer = m_authorizer;
    input.projectDir = m_projectDir;
    input.stage = m_stage->text().trimmed().isEmpty() ? QStringLiteral("dev") : m_stage->text().trimmed();
    input.method = m_method->currentText();
    input.path = m_path->text().trimmed().isEmpty() ? QStringLiteral("/") : m_path->text().trimmed();
    input.query = m_query->text().trimmed();
    input.scopes = m_scopes->text().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &line : m_headers->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const qsizetype colon = line.indexOf(QLatin1Char(':'));
        if (colon > 0)
            input.headers.append(line.left(colon).trimmed().toLatin1(), line.mid(colon + 1).trimmed().toUtf8());
    }
    if (m_token->isEnabled() && !m_token->text().trimmed().isEmpty())
        input.headers.append(tokenHeader(m_authorizer), m_token->text().trimmed().toUtf8());
    m_running = true;
    m_run->setEnabled(false);
    m_summary->setText(tr("Running %1…").arg(m_authorizer.name));
    m_output->clear();
    m_probe->run(input, [this](gw::runtime::AuthorizerProbe::Result r) {
        m_running = false;
        m_run->setEnabled(true);
        if (r.status == 200)
            m_summary->setText(tr("Allowed: the request would reach the integration (principal %1)").arg(r.principalId));
        else
            m_summary->setText(tr("%1 %2: %3").arg(r.status).arg(r.errorType, r.reason.isEmpty() ? QString::fromUtf8(r.responseBody) : r.reason));
        QStringList parts;
        if (!r.principalId.isEmpty())
            parts << tr("principalId: %1").arg(r.principalId);
        if (!r.policyDocument.isEmpty())
            parts << tr("Policy document:\n%1").arg(pretty(r.policyDocument));
        if (!r.context.isEmpty())
            parts << tr("Context:\n%1").arg(pretty(r.context));
        if (!r.claims.isEmpty())
            parts << tr("Claims:\n%1").arg(pretty(r.claims));
        if (!r.scopes.isEmpty())
            parts << tr("Scopes: %1").arg(r.scopes.join(QLatin1Char(' ')));
        if (r.status != 200)
            parts << tr("Response body: %1").arg(QString::fromUtf8(r.responseBody));
        if (!r.trace.isEmpty())
            parts << tr("Trace:\n%1").arg(r.trace.join(QLatin1Char('\n')));
        m_output->setPlainText(parts.join(QStringLiteral("\n\n")));
        emit finished(r.status);
    });
}

} // namespace gw::ui
