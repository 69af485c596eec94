#include "runtimecontroller.h"

#include "designproblems.h"

#include "projectdocument.h"

#include "gateway/deploy/runtimeconfig.h"
#include "gateway/model/check.h"
#include "gateway/model/deployments.h"
#include "gateway/runtime/engine.h"

#include <QFileInfo>
#include <QHostAddress>

namespace gw::ui {

RuntimeController::RuntimeController(ProjectDocument *document, gw::runtime::Engine *engine, QObject *parent)
    : QObject(parent), m_document(document), m_engine(engine)
{
    // Typing in a form changes the document per keystroke; compile once the burst is over.
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(250);
    connect(&m_debounce, &QTimer::timeout, this, &RuntimeController::push);
    connect(document, &ProjectDocument::changed, this, [this]() { m_debounce.start(); });
}

void RuntimeController::setTarget(const QString &apiId, const QString &stage)
{
    if (apiId == m_apiId && stage == m_stage)
        return;
    m_apiId = apiId;
    m_stage = stage.isEmpty() ? QStringLiteral("dev") : stage;
    if (m_autoDeploy)
        m_debounce.start();
}

void RuntimeController::setAutoDeploy(bool on)
{
    m_autoDeploy = on;
    m_debounce.start();
}

QString RuntimeController::deploy(const QString &description, gw::model::Diagnostics *refusedFor)
{
    if (!m_document->project().api(m_apiId))
        return {};
    // As AWS refuses a deployment whose templates do not parse, nothing is recorded then.
    const gw::model::Diagnostics errors = blockingErrors(m_document->project(), m_apiId);
    if (!errors.isEmpty()) {
        if (refusedFor)
            *refusedFor = errors;
        return {};
    }
    QString id;
    const QString apiId = m_apiId;
    const QString stage = m_stage;
    m_document->edit(tr("Deploy to %1").arg(stage), [&](gw::model::Project &p) {
        if (auto *api = p.api(apiId))
            id = gw::model::deploy(*api, stage, description);
    });
    m_debounce.stop();
    push();
    return id;
}

void RuntimeController::push()
{
    m_debounce.stop();
    gw::model::Project project = m_document->project();
    if (m_autoDeploy)
        if (auto *api = project.api(m_apiId))
            gw::model::deploy(*api, m_stage, tr("auto-deploy"));
    gw::model::Diagnostics diagnostics;
    const QString dir = m_document->fileName().isEmpty() ? QString() : QFileInfo(m_document->fileName()).absolutePath();
    auto config = gw::deploy::compile(project, &diagnostics, dir);
    m_engine->deploy(config);
    // Compiling and designProblems both report a model whose schema does not compile: once.
    for (const auto &d : designProblems(m_document->project()))
        if (!diagnostics.contains(d))
            diagnostics.append(d);
    emit pushed(diagnostics);
}

void RuntimeController::start()
{
    if (m_engine->isRunning())
        return;
    gw::runtime::EngineOptions options;
    const auto &server = m_document->project().server;
    options.host = QHostAddress(server.host.isEmpty() ? QStringLiteral("127.0.0.1") : server.host);
    options.port = quint16(server.port);
    options.captureDetails = true;
    push();
    m_engine->start(options);
}

void RuntimeController::stop()
{
    m_engine->stop();
}

} // namespace gw::ui
