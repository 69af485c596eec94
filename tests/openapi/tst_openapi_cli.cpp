#include <QTest>
class TestOpenApiCli : public QObject { Q_OBJECT private slots: void placeholder() { QVERIFY(true); } };
QTEST_GUILESS_MAIN(TestOpenApiCli)
#include "tst_openapi_cli.moc"
