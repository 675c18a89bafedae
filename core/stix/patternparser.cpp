// SPDX-License-Identifier: BSD-2-Clause
#include "core/stix/patternparser.h"

#include "core/stix/pattern.h"

#include <QDate>
#include <QTime>

#include <algorithm>
#include <optional>

namespace msb::stix {
namespace {

enum class Tok {
    End,
    LBracket,
    RBracket,
    LParen,
    RParen,
    Colon,
    Dot,
    Comma,
    Star,
    Operator,
    String,
    Binary,
    Hex,
    Timestamp,
    Integer,
    Float,
    Identifier,
};

struct Token
{
    Tok type = Tok::End;
    QString text; ///< decoded content (strings unescaped, literal prefixes removed)
    qsizetype column = 1; ///< 1-based position of the token's first character
};

bool isIdentStart(QChar c)
{
    return (c >= u'a' && c <= u'z') || (c >= u'A' && c <= u'Z') || c == u'_';
}

bool isIdentChar(QChar c)
{
    return isIdentStart(c) || (c >= u'0' && c <= u'9') || c == u'-';
}

bool isDigit(QChar c)
{
    return c >= u'0' && c <= u'9';
}

bool isHexDigit(QChar c)
{
    return isDigit(c) || (c >= u'a' && c <= u'f') || (c >= u'A' && c <= u'F');
}

bool isBase64Char(QChar c)
{
    return isIdentStart(c) || isDigit(c) || c == u'+' || c == u'/';
}

bool isPlainIdentifier(QStringView s)
{
    if (s.isEmpty() || !isIdentStart(s.front())) {
        return false;
    }
    for (const QChar c : s) {
        if (!isIdentStart(c) && !isDigit(c)) {
            return false;
        }
    }
    return true;
}

// t'YYYY-MM-DDTHH:MM:SS[.fraction]Z' with a real calendar date.
bool isValidTimestamp(QStringView s)
{
    if (s.size() < 20 || s.back() != u'Z') {
        return false;
    }
    static constexpr const char *shape = "dddd-dd-ddTdd:dd:dd";
    for (qsizetype i = 0; i < 19; ++i) {
        const char want = shape[i];
        if (want == 'd' ? !isDigit(s[i]) : s[i] != QLatin1Char(want)) {
            return false;
        }
    }
    if (s.size() > 20) {
        if (s[19] != u'.' || s.size() < 22) {
            return false;
        }
        for (qsizetype i = 20; i < s.size() - 1; ++i) {
            if (!isDigit(s[i])) {
                return false;
            }
        }
    }
    const QDate date(s.mid(0, 4).toInt(), s.mid(5, 2).toInt(), s.mid(8, 2).toInt());
    // STIX allows a leap second (60).
    const int sec = s.mid(17, 2).toInt();
    const QTime time(s.mid(11, 2).toInt(), s.mid(14, 2).toInt(), sec == 60 ? 59 : sec);
    return date.isValid() && time.isValid() && sec <= 60;
}

class Lexer
{
public:
    explicit Lexer(QStringView text)
        : m_text(text)
    { }

