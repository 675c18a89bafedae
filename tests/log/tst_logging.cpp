// SPDX-License-Identifier: BSD-2-Clause
#include "core/log/logging.h"
#include "core/log/redact.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

class TestLogging : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fileSinkIsRedactedAndQtMessagesRouted()
    {
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        msb::log::Options options;
        options.directory = dir.path();
        options.console = false;
        options.level = spdlog::level::debug;
        msb::log::init(options);
        msb::log::registerSecret(QStringLiteral("canary-secret-4242"));
        msb::log::get("sync")->info(
            "using secret {} for tenant {}", QStringLiteral("canary-secret-4242"), QStringLiteral("t1"));
        qWarning("qt says hello");
        msb::log::get("sync")->flush();
        msb::log::get("qt")->flush();
        QFile file(msb::log::logFilePath());
        QVERIFY(file.open(QIODevice::ReadOnly));
        const QByteArray content = file.readAll();
        QVERIFY(!content.contains("canary-secret-4242"));
        QVERIFY(content.contains("using secret *** for tenant t1"));
        QVERIFY(content.contains("qt says hello"));
        QVERIFY(content.contains("[sync]"));
        msb::log::init({});
    }
};

QTEST_GUILESS_MAIN(TestLogging)
#include "tst_logging.moc"
