// SPDX-License-Identifier: BSD-2-Clause
#include "tests/sandbox/stixpatterncheck.h"

#include <QList>

using namespace Qt::Literals::StringLiterals;

namespace msb::sandbox {

namespace {

enum class Tok { LBracket, RBracket, LParen, RParen, Colon, Dot, Comma, Star, Op, String, Typed, Number, Word, End };

struct Token
{
    Tok kind;
    QString text;
    qsizetype pos;
};

bool isWordChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'-';
}

/// Splits the pattern into tokens; returns an error text or empty.
QString tokenize(const QString &p, QList<Token> *out)
{
    qsizetype i = 0;
    const qsizetype n = p.size();
    while (i < n) {
        const QChar c = p.at(i);
        if (c.isSpace()) {
            ++i;
            continue;
        }
        const qsizetype start = i;
        auto simple = [&](Tok kind) {
            out->append({ kind, QString(c), start });
            ++i;
        };
        switch (c.unicode()) {
        case '[':
            simple(Tok::LBracket);
            continue;
        case ']':
            simple(Tok::RBracket);
            continue;
        case '(':
            simple(Tok::LParen);
            continue;
        case ')':
            simple(Tok::RParen);
            continue;
        case ':':
            simple(Tok::Colon);
            continue;
        case '.':
            simple(Tok::Dot);
            continue;
        case ',':
            simple(Tok::Comma);
            continue;
        case '*':
            simple(Tok::Star);
            continue;
        default:
            break;
        }
        if (c == u'=' || c == u'!' || c == u'<' || c == u'>') {
            QString op(c);
            ++i;
            if (i < n && (p.at(i) == u'=' || (c == u'<' && p.at(i) == u'>'))) {
                op += p.at(i);
                ++i;
            }
            if (op == u"!"_s)
                return u"unexpected '!' at position %1"_s.arg(start);
            out->append({ Tok::Op, op, start });
            continue;
        }
        if (c == u'\'') {
            ++i;
            QString value;
            bool closed = false;
            while (i < n) {
                const QChar d = p.at(i);
                if (d == u'\\') {
                    if (i + 1 >= n || (p.at(i + 1) != u'\'' && p.at(i + 1) != u'\\'))
                        return u"invalid escape in string at position %1"_s.arg(i);
                    value += p.at(i + 1);
                    i += 2;
                    continue;
                }
                if (d == u'\'') {
                    closed = true;
                    ++i;
                    break;
                }
                value += d;
                ++i;
            }
            if (!closed)
                return u"unterminated string starting at position %1"_s.arg(start);
            if (!out->isEmpty() && out->last().kind == Tok::Word && out->last().pos + 1 == start
                && (out->last().text == u"t"_s || out->last().text == u"h"_s || out->last().text == u"b"_s)) {
                out->last().kind = Tok::Typed;
                out->last().text += u':' + value;
            } else {
                out->append({ Tok::String, value, start });
            }
            continue;
        }
        if (c.isDigit() || (c == u'-' && i + 1 < n && p.at(i + 1).isDigit())) {
            ++i;
            while (i < n && (p.at(i).isDigit() || p.at(i) == u'.'))
                ++i;
            out->append({ Tok::Number, p.mid(start, i - start), start });
            continue;
        }
        if (isWordChar(c)) {
            while (i < n && isWordChar(p.at(i)))
                ++i;
            out->append({ Tok::Word, p.mid(start, i - start), start });
            continue;
        }
        return u"unexpected character '%1' at position %2"_s.arg(c).arg(start);
    }
    out->append({ Tok::End, QString(), n });
    return {};
}

class Parser
{
public:
    explicit Parser(QList<Token> tokens)
        : m_tokens(std::move(tokens))
    { }

    QString run()
    {
        observationExpressions(0);
        if (m_error.isEmpty() && peek().kind != Tok::End)
            fail(u"unexpected '%1'"_s.arg(peek().text));
        return m_error;
    }

private:
    static constexpr int MaxDepth = 64; // nesting bound: a hostile pattern cannot recurse forever

    const Token &peek() const { return m_tokens.at(m_pos); }
    bool ok() const { return m_error.isEmpty(); }
    void fail(const QString &what)
    {
        if (m_error.isEmpty())
            m_error = u"%1 at position %2"_s.arg(what).arg(peek().pos);
    }
    bool keyword(const char *word) const { return peek().kind == Tok::Word && peek().text == QLatin1StringView(word); }
    bool expect(Tok kind, const QString &what)
    {
        if (peek().kind != kind) {
            fail(u"expected %1"_s.arg(what));
            return false;
        }
        ++m_pos;
        return true;
    }

