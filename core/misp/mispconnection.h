// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/net/httpdefaults.h"
#include "core/net/retrypolicy.h"
#include "core/net/tlstrust.h"
#include "core/util/result.h"

#include <QString>
#include <QUrl>

#include <chrono>
#include <optional>

namespace msb::misp {

/// Where a MISP instance (or a feed URL) is and how to talk to it. Plain value type.
/// The API key is a secret: it is registered with the log redaction on first use, never logged,
/// never put into error texts (URLs in messages go through msb::log::redactUrl).
struct MispConnection
{
    QUrl baseUrl; ///< MISP root, e.g. https://misp.example.org (a path prefix is kept)
    QString apiKey; ///< sent as "Authorization: <key>"; may be empty for public feeds
    net::TlsTrust trust;
    net::ProxySettings proxy;
    std::chrono::milliseconds timeout = net::kDefaultRequestTimeout; ///< per request (no progress for this long)
    net::RetryPolicy retry; ///< transient failures per request
    int pageSize = 100; ///< events per restSearch page (misp2sentinel's misp_event_limit_per_page)
    int maxPages = 100'000; ///< hard bound on pages per run
    int maxConsecutiveFailedPages = 3; ///< after this many failed pages in a row the run stops (reported)

    /// Checks everything that can be checked without the network: URL allowed (https, or http to
    /// loopback), CA file readable, pin well-formed, sane page size. The error says what to fix.
    Status validate() const;
    /// baseUrl + path ("/events/restSearch"), keeping a base path prefix.
    QUrl endpoint(const QString &path) const;
};

/// One failure talking to MISP, with the certificate when TLS refused the server.
struct RequestFailure
{
    Error error;
    std::optional<net::CertificateDetails> certificate; ///< set on TLS failures, for the "pin it?" dialog
    int attempts = 0;
};

} // namespace msb::misp
