// SPDX-License-Identifier: BSD-2-Clause
#include "core/config/import/appsettingsimport.h"
#include "core/config/import/configpyimport.h"
#include "core/config/import/pythonliteral.h"
#include "core/config/import/tenantsimport.h"
#include "core/config/profilestore.h"
#include "core/log/redact.h"
#include "core/secrets/secretkeys.h"
#include "tests/support/testpaths.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace msb;
using namespace msb::config;

namespace {
const QString kT1 = u"11111111-2222-3333-4444-555555555555"_s;
const QString kT2 = u"22222222-3333-4444-5555-666666666666"_s;
const QString kApp = u"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"_s;
const QString kW1 = u"99999999-8888-7777-6666-555555555555"_s;
const QString kW2 = u"88888888-7777-6666-5555-444444444444"_s;

bool notesContain(const ImportResult &r, const QString &text)
{
    for (const QString &n : r.notes) {
        if (n.contains(text))
            return true;
    }
    return false;
}

QString secretOf(const ImportResult &r, const QString &key)
{
    for (const PendingSecret &s : r.secrets) {
        if (s.key == key)
            return s.value;
    }
    return {};
}
} // namespace

class TestImporters final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { log::clearRegisteredSecrets(); }

    void pythonLiteral_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QString>("json"); // empty: must be refused
        QTest::newRow("dict") << u"{\"published\":1, 'tags': ['workflow:state=\"complete\"'], \"x\": True,}"_s
                              << u"{\"published\":1,\"tags\":[\"workflow:state=\\\"complete\\\"\"],\"x\":true}"_s;
        QTest::newRow("tuple none float") << u"(None, 1.5, -3, 0x10, 1_000)"_s << u"[null,1.5,-3,16,1000]"_s;
        QTest::newRow("concat + comments") << u"[\n 'a' \"b\",  # comment\n r'c\\d'\n]"_s << u"[\"ab\",\"c\\\\d\"]"_s;
        QTest::newRow("escapes") << u"'tab\\there\\u00fc\\n'"_s << u"[\"tab\\there\u00fc\\n\"]"_s;
        QTest::newRow("triple") << u"'''multi\nline'''"_s << u"[\"multi\\nline\"]"_s;
        QTest::newRow("int keys") << u"{1: 'a'}"_s << u"{\"1\":\"a\"}"_s;
        QTest::newRow("call refused") << u"os.getenv('X')"_s << QString();
        QTest::newRow("name refused") << u"some_var"_s << QString();
        QTest::newRow("fstring refused") << u"f'{x}'"_s << QString();
        QTest::newRow("operator refused") << u"1 + 2"_s << QString();
        QTest::newRow("import refused") << u"__import__('os').system('true')"_s << QString();
        QTest::newRow("unclosed") << u"{'a': [1, 2}"_s << QString();
    }

    void pythonLiteral()
    {
        QFETCH(QString, source);
        QFETCH(QString, json);
        const Result<QJsonValue> r = parsePythonLiteral(source);
        if (json.isEmpty()) {
            QVERIFY(!r.ok());
            QVERIFY(r.error().message.contains(u"character"_s));
            return;
        }
        QVERIFY2(r.ok(), qPrintable(r.ok() ? QString() : r.error().message));
        const QJsonDocument expected = QJsonDocument::fromJson(json.toUtf8());
        QVERIFY(!expected.isNull());
        if (expected.isObject())
            QCOMPARE(r.value().toObject(), expected.object());
        else if (r.value().isArray())
            QCOMPARE(r.value().toArray(), expected.array());
        else
            QCOMPARE(r.value(), expected.array().first());
    }

    void tenantsArray()
    {
        auto entry = [](const QString &t, const QString &secret, const QString &w) {
            return QJsonObject {
                { u"tenantId"_s, t }, { u"id"_s, kApp }, { u"secret"_s, secret }, { u"workspaceId"_s, w }
            };
        };
        const QJsonArray entries { entry(kT1, u"SECRET-ONE-abcdef"_s, kW1),
            entry(kT2, u"SECRET-TWO-abcdef"_s, kW2),
            entry(kT1, u"SECRET-ONE-abcdef"_s, kW2),
            entry(u"not-a-guid"_s, u"x"_s, kW1),
            42 };
        const QByteArray json = QJsonDocument(entries).toJson();
        const ImportResult r = importTenants(json, u"p"_s);
        QCOMPARE(r.profile.targets.size(), 3); // two share a tenant: both kept
        QCOMPARE(r.profile.targets[0].tenantId, kT1);
        QCOMPARE(r.profile.targets[0].workspaceId, kW1);
        QCOMPARE(r.profile.targets[1].tenantId, kT2);
        QCOMPARE(r.profile.targets[2].workspaceId, kW2);
        QCOMPARE(r.secrets.size(), 2); // one entry per app + tenant
        QCOMPARE(secretOf(r, secrets::clientSecretKeyName(u"p"_s, kT1, kApp)), u"SECRET-ONE-abcdef"_s);
        QCOMPARE(secretOf(r, secrets::clientSecretKeyName(u"p"_s, kT2, kApp)), u"SECRET-TWO-abcdef"_s);
        QVERIFY(notesContain(r, u"Tenants entry 4 was skipped: tenantId \"not-a-guid\" is not a GUID"_s));
        QVERIFY(notesContain(r, u"Tenants entry 5 was skipped: it is not an object"_s));
        for (const QString &n : r.notes)
            QVERIFY2(!n.contains(u"SECRET-"_s), qPrintable(n));
        // Secrets are registered for redaction at once.
        QCOMPARE(log::redact(u"SECRET-TWO-abcdef"_s), u"***"_s);
    }

    void tenantsOldDict()
    {
        const QByteArray json = QJsonDocument(
            QJsonObject { { kT1.toUpper(), QJsonObject { { u"id"_s, kApp }, { u"secret"_s, u"DICT-SECRET-1"_s } } } })
                                    .toJson();
        const ImportResult r = importTenants(json, u"p"_s);
        QCOMPARE(r.profile.targets.size(), 1);
        QCOMPARE(r.profile.targets[0].tenantId, kT1);
        QVERIFY(r.profile.targets[0].workspaceId.isEmpty());
        QVERIFY(notesContain(r, u"old layout"_s));
        QVERIFY(notesContain(r, u"no workspaceId"_s));
        QCOMPARE(secretOf(r, secrets::clientSecretKeyName(u"p"_s, kT1, kApp)), u"DICT-SECRET-1"_s);
        // Incomplete: validation says which field is missing.
        r.profile.targets.size();
        bool workspaceFlagged = false;
        for (const ValidationIssue &i : validateProfile(r.profile))
            workspaceFlagged |= i.field.contains(u"workspace ID"_s);
        QVERIFY(workspaceFlagged);
    }

    void tenantsFromSeedDocument()
    {
        // The seed INSTALL document's own multi-tenant example, read in place. Its values are
        // placeholders (<TENANT_ID_WITH_APP_1>...), so each entry is skipped with a note naming it.
        QFile seed(QDir(msb::test::sharedDir()).filePath(u"seed/000_be16f8416c756a64.txt"_s));
        if (!seed.open(QIODevice::ReadOnly))
            QSKIP("seed document not available");
        const QString text = QString::fromUtf8(seed.readAll());
        static const QRegularExpression block(
            u"```json\\s*(\\[\\s*\\{.*?\\}\\s*\\])\\s*```"_s, QRegularExpression::DotMatchesEverythingOption);
        QList<QString> blocks;
        for (auto it = block.globalMatch(text); it.hasNext();)
            blocks.append(it.next().captured(1));
        QVERIFY(blocks.size() >= 2);
        const ImportResult r = importTenants(blocks.last().toUtf8(), u"seed"_s);
        QVERIFY(r.profile.targets.isEmpty());
        QVERIFY(notesContain(r, u"Tenants entry 1 was skipped: tenantId \"<tenant_id_with_app_1>\" is not a GUID"_s));
        QVERIFY(notesContain(r, u"Tenants entry 2 was skipped"_s));
        // The same layout with real ids imports.
        QString filled = blocks.last();
        filled.replace(u"<TENANT_ID_WITH_APP_1>"_s, kT1).replace(u"<TENANT_ID_WITH_APP_N>"_s, kT2);
        filled.replace(u"<APP_ID>"_s, kApp).replace(u"<WORKSPACE_ID>"_s, kW1).replace(u"<WORKSPACE_ID_N>"_s, kW2);
        filled.replace(u"<APP_SECRET>"_s, u"seed-secret-1"_s).replace(u"<APP_SECRET_N>"_s, u"seed-secret-n"_s);
        const ImportResult ok = importTenants(filled.toUtf8(), u"seed"_s);
        QCOMPARE(ok.profile.targets.size(), 2);
        QCOMPARE(ok.profile.targets[1].workspaceId, kW2);
        QCOMPARE(ok.secrets.size(), 2);
    }

    void tenantsNotJson()
    {
        const ImportResult r = importTenants("[{\"tenantId\": \"secretish", u"p"_s);
        QVERIFY(r.profile.targets.isEmpty());
        QVERIFY(notesContain(r, u"not valid JSON"_s));
        QVERIFY(!notesContain(r, u"secretish"_s));
    }

    void appSettingsExport()
    {
        // What `az functionapp config appsettings list` prints for a misp2sentinel Function app.
        const QJsonArray settings {
            QJsonObject { { u"name"_s, u"FUNCTIONS_WORKER_RUNTIME"_s },
                { u"slotSetting"_s, false },
                { u"value"_s, u"python"_s } },
            QJsonObject { { u"name"_s, u"AzureWebJobsStorage"_s },
                { u"slotSetting"_s, false },
                { u"value"_s, u"DefaultEndpointsProtocol=https;AccountName=x;AccountKey=STORAGEKEY"_s } },
            QJsonObject { { u"name"_s, u"tenants"_s },
                { u"slotSetting"_s, false },
                { u"value"_s, u"@Microsoft.KeyVault(SecretUri=https://kv-m2s.vault.azure.net/secrets/tenants/)"_s } },
            QJsonObject { { u"name"_s, u"mispkey"_s },
                { u"slotSetting"_s, false },
                { u"value"_s, u"@Microsoft.KeyVault(VaultName=kv-m2s;SecretName=MISP-Key)"_s } },
            QJsonObject { { u"name"_s, u"mispurl"_s },
                { u"slotSetting"_s, false },
                { u"value"_s, u"https://misp.example.org"_s } },
            QJsonObject {
                { u"name"_s, u"key_vault_name"_s }, { u"slotSetting"_s, false }, { u"value"_s, u"kv-m2s"_s } },
            QJsonObject { { u"name"_s, u"misp_event_filters"_s },
                { u"slotSetting"_s, false },
                { u"value"_s, u"{\"published\":1,\"publish_timestamp\":\"1d\",\"tags\":[\"tlp:green\"]}"_s } },
            QJsonObject { { u"name"_s, u"timerTriggerSchedule"_s },
                { u"slotSetting"_s, false },
                { u"value"_s, u"0 */2 * * *"_s } },
            QJsonObject { { u"name"_s, u"local_mode"_s }, { u"slotSetting"_s, false }, { u"value"_s, u"False"_s } },
            QJsonObject { { u"name"_s, u"AzureFunctionsJobHost__functionTimeout"_s },
                { u"slotSetting"_s, false },
                { u"value"_s, u"00:10:00"_s } },
        };
        const ImportResult r = importAppSettings(QJsonDocument(settings).toJson(), u"azure"_s);
        QCOMPARE(r.profile.misp.url, QUrl(u"https://misp.example.org"_s));
        QCOMPARE(r.profile.misp.eventFilters.value(u"publish_timestamp"_s).toString(), u"1d"_s);
        QVERIFY(r.profile.targets.isEmpty()); // tenants lives in the vault
        QVERIFY(r.secrets.isEmpty());
        QCOMPARE(r.vaultReferences.size(), 4); // tenants, mispkey, MISP-Key, ClientSecret
        QCOMPARE(r.vaultReferences[0].vaultName, u"kv-m2s"_s);
        QCOMPARE(r.vaultReferences[0].secretName, u"tenants"_s);
        QCOMPARE(r.vaultReferences[1].secretName, u"MISP-Key"_s);
        QVERIFY(notesContain(
            r, u"Setting \"tenants\" is a reference to secret \"tenants\" in Azure Key Vault \"kv-m2s\""_s));
        QVERIFY(notesContain(r, u"local_mode was ignored"_s));
        QVERIFY(notesContain(r, u"timerTriggerSchedule \"0 */2 * * *\""_s));
        QVERIFY(notesContain(r, u"Azure platform settings ignored"_s));
        QCOMPARE(r.profile.policy.defaultExpiryDays, 30);
        QCOMPARE(r.profile.policy.expiryDaysByType.value(u"url"_s), 400);
        for (const QString &n : r.notes)
            QVERIFY2(!n.contains(u"STORAGEKEY"_s), qPrintable(n));
    }

    void appSettingsWithInlineValues()
    {
        const QJsonObject local { { u"IsEncrypted"_s, false },
            { u"Values"_s,
                QJsonObject { { u"tenants"_s,
                                  QString::fromUtf8(QJsonDocument(QJsonArray { QJsonObject { { u"tenantId"_s, kT1 },
                                                                      { u"id"_s, kApp },
                                                                      { u"secret"_s, u"inline-secret-1"_s },
                                                                      { u"workspaceId"_s, kW1 } } })
                                                        .toJson()) },
                    { u"mispurl"_s, u"https://misp.example.org/"_s },
                    { u"mispkey"_s, u"inline-misp-key-1"_s },
                    { u"misp_event_filters"_s, u"not json"_s } } } };
        const ImportResult r = importAppSettings(QJsonDocument(local).toJson(), u"local"_s);
        QCOMPARE(r.profile.targets.size(), 1);
        QCOMPARE(secretOf(r, secrets::mispKeyName(u"local"_s)), u"inline-misp-key-1"_s);
        QCOMPARE(secretOf(r, secrets::clientSecretKeyName(u"local"_s, kT1, kApp)), u"inline-secret-1"_s);
        QVERIFY(notesContain(r, u"misp_event_filters is not a JSON object"_s));
        QVERIFY(validateProfile(r.profile).isEmpty());
    }

    void secretQuotedElsewhereIsHiddenInNotes()
    {
        // Found by fuzz_import: a key that also sits in the MISP URL and in an unknown setting's
        // name must not be shown by the notes that quote those texts.
        const QString key = u"K3y-in-the-url-0123456789"_s;
        const QJsonObject settings { { u"mispurl"_s, QString(u"https://misp.example.org/?authkey="_s + key) },
            { u"mispkey"_s, key },
            { u"timerTriggerSchedule"_s, key },
            { QString(u"extra_"_s + key), u"1"_s } };
        const ImportResult r = importAppSettings(QJsonDocument(settings).toJson(), u"quoted"_s);
        QCOMPARE(secretOf(r, secrets::mispKeyName(u"quoted"_s)), key);
        QVERIFY(notesContain(r, u"MISP URL"_s));
        for (const QString &note : r.notes)
            QVERIFY2(!note.contains(key), qPrintable(note));
        QVERIFY(notesContain(r, u"***"_s));

        const QString py = u"misp_key = '"_s + key + u"'\nmisp_domain = 'https://misp.example.org/"_s + key + u"'\n"_s;
        const ImportResult c = importConfigPy(py, u"quotedpy"_s);
        QCOMPARE(secretOf(c, secrets::mispKeyName(u"quotedpy"_s)), key);
        for (const QString &note : c.notes)
            QVERIFY2(!note.contains(key), qPrintable(note));
    }

    void environmentImport()
    {
        QProcessEnvironment env;
        env.insert(u"tenant_id"_s, kT1);
        env.insert(u"client_id"_s, kApp);
        env.insert(u"client_secret"_s, u"env-client-secret"_s);
        env.insert(u"workspace_id"_s, kW1);
        env.insert(u"mispurl"_s, u"https://misp.example.org"_s);
        env.insert(u"PATH"_s, u"/usr/bin"_s);
        const ImportResult r = importEnvironment(env, u"env"_s);
        QCOMPARE(r.profile.targets.size(), 1);
        QCOMPARE(r.profile.targets[0].workspaceId, kW1);
        QCOMPARE(secretOf(r, secrets::clientSecretKeyName(u"env"_s, kT1, kApp)), u"env-client-secret"_s);
        QVERIFY(!notesContain(r, u"PATH"_s));
    }

    void configPy()
    {
        QFile file(QStringLiteral(MSB_SOURCE_DIR "/tests/config/data/config.py"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QString source = QString::fromUtf8(file.readAll());
        source.replace(u"@TENANT@"_s, kT1).replace(u"@CLIENT@"_s, kApp).replace(u"@WORKSPACE@"_s, kW1);
        const ImportResult r = importConfigPy(source, u"script"_s);
        QCOMPARE(r.profile.targets.size(), 1);
        const TargetSettings &t = r.profile.targets[0];
        QCOMPARE(t.tenantId, kT1);
        QCOMPARE(t.clientId, kApp);
        QCOMPARE(t.workspaceId, kW1);
        QCOMPARE(t.sourceSystem, u"MISP-EU"_s);
        QCOMPARE(int(t.apiKind), int(ApiKind::StixObjects));
        QCOMPARE(r.profile.misp.url, QUrl(u"https://misp.example.org"_s));
        QCOMPARE(r.profile.misp.pageSize, 50);
        QCOMPARE(r.profile.misp.eventFilters.value(u"enforceWarninglist"_s), QJsonValue(true));
        QCOMPARE(r.profile.misp.eventFilters.value(u"tags"_s).toArray().first().toString(),
            u"workflow:state=\"complete\""_s);
        QCOMPARE(r.profile.policy.defaultExpiryDays, 50);
        QCOMPARE(int(r.profile.policy.expiryBase), int(convert::ExpiryBase::Now));
        QCOMPARE(r.profile.policy.expiryDaysByType.value(u"file"_s), 90);
        QCOMPARE(r.profile.policy.expiryDaysByType.value(u"url"_s), 365);
        QCOMPARE(r.profile.policy.defaultConfidence, 70);
        QCOMPARE(r.profile.policy.keepLocalTags, false);
        QCOMPARE(secretOf(r, secrets::mispKeyName(u"script"_s)), u"py-misp-key-456"_s);
        QCOMPARE(secretOf(r, secrets::clientSecretKeyName(u"script"_s, kT1, kApp)), u"py-client-secret-123"_s);
        QVERIFY(notesContain(r, u"log_file is not a plain value"_s));
        QVERIFY(notesContain(r, u"indented code was skipped"_s));
        QVERIFY(notesContain(r, u"misp_verifycert is False"_s));
        QVERIFY(notesContain(r, u"ms_auth['subscription_id'] was ignored"_s));
        QVERIFY(notesContain(r, u"ms_max_indicators_request was not imported"_s));
        QVERIFY(notesContain(r, u"Not recognised, ignored: whatever"_s));
        QVERIFY(validateProfile(r.profile).isEmpty());
        for (const QString &n : r.notes)
            QVERIFY2(!n.contains(u"py-client-secret"_s) && !n.contains(u"py-misp-key"_s), qPrintable(n));
    }

    void configPyPlaceholders()
    {
        const ImportResult r = importConfigPy(
            u"ms_auth = {'tenant': '<tenant>', 'client_id': '<client_id>', 'client_secret': '<client_secret>', "
            "'workspace_id': '<workspace_id>'}\nmisp_key = '<misp_api_key>'\nmisp_domain = '<misp_url>'\n"_s,
            u"p"_s);
        QVERIFY(r.profile.targets.isEmpty());
        QVERIFY(r.secrets.isEmpty());
        QVERIFY(notesContain(r, u"ms_auth['tenant'] is still the placeholder <tenant>"_s));
        QVERIFY(notesContain(r, u"misp_domain is still the placeholder"_s));
    }
    void importedProfileSavesAndLoads_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<int>("targets");
        QTest::newRow("seed tenants") << u"tenants"_s << 2;
        QTest::newRow("app settings") << u"appsettings"_s << 1;
        QTest::newRow("config.py") << u"configpy"_s << 1;
    }

    void importedProfileSavesAndLoads()
    {
        // Each import is a complete profile: it saves, loads back equal, and its secrets stay out
        // of the settings file (they go to the keychain through PendingSecret).
        QFETCH(QString, kind);
        QFETCH(int, targets);
        ImportResult r;
        if (kind == u"tenants") {
            QFile seed(QDir(msb::test::sharedDir()).filePath(u"seed/000_be16f8416c756a64.txt"_s));
            if (!seed.open(QIODevice::ReadOnly))
                QSKIP("seed document not available");
            static const QRegularExpression block(
                u"```json\\s*(\\[\\s*\\{.*?\\}\\s*\\])\\s*```"_s, QRegularExpression::DotMatchesEverythingOption);
            QStringList blocks;
            for (auto it = block.globalMatch(QString::fromUtf8(seed.readAll())); it.hasNext();)
                blocks.append(it.next().captured(1));
            QVERIFY(blocks.size() >= 2); // the one-tenant and the multi-tenant examples
            QString multi = blocks.last();
            multi.replace(u"<TENANT_ID_WITH_APP_1>"_s, kT1).replace(u"<TENANT_ID_WITH_APP_N>"_s, kT2);
            multi.replace(u"<APP_ID>"_s, kApp).replace(u"<WORKSPACE_ID>"_s, kW1).replace(u"<WORKSPACE_ID_N>"_s, kW2);
            multi.replace(u"<APP_SECRET>"_s, u"seed-secret-1"_s).replace(u"<APP_SECRET_N>"_s, u"seed-secret-n"_s);
            r = importTenants(multi.toUtf8(), u"seed"_s);
            r.profile.misp.url = QUrl(u"https://misp.example.org"_s); // the wizard's MISP page adds it
            QCOMPARE(secretOf(r, secrets::clientSecretKeyName(u"seed"_s, kT2, kApp)), u"seed-secret-n"_s);
        } else if (kind == u"appsettings") {
            const QJsonArray settings {
                QJsonObject { { u"name"_s, u"tenants"_s },
                    { u"value"_s,
                        QString::fromUtf8(QJsonDocument(QJsonArray { QJsonObject { { u"tenantId"_s, kT1 },
                                                            { u"id"_s, kApp },
                                                            { u"secret"_s, u"as-secret-1"_s },
                                                            { u"workspaceId"_s, kW1 } } })
                                              .toJson(QJsonDocument::Compact)) } },
                QJsonObject { { u"name"_s, u"mispurl"_s }, { u"value"_s, u"https://misp.example.org"_s } },
                QJsonObject { { u"name"_s, u"mispkey"_s }, { u"value"_s, u"as-misp-key-1"_s } },
                QJsonObject { { u"name"_s, u"misp_event_filters"_s }, { u"value"_s, u"{\"published\":1}"_s } },
            };
            r = importAppSettings(QJsonDocument(settings).toJson(), u"azure"_s);
            QCOMPARE(secretOf(r, secrets::mispKeyName(u"azure"_s)), u"as-misp-key-1"_s);
        } else {
            QFile file(QStringLiteral(MSB_SOURCE_DIR "/tests/config/data/config.py"));
            QVERIFY(file.open(QIODevice::ReadOnly));
            QString source = QString::fromUtf8(file.readAll());
            source.replace(u"@TENANT@"_s, kT1).replace(u"@CLIENT@"_s, kApp).replace(u"@WORKSPACE@"_s, kW1);
            r = importConfigPy(source, u"script"_s);
        }
        QCOMPARE(r.profile.targets.size(), targets);
        QVERIFY(!r.secrets.isEmpty());
        QTemporaryDir dir;
        const QString ini = dir.filePath(u"settings.ini"_s);
        {
            QSettings settings(ini, QSettings::IniFormat);
            ProfileStore store(settings);
            const Status saved = store.save(r.profile);
            QVERIFY2(saved.ok(), qPrintable(saved.ok() ? QString() : saved.error().message));
        }
        QSettings settings(ini, QSettings::IniFormat);
        ProfileStore store(settings);
        const Result<Profile> loaded = store.load(r.profile.name);
        QVERIFY(loaded.ok());
        QVERIFY(loaded.value() == r.profile);
        QFile file(ini);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY(content.contains(kW1.toUtf8()));
        for (const PendingSecret &s : std::as_const(r.secrets))
            QVERIFY2(!content.contains(s.value.toUtf8()), qPrintable(s.what));
    }
};

QTEST_GUILESS_MAIN(TestImporters)
#include "tst_importers.moc"
