#include "templatepreview.h"

#include "gateway/transform/mappingvariables.h"
#include "gateway/transform/samplerequest.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QVBoxLayout>

namespace gw::ui {

namespace {

const char kDefaultSample[] = R"({
  "method": "POST",
  "path": "/items/42",
  "resourcePath": "/items/{id}",
  "headers": {"Content-Type": "application/json"},
  "query": {"q": "search"},
  "pathParameters": {"id": "42"},
  "body": "{\"name\": \"example\", \"tags\": [\"a\", \"b\"]}",
  "stageVariables": {}
})";

// Small enough that the window never waits noticeably, large enough for real templates.
transform::VtlLimits previewLimits()
{
    transform::VtlLimits limits;
    limits.maxSteps = 200'000;
    limits.maxOutput = 1024 * 1024;
    return limits;
}

} // namespace

TemplatePreview::TemplatePreview(QWidget *parent)
    : QWidget(parent), m_sample(new QPlainTextEdit(this)), m_output(new QPlainTextEdit(this)), m_status(new QLabel(this))
{
    m_sample->setObjectName(QStringLiteral("sampleRequest"));
    m_sample->setPlainText(QString::fromUtf8(kDefaultSample));
    m_sample->setToolTip(tr("A sample request: method, path, resourcePath, headers, query, pathParameters, body, "
                            "stageVariables, context, variables"));
    m_output->setObjectName(QStringLiteral("renderedOutput"));
    m_output->setReadOnly(true);
    m_status->setObjectName(QStringLiteral("previewStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_sample->setFont(fixed);
    m_output->setFont(fixed);

    auto *panes = new QSplitter(Qt::Horizontal, this);
    auto *left = new QWidget(panes);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("Sample request"), left));
    leftLayout->addWidget(m_sample);
    auto *right = new QWidget(panes);
    auto *rightLayout = new QVBoxLayout(right);
    rightLayout->setContentsMargins(0, 0, 0, 0);
    rightLayout->addWidget(new QLabel(tr("Rendered output"), right));
    rightLayout->addWidget(m_output);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(panes, 1);
    layout->addWidget(m_status);

    m_debounce.setSingleShot(true);
    m_debounce.setInterval(150);
    connect(&m_debounce, &QTimer::timeout, this, &TemplatePreview::renderNow);
    connect(m_sample, &QPlainTextEdit::textChanged, this, &TemplatePreview::schedule);
}

void TemplatePreview::setTemplate(const QString &text)
{
    if (text == m_template && !m_output->toPlainText().isEmpty())
        return;
    m_template = text;
    schedule();
}

void TemplatePreview::setSampleRequest(const QString &json)
{
    m_sample->setPlainText(json);
}

QString TemplatePreview::sampleRequest() const
{
    return m_sample->toPlainText();
}

QString TemplatePreview::output() const
{
    return m_output->toPlainText();
}

void TemplatePreview::showError(const QString &message, int line)
{
    m_error = message;
    m_status->setText(message);
    m_status->setStyleSheet(message.isEmpty() ? QString() : QStringLiteral("color: palette(link-visited);"));
    if (line != m_errorLine) {
        m_errorLine = line;
        emit errorLineChanged(line);
    }
}

void TemplatePreview::renderNow()
{
    m_debounce.stop();
    transform::MappingRequest request;
    QString problem;
    if (!transform::parseSampleRequest(m_sample->toPlainText().toUtf8(), tr("sample request"), &request, &problem)) {
        showError(problem, 0);
        emit rendered();
        return;
    }
    transform::VtlSyntaxError syntax;
    const auto tpl = transform::VtlTemplate::parse(m_template, &syntax);
    if (!tpl) {
        m_output->clear();
        showError(syntax.toString(), syntax.line);
        emit rendered();
        return;
    }
    transform::VtlVariables vars = transform::mappingVariables(request);
    const transform::VtlRenderResult r = tpl->render(vars, previewLimits());
    if (!r.ok) {
        m_output->clear();
        // Run-time errors start with "line:column:" too.
        showError(r.error, r.error.section(QLatin1Char(':'), 0, 0).toInt());
    } else {
        m_output->setPlainText(r.output);
        showError(QString(), 0);
    }
    emit rendered();
}

} // namespace gw::ui
