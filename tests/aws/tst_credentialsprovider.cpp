#include "gateway/aws/awsprofilefile.h"
#include "gateway/aws/credentialsprovider.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace gw::aws;

namespace {

const QString kCredentials = QStringLiteral(
    "# comment\n"
    "[default]\n"
    "aws_access_key_id = AKIADEFAULT0000001\n"
    "aws_secret_access_key = defaultSecret/+abc\n"
    "\n"
    "[dev]\n"
    "aws_access_key_id=AKIADEV00000000002\n"
    "aws_secret_access_key=devSecret\n"
    "aws_session_token=devToken\n");

const QString kConfig = QStringLiteral(
    "[default]\n"
    "region = eu-west-1 ; inline comment\n"
    "[profile dev]\n"
    "region = us-west-2\n"
    "aws_access_key_id = AKIACONFIGDEV00003\n"
    "s3 =\n"
    "  max_concurrent_requests = 10\n"
    "[profile cfgonly]\n"
    "aws_access_key_id = AKIACFGONLY0000004\n"
    "aws_secret_access_key = cfgSecret\n"
    "[bare]\n"
    "aws_access_key_id = AKIABARE0000000005\n"
    "aws_secret_access_key = bareSecret\n"
    "[profile assumed]\n"
    "role_arn = arn:aws:iam::123456789012:role/x\n"
    "source_profile = default\n");

} // namespace

class TestCredentialsProvider : public QObject
{
    Q_OBJECT

    QTemporaryDir m_home;
    QProcessEnvironment m_env;

    void write(const QString &relative, const QString &text)
    {
        QDir(m_home.path()).mkpath(QFileInfo(m_home.filePath(relative)).path());
        QFile file(m_home.filePath(relative));
        QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        file.write(text.toUtf8());
    }

    ResolvedCredentials resolve(const QString &profile = {})
    {
        return CredentialsProvider(m_env, m_home.path()).resolve(profile);
    }

private slots:
    void init()
    {
        QVERIFY(m_home.isValid());
        QDir(m_home.path()).removeRecursively();
        QDir().mkpath(m_home.path());
        write(QStringLiteral(".aws/credentials"), kCredentials);
        write(QStringLiteral(".aws/config"), kConfig);
        m_env = QProcessEnvironment();  // never the real environment of the machine
    }

