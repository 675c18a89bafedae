// SPDX-License-Identifier: BSD-2-Clause
#include "core/stix/pattern.h"

namespace msb::stix {

namespace {

void appendEscaped(QString &out, QStringView value)
{
    // Whole runs without a quote or backslash are appended at once (QChar-by-QChar was hot).
    qsizetype start = 0;
    for (qsizetype i = 0; i < value.size(); ++i) {
        const QChar c = value[i];
        if (c == u'\\' || c == u'\'') {
            out.append(value.mid(start, i - start));
            out.append(u'\\');
            start = i;
        }
    }
    out.append(value.mid(start));
}

} // namespace

QString escapePatternValue(QStringView value)
{
    QString out;
    out.reserve(value.size() + 8);
    appendEscaped(out, value);
    return out;
}

void appendComparison(QString &out, QStringView path, QStringView value)
{
    out.append(path);
    out.append(u" = '");
    appendEscaped(out, value);
    out.append(u'\'');
}

QString equalityPattern(QStringView path, QStringView value)
{
    QString out;
    out.reserve(path.size() + value.size() + 16);
    out.append(u'[');
    appendComparison(out, path, value);
    out.append(u']');
    return out;
}

} // namespace msb::stix
