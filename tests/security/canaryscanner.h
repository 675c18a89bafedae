// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace msb::test {

/// Where a canary secret (or a recognisable piece of it) was found.
struct CanaryHit
{
    QString canary;
    QString where; ///< file path, "stderr", "/proc/<pid>/cmdline", …
    QString form; ///< "plain", "utf-16", "percent-encoded", "base64", "json-escaped", "fragment"
    qint64 offset = 0;
    QString toString() const;
};

/// Looks for canary secrets in bytes, files, directory trees and process arguments.
///
/// A canary is searched for in every form a leak could take: UTF-8, UTF-16LE (SQLite, Windows-style
/// files), percent-encoded (form bodies, URLs), base64 at each of the three byte alignments (Basic
/// auth, encoded blobs) and JSON-escaped; and every `fragmentLength`-character piece of it in UTF-8,
/// which catches partial leaks such as misp2sentinel's "all but the last five characters". Canaries
/// should be long random strings (makeCanary()) so a fragment cannot occur by chance. Thread-safe (const).
class CanaryScanner final
{
public:
    explicit CanaryScanner(const QStringList &canaries, int fragmentLength = 12);

    /// A fresh canary: "MSBCANARY<label><24 random letters and digits>"; no character needs escaping.
    static QString makeCanary(const QString &label);

    QList<CanaryHit> scanBytes(const QByteArray &data, const QString &where) const;
    QList<CanaryHit> scanFile(const QString &path) const;
    /// Every regular file below `dir` (hidden ones too; symlinks not followed). `files` receives the
    /// number of files read, so a test can prove it looked at something.
    QList<CanaryHit> scanTree(const QString &dir, int *files = nullptr) const;
    /// The argument vector of a running process (Linux /proc/<pid>/cmdline); empty if it has exited.
    QList<CanaryHit> scanProcessArguments(qint64 pid) const;

    /// Human-readable list for a failure message.
    static QString describe(const QList<CanaryHit> &hits, int max = 10);

private:
    struct Needle
    {
        QString canary;
        QString form;
        QByteArray bytes;
    };
    QList<Needle> m_needles;
};

} // namespace msb::test
