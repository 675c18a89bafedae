// SPDX-License-Identifier: BSD-2-Clause
#include "ui/guithreadsecretstore.h"

#include <QCoreApplication>

namespace msb::ui {

namespace {

/// Delivers `answer` on the thread of `context` (dropped when the context is gone).
template <typename T> std::function<void(T)> backTo(QObject *context, std::function<void(T)> callback)
{
    QPointer<QObject> ctx(context);
    return [ctx, callback = std::move(callback)](T value) {
        if (ctx)
            QMetaObject::invokeMethod(
                ctx.data(), [callback, value = std::move(value)] { callback(value); }, Qt::QueuedConnection);
    };
}

/// The GUI-side home object is gone (application shutting down): every call answers this.
Error storeGone()
{
    return Error { Error::Code::Other,
        QCoreApplication::translate("msb::ui::GuiThreadSecretStore", "The secret store is no longer available.") };
}

} // namespace

GuiThreadSecretStore::GuiThreadSecretStore(std::shared_ptr<secrets::SecretStore> inner, QObject *home)
    : m_inner(std::move(inner))
    , m_home(home)
{ }

void GuiThreadSecretStore::read(const QString &key, QObject *context, secrets::ReadCallback callback)
{
    auto answer = backTo<Result<QString>>(context, std::move(callback));
    if (!m_home) {
        answer(storeGone());
        return;
    }
    QMetaObject::invokeMethod(
        m_home.data(),
        [inner = m_inner, home = m_home, key, answer] { inner->read(key, home.data(), answer); },
        Qt::QueuedConnection);
}

void GuiThreadSecretStore::write(
    const QString &key, const QString &value, QObject *context, secrets::StatusCallback callback)
{
    auto answer = backTo<Status>(context, std::move(callback));
    if (!m_home) {
        answer(storeGone());
        return;
    }
    QMetaObject::invokeMethod(
        m_home.data(),
        [inner = m_inner, home = m_home, key, value, answer] { inner->write(key, value, home.data(), answer); },
        Qt::QueuedConnection);
}

void GuiThreadSecretStore::remove(const QString &key, QObject *context, secrets::StatusCallback callback)
{
    auto answer = backTo<Status>(context, std::move(callback));
    if (!m_home) {
        answer(storeGone());
        return;
    }
    QMetaObject::invokeMethod(
        m_home.data(),
        [inner = m_inner, home = m_home, key, answer] { inner->remove(key, home.data(), answer); },
        Qt::QueuedConnection);
}

QString GuiThreadSecretStore::displayName() const
{
    return m_inner->displayName();
}

} // namespace msb::ui
