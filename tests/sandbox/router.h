// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "tests/sandbox/httpmessage.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace msb::sandbox {

/// A route handler. Runs on the thread of the server; must not block.
using Handler = std::function<HttpResponse(const HttpRequest &request)>;

/// Maps (method, path pattern) to handlers.
///
/// Patterns are split at '/'. A segment is either a literal ("oauth2", "threat-intelligence-stix-objects:upload"),
/// a placeholder "{name}" matching exactly one non-empty segment, or a trailing "{name*}" matching one or more
/// segments (joined with '/'). When several routes match, the one with the most literal segments wins.
/// Not thread-safe: add routes before the server starts.
class Router final
{
public:
    struct Route
    {
        QByteArray method; ///< "GET", "POST", or "*" for any
        QString pattern;
        QString name; ///< fault plans and counters are keyed by it
        Handler handler;
        bool internal = false; ///< sandbox read-back routes: global faults never hit them
        QStringList segments;
        int literalCount = 0;
    };

    /// Adds a route. name defaults to the pattern.
    void add(
        const QByteArray &method, const QString &pattern, const QString &name, Handler handler, bool internal = false);
    /// Like add(), for sandbox-only helper routes.
    void addInternal(const QByteArray &method, const QString &pattern, const QString &name, Handler handler)
    {
        add(method, pattern, name, std::move(handler), true);
    }

    /// The best route for the request, nullptr if none. params receives the placeholder values.
    /// pathKnown is set when the path matched some route but not for this method (405).
    const Route *match(const QByteArray &method,
        const QString &path,
        QHash<QString, QString> *params,
        bool *pathKnown = nullptr) const;

    /// Answer for unmatched paths. Default: the API-Management 404 {"statusCode":404,"message":"Resource not found"}.
    void setNotFoundHandler(Handler handler) { m_notFound = std::move(handler); }
    HttpResponse notFound(const HttpRequest &request) const;

    const QList<Route> &routes() const { return m_routes; }

private:
    QList<Route> m_routes;
    Handler m_notFound;
};

} // namespace msb::sandbox