    /// Next token, or an error naming the column.
    Result<Token> next()
    {
        while (m_pos < m_text.size() && m_text[m_pos].isSpace()) {
            ++m_pos;
        }
        Token tok;
        tok.column = m_pos + 1;
        if (m_pos >= m_text.size()) {
            tok.type = Tok::End;
            return tok;
        }
        const QChar c = m_text[m_pos];
        const QChar n = m_pos + 1 < m_text.size() ? m_text[m_pos + 1] : QChar();
        auto single = [&](Tok t) {
            tok.type = t;
            tok.text = QString(c);
            ++m_pos;
            return Result<Token>(tok);
        };
        switch (c.unicode()) {
        case u'[':
            return single(Tok::LBracket);
        case u']':
            return single(Tok::RBracket);
        case u'(':
            return single(Tok::LParen);
        case u')':
            return single(Tok::RParen);
        case u':':
            return single(Tok::Colon);
        case u',':
            return single(Tok::Comma);
        case u'*':
            return single(Tok::Star);
        case u'=':
            return single(Tok::Operator);
        case u'\'':
            return stringLiteral(Tok::String, tok.column, 0);
        default:
            break;
        }
        if (c == u'!' || c == u'<' || c == u'>') {
            tok.type = Tok::Operator;
            if (c == u'!' && n != u'=') {
                return error(tok.column, QStringLiteral("'!' must be followed by '='"));
            }
            if (n == u'=' || (c == u'<' && n == u'>')) {
                tok.text = QString(c) + n;
                m_pos += 2;
            } else {
                tok.text = QString(c);
                ++m_pos;
            }
            return tok;
        }
        if ((c == u'b' || c == u'h' || c == u't') && n == u'\'') {
            const Tok t = c == u'b' ? Tok::Binary : (c == u'h' ? Tok::Hex : Tok::Timestamp);
            return stringLiteral(t, tok.column, 1);
        }
        if (isDigit(c) || ((c == u'-' || c == u'+') && (isDigit(n) || n == u'.')) || (c == u'.' && isDigit(n))) {
            return number(tok.column);
        }
        if (c == u'.') {
            return single(Tok::Dot);
        }
        if (isIdentStart(c)) {
            const qsizetype start = m_pos;
            while (m_pos < m_text.size() && isIdentChar(m_text[m_pos])) {
                ++m_pos;
            }
            tok.type = Tok::Identifier;
            tok.text = m_text.sliced(start, m_pos - start).toString();
            return tok;
        }
        return error(tok.column, QStringLiteral("unexpected character '%1'").arg(c));
    }

private:
    static Result<Token> error(qsizetype column, const QString &why)
    {
        return Error { Error::Code::InvalidInput, QStringLiteral("column %1: %2").arg(column).arg(why), 0 };
    }

    Result<Token> stringLiteral(Tok type, qsizetype column, int prefix)
    {
        m_pos += prefix + 1; // prefix letter and opening quote
        QString out;
        while (m_pos < m_text.size()) {
            const QChar c = m_text[m_pos];
            if (c == u'\'') {
                ++m_pos;
                return validateLiteral(type, column, std::move(out));
            }
            if (c == u'\\') {
                if (type != Tok::String) {
                    return error(m_pos + 1, QStringLiteral("backslash inside a b'', h'' or t'' literal"));
                }
                if (m_pos + 1 >= m_text.size()) {
                    break;
                }
                const QChar e = m_text[m_pos + 1];
                if (e != u'\\' && e != u'\'') {
                    return error(
                        m_pos + 1, QStringLiteral("invalid escape '\\%1' (only \\\\ and \\' are allowed)").arg(e));
                }
                out.append(e);
                m_pos += 2;
                continue;
            }
            out.append(c);
            ++m_pos;
        }
        return error(column, QStringLiteral("unterminated string literal"));
    }

    static Result<Token> validateLiteral(Tok type, qsizetype column, QString text)
    {
        switch (type) {
        case Tok::Binary: {
            qsizetype pad = 0;
            for (const QChar c : std::as_const(text)) {
                if (c == u'=') {
                    ++pad;
                } else if (pad > 0 || !isBase64Char(c)) {
                    return error(column, QStringLiteral("binary literal is not base64"));
                }
            }
            if (pad > 2 || text.size() % 4 != 0) {
                return error(column, QStringLiteral("binary literal is not base64"));
            }
            break;
        }
        case Tok::Hex:
            if (text.size() % 2 != 0 || !std::all_of(text.cbegin(), text.cend(), isHexDigit)) {
                return error(column, QStringLiteral("hex literal needs an even number of hex digits"));
            }
            break;
        case Tok::Timestamp:
            if (!isValidTimestamp(text)) {
                return error(
                    column, QStringLiteral("timestamp literal '%1' is not YYYY-MM-DDTHH:MM:SS[.s]Z").arg(text));
            }
            break;
        default:
            break;
        }
        Token tok;
        tok.type = type;
        tok.text = std::move(text);
        tok.column = column;
        return tok;
    }

