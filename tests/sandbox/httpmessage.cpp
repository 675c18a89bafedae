// SPDX-License-Identifier: BSD-2-Clause
#include "tests/sandbox/httpmessage.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonValue>
#include <QLocale>
#include <QUrl>

using namespace Qt::Literals::StringLiterals;

namespace msb::sandbox {

namespace {

QByteArray findHeader(const HeaderList &headers, QByteArrayView name)
{
    for (const auto &[key, value] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            return value;
    }
    return {};
}

} // namespace

QByteArray HttpRequest::header(QByteArrayView name) const
{
    return findHeader(headers, name);
}

bool HttpRequest::hasHeader(QByteArrayView name) const
{
    for (const auto &entry : headers) {
        if (entry.first.compare(name, Qt::CaseInsensitive) == 0)
            return true;
    }
    return false;
}

QString HttpRequest::queryValue(const QString &key) const
{
    if (!query.hasQueryItem(key))
        return {};
    return query.queryItemValue(key, QUrl::FullyDecoded);
}

QUrlQuery HttpRequest::formBody() const
{
    QByteArray encoded = body;
    encoded.replace('+', "%20");
    return QUrlQuery(QString::fromUtf8(encoded));
}

QByteArray HttpRequest::bearerToken() const
{
    const QByteArray value = header("authorization").trimmed();
    if (value.size() < 7 || value.left(7).compare("Bearer ", Qt::CaseInsensitive) != 0)
        return {};
    return value.mid(7).trimmed();
}

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &entry : headers) {
        if (entry.first.compare(name, Qt::CaseInsensitive) == 0) {
            entry.second = value;
            return;
        }
    }
    headers.append({ name, value });
}

QByteArray HttpResponse::header(QByteArrayView name) const
{
    return findHeader(headers, name);
}

HttpResponse HttpResponse::json(int status, const QJsonObject &object)
{
    return json(status, QJsonDocument(object));
}

HttpResponse HttpResponse::json(int status, const QJsonDocument &document)
{
    return raw(status, document.toJson(QJsonDocument::Compact), "application/json; charset=utf-8");
}

HttpResponse HttpResponse::json(int status, const OrderedMembers &members)
{
    return raw(status, orderedJson(members), "application/json; charset=utf-8");
}

QByteArray orderedJson(const OrderedMembers &members)
{
    QByteArray text = "{";
    for (const auto &[key, value] : members) {
        if (text.size() > 1)
            text += ',';
        // Let QJsonDocument do the escaping of the key and the value.
        QByteArray pair = QJsonDocument(QJsonArray { key, value }).toJson(QJsonDocument::Compact);
        pair = pair.mid(1, pair.size() - 2); // "key",value
        const qsizetype comma = QJsonDocument(QJsonArray { key }).toJson(QJsonDocument::Compact).size() - 2;
        text += pair.left(comma) + ':' + pair.mid(comma + 1);
    }
    text += '}';
    return text;
}

HttpResponse HttpResponse::empty(int status)
{
    HttpResponse response;
    response.status = status;
    return response;
}

HttpResponse HttpResponse::raw(int status, const QByteArray &body, const QByteArray &contentType)
{
    HttpResponse response;
    response.status = status;
    response.body = body;
    if (!contentType.isEmpty())
        response.setHeader("Content-Type", contentType);
    return response;
}

HttpResponse HttpResponse::gatewayError(int status, const QString &message)
{
    return json(status, OrderedMembers { { u"statusCode"_s, status }, { u"message"_s, message } });
}

HttpResponse HttpResponse::armError(int status, const QString &code, const QString &message)
{
    const QByteArray error = orderedJson({ { u"code"_s, code },
        { u"message"_s, message },
        { u"details"_s, QJsonArray() },
        { u"target"_s, QJsonValue::Null },
        { u"additionalInfo"_s, QJsonValue::Null } });
    HttpResponse response = raw(status, "{\"error\":" + error + '}', "application/json; charset=utf-8");
    response.setHeader("x-ms-error-code", code.toUtf8());
    return response;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 100:
        return "Continue";
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 206:
        return "Partial Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 411:
        return "Length Required";
    case 413:
        return "Payload Too Large";
    case 415:
        return "Unsupported Media Type";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

QByteArray serializeHead(const HttpResponse &response, bool keepAlive)
{
    QByteArray head = "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reasonPhrase(response.status) + "\r\n";
    bool hasDate = false;
    for (const auto &[name, value] : response.headers) {
        if (name.compare("content-length", Qt::CaseInsensitive) == 0
            || name.compare("connection", Qt::CaseInsensitive) == 0)
            continue;
        if (name.compare("date", Qt::CaseInsensitive) == 0)
            hasDate = true;
        head += name + ": " + value + "\r\n";
    }
    if (!hasDate) {
        const QString date
            = QLocale::c().toString(QDateTime::currentDateTimeUtc(), u"ddd, dd MMM yyyy HH:mm:ss 'GMT'"_s);
        head += "Date: " + date.toLatin1() + "\r\n";
    }
    head += "Content-Length: " + QByteArray::number(response.body.size()) + "\r\n";
    head += keepAlive ? QByteArray("Connection: keep-alive\r\n") : QByteArray("Connection: close\r\n");
    head += "\r\n";
    return head;
}

} // namespace msb::sandbox
