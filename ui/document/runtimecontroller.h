#pragma once

#include "gateway/model/diagnostic.h"

#include <QObject>
#include <QTimer>

namespace gw::runtime {
class Engine;
}

namespace gw::ui {

class ProjectDocument;

// Keeps the engine serving the document. Stage settings take effect at once, as in API
// Gateway; the API's design reaches a stage only through a deployment — Deploy records one
// (an undoable edit), and "auto-deploy" serves the current design on the chosen stage without
// recording anything, so fast iteration neither floods the history nor the undo stack.
// Thread contract: GUI thread; the engine does the work on its own threads.
class RuntimeController : public QObject
{
    Q_OBJECT
public:
    RuntimeController(ProjectDocument *document, gw::runtime::Engine *engine, QObject *parent = nullptr);

    void setTarget(const QString &apiId, const QString &stage);
    QString targetApi() const { return m_apiId; }
    QString targetStage() const { return m_stage; }
    void setAutoDeploy(bool on);
    bool autoDeploy() const { return m_autoDeploy; }

    // Records a deployment of the target API to the target stage (creating the stage if needed)
    // and serves it. Returns the new deployment's id, empty when there is no API.
    // Nothing is recorded while the API has errors (a template that does not parse, ...): then the
    // result is empty and `refusedFor` holds them.
    QString deploy(const QString &description = {}, gw::model::Diagnostics *refusedFor = nullptr);
    // Compiles the document as it stands (plus the auto-deployed design) and hands it over.
    void push();
    void start();
    void stop();

signals:
    void pushed(const gw::model::Diagnostics &problems);

private:
    ProjectDocument *m_document;
    gw::runtime::Engine *m_engine;
    QString m_apiId;
    QString m_stage = QStringLiteral("dev");
    bool m_autoDeploy = false;
    QTimer m_debounce;
};

} // namespace gw::ui
