// SPDX-License-Identifier: BSD-2-Clause
#include "core/misp/mispconnection.h"

#include "core/log/redact.h"

namespace msb::misp {
using namespace Qt::Literals::StringLiterals;

Status MispConnection::validate() const
{
    QString why;
    if (!net::isAllowedUrl(baseUrl, &why))
        return Error { Error::Code::Configuration, u"MISP URL %1: %2"_s.arg(log::redactUrl(baseUrl), why), 0 };
    if (!baseUrl.userInfo().isEmpty())
        return Error { Error::Code::Configuration,
            u"MISP URL %1 must not carry a user name or password; use the API key"_s.arg(log::redactUrl(baseUrl)),
            0 };
    if (!trust.caFile.isEmpty()) {
        if (auto ca = net::loadCaFile(trust.caFile); !ca)
            return ca.error();
    }
    if (!trust.pinnedSha256Hex.isEmpty()) {
        const QByteArray pin = net::normalisePin(QString::fromLatin1(trust.pinnedSha256Hex));
        bool hex = pin.size() == 64;
        for (const char c : pin)
            hex = hex && ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'));
        if (!hex)
            return Error {
                Error::Code::Configuration, u"the pinned certificate fingerprint must be a SHA-256 (64 hex digits)"_s, 0
            };
    }
    if (pageSize < 1 || pageSize > 10'000)
        return Error {
            Error::Code::Configuration, u"MISP page size %1 is out of range (1 to 10000)"_s.arg(pageSize), 0
        };
    if (timeout.count() < 1000)
        return Error { Error::Code::Configuration, u"MISP request timeout must be at least 1 s"_s, 0 };
    if (maxPages < 1 || maxConsecutiveFailedPages < 1 || retry.maxAttempts < 1)
        return Error { Error::Code::Configuration, u"MISP paging and retry bounds must be positive"_s, 0 };
    return Done {};
}

QUrl MispConnection::endpoint(const QString &path) const
{
    QUrl url = baseUrl;
    QString prefix = url.path();
    while (prefix.endsWith(u'/'))
        prefix.chop(1);
    url.setPath(prefix + (path.startsWith(u'/') ? path : u'/' + path));
    url.setQuery(QString());
    url.setFragment(QString());
    return url;
}

} // namespace msb::misp
