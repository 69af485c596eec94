#include "testissuer.h"

#include "gateway/auth/jwkset.h"
#include "gateway/auth/jwt.h"
#include "gateway/model/check.h"
#include "gateway/model/deployments.h"
#include "gateway/model/jsonduplicates.h"
#include "gateway/model/jwkcheck.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTest>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>

using namespace gw::model;

// The key checks (RFC 7517/7518 and Wycheproof's JWK rules) one reason at a time: each refused
// key names why, good keys still pass, a set refuses its bad keys one by one, and model::check()
// reports an inline JWKS's bad keys at their JSON path.
class TestJwkCheck : public QObject {
    Q_OBJECT

    QJsonObject m_rsa; // a fresh 2048-bit public key: kty, n, e
    QJsonObject m_ec; // a fresh P-256 public key: kty, crv, x, y
    QByteArray m_n; // its modulus
    QByteArray m_n3; // three times it: odd, 2050 bits, with a small factor

    static QString b64(const QByteArray &bytes) { return QString::fromLatin1(base64UrlEncode(bytes)); }

    static QByteArray bnBytes(EVP_PKEY *key, const char *name, int padTo = 0)
    {
        BIGNUM *bn = nullptr;
        EVP_PKEY_get_bn_param(key, name, &bn);
        QByteArray out(qMax(BN_num_bytes(bn), padTo), '\0');
        BN_bn2binpad(bn, reinterpret_cast<unsigned char *>(out.data()), int(out.size()));
        BN_free(bn);
        return out;
    }