    Result<Token> number(qsizetype column)
    {
        const qsizetype start = m_pos;
        if (m_text[m_pos] == u'-' || m_text[m_pos] == u'+') {
            ++m_pos;
        }
        bool digits = false;
        while (m_pos < m_text.size() && isDigit(m_text[m_pos])) {
            ++m_pos;
            digits = true;
        }
        bool isFloat = false;
        if (m_pos < m_text.size() && m_text[m_pos] == u'.') {
            ++m_pos;
            isFloat = true;
            bool fraction = false;
            while (m_pos < m_text.size() && isDigit(m_text[m_pos])) {
                ++m_pos;
                fraction = true;
            }
            if (!fraction) {
                return error(column, QStringLiteral("number has no digits after '.'"));
            }
            digits = true;
        }
        if (!digits) {
            return error(column, QStringLiteral("malformed number"));
        }
        if (m_pos < m_text.size() && isIdentStart(m_text[m_pos])) {
            return error(column, QStringLiteral("letters right after a number"));
        }
        Token tok;
        tok.type = isFloat ? Tok::Float : Tok::Integer;
        tok.text = m_text.sliced(start, m_pos - start).toString();
        tok.column = column;
        return tok;
    }

    QStringView m_text;
    qsizetype m_pos = 0;
};

QString describe(const Token &tok)
{
    switch (tok.type) {
    case Tok::End:
        return QStringLiteral("the end of the pattern");
    case Tok::String:
        return QStringLiteral("a string literal");
    case Tok::Binary:
    case Tok::Hex:
    case Tok::Timestamp:
        return QStringLiteral("a %1'' literal")
            .arg(QChar(tok.type == Tok::Binary ? u'b' : (tok.type == Tok::Hex ? u'h' : u't')));
    default:
        return u'\'' + tok.text.left(40) + u'\'';
    }
}

class Parser
{
public:
    explicit Parser(QStringView text)
        : m_lexer(text)
    { }

    Result<ParsedPattern> run()
    {
        if (!advance()) {
            return takeError();
        }
        ParsedPattern out;
        auto root = observationFollowedBy(0);
        if (!root) {
            return takeError();
        }
        if (m_tok.type != Tok::End) {
            return fail(QStringLiteral("expected the end of the pattern, found %1").arg(describe(m_tok)));
        }
        out.root = std::move(*root);
        return out;
    }

private:
    using Obs = std::optional<PatternObservationNode>;
    using Cmp = std::optional<PatternComparisonNode>;

    bool advance()
    {
        auto t = m_lexer.next();
        if (!t) {
            m_error = t.error();
            return false;
        }
        m_tok = std::move(t).value();
        return true;
    }

    bool isKeyword(QStringView word) const { return m_tok.type == Tok::Identifier && m_tok.text == word; }

    Error takeError() const { return m_error; }

    Error fail(const QString &why)
    {
        if (m_error.message.isEmpty()) {
            m_error
                = Error { Error::Code::InvalidInput, QStringLiteral("column %1: %2").arg(m_tok.column).arg(why), 0 };
        }
        return m_error;
    }

    bool expect(Tok type, QStringView what)
    {
        if (m_tok.type != type) {
            fail(QStringLiteral("expected %1, found %2").arg(what, describe(m_tok)));
            return false;
        }
        return advance();
    }

    bool enter(int depth)
    {
        if (depth >= kMaxPatternDepth) {
            fail(QStringLiteral("nested deeper than %1 levels").arg(kMaxPatternDepth));
            return false;
        }
        return true;
    }

    // FOLLOWEDBY binds loosest, then OR, then AND (STIX 2.1 grammar).
    Obs observationFollowedBy(int depth)
    {
        return binaryChain<Obs>(
            u"FOLLOWEDBY", PatternObservationNode::Kind::FollowedBy, [this, depth] { return observationOr(depth); });
    }

    Obs observationOr(int depth)
    {
        return binaryChain<Obs>(
            u"OR", PatternObservationNode::Kind::Or, [this, depth] { return observationAnd(depth); });
    }

    Obs observationAnd(int depth)
    {
        return binaryChain<Obs>(
            u"AND", PatternObservationNode::Kind::And, [this, depth] { return observation(depth); });
    }

    template <typename Opt, typename Kind, typename Next> Opt binaryChain(QStringView keyword, Kind kind, Next next)
    {
        Opt first = next();
        if (!first) {
            return std::nullopt;
        }
        if (!isKeyword(keyword)) {
            return first;
        }
        typename Opt::value_type group;
        group.kind = kind;
        group.children.push_back(std::move(*first));
        while (isKeyword(keyword)) {
            if (!advance()) {
                return std::nullopt;
            }
            Opt more = next();
            if (!more) {
                return std::nullopt;
            }
            group.children.push_back(std::move(*more));
        }
        return group;
    }

