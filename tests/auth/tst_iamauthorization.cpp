#include "lambdatestproject.h"
#include "testproject.h"

#include "gateway/deploy/runtimeconfig.h"
#include "gateway/model/deployments.h"
#include "gateway/runtime/accesslogsinks.h"
#include "gateway/runtime/engine.h"
#include "gateway/runtime/tracestore.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace gw::model;

namespace {

// Signs each request with botocore (AWS's own Python signer: SigV4Auth for the Authorization
// header, SigV4QueryAuth for presigned URLs), optionally at a shifted clock or tampered with after
// signing, sends it with http.client over a real socket, and prints what came back.
const char *const kSignAndSend = R"PY(
import datetime, http.client, json, sys, urllib.parse
import botocore.auth as A
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

def freeze(ts):
    if hasattr(A, 'get_current_datetime'):
        A.get_current_datetime = lambda *a, **k: ts
    else:  # older botocore (Debian 12's) reads datetime.datetime.utcnow()
        class D(datetime.datetime):
            @classmethod
            def utcnow(cls): return ts
        class M: datetime = D
        A.datetime = M

out = []
for c in json.load(sys.stdin):
    body = c.get('body', '').encode()
    req = AWSRequest(method=c['method'], url=c['url'], data=body, headers=dict(c.get('headers', {})))
    mode = c.get('mode', 'header')
    if mode != 'none':
        now = datetime.datetime.now(datetime.timezone.utc).replace(tzinfo=None)
        freeze(now + datetime.timedelta(seconds=c.get('offset', 0)))
        creds = Credentials(c['key'], c['secret'], c.get('token'))
        region = c.get('region', 'us-east-1')
        service = c.get('service', 'execute-api')
        if mode == 'header':
            A.SigV4Auth(creds, service, region).add_auth(req)
        else:
            A.SigV4QueryAuth(creds, service, region, expires=c.get('expires', 300)).add_auth(req)
    p = req.prepare()
    url = urllib.parse.urlsplit(p.url)
    target = url.path + ('?' + url.query if url.query else '')
    headers = dict(p.headers.items())
    headers.pop('Content-Length', None)
    for k, v in c.get('after', {}).items():
        headers[k] = v
    send = c['sendBody'].encode() if 'sendBody' in c else body
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=20)
    conn.request(c['method'], target, body=send if send else None, headers=headers)
    r = conn.getresponse()
    out.append({'status': r.status, 'errorType': r.getheader('x-amzn-ErrorType') or '', 'body': r.read().decode(),
                'requestId': r.getheader('x-amzn-RequestId') or ''})
print(json.dumps(out))
)PY";

const QString kAlice = QStringLiteral("AKIAALICE00000000001");
const QString kAliceSecret = QStringLiteral("wJalrXUtnFEMI/K7MDENG/bPxRfiCYALICEKEY01");
const QString kTemp = QStringLiteral("ASIATEMPORARY0000003");
const QString kTempSecret = QStringLiteral("tempSecretKey+/0123456789abcdefghijklmnop");
const QString kTempToken = QStringLiteral("FwoGZXIvYXdzEXAMPLESESSIONTOKEN//+==");
const QString kBob = QStringLiteral("AKIABOB0000000000002");
const QString kBobSecret = QStringLiteral("bobSecretKey0123456789abcdefghijklmnopqr");

const QString kMismatch = QStringLiteral("The request signature we calculated does not match the signature you provided. Check your AWS "
                                         "Secret Access Key and signing method. Consult the service documentation for details.");

} // namespace

// AWS_IAM methods and routes verified over real sockets against requests signed by botocore and
// by the AWS CLI: both SigV4 forms, UNSIGNED-PAYLOAD, session tokens, every refusal with AWS's
// status, x-amzn-ErrorType and body, and $context.identity in templates, proxy events and logs.
class TestIamAuthorization : public QObject
{
    Q_OBJECT

    gw::runtime::Engine m_engine;
    QTemporaryDir m_dir;
    QString m_python;

    QString restUrl(const QString &path) const
    {
        return QStringLiteral("http://127.0.0.1:%1/restapis/iamapi/s/_user_request_%2").arg(m_engine.port()).arg(path);
    }

