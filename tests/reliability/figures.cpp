// SPDX-License-Identifier: BSD-2-Clause
#include "tests/reliability/figures.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>
#include <QtDebug>

namespace msb::test {

QString reliabilityDir()
{
    QString dir = qEnvironmentVariable("MSB_RELIABILITY_DIR");
    if (dir.isEmpty())
        dir = QStringLiteral(MSB_BINARY_DIR "/reliability");
    QDir().mkpath(dir);
    return dir;
}

Figures::Figures(QString scenario, QString kind)
    : m_scenario(std::move(scenario))
    , m_kind(std::move(kind))
{ }

Figures &Figures::set(const QString &key, const QVariant &value)
{
    for (auto &kv : m_values) {
        if (kv.first == key) {
            kv.second = value;
            return *this;
        }
    }
    m_values.append({ key, value });
    return *this;
}

QVariant Figures::value(const QString &key) const
{
    for (const auto &kv : m_values) {
        if (kv.first == key)
            return kv.second;
    }
    return {};
}

QString Figures::line() const
{
    QString out = m_kind + u' ' + m_scenario + u':';
    for (const auto &kv : m_values)
        out += u' ' + kv.first + u'=' + kv.second.toString();
    return out;
}

void Figures::print() const
{
    qInfo().noquote() << line();
}

bool Figures::write(bool passed) const
{
    QString safe = m_scenario;
    for (QChar &c : safe) {
        if (!c.isLetterOrNumber() && c != u'-' && c != u'_')
            c = u'_';
    }
    QSaveFile file(reliabilityDir() + u'/' + safe + u".txt");
    if (!file.open(QIODevice::WriteOnly | QIODevice::Text)) {
        qWarning() << "cannot write figures to" << file.fileName();
        return false;
    }
    QString text = QStringLiteral("scenario=") + m_scenario + u"\nkind=" + m_kind + u"\npassed="
        + (passed ? u"1" : u"0") + u'\n';
    for (const auto &kv : m_values)
        text += kv.first + u'=' + kv.second.toString() + u'\n';
    file.write(text.toUtf8());
    return file.commit();
}

} // namespace msb::test
