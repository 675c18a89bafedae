// SPDX-License-Identifier: BSD-2-Clause
#include "app/cli/cliargs.h"

#include <QObject>
#include <QTextStream>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace msb::cli {

CommandLine::CommandLine(const QString &command, const QString &description, unsigned common)
    : m_command(command)
    , m_commonMask(common)
{
    m_parser.setApplicationDescription(description);
    m_parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    m_parser.addHelpOption();
    if (common & OptJson)
        m_parser.addOption({ u"json"_s, QObject::tr("Print machine-readable JSON on stdout.") });
    if (common & OptQuiet)
        m_parser.addOption({ { u"q"_s, u"quiet"_s }, QObject::tr("No progress on stderr.") });
    if (common & OptProfile)
        m_parser.addOption({ { u"p"_s, u"profile"_s },
            QObject::tr("Profile to use (default: $MSB_PROFILE, else the default profile, else the only one)."),
            u"name"_s });
    if (common & OptTarget)
        m_parser.addOption({ { u"t"_s, u"target"_s },
            QObject::tr("Only this target (display name or workspace id); repeat for several."),
            u"target"_s });
    if (common & OptSecrets)
        m_parser.addOption({ u"secrets-from-stdin"_s,
            QObject::tr("Read secrets as NAME=VALUE lines from stdin (never put secrets on the command line); "
                        "names as in the environment provider (see README).") });
}

void CommandLine::addPositional(const QString &name, const QString &description, const QString &syntax)
{
    m_parser.addPositionalArgument(name, description, syntax.isEmpty() ? name : syntax);
    m_positionalSyntax << (syntax.isEmpty() ? name : syntax);
}

QString CommandLine::usageLine() const
{
    QString line = u"Usage: misp-sentinel-bridge "_s + m_command + u" [options]"_s;
    for (const QString &p : m_positionalSyntax)
        line += u' ' + p;
    return line;
}

std::optional<int> CommandLine::parse(const QStringList &args)
{
    QStringList full { u"misp-sentinel-bridge"_s };
    full << args;
    if (!m_parser.parse(full))
        return usageError(m_parser.errorText());
    if (m_parser.isSet(u"help"_s)) {
        QTextStream out(stdout);
        // QCommandLineParser's own first line names the binary only; ours names the command.
        QString help = m_parser.helpText();
        const qsizetype firstBreak = help.indexOf(u'\n');
        out << usageLine() << help.mid(firstBreak);
        return Success;
    }
    if (m_commonMask & OptJson)
        m_common.json = m_parser.isSet(u"json"_s);
    if (m_commonMask & OptQuiet)
        m_common.quiet = m_parser.isSet(u"quiet"_s);
    if (m_commonMask & OptProfile) {
        m_common.profile = m_parser.value(u"profile"_s);
        if (m_common.profile.isEmpty())
            m_common.profile = qEnvironmentVariable("MSB_PROFILE");
    }
    if (m_commonMask & OptTarget)
        m_common.targets = m_parser.values(u"target"_s);
    if (m_commonMask & OptSecrets)
        m_common.secretsFromStdin = m_parser.isSet(u"secrets-from-stdin"_s);
    return std::nullopt;
}

int CommandLine::usageError(const QString &message) const
{
    QTextStream err(stderr);
    err << "misp-sentinel-bridge " << m_command << ": " << message << "\n"
        << usageLine() << "\n"
        << "Run 'misp-sentinel-bridge " << m_command << " --help' for the options.\n";
    return UsageError;
}

} // namespace msb::cli
