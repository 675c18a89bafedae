// SPDX-License-Identifier: BSD-2-Clause
// Converts everything under ../shared/data/misp in both modes: no crash, every attribute accounted for,
// ids equal misp-stix's, and every bundle passes the OASIS schemas (validate-stix).
#include "core/convert/converter.h"
#include "core/misp/mispparser.h"
#include "core/stix/jsonwriter.h"
#include "tests/support/testpaths.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace msb;

namespace {

QStringList sharedMispFiles()
{
    QStringList files;
    QDirIterator it(test::mispDataDir(), { u"*.json"_qs }, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext())
        files.append(it.next());
    files.sort();
    return files;
}

} // namespace

class TestSharedData final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void convertEverything_data();
    void convertEverything();
    void idsEqualMispStix();
    void bundlesPassOasisSchemas();

private:
    QTemporaryDir m_out;
    QStringList m_bundles;
    QMap<QString, int> m_drops;
};

void TestSharedData::initTestCase()
{
    QVERIFY(m_out.isValid());
    QVERIFY2(QDir(test::mispDataDir()).exists(), qPrintable(test::mispDataDir()));
}

void TestSharedData::convertEverything_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("sentinel") << int(convert::OutputMode::Sentinel);
    QTest::newRow("bundle") << int(convert::OutputMode::Bundle);
}

void TestSharedData::convertEverything()
{
    QFETCH(int, mode);
    convert::ConversionPolicy policy;
    policy.mode = convert::OutputMode(mode);
    policy.now = QDateTime(QDate(2026, 1, 1), QTime(0, 0), Qt::UTC);
    const QStringList files = sharedMispFiles();
    QVERIFY(files.size() > 800);
    int events = 0;
    qint64 attributes = 0;
    qint64 indicators = 0;
    int unreadable = 0;
    // One bundle per source folder, so validate-stix names where a problem comes from.
    QMap<QString, QStringList> byFolder;
    for (const QString &f : files)
        byFolder[QFileInfo(f).dir().dirName()].append(f);
    for (auto it = byFolder.constBegin(); it != byFolder.constEnd(); ++it) {
        convert::Converter converter(policy);
        const QString out
            = m_out.filePath(QStringLiteral("%1-%2.json").arg(it.key(), QString::fromLatin1(QTest::currentDataTag())));
        QFile file(out);
        QVERIFY(file.open(QIODevice::WriteOnly));
        stix::BundleWriter writer(&file, u"bundle--5b1c9f7e-2d0a-4c55-9a6e-4d2f8e1b7c30"_qs);
        for (const QString &path : it.value()) {
            if (QFileInfo(path).fileName() == u"manifest.json" || path.endsWith(u"_manifest.json"))
                continue;
            QFile in(path);
            QVERIFY(in.open(QIODevice::ReadOnly));
            const auto doc = misp::parseDocument(in.readAll(), QFileInfo(path).fileName());
            if (!doc.recognised) {
                ++unreadable;
                QVERIFY(!doc.issues.isEmpty()); // unreadable is always explained
                continue;
            }
            for (const misp::Event &e : doc.events) {
                int total = int(e.attributes.size());
                for (const auto &o : e.objects)
                    total += int(o.attributes.size());
                QList<convert::ItemOutcome> outcomes;
                const auto acc = converter.convert(
                    e,
                    [&](stix::StixObject &&o) {
                        indicators += o.type == u"indicator" ? 1 : 0;
                        QVERIFY(!o.id.isEmpty());
                        writer.add(o);
                    },
                    [&](convert::ItemOutcome &&o) {
                        if (o.status != convert::ItemOutcome::Status::Converted) {
                            QVERIFY2(!o.reason.isEmpty(), qPrintable(path));
                            if (mode == int(convert::OutputMode::Sentinel)) {
                                const qsizetype colon = o.reason.indexOf(u':');
                                m_drops[colon > 0 ? o.reason.left(colon) : o.reason] += 1;
                            }
                        } else {
                            QVERIFY(!o.stixIds.isEmpty());
                        }
                        outcomes.append(std::move(o));
                    });
                QCOMPARE(acc.total, total);
                QCOMPARE(acc.converted + acc.dropped + acc.errors, acc.total);
                QCOMPARE(int(outcomes.size()), total);
                ++events;
                attributes += acc.total;
            }
        }
        for (const auto &m : converter.markingDefinitions())
            writer.add(m);
        QVERIFY(writer.finish());
        file.close();
        m_bundles.append(out);
    }
    qInfo("%s mode: %d events, %lld attributes, %lld indicators, %d unreadable inputs",
        QTest::currentDataTag(),
        events,
        static_cast<long long>(attributes),
        static_cast<long long>(indicators),
        unreadable);
    // The inputs that are not MISP event data (PROVENANCE.md): the lookup map and the sighting.
    QVERIFY(unreadable <= 4);
    QVERIFY(attributes > 25000);
    if (mode == int(convert::OutputMode::Sentinel)) {
        for (auto it = m_drops.constBegin(); it != m_drops.constEnd(); ++it)
            qInfo("  not converted: %6d  %s", it.value(), qPrintable(it.key()));
    }
}