    static QJsonObject request(const QString &method, const QString &url, const QString &key, const QString &secret)
    {
        return {{QStringLiteral("method"), method}, {QStringLiteral("url"), url}, {QStringLiteral("key"), key},
                {QStringLiteral("secret"), secret}};
    }

    // Runs the cases through botocore; one reply object per case, in order.
    QJsonArray signAndSend(const QJsonArray &cases)
    {
        QProcess python;
        python.start(m_python, {QStringLiteral("-c"), QString::fromUtf8(kSignAndSend)});
        if (!python.waitForStarted())
            return {};
        python.write(QJsonDocument(cases).toJson());
        python.closeWriteChannel();
        python.waitForFinished(60000);
        const QJsonArray replies = QJsonDocument::fromJson(python.readAllStandardOutput()).array();
        if (replies.size() != cases.size())
            qWarning("python: %s", python.readAllStandardError().constData());
        return replies;
    }

    QJsonObject one(const QJsonObject &c) { return signAndSend({c}).at(0).toObject(); }

private slots:
    void initTestCase()
    {
        // botocore is the third-party signer (Debian: python3-botocore, see packaging/deps.sh).
        for (const QString &candidate : {QStringLiteral("python3"), QStringLiteral("/usr/bin/python3")}) {
            const QString exe = QStandardPaths::findExecutable(candidate).isEmpty() ? candidate : QStandardPaths::findExecutable(candidate);
            QProcess probe;
            probe.start(exe, {QStringLiteral("-c"), QStringLiteral("import botocore.auth")});
            if (probe.waitForFinished(20000) && probe.exitStatus() == QProcess::NormalExit && probe.exitCode() == 0) {
                m_python = exe;
                break;
            }
        }
        if (m_python.isEmpty())
            QSKIP("no python3 with botocore on this machine (packaging/deps.sh --test installs python3-botocore)");

        Project project;
        project.functions = {
            gwtest::jsFunction(QStringLiteral("identity"), QStringLiteral(
                "exports.handler = async (event) => ({ statusCode: 200, body: JSON.stringify({ identity: event.requestContext.identity,\n"
                "  authorizer: event.requestContext.authorizer || null, body: event.body || null }) });")),
        };
        Api api = newRestApi(QStringLiteral("Iam"));
        api.id = QStringLiteral("iamapi");
        const auto iam = [](Method m) {
            m.authorizationType = QStringLiteral("AWS_IAM");
            return m;
        };
        Resource &pets = gwtest::addResource(api, QStringLiteral("/pets"));
        pets.methods.insert(QStringLiteral("GET"), iam(gwtest::lambdaProxyMethod(QStringLiteral("GET"), QStringLiteral("identity"))));
        pets.methods.insert(QStringLiteral("POST"), iam(gwtest::lambdaProxyMethod(QStringLiteral("POST"), QStringLiteral("identity"))));
        pets.methods.insert(QStringLiteral("DELETE"), iam(gwtest::mockMethod(QStringLiteral("DELETE"), 200, QStringLiteral("{}"))));
        gwtest::addResource(api, QStringLiteral("/admin"))
            .methods.insert(QStringLiteral("GET"), iam(gwtest::mockMethod(QStringLiteral("GET"), 200, QStringLiteral("{}"))));
        gwtest::addResource(api, QStringLiteral("/template"))
            .methods.insert(QStringLiteral("GET"), iam(gwtest::mockMethod(QStringLiteral("GET"), 200, QStringLiteral(
                "{\"accessKey\":\"$context.identity.accessKey\",\"caller\":\"$context.identity.caller\",\"user\":\"$context.identity.user\","
                "\"userArn\":\"$context.identity.userArn\",\"accountId\":\"$context.identity.accountId\"}"))));
        // What `aws apigatewaymanagementapi get-connection` reads: GET /@connections/{id}.
        gwtest::addResource(api, QStringLiteral("/{proxy+}"))
            .methods.insert(QStringLiteral("GET"), iam(gwtest::mockMethod(QStringLiteral("GET"), 200, QStringLiteral(
                "{\"connectedAt\":\"2026-01-01T00:00:00Z\",\"lastActiveAt\":\"2026-01-01T00:00:00Z\","
                "\"identity\":{\"sourceIp\":\"$context.identity.sourceIp\",\"userAgent\":\"$context.identity.userArn\"}}"))));
        deploy(api, QStringLiteral("s"));
        api.stages[0].accessLogDestination = m_dir.filePath(QStringLiteral("access.log"));
        api.stages[0].accessLogFormat = QStringLiteral("$context.requestId $context.resourcePath $context.status "
                                                       "$context.identity.accessKey $context.identity.userArn");
        project.apis.append(api);

        Api http = newRestApi(QStringLiteral("IamHttp"));
        http.id = QStringLiteral("iamhttp");
        http.type = ApiType::Http;
        gwtest::addResource(http, QStringLiteral("/who"))
            .methods.insert(QStringLiteral("GET"), iam(gwtest::lambdaProxyMethod(QStringLiteral("GET"), QStringLiteral("identity"))));
        deploy(http, QStringLiteral("$default"));
        project.apis.append(http);

        IamIdentity alice;
        alice.accessKeyId = kAlice;
        alice.secretAccessKey = kAliceSecret;
        alice.name = QStringLiteral("alice");
        alice.allow = {QStringLiteral("arn:aws:execute-api:us-east-1:000000000000:iamapi/s/*/pets"),
                       QStringLiteral("arn:aws:execute-api:us-east-1:*:iamapi/?/GET/template"),
                       QStringLiteral("arn:aws:execute-api:*:000000000000:iamapi/s/GET/@connections/*"),
                       QStringLiteral("arn:aws:execute-api:us-east-1:000000000000:iamhttp/$default/GET/who")};
        alice.deny = {QStringLiteral("arn:aws:execute-api:us-east-1:000000000000:iamapi/*/DELETE/*")};
        IamIdentity temp;
        temp.accessKeyId = kTemp;
        temp.secretAccessKey = kTempSecret;
        temp.sessionToken = kTempToken;
        temp.allow = {QStringLiteral("*")};
        IamIdentity bob;
        bob.accessKeyId = kBob;
        bob.secretAccessKey = kBobSecret;
        bob.name = QStringLiteral("bob");
        bob.allow = {QStringLiteral("arn:aws:execute-api:us-east-1:000000000000:otherapi/*")};
        project.iamIdentities = {alice, temp, bob};

        Diagnostics d;
        m_engine.deploy(gw::deploy::compile(project, &d, m_dir.path()));
        QVERIFY2(!hasErrors(d), qPrintable(d.value(0).toString()));
        gw::runtime::EngineOptions options;
        options.captureDetails = true;
        QVERIFY(gwtest::startOnFreePort(m_engine, options));
    }

