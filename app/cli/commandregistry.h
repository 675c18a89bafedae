// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QString>
#include <QStringList>

#include <functional>
#include <vector>

namespace msb::cli {

/// Documented exit codes of every subcommand (README "Exit codes").
enum ExitCode : int {
    Success = 0,
    PartialFailure = 1, ///< ran to the end, but some items or targets failed
    UsageError = 2, ///< bad command line
    ConfigurationError = 3,
    AuthenticationError = 4,
    SourceUnreachable = 5,
    InputError = 6, ///< an input could not be read (convert)
    Cancelled = 130,
};

struct Command
{
    QString name;
    QString summary;
    /// args: everything after the subcommand name. Runs inside a QCoreApplication; may use its event loop.
    std::function<int(const QStringList &args)> run;
};

/// Commands register from static initialisers in their own files (the executable links them directly).
std::vector<Command> &commands();

struct CommandRegistration
{
    explicit CommandRegistration(Command command) { commands().push_back(std::move(command)); }
};

const Command *findCommand(const QString &name);

} // namespace msb::cli
