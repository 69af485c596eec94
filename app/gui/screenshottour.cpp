#include "screenshottour.h"

#include "ui/clientpanel.h"
#include "ui/editors/editorarea.h"
#include "ui/editors/methodeditor.h"
#include "ui/mainwindow.h"
#include "ui/models/requestlogmodel.h"
#include "ui/navigatorpanel.h"

#include <QApplication>
#include <QDir>
#include <QTextStream>
#include <QTimer>

#include <functional>

using gw::ui::ItemRef;

namespace {

struct Step
{
    int delayMs;
    std::function<void()> action;
};

void runSteps(QList<Step> steps)
{
    if (steps.isEmpty()) {
        QApplication::quit();
        return;
    }
    const Step step = steps.takeFirst();
    QTimer::singleShot(step.delayMs, qApp, [step, steps]() {
        step.action();
        runSteps(steps);
    });
}

} // namespace

void startScreenshotTour(gw::ui::MainWindow &window, const QString &dir)
{
    QDir().mkpath(dir);
    const auto shoot = [&window, dir](const QString &name) {
        const QString file = QDir(dir).filePath(name);
        if (!window.grab().save(file))
            QTextStream(stderr) << "gatewright: cannot write " << file << '\n';
        else
            QTextStream(stdout) << "wrote " << file << '\n';
    };
    const auto method = [&window](const QString &path, const QString &verb) {
        const QString apiId = window.project().apis.isEmpty() ? QString() : window.project().apis.first().id;
        window.navigator()->select(ItemRef{ItemRef::Kind::Method, apiId, path, verb, {}});
    };
    runSteps({
        {1500, [&window, method]() {
             method(QStringLiteral("/pets"), QStringLiteral("GET"));
             window.client()->setUrl(window.client()->url().section(QLatin1Char('/'), 0, -2) + QStringLiteral("/pets?type=dog"));
             window.client()->send();
         }},
        {1000, [&window, shoot]() {
             window.selectLogRow(window.logModel()->rowCount() - 1);
             shoot(QStringLiteral("main-window.png"));
         }},
        {300, [&window, shoot]() {
             window.editors()->methodEditor()->showBox(gw::ui::MethodEditor::IntegrationResponseBox);
             shoot(QStringLiteral("mapping-template.png"));
         }},
        {300, [&window, shoot]() {
             const QString apiId = window.project().apis.isEmpty() ? QString() : window.project().apis.first().id;
             window.navigator()->select(ItemRef{ItemRef::Kind::Stage, apiId, {}, {}, QStringLiteral("dev")});
             shoot(QStringLiteral("stage.png"));
         }},
        {300, [&window, shoot]() {
             window.showDashboard();
         }},
        {800, [shoot]() { shoot(QStringLiteral("dashboard.png")); }},
    });
}
