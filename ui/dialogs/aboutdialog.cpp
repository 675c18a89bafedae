// SPDX-License-Identifier: BSD-2-Clause
#include "ui/dialogs/aboutdialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QSysInfo>
#include <QVBoxLayout>
#include <QtGlobal>

#include <spdlog/version.h>

#ifndef MSB_QTKEYCHAIN_VERSION
#define MSB_QTKEYCHAIN_VERSION "unknown"
#endif
#ifndef MSB_BUILD_TYPE
#define MSB_BUILD_TYPE ""
#endif

namespace msb::ui {

QString AboutDialog::versionText()
{
    QStringList lines;
    lines << tr("MISP Sentinel Bridge %1").arg(QStringLiteral(MSB_VERSION));
    lines << tr("Qt %1 (built with %2)").arg(QString::fromLatin1(qVersion()), QStringLiteral(QT_VERSION_STR));
    lines << tr("QtKeychain %1").arg(QStringLiteral(MSB_QTKEYCHAIN_VERSION));
    lines << tr("spdlog %1.%2.%3").arg(SPDLOG_VER_MAJOR).arg(SPDLOG_VER_MINOR).arg(SPDLOG_VER_PATCH);
    lines << tr("Build: %1, %2, %3")
                 .arg(QStringLiteral(MSB_BUILD_TYPE), QStringLiteral("GCC " __VERSION__), QSysInfo::buildAbi());
    lines << tr("Running on %1").arg(QSysInfo::prettyProductName());
    return lines.join(u'\n');
}

AboutDialog::AboutDialog(QWidget *parent)
    : QDialog(parent)
{
    setObjectName(QStringLiteral("aboutDialog"));
    setWindowTitle(tr("About MISP Sentinel Bridge"));
    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/app.svg")).pixmap(64, 64));
    auto *title = new QLabel(tr("<b>MISP Sentinel Bridge</b><br>Threat intelligence from MISP to STIX 2.1 and "
                                "Microsoft Sentinel, with nothing lost on the way."),
        this);
    title->setWordWrap(true);
    auto *versions = new QLabel(versionText(), this);
    versions->setTextInteractionFlags(Qt::TextSelectableByMouse);
    versions->setAccessibleName(tr("Versions"));
    auto *licence = new QLabel(tr("Licensed under the BSD 2-Clause licence."), this);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(icon, 0, Qt::AlignHCenter);
    layout->addWidget(title);
    layout->addWidget(versions);
    layout->addWidget(licence);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    setMinimumWidth(420);
}

} // namespace msb::ui
