// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QVariant>

namespace msb::test {

/// Where reliability, canary and bad-input tests leave their figures for make-report.sh:
/// $MSB_RELIABILITY_DIR if set, else <build dir>/reliability. Created on first use.
QString reliabilityDir();

/// The figures one scenario measured (objects expected, stored, lost, re-sent, retries, elapsed…).
/// print() puts them on one line of the test's output; write() also stores them as `key=value`
/// lines in reliabilityDir()/<scenario>.txt, which make-report.sh sums up. Not thread-safe.
class Figures final
{
public:
    /// `kind`: "fault", "crash", "canary", "badinput", "tls" — the report groups by it.
    Figures(QString scenario, QString kind);

    Figures &set(const QString &key, const QVariant &value);
    QVariant value(const QString &key) const;

    /// One line: "scenario 429-half: expected=… stored=… lost=0 …".
    QString line() const;
    void print() const;
    /// Writes the file with `passed` (1/0) added. Returns false (and warns) if it cannot be written.
    bool write(bool passed) const;

private:
    QString m_scenario;
    QString m_kind;
    QList<QPair<QString, QVariant>> m_values;
};

} // namespace msb::test
