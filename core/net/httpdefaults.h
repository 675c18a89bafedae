// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QByteArray>
#include <QNetworkProxy>
#include <QString>
#include <QUrl>

#include <chrono>

class QNetworkAccessManager;
class QNetworkReply;
class QNetworkRequest;

namespace msb::net {

/// "misp-sentinel-bridge/<version>", sent on every request we make.
QByteArray userAgent();

/// Default per-request timeout (transfer timeout: no progress for this long aborts the request).
inline constexpr std::chrono::milliseconds kDefaultRequestTimeout { 60'000 };

/// Which proxy outgoing requests use.
struct ProxySettings
{
    enum class Mode { System, None, Explicit };
    Mode mode = Mode::System;
    QUrl url; ///< Explicit only: http://host:port or socks5://host:port; user info is not stored here

    /// Parses "system", "none"/"direct" or a proxy URL. An empty string means System.
    static ProxySettings fromString(const QString &text);
    QString toString() const;
};

/// Sets the proxy of a manager. System mode consults the platform (and http(s)_proxy variables)
/// per request through QNetworkProxyFactory; loopback hosts always go direct.
void applyProxy(QNetworkAccessManager &manager, const ProxySettings &settings);

/// Sets user agent, JSON Accept, a same-origin redirect policy and the transfer timeout.
/// Every request we send goes through this, so none is without a timeout.
void prepareRequest(QNetworkRequest &request, std::chrono::milliseconds timeout = kDefaultRequestTimeout);

/// The HTTP status of a finished reply, 0 when none was received.
int httpStatus(const QNetworkReply *reply);

} // namespace msb::net