    // `base` with `members` replacing or adding members.
    static QJsonObject with(QJsonObject base, const QJsonObject &members)
    {
        for (auto it = members.begin(); it != members.end(); ++it)
            base.insert(it.key(), it.value());
        return base;
    }

private slots:
    void initTestCase()
    {
        EVP_PKEY *rsa = EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(2048));
        m_n = bnBytes(rsa, OSSL_PKEY_PARAM_RSA_N);
        BIGNUM *n3 = nullptr;
        EVP_PKEY_get_bn_param(rsa, OSSL_PKEY_PARAM_RSA_N, &n3);
        BN_mul_word(n3, 3);
        m_n3 = QByteArray(BN_num_bytes(n3), '\0');
        BN_bn2bin(n3, reinterpret_cast<unsigned char *>(m_n3.data()));
        BN_free(n3);
        m_rsa = {{QStringLiteral("kty"), QStringLiteral("RSA")}, {QStringLiteral("n"), b64(m_n)},
            {QStringLiteral("e"), b64(bnBytes(rsa, OSSL_PKEY_PARAM_RSA_E))}};
        EVP_PKEY_free(rsa);
        EVP_PKEY *ec = EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256");
        m_ec = {{QStringLiteral("kty"), QStringLiteral("EC")}, {QStringLiteral("crv"), QStringLiteral("P-256")},
            {QStringLiteral("x"), b64(bnBytes(ec, OSSL_PKEY_PARAM_EC_PUB_X, 32))},
            {QStringLiteral("y"), b64(bnBytes(ec, OSSL_PKEY_PARAM_EC_PUB_Y, 32))}};
        EVP_PKEY_free(ec);
    }

    void goodKeysPass_data()
    {
        QTest::addColumn<QJsonObject>("jwk");
        QTest::newRow("RSA 2048") << m_rsa;
        QTest::newRow("RSA use sig, alg RS256") << with(
            m_rsa, {{QStringLiteral("use"), QStringLiteral("sig")}, {QStringLiteral("alg"), QStringLiteral("RS256")}});
        QTest::newRow("RSA key_ops verify")
            << with(m_rsa, {{QStringLiteral("key_ops"), QJsonArray {QStringLiteral("verify")}}});
        QTest::newRow("RSA declared PS256") << with(m_rsa, {{QStringLiteral("alg"), QStringLiteral("PS256")}});
        QTest::newRow("EC P-256 ES256") << with(
            m_ec, {{QStringLiteral("alg"), QStringLiteral("ES256")}, {QStringLiteral("use"), QStringLiteral("sig")}});
        QTest::newRow("oct 32 bytes HS256") << QJsonObject {{QStringLiteral("kty"), QStringLiteral("oct")},
            {QStringLiteral("alg"), QStringLiteral("HS256")}, {QStringLiteral("k"), b64(QByteArray(32, 'k'))}};
    }

    void goodKeysPass()
    {
        QFETCH(QJsonObject, jwk);
        const JwkCheck c = checkJwk(jwk);
        QVERIFY2(c.usable(), qPrintable(c.problem));
        QVERIFY(c.publicKey || !c.secret.isEmpty());
        QVERIFY(c.warning.isEmpty());
    }

    void badKeysAreRefusedWithTheirReason_data()
    {
        QTest::addColumn<QJsonObject>("jwk");
        QTest::addColumn<QString>("reason");
        const auto s = [](const char *v) { return QString::fromLatin1(v); };
        // Usage restrictions (RFC 7517 §4.2, §4.3) and the declared algorithm.
        QTest::newRow("use enc") << with(m_rsa, {{s("use"), s("enc")}}) << s("use is 'enc', not 'sig'");
        QTest::newRow("key_ops without verify") << with(m_rsa, {{s("key_ops"), QJsonArray {s("sign"), s("encrypt")}}})
                                                << s("key_ops do not include 'verify'");
        QTest::newRow("key_ops repeated")
            << with(m_rsa, {{s("key_ops"), QJsonArray {s("verify"), s("verify")}}}) << s("lists 'verify' twice");
        QTest::newRow("key_ops not an array")
            << with(m_rsa, {{s("key_ops"), s("verify")}}) << s("'key_ops' is not an array");
        QTest::newRow("alg RSA1_5 (encryption)")
            << with(m_rsa, {{s("alg"), s("RSA1_5")}}) << s("'RSA1_5' is not a JWS signature algorithm");
        QTest::newRow("alg none") << with(m_rsa, {{s("alg"), s("none")}})
                                  << s("'none' is not a JWS signature algorithm");
        QTest::newRow("RSA key declared ES256")
            << with(m_rsa, {{s("alg"), s("ES256")}}) << s("of type RSA but declared for ES256");
        QTest::newRow("EC key declared HS256")
            << with(m_ec, {{s("alg"), s("HS256")}}) << s("of type EC but declared for HS256");
        // Member types and encodings.
        QTest::newRow("kty missing") << QJsonObject {{s("n"), b64(m_n)}} << s("'kty' is missing");
        QTest::newRow("kty OKP") << QJsonObject {{s("kty"), s("OKP")}, {s("crv"), s("Ed25519")}}
                                 << s("unsupported key type 'OKP'");
        QTest::newRow("kid a number") << with(m_rsa, {{s("kid"), 7}}) << s("'kid' is not a string");
        QTest::newRow("x5c a string") << with(m_rsa, {{s("x5c"), s("MII")}}) << s("'x5c' is not an array");
        QTest::newRow("n missing") << QJsonObject {{s("kty"), s("RSA")}, {s("e"), s("AQAB")}} << s("'n' is missing");
        QTest::newRow("n a number") << with(m_rsa, {{s("n"), 12345}}) << s("'n' is not a string");
        QTest::newRow("n padded base64") << with(m_rsa, {{s("n"), QString(b64(m_n) + s("=="))}}) << s("'n' is not base64url");
        QTest::newRow("n plain base64 alphabet")
            << with(m_rsa, {{s("n"), QString::fromLatin1(m_n.toBase64())}}) << s("'n' is not base64url");
        QTest::newRow("e with stray low bits") << with(m_rsa, {{s("e"), s("AQB")}}) << s("'e' is not base64url");
        QTest::newRow("n with a leading zero")
            << with(m_rsa, {{s("n"), b64(QByteArray(1, '\0') + m_n)}}) << s("'n' has a leading zero octet");
        QTest::newRow("e with a leading zero")
            << with(m_rsa, {{s("e"), b64(QByteArray::fromHex("00010001"))}}) << s("'e' has a leading zero octet");
        // RSA arithmetic.
        QTest::newRow("e = 1") << with(m_rsa, {{s("e"), s("AQ")}}) << s("public exponent 1 is below 3");
        QTest::newRow("e = 0") << with(m_rsa, {{s("e"), s("AA")}}) << s("public exponent 0 is below 3");
        QTest::newRow("e = 2") << with(m_rsa, {{s("e"), s("Ag")}}) << s("public exponent 2 is below 3");
        QTest::newRow("e even") << with(m_rsa, {{s("e"), b64(QByteArray::fromHex("010000"))}})
                                << s("public exponent is even");
        QTest::newRow("e not below n") << with(m_rsa, {{s("e"), b64(m_n)}}) << s("not smaller than the modulus");
        QByteArray small = m_n.left(128);
        small[127] = char(small[127] | 1);
        QTest::newRow("1024-bit modulus")
            << with(m_rsa, {{s("n"), b64(small)}}) << s("modulus is 1024 bits; at least 2048");
        QByteArray even = m_n;
        even[even.size() - 1] = char(even[even.size() - 1] & ~1);
        QTest::newRow("even modulus") << with(m_rsa, {{s("n"), b64(even)}}) << s("modulus is even");
        QTest::newRow("modulus with a small factor")
            << with(m_rsa, {{s("n"), b64(m_n3)}}) << s("fails OpenSSL's public key check");
        QTest::newRow("ROCA modulus (Wycheproof jws_rsa_roca_key)")
            << gwtest::wycheproofKey(QStringLiteral("jws_rsa_roca_key"), QStringLiteral("public"))
            << s("ROCA fingerprint");
        // EC (RFC 7518 §6.2.1).
        QTest::newRow("unknown curve") << with(m_ec, {{s("crv"), s("secp256k1")}})
                                       << s("unsupported EC curve 'secp256k1'");
        QTest::newRow("crv missing") << QJsonObject {{s("kty"), s("EC")}, {s("x"), m_ec.value(s("x"))},
            {s("y"), m_ec.value(s("y"))}}
                                     << s("'crv' is missing");
        QTest::newRow("ES384 key on P-256")
            << with(m_ec, {{s("alg"), s("ES384")}}) << s("for ES384 but on curve P-256 (ES384 needs P-384)");
        QTest::newRow("P-256 point given as P-384")
            << with(m_ec, {{s("crv"), s("P-384")}}) << s("EC coordinates on P-384 are 48 bytes");
        QTest::newRow("x one byte short") << with(m_ec, {{s("x"), b64(QByteArray(31, '\x01'))}}) << s("'x' has 31");
        QTest::newRow("y missing") << QJsonObject {{s("kty"), s("EC")}, {s("crv"), s("P-256")},
            {s("x"), m_ec.value(s("x"))}}
                                   << s("'y' is missing");
        QByteArray y = *base64UrlDecode(m_ec.value(s("y")).toString().toLatin1());
        y[31] = char(y[31] ^ 1);
        QTest::newRow("point off the curve")
            << with(m_ec, {{s("y"), b64(y)}}) << s("not a valid public key on curve P-256");
        QTest::newRow("x not below p") << with(m_ec, {{s("x"), b64(QByteArray(32, '\xff'))}})
                                       << s("not a valid public key on curve P-256");
        // Secrets (RFC 7518 §3.2).
        QTest::newRow("empty k") << QJsonObject {{s("kty"), s("oct")}, {s("k"), s("")}} << s("'k' is empty");
        QTest::newRow("HS256 key of 31 bytes") << QJsonObject {{s("kty"), s("oct")}, {s("alg"), s("HS256")},
            {s("k"), b64(QByteArray(31, 'k'))}} << s("31 bytes; HS256 needs at least 32");
        QTest::newRow("HS512 key of 63 bytes") << QJsonObject {{s("kty"), s("oct")}, {s("alg"), s("HS512")},
            {s("k"), b64(QByteArray(63, 'k'))}} << s("63 bytes; HS512 needs at least 64");
    }

    void badKeysAreRefusedWithTheirReason()
    {
        QFETCH(QJsonObject, jwk);
        QFETCH(QString, reason);
        QVERIFY(!jwk.isEmpty());
        const JwkCheck c = checkJwk(jwk);
        QVERIFY2(!c.usable(), "the key was accepted");
        QVERIFY2(c.problem.contains(reason), qPrintable(c.problem));
        QVERIFY(!c.publicKey);
        QVERIFY(c.secret.isEmpty());
        // The authorizer's key type refuses it the same way.
        QString error;
        QVERIFY(!gw::auth::Jwk::fromJson(jwk, &error));
        QCOMPARE(error, c.problem);
    }

    // Private members do not stop a key from verifying; they are ignored and reported.
    void privateMembersAreIgnoredWithAWarning()
    {
        const JwkCheck rsa = checkJwk(
            with(m_rsa, {{QStringLiteral("d"), QStringLiteral("AQAB")}, {QStringLiteral("p"), QStringLiteral("Aw")}}));
        QVERIFY2(rsa.usable(), qPrintable(rsa.problem));
        QVERIFY2(rsa.warning.contains(QLatin1String("private members (d, p)")), qPrintable(rsa.warning));
        const JwkCheck ec = checkJwk(with(m_ec, {{QStringLiteral("d"), QStringLiteral("AQAB")}}));
        QVERIFY(ec.usable());
        QVERIFY2(ec.warning.contains(QLatin1String("'d'")), qPrintable(ec.warning));
    }

    void aSetRefusesItsBadKeysOneByOne()
    {
        const QJsonArray keys {with(m_rsa, {{QStringLiteral("kid"), QStringLiteral("good")}}),
            with(m_rsa, {{QStringLiteral("kid"), QStringLiteral("e1")}, {QStringLiteral("e"), QStringLiteral("AQ")}}),
            with(m_ec, {{QStringLiteral("kid"), QStringLiteral("ec")}}),
            with(m_rsa,
                {{QStringLiteral("kid"), QStringLiteral("enc")}, {QStringLiteral("use"), QStringLiteral("enc")}})};
        const gw::auth::JwkSet set = gw::auth::JwkSet::fromJson({{QStringLiteral("keys"), keys}});
        QCOMPARE(set.keys().size(), 2);
        QCOMPARE(set.refused().size(), 2);
        QVERIFY(set.find(QStringLiteral("good"), QStringLiteral("RS256")));
        QVERIFY(set.find(QStringLiteral("ec"), QStringLiteral("ES256")));
        QString why;
        QVERIFY(!set.find(QStringLiteral("e1"), QStringLiteral("RS256"), &why));
        QCOMPARE(
            why, QStringLiteral("the issuer's key 'e1' (keys[1]) is refused: the RSA public exponent 1 is below 3"));
        QVERIFY(!set.find(QStringLiteral("enc"), QStringLiteral("RS256"), &why));
        QVERIFY2(why.contains(QLatin1String("'enc' (keys[3]) is refused: the key's use is 'enc'")), qPrintable(why));
        // A refused kid is known: no refetch storm for it.
        QVERIFY(set.contains(QStringLiteral("e1")));
        QVERIFY(!set.contains(QStringLiteral("other")));
        QCOMPARE(set.errors().size(), 2);
    }

    void aKidUsedTwiceRefusesBothKeys()
    {
        const QJsonArray keys {with(m_rsa, {{QStringLiteral("kid"), QStringLiteral("twin")}}),
            with(m_ec, {{QStringLiteral("kid"), QStringLiteral("twin")}}),
            with(m_ec, {{QStringLiteral("kid"), QStringLiteral("solo")}})};
        const QList<JwkCheck> checks = checkJwkSet(keys);
        QVERIFY(!checks[0].usable());
        QVERIFY(!checks[1].usable());
        QVERIFY(checks[2].usable());
        QCOMPARE(checks[1].problem,
            QStringLiteral("the kid 'twin' is used by keys[0] and keys[1]: a token naming it is ambiguous"));
        // A refused key does not count as a twin (an encryption key may share its kid).
        const QList<JwkCheck> withEnc = checkJwkSet({with(m_rsa, {{QStringLiteral("kid"), QStringLiteral("k")}}),
            with(m_rsa,
                {{QStringLiteral("kid"), QStringLiteral("k")}, {QStringLiteral("use"), QStringLiteral("enc")}})});
        QVERIFY(withEnc[0].usable());
    }

    void aSecretAmongPublicKeysIsRefused()
    {
        const QList<JwkCheck> checks = checkJwkSet({m_ec,
            QJsonObject {
                {QStringLiteral("kty"), QStringLiteral("oct")}, {QStringLiteral("k"), b64(QByteArray(32, 'k'))}}});
        QVERIFY(checks[0].usable());
        QVERIFY2(checks[1].problem.contains(QLatin1String("secret (oct) key in a set of public keys")),
            qPrintable(checks[1].problem));
    }

    void repeatedMembersAreFoundByPath()
    {
        const QByteArray nested = R"({"a":1,"b":{"c":[{"d":1,"d":2}],"c":3},"a":[1,{"x":{"y":1}},{"x":2,"x":3}]})";
        const QStringList nestedPaths{QStringLiteral("b.c[0].d"), QStringLiteral("b.c"), QStringLiteral("a"), QStringLiteral("a[2].x")};
        QCOMPARE(duplicateMembers(nested), nestedPaths);
        // Escapes are names too: "\u0065" is "e".
        const QByteArray escaped = R"({"keys":[{"e":"AQAB","n":"x"},{"e":"AQAB", "\u0065" : "AQ"}]})";
        QCOMPARE(duplicateMembers(escaped), QStringList{QStringLiteral("keys[1].e")});
        const QByteArray tricky = "{\"s\":\"a\\\"b,}{\",\"t\":[true,false,null,-1.5e3]}";
        QCOMPARE(duplicateMembers(tricky), QStringList());
    }

    // The text of a fetched or file JWKS is scanned: a key repeating "e" is refused, whichever
    // of the two values a JSON parser would keep.
    void aKeyRepeatingAMemberIsRefused()
    {
        QJsonObject forged = with(m_rsa, {{QStringLiteral("kid"), QStringLiteral("dup")}});
        QByteArray text
            = QJsonDocument(QJsonObject {{QStringLiteral("keys"),
                                QJsonArray {forged, with(m_rsa, {{QStringLiteral("kid"), QStringLiteral("ok")}})}}})
                  .toJson(QJsonDocument::Compact);
        text.replace(R"("kid":"dup")", R"("kid":"dup","e":"AQ")");
        QString error;
        const auto set = gw::auth::JwkSet::parse(text, &error);
        QVERIFY2(set, qPrintable(error));
        QCOMPARE(set->keys().size(), 1);
        QCOMPARE(set->keys().first().kid(), QStringLiteral("ok"));
        QCOMPARE(set->refused().first().reason, QStringLiteral("the member 'e' appears twice"));
        // Repeating "keys" itself refuses the whole set.
        QVERIFY(!gw::auth::JwkSet::parse(R"({"keys":[],"keys":[]})", &error));
        QCOMPARE(error, QStringLiteral("the JWKS repeats the member 'keys'"));
    }

    // model::check() — what `gatewright-cli check` and the designer's editors show — names each
    // refused key of an inline JWKS by its JSON path, in the design and in deployment snapshots.
    void checkReportsInlineKeysByPath()
    {
        Project project;
        Api api = newRestApi(QStringLiteral("Keys"));
        api.id = QStringLiteral("keys");
        Authorizer a;
        a.id = QStringLiteral("pool");
        a.name = QStringLiteral("pool");
        a.type = QStringLiteral("COGNITO_USER_POOLS");
        a.providerArns = {QStringLiteral("arn:aws:cognito-idp:us-east-1:000000000000:userpool/us-east-1_x")};
        a.jwks = {{QStringLiteral("keys"),
            QJsonArray {m_rsa, with(m_rsa, {{QStringLiteral("e"), QStringLiteral("AQ")}}),
                with(m_ec, {{QStringLiteral("d"), QStringLiteral("AQAB")}})}}};
        api.design.authorizers = {a};
        project.apis = {api};
        const Diagnostics d = check(project);
        const QString base = QStringLiteral("apis[0].design.authorizers[0].jwks");
        QVERIFY(d.contains(Diagnostic {Diagnostic::Severity::Error, base + QStringLiteral(".keys[1]"),
            QStringLiteral("key refused: the RSA public exponent 1 is below 3")}));
        bool warned = false;
        for (const Diagnostic &x : d)
            warned = warned
                || (x.severity == Diagnostic::Severity::Warning && x.path == base + QStringLiteral(".keys[2]"));
        QVERIFY(warned);
        for (const Diagnostic &x : d)
            QVERIFY2(!x.path.startsWith(base + QStringLiteral(".keys[0]")), qPrintable(x.toString()));
    }
};

QTEST_GUILESS_MAIN(TestJwkCheck)
#include "tst_jwkcheck.moc"
