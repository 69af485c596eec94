#pragma once

#include "gateway/model/project.h"
#include "gateway/openapi/openapiexport.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QPlainTextEdit;
class QRadioButton;

namespace gw::ui {

// File → Export OpenAPI: API, stage (or the current design), OpenAPI 3.0 or Swagger 2.0, JSON or
// YAML, with or without the x-amazon-apigateway-* extensions; the document is previewed as the
// choices change, with what OpenAPI cannot hold listed under it; Save writes it atomically.
// Thread contract: GUI thread.
class OpenApiExportDialog : public QDialog
{
    Q_OBJECT
public:
    OpenApiExportDialog(const gw::model::Project &project, const QString &apiId, QWidget *parent = nullptr);

    gw::openapi::ExportOptions options() const;
    QString previewText() const;
    QString problemsText() const;
    // Writes the current document; false with `error` set when it cannot.
    bool saveTo(const QString &fileName, QString *error);

private:
    void fillStages();
    void refresh();
    void saveInteractive();

    gw::model::Project m_project;
    gw::openapi::ExportResult m_result;
    QComboBox *m_api;
    QComboBox *m_stage;
    QComboBox *m_format;
    QRadioButton *m_json;
    QRadioButton *m_yaml;
    QCheckBox *m_extensions;
    QPlainTextEdit *m_preview;
    QLabel *m_problems;
};

} // namespace gw::ui
