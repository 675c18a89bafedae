// SPDX-License-Identifier: BSD-2-Clause
#include "core/log/redact.h"

#include <QMutex>
#include <QMutexLocker>
#include <QRegularExpression>
#include <QSet>
#include <QUrlQuery>

namespace msb::log {
namespace {

QMutex &secretsMutex()
{
    static QMutex mutex;
    return mutex;
}

QSet<QString> &secrets()
{
    static QSet<QString> values;
    return values;
}

bool isSecretName(const QString &name)
{
    static const QRegularExpression re(
        QStringLiteral("^(client_secret|secret|key|apikey|api_key|mispkey|token|access_token|refresh_token|"
                       "password|sig|code|client_assertion)$"),
        QRegularExpression::CaseInsensitiveOption);
    return re.match(name).hasMatch();
}

} // namespace

void registerSecret(const QString &secret)
{
    if (secret.size() < 4)
        return;
    QMutexLocker lock(&secretsMutex());
    secrets().insert(secret);
}

void clearRegisteredSecrets()
{
    QMutexLocker lock(&secretsMutex());
    secrets().clear();
}

QString redact(const QString &text)
{
    QString out = text;
    {
        QMutexLocker lock(&secretsMutex());
        for (const QString &s : std::as_const(secrets()))
            out.replace(s, kRedacted.toString());
    }
    // Header lines (also as a JSON member: the quote after the name) and bearer tokens.
    static const QRegularExpression authHeader(
        QStringLiteral(R"((Authorization"?\s*[:=]\s*)("?)[^\r\n",}]+)"), QRegularExpression::CaseInsensitiveOption);
    out.replace(authHeader, QStringLiteral("\\1\\2***"));
    static const QRegularExpression bearer(
        QStringLiteral(R"((Bearer\s+)[A-Za-z0-9\-._~+/=]+)"), QRegularExpression::CaseInsensitiveOption);
    out.replace(bearer, QStringLiteral("\\1***"));
    // key=value pairs in forms and query strings.
    static const QRegularExpression formPair(
        QStringLiteral(R"(\b(client_secret|secret|apikey|api_key|mispkey|access_token|refresh_token|password|)"
                       R"(token|sig|key|client_assertion)=([^&\s"']+))"),
        QRegularExpression::CaseInsensitiveOption);
    out.replace(formPair, QStringLiteral("\\1=***"));
    // JSON members.
    static const QRegularExpression jsonMember(
        QStringLiteral(R"re("(client_secret|secret|clientSecret|apikey|api_key|mispkey|mispKey|access_token|)re"
                       R"re(refresh_token|password|value_secret)"\s*:\s*"(?:[^"\\]|\\.)*")re"),
        QRegularExpression::CaseInsensitiveOption);
    out.replace(jsonMember, QStringLiteral("\"\\1\":\"***\""));
    return out;
}

std::string redactUtf8(std::string_view text)
{
    return redact(QString::fromUtf8(text.data(), qsizetype(text.size()))).toStdString();
}

QString redactUrl(const QUrl &url)
{
    QUrl copy = url.adjusted(QUrl::RemoveUserInfo);
    if (copy.hasQuery()) {
        QUrlQuery query(copy);
        auto items = query.queryItems(QUrl::FullyDecoded);
        for (auto &item : items) {
            if (isSecretName(item.first))
                item.second = kRedacted.toString();
        }
        query.setQueryItems(items);
        copy.setQuery(query);
    }
    return redact(copy.toDisplayString());
}

} // namespace msb::log
