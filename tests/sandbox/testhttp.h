// SPDX-License-Identifier: BSD-2-Clause
#pragma once
// Test-only helpers: one blocking-for-the-test HTTP exchange through a real QNetworkAccessManager.

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSignalSpy>
#include <QSslError>
#include <QUrl>

namespace msb::sandbox::test {

struct Reply
{
    int status = 0;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QList<QSslError> sslErrors;
    QList<QNetworkReply::RawHeaderPair> headers;
    bool finished = false;

    QByteArray header(const QByteArray &name) const
    {
        for (const auto &[key, value] : headers) {
            if (key.compare(name, Qt::CaseInsensitive) == 0)
                return value;
        }
        return {};
    }
    bool hasHeader(const QByteArray &name) const
    {
        for (const auto &entry : headers) {
            if (entry.first.compare(name, Qt::CaseInsensitive) == 0)
                return true;
        }
        return false;
    }
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

inline Reply exchange(QNetworkAccessManager &nam,
    QNetworkRequest request,
    const QByteArray &method,
    const QByteArray &body = {},
    int timeoutMs = 10000)
{
    request.setTransferTimeout(timeoutMs);
    QNetworkReply *reply = nam.sendCustomRequest(request, method, body);
    Reply result;
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [&result](const QList<QSslError> &errors) {
        result.sslErrors = errors;
    });
    QSignalSpy spy(reply, &QNetworkReply::finished);
    result.finished = reply->isFinished() || spy.wait(timeoutMs + 5000);
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.error = reply->error();
    result.body = reply->readAll();
    result.headers = reply->rawHeaderPairs();
    reply->deleteLater();
    return result;
}

inline QNetworkRequest jsonRequest(const QUrl &url, const QByteArray &token = {})
{
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token);
    return request;
}

inline QUrl withPath(QUrl base, const QString &path, const QString &query = {})
{
    base.setPath(path);
    if (!query.isEmpty())
        base.setQuery(query);
    return base;
}

} // namespace msb::sandbox::test
