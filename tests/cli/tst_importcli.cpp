#include "cliprocess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using gwtest::runCli;

// `gatewright-cli import` never writes a project that `check` refuses, and never dies on its
// input: hostile documents are refused with FILE:where: message, the rest import to a project
// that passes check. Runs the CLI as a process, as a script would.
class TestImportCli : public QObject
{
    Q_OBJECT

    const QString m_hostile = QStringLiteral(GW_SOURCE_DIR "/tests/data/openapi-hostile/");

    // Imports `file` into a new project; checks the outcome `expected`: "imports" (a project that
    // passes check) or "refused", either with `message` on stderr.
    static void importAndCheck(const QString &file, const QString &expected, const QByteArray &message)
    {
        QTemporaryDir dir;
        const QString project = dir.filePath(QStringLiteral("p.gwproj"));
        const gwtest::CliRun r = runCli({QStringLiteral("import"), file, QStringLiteral("-o"), project});
        if (expected == QLatin1String("imports")) {
            QVERIFY2(r.exitCode == 0, r.err.constData());
            QVERIFY2(r.err.contains(message), r.err.constData());
            const gwtest::CliRun check = runCli({QStringLiteral("check"), project});
            QVERIFY2(check.exitCode == 0, QByteArray(check.out + check.err).constData());
        } else {
            QCOMPARE(r.exitCode, 1);
            QVERIFY2(r.err.contains(message), r.err.constData());
            QVERIFY(!QFile::exists(project));
            QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList()); // no staging file left
        }
    }

private slots:
    void hostileDocumentsImportCleanlyOrAreRefused_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QByteArray>("message");
        QFile manifest(m_hostile + QStringLiteral("expected.tsv"));
        QVERIFY(manifest.open(QIODevice::ReadOnly));
        QStringList listed;
        for (const QByteArray &line : manifest.readAll().split('\n')) {
            if (line.isEmpty() || line.startsWith('#'))
                continue;
            const QList<QByteArray> cols = line.split('\t');
            QVERIFY2(cols.size() == 3, line.constData());
            const QString name = QString::fromUtf8(cols[0]);
            listed.append(name);
            QTest::newRow(cols[0].constData()) << m_hostile + name << QString::fromUtf8(cols[1]) << cols[2];
        }
        // every document in the folder has its expected outcome
        QStringList present = QDir(m_hostile).entryList({QStringLiteral("*.yaml"), QStringLiteral("*.json")}, QDir::Files);
        listed.sort();
        QCOMPARE(present, listed);
    }

    void hostileDocumentsImportCleanlyOrAreRefused()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        QFETCH(QByteArray, message);
        importAndCheck(file, expected, message);
    }

    void billionLaughsIsRefusedQuickly()
    {
        QElapsedTimer timer;
        timer.start();
        importAndCheck(m_hostile + QStringLiteral("billion-laughs.yaml"), QStringLiteral("refused"), "billion laughs");
        // runCli waits 30 s at most; the budget stops it after 1 MiB of expansion
        QVERIFY2(timer.elapsed() < 30000, "import did not finish");
    }

    void everyCorpusDocumentImportsToAProjectThatPassesCheck_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QByteArray>("message");
        // The project's copy of shared/corpus/openapi (MANIFEST.tsv there gives each file's origin).
        const QDir corpus(QStringLiteral(GW_SOURCE_DIR "/tests/data/openapi"));
        const QStringList files = corpus.entryList({QStringLiteral("*.yaml"), QStringLiteral("*.json")}, QDir::Files);
        QVERIFY2(!files.isEmpty(), qPrintable(corpus.path() + QStringLiteral(" has no documents")));
        for (const QString &f : files) {
            // The collected extension examples are no OpenAPI document: refused, saying so.
            const bool examples = f == QLatin1String("awsdocs__extension-examples.json");
            QTest::newRow(qPrintable(f)) << corpus.filePath(f) << QString::fromLatin1(examples ? "refused" : "imports")
                                         << QByteArray(examples ? "not an OpenAPI 3.0 or Swagger 2.0 document" : "");
        }
    }

    void everyCorpusDocumentImportsToAProjectThatPassesCheck()
    {
        QFETCH(QString, file);
        QFETCH(QString, expected);
        QFETCH(QByteArray, message);
        importAndCheck(file, expected, message);
    }
};

QTEST_GUILESS_MAIN(TestImportCli)
#include "tst_importcli.moc"
