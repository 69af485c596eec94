#include "corsdialog.h"

#include "formutil.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QJsonArray>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace gw::ui {

namespace {

QString joinList(const QJsonValue &value)
{
    QStringList out;
    for (const QJsonValue &v : value.toArray())
        out << v.toString();
    return out.join(QStringLiteral(", "));
}

QJsonArray toArray(const QStringList &list)
{
    QJsonArray out;
    for (const QString &s : list)
        out.append(s);
    return out;
}

} // namespace

CorsDialog::CorsDialog(Mode mode, QWidget *parent)
    : QDialog(parent), m_mode(mode), m_intro(new QLabel(this)), m_origins(new QLineEdit(this)), m_methods(new QLineEdit(this)),
      m_headers(new QLineEdit(this)), m_expose(new QLineEdit(this)), m_maxAge(new QSpinBox(this)),
      m_credentials(new QCheckBox(tr("Access-Control-Allow-Credentials: true"), this)),
      m_gatewayResponses(new QCheckBox(tr("Also on the DEFAULT 4XX and DEFAULT 5XX gateway responses"), this)), m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("corsDialog"));
    setWindowTitle(mode == Mode::RestResource ? tr("Enable CORS") : tr("CORS configuration"));
    m_origins->setObjectName(QStringLiteral("corsOrigins"));
    m_methods->setObjectName(QStringLiteral("corsMethods"));
    m_headers->setObjectName(QStringLiteral("corsHeaders"));
    m_expose->setObjectName(QStringLiteral("corsExpose"));
    m_maxAge->setObjectName(QStringLiteral("corsMaxAge"));
    m_credentials->setObjectName(QStringLiteral("corsCredentials"));
    m_gatewayResponses->setObjectName(QStringLiteral("corsGatewayResponses"));
    m_error->setObjectName(QStringLiteral("corsError"));
    m_error->setWordWrap(true);
    m_intro->setWordWrap(true);
    m_maxAge->setRange(-1, 86400);
    m_maxAge->setSpecialValueText(tr("not sent"));
    m_maxAge->setSuffix(tr(" s"));
    m_maxAge->setValue(-1);
    m_gatewayResponses->setVisible(mode == Mode::RestResource);

    auto *form = new QFormLayout;
    form->addRow(mode == Mode::RestResource ? tr("Access-Control-Allow-Origin") : tr("Allowed origins"), m_origins);
    form->addRow(tr("Allowed methods"), m_methods);
    form->addRow(tr("Allowed headers"), m_headers);
    form->addRow(tr("Exposed headers"), m_expose);
    form->addRow(tr("Max age"), m_maxAge);
    form->addRow(QString(), m_credentials);
    form->addRow(QString(), m_gatewayResponses);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("corsApply"));
    buttons->button(QDialogButtonBox::Ok)->setText(mode == Mode::RestResource ? tr("Enable CORS") : tr("Save"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, this, [this]() {
        // Refused here rather than by the browser later: credentials with a wildcard origin.
        const QStringList origins = form::splitList(m_origins->text());
        if (origins.isEmpty())
            m_error->setText(tr("Give an origin, or '*' for any"));
        else if (m_credentials->isChecked() && origins.contains(QStringLiteral("*")))
            m_error->setText(tr("Credentials need a specific origin: browsers refuse them with '*'"));
        else if (m_mode == Mode::RestResource && origins.size() > 1)
            m_error->setText(tr("A REST API answers with one Access-Control-Allow-Origin value: give one origin or '*'"));
        else
            accept();
    });

    if (mode == Mode::RestResource) {
        const gw::model::CorsOptions defaults;
        m_origins->setText(defaults.allowOrigin);
        m_headers->setText(defaults.allowHeaders);
    } else {
        m_intro->setText(tr("The gateway answers preflight requests itself and adds the headers to every response."));
    }
}

void CorsDialog::setRestDefaults(const QString &resourcePath, const QStringList &methods)
{
    QStringList allowed = methods;
    allowed.removeAll(QStringLiteral("OPTIONS"));
    allowed << QStringLiteral("OPTIONS");
    m_methods->setText(allowed.join(QLatin1Char(',')));
    m_intro->setText(tr("Creates the OPTIONS method of %1 (a MOCK answering the preflight) and adds "
                        "Access-Control-Allow-Origin to the 200 responses of its other methods. "
                        "Proxy integrations must send the header from their backend.").arg(resourcePath));
}

gw::model::CorsOptions CorsDialog::restOptions() const
{
    gw::model::CorsOptions o;
    o.allowOrigin = m_origins->text().trimmed();
    o.allowHeaders = form::splitList(m_headers->text()).join(QLatin1Char(','));
    o.allowMethods = form::splitList(m_methods->text());
    o.exposeHeaders = form::splitList(m_expose->text()).join(QLatin1Char(','));
    o.maxAgeSeconds = m_maxAge->value();
    o.allowCredentials = m_credentials->isChecked();
    o.gatewayResponses = m_gatewayResponses->isChecked();
    return o;
}

void CorsDialog::setHttpConfiguration(const QJsonObject &configuration)
{
    m_origins->setText(joinList(configuration.value(QLatin1String("allowOrigins"))));
    m_methods->setText(joinList(configuration.value(QLatin1String("allowMethods"))));
    m_headers->setText(joinList(configuration.value(QLatin1String("allowHeaders"))));
    m_expose->setText(joinList(configuration.value(QLatin1String("exposeHeaders"))));
    m_maxAge->setValue(configuration.value(QLatin1String("maxAge")).toInt(-1));
    m_credentials->setChecked(configuration.value(QLatin1String("allowCredentials")).toBool());
}

QJsonObject CorsDialog::httpConfiguration() const
{
    QJsonObject o;
    o.insert(QLatin1String("allowOrigins"), toArray(form::splitList(m_origins->text())));
    if (const QStringList l = form::splitList(m_methods->text()); !l.isEmpty())
        o.insert(QLatin1String("allowMethods"), toArray(l));
    if (const QStringList l = form::splitList(m_headers->text()); !l.isEmpty())
        o.insert(QLatin1String("allowHeaders"), toArray(l));
    if (const QStringList l = form::splitList(m_expose->text()); !l.isEmpty())
        o.insert(QLatin1String("exposeHeaders"), toArray(l));
    if (m_maxAge->value() >= 0)
        o.insert(QLatin1String("maxAge"), m_maxAge->value());
    if (m_credentials->isChecked())
        o.insert(QLatin1String("allowCredentials"), true);
    return o;
}

} // namespace gw::ui
