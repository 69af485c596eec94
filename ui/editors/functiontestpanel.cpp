#include "functiontestpanel.h"

#include "gateway/core/jsonutil.h"
#include "gateway/functions/functionruntime.h"
#include "gateway/integrations/upstreampool.h"

#include <QComboBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gw::ui {

namespace {

QString pretty(const QByteArray &json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (error.error != QJsonParseError::NoError)
        return QString::fromUtf8(json);
    return QString::fromUtf8(doc.toJson(QJsonDocument::Indented)).trimmed();
}

} // namespace

FunctionTestPanel::FunctionTestPanel(QWidget *parent)
    : QWidget(parent), m_transport(std::make_unique<gw::integrations::UpstreamPool>()),
      m_runtime(std::make_unique<gw::functions::FunctionRuntime>(m_transport.get())), m_samples(new QComboBox(this)),
      m_event(new QPlainTextEdit(this)), m_run(new QPushButton(tr("Run"), this)), m_summary(new QLabel(this)),
      m_output(new QPlainTextEdit(this))
{
    m_samples->setObjectName(QStringLiteral("eventSample"));
    m_event->setObjectName(QStringLiteral("testEvent"));
    m_run->setObjectName(QStringLiteral("runFunction"));
    m_summary->setObjectName(QStringLiteral("testSummary"));
    m_output->setObjectName(QStringLiteral("testOutput"));
    const QFont mono = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_event->setFont(mono);
    m_output->setFont(mono);
    m_output->setReadOnly(true);
    m_samples->addItem(tr("Sample event…"));
    m_samples->addItems(sampleNames());
    m_event->setPlainText(QStringLiteral("{}"));

    auto *top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Test event"), this));
    top->addWidget(m_samples, 1);
    top->addWidget(m_run);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(top);
    layout->addWidget(m_event, 2);
    layout->addWidget(m_summary);
    layout->addWidget(m_output, 3);

    connect(m_samples, &QComboBox::activated, this, [this](int index) {
        if (index > 0)
            m_event->setPlainText(sampleEvent(m_samples->itemText(index)));
        m_samples->setCurrentIndex(0);
    });
    connect(m_run, &QPushButton::clicked, this, &FunctionTestPanel::run);
}

FunctionTestPanel::~FunctionTestPanel() = default;

void FunctionTestPanel::setEvent(const QString &json)
{
    m_event->setPlainText(json);
}

QString FunctionTestPanel::outputText() const
{
    return m_summary->text() + QLatin1Char('\n') + m_output->toPlainText();
}

QStringList FunctionTestPanel::sampleNames()
{
    return {QStringLiteral("API Gateway REST proxy (payload 1.0)"), QStringLiteral("API Gateway HTTP API (payload 2.0)"),
            QStringLiteral("TOKEN authorizer"), QStringLiteral("Empty object")};
}

QString FunctionTestPanel::sampleEvent(const QString &name)
{
    QJsonObject event;
    if (name == sampleNames().at(0)) {
        event = {{QStringLiteral("resource"), QStringLiteral("/pets/{petId}")},
                 {QStringLiteral("path"), QStringLiteral("/pets/7")},
                 {QStringLiteral("httpMethod"), QStringLiteral("GET")},
                 {QStringLiteral("headers"), QJsonObject{{QStringLiteral("Accept"), QStringLiteral("application/json")}}},
                 {QStringLiteral("queryStringParameters"), QJsonObject{{QStringLiteral("verbose"), QStringLiteral("true")}}},
                 {QStringLiteral("pathParameters"), QJsonObject{{QStringLiteral("petId"), QStringLiteral("7")}}},
                 {QStringLiteral("stageVariables"), QJsonValue()},
                 {QStringLiteral("requestContext"),
                  QJsonObject{{QStringLiteral("resourcePath"), QStringLiteral("/pets/{petId}")},
                              {QStringLiteral("httpMethod"), QStringLiteral("GET")},
                              {QStringLiteral("stage"), QStringLiteral("dev")},
                              {QStringLiteral("identity"), QJsonObject{{QStringLiteral("sourceIp"), QStringLiteral("127.0.0.1")}}}}},
                 {QStringLiteral("body"), QJsonValue()},
                 {QStringLiteral("isBase64Encoded"), false}};
    } else if (name == sampleNames().at(1)) {
        event = {{QStringLiteral("version"), QStringLiteral("2.0")},
                 {QStringLiteral("routeKey"), QStringLiteral("GET /pets/{petId}")},
                 {QStringLiteral("rawPath"), QStringLiteral("/pets/7")},
                 {QStringLiteral("rawQueryString"), QStringLiteral("verbose=true")},
                 {QStringLiteral("headers"), QJsonObject{{QStringLiteral("accept"), QStringLiteral("application/json")}}},
                 {QStringLiteral("pathParameters"), QJsonObject{{QStringLiteral("petId"), QStringLiteral("7")}}},
                 {QStringLiteral("requestContext"),
                  QJsonObject{{QStringLiteral("http"), QJsonObject{{QStringLiteral("method"), QStringLiteral("GET")},
                                                                   {QStringLiteral("path"), QStringLiteral("/pets/7")}}},
                              {QStringLiteral("stage"), QStringLiteral("$default")}}},
                 {QStringLiteral("isBase64Encoded"), false}};
    } else if (name == sampleNames().at(2)) {
        event = {{QStringLiteral("type"), QStringLiteral("TOKEN")},
                 {QStringLiteral("authorizationToken"), QStringLiteral("allow")},
                 {QStringLiteral("methodArn"), QStringLiteral("arn:aws:execute-api:us-east-1:123456789012:petstore/dev/GET/pets")}};
    }
    return QString::fromUtf8(QJsonDocument(event).toJson(QJsonDocument::Indented));
}

void FunctionTestPanel::run()
{
    if (m_running)
        return;
    const QByteArray event = m_event->toPlainText().toUtf8();
    QJsonParseError error;
    QJsonDocument::fromJson(event, &error);
    if (error.error != QJsonParseError::NoError) {
        const QString before = QString::fromUtf8(event.left(error.offset));
        const int line = int(before.count(QLatin1Char('\n'))) + 1;
        const int column = int(before.size() - before.lastIndexOf(QLatin1Char('\n')));
        m_summary->setText(tr("The event is not JSON: %1 at line %2, column %3").arg(error.errorString()).arg(line).arg(column));
        m_output->clear();
        emit finished(false);
        return;
    }
    m_running = true;
    m_run->setEnabled(false);
    m_summary->setText(tr("Running %1…").arg(m_function.name));
    // The runtime may read the function until it answers: it gets its own copy.
    auto function = std::make_shared<const gw::model::Function>(m_function);
    m_runtime->invoke(function.get(), event, {}, [this, function](gw::functions::FunctionResult r) {
        m_running = false;
        m_run->setEnabled(true);
        QString text;
        if (r.invokeError != gw::functions::FunctionResult::InvokeError::None) {
            m_summary->setText(tr("Could not invoke: %1").arg(r.invokeErrorMessage));
        } else if (r.functionError) {
            m_summary->setText(tr("Failed after %1 ms: %2 %3").arg(r.durationMs).arg(r.errorType, r.errorMessage));
            text = pretty(r.payload);
        } else {
            m_summary->setText(tr("Succeeded in %1 ms").arg(r.durationMs));
            text = pretty(r.payload);
        }
        if (!r.logs.isEmpty())
            text += QStringLiteral("\n\n") + tr("Log output\n") + r.logs.join(QLatin1Char('\n'));
        m_output->setPlainText(text);
        emit finished(r.ok());
    });
}

} // namespace gw::ui