    void headerSignedRequestReachesTheIntegration()
    {
        const QJsonObject r = one(request(QStringLiteral("GET"), restUrl(QStringLiteral("/pets?kind=cat&name=tom%20cat")), kAlice, kAliceSecret));
        QCOMPARE(r.value(QStringLiteral("status")).toInt(), 200);
        const QJsonObject identity = QJsonDocument::fromJson(r.value(QStringLiteral("body")).toString().toUtf8()).object().value(QStringLiteral("identity")).toObject();
        QCOMPARE(identity.value(QStringLiteral("accessKey")).toString(), kAlice);
        QCOMPARE(identity.value(QStringLiteral("accountId")).toString(), QStringLiteral("000000000000"));
        QCOMPARE(identity.value(QStringLiteral("userArn")).toString(), QStringLiteral("arn:aws:iam::000000000000:user/alice"));
        QVERIFY(identity.value(QStringLiteral("caller")).toString().startsWith(QLatin1String("AIDA")));
        QCOMPARE(identity.value(QStringLiteral("user")).toString(), identity.value(QStringLiteral("caller")).toString());
        for (const char *cognito : {"cognitoIdentityId", "cognitoIdentityPoolId", "cognitoAuthenticationType", "cognitoAuthenticationProvider"}) {
            QVERIFY2(identity.contains(QLatin1String(cognito)), cognito);
            QVERIFY2(identity.value(QLatin1String(cognito)).isNull(), cognito);
        }
    }

