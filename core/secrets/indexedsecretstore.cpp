// SPDX-License-Identifier: BSD-2-Clause
#include "core/secrets/indexedsecretstore.h"

#include <QSettings>

using namespace Qt::Literals::StringLiterals;

namespace msb::secrets {

namespace {
const QString kIndexKey = u"Secrets/index"_s;
}

IndexedSecretStore::IndexedSecretStore(SecretStore &inner, QSettings &settings)
    : m_inner(inner)
    , m_settings(settings)
{ }

QString IndexedSecretStore::displayName() const
{
    return m_inner.displayName();
}

QStringList IndexedSecretStore::keys() const
{
    return m_settings.value(kIndexKey).toStringList();
}

QStringList IndexedSecretStore::keysOfProfile(const QString &profile) const
{
    const QString prefix = u"profile/"_s + profile + u'/';
    QStringList out;
    const QStringList all = keys();
    for (const QString &key : all) {
        if (key.startsWith(prefix))
            out.append(key);
    }
    return out;
}

void IndexedSecretStore::setKeys(const QStringList &keys)
{
    QStringList sorted = keys;
    sorted.removeDuplicates();
    sorted.sort();
    if (sorted.isEmpty())
        m_settings.remove(kIndexKey);
    else
        m_settings.setValue(kIndexKey, sorted);
}

void IndexedSecretStore::read(const QString &key, QObject *context, ReadCallback callback)
{
    m_inner.read(key, context, std::move(callback));
}

void IndexedSecretStore::write(const QString &key, const QString &value, QObject *context, StatusCallback callback)
{
    // The inner callback runs on context's thread, the thread this store lives on.
    m_inner.write(key, value, context, [this, key, callback](const Status &status) {
        if (status.ok())
            setKeys(keys() << key);
        callback(status);
    });
}

void IndexedSecretStore::remove(const QString &key, QObject *context, StatusCallback callback)
{
    m_inner.remove(key, context, [this, key, callback](const Status &status) {
        if (status.ok()) {
            QStringList all = keys();
            all.removeAll(key);
            setKeys(all);
        }
        callback(status);
    });
}

} // namespace msb::secrets
