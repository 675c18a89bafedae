// SPDX-License-Identifier: BSD-2-Clause
#include "core/convert/inputfiles.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace msb::convert {

namespace {

constexpr qint64 kMaxManifestBytes = 256LL * 1024 * 1024;

void addFeed(const QDir &dir, InputFiles &out)
{
    const QString manifestPath = dir.filePath(QStringLiteral("manifest.json"));
    QFile f(manifestPath);
    if (f.size() > kMaxManifestBytes || !f.open(QIODevice::ReadOnly)) {
        out.problems.append(manifestPath + QStringLiteral(": cannot read the feed manifest"));
        return;
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(f.readAll(), &error);
    if (error.error != QJsonParseError::NoError) {
        out.problems.append(manifestPath + QStringLiteral(": invalid JSON: ") + error.errorString());
        return;
    }
    QStringList names;
    if (doc.isObject()) {
        const QJsonObject o = doc.object();
        for (auto it = o.constBegin(); it != o.constEnd(); ++it)
            names.append(it.key() + QStringLiteral(".json"));
    } else if (doc.isArray()) {
        const QJsonArray a = doc.array();
        for (qsizetype i = 0; i < a.size(); ++i) {
            const QJsonObject entry = a.at(i).toObject();
            QString name = QFileInfo(entry.value(QStringLiteral("filename")).toString()).fileName();
            if (name.isEmpty() && entry.contains(QStringLiteral("uuid")))
                name = entry.value(QStringLiteral("uuid")).toString() + QStringLiteral(".json");
            if (name.isEmpty())
                out.problems.append(manifestPath + QStringLiteral(": entry #%1 names no file").arg(i + 1));
            else
                names.append(name);
        }
    } else {
        out.problems.append(manifestPath + QStringLiteral(": not a MISP feed manifest"));
        return;
    }
    names.sort();
    for (const QString &name : std::as_const(names)) {
        // Manifest entries are names inside the feed directory, never paths elsewhere.
        if (name.contains(u'/') || name.startsWith(u'.')) {
            out.problems.append(manifestPath + QStringLiteral(": entry \"%1\" is not a file name").arg(name));
            continue;
        }
        const QString path = dir.filePath(name);
        if (QFileInfo::exists(path))
            out.files.append(path);
        else
            out.problems.append(path + QStringLiteral(": listed in the feed manifest but missing"));
    }
}

} // namespace

InputFiles collectInputFiles(const QStringList &paths)
{
    InputFiles out;
    for (const QString &p : paths) {
        const QFileInfo info(p);
        if (!info.exists()) {
            out.problems.append(p + QStringLiteral(": no such file or directory"));
        } else if (info.isDir()) {
            const QDir dir(p);
            if (dir.exists(QStringLiteral("manifest.json"))) {
                addFeed(dir, out);
            } else {
                const QStringList names = dir.entryList({ QStringLiteral("*.json") }, QDir::Files, QDir::Name);
                if (names.isEmpty())
                    out.problems.append(p + QStringLiteral(": no *.json files"));
                for (const QString &n : names)
                    out.files.append(dir.filePath(n));
            }
        } else {
            out.files.append(p);
        }
    }
    return out;
}

} // namespace msb::convert
