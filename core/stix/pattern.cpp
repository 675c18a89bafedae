// SPDX-License-Identifier: BSD-2-Clause
#include "core/stix/pattern.h"

#include <algorithm>

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
    // Once per indicator: sized exactly and filled in place, one allocation and no append checks.
    static constexpr QStringView kEquals = u" = '";
    qsizetype escapes = 0;
    for (const QChar c : value)
        escapes += (c == u'\\' || c == u'\'') ? 1 : 0;
    QString out(1 + path.size() + kEquals.size() + value.size() + escapes + 2, Qt::Uninitialized);
    QChar *d = out.data();
    *d++ = u'[';
    d = std::copy(path.begin(), path.end(), d);
    d = std::copy(kEquals.begin(), kEquals.end(), d);
    if (escapes == 0) {
        d = std::copy(value.begin(), value.end(), d);
    } else {
        for (const QChar c : value) {
            if (c == u'\\' || c == u'\'')
                *d++ = u'\\';
            *d++ = c;
        }
    }
    *d++ = u'\'';
    *d = u']';
    return out;
}

} // namespace msb::stix
