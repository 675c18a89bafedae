// SPDX-License-Identifier: BSD-2-Clause
#include "app/cli/clisecrets.h"

#include "core/log/redact.h"

#include <QCoreApplication>

#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace msb::cli {

CliSecretStore::CliSecretStore(QProcessEnvironment environment, bool useKeychain)
    : m_environment(std::move(environment))
{
    if (useKeychain)
        m_keychain = std::make_unique<secrets::KeychainSecretStore>();
}

void CliSecretStore::read(const QString &key, QObject *context, secrets::ReadCallback callback)
{
    Result<QString> fromEnv = m_environment.lookup(key);
    const bool missing = !fromEnv.ok() && fromEnv.error().code == Error::Code::NotFound;
    if (!missing || !m_keychain) {
        if (!fromEnv.ok() && missing) {
            Error e = fromEnv.error();
            e.message = u"No secret for %1: set one of %2 (MSB_SECRETS=env: the keychain is not used)."_s.arg(
                key, secrets::EnvironmentSecretStore::variableNames(key).join(u", "_s));
            fromEnv = e;
        }
        secrets::deliverLater(context, [callback = std::move(callback), r = std::move(fromEnv)]() { callback(r); });
        return;
    }
    m_keychain->read(key, context, [key, callback = std::move(callback)](Result<QString> r) {
        if (!r.ok()) {
            // Say both places we looked, so a headless user knows the environment alternative.
            Error e = r.error();
            e.message += u" Headless alternative: set one of %1."_s.arg(
                secrets::EnvironmentSecretStore::variableNames(key).join(u", "_s));
            callback(e);
            return;
        }
        callback(std::move(r));
    });
}

void CliSecretStore::write(const QString &key, const QString &value, QObject *context, secrets::StatusCallback callback)
{
    if (!m_keychain) {
        secrets::deliverLater(context, [callback = std::move(callback)]() {
            callback(Error { Error::Code::KeychainUnavailable,
                u"MSB_SECRETS=env is set: secrets cannot be stored in the keychain."_s });
        });
        return;
    }
    m_keychain->write(key, value, context, std::move(callback));
}

void CliSecretStore::remove(const QString &key, QObject *context, secrets::StatusCallback callback)
{
    if (!m_keychain) {
        secrets::deliverLater(context, [callback = std::move(callback)]() { callback(Done {}); });
        return;
    }
    m_keychain->remove(key, context, std::move(callback));
}

QString CliSecretStore::displayName() const
{
    return m_keychain ? u"environment, then %1"_s.arg(m_keychain->displayName()) : m_environment.displayName();
}

Result<QProcessEnvironment> readSecretsFromStdin(std::FILE *in, QProcessEnvironment base)
{
    constexpr int kMaxLines = 1000;
    constexpr int kMaxLine = 64 * 1024;
    QByteArray buffer(kMaxLine + 2, '\0');
    for (int lineNo = 1; lineNo <= kMaxLines + 1; ++lineNo) {
        if (!std::fgets(buffer.data(), int(buffer.size()), in))
            return base;
        if (lineNo > kMaxLines)
            break;
        QByteArray line(buffer.constData(), qsizetype(std::strlen(buffer.constData())));
        if (line.size() > kMaxLine)
            return Error { Error::Code::InvalidInput,
                u"secrets on stdin: line %1 is longer than 64 KiB."_s.arg(lineNo) };
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        const QByteArray trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith('#'))
            continue;
        const qsizetype eq = line.indexOf('=');
        if (eq <= 0)
            return Error { Error::Code::InvalidInput, u"secrets on stdin: line %1 is not NAME=VALUE."_s.arg(lineNo) };
        const QString name = QString::fromUtf8(line.left(eq)).trimmed();
        const QString value = QString::fromUtf8(line.mid(eq + 1));
        log::registerSecret(value);
        base.insert(name, value);
    }
    return Error { Error::Code::InvalidInput, u"secrets on stdin: more than %1 lines."_s.arg(kMaxLines) };
}

Result<std::unique_ptr<CliSecretStore>> makeCliSecretStore(bool secretsFromStdin)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (secretsFromStdin) {
        Result<QProcessEnvironment> merged = readSecretsFromStdin(stdin, env);
        if (!merged.ok())
            return merged.error();
        env = std::move(merged).value();
    }
    const bool useKeychain = qEnvironmentVariable("MSB_SECRETS").compare(u"env"_s, Qt::CaseInsensitive) != 0;
    return std::make_unique<CliSecretStore>(std::move(env), useKeychain);
}

} // namespace msb::cli
