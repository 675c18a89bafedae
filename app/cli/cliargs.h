// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "app/cli/commandregistry.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <optional>

namespace msb::cli {

/// Options most subcommands share. Parsed from one QCommandLineParser per command.
struct CommonOptions
{
    bool json = false; ///< machine-readable output on stdout
    bool quiet = false; ///< no progress on stderr
    QString profile; ///< --profile, else $MSB_PROFILE, else the default profile
    QStringList targets; ///< --target (repeatable); empty: every target of the profile
    bool secretsFromStdin = false; ///< read "KEY=VALUE" secret lines from stdin before running
};

/// Which shared options a command offers.
enum CommonOption : unsigned {
    OptJson = 1u << 0,
    OptProfile = 1u << 1,
    OptTarget = 1u << 2,
    OptSecrets = 1u << 3,
    OptQuiet = 1u << 4,
    OptAll = OptJson | OptProfile | OptTarget | OptSecrets | OptQuiet,
};

/// A QCommandLineParser set up for one subcommand: `--help` prints the command's own help on
/// stdout (exit 0); a bad option prints the reason and the usage on stderr (exit 2).
class CommandLine final
{
public:
    CommandLine(const QString &command, const QString &description, unsigned common);

    QCommandLineParser &parser() { return m_parser; }
    /// Adds a positional argument documented in --help.
    void addPositional(const QString &name, const QString &description, const QString &syntax = {});

    /// Parses `args` (everything after the command name). Returns an exit code when the command
    /// must stop here (help shown or usage error), nothing when it should run.
    std::optional<int> parse(const QStringList &args);

    const CommonOptions &common() const { return m_common; }
    QString value(const QString &name) const { return m_parser.value(name); }
    bool isSet(const QString &name) const { return m_parser.isSet(name); }
    QStringList positional() const { return m_parser.positionalArguments(); }
    /// Prints "misp-sentinel-bridge <command>: <message>" and the usage line; returns UsageError.
    int usageError(const QString &message) const;

private:
    QString usageLine() const;

    QString m_command;
    unsigned m_commonMask = 0;
    QCommandLineParser m_parser;
    CommonOptions m_common;
    QStringList m_positionalSyntax;
};

} // namespace msb::cli