    Obs observation(int depth)
    {
        PatternObservationNode node;
        if (m_tok.type == Tok::LBracket) {
            if (!enter(depth) || !advance()) {
                return std::nullopt;
            }
            Cmp cmp = comparisonOr(depth + 1);
            if (!cmp || !expect(Tok::RBracket, u"']'")) {
                return std::nullopt;
            }
            node.kind = PatternObservationNode::Kind::Observation;
            node.comparison = std::move(*cmp);
        } else if (m_tok.type == Tok::LParen) {
            if (!enter(depth) || !advance()) {
                return std::nullopt;
            }
            Obs inner = observationFollowedBy(depth + 1);
            if (!inner || !expect(Tok::RParen, u"')'")) {
                return std::nullopt;
            }
            node = std::move(*inner);
        } else {
            fail(QStringLiteral("expected '[' or '(', found %1").arg(describe(m_tok)));
            return std::nullopt;
        }
        if (!qualifiers(node.qualifiers)) {
            return std::nullopt;
        }
        return node;
    }

    bool qualifiers(std::vector<PatternQualifier> &out)
    {
        // Bounded by the input length: each round consumes at least three tokens.
        while (true) {
            PatternQualifier q;
            if (isKeyword(u"WITHIN")) {
                if (!advance()) {
                    return false;
                }
                if ((m_tok.type != Tok::Integer && m_tok.type != Tok::Float) || m_tok.text.startsWith(u'-')) {
                    fail(QStringLiteral("WITHIN needs a positive number of seconds, found %1").arg(describe(m_tok)));
                    return false;
                }
                q.kind = PatternQualifier::Kind::Within;
                q.first = m_tok.text;
                if (!advance()) {
                    return false;
                }
                if (!isKeyword(u"SECONDS")) {
                    fail(QStringLiteral("expected SECONDS, found %1").arg(describe(m_tok)));
                    return false;
                }
            } else if (isKeyword(u"REPEATS")) {
                if (!advance()) {
                    return false;
                }
                if (m_tok.type != Tok::Integer || m_tok.text.startsWith(u'-')) {
                    fail(QStringLiteral("REPEATS needs a positive integer, found %1").arg(describe(m_tok)));
                    return false;
                }
                q.kind = PatternQualifier::Kind::Repeats;
                q.first = m_tok.text;
                if (!advance()) {
                    return false;
                }
                if (!isKeyword(u"TIMES")) {
                    fail(QStringLiteral("expected TIMES, found %1").arg(describe(m_tok)));
                    return false;
                }
            } else if (isKeyword(u"START")) {
                if (!advance()) {
                    return false;
                }
                if (m_tok.type != Tok::Timestamp) {
                    fail(QStringLiteral("START needs a t'' timestamp, found %1").arg(describe(m_tok)));
                    return false;
                }
                q.kind = PatternQualifier::Kind::StartStop;
                q.first = m_tok.text;
                if (!advance()) {
                    return false;
                }
                if (!isKeyword(u"STOP")) {
                    fail(QStringLiteral("expected STOP, found %1").arg(describe(m_tok)));
                    return false;
                }
                if (!advance()) {
                    return false;
                }
                if (m_tok.type != Tok::Timestamp) {
                    fail(QStringLiteral("STOP needs a t'' timestamp, found %1").arg(describe(m_tok)));
                    return false;
                }
                q.second = m_tok.text;
            } else {
                return true;
            }
            if (!advance()) {
                return false;
            }
            out.push_back(std::move(q));
        }
    }

    Cmp comparisonOr(int depth)
    {
        return binaryChain<Cmp>(u"OR", PatternComparisonNode::Kind::Or, [this, depth] { return comparisonAnd(depth); });
    }

    Cmp comparisonAnd(int depth)
    {
        return binaryChain<Cmp>(u"AND", PatternComparisonNode::Kind::And, [this, depth] { return comparison(depth); });
    }

