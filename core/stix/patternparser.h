// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/util/result.h"

#include <QString>
#include <QStringView>

#include <vector>

namespace msb::stix {

/// One step of an object path after the object type: `.name`, `.'quoted name'`, `[3]` or `[*]`.
struct PatternPathStep
{
    enum class Kind { Property, Index, AnyIndex };
    Kind kind = Kind::Property;
    QString name; ///< property name, unescaped (Property only)
    bool quoted = false; ///< written as a string literal (`hashes.'SHA-256'`)
    qint64 index = 0; ///< Index only
};

/// `file:hashes.'SHA-256'` -> objectType "file", steps [hashes, SHA-256].
struct PatternObjectPath
{
    QString objectType;
    std::vector<PatternPathStep> steps;

    /// Canonical text: properties that are plain identifiers are written bare, others quoted
    /// and escaped, so `toString()` of a parsed path parses back to the same path.
    QString toString() const;
};

/// A literal on the right of a comparison. `value` holds the decoded content: the unescaped
/// string for strings, the digits for numbers, `true`/`false`, the base64/hex/timestamp text.
struct PatternLiteral
{
    enum class Kind { String, Integer, Float, Boolean, Binary, Hex, Timestamp, Set };
    Kind kind = Kind::String;
    QString value;
    std::vector<PatternLiteral> items; ///< Set only: `('a', 'b')`
};

enum class PatternOperator {
    Equal,
    NotEqual,
    Greater,
    Less,
    GreaterOrEqual,
    LessOrEqual,
    In,
    Like,
    Matches,
    IsSubset,
    IsSuperset,
    Exists,
};

/// `path [NOT] op literal`, or `EXISTS path` (op Exists, no literal).
struct PatternComparison
{
    PatternObjectPath path;
    PatternOperator op = PatternOperator::Equal;
    bool negated = false;
    PatternLiteral literal;
};

/// Comparison expression tree inside one `[...]`: a leaf, or AND/OR of children.
struct PatternComparisonNode
{
    enum class Kind { Comparison, And, Or };
    Kind kind = Kind::Comparison;
    PatternComparison comparison; ///< Comparison only
    std::vector<PatternComparisonNode> children; ///< And/Or only
};

/// `WITHIN 300 SECONDS`, `REPEATS 5 TIMES`, `START t'…' STOP t'…'`.
struct PatternQualifier
{
    enum class Kind { Within, Repeats, StartStop };
    Kind kind = Kind::Within;
    QString first; ///< seconds, count, or start timestamp
    QString second; ///< stop timestamp (StartStop only)
};

/// Observation expression tree: `[...]` leaves combined with AND/OR/FOLLOWEDBY, each with qualifiers.
struct PatternObservationNode
{
    enum class Kind { Observation, And, Or, FollowedBy };
    Kind kind = Kind::Observation;
    PatternComparisonNode comparison; ///< Observation only
    std::vector<PatternObservationNode> children; ///< And/Or/FollowedBy only
    std::vector<PatternQualifier> qualifiers;
};

struct ParsedPattern
{
    PatternObservationNode root;

    /// Every comparison in the pattern, in source order (handy for checks and tests).
    std::vector<PatternComparison> comparisons() const;
};

/// Maximum nesting of parentheses/brackets the parser accepts; deeper input is an error,
/// never a stack overflow.
inline constexpr int kMaxPatternDepth = 64;

/// Parses a STIX 2.1 pattern (the grammar of STIX 2.1 §9: comparison and observation
/// expressions, AND/OR/FOLLOWEDBY, NOT, all operators, quoted path components, string
/// literals with `\\` and `\'` escapes, b'', h'', t'' literals, sets, qualifiers).
/// Errors name the column (1-based) and the reason. Pure and thread-safe; input size and
/// nesting are bounded by the caller's string and kMaxPatternDepth.
Result<ParsedPattern> parsePattern(QStringView pattern);

/// Canonical text of a parsed pattern: single spaces, explicit parentheses around every
/// AND/OR/FOLLOWEDBY group, strings escaped with escapePatternValue(). Parsing the result gives
/// the same tree again (the round-trip property the fuzz target checks).
QString formatPattern(const ParsedPattern &pattern);

/// The inverse of escapePatternValue(): `\\` -> `\`, `\'` -> `'`. Any other backslash
/// sequence or a lone trailing backslash is an error (STIX allows only these two escapes).
Result<QString> unescapePatternValue(QStringView escaped);

} // namespace msb::stix
