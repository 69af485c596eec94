#include "openapiexportdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSaveFile>
#include <QVBoxLayout>

namespace gw::ui {

OpenApiExportDialog::OpenApiExportDialog(const gw::model::Project &project, const QString &apiId, QWidget *parent)
    : QDialog(parent), m_project(project), m_api(new QComboBox(this)), m_stage(new QComboBox(this)),
      m_format(new QComboBox(this)), m_json(new QRadioButton(QStringLiteral("JSON"), this)),
      m_yaml(new QRadioButton(QStringLiteral("YAML"), this)),
      m_extensions(new QCheckBox(tr("API Gateway extensions (integrations, authorizers, validators, …)"), this)),
      m_preview(new QPlainTextEdit(this)), m_problems(new QLabel(this))
{
    setWindowTitle(tr("Export OpenAPI"));
    setObjectName(QStringLiteral("exportDialog"));
    m_api->setObjectName(QStringLiteral("exportApi"));
    m_stage->setObjectName(QStringLiteral("exportStage"));
    m_format->setObjectName(QStringLiteral("exportFormat"));
    m_json->setObjectName(QStringLiteral("exportJson"));
    m_yaml->setObjectName(QStringLiteral("exportYaml"));
    m_extensions->setObjectName(QStringLiteral("exportExtensions"));
    m_preview->setObjectName(QStringLiteral("exportPreview"));
    m_problems->setObjectName(QStringLiteral("exportProblems"));
    for (const auto &api : project.apis)
        m_api->addItem(QStringLiteral("%1 (%2)").arg(api.name, api.id), api.id);
    m_api->setCurrentIndex(qMax(0, m_api->findData(apiId)));
    m_format->addItem(tr("OpenAPI 3.0"), int(gw::openapi::ExportFormat::OpenApi30));
    m_format->addItem(tr("Swagger 2.0"), int(gw::openapi::ExportFormat::Swagger20));
    m_json->setChecked(true);
    m_extensions->setChecked(true);
    m_preview->setReadOnly(true);
    m_preview->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_preview->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_problems->setWordWrap(true);
    m_problems->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *syntax = new QHBoxLayout;
    syntax->addWidget(m_json);
    syntax->addWidget(m_yaml);
    syntax->addStretch();
    auto *form = new QFormLayout;
    form->addRow(tr("API"), m_api);
    form->addRow(tr("Stage"), m_stage);
    form->addRow(tr("Format"), m_format);
    form->addRow(tr("Syntax"), syntax);
    form->addRow(QString(), m_extensions);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_problems);
    layout->addWidget(buttons);
    resize(760, 640);

    fillStages();
    connect(m_api, &QComboBox::currentIndexChanged, this, [this]() {
        fillStages();
        refresh();
    });
    for (QComboBox *box : {m_stage, m_format})
        connect(box, &QComboBox::currentIndexChanged, this, &OpenApiExportDialog::refresh);
    connect(m_json, &QRadioButton::toggled, this, &OpenApiExportDialog::refresh);
    connect(m_extensions, &QCheckBox::toggled, this, &OpenApiExportDialog::refresh);
    connect(buttons, &QDialogButtonBox::accepted, this, &OpenApiExportDialog::saveInteractive);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    refresh();
}

void OpenApiExportDialog::fillStages()
{
    const QSignalBlocker block(m_stage);
    m_stage->clear();
    m_stage->addItem(tr("Current design (not deployed)"), QString());
    if (const auto *api = m_project.api(m_api->currentData().toString()))
        for (const auto &stage : api->stages)
            m_stage->addItem(tr("Stage %1").arg(stage.name), stage.name);
}

gw::openapi::ExportOptions OpenApiExportDialog::options() const
{
    gw::openapi::ExportOptions o;
    o.apiId = m_api->currentData().toString();
    o.stage = m_stage->currentData().toString();
    o.format = gw::openapi::ExportFormat(m_format->currentData().toInt());
    o.yaml = m_yaml->isChecked();
    o.extensions = m_extensions->isChecked();
    return o;
}

void OpenApiExportDialog::refresh()
{
    m_result = gw::openapi::exportOpenApi(m_project, options());
    m_preview->setPlainText(m_result.ok ? QString::fromUtf8(m_result.document) : QString());
    QStringList lines;
    for (const auto &d : m_result.diagnostics)
        lines << d.toString();
    m_problems->setText(lines.join(QLatin1Char('\n')));
    m_problems->setVisible(!lines.isEmpty());
    if (auto *save = findChild<QDialogButtonBox *>())
        save->button(QDialogButtonBox::Save)->setEnabled(m_result.ok);
}

QString OpenApiExportDialog::previewText() const
{
    return m_preview->toPlainText();
}

QString OpenApiExportDialog::problemsText() const
{
    return m_problems->text();
}

bool OpenApiExportDialog::saveTo(const QString &fileName, QString *error)
{
    if (!m_result.ok) {
        *error = tr("The API cannot be exported: %1").arg(problemsText());
        return false;
    }
    QSaveFile file(fileName);
    if (!file.open(QIODevice::WriteOnly) || file.write(m_result.document) != m_result.document.size() || !file.commit()) {
        *error = tr("%1: cannot write: %2").arg(fileName, file.errorString());
        return false;
    }
    return true;
}

void OpenApiExportDialog::saveInteractive()
{
    const auto o = options();
    const QString suggested = o.apiId + (o.stage.isEmpty() ? QString() : QLatin1Char('-') + o.stage)
                              + (o.format == gw::openapi::ExportFormat::Swagger20 ? QStringLiteral("-swagger") : QStringLiteral("-oas30"))
                              + (o.yaml ? QStringLiteral(".yaml") : QStringLiteral(".json"));
    const QString file = QFileDialog::getSaveFileName(this, tr("Export OpenAPI"), suggested,
                                                      o.yaml ? tr("YAML (*.yaml *.yml)") : tr("JSON (*.json)"));
    if (file.isEmpty())
        return;
    QString error;
    if (!saveTo(file, &error)) {
        QMessageBox::warning(this, tr("Export OpenAPI"), error);
        return;
    }
    accept();
}

} // namespace gw::ui