    void observationExpressions(int depth)
    {
        if (depth > MaxDepth)
            return fail(u"pattern nested too deeply"_s);
        observationOr(depth);
        while (ok() && keyword("FOLLOWEDBY")) {
            ++m_pos;
            observationOr(depth);
        }
    }
    void observationOr(int depth)
    {
        observationAnd(depth);
        while (ok() && keyword("OR")) {
            ++m_pos;
            observationAnd(depth);
        }
    }
    void observationAnd(int depth)
    {
        observation(depth);
        while (ok() && keyword("AND")) {
            ++m_pos;
            observation(depth);
        }
    }
    void observation(int depth)
    {
        if (peek().kind == Tok::LBracket) {
            ++m_pos;
            comparisonOr(depth + 1);
            if (ok())
                expect(Tok::RBracket, u"']' closing the observation expression"_s);
        } else if (peek().kind == Tok::LParen) {
            ++m_pos;
            observationExpressions(depth + 1);
            if (ok())
                expect(Tok::RParen, u"')'"_s);
        } else {
            return fail(u"expected '[' starting an observation expression"_s);
        }
        while (ok() && (keyword("WITHIN") || keyword("REPEATS") || keyword("START")))
            qualifier();
    }
    void qualifier()
    {
        if (keyword("WITHIN")) {
            ++m_pos;
            if (expect(Tok::Number, u"a number after WITHIN"_s) && !keyword("SECONDS"))
                return fail(u"expected SECONDS"_s);
            ++m_pos;
        } else if (keyword("REPEATS")) {
            ++m_pos;
            if (expect(Tok::Number, u"a number after REPEATS"_s) && !keyword("TIMES"))
                return fail(u"expected TIMES"_s);
            ++m_pos;
        } else {
            ++m_pos;
            if (peek().kind != Tok::Typed || !peek().text.startsWith(u"t:"_s))
                return fail(u"expected a t'timestamp' after START"_s);
            ++m_pos;
            if (!keyword("STOP"))
                return fail(u"expected STOP"_s);
            ++m_pos;
            if (peek().kind != Tok::Typed || !peek().text.startsWith(u"t:"_s))
                return fail(u"expected a t'timestamp' after STOP"_s);
            ++m_pos;
        }
    }
    void comparisonOr(int depth)
    {
        if (depth > MaxDepth)
            return fail(u"pattern nested too deeply"_s);
        comparisonAnd(depth);
        while (ok() && keyword("OR")) {
            ++m_pos;
            comparisonAnd(depth);
        }
    }
    void comparisonAnd(int depth)
    {
        propertyTest(depth);
        while (ok() && keyword("AND")) {
            ++m_pos;
            propertyTest(depth);
        }
    }
    void propertyTest(int depth)
    {
        if (peek().kind == Tok::LParen) {
            ++m_pos;
            comparisonOr(depth + 1);
            if (ok())
                expect(Tok::RParen, u"')'"_s);
            return;
        }
        if (keyword("EXISTS")) {
            ++m_pos;
            objectPath();
            return;
        }
        objectPath();
        if (!ok())
            return;
        if (keyword("NOT"))
            ++m_pos;
        if (peek().kind == Tok::Op) {
            ++m_pos;
            return primitive();
        }
        if (keyword("IN")) {
            ++m_pos;
            if (!expect(Tok::LParen, u"'(' after IN"_s))
                return;
            primitive();
            while (ok() && peek().kind == Tok::Comma) {
                ++m_pos;
                primitive();
            }
            if (ok())
                expect(Tok::RParen, u"')' closing the IN set"_s);
            return;
        }
        if (keyword("LIKE") || keyword("MATCHES") || keyword("ISSUBSET") || keyword("ISSUPERSET")) {
            ++m_pos;
            expect(Tok::String, u"a quoted string"_s);
            return;
        }
        fail(u"expected a comparison operator"_s);
    }
    void objectPath()
    {
        if (peek().kind != Tok::Word)
            return fail(u"expected an object type (type:property)"_s);
        const QString type = peek().text;
        for (QChar c : type) {
            if (!(c.isLower() || c.isDigit() || c == u'-'))
                return fail(u"invalid object type '%1'"_s.arg(type));
        }
        ++m_pos;
        if (!expect(Tok::Colon, u"':' after the object type"_s))
            return;
        if (peek().kind != Tok::Word && peek().kind != Tok::String)
            return fail(u"expected a property name after ':'"_s);
        ++m_pos;
        // Bounded by the token list, which the loop consumes.
        while (ok()) {
            if (peek().kind == Tok::Dot) {
                ++m_pos;
                if (peek().kind != Tok::Word && peek().kind != Tok::String)
                    return fail(u"expected a property name after '.'"_s);
                ++m_pos;
            } else if (peek().kind == Tok::LBracket) {
                ++m_pos;
                if (peek().kind != Tok::Number && peek().kind != Tok::Star)
                    return fail(u"expected an index or '*'"_s);
                ++m_pos;
                expect(Tok::RBracket, u"']' closing the index"_s);
            } else {
                return;
            }
        }
    }
    void primitive()
    {
        const Token &token = peek();
        if (token.kind == Tok::String || token.kind == Tok::Number || token.kind == Tok::Typed
            || (token.kind == Tok::Word && (token.text == u"true"_s || token.text == u"false"_s))) {
            ++m_pos;
            return;
        }
        fail(u"expected a value (a quoted string, number, boolean or t'/h'/b' literal)"_s);
    }

    QList<Token> m_tokens;
    qsizetype m_pos = 0;
    QString m_error;
};

} // namespace

QString stixPatternError(const QString &pattern)
{
    if (pattern.trimmed().isEmpty())
        return u"the pattern is empty"_s;
    QList<Token> tokens;
    if (const QString error = tokenize(pattern, &tokens); !error.isEmpty())
        return error;
    return Parser(std::move(tokens)).run();
}

} // namespace msb::sandbox
