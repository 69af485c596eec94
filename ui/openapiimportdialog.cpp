#include "openapiimportdialog.h"

#include "gateway/openapi/openapiimport.h"

#include <QButtonGroup>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace gw::ui {

OpenApiImportDialog::OpenApiImportDialog(const QString &directory, QWidget *parent) : QDialog(parent), m_directory(directory)
{
    setWindowTitle(tr("Import OpenAPI"));
    m_file = new QLineEdit(this);
    m_file->setObjectName(QStringLiteral("importFile"));
    m_file->setPlaceholderText(tr("OpenAPI 3.0 or Swagger 2.0, JSON or YAML"));
    auto *browse = new QPushButton(tr("&Browse…"), this);
    browse->setObjectName(QStringLiteral("importBrowse"));
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_file, 1);
    fileRow->addWidget(browse);

    m_rest = new QRadioButton(tr("&REST API"), this);
    m_rest->setObjectName(QStringLiteral("importTypeRest"));
    m_rest->setChecked(true);
    m_http = new QRadioButton(tr("&HTTP API"), this);
    m_http->setObjectName(QStringLiteral("importTypeHttp"));
    auto *group = new QButtonGroup(this);
    group->addButton(m_rest);
    group->addButton(m_http);
    auto *typeRow = new QHBoxLayout;
    typeRow->addWidget(m_rest);
    typeRow->addWidget(m_http);
    typeRow->addStretch(1);

    m_hint = new QLabel(this);
    m_hint->setObjectName(QStringLiteral("importTypeHint"));
    m_hint->setWordWrap(true);
    m_hint->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Import"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);

    auto *form = new QFormLayout;
    form->addRow(tr("&File:"), fileRow);
    form->addRow(tr("Create as:"), typeRow);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    resize(560, sizeHint().height());

    connect(browse, &QPushButton::clicked, this, &OpenApiImportDialog::browse);
    connect(m_file, &QLineEdit::textChanged, this, &OpenApiImportDialog::fileChanged);
    connect(group, &QButtonGroup::buttonToggled, this, &OpenApiImportDialog::updateHint);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(&m_watcher, &QFutureWatcher<QString>::finished, this, [this]() {
        const QString file = m_pendingFile;
        m_pendingFile.clear();
        if (file == fileName()) {
            m_signFile = file;
            m_sign = m_watcher.result();
            updateHint();
        } else {
            fileChanged(); // the user typed on while the file was read
        }
    });
}

QString OpenApiImportDialog::fileName() const
{
    return m_file->text().trimmed();
}

gw::model::ApiType OpenApiImportDialog::apiType() const
{
    return m_http->isChecked() ? gw::model::ApiType::Http : gw::model::ApiType::Rest;
}

QString OpenApiImportDialog::hintText() const
{
    return m_hint->isVisible() ? m_hint->text() : QString();
}

void OpenApiImportDialog::browse()
{
    const QString name = QFileDialog::getOpenFileName(this, tr("Import OpenAPI"), m_directory,
                                                      tr("OpenAPI / Swagger (*.json *.yaml *.yml);;All files (*)"));
    if (!name.isEmpty())
        m_file->setText(name);
}

void OpenApiImportDialog::fileChanged()
{
    const QString file = fileName();
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!file.isEmpty());
    if (m_watcher.isRunning())
        return; // the finished handler starts the next read
    if (file == m_signFile) {
        updateHint();
        return;
    }
    m_sign.clear();
    m_signFile.clear();
    updateHint();
    if (file.isEmpty() || !QFileInfo(file).isFile())
        return;
    m_pendingFile = file;
    m_watcher.setFuture(QtConcurrent::run([file]() { return gw::openapi::httpApiSignOfFile(file); }));
}

void OpenApiImportDialog::updateHint()
{
    const QString hint = gw::openapi::typeHint(m_sign);
    const bool show = !hint.isEmpty() && m_rest->isChecked();
    m_hint->setText(show ? tr("This file %1.").arg(hint) : QString());
    m_hint->setVisible(show);
}

} // namespace gw::ui