    Cmp comparison(int depth)
    {
        if (m_tok.type == Tok::LParen) {
            if (!enter(depth) || !advance()) {
                return std::nullopt;
            }
            Cmp inner = comparisonOr(depth + 1);
            if (!inner || !expect(Tok::RParen, u"')'")) {
                return std::nullopt;
            }
            return inner;
        }
        PatternComparisonNode node;
        node.kind = PatternComparisonNode::Kind::Comparison;
        PatternComparison &c = node.comparison;
        if (isKeyword(u"EXISTS")) {
            if (!advance() || !objectPath(c.path)) {
                return std::nullopt;
            }
            c.op = PatternOperator::Exists;
            return node;
        }
        if (!objectPath(c.path)) {
            return std::nullopt;
        }
        if (isKeyword(u"NOT")) {
            c.negated = true;
            if (!advance()) {
                return std::nullopt;
            }
        }
        if (!comparisonOperator(c.op)) {
            return std::nullopt;
        }
        if (!literalFor(c.op, c.literal)) {
            return std::nullopt;
        }
        return node;
    }

    bool comparisonOperator(PatternOperator &op)
    {
        struct Named
        {
            QStringView text;
            PatternOperator op;
        };
        static constexpr Named symbols[] = {
            { u"=", PatternOperator::Equal },
            { u"!=", PatternOperator::NotEqual },
            { u"<>", PatternOperator::NotEqual },
            { u">", PatternOperator::Greater },
            { u"<", PatternOperator::Less },
            { u">=", PatternOperator::GreaterOrEqual },
            { u"<=", PatternOperator::LessOrEqual },
        };
        static constexpr Named words[] = {
            { u"IN", PatternOperator::In },
            { u"LIKE", PatternOperator::Like },
            { u"MATCHES", PatternOperator::Matches },
            { u"ISSUBSET", PatternOperator::IsSubset },
            { u"ISSUPERSET", PatternOperator::IsSuperset },
        };
        if (m_tok.type == Tok::Operator) {
            for (const auto &s : symbols) {
                if (m_tok.text == s.text) {
                    op = s.op;
                    return advance();
                }
            }
        } else if (m_tok.type == Tok::Identifier) {
            for (const auto &w : words) {
                if (m_tok.text == w.text) {
                    op = w.op;
                    return advance();
                }
            }
        }
        fail(QStringLiteral("expected a comparison operator, found %1").arg(describe(m_tok)));
        return false;
    }

    bool literalFor(PatternOperator op, PatternLiteral &out)
    {
        switch (op) {
        case PatternOperator::In:
            return setLiteral(out);
        case PatternOperator::Like:
        case PatternOperator::Matches:
        case PatternOperator::IsSubset:
        case PatternOperator::IsSuperset:
            if (m_tok.type != Tok::String) {
                fail(QStringLiteral("this operator needs a string literal, found %1").arg(describe(m_tok)));
                return false;
            }
            return scalarLiteral(out, false);
        case PatternOperator::Equal:
        case PatternOperator::NotEqual:
            return scalarLiteral(out, true);
        default:
            return scalarLiteral(out, false);
        }
    }

    bool scalarLiteral(PatternLiteral &out, bool allowBoolean)
    {
        switch (m_tok.type) {
        case Tok::String:
            out.kind = PatternLiteral::Kind::String;
            break;
        case Tok::Integer:
            out.kind = PatternLiteral::Kind::Integer;
            break;
        case Tok::Float:
            out.kind = PatternLiteral::Kind::Float;
            break;
        case Tok::Binary:
            out.kind = PatternLiteral::Kind::Binary;
            break;
        case Tok::Hex:
            out.kind = PatternLiteral::Kind::Hex;
            break;
        case Tok::Timestamp:
            out.kind = PatternLiteral::Kind::Timestamp;
            break;
        case Tok::Identifier:
            if (allowBoolean && (m_tok.text == u"true" || m_tok.text == u"false")) {
                out.kind = PatternLiteral::Kind::Boolean;
                break;
            }
            [[fallthrough]];
        default:
            fail(QStringLiteral("expected a literal value, found %1").arg(describe(m_tok)));
            return false;
        }
        out.value = m_tok.text;
        return advance();
    }

    bool setLiteral(PatternLiteral &out)
    {
        out.kind = PatternLiteral::Kind::Set;
        if (!expect(Tok::LParen, u"'(' to open a set")) {
            return false;
        }
        if (m_tok.type == Tok::RParen) {
            return advance();
        }
        while (true) {
            PatternLiteral item;
            if (!scalarLiteral(item, true)) {
                return false;
            }
            out.items.push_back(std::move(item));
            if (m_tok.type == Tok::RParen) {
                return advance();
            }
            if (!expect(Tok::Comma, u"',' or ')' in a set")) {
                return false;
            }
        }
    }

