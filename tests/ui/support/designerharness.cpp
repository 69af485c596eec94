#include "designerharness.h"

#include "ui/clientpanel.h"
#include "ui/document/runtimecontroller.h"
#include "ui/mainwindow.h"

#include "gateway/model/projectfile.h"
#include "gateway/runtime/engine.h"

#include <QFile>
#include <QPushButton>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace gwtest {

QString sampleCopy(const QTemporaryDir &dir, const QString &name, const std::function<void(gw::model::Project &)> &adjust)
{
    const QString file = dir.filePath(name);
    QFile::remove(file);
    auto loaded = gw::model::loadProject(QStringLiteral(GW_SOURCE_DIR "/resources/samples/petstore.gwproj"));
    loaded.project.server.port = 0;
    if (adjust)
        adjust(loaded.project);
    QString error;
    if (!gw::model::saveProject(loaded.project, file, &error))
        qFatal("cannot write the sample copy: %s", qPrintable(error));
    return file;
}

bool startServing(gw::ui::MainWindow &window, gw::runtime::Engine &engine)
{
    QSignalSpy started(&engine, &gw::runtime::Engine::started);
    window.runtime()->start();
    return started.wait(5000);
}

int sendFromClient(gw::ui::MainWindow &window, const QString &url, const QString &method)
{
    window.client()->setMethod(method);
    window.client()->setUrl(url);
    QSignalSpy answered(window.client(), &gw::ui::ClientPanel::finished);
    QTest::mouseClick(window.findChild<QPushButton *>(QStringLiteral("clientSend")), Qt::LeftButton);
    if (!answered.wait(5000))
        return -1;
    return answered.first().first().toInt();
}

} // namespace gwtest
