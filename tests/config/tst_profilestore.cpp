// SPDX-License-Identifier: BSD-2-Clause
#include "core/config/profilestore.h"
#include "core/secrets/secretkeys.h"

#include <QFile>
#include <QJsonArray>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace msb;
using namespace msb::config;

namespace {

Profile sampleProfile()
{
    Profile p;
    p.name = u"prod eu"_s;
    p.misp.url = QUrl(u"https://misp.example.org"_s);
    p.misp.caFile = u"/etc/ssl/misp-ca.pem"_s;
    p.misp.pinnedSha256Hex = QByteArray(64, 'a');
    p.misp.eventFilters = QJsonObject { { u"published"_s, 1 },
        { u"publish_timestamp"_s, u"14d"_s },
        { u"tags"_s, QJsonArray { u"workflow:state=\"complete\""_s } } };
    p.misp.pageSize = 250;
    p.misp.timeoutSeconds = 90;
    TargetSettings t;
    t.displayName = u"SOC"_s;
    t.tenantId = u"11111111-2222-3333-4444-555555555555"_s;
    t.clientId = u"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"_s;
    t.workspaceId = u"99999999-8888-7777-6666-555555555555"_s;
    t.filters.minimumConfidence = 40;
    t.filters.maximumTlp = u"amber"_s;
    t.filters.includedTypes = { u"ipv4-addr"_s, u"domain-name"_s };
    p.targets.append(t);
    TargetSettings gov = t;
    gov.displayName = u"Gov"_s;
    gov.cloud = Cloud::AzureUsGovernment;
    gov.apiKind = ApiKind::LegacyIndicators;
    gov.sourceSystem = u"MISP-Gov"_s;
    gov.filters = {};
    gov.authorityHostOverride = u"http://127.0.0.1:8443"_s;
    p.targets.append(gov);
    p.policy.requireToIds = false;
    p.policy.dropPrivateAddresses = true;
    p.policy.defaultExpiryDays = 30;
    p.policy.expiryDaysByType = { { u"ipv4-addr"_s, 180 }, { u"url"_s, 365 } };
    p.policy.expiryBase = convert::ExpiryBase::Now;
    p.policy.defaultConfidence = 50;
    p.policy.defaultTlp = u"tlp:green"_s;
    p.policy.labelExcludePrefixes = { u"misp-galaxy:"_s };
    return p;
}

} // namespace

class TestProfileStore final : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString iniPath(const char *name) const { return m_dir.filePath(QString::fromLatin1(name)); }

