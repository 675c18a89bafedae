// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QByteArray>
#include <QHash>
#include <QHostAddress>
#include <QJsonDocument>
#include <QJsonObject>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

namespace msb::sandbox {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;
/// Members in the order given (QJsonObject sorts keys; Azure's bodies have their own order).
using OrderedMembers = QList<QPair<QString, QJsonValue>>;

/// One parsed HTTP/1.1 request as a route handler sees it. Plain value type.
struct HttpRequest
{
    QByteArray method; ///< as sent, e.g. "POST"
    QByteArray target; ///< raw request target (path + query, still percent-encoded)
    QByteArray version; ///< "HTTP/1.1"
    QString path; ///< percent-decoded path, e.g. "/workspaces/x/threat-intelligence-stix-objects:upload"
    QUrlQuery query; ///< the query string; read values with queryValue()
    HeaderList headers; ///< header names lower-cased, values as sent
    QByteArray body; ///< de-chunked body
    QHash<QString, QString> params; ///< values of the {placeholders} of the matched route pattern
    QString routeName; ///< name of the matched route (fault plans are keyed by it)
    QByteArray host; ///< Host header without the port
    QUrl baseUrl; ///< scheme://127.0.0.1:port of the server that received it
    bool tls = false;
    QHostAddress peer;
    quint64 connectionId = 0; ///< same value for requests over one kept-alive connection

    /// First value of a header (name compared case-insensitively); empty if absent.
    QByteArray header(QByteArrayView name) const;
    bool hasHeader(QByteArrayView name) const;
    /// Fully decoded value of a query item; a null QString if the key is absent.
    QString queryValue(const QString &key) const;
    bool hasQueryItem(const QString &key) const { return query.hasQueryItem(key); }
    /// The body parsed as application/x-www-form-urlencoded ('+' means space, as in HTML forms).
    QUrlQuery formBody() const;
    /// The bearer token of the Authorization header, empty if there is none.
    QByteArray bearerToken() const;
};

/// What a route handler returns. Content-Length, Date and Connection are added by the server.
struct HttpResponse
{
    int status = 200;
    HeaderList headers;
    QByteArray body;

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(QByteArrayView name) const;

    /// JSON body with "Content-Type: application/json; charset=utf-8".
    static HttpResponse json(int status, const QJsonObject &object);
    static HttpResponse json(int status, const QJsonDocument &document);
    /// JSON body whose members keep the given order.
    static HttpResponse json(int status, const OrderedMembers &members);
    /// No body at all (Content-Length: 0).
    static HttpResponse empty(int status);
    static HttpResponse raw(int status, const QByteArray &body, const QByteArray &contentType);
    /// The API-Management gateway envelope: {"statusCode":N,"message":"..."}.
    static HttpResponse gatewayError(int status, const QString &message);
    /// The ARM envelope: {"error":{"code":..,"message":..,"details":[],"target":null,"additionalInfo":null}}.
    static HttpResponse armError(int status, const QString &code, const QString &message);
};

/// Compact JSON text of an object whose members keep the given order.
QByteArray orderedJson(const OrderedMembers &members);

/// "OK", "Too Many Requests", ...
QByteArray reasonPhrase(int status);

/// Serializes the status line and headers (with Content-Length) of a response.
QByteArray serializeHead(const HttpResponse &response, bool keepAlive);

} // namespace msb::sandbox
