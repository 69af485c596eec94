// gatewright [PROJECT]: the desktop app. Opens the project (the bundled sample by default) and
// serves it at once. Without a display it says so and serves headless with gatewright-cli.

#include "ui/clientpanel.h"
#include "ui/document/runtimecontroller.h"
#include "ui/mainwindow.h"

#include "screenshottour.h"

#include "gateway/model/projectfile.h"
#include "gateway/runtime/engine.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QProcess>
#include <QTextStream>
#include <QTimer>

#include <unistd.h>

static QString defaultProject(const QString &appDir)
{
    for (const QString &candidate : {QString(appDir + QStringLiteral("/../share/gatewright/samples/petstore.gwproj")),
                                     QStringLiteral(GW_SOURCE_DIR "/resources/samples/petstore.gwproj")}) {
        if (QFileInfo::exists(candidate))
            return QDir::cleanPath(candidate);
    }
    return {};
}

static bool haveDisplay()
{
    return qEnvironmentVariableIsSet("QT_QPA_PLATFORM") || qEnvironmentVariableIsSet("DISPLAY")
           || qEnvironmentVariableIsSet("WAYLAND_DISPLAY");
}

int main(int argc, char **argv)
{
    const QString appDir = QFileInfo(QString::fromLocal8Bit(argv[0])).absolutePath();
    QString file = argc > 1 ? QString::fromLocal8Bit(argv[1]) : defaultProject(appDir);

    if (!haveDisplay()) {
        QTextStream(stderr) << "gatewright: no display (DISPLAY and WAYLAND_DISPLAY are unset); serving " << file
                            << " headless instead\n";
        const QString cli = QFileInfo::exists(appDir + QStringLiteral("/gatewright-cli"))
                                ? appDir + QStringLiteral("/gatewright-cli")
                                : appDir + QStringLiteral("/../cli/gatewright-cli");
        const QByteArray cliPath = QFile::encodeName(cli);
        const QByteArray projectPath = QFile::encodeName(file);
        execl(cliPath.constData(), cliPath.constData(), "serve", projectPath.constData(), static_cast<char *>(nullptr));
        QTextStream(stderr) << "gatewright: cannot run " << cli << '\n';
        return 1;
    }

    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Gatewright"));
    QApplication::setOrganizationName(QStringLiteral("Gatewright"));

    gw::runtime::Engine engine;
    gw::ui::MainWindow window(&engine);
    // A file that cannot be read opens an empty project with a notice that says what and where;
    // the file itself is left as it is.
    window.setProject(gw::model::Project{}, QString());
    if (!file.isEmpty() && !window.openFile(file))
        QTextStream(stderr) << "gatewright: " << window.noticeText() << '\n';
    window.show();

    window.runtime()->start(); // serves the project at once (loopback unless it says otherwise)
    if (const QString dir = qEnvironmentVariable("GW_SCREENSHOTS"); !dir.isEmpty())
        startScreenshotTour(window, dir);
    const int rc = QApplication::exec();
    engine.stop();
    return rc;
}