    bool propertyName(PatternPathStep &step)
    {
        step.kind = PatternPathStep::Kind::Property;
        if (m_tok.type == Tok::String) {
            step.quoted = true;
        } else if (m_tok.type == Tok::Identifier) {
            if (m_tok.text.contains(u'-')) {
                fail(QStringLiteral("property name '%1' contains '-' and must be quoted").arg(m_tok.text.left(40)));
                return false;
            }
        } else {
            fail(QStringLiteral("expected a property name, found %1").arg(describe(m_tok)));
            return false;
        }
        step.name = m_tok.text;
        return advance();
    }

    bool objectPath(PatternObjectPath &path)
    {
        if (m_tok.type != Tok::Identifier) {
            fail(QStringLiteral("expected an object type, found %1").arg(describe(m_tok)));
            return false;
        }
        path.objectType = m_tok.text;
        if (!advance() || !expect(Tok::Colon, u"':' after the object type")) {
            return false;
        }
        PatternPathStep first;
        if (!propertyName(first)) {
            return false;
        }
        path.steps.push_back(std::move(first));
        while (m_tok.type == Tok::Dot || m_tok.type == Tok::LBracket) {
            PatternPathStep step;
            if (m_tok.type == Tok::Dot) {
                if (!advance() || !propertyName(step)) {
                    return false;
                }
            } else {
                if (!advance()) {
                    return false;
                }
                if (m_tok.type == Tok::Star) {
                    step.kind = PatternPathStep::Kind::AnyIndex;
                } else if (m_tok.type == Tok::Integer) {
                    bool ok = false;
                    step.index = m_tok.text.toLongLong(&ok);
                    if (!ok) {
                        fail(QStringLiteral("list index %1 is out of range").arg(m_tok.text.left(40)));
                        return false;
                    }
                    step.kind = PatternPathStep::Kind::Index;
                } else {
                    fail(QStringLiteral("expected a list index or '*', found %1").arg(describe(m_tok)));
                    return false;
                }
                if (!advance() || !expect(Tok::RBracket, u"']' after the list index")) {
                    return false;
                }
            }
            path.steps.push_back(std::move(step));
        }
        return true;
    }

