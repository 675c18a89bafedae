// SPDX-License-Identifier: BSD-2-Clause
#include "core/stix/pattern.h"

namespace msb::stix {

namespace {

void appendEscaped(QString &out, QStringView value)
{
    for (const QChar c : value) {
        if (c == u'\\' || c == u'\'')
            out.append(u'\\');
        out.append(c);
    }
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