    void defaultProfileFromSharedFiles()
    {
        const ResolvedCredentials r = resolve();
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.credentials.accessKeyId, QStringLiteral("AKIADEFAULT0000001"));
        QCOMPARE(r.credentials.secretAccessKey, QStringLiteral("defaultSecret/+abc"));
        QCOMPARE(r.region, QStringLiteral("eu-west-1"));  // inline comment stripped
        QCOMPARE(r.profile, QStringLiteral("default"));
    }

    void environmentKeysWinOverDefaultProfile()
    {
        m_env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIAENV00000000006"));
        m_env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("envSecret"));
        m_env.insert(QStringLiteral("AWS_SESSION_TOKEN"), QStringLiteral("envToken"));
        const ResolvedCredentials r = resolve();
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.credentials.accessKeyId, QStringLiteral("AKIAENV00000000006"));
        QCOMPARE(r.credentials.sessionToken, QStringLiteral("envToken"));
        QCOMPARE(r.credentials.source, QStringLiteral("environment"));
        QCOMPARE(r.region, QStringLiteral("eu-west-1"));  // still from the default profile's config
    }

    void partialEnvironmentKeysAreAnError()
    {
        m_env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIAENV00000000006"));
        const ResolvedCredentials r = resolve();
        QVERIFY(!r.ok());
        QVERIFY(r.error.contains(QStringLiteral("AWS_SECRET_ACCESS_KEY")));
    }

    void projectProfileWinsOverEnvironment()
    {
        m_env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIAENV00000000006"));
        m_env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("envSecret"));
        const ResolvedCredentials r = resolve(QStringLiteral("dev"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.credentials.accessKeyId, QStringLiteral("AKIADEV00000000002"));  // credentials file over config
        QCOMPARE(r.credentials.sessionToken, QStringLiteral("devToken"));
        QCOMPARE(r.region, QStringLiteral("us-west-2"));
        QVERIFY(r.credentials.source.contains(QStringLiteral("'dev'")));
    }

    void unknownProjectProfileIsAnErrorNotAFallback()
    {
        m_env.insert(QStringLiteral("AWS_ACCESS_KEY_ID"), QStringLiteral("AKIAENV00000000006"));
        m_env.insert(QStringLiteral("AWS_SECRET_ACCESS_KEY"), QStringLiteral("envSecret"));
        const ResolvedCredentials r = resolve(QStringLiteral("nosuch"));
        QVERIFY(!r.ok());
        QVERIFY(r.error.contains(QStringLiteral("'nosuch' not found")));
        QVERIFY(r.error.contains(m_home.filePath(QStringLiteral(".aws/credentials"))));
        QVERIFY(!r.credentials.isValid());
    }

    void awsProfileSelectsTheProfile()
    {
        m_env.insert(QStringLiteral("AWS_PROFILE"), QStringLiteral("cfgonly"));
        const ResolvedCredentials r = resolve();
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.credentials.accessKeyId, QStringLiteral("AKIACFGONLY0000004"));
        QVERIFY(r.credentials.source.contains(QStringLiteral(".aws/config")));
    }

    void configSectionsWithoutProfilePrefixAreIgnored()
    {
        const ResolvedCredentials r = resolve(QStringLiteral("bare"));
        QVERIFY(!r.ok());
        QVERIFY(r.error.contains(QStringLiteral("not found")));
    }

    void filePathsFromEnvironment()
    {
        write(QStringLiteral("elsewhere/creds"), QStringLiteral("[default]\naws_access_key_id=AKIAOTHER000000007\naws_secret_access_key=s\n"));
        write(QStringLiteral("elsewhere/conf"), QStringLiteral("[default]\nregion=ap-south-1\n"));
        m_env.insert(QStringLiteral("AWS_SHARED_CREDENTIALS_FILE"), m_home.filePath(QStringLiteral("elsewhere/creds")));
        m_env.insert(QStringLiteral("AWS_CONFIG_FILE"), m_home.filePath(QStringLiteral("elsewhere/conf")));
        const ResolvedCredentials r = resolve();
        QVERIFY2(r.ok(), qPrintable(r.error));
        QCOMPARE(r.credentials.accessKeyId, QStringLiteral("AKIAOTHER000000007"));
        QCOMPARE(r.region, QStringLiteral("ap-south-1"));
    }

    void regionOrder_data()
    {
        QTest::addColumn<QString>("awsRegion");
        QTest::addColumn<QString>("awsDefaultRegion");
        QTest::addColumn<QString>("expected");
        QTest::newRow("AWS_REGION first") << QStringLiteral("us-east-2") << QStringLiteral("ca-central-1") << QStringLiteral("us-east-2");
        QTest::newRow("then AWS_DEFAULT_REGION") << QString() << QStringLiteral("ca-central-1") << QStringLiteral("ca-central-1");
        QTest::newRow("then the profile") << QString() << QString() << QStringLiteral("us-west-2");
    }
    void regionOrder()
    {
        QFETCH(QString, awsRegion);
        QFETCH(QString, awsDefaultRegion);
        QFETCH(QString, expected);
        if (!awsRegion.isEmpty())
            m_env.insert(QStringLiteral("AWS_REGION"), awsRegion);
        if (!awsDefaultRegion.isEmpty())
            m_env.insert(QStringLiteral("AWS_DEFAULT_REGION"), awsDefaultRegion);
        QCOMPARE(resolve(QStringLiteral("dev")).region, expected);
    }

    void roleProfilesAreReportedAsUnsupported()
    {
        const ResolvedCredentials r = resolve(QStringLiteral("assumed"));
        QVERIFY(!r.ok());
        QVERIFY(r.error.contains(QStringLiteral("role_arn")));
    }

    void noCredentialsAnywhereNamesWhereItLooked()
    {
        QFile::remove(m_home.filePath(QStringLiteral(".aws/credentials")));
        QFile::remove(m_home.filePath(QStringLiteral(".aws/config")));
        const ResolvedCredentials r = resolve();
        QVERIFY(!r.ok());
        QVERIFY(r.error.contains(QStringLiteral("'default'")));
        QVERIFY(r.error.contains(m_home.filePath(QStringLiteral(".aws/config"))));
    }

    void descriptionsNeverHoldSecrets()
    {
        const ResolvedCredentials r = resolve(QStringLiteral("dev"));
        QVERIFY2(r.ok(), qPrintable(r.error));
        const QString text = r.credentials.redacted();
        QVERIFY(!text.contains(QStringLiteral("devSecret")));
        QVERIFY(!text.contains(QStringLiteral("devToken")));
        QVERIFY(!text.contains(QStringLiteral("AKIADEV00000000002")));
        QVERIFY(text.startsWith(QStringLiteral("AKIA")));
        QVERIFY(text.contains(QStringLiteral("profile 'dev'")));
    }

    void indentedSubsectionLinesAreSkipped()
    {
        const AwsProfileFile file = AwsProfileFile::parse(kConfig.toUtf8(), AwsProfileFile::Kind::Config);
        QVERIFY(file.value(QStringLiteral("dev"), QStringLiteral("max_concurrent_requests")).isEmpty());
        QCOMPARE(file.value(QStringLiteral("dev"), QStringLiteral("s3")), QString());
        QCOMPARE(file.value(QStringLiteral("assumed"), QStringLiteral("source_profile")), QStringLiteral("default"));
    }
};

QTEST_GUILESS_MAIN(TestCredentialsProvider)
#include "tst_credentialsprovider.moc"