    Lexer m_lexer;
    Token m_tok;
    Error m_error;
};

void collect(const PatternComparisonNode &node, std::vector<PatternComparison> &out)
{
    if (node.kind == PatternComparisonNode::Kind::Comparison) {
        out.push_back(node.comparison);
        return;
    }
    for (const auto &child : node.children) {
        collect(child, out);
    }
}

void collect(const PatternObservationNode &node, std::vector<PatternComparison> &out)
{
    if (node.kind == PatternObservationNode::Kind::Observation) {
        collect(node.comparison, out);
        return;
    }
    for (const auto &child : node.children) {
        collect(child, out);
    }
}

QStringView operatorText(PatternOperator op)
{
    switch (op) {
    case PatternOperator::Equal:
        return u"=";
    case PatternOperator::NotEqual:
        return u"!=";
    case PatternOperator::Greater:
        return u">";
    case PatternOperator::Less:
        return u"<";
    case PatternOperator::GreaterOrEqual:
        return u">=";
    case PatternOperator::LessOrEqual:
        return u"<=";
    case PatternOperator::In:
        return u"IN";
    case PatternOperator::Like:
        return u"LIKE";
    case PatternOperator::Matches:
        return u"MATCHES";
    case PatternOperator::IsSubset:
        return u"ISSUBSET";
    case PatternOperator::IsSuperset:
        return u"ISSUPERSET";
    case PatternOperator::Exists:
        return u"EXISTS";
    }
    return u"?";
}

void appendLiteral(QString &out, const PatternLiteral &lit)
{
    switch (lit.kind) {
    case PatternLiteral::Kind::String:
        out += u'\'' + escapePatternValue(lit.value) + u'\'';
        return;
    case PatternLiteral::Kind::Binary:
        out += u"b'" + lit.value + u'\'';
        return;
    case PatternLiteral::Kind::Hex:
        out += u"h'" + lit.value + u'\'';
        return;
    case PatternLiteral::Kind::Timestamp:
        out += u"t'" + lit.value + u'\'';
        return;
    case PatternLiteral::Kind::Set:
        out += u'(';
        for (size_t i = 0; i < lit.items.size(); ++i) {
            if (i > 0) {
                out += u", ";
            }
            appendLiteral(out, lit.items[i]);
        }
        out += u')';
        return;
    default:
        out += lit.value;
        return;
    }
}

void appendComparisonNode(QString &out, const PatternComparisonNode &node)
{
    if (node.kind == PatternComparisonNode::Kind::Comparison) {
        const PatternComparison &c = node.comparison;
        if (c.op == PatternOperator::Exists) {
            out += u"EXISTS " + c.path.toString();
            return;
        }
        out += c.path.toString();
        if (c.negated) {
            out += u" NOT";
        }
        out += u' ' + operatorText(c.op).toString() + u' ';
        appendLiteral(out, c.literal);
        return;
    }
    const QStringView glue = node.kind == PatternComparisonNode::Kind::And ? u" AND " : u" OR ";
    out += u'(';
    for (size_t i = 0; i < node.children.size(); ++i) {
        if (i > 0) {
            out += glue;
        }
        appendComparisonNode(out, node.children[i]);
    }
    out += u')';
}

void appendObservationNode(QString &out, const PatternObservationNode &node)
{
    if (node.kind == PatternObservationNode::Kind::Observation) {
        out += u'[';
        appendComparisonNode(out, node.comparison);
        out += u']';
    } else {
        const QStringView glue = node.kind == PatternObservationNode::Kind::And
            ? u" AND "
            : (node.kind == PatternObservationNode::Kind::Or ? u" OR " : u" FOLLOWEDBY ");
        out += u'(';
        for (size_t i = 0; i < node.children.size(); ++i) {
            if (i > 0) {
                out += glue;
            }
            appendObservationNode(out, node.children[i]);
        }
        out += u')';
    }
    for (const auto &q : node.qualifiers) {
        switch (q.kind) {
        case PatternQualifier::Kind::Within:
            out += u" WITHIN " + q.first + u" SECONDS";
            break;
        case PatternQualifier::Kind::Repeats:
            out += u" REPEATS " + q.first + u" TIMES";
            break;
        case PatternQualifier::Kind::StartStop:
            out += u" START t'" + q.first + u"' STOP t'" + q.second + u'\'';
            break;
        }
    }
}

} // namespace

QString PatternObjectPath::toString() const
{
    QString out = objectType + u':';
    bool first = true;
    for (const auto &step : steps) {
        switch (step.kind) {
        case PatternPathStep::Kind::Property:
            if (!first) {
                out += u'.';
            }
            if (isPlainIdentifier(step.name)) {
                out += step.name;
            } else {
                out += u'\'' + escapePatternValue(step.name) + u'\'';
            }
            break;
        case PatternPathStep::Kind::Index:
            out += u'[' + QString::number(step.index) + u']';
            break;
        case PatternPathStep::Kind::AnyIndex:
            out += u"[*]";
            break;
        }
        first = false;
    }
    return out;
}

std::vector<PatternComparison> ParsedPattern::comparisons() const
{
    std::vector<PatternComparison> out;
    collect(root, out);
    return out;
}

Result<ParsedPattern> parsePattern(QStringView pattern)
{
    Parser parser(pattern);
    auto result = parser.run();
    if (!result) {
        return Error { Error::Code::InvalidInput, u"invalid STIX pattern: " + result.error().message, 0 };
    }
    return result;
}

QString formatPattern(const ParsedPattern &pattern)
{
    QString out;
    appendObservationNode(out, pattern.root);
    return out;
}

Result<QString> unescapePatternValue(QStringView escaped)
{
    QString out;
    out.reserve(escaped.size());
    for (qsizetype i = 0; i < escaped.size(); ++i) {
        const QChar c = escaped[i];
        if (c != u'\\') {
            out.append(c);
            continue;
        }
        if (i + 1 >= escaped.size()) {
            return Error { Error::Code::InvalidInput, QStringLiteral("a lone backslash ends the value"), 0 };
        }
        const QChar e = escaped[i + 1];
        if (e != u'\\' && e != u'\'') {
            return Error {
                Error::Code::InvalidInput, QStringLiteral("invalid escape '\\%1' at position %2").arg(e).arg(i + 1), 0
            };
        }
        out.append(e);
        ++i;
    }
    return out;
}

} // namespace msb::stix
