// SPDX-License-Identifier: BSD-2-Clause
#include "core/secrets/layeredsecretstore.h"

using namespace Qt::Literals::StringLiterals;

namespace msb::secrets {

LayeredSecretStore::LayeredSecretStore(const QProcessEnvironment &environment, bool useKeychain)
    : m_environment(environment)
{
    if (useKeychain)
        m_keychain = std::make_unique<KeychainSecretStore>();
}

std::unique_ptr<LayeredSecretStore> LayeredSecretStore::fromEnvironment(const QProcessEnvironment &environment)
{
    const bool useKeychain = environment.value(u"MSB_SECRETS"_s).compare(u"env"_s, Qt::CaseInsensitive) != 0;
    return std::make_unique<LayeredSecretStore>(environment, useKeychain);
}

void LayeredSecretStore::read(const QString &key, QObject *context, ReadCallback callback)
{
    Result<QString> fromEnv = m_environment.lookup(key);
    const bool missing = !fromEnv.ok() && fromEnv.error().code == Error::Code::NotFound;
    if (!missing || !m_keychain) {
        if (!fromEnv.ok() && missing) {
            Error e = fromEnv.error();
            e.message = u"No secret for %1: set one of %2 (MSB_SECRETS=env: the keychain is not used)."_s.arg(
                key, EnvironmentSecretStore::variableNames(key).join(u", "_s));
            fromEnv = e;
        }
        deliverLater(context, [callback = std::move(callback), r = std::move(fromEnv)]() { callback(r); });
        return;
    }
    m_keychain->read(key, context, [key, callback = std::move(callback)](Result<QString> r) {
        if (!r.ok()) {
            // Say both places we looked, so a headless user knows the environment alternative.
            Error e = r.error();
            e.message += u" Headless alternative: set one of %1."_s.arg(
                EnvironmentSecretStore::variableNames(key).join(u", "_s));
            callback(e);
            return;
        }
        callback(std::move(r));
    });
}

void LayeredSecretStore::write(const QString &key, const QString &value, QObject *context, StatusCallback callback)
{
    if (!m_keychain) {
        deliverLater(context, [callback = std::move(callback)]() {
            callback(Error { Error::Code::KeychainUnavailable,
                u"MSB_SECRETS=env is set: secrets cannot be stored in the keychain."_s });
        });
        return;
    }
    m_keychain->write(key, value, context, std::move(callback));
}

void LayeredSecretStore::remove(const QString &key, QObject *context, StatusCallback callback)
{
    if (!m_keychain) {
        deliverLater(context, [callback = std::move(callback)]() { callback(Done {}); });
        return;
    }
    m_keychain->remove(key, context, std::move(callback));
}

QString LayeredSecretStore::displayName() const
{
    return m_keychain ? u"environment, then %1"_s.arg(m_keychain->displayName()) : m_environment.displayName();
}

} // namespace msb::secrets