    void signedBodyAndUnsignedPayload()
    {
        QJsonObject post = request(QStringLiteral("POST"), restUrl(QStringLiteral("/pets")), kAlice, kAliceSecret);
        post.insert(QStringLiteral("body"), QStringLiteral("{\"name\":\"rex\"}"));
        post.insert(QStringLiteral("headers"), QJsonObject{{QStringLiteral("Content-Type"), QStringLiteral("application/json")}});
        QJsonObject unsignedPayload = post;
        unsignedPayload.insert(QStringLiteral("headers"), QJsonObject{{QStringLiteral("Content-Type"), QStringLiteral("application/json")},
                                                                      {QStringLiteral("X-Amz-Content-SHA256"), QStringLiteral("UNSIGNED-PAYLOAD")}});
        QJsonObject tamperedBody = post;  // the signature covers the body's hash
        tamperedBody.insert(QStringLiteral("sendBody"), QStringLiteral("{\"name\":\"max\"}"));
        QJsonObject unsignedTampered = unsignedPayload;  // UNSIGNED-PAYLOAD: the body is not covered
        unsignedTampered.insert(QStringLiteral("sendBody"), QStringLiteral("{\"name\":\"max\"}"));
        const QJsonArray r = signAndSend({post, unsignedPayload, tamperedBody, unsignedTampered});
        QCOMPARE(r.size(), 4);
        QCOMPARE(r[0][QStringLiteral("status")].toInt(), 200);
        QVERIFY(r[0][QStringLiteral("body")].toString().contains(QLatin1String("rex")));
        QCOMPARE(r[1][QStringLiteral("status")].toInt(), 200);
        QCOMPARE(r[2][QStringLiteral("status")].toInt(), 403);
        QCOMPARE(r[2][QStringLiteral("errorType")].toString(), QStringLiteral("InvalidSignatureException"));
        QCOMPARE(r[3][QStringLiteral("status")].toInt(), 200);
        QVERIFY(r[3][QStringLiteral("body")].toString().contains(QLatin1String("max")));
    }

    void presignedUrlAndSessionToken()
    {
        QJsonObject presigned = request(QStringLiteral("GET"), restUrl(QStringLiteral("/pets?kind=dog")), kAlice, kAliceSecret);
        presigned.insert(QStringLiteral("mode"), QStringLiteral("query"));
        presigned.insert(QStringLiteral("expires"), 900);
        QJsonObject temp = request(QStringLiteral("GET"), restUrl(QStringLiteral("/admin")), kTemp, kTempSecret);
        temp.insert(QStringLiteral("token"), kTempToken);
        QJsonObject tempPresigned = temp;
        tempPresigned.insert(QStringLiteral("mode"), QStringLiteral("query"));
        QJsonObject tokenMissing = temp;
        tokenMissing.remove(QStringLiteral("token"));
        QJsonObject tokenWrong = temp;
        tokenWrong.insert(QStringLiteral("token"), QStringLiteral("AnotherSessionToken"));
        // An hour old but valid for two: a presigned URL lives X-Amz-Expires seconds.
        QJsonObject oldButValid = presigned;
        oldButValid.insert(QStringLiteral("offset"), -3600);
        oldButValid.insert(QStringLiteral("expires"), 7200);
        const QJsonArray r = signAndSend({presigned, temp, tempPresigned, tokenMissing, tokenWrong, oldButValid});
        QCOMPARE(r.size(), 6);
        QCOMPARE(r[0][QStringLiteral("status")].toInt(), 200);
        QCOMPARE(r[1][QStringLiteral("status")].toInt(), 200);
        QCOMPARE(r[2][QStringLiteral("status")].toInt(), 200);
        const QString invalidToken = QStringLiteral(R"({"message":"The security token included in the request is invalid."})");
        for (int k : {3, 4}) {
            QCOMPARE(r[k][QStringLiteral("status")].toInt(), 403);
            QCOMPARE(r[k][QStringLiteral("errorType")].toString(), QStringLiteral("UnrecognizedClientException"));
            QCOMPARE(r[k][QStringLiteral("body")].toString(), invalidToken);
        }
        QCOMPARE(r[5][QStringLiteral("status")].toInt(), 200);
    }

