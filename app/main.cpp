// SPDX-License-Identifier: BSD-2-Clause
// Composition root: decides GUI or headless, sets names, logging and translations.
#include "app/cli/clilogging.h"
#include "app/cli/commandregistry.h"
#include "ui/guiapp.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

namespace {

void setApplicationNames()
{
    QCoreApplication::setOrganizationName(QStringLiteral("misp-sentinel-bridge"));
    QCoreApplication::setOrganizationDomain(QStringLiteral("misp-sentinel-bridge.example"));
    QCoreApplication::setApplicationName(QStringLiteral("misp-sentinel-bridge"));
    QCoreApplication::setApplicationVersion(QStringLiteral(MSB_VERSION));
}

void printUsage(FILE *out)
{
    QTextStream s(out);
    s << "misp-sentinel-bridge " << MSB_VERSION << "\n"
      << "MISP threat intelligence to STIX 2.1 and Microsoft Sentinel.\n\n"
      << "Usage: misp-sentinel-bridge                 start the desktop application\n"
      << "       misp-sentinel-bridge <command> [options]\n\nCommands:\n";
    for (const auto &c : msb::cli::commands())
        s << "  " << c.name.leftJustified(12) << c.summary << "\n";
    s << "\nRun 'misp-sentinel-bridge <command> --help' for the options of a command.\n";
}

} // namespace

int main(int argc, char *argv[])
{
    setApplicationNames();
    const bool headless = argc > 1 && argv[1][0] != '\0'
        && (argv[1][0] != '-' || qstrcmp(argv[1], "--help") == 0 || qstrcmp(argv[1], "-h") == 0
            || qstrcmp(argv[1], "--version") == 0);
    if (!headless)
        return msb::ui::runGui(argc, argv);

    QCoreApplication app(argc, argv);
    setApplicationNames();
    const QStringList args = QCoreApplication::arguments();
    const QString name = args.value(1);
    if (name == u"--version") {
        std::printf("misp-sentinel-bridge %s\n", MSB_VERSION);
        return 0;
    }
    if (name == u"--help" || name == u"-h" || name == u"help") {
        printUsage(stdout);
        return 0;
    }
    const msb::cli::Command *command = msb::cli::findCommand(name);
    if (!command) {
        std::fprintf(stderr, "misp-sentinel-bridge: unknown command '%s'\n\n", qPrintable(name));
        printUsage(stderr);
        return msb::cli::UsageError;
    }
    msb::cli::initCliLogging();
    return command->run(args.mid(2));
}
