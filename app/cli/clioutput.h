// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/util/result.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QStringList>

#include <chrono>

namespace msb::cli {

/// Where a command's output goes: results on stdout (text or one JSON document), problems and
/// progress on stderr. Progress is shown only when stderr is a terminal and not --quiet, so
/// scheduled runs and pipes get clean output. Every text passes through log redaction first.
class Output final
{
public:
    Output(bool json, bool quiet);

    bool json() const { return m_json; }

    /// A line of human-readable result text on stdout (suppressed in JSON mode).
    void text(const QString &line) const;
    /// The single JSON document of a --json run, on stdout.
    void document(const QJsonObject &object) const;
    /// A message on stderr, always shown ("warning: …", "error: …").
    void warning(const QString &message) const;
    void error(const QString &message) const;
    /// Transient progress on stderr; rewritten in place, at most every 100 ms.
    void progress(const QString &line);
    /// Ends a progress line so the next output starts on a fresh line.
    void endProgress();

    /// A plain-text table with left-aligned columns, widths fitted to the content.
    static QStringList table(const QStringList &header, const QList<QStringList> &rows);

private:
    bool m_json = false;
    bool m_progress = false;
    bool m_progressShown = false;
    std::chrono::steady_clock::time_point m_lastProgress {};
};

/// Maps a core error to the documented exit code (commandregistry.h).
int exitCodeFor(const Error &error);
/// Short stable name of an error code for JSON output ("authentication", "network", ...).
QString errorCodeName(Error::Code code);
/// {"code": "...", "message": "...", "httpStatus": n}
QJsonObject errorToJson(const Error &error);

} // namespace msb::cli
