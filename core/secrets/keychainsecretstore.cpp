// SPDX-License-Identifier: BSD-2-Clause
#include "core/secrets/keychainsecretstore.h"

#include "core/log/logging.h"
#include "core/log/redact.h"
#include "core/secrets/secretkeys.h"

#include <QCoreApplication>
#include <qt6keychain/keychain.h>

using namespace Qt::Literals::StringLiterals;

namespace msb::secrets {

namespace {

QString tr(const char *text)
{
    return QCoreApplication::translate("msb::secrets::KeychainSecretStore", text);
}

} // namespace

KeychainSecretStore::KeychainSecretStore(QString service)
    : m_service(service.isEmpty() ? kServiceName.toString() : std::move(service))
{ }

QString KeychainSecretStore::displayName() const
{
    return tr("system keychain");
}

Error KeychainSecretStore::mapError(int keychainError, const QString &keychainMessage, const QString &key)
{
    // The keychain's own text can quote the key name but never the value; still pass it through
    // redaction in case a backend echoes something secret-shaped.
    const QString detail = msb::log::redact(keychainMessage);
    switch (keychainError) {
    case QKeychain::EntryNotFound:
        return { Error::Code::NotFound, tr("No secret is stored in the keychain for \"%1\".").arg(key) };
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return { Error::Code::KeychainDenied,
            tr("The system keychain refused access to \"%1\" (%2). The keyring is probably locked: unlock it "
               "(for example log in to the desktop session, or run gnome-keyring-daemon --unlock), or, for "
               "headless runs, pass the secret through the environment (MSB_MISP_KEY, MSB_CLIENT_SECRET...).")
                .arg(key, detail) };
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        return { Error::Code::KeychainUnavailable,
            tr("No system keychain answered for \"%1\" (%2). Start and unlock a Secret Service provider such as "
               "gnome-keyring or KWallet in this session (it needs a D-Bus session bus), or, for headless runs, "
               "pass the secret through the environment (MSB_MISP_KEY, MSB_CLIENT_SECRET...). Secrets are never "
               "written to a file instead.")
                .arg(key, detail) };
    case QKeychain::CouldNotDeleteEntry:
        return { Error::Code::Other, tr("The keychain could not delete \"%1\" (%2).").arg(key, detail) };
    default:
        return { Error::Code::Other, tr("Keychain error for \"%1\" (%2).").arg(key, detail) };
    }
}

void KeychainSecretStore::read(const QString &key, QObject *context, ReadCallback callback)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    QPointer<QObject> ctx(context);
    QObject::connect(job, &QKeychain::Job::finished, job, [ctx, key, callback](QKeychain::Job *finished) {
        Result<QString> result = Error {};
        if (finished->error() == QKeychain::NoError) {
            const QString value = static_cast<QKeychain::ReadPasswordJob *>(finished)->textData();
            msb::log::registerSecret(value);
            result = value;
        } else {
            result = mapError(finished->error(), finished->errorString(), key);
            msb::log::get("secrets")->debug("keychain read {} failed: {}", key, result.error().message);
        }
        // Captured by value: the job deletes itself right after this signal.
        deliverLater(ctx.data(), [callback, result = std::move(result)] { callback(result); });
    });
    job->start();
}

void KeychainSecretStore::write(const QString &key, const QString &value, QObject *context, StatusCallback callback)
{
    msb::log::registerSecret(value);
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    job->setTextData(value);
    QPointer<QObject> ctx(context);
    QObject::connect(job, &QKeychain::Job::finished, job, [ctx, key, callback](QKeychain::Job *finished) {
        Status status = Done {};
        if (finished->error() != QKeychain::NoError)
            status = mapError(finished->error(), finished->errorString(), key);
        deliverLater(ctx.data(), [callback, status] { callback(status); });
    });
    job->start();
}

void KeychainSecretStore::remove(const QString &key, QObject *context, StatusCallback callback)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setInsecureFallback(false);
    job->setKey(key);
    QPointer<QObject> ctx(context);
    QObject::connect(job, &QKeychain::Job::finished, job, [ctx, key, callback](QKeychain::Job *finished) {
        Status status = Done {};
        if (finished->error() != QKeychain::NoError && finished->error() != QKeychain::EntryNotFound)
            status = mapError(finished->error(), finished->errorString(), key);
        deliverLater(ctx.data(), [callback, status] { callback(status); });
    });
    job->start();
}

} // namespace msb::secrets
