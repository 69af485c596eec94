#include "gateway/auth/jwkset.h"
#include "gateway/auth/jwt.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

using namespace gw::auth;

// Project Wycheproof's JOSE vectors (tests/data/jwt/wycheproof, C2SP/wycheproof, Apache-2.0):
// every JsonWebKey and JsonWebSignature case whose algorithm Gatewright verifies, run through
// the same path as an authorizer: the group's keys become a JwkSet (refusing bad keys), the
// token's kid and alg pick a key, the signature is verified. The few cases where Gatewright
// answers otherwise are listed with the reason and must stay exactly those.
class TestWycheproofJose : public QObject {
    Q_OBJECT

    static QJsonObject vectors(const char *file)
    {
        QFile f(QStringLiteral(GW_SOURCE_DIR "/tests/data/jwt/wycheproof/") + QLatin1String(file));
        if (!f.open(QIODevice::ReadOnly))
            return {};
        return QJsonDocument::fromJson(f.readAll()).object();
    }

    // Groups whose keys are for RSASSA-PSS: Gatewright does not verify PS256/384/512 (API
    // Gateway's authorizers accept RS* and ES* only), so their "valid" cases cannot pass.
    static bool isPssGroup(const QJsonArray &keys)
    {
        for (const QJsonValue &k : keys)
            if (k.toObject().value(QStringLiteral("alg")).toString().startsWith(QLatin1String("PS")))
                return true;
        return false;
    }

    // Cases where Gatewright's answer differs from Wycheproof's, and why.
    static QString deviation(int tcId, const QString &file)
    {
        if (file != QLatin1String("json_web_signature_test.json"))
            return {};
        if (tcId == 347 || tcId == 351)
            return QStringLiteral("the RFC 7520 P-521 key is declared \"alg\": \"ES521\", which is not an RFC 7518 algorithm "
                                  "(RFC 7520 Figure 25 says ES512): the key is refused");
        if (tcId == 367 || tcId == 370)
            return QStringLiteral("the vector is the very token of tcId 357 (ValidMac): the padding its comment names is "
                                  "not in it, so it verifies");
        if (tcId == 372 || tcId == 373)
            return QStringLiteral("a '?' inside the base64url header or payload: Wycheproof expects a lenient decoder to "
                                  "skip it; Gatewright refuses anything but canonical base64url (RFC 7515 §2)");
        return {};
    }

private slots:
    void vectors_data()
    {
        QTest::addColumn<QJsonArray>("keys");
        QTest::addColumn<QByteArray>("jws");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<QString>("deviation");
        int cases = 0, skipped = 0;
        for (const char *file : {"json_web_key_test.json", "json_web_signature_test.json"}) {
            const QJsonObject doc = vectors(file);
            QVERIFY2(!doc.isEmpty(), file);
            for (const QJsonValue &gv : doc.value(QStringLiteral("testGroups")).toArray()) {
                const QJsonObject g = gv.toObject();
                const QJsonObject keySource = g.contains(QStringLiteral("public"))
                    ? g.value(QStringLiteral("public")).toObject()
                    : g.value(QStringLiteral("private")).toObject();
                const QJsonArray keys = keySource.contains(QStringLiteral("keys"))
                    ? keySource.value(QStringLiteral("keys")).toArray()
                    : QJsonArray {keySource};
                const QJsonArray tests = g.value(QStringLiteral("tests")).toArray();
                if (isPssGroup(keys)) {
                    skipped += int(tests.size());
                    continue;
                }
                for (const QJsonValue &tv : tests) {
                    const QJsonObject t = tv.toObject();
                    const int tcId = t.value(QStringLiteral("tcId")).toInt();
                    QTest::addRow("%s #%d %s", file, tcId, qPrintable(t.value(QStringLiteral("comment")).toString()))
                        << keys << t.value(QStringLiteral("jws")).toString().toLatin1()
                        << (t.value(QStringLiteral("result")).toString() == QLatin1String("valid"))
                        << deviation(tcId, QLatin1String(file));
                    ++cases;
                }
            }
        }
        // All 427 cases but the PSS groups' 75.
        QCOMPARE(cases + skipped, 427);
        QCOMPARE(skipped, 75);
    }

    void vectors()
    {
        QFETCH(QJsonArray, keys);
        QFETCH(QByteArray, jws);
        QFETCH(bool, valid);
        QFETCH(QString, deviation);
        const JwkSet set = JwkSet::fromJson({{QStringLiteral("keys"), keys}});
        QString why;
        bool verified = false;
        if (const auto token = Jwt::parseJws(jws, &why))
            if (const Jwk *key = set.find(token->keyId(), token->algorithm(), &why))
                verified = token->verify(*key, &why);
        if (!deviation.isEmpty()) {
            QVERIFY2(verified != valid, qPrintable(QStringLiteral("no longer deviates: ") + deviation));
            return;
        }
        QVERIFY2(verified == valid,
            qPrintable(valid ? QStringLiteral("refused: ") + why : QStringLiteral("accepted an invalid case")));
        if (!valid)
            QVERIFY(!why.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestWycheproofJose)
#include "tst_wycheproofjose.moc"
