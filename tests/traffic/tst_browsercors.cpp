#include "testproject.h"
#include "upstreamserver.h"

#include "gateway/deploy/runtimeconfig.h"
#include "gateway/model/corsenabler.h"
#include "gateway/model/deployments.h"
#include "gateway/runtime/engine.h"

#include <QDeadlineTimer>
#include <QJsonArray>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace gw::model;

// A real browser (headless Chromium) loads a page from another localhost origin that fetch()es
// the API with a custom header (so the browser sends a preflight) and writes the outcome into the
// DOM. The browser accepts the gateway's CORS answers for the allowed origin and refuses the
// response for another origin. Needs Debian's chromium (packaging/deps.sh --test).
class TestBrowserCors : public QObject
{
    Q_OBJECT

    gw::runtime::Engine m_engine;
    gwtest::UpstreamServer m_allowedPages;
    gwtest::UpstreamServer m_otherPages;
    QString m_chromium;

    static QByteArray page(const QByteArray &apiUrl)
    {
        return "<!doctype html><html><body><div id=\"out\">pending</div><script>\n"
               "fetch('" + apiUrl + "', {headers: {'X-Custom': 'hello'}})\n"
               "  .then(r => r.text())\n"
               "  .then(t => { document.getElementById('out').textContent = 'ACCEPTED:' + t; })\n"
               "  .catch(e => { document.getElementById('out').textContent = 'REFUSED:' + e.name; });\n"
               "</script></body></html>";
    }
    static void servePage(gwtest::UpstreamServer &server, const QByteArray &apiUrl)
    {
        server.setHandler([apiUrl](const gw::HttpRequest &) {
            gw::HttpResponse r{200, {}, page(apiUrl)};
            r.headers.append("Content-Type", "text/html; charset=utf-8");
            return gwtest::UpstreamServer::Answer{r, 0};
        });
    }
    // The DOM after the page's script ran, as Chromium dumps it.
    QString browse(const QString &url)
    {
        QTemporaryDir profile;
        QProcess chromium;
        chromium.start(m_chromium, {QStringLiteral("--headless"), QStringLiteral("--no-sandbox"), QStringLiteral("--disable-gpu"),
                                    QStringLiteral("--no-first-run"), QStringLiteral("--user-data-dir=") + profile.path(),
                                    QStringLiteral("--virtual-time-budget=5000"), QStringLiteral("--dump-dom"), url});
        // The servers answer on this thread's event loop while the browser runs.
        if (!chromium.waitForStarted(10000))
            return QStringLiteral("chromium did not start: ") + chromium.errorString();
        QDeadlineTimer deadline(90000);
        while (chromium.state() != QProcess::NotRunning && !deadline.hasExpired())
            QTest::qWait(50);
        if (chromium.state() != QProcess::NotRunning)
            return QStringLiteral("chromium did not finish within 90 s");
        return QString::fromUtf8(chromium.readAllStandardOutput());
    }

private slots:
    void initTestCase()
    {
        m_chromium = QStandardPaths::findExecutable(QStringLiteral("chromium"));
        QVERIFY2(!m_chromium.isEmpty(), "chromium is not installed: run packaging/deps.sh --test");
        QVERIFY(gwtest::startOnFreePort(m_engine));
        const QByteArray port = QByteArray::number(m_engine.port());

        Project project;
        Api http = newRestApi(QStringLiteral("BrowserHttp"));
        http.id = QStringLiteral("browserhttp");
        http.type = ApiType::Http;
        gwtest::addResource(http, QStringLiteral("/data")).methods.insert(QStringLiteral("GET"),
            gwtest::mockMethod(QStringLiteral("GET"), 200, QStringLiteral("http-api-data")));
        http.design.corsConfiguration = QJsonObject{
            {QStringLiteral("allowOrigins"), QJsonArray{m_allowedPages.baseUrl()}},
            {QStringLiteral("allowMethods"), QJsonArray{QStringLiteral("GET")}},
            {QStringLiteral("allowHeaders"), QJsonArray{QStringLiteral("x-custom")}}};
        deploy(http, QStringLiteral("$default"));

        Api rest = newRestApi(QStringLiteral("BrowserRest"));
        rest.id = QStringLiteral("browserrest");
        gwtest::addResource(rest, QStringLiteral("/data")).methods.insert(QStringLiteral("GET"),
            gwtest::mockMethod(QStringLiteral("GET"), 200, QStringLiteral("rest-api-data")));
        CorsOptions options;
        options.allowHeaders = QStringLiteral("Content-Type,X-Custom");
        options.allowOrigin = m_allowedPages.baseUrl();
        QVERIFY(enableCors(rest, QStringLiteral("/data"), options).ok());
        deploy(rest, QStringLiteral("prod"));
        project.apis = {http, rest};
        m_engine.deploy(gw::deploy::compile(project, nullptr));
        QTest::qWait(50);
        // Chromium resolves *.localhost to loopback itself.
        const QByteArray httpApi = "http://browserhttp.execute-api.localhost:" + port + "/data";
        servePage(m_allowedPages, httpApi);
        servePage(m_otherPages, httpApi);
    }

    void browserAcceptsTheAllowedOrigin()
    {
        const QString dom = browse(m_allowedPages.baseUrl() + QStringLiteral("/page.html"));
        QVERIFY2(dom.contains(QLatin1String("ACCEPTED:http-api-data")), qPrintable(dom));
    }

    void browserRefusesAnotherOrigin()
    {
        const QString dom = browse(m_otherPages.baseUrl() + QStringLiteral("/page.html"));
        QVERIFY2(dom.contains(QLatin1String("REFUSED:TypeError")), qPrintable(dom));
    }

    void browserAcceptsARestApiWithCorsEnabled()
    {
        servePage(m_allowedPages, "http://127.0.0.1:" + QByteArray::number(m_engine.port())
                                      + "/restapis/browserrest/prod/_user_request_/data");
        const QString dom = browse(m_allowedPages.baseUrl() + QStringLiteral("/page.html"));
        QVERIFY2(dom.contains(QLatin1String("ACCEPTED:rest-api-data")), qPrintable(dom));
    }
};

QTEST_GUILESS_MAIN(TestBrowserCors)
#include "tst_browsercors.moc"
