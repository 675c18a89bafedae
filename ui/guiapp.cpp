// SPDX-License-Identifier: BSD-2-Clause
#include "ui/guiapp.h"

#include "core/log/logging.h"

#include <QApplication>
#include <QLabel>
#include <QMainWindow>
#include <QStandardPaths>

namespace msb::ui {

int runGui(int &argc, char **argv)
{
    QApplication app(argc, argv);
    msb::log::Options logOptions;
    logOptions.directory = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)
        + QStringLiteral("/logs");
    msb::log::init(logOptions);
    QMainWindow window;
    window.setWindowTitle(QObject::tr("MISP Sentinel Bridge"));
    window.setCentralWidget(new QLabel(QObject::tr("MISP Sentinel Bridge")));
    window.resize(1100, 700);
    window.show();
    return QApplication::exec();
}

} // namespace msb::ui
