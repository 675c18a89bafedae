// SPDX-License-Identifier: BSD-2-Clause
// libFuzzer target: STIX pattern escaping and parsing.
//  1. Round trip: any value, escaped into an equality pattern (the converter's own
//     equalityPattern()), parses back to exactly that value and path. A mismatch means a value
//     could break out of its string literal (pattern injection) or be silently altered.
//  2. The parser on arbitrary text never crashes; whatever it accepts prints canonically and
//     the canonical text parses again to the same canonical text.
#include "core/stix/pattern.h"
#include "core/stix/patternparser.h"

#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {

[[noreturn]] void violated(const char *what, const QString &input, const QString &detail)
{
    std::fprintf(stderr,
        "fuzz_pattern: %s\n  input:  %s\n  detail: %s\n",
        what,
        input.toUtf8().constData(),
        detail.toUtf8().constData());
    std::abort();
}

void roundTripValue(const QString &value, QStringView path, const QString &expectedPath)
{
    const QString pattern = msb::stix::equalityPattern(path, value);
    const auto parsed = msb::stix::parsePattern(pattern);
    if (!parsed.ok())
        violated("escaped value does not parse", value, parsed.error().message);
    const auto all = parsed.value().comparisons();
    if (all.size() != 1)
        violated("escaped value produced more than one comparison", value, pattern);
    if (all.front().literal.value != value)
        violated("escaped value came back different", value, all.front().literal.value);
    if (all.front().path.toString() != expectedPath)
        violated("path changed", value, all.front().path.toString());
    const auto unescaped = msb::stix::unescapePatternValue(msb::stix::escapePatternValue(value));
    if (!unescaped.ok() || unescaped.value() != value)
        violated("unescapePatternValue is not the inverse of escapePatternValue", value, pattern);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 64 * 1024)
        return 0;
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));

    roundTripValue(text, u"file:hashes.'SHA-256'", QStringLiteral("file:hashes.'SHA-256'"));
    // The value as a quoted property name too (STIX quotes path components like 'SHA-256').
    const QString quotedPath = u"x-custom:'" + msb::stix::escapePatternValue(text) + u'\'';
    const QString pathPattern = u'[' + quotedPath + u" = 'v']";
    const auto parsedPath = msb::stix::parsePattern(pathPattern);
    if (!parsedPath.ok())
        violated("quoted property name does not parse", text, parsedPath.error().message);
    if (parsedPath.value().comparisons().front().path.steps.front().name != text)
        violated("quoted property name came back different", text, quotedPath);

    const auto parsed = msb::stix::parsePattern(text);
    if (parsed.ok()) {
        const QString canonical = msb::stix::formatPattern(parsed.value());
        const auto again = msb::stix::parsePattern(canonical);
        if (!again.ok())
            violated("canonical form does not parse", text, canonical + u" :: " + again.error().message);
        const QString canonical2 = msb::stix::formatPattern(again.value());
        if (canonical2 != canonical)
            violated("canonical form is not stable", text, canonical + u" != " + canonical2);
    } else if (parsed.error().message.isEmpty()) {
        violated("parse error without a message", text, QString());
    }
    return 0;
}
