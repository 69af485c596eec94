#include "gateway/validate/jsonschema.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

using gw::validate::JsonSchema;

// Every draft-4 case of the JSON-Schema test suite (tests/data/jsonschema, optional/ included)
// through the validator that request validation uses. The cases known to fail are listed in
// jsonschemasuite_known.inc (by file, group or case) with the reason; each failing case is printed
// with it. Any other failure fails this test, and so does a listed entry no failing case needs
// (the list must stay true).
class TestJsonSchemaSuite : public QObject
{
    Q_OBJECT

    const QString m_root = QStringLiteral(GW_SOURCE_DIR "/tests/data/jsonschema");

    // "file", "file / group" or "file / group / case" → why it fails.
    static QList<QPair<QString, QString>> knownFailures()
    {
        return {
#include "jsonschemasuite_known.inc"
        };
    }
    static qsizetype knownEntry(const QList<QPair<QString, QString>> &known, const QString &id)
    {
        for (qsizetype i = 0; i < known.size(); ++i)
            if (id == known[i].first || id.startsWith(known[i].first + QStringLiteral(" / ")))
                return i;
        return -1;
    }

    std::optional<QJsonValue> readJson(const QString &path) const
    {
        QFile f(path);
        if (!f.open(QIODevice::ReadOnly))
            return std::nullopt;
        QJsonParseError error;
        const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
        if (error.error != QJsonParseError::NoError)
            return std::nullopt;
        return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
    }

    // The suite's remote-ref tests expect http://localhost:1234/ to serve remotes/: read the files.
    std::optional<QJsonValue> remote(const QString &uri) const
    {
        const QString prefix = QStringLiteral("http://localhost:1234/");
        if (!uri.startsWith(prefix))
            return std::nullopt;
        return readJson(m_root + QStringLiteral("/remotes/") + uri.mid(prefix.size()));
    }

private slots:
    void allDraft4Cases()
    {
        const QList<QPair<QString, QString>> known = knownFailures();
        QList<bool> used(known.size(), false);
        QStringList files;
        QDirIterator it(m_root + QStringLiteral("/draft4"), {QStringLiteral("*.json")}, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(it.next());
        files.sort();
        QVERIFY2(files.size() > 30, "the draft-4 suite is missing");

        int total = 0, passed = 0;
        QStringList unexpected, knownSeen;
        for (const QString &file : files) {
            const QString name = QDir(m_root + QStringLiteral("/draft4")).relativeFilePath(file);
            const std::optional<QJsonValue> groups = readJson(file);
            QVERIFY2(groups && groups->isArray(), qPrintable(name));
            for (const QJsonValue &g : groups->toArray()) {
                const QJsonObject group = g.toObject();
                QString compileError;
                const auto schema = JsonSchema::compile(group.value(QStringLiteral("schema")),
                                                        [this](const QString &uri) { return remote(uri); }, &compileError);
                for (const QJsonValue &t : group.value(QStringLiteral("tests")).toArray()) {
                    const QJsonObject test = t.toObject();
                    const QString id = name + QStringLiteral(" / ") + group.value(QStringLiteral("description")).toString()
                        + QStringLiteral(" / ") + test.value(QStringLiteral("description")).toString();
                    ++total;
                    const bool expected = test.value(QStringLiteral("valid")).toBool();
                    bool ok = false;
                    QString why;
                    if (!schema) {
                        why = QStringLiteral("schema did not compile: ") + compileError;
                    } else {
                        ok = schema->validate(test.value(QStringLiteral("data"))) == expected;
                        why = expected ? QStringLiteral("rejected valid data") : QStringLiteral("accepted invalid data");
                    }
                    const qsizetype entry = ok ? -1 : knownEntry(known, id);
                    if (ok) {
                        ++passed;
                    } else if (entry >= 0) {
                        used[entry] = true;
                        knownSeen.append(id + QStringLiteral(" — ") + known[entry].second);
                    } else {
                        unexpected.append(id + QStringLiteral(": ") + why);
                    }
                }
            }
        }
        QStringList stale;
        for (qsizetype i = 0; i < known.size(); ++i)
            if (!used[i])
                stale.append(known[i].first);
        qInfo("JSON-Schema draft-4 suite: %d of %d cases pass (%.1f %%), %d known failures:", passed, total,
              100.0 * passed / qMax(1, total), int(knownSeen.size()));
        for (const QString &k : std::as_const(knownSeen))
            qInfo("  known: %s", qPrintable(k));
        for (const QString &u : std::as_const(unexpected))
            qWarning("  UNEXPECTED: %s", qPrintable(u));
        for (const QString &s : std::as_const(stale))
            qWarning("  listed as failing but nothing there fails: %s", qPrintable(s));
        QVERIFY(total > 400);
        QCOMPARE(unexpected, QStringList());
        QCOMPARE(stale, QStringList());
    }
};

QTEST_MAIN(TestJsonSchemaSuite)
#include "tst_jsonschemasuite.moc"