    void refusalsAsAwsSendsThem_data()
    {
        QTest::addColumn<QJsonObject>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<QString>("errorType");
        QTest::addColumn<QString>("messageStart");
        const QString pets = restUrl(QStringLiteral("/pets"));
        QJsonObject unsignedRequest = request(QStringLiteral("GET"), pets, kAlice, kAliceSecret);
        unsignedRequest.insert(QStringLiteral("mode"), QStringLiteral("none"));
        QTest::newRow("no signature") << unsignedRequest << 403 << QStringLiteral("MissingAuthenticationTokenException")
                                      << QStringLiteral("{\"message\":\"Missing Authentication Token\"}");
        QJsonObject bearer = unsignedRequest;
        bearer.insert(QStringLiteral("headers"), QJsonObject{{QStringLiteral("Authorization"), QStringLiteral("Bearer eyJhbGciOi.secret")}});
        QTest::newRow("bearer token") << bearer << 403 << QStringLiteral("IncompleteSignatureException")
                                      << QStringLiteral("{\"message\":\"Invalid key=value pair (missing equal-sign) in Authorization header "
                                                        "(hashed with SHA-256 and encoded with Base64): '");
        QJsonObject partial = unsignedRequest;
        partial.insert(QStringLiteral("headers"), QJsonObject{{QStringLiteral("Authorization"), QStringLiteral("AWS4-HMAC-SHA256 Signature=abc")}});
        QTest::newRow("missing parameters") << partial << 403 << QStringLiteral("IncompleteSignatureException")
                                            << QStringLiteral("{\"message\":\"Authorization header requires 'Credential' parameter. Authorization "
                                                              "header requires 'SignedHeaders' parameter. Authorization header requires existence "
                                                              "of either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-HMAC-SHA256 Signature=abc\"}");
        QTest::newRow("unknown access key") << request(QStringLiteral("GET"), pets, QStringLiteral("AKIAUNKNOWN000000009"), kAliceSecret) << 403
                                            << QStringLiteral("UnrecognizedClientException")
                                            << QStringLiteral("{\"message\":\"The security token included in the request is invalid.\"}");
        QTest::newRow("wrong secret") << request(QStringLiteral("GET"), pets, kAlice, kBobSecret) << 403
                                      << QStringLiteral("InvalidSignatureException") << QStringLiteral("{\"message\":\"") + kMismatch;
        QJsonObject tamperedDate = request(QStringLiteral("GET"), pets, kAlice, kAliceSecret);
        tamperedDate.insert(QStringLiteral("after"), QJsonObject{{QStringLiteral("X-Amz-Date"), QStringLiteral("20200101T000000Z")}});
        QTest::newRow("date changed after signing") << tamperedDate << 403 << QStringLiteral("InvalidSignatureException")
                                                    << QStringLiteral("{\"message\":\"Date in Credential scope does not match YYYYMMDD from "
                                                                      "ISO-8601 version of date from HTTP: '");
        QJsonObject stale = request(QStringLiteral("GET"), pets, kAlice, kAliceSecret);
        stale.insert(QStringLiteral("offset"), -400);
        QTest::newRow("signed 400 s ago") << stale << 403 << QStringLiteral("InvalidSignatureException")
                                          << QStringLiteral("{\"message\":\"Signature expired: ");
        QJsonObject future = request(QStringLiteral("GET"), pets, kAlice, kAliceSecret);
        future.insert(QStringLiteral("offset"), 400);
        QTest::newRow("signed 400 s ahead") << future << 403 << QStringLiteral("InvalidSignatureException")
                                            << QStringLiteral("{\"message\":\"Signature not yet current: ");
        QJsonObject expired = request(QStringLiteral("GET"), pets, kAlice, kAliceSecret);
        expired.insert(QStringLiteral("mode"), QStringLiteral("query"));
        expired.insert(QStringLiteral("offset"), -120);
        expired.insert(QStringLiteral("expires"), 60);
        QTest::newRow("presigned url expired") << expired << 403 << QStringLiteral("InvalidSignatureException")
                                               << QStringLiteral("{\"message\":\"Signature expired: ");
        QJsonObject tooLong = request(QStringLiteral("GET"), pets, kAlice, kAliceSecret);
        tooLong.insert(QStringLiteral("mode"), QStringLiteral("query"));
        tooLong.insert(QStringLiteral("expires"), 604801);
        QTest::newRow("presigned for more than a week") << tooLong << 403 << QStringLiteral("IncompleteSignatureException")
                                                        << QStringLiteral("{\"message\":\"X-Amz-Expires must be less than a week (in seconds) that is 604800\"}");
        QJsonObject otherRegion = request(QStringLiteral("GET"), pets, kAlice, kAliceSecret);
        otherRegion.insert(QStringLiteral("region"), QStringLiteral("eu-west-1"));
        QTest::newRow("scoped to another region") << otherRegion << 403 << QStringLiteral("InvalidSignatureException")
                                                  << QStringLiteral("{\"message\":\"Credential should be scoped to a valid region. \"}");
        QJsonObject otherService = request(QStringLiteral("GET"), pets, kAlice, kAliceSecret);
        otherService.insert(QStringLiteral("service"), QStringLiteral("lambda"));
        QTest::newRow("scoped to another service") << otherService << 403 << QStringLiteral("InvalidSignatureException")
                                                   << QStringLiteral("{\"message\":\"Credential should be scoped to correct service: 'execute-api'. \"}");
        QTest::newRow("not allowed") << request(QStringLiteral("GET"), restUrl(QStringLiteral("/admin")), kAlice, kAliceSecret) << 403
                                     << QStringLiteral("AccessDeniedException")
                                     << QStringLiteral("{\"Message\":\"User: arn:aws:iam::000000000000:user/alice is not authorized to perform: "
                                                       "execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********0000:iamapi/s/GET/admin\"}");
        QTest::newRow("explicit deny") << request(QStringLiteral("DELETE"), pets, kAlice, kAliceSecret) << 403
                                       << QStringLiteral("AccessDeniedException")
                                       << QStringLiteral("{\"Message\":\"User: arn:aws:iam::000000000000:user/alice is not authorized to perform: "
                                                         "execute-api:Invoke on resource: arn:aws:execute-api:us-east-1:********0000:iamapi/s/DELETE/pets "
                                                         "with an explicit deny\"}");
    }