private Q_SLOTS:
    void saveLoadRoundTrip()
    {
        const QString path = iniPath("roundtrip.ini");
        const Profile p = sampleProfile();
        {
            QSettings settings(path, QSettings::IniFormat);
            ProfileStore store(settings);
            const Status s = store.save(p);
            QVERIFY2(s.ok(), qPrintable(s.ok() ? QString() : s.error().message));
            store.setDefaultProfile(p.name);
        }
        QSettings settings(path, QSettings::IniFormat);
        ProfileStore store(settings);
        QCOMPARE(store.profileNames(), QStringList { p.name });
        QCOMPARE(store.defaultProfile(), p.name);
        const Result<Profile> loaded = store.load(p.name);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.value().misp, p.misp);
        QCOMPARE(loaded.value().targets.size(), 2);
        QCOMPARE(loaded.value().targets[0], p.targets[0]);
        QCOMPARE(loaded.value().targets[1], p.targets[1]);
        QVERIFY(samePolicy(loaded.value().policy, p.policy));
        QVERIFY(loaded.value() == p);

        // Fewer targets on the second save: the old second target must disappear.
        Profile smaller = p;
        smaller.targets.removeLast();
        QVERIFY(store.save(smaller).ok());
        QCOMPARE(store.load(p.name).value().targets.size(), 1);

        store.remove(p.name);
        QVERIFY(store.profileNames().isEmpty());
        QCOMPARE(int(store.load(p.name).error().code), int(Error::Code::NotFound));
    }

    void validationNamesTheField_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<QString>("expected");
        QTest::newRow("name") << u"name"_s << u"Profile name"_s;
        QTest::newRow("http url") << u"httpurl"_s << u"MISP URL \"http://misp.example.org\" uses plain http"_s;
        QTest::newRow("ftp url") << u"ftpurl"_s << u"MISP URL"_s;
        QTest::newRow("userinfo") << u"userinfo"_s << u"must not contain a user name"_s;
        QTest::newRow("tenant") << u"tenant"_s << u"Target 1 (SOC): tenant ID \"contoso.onmicrosoft\" is not a GUID"_s;
        QTest::newRow("client empty") << u"client"_s << u"Target 1 (SOC): client (application) ID is empty"_s;
        QTest::newRow("workspace") << u"workspace"_s << u"Target 2 (Gov): workspace ID \"ws-1\" is not a GUID"_s;
        QTest::newRow("confidence") << u"confidence"_s << u"minimum confidence 150 is outside 0-100"_s;
        QTest::newRow("tlp") << u"tlp"_s << u"maximum TLP \"purple\""_s;
        QTest::newRow("override") << u"override"_s << u"token endpoint override"_s;
        QTest::newRow("pin") << u"pin"_s << u"MISP certificate pin"_s;
        QTest::newRow("page size") << u"pagesize"_s << u"MISP page size 0 is outside 1-10000"_s;
        QTest::newRow("no targets") << u"notargets"_s << u"Targets list is empty"_s;
        QTest::newRow("duplicate") << u"duplicate"_s << u"is listed twice"_s;
        QTest::newRow("default tlp") << u"defaulttlp"_s << u"Default TLP"_s;
    }

    void validationNamesTheField()
    {
        QFETCH(QString, change);
        QFETCH(QString, expected);
        Profile p = sampleProfile();
        QVERIFY(validateProfile(p).isEmpty());
        if (change == u"name")
            p.name = u"a/b"_s;
        else if (change == u"httpurl")
            p.misp.url = QUrl(u"http://misp.example.org"_s);
        else if (change == u"ftpurl")
            p.misp.url = QUrl(u"ftp://misp.example.org"_s);
        else if (change == u"userinfo")
            p.misp.url = QUrl(u"https://user:pw@misp.example.org"_s);
        else if (change == u"tenant")
            p.targets[0].tenantId = u"contoso.onmicrosoft"_s;
        else if (change == u"client")
            p.targets[0].clientId.clear();
        else if (change == u"workspace")
            p.targets[1].workspaceId = u"ws-1"_s;
        else if (change == u"confidence")
            p.targets[0].filters.minimumConfidence = 150;
        else if (change == u"tlp")
            p.targets[0].filters.maximumTlp = u"purple"_s;
        else if (change == u"override")
            p.targets[0].authorityHostOverride = u"http://login.example.org"_s;
        else if (change == u"pin")
            p.misp.pinnedSha256Hex = "ABC";
        else if (change == u"pagesize")
            p.misp.pageSize = 0;
        else if (change == u"notargets")
            p.targets.clear();
        else if (change == u"duplicate")
            p.targets[1] = p.targets[0];
        else if (change == u"defaulttlp")
            p.policy.defaultTlp = u"tlp:blue"_s;
        const QList<ValidationIssue> issues = validateProfile(p);
        QCOMPARE(issues.size(), 1);
        QVERIFY2(issues.first().message.contains(expected), qPrintable(issues.first().message));

        QSettings settings(iniPath("invalid.ini"), QSettings::IniFormat);
        ProfileStore store(settings);
        const Status s = store.save(p);
        QVERIFY(!s.ok());
        QCOMPARE(int(s.error().code), int(Error::Code::InvalidInput));
        QVERIFY(s.error().message.contains(expected));
    }

    void migratesSchema1AndMovesPlainSecretsOut()
    {
        const QString path = iniPath("v1.ini");
        {
            QSettings old(path, QSettings::IniFormat);
            old.setValue(u"misp/url"_s, u"https://misp.old.example"_s);
            old.setValue(u"misp/key"_s, u"OLD-PLAINTEXT-MISP-KEY-123"_s);
            old.setValue(u"misp/pageSize"_s, 50);
            old.setValue(u"sentinel/tenantId"_s, u"11111111-2222-3333-4444-555555555555"_s);
            old.setValue(u"sentinel/clientId"_s, u"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"_s);
            old.setValue(u"sentinel/clientSecret"_s, u"OLD-PLAINTEXT-CLIENT-SECRET"_s);
            old.setValue(u"sentinel/workspaceId"_s, u"99999999-8888-7777-6666-555555555555"_s);
            old.setValue(u"policy/daysToExpire"_s, 45);
        }
        {
            QSettings settings(path, QSettings::IniFormat);
            ProfileStore store(settings);
            QCOMPARE(store.migration().fromVersion, 0);
            QCOMPARE(store.schemaVersion(), ProfileStore::kSchemaVersion);
            QCOMPARE(store.profileNames(), QStringList { u"default"_s });
            const Profile p = store.load(u"default"_s).value();
            QCOMPARE(p.misp.url, QUrl(u"https://misp.old.example"_s));
            QCOMPARE(p.misp.pageSize, 50);
            QCOMPARE(p.targets.size(), 1);
            QCOMPARE(p.targets[0].workspaceId, u"99999999-8888-7777-6666-555555555555"_s);
            QCOMPARE(p.policy.defaultExpiryDays, 45);
            const auto &moved = store.migration().secretsToMove;
            QCOMPARE(moved.size(), 2);
            QCOMPARE(moved[0].key, secrets::mispKeyName(u"default"_s));
            QCOMPARE(moved[0].value, u"OLD-PLAINTEXT-MISP-KEY-123"_s);
            QCOMPARE(
                moved[1].key, secrets::clientSecretKeyName(u"default"_s, p.targets[0].tenantId, p.targets[0].clientId));
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray ini = file.readAll();
        QVERIFY2(!ini.contains("OLD-PLAINTEXT"), ini.constData());
        QVERIFY(ini.contains("schemaVersion=2"));

        // A second start does not migrate again.
        QSettings settings(path, QSettings::IniFormat);
        ProfileStore again(settings);
        QCOMPARE(again.migration().fromVersion, 2);
        QVERIFY(again.migration().secretsToMove.isEmpty());
    }

    void newerSchemaIsLeftAlone()
    {
        const QString path = iniPath("v9.ini");
        {
            QSettings s(path, QSettings::IniFormat);
            s.setValue(u"General/schemaVersion"_s, 9);
        }
        QSettings settings(path, QSettings::IniFormat);
        ProfileStore store(settings);
        QCOMPARE(store.schemaVersion(), 9);
        QVERIFY(!store.migration().notes.isEmpty());
    }

    void clampsOutOfRangeValues()
    {
        const QString path = iniPath("clamp.ini");
        {
            QSettings settings(path, QSettings::IniFormat);
            ProfileStore store(settings);
            QVERIFY(store.save(sampleProfile()).ok());
            settings.setValue(u"profiles/prod eu/misp/pageSize"_s, 999999);
            settings.setValue(u"profiles/prod eu/policy/defaultConfidence"_s, 400);
        }
        QSettings settings(path, QSettings::IniFormat);
        ProfileStore store(settings);
        const Profile p = store.load(u"prod eu"_s).value();
        QCOMPARE(p.misp.pageSize, 10000);
        QCOMPARE(p.policy.defaultConfidence, 100);
    }
};

QTEST_GUILESS_MAIN(TestProfileStore)
#include "tst_profilestore.moc"
