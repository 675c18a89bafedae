// SPDX-License-Identifier: BSD-2-Clause
#include "app/cli/clioutput.h"

#include "app/cli/commandregistry.h"
#include "core/log/redact.h"

#include <QTextStream>

#include <algorithm>
#include <cstdio>
#include <unistd.h>

using namespace Qt::Literals::StringLiterals;

namespace msb::cli {

Output::Output(bool json, bool quiet)
    : m_json(json)
    , m_progress(!quiet && ::isatty(STDERR_FILENO) == 1)
{ }

void Output::text(const QString &line) const
{
    if (m_json)
        return;
    QTextStream out(stdout);
    out << log::redact(line) << '\n';
}

void Output::document(const QJsonObject &object) const
{
    const QByteArray bytes = QJsonDocument(object).toJson(QJsonDocument::Indented);
    std::fwrite(bytes.constData(), 1, size_t(bytes.size()), stdout);
    std::fflush(stdout);
}

void Output::warning(const QString &message) const
{
    QTextStream err(stderr);
    err << "warning: " << log::redact(message) << '\n';
}

void Output::error(const QString &message) const
{
    QTextStream err(stderr);
    err << "error: " << log::redact(message) << '\n';
}

void Output::progress(const QString &line)
{
    if (!m_progress)
        return;
    const auto now = std::chrono::steady_clock::now();
    if (m_progressShown && now - m_lastProgress < std::chrono::milliseconds(100))
        return;
    m_lastProgress = now;
    m_progressShown = true;
    QTextStream err(stderr);
    // \r + clear-to-end-of-line keeps one status line that updates in place.
    err << '\r' << log::redact(line).left(200) << "\x1b[K";
    err.flush();
}

void Output::endProgress()
{
    if (!m_progressShown)
        return;
    m_progressShown = false;
    QTextStream err(stderr);
    err << "\r\x1b[K";
}

QStringList Output::table(const QStringList &header, const QList<QStringList> &rows)
{
    QList<qsizetype> widths;
    for (const QString &h : header)
        widths << h.size();
    for (const QStringList &row : rows) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], std::min<qsizetype>(row.at(i).size(), 60));
    }
    auto format = [&widths](const QStringList &cells) {
        QString line;
        for (qsizetype i = 0; i < cells.size() && i < widths.size(); ++i) {
            QString cell = cells.at(i);
            if (cell.size() > 60)
                cell = cell.left(59) + u'…';
            line += (i + 1 == cells.size()) ? cell : cell.leftJustified(widths.at(i)) + u"  "_s;
        }
        return line;
    };
    QStringList lines { format(header) };
    for (const QStringList &row : rows)
        lines << format(row);
    return lines;
}

int exitCodeFor(const Error &error)
{
    switch (error.code) {
    case Error::Code::Authentication:
    case Error::Code::Authorization:
        return AuthenticationError;
    case Error::Code::Network:
    case Error::Code::Timeout:
    case Error::Code::Tls:
        return SourceUnreachable;
    case Error::Code::Configuration:
    case Error::Code::NotFound:
    case Error::Code::KeychainUnavailable:
    case Error::Code::KeychainDenied:
        return ConfigurationError;
    case Error::Code::InvalidInput:
        return InputError;
    case Error::Code::Cancelled:
        return Cancelled;
    case Error::Code::RateLimited:
    case Error::Code::Server:
    case Error::Code::Other:
        break;
    }
    return PartialFailure;
}

QString errorCodeName(Error::Code code)
{
    switch (code) {
    case Error::Code::Other:
        return u"other"_s;
    case Error::Code::InvalidInput:
        return u"invalid-input"_s;
    case Error::Code::NotFound:
        return u"not-found"_s;
    case Error::Code::Network:
        return u"network"_s;
    case Error::Code::Timeout:
        return u"timeout"_s;
    case Error::Code::Tls:
        return u"tls"_s;
    case Error::Code::Authentication:
        return u"authentication"_s;
    case Error::Code::Authorization:
        return u"authorization"_s;
    case Error::Code::RateLimited:
        return u"rate-limited"_s;
    case Error::Code::Server:
        return u"server"_s;
    case Error::Code::Configuration:
        return u"configuration"_s;
    case Error::Code::KeychainUnavailable:
        return u"keychain-unavailable"_s;
    case Error::Code::KeychainDenied:
        return u"keychain-denied"_s;
    case Error::Code::Cancelled:
        return u"cancelled"_s;
    }
    return u"other"_s;
}

QJsonObject errorToJson(const Error &error)
{
    QJsonObject o { { u"code"_s, errorCodeName(error.code) }, { u"message"_s, log::redact(error.message) } };
    if (error.httpStatus)
        o.insert(u"httpStatus"_s, error.httpStatus);
    return o;
}

} // namespace msb::cli
