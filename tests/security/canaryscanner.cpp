// SPDX-License-Identifier: BSD-2-Clause
#include "tests/security/canaryscanner.h"

#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>
#include <QSet>
#include <QUrl>

namespace msb::test {

QString CanaryHit::toString() const
{
    return QStringLiteral("%1 (%2) in %3 at offset %4").arg(canary, form, where).arg(offset);
}

CanaryScanner::CanaryScanner(const QStringList &canaries, int fragmentLength)
{
    for (const QString &canary : canaries) {
        const QByteArray utf8 = canary.toUtf8();
        m_needles.append({ canary, QStringLiteral("plain"), utf8 });
        m_needles.append({ canary,
            QStringLiteral("utf-16"),
            QByteArray(reinterpret_cast<const char *>(canary.utf16()), canary.size() * 2) });
        const QByteArray percent = QUrl::toPercentEncoding(canary);
        if (percent != utf8)
            m_needles.append({ canary, QStringLiteral("percent-encoded"), percent });
        QByteArray json = utf8;
        json.replace("\\", "\\\\").replace("\"", "\\\"").replace("/", "\\/");
        if (json != utf8)
            m_needles.append({ canary, QStringLiteral("json-escaped"), json });
        // base64 at each alignment: the first and last 4-character groups depend on the
        // neighbouring bytes, the middle does not.
        for (int shift = 0; shift < 3; ++shift) {
            const QByteArray enc = QByteArray(QByteArray(shift, 'A') + utf8).toBase64();
            if (enc.size() > 12)
                m_needles.append({ canary, QStringLiteral("base64"), enc.mid(4, enc.size() - 8) });
        }
        if (fragmentLength > 0 && canary.size() > fragmentLength) {
            for (qsizetype i = 0; i + fragmentLength <= canary.size(); ++i) {
                // The whole canary is already a needle; fragments catch truncated leaks.
                m_needles.append({ canary, QStringLiteral("fragment"), canary.mid(i, fragmentLength).toUtf8() });
            }
        }
    }
}

QString CanaryScanner::makeCanary(const QString &label)
{
    static const char alphabet[] = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    QString out = QStringLiteral("MSBCANARY") + label;
    for (int i = 0; i < 24; ++i)
        out.append(QLatin1Char(alphabet[QRandomGenerator::global()->bounded(int(sizeof(alphabet) - 1))]));
    return out;
}

QList<CanaryHit> CanaryScanner::scanBytes(const QByteArray &data, const QString &where) const
{
    QList<CanaryHit> hits;
    QSet<QString> reported; // one hit per canary and place is enough to fail, and keeps messages short
    for (const Needle &n : m_needles) {
        if (reported.contains(n.canary))
            continue;
        const qsizetype at = data.indexOf(n.bytes);
        if (at >= 0) {
            hits.append({ n.canary, where, n.form, at });
            reported.insert(n.canary);
        }
    }
    return hits;
}

QList<CanaryHit> CanaryScanner::scanFile(const QString &path) const
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return scanBytes(file.readAll(), path);
}

QList<CanaryHit> CanaryScanner::scanTree(const QString &dir, int *files) const
{
    QList<CanaryHit> hits;
    int count = 0;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System | QDir::NoSymLinks, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        ++count;
        hits.append(scanFile(path));
    }
    if (files)
        *files = count;
    return hits;
}

QList<CanaryHit> CanaryScanner::scanProcessArguments(qint64 pid) const
{
    const QString where = QStringLiteral("/proc/%1/cmdline").arg(pid);
    QFile file(where);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return scanBytes(file.readAll(), where);
}

QString CanaryScanner::describe(const QList<CanaryHit> &hits, int max)
{
    QStringList lines;
    for (const CanaryHit &h : hits) {
        if (lines.size() >= max) {
            lines.append(QStringLiteral("… and %1 more").arg(hits.size() - max));
            break;
        }
        lines.append(h.toString());
    }
    return lines.join(u'\n');
}

} // namespace msb::test