    void refusalsAsAwsSendsThem()
    {
        QFETCH(QJsonObject, request);
        QFETCH(int, status);
        QFETCH(QString, errorType);
        QFETCH(QString, messageStart);
        const QJsonObject r = one(request);
        QCOMPARE(r.value(QStringLiteral("status")).toInt(), status);
        QCOMPARE(r.value(QStringLiteral("errorType")).toString(), errorType);
        const QString body = r.value(QStringLiteral("body")).toString();
        QVERIFY2(body.startsWith(messageStart), qPrintable(body));
        QVERIFY(!body.contains(kAliceSecret));
    }

    // AWS explains a mismatch with what it computed; the canonical request is there, the secret is not.
    void mismatchShowsTheCanonicalRequest()
    {
        QJsonObject wrongSecret = request(QStringLiteral("GET"), restUrl(QStringLiteral("/pets")), kTemp, QStringLiteral("not-the-secret"));
        wrongSecret.insert(QStringLiteral("token"), kTempToken);
        const QJsonObject reply = one(wrongSecret);
        QCOMPARE(reply.value(QStringLiteral("status")).toInt(), 403);
        const QString message = QJsonDocument::fromJson(reply.value(QStringLiteral("body")).toString().toUtf8()).object().value(QStringLiteral("message")).toString();
        QVERIFY2(message.startsWith(kMismatch + QStringLiteral("\n\nThe Canonical String for this request should have been\n'GET\n"
                                                               "/restapis/iamapi/s/_user_request_/pets\n")), qPrintable(message));
        QVERIFY(message.contains(QLatin1String("x-amz-security-token:FwoG****")));
        QVERIFY(!message.contains(kTempToken));
        QVERIFY(message.contains(QLatin1String("The String-to-Sign should have been\n'AWS4-HMAC-SHA256\n")));
    }

