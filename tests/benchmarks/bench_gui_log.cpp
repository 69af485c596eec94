// The window under load (issue 3): the sample served by the app's own engine, wrk hammering a
// MOCK route, the live log fed as it is in the app. Measures how late a 5 ms GUI-thread timer
// fires (the stall a user would feel while typing) and the process's RSS over the run.
//   cmake --build BUILD --target bench_gui_log && QT_QPA_PLATFORM=offscreen BUILD/tests/ui/bench_gui_log [SECONDS]
// Built on demand, never run by ctest; results go to docs/PERFORMANCE.md.

#include "ui/document/runtimecontroller.h"
#include "ui/mainwindow.h"
#include "ui/models/requestlogmodel.h"

#include "gateway/model/projectfile.h"
#include "gateway/runtime/engine.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

static qint64 rssKiB()
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray status = f.readAll();
    const auto m = QRegularExpression(QStringLiteral("VmRSS:\\s+(\\d+) kB")).match(QString::fromLatin1(status));
    return m.hasMatch() ? m.captured(1).toLongLong() : -1;
}

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    const int seconds = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 20;
    auto loaded = gw::model::loadProject(QStringLiteral(GW_SOURCE_DIR "/resources/samples/petstore.gwproj"));
    if (!loaded.ok)
        return 1;
    loaded.project.server.port = 0;
    gw::runtime::Engine engine;
    gw::ui::MainWindow window(&engine);
    window.setProject(loaded.project, QString());
    window.show();
    quint64 rows = 0;
    QObject::connect(&engine, &gw::runtime::Engine::requestsFinished, &app,
                     [&rows](const QList<gw::runtime::RequestRecord> &batch) { rows += quint64(batch.size()); });

    QList<qint64> lateUs;
    QElapsedTimer clock;
    qint64 last = 0;
    QTimer probe;
    probe.setTimerType(Qt::PreciseTimer);
    probe.setInterval(5);
    QObject::connect(&probe, &QTimer::timeout, &app, [&]() {
        const qint64 now = clock.nsecsElapsed() / 1000;
        lateUs.append(std::max<qint64>(0, now - last - 5000));
        last = now;
    });
    QList<qint64> rss;
    QTimer rssTimer;
    rssTimer.setInterval(1000);
    QObject::connect(&rssTimer, &QTimer::timeout, &app, [&rss]() { rss.append(rssKiB()); });

    QProcess wrk;
    QObject::connect(&engine, &gw::runtime::Engine::started, &app, [&]() {
        const QString url = QStringLiteral("http://127.0.0.1:%1/restapis/petstore/dev/_user_request_/ping").arg(engine.port());
        rss.append(rssKiB());
        clock.start();
        probe.start();
        rssTimer.start();
        wrk.start(QStringLiteral("wrk"), {QStringLiteral("-t1"), QStringLiteral("-c50"), QStringLiteral("-d%1s").arg(seconds), url});
    });
    QObject::connect(&wrk, &QProcess::finished, &app, [&]() {
        probe.stop();
        rssTimer.stop();
        rss.append(rssKiB());
        const QString out = QString::fromLocal8Bit(wrk.readAllStandardOutput());
        const auto rps = QRegularExpression(QStringLiteral("Requests/sec:\\s+([\\d.]+)")).match(out);
        std::sort(lateUs.begin(), lateUs.end());
        const auto pct = [&](double p) { return lateUs.isEmpty() ? 0 : lateUs.at(qMin(lateUs.size() - 1, qsizetype(p * lateUs.size()))); };
        const qint64 maxRss = *std::max_element(rss.begin(), rss.end());
        QTextStream(stdout) << "wrk: " << (rps.hasMatch() ? rps.captured(1) : QStringLiteral("?")) << " req/s for " << seconds << " s; "
                            << rows << " rows reached the GUI; log holds " << window.logModel()->rowCount() << " rows\n"
                            << "GUI timer lateness (5 ms timer, " << lateUs.size() << " ticks): p50 " << pct(0.5) / 1000.0
                            << " ms, p99 " << pct(0.99) / 1000.0 << " ms, max " << (lateUs.isEmpty() ? 0 : lateUs.last()) / 1000.0 << " ms\n"
                            << "RSS: start " << rss.first() / 1024.0 << " MiB, max " << maxRss / 1024.0 << " MiB, end "
                            << rss.last() / 1024.0 << " MiB\n";
        engine.stop();
        QApplication::quit();
    });
    window.runtime()->start();
    return QApplication::exec();
}