void TestSharedData::idsEqualMispStix()
{
    // For every misp-stix indicator made from an event-level attribute we also converted, the id is equal.
    const QString refDir = test::sharedDir() + u"/data/misp-stix-reference"_qs;
    QDirIterator it(refDir, { u"*.stix21.json"_qs }, QDir::Files, QDirIterator::Subdirectories);
    convert::ConversionPolicy policy;
    policy.mode = convert::OutputMode::Bundle;
    policy.dropExpired = false;
    int compared = 0;
    int mismatched = 0;
    while (it.hasNext()) {
        const QString refPath = it.next();
        const QString rel = QDir(refDir).relativeFilePath(refPath).replace(u".stix21.json"_qs, u".json"_qs);
        QFile in(test::mispDataDir() + u'/' + rel);
        QFile ref(refPath);
        if (!in.open(QIODevice::ReadOnly) || !ref.open(QIODevice::ReadOnly))
            continue;
        const auto doc = misp::parseDocument(in.readAll(), rel);
        convert::Converter converter(policy);
        QSet<QString> ours;
        QHash<QString, convert::ItemOutcome::Status> eventLevel; // attribute uuid → status
        for (const auto &e : doc.events) {
            const auto r = converter.convert(e);
            for (const auto &o : r.objects)
                ours.insert(o.id);
            for (const auto &o : r.outcomes) {
                if (o.objectUuid.isEmpty())
                    eventLevel.insert(o.attributeUuid.toLower(), o.status);
            }
        }
        const QJsonArray objects = QJsonDocument::fromJson(ref.readAll()).object().value(u"objects"_qs).toArray();
        for (const auto &v : objects) {
            const QString id = v.toObject().value(u"id"_qs).toString();
            if (!id.startsWith(u"indicator--"))
                continue;
            const QString uuid = id.mid(11);
            if (eventLevel.value(uuid, convert::ItemOutcome::Status::Error) != convert::ItemOutcome::Status::Converted)
                continue;
            ++compared;
            if (!ours.contains(id)) {
                ++mismatched;
                qWarning("%s: misp-stix id %s not produced", qPrintable(rel), qPrintable(id));
            }
        }
    }
    qInfo("indicator ids compared with misp-stix: %d, different: %d", compared, mismatched);
    QVERIFY(compared > 100);
    QCOMPARE(mismatched, 0);
}

void TestSharedData::bundlesPassOasisSchemas()
{
    QVERIFY(!m_bundles.isEmpty());
    const QString tool = test::sharedDir() + u"/tools/validate-stix"_qs;
    if (!QFileInfo::exists(tool))
        QSKIP("validate-stix not found");
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(tool, m_bundles);
    QVERIFY(p.waitForStarted());
    QVERIFY2(p.waitForFinished(10 * 60 * 1000), "validate-stix did not finish within 10 minutes");
    const QString output = QString::fromUtf8(p.readAll());
    if (p.exitCode() == 2 && (output.contains(u"node not found") || output.contains(u"npm not found")))
        QSKIP(qPrintable(output.trimmed()));
    const QRegularExpression summary(u"(\\d+) objects valid, (\\d+) invalid"_qs);
    const auto m = summary.match(output);
    QVERIFY2(m.hasMatch(), qPrintable(output.right(4000)));
    qInfo("validate-stix: %s valid, %s invalid", qPrintable(m.captured(1)), qPrintable(m.captured(2)));
    QVERIFY2(m.captured(2) == u"0", qPrintable(output.left(6000)));
    QVERIFY(m.captured(1).toInt() > 10000);
    QCOMPARE(p.exitCode(), 0);
}

QTEST_GUILESS_MAIN(TestSharedData)
#include "tst_shareddata.moc"
