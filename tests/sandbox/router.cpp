// SPDX-License-Identifier: BSD-2-Clause
#include "tests/sandbox/router.h"

using namespace Qt::Literals::StringLiterals;

namespace msb::sandbox {

namespace {

bool isPlaceholder(const QString &segment)
{
    return segment.size() > 2 && segment.startsWith(u'{') && segment.endsWith(u'}');
}

bool matchSegments(const QStringList &pattern, const QStringList &path, QHash<QString, QString> *params)
{
    QHash<QString, QString> found;
    for (qsizetype i = 0; i < pattern.size(); ++i) {
        const QString &segment = pattern.at(i);
        if (isPlaceholder(segment) && segment.endsWith(u"*}"_s)) {
            if (i >= path.size())
                return false;
            const QString name = segment.mid(1, segment.size() - 3);
            found.insert(name, path.mid(i).join(u'/'));
            if (params)
                *params = found;
            return true;
        }
        if (i >= path.size())
            return false;
        if (isPlaceholder(segment)) {
            if (path.at(i).isEmpty())
                return false;
            found.insert(segment.mid(1, segment.size() - 2), path.at(i));
        } else if (segment != path.at(i)) {
            return false;
        }
    }
    if (pattern.size() != path.size())
        return false;
    if (params)
        *params = found;
    return true;
}

QStringList splitPath(const QString &path)
{
    QStringList parts = path.split(u'/');
    if (!parts.isEmpty() && parts.first().isEmpty())
        parts.removeFirst();
    return parts;
}

} // namespace

void Router::add(const QByteArray &method, const QString &pattern, const QString &name, Handler handler, bool internal)
{
    Route route;
    route.method = method.toUpper();
    route.pattern = pattern;
    route.name = name.isEmpty() ? pattern : name;
    route.handler = std::move(handler);
    route.internal = internal;
    route.segments = splitPath(pattern);
    for (const QString &segment : std::as_const(route.segments)) {
        if (!isPlaceholder(segment))
            ++route.literalCount;
    }
    m_routes.append(std::move(route));
}

const Router::Route *Router::match(
    const QByteArray &method, const QString &path, QHash<QString, QString> *params, bool *pathKnown) const
{
    const QStringList parts = splitPath(path);
    const Route *best = nullptr;
    QHash<QString, QString> bestParams;
    bool known = false;
    for (const Route &route : m_routes) {
        QHash<QString, QString> found;
        if (!matchSegments(route.segments, parts, &found))
            continue;
        known = true;
        if (route.method != "*" && route.method != method)
            continue;
        if (!best || route.literalCount > best->literalCount) {
            best = &route;
            bestParams = found;
        }
    }
    if (pathKnown)
        *pathKnown = known;
    if (best && params)
        *params = bestParams;
    return best;
}

HttpResponse Router::notFound(const HttpRequest &request) const
{
    if (m_notFound)
        return m_notFound(request);
    return HttpResponse::gatewayError(404, u"Resource not found"_s);
}

} // namespace msb::sandbox
