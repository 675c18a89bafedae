// SPDX-License-Identifier: BSD-2-Clause
#include "core/log/redact.h"
#include "core/secrets/environmentsecretstore.h"
#include "core/secrets/indexedsecretstore.h"
#include "core/secrets/inmemorysecretstore.h"
#include "core/secrets/keychainsecretstore.h"
#include "core/secrets/secretkeys.h"
#include "core/secrets/stdinsecret.h"

#include <QSettings>
#include <QTemporaryDir>
#include <QTest>

#include <cstdio>
#include <memory>
#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace msb;
using namespace msb::secrets;

namespace {
const QString kTenant = u"11111111-2222-3333-4444-555555555555"_s;
const QString kClient = u"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"_s;
// QKeychain::Error values (core links QtKeychain privately; tests see only our API).
constexpr int kEntryNotFound = 1, kAccessDenied = 4, kNoBackendAvailable = 5, kOtherError = 7;
} // namespace

class TestSecretStores final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { log::clearRegisteredSecrets(); }

    void keyNames()
    {
        QCOMPARE(mispKeyName(u"prod"_s), u"profile/prod/misp-key"_s);
        const QString key = clientSecretKeyName(u"prod"_s, kTenant.toUpper(), u" "_s + kClient);
        QCOMPARE(key, u"profile/prod/tenant/"_s + kTenant + u"/client/"_s + kClient + u"/secret"_s);
        const ParsedKey parsed = parseKeyName(key);
        QCOMPARE(parsed.kind, u"client-secret"_s);
        QCOMPARE(parsed.profile, u"prod"_s);
        QCOMPARE(parsed.tenantId, kTenant);
        QCOMPARE(parsed.clientId, kClient);
        QCOMPARE(parseKeyName(mispKeyName(u"x"_s)).kind, u"misp-key"_s);
        QVERIFY(parseKeyName(u"profile/x/other"_s).kind.isEmpty());
    }

    void inMemoryCallbacksRunLater()
    {
        InMemorySecretStore store;
        QObject context;
        bool written = false;
        store.write(u"k"_s, u"value-1234"_s, &context, [&](Status s) {
            QVERIFY(s.ok());
            written = true;
        });
        QVERIFY(!written); // never inside the call
        QTRY_VERIFY(written);
        // The value is registered for redaction as soon as it is stored.
        QCOMPARE(log::redact(u"x value-1234 y"_s), u"x *** y"_s);

        std::optional<Result<QString>> got;
        store.read(u"k"_s, &context, [&](Result<QString> r) { got = r; });
        QVERIFY(!got);
        QTRY_VERIFY(got.has_value());
        QCOMPARE(got->value(), u"value-1234"_s);

        got.reset();
        store.read(u"missing"_s, &context, [&](Result<QString> r) { got = r; });
        QTRY_VERIFY(got.has_value());
        QCOMPARE(int(got->error().code), int(Error::Code::NotFound));
    }

    void callbackDroppedWhenContextDies()
    {
        InMemorySecretStore store;
        bool called = false;
        auto context = std::make_unique<QObject>();
        store.write(u"k"_s, u"v"_s, context.get(), [&](Status) { called = true; });
        context.reset();
        QTest::qWait(50);
        QVERIFY(!called);
        // The write itself happened; only the callback was dropped.
        QCOMPARE(store.contents().value(u"k"_s), u"v"_s);
    }

    void injectedFailure()
    {
        InMemorySecretStore store;
        store.failWith({ Error::Code::KeychainDenied, u"locked"_s });
        QObject context;
        std::optional<Status> st;
        store.write(u"k"_s, u"v"_s, &context, [&](Status s) { st = s; });
        QTRY_VERIFY(st.has_value());
        QCOMPARE(int(st->error().code), int(Error::Code::KeychainDenied));
        QVERIFY(store.contents().isEmpty());
    }

    void indexKeepsNamesOnly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(u"s.ini"_s);
        InMemorySecretStore inner;
        QObject context;
        {
            QSettings settings(path, QSettings::IniFormat);
            IndexedSecretStore store(inner, settings);
            int done = 0;
            store.write(mispKeyName(u"a"_s), u"secret-value-A1"_s, &context, [&](Status) { ++done; });
            store.write(mispKeyName(u"b"_s), u"secret-value-B2"_s, &context, [&](Status) { ++done; });
            QTRY_COMPARE(done, 2);
            QCOMPARE(store.keys(), QStringList({ mispKeyName(u"a"_s), mispKeyName(u"b"_s) }));
            QCOMPARE(store.keysOfProfile(u"b"_s), QStringList { mispKeyName(u"b"_s) });
            store.remove(mispKeyName(u"a"_s), &context, [&](Status) { ++done; });
            QTRY_COMPARE(done, 3);
            QCOMPARE(store.keys(), QStringList { mispKeyName(u"b"_s) });
        }
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray ini = file.readAll();
        QVERIFY(ini.contains("profile/b/misp-key"));
        QVERIFY(!ini.contains("secret-value"));
    }

    void environmentLookup_data()
    {
        QTest::addColumn<QStringList>("env");
        QTest::addColumn<QString>("key");
        QTest::addColumn<QString>("expected"); // empty: NotFound
        const QString client = clientSecretKeyName(u"prod"_s, kTenant, kClient);
        const QString tenantsArray = u"tenants=[{\"tenantId\":\""_s + kTenant + u"\",\"id\":\""_s + kClient
            + u"\",\"secret\":\"from-tenants\",\"workspaceId\":\"w\"}]"_s;
        const QString tenantsDict
            = u"tenants={\""_s + kTenant.toUpper() + u"\":{\"id\":\""_s + kClient + u"\",\"secret\":\"from-dict\"}}"_s;
        QTest::newRow("profile-specific misp key")
            << QStringList { u"MSB_MISP_KEY_PROD_EU=specific"_s, u"MSB_MISP_KEY=generic"_s }
            << mispKeyName(u"prod-eu"_s) << u"specific"_s;
        QTest::newRow("generic misp key")
            << QStringList { u"MSB_MISP_KEY=generic"_s, u"mispkey=m2s"_s } << mispKeyName(u"prod"_s) << u"generic"_s;
        QTest::newRow("misp2sentinel mispkey")
            << QStringList { u"mispkey=m2s-key"_s } << mispKeyName(u"prod"_s) << u"m2s-key"_s;
        QTest::newRow("per tenant+client") << QStringList {
            u"MSB_CLIENT_SECRET_11111111_2222_3333_4444_555555555555_AAAAAAAA_BBBB_CCCC_DDDD_EEEEEEEEEEEE=exact"_s,
            u"MSB_CLIENT_SECRET=generic"_s
        } << client << u"exact"_s;
        QTest::newRow("tenants array") << QStringList { tenantsArray } << client << u"from-tenants"_s;
        QTest::newRow("tenants dict") << QStringList { tenantsDict } << client << u"from-dict"_s;
        QTest::newRow("tenants other client")
            << QStringList { tenantsArray } << clientSecretKeyName(u"prod"_s, kTenant, kTenant) << QString();
        QTest::newRow("single tenant") << QStringList { u"client_secret=single"_s, u"client_id="_s + kClient } << client
                                       << u"single"_s;
        QTest::newRow("single tenant other client")
            << QStringList { u"client_secret=single"_s, u"client_id="_s + kTenant } << client << QString();
        QTest::newRow("nothing") << QStringList {} << client << QString();
    }

    void environmentLookup()
    {
        QFETCH(QStringList, env);
        QFETCH(QString, key);
        QFETCH(QString, expected);
        QProcessEnvironment pe;
        for (const QString &kv : std::as_const(env))
            pe.insert(kv.section(u'=', 0, 0), kv.section(u'=', 1));
        EnvironmentSecretStore store(pe);
        QObject context;
        std::optional<Result<QString>> got;
        store.read(key, &context, [&](Result<QString> r) { got = r; });
        QTRY_VERIFY(got.has_value());
        if (expected.isEmpty()) {
            QVERIFY(!got->ok());
            QCOMPARE(int(got->error().code), int(Error::Code::NotFound));
            // The message tells which variables to set.
            QVERIFY2(got->error().message.contains(EnvironmentSecretStore::variableNames(key).first()),
                qPrintable(got->error().message));
        } else {
            QVERIFY2(got->ok(), qPrintable(got->ok() ? QString() : got->error().message));
            QCOMPARE(got->value(), expected);
        }
    }

    void environmentRefusesKeyVaultReferenceAndWrites()
    {
        QProcessEnvironment pe;
        pe.insert(u"mispkey"_s, u"@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/MISP-Key/)"_s);
        EnvironmentSecretStore store(pe);
        const Result<QString> r = store.lookup(mispKeyName(u"p"_s));
        QVERIFY(!r.ok());
        QCOMPARE(int(r.error().code), int(Error::Code::Configuration));
        QVERIFY(r.error().message.contains(u"Key Vault"_s));
        QObject context;
        std::optional<Status> st;
        store.write(mispKeyName(u"p"_s), u"x"_s, &context, [&](Status s) { st = s; });
        QTRY_VERIFY(st.has_value());
        QCOMPARE(int(st->error().code), int(Error::Code::InvalidInput));
    }

    void keychainErrorMapping_data()
    {
        QTest::addColumn<int>("keychainError");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no dbus") << kOtherError << int(Error::Code::KeychainUnavailable) << u"gnome-keyring"_s;
        QTest::newRow("no backend") << kNoBackendAvailable << int(Error::Code::KeychainUnavailable)
                                    << u"MSB_MISP_KEY"_s;
        QTest::newRow("locked") << kAccessDenied << int(Error::Code::KeychainDenied) << u"unlock"_s;
        QTest::newRow("missing") << kEntryNotFound << int(Error::Code::NotFound) << u"profile/p"_s;
    }

    void keychainErrorMapping()
    {
        QFETCH(int, keychainError);
        QFETCH(int, code);
        QFETCH(QString, mentions);
        const Error e
            = KeychainSecretStore::mapError(keychainError, u"Cannot autolaunch D-Bus"_s, u"profile/p/misp-key"_s);
        QCOMPARE(int(e.code), code);
        QVERIFY2(e.message.contains(mentions), qPrintable(e.message));
    }

    void stdinLine_data()
    {
        QTest::addColumn<QByteArray>("input");
        QTest::addColumn<QString>("expected"); // empty: error
        QTest::newRow("lf") << QByteArray("s3cr3t-value\nnext\n") << u"s3cr3t-value"_s;
        QTest::newRow("crlf") << QByteArray("s3cr3t-value\r\n") << u"s3cr3t-value"_s;
        QTest::newRow("no newline") << QByteArray("tail-secret") << u"tail-secret"_s;
        QTest::newRow("utf8") << QByteArray("gr\xc3\xbc\xc3\x9f-secret\n") << u"grüß-secret"_s;
        QTest::newRow("empty") << QByteArray("\n") << QString();
        QTest::newRow("eof") << QByteArray() << QString();
    }

    void stdinLine()
    {
        QFETCH(QByteArray, input);
        QFETCH(QString, expected);
        std::FILE *f = std::tmpfile();
        QVERIFY(f);
        std::fwrite(input.constData(), 1, size_t(input.size()), f);
        std::rewind(f);
        const Result<QString> r = readSecretLine(f, u"client secret"_s);
        std::fclose(f);
        if (expected.isEmpty()) {
            QVERIFY(!r.ok());
            QVERIFY(r.error().message.contains(u"client secret"_s));
        } else {
            QVERIFY(r.ok());
            QCOMPARE(r.value(), expected);
            QCOMPARE(log::redact(u"it is "_s + expected), u"it is ***"_s);
        }
    }
};

QTEST_GUILESS_MAIN(TestSecretStores)
#include "tst_secretstores.moc"
