#pragma once

#include "gateway/openapi/openapiimport.h"

#include <QFutureWatcher>
#include <QObject>

namespace gw::ui {

class ProjectDocument;

// File → Import OpenAPI: reads and converts the file on a worker thread (a 2,000-path definition
// must not freeze the window), then adds the API to the document as one undo step. A file with
// errors changes nothing; warnings (what API Gateway's model cannot hold) are reported.
// Thread contract: GUI thread; the import itself runs on the global thread pool.
class OpenApiImporter : public QObject
{
    Q_OBJECT
public:
    explicit OpenApiImporter(ProjectDocument *document, QObject *parent = nullptr);

    void start(const QString &fileName, gw::model::ApiType type = gw::model::ApiType::Rest);
    bool isRunning() const { return m_watcher.isRunning(); }

signals:
    // ok: the API was added as `apiId`. diagnostics: errors (then nothing was added) and warnings,
    // each "file:path: message".
    void finished(bool ok, const QString &apiId, const QStringList &diagnostics);

private:
    void onFinished();

    ProjectDocument *m_document;
    QString m_fileName;
    QFutureWatcher<gw::openapi::ImportResult> m_watcher;
};

} // namespace gw::ui
