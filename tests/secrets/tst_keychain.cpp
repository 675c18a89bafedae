// SPDX-License-Identifier: BSD-2-Clause
#include "core/secrets/keychainsecretstore.h"
#include "core/secrets/secretkeys.h"

#include <QDateTime>
#include <QTest>
#include <QUuid>

#include <optional>

using namespace Qt::Literals::StringLiterals;
using namespace msb;
using namespace msb::secrets;

/// Round trip on the real OS keychain. Without one it skips, unless MSB_REQUIRE_KEYCHAIN=1 (CI),
/// where an unusable keychain is a failure.
class TestKeychain final : public QObject
{
    Q_OBJECT

    bool required() const { return qEnvironmentVariableIntValue("MSB_REQUIRE_KEYCHAIN") == 1; }

    template <typename T> bool waitFor(std::optional<T> &slot)
    {
        // gnome-keyring can hang on a prompt under Xvfb; bounded wait, ctest's timeout is the backstop.
        return QTest::qWaitFor([&] { return slot.has_value(); }, 20000);
    }

private Q_SLOTS:
    void roundTrip()
    {
        KeychainSecretStore store(u"org.mispsentinelbridge.test"_s);
        QObject context;
        const QString key
            = clientSecretKeyName(u"keychain-test-"_s + QUuid::createUuid().toString(QUuid::WithoutBraces),
                u"11111111-2222-3333-4444-555555555555"_s,
                u"aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee"_s);
        const QString value = u"kc-"_s + QUuid::createUuid().toString(QUuid::Id128) + u"-ü€"_s;

        std::optional<Status> written;
        store.write(key, value, &context, [&](Status s) { written = s; });
        QVERIFY2(!written.has_value(), "the callback must run later, not inside write()");
        if (!waitFor(written)) {
            if (required())
                QFAIL("the keychain did not answer within 20 s (MSB_REQUIRE_KEYCHAIN=1)");
            QSKIP("the keychain did not answer (no unlocked Secret Service in this session)");
        }
        if (!written->ok()) {
            const Error &e = written->error();
            QVERIFY2(e.code == Error::Code::KeychainUnavailable || e.code == Error::Code::KeychainDenied,
                qPrintable(e.message));
            QVERIFY2(!e.message.contains(value), "error text must not contain the secret");
            if (required())
                QFAIL(qPrintable(u"keychain unusable although MSB_REQUIRE_KEYCHAIN=1: "_s + e.message));
            QSKIP(qPrintable(u"no usable keychain: "_s + e.message));
        }

        std::optional<Result<QString>> read;
        store.read(key, &context, [&](Result<QString> r) { read = r; });
        QVERIFY(waitFor(read));
        QVERIFY2(read->ok(), qPrintable(read->ok() ? QString() : read->error().message));
        QCOMPARE(read->value(), value);

        // Overwrite keeps one entry with the new value.
        written.reset();
        store.write(key, value + u"2"_s, &context, [&](Status s) { written = s; });
        QVERIFY(waitFor(written));
        QVERIFY(written->ok());
        read.reset();
        store.read(key, &context, [&](Result<QString> r) { read = r; });
        QVERIFY(waitFor(read));
        QCOMPARE(read->value(), value + u"2"_s);

        std::optional<Status> removed;
        store.remove(key, &context, [&](Status s) { removed = s; });
        QVERIFY(waitFor(removed));
        QVERIFY2(removed->ok(), qPrintable(removed->ok() ? QString() : removed->error().message));

        read.reset();
        store.read(key, &context, [&](Result<QString> r) { read = r; });
        QVERIFY(waitFor(read));
        QVERIFY(!read->ok());
        QCOMPARE(int(read->error().code), int(Error::Code::NotFound));

        // Removing a missing entry is not an error.
        removed.reset();
        store.remove(key, &context, [&](Status s) { removed = s; });
        QVERIFY(waitFor(removed));
        QVERIFY(removed->ok());
    }
};

QTEST_GUILESS_MAIN(TestKeychain)
#include "tst_keychain.moc"
