#include "openapiimporter.h"

#include "document/projectdocument.h"

#include <QtConcurrent/QtConcurrentRun>

namespace gw::ui {

OpenApiImporter::OpenApiImporter(ProjectDocument *document, QObject *parent) : QObject(parent), m_document(document)
{
    connect(&m_watcher, &QFutureWatcher<gw::openapi::ImportResult>::finished, this, &OpenApiImporter::onFinished);
}

void OpenApiImporter::start(const QString &fileName, gw::model::ApiType type)
{
    if (isRunning())
        return;
    m_fileName = fileName;
    gw::openapi::ImportOptions options;
    options.type = type;
    m_watcher.setFuture(QtConcurrent::run([fileName, options]() { return gw::openapi::importOpenApiFile(fileName, options); }));
}

void OpenApiImporter::onFinished()
{
    const gw::openapi::ImportResult result = m_watcher.result();
    QStringList messages;
    for (const auto &d : result.diagnostics)
        messages << d.toString(m_fileName);
    if (!result.ok) {
        emit finished(false, {}, messages);
        return;
    }
    // The id is decided on a copy first, so the undo step's text can name it.
    gw::model::Project probe = m_document->project();
    const QString apiId = gw::openapi::addToProject(probe, result);
    m_document->edit(tr("Import %1").arg(result.api.name.isEmpty() ? apiId : result.api.name),
                     [probe](gw::model::Project &p) { p = probe; });
    emit finished(true, apiId, messages);
}

} // namespace gw::ui