    // The session token travels in a header or in the URL; neither reaches a trace in clear.
    void sessionTokenIsMaskedInTraces()
    {
        QJsonObject header = request(QStringLiteral("GET"), restUrl(QStringLiteral("/admin")), kTemp, kTempSecret);
        header.insert(QStringLiteral("token"), kTempToken);
        QJsonObject presigned = header;
        presigned.insert(QStringLiteral("mode"), QStringLiteral("query"));
        const QJsonArray r = signAndSend({header, presigned});
        QCOMPARE(r.size(), 2);
        for (const QJsonValue &reply : r) {
            QCOMPARE(reply[QStringLiteral("status")].toInt(), 200);
            std::optional<gw::runtime::RequestRecord> record;
            QTRY_VERIFY((record = m_engine.traces()->find(reply[QStringLiteral("requestId")].toString())).has_value());
            const QByteArray json = QJsonDocument(gw::runtime::TraceStore::toJson(*record)).toJson();
            QVERIFY(json.contains("Verified SigV4"));
            QVERIFY2(!json.contains("EXAMPLESESSIONTOKEN"), json.constData());
            QVERIFY(!json.contains(kTempSecret.toUtf8()));
        }
    }

    void identityInTemplatesAndAccessLogs()
    {
        const QJsonObject r = one(request(QStringLiteral("GET"), restUrl(QStringLiteral("/template")), kAlice, kAliceSecret));
        QCOMPARE(r.value(QStringLiteral("status")).toInt(), 200);
        const QJsonObject identity = QJsonDocument::fromJson(r.value(QStringLiteral("body")).toString().toUtf8()).object();
        QCOMPARE(identity.value(QStringLiteral("accessKey")).toString(), kAlice);
        QCOMPARE(identity.value(QStringLiteral("userArn")).toString(), QStringLiteral("arn:aws:iam::000000000000:user/alice"));
        QCOMPARE(identity.value(QStringLiteral("accountId")).toString(), QStringLiteral("000000000000"));
        QVERIFY(identity.value(QStringLiteral("caller")).toString().startsWith(QLatin1String("AIDA")));
        m_engine.accessLogs()->flushAll();
        QFile log(m_dir.filePath(QStringLiteral("access.log")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QByteArray lines = log.readAll();
        const QByteArray expected = QByteArray(" /template 200 ") + kAlice.toUtf8() + " arn:aws:iam::000000000000:user/alice";
        QVERIFY2(lines.contains(expected), lines.constData());
    }

    void httpApiRoute()
    {
        const auto withHost = [this](QJsonObject c) {
            c.insert(QStringLiteral("headers"), QJsonObject{{QStringLiteral("Host"), QStringLiteral("iamhttp.execute-api.localhost:%1").arg(m_engine.port())}});
            return c;
        };
        const QString who = QStringLiteral("http://127.0.0.1:%1/who").arg(m_engine.port());
        QJsonObject unsignedRequest = withHost(request(QStringLiteral("GET"), who, kAlice, kAliceSecret));
        unsignedRequest.insert(QStringLiteral("mode"), QStringLiteral("none"));
        const QJsonArray r = signAndSend({withHost(request(QStringLiteral("GET"), who, kAlice, kAliceSecret)), unsignedRequest,
                                          withHost(request(QStringLiteral("GET"), who, kAlice, kBobSecret)),
                                          withHost(request(QStringLiteral("GET"), who, kBob, kBobSecret))});
        QCOMPARE(r.size(), 4);
        QCOMPARE(r[0][QStringLiteral("status")].toInt(), 200);
        const QJsonObject event = QJsonDocument::fromJson(r[0][QStringLiteral("body")].toString().toUtf8()).object();
        const QJsonObject iam = event.value(QStringLiteral("authorizer")).toObject().value(QStringLiteral("iam")).toObject();
        QCOMPARE(iam.value(QStringLiteral("accessKey")).toString(), kAlice);
        QCOMPARE(iam.value(QStringLiteral("accountId")).toString(), QStringLiteral("000000000000"));
        QCOMPARE(iam.value(QStringLiteral("userArn")).toString(), QStringLiteral("arn:aws:iam::000000000000:user/alice"));
        QVERIFY(iam.value(QStringLiteral("userId")).toString().startsWith(QLatin1String("AIDA")));
        QCOMPARE(iam.value(QStringLiteral("callerId")).toString(), iam.value(QStringLiteral("userId")).toString());
        QVERIFY(iam.contains(QStringLiteral("cognitoIdentity")) && iam.value(QStringLiteral("cognitoIdentity")).isNull());
        QCOMPARE(r[1][QStringLiteral("status")].toInt(), 403);
        QCOMPARE(r[1][QStringLiteral("body")].toString(), QStringLiteral(R"({"message":"Forbidden"})"));
        QCOMPARE(r[2][QStringLiteral("status")].toInt(), 403);
        QVERIFY(r[2][QStringLiteral("body")].toString().startsWith(QStringLiteral("{\"message\":\"") + kMismatch));
        QCOMPARE(r[3][QStringLiteral("status")].toInt(), 403);
        QCOMPARE(r[3][QStringLiteral("body")].toString(), QStringLiteral(R"({"message":"Forbidden"})"));
    }

    // The AWS CLI signs for execute-api itself: apigatewaymanagementapi's GET /@connections/{id}
    // reaches a {proxy+} AWS_IAM method, and the CLI parses the answer (or AWS's error) as it would AWS's.
    void awsCliSignsExecuteApiRequests()
    {
        const QString aws = QStandardPaths::findExecutable(QStringLiteral("aws"));
        if (aws.isEmpty())
            QSKIP("the AWS CLI is not installed");
        const auto run = [&](const QString &key, const QString &secret, QByteArray *output, QByteArray *errors) {
            QProcess cli;
            QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
            env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), key);
            env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), secret);
            env.remove(QStringLiteral("AWS_SESSION_TOKEN"));
            env.remove(QStringLiteral("AWS_PROFILE"));
            env.insert(QStringLiteral("AWS_CONFIG_FILE"), m_dir.filePath(QStringLiteral("none")));
            env.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), m_dir.filePath(QStringLiteral("none")));
            env.insert(QStringLiteral("AWS_EC2_METADATA_DISABLED"), QStringLiteral("true"));
            cli.setProcessEnvironment(env);
            cli.start(aws, {QStringLiteral("apigatewaymanagementapi"), QStringLiteral("get-connection"), QStringLiteral("--region"),
                            QStringLiteral("us-east-1"), QStringLiteral("--endpoint-url"),
                            QStringLiteral("http://127.0.0.1:%1/restapis/iamapi/s/_user_request_").arg(m_engine.port()),
                            QStringLiteral("--connection-id"), QStringLiteral("conn-1"), QStringLiteral("--output"), QStringLiteral("json")});
            cli.waitForFinished(60000);
            *output = cli.readAllStandardOutput();
            *errors = cli.readAllStandardError();
            return cli.exitCode();
        };
        QByteArray output, errors;
        QCOMPARE(run(kAlice, kAliceSecret, &output, &errors), 0);
        const QJsonObject connection = QJsonDocument::fromJson(output).object();
        QCOMPARE(connection.value(QStringLiteral("Identity")).toObject().value(QStringLiteral("UserAgent")).toString(),
                 QStringLiteral("arn:aws:iam::000000000000:user/alice"));
        QVERIFY(run(kBob, kBobSecret, &output, &errors) != 0);
        QVERIFY2(errors.contains("(AccessDeniedException)") && errors.contains("User: arn:aws:iam::000000000000:user/bob is not authorized"),
                 errors.constData());
        QVERIFY(run(kAlice, kBobSecret, &output, &errors) != 0);
        QVERIFY2(errors.contains("(InvalidSignatureException)") && errors.contains("The request signature we calculated does not match"),
                 errors.constData());
    }
};

QTEST_GUILESS_MAIN(TestIamAuthorization)
#include "tst_iamauthorization.moc"
