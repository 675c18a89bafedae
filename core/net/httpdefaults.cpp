// SPDX-License-Identifier: BSD-2-Clause
#include "core/net/httpdefaults.h"

#include "core/net/tlstrust.h"

#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QNetworkRequest>

namespace msb::net {
using namespace Qt::Literals::StringLiterals;

namespace {

/// System proxy, but never for loopback: the local sandbox and emulators must not go through it.
class SystemProxyFactory final : public QNetworkProxyFactory
{
public:
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override
    {
        if (isLoopbackHost(query.peerHostName()))
            return { QNetworkProxy(QNetworkProxy::NoProxy) };
        return systemProxyForQuery(query);
    }
};

class ExplicitProxyFactory final : public QNetworkProxyFactory
{
public:
    explicit ExplicitProxyFactory(const QNetworkProxy &proxy)
        : m_proxy(proxy)
    { }
    QList<QNetworkProxy> queryProxy(const QNetworkProxyQuery &query) override
    {
        if (isLoopbackHost(query.peerHostName()))
            return { QNetworkProxy(QNetworkProxy::NoProxy) };
        return { m_proxy };
    }

private:
    QNetworkProxy m_proxy;
};

} // namespace

QByteArray userAgent()
{
    return QByteArrayLiteral("misp-sentinel-bridge/" MSB_VERSION);
}

ProxySettings ProxySettings::fromString(const QString &text)
{
    ProxySettings settings;
    const QString trimmed = text.trimmed();
    if (trimmed.isEmpty() || trimmed.compare(u"system"_s, Qt::CaseInsensitive) == 0)
        return settings;
    if (trimmed.compare(u"none"_s, Qt::CaseInsensitive) == 0
        || trimmed.compare(u"direct"_s, Qt::CaseInsensitive) == 0) {
        settings.mode = Mode::None;
        return settings;
    }
    settings.mode = Mode::Explicit;
    settings.url = QUrl(trimmed, QUrl::StrictMode);
    return settings;
}

QString ProxySettings::toString() const
{
    switch (mode) {
    case Mode::System:
        return u"system"_s;
    case Mode::None:
        return u"none"_s;
    case Mode::Explicit:
        return url.toString(QUrl::RemoveUserInfo);
    }
    return {};
}

void applyProxy(QNetworkAccessManager &manager, const ProxySettings &settings)
{
    switch (settings.mode) {
    case ProxySettings::Mode::System:
        manager.setProxyFactory(new SystemProxyFactory); // the manager takes ownership
        break;
    case ProxySettings::Mode::None:
        manager.setProxyFactory(nullptr);
        manager.setProxy(QNetworkProxy(QNetworkProxy::NoProxy));
        break;
    case ProxySettings::Mode::Explicit: {
        const bool socks = settings.url.scheme().startsWith(u"socks"_s, Qt::CaseInsensitive);
        QNetworkProxy proxy(socks ? QNetworkProxy::Socks5Proxy : QNetworkProxy::HttpProxy,
            settings.url.host(),
            quint16(settings.url.port(socks ? 1080 : 8080)),
            settings.url.userName(),
            settings.url.password());
        manager.setProxyFactory(new ExplicitProxyFactory(proxy));
        break;
    }
    }
}

void prepareRequest(QNetworkRequest &request, std::chrono::milliseconds timeout)
{
    request.setHeader(QNetworkRequest::UserAgentHeader, userAgent());
    request.setRawHeader("Accept", "application/json");
    request.setTransferTimeout(int(timeout.count()));
    // Same origin only: the Authorization header must never follow a redirect to another host.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::SameOriginRedirectPolicy);
    request.setMaximumRedirectsAllowed(5);
}

int httpStatus(const QNetworkReply *reply)
{
    return reply ? reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() : 0;
}

} // namespace msb::net
