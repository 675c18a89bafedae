// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>
#include <vector>

namespace msb::misp {

/// A small pull (streaming) JSON reader over a UTF-8 buffer, built for speed on huge MISP events:
/// no DOM, strings are decoded only when asked for, anything else is skipped in place.
///
/// Errors are sticky: after the first syntax error every call returns false/empty, so loops written
/// as `while (r.nextKey(k))` always end. Every call consumes input, so no loop can run forever.
/// beginObject()/beginArray() refuse to go deeper than kMaxDepth (a hard error: callers recurse).
/// skipValue() is iterative and skips a value of any depth (one bit per level), so one hostile,
/// deeply nested value costs its item, not the document: lastSkipTooDeep() tells the caller.
/// The buffer must outlive the reader. Not thread-safe; one reader per thread.
class JsonReader final
{
public:
    enum class Token { Object, Array, String, Number, True, False, Null, End, Invalid };
    static constexpr int kMaxDepth = 256;

    JsonReader(const char *begin, const char *end);
    /// Reads from `start` inside [begin, end): offsets and error positions stay relative to `begin`.
    JsonReader(const char *begin, const char *start, const char *end);
    explicit JsonReader(QByteArrayView data)
        : JsonReader(data.data(), data.data() + data.size())
    { }

    /// Kind of the next value, without consuming it.
    Token peek()
    {
        if (m_failed)
            return Token::Invalid;
        skipWhitespace();
        if (m_pos >= m_end)
            return Token::End;
        return tokenAt(*m_pos);
    }

    /// Consumes `{`. Then call nextKey() until it returns false (it consumes the closing `}`).
    bool beginObject();
    /// Reads the next member name of the current object. False at the end of the object or on error.
    /// The view points into the input or into an internal buffer valid until the next call.
    bool nextKey(QByteArrayView &key);

    /// Consumes `[`. Then call nextElement() until it returns false (it consumes the closing `]`).
    bool beginArray();
    /// True when another element follows (read it next); false at the end of the array or on error.
    bool nextElement();

    bool readString(QString &out);
    /// The last text read through readString(out, cache): a repeated value (type, category, empty
    /// comment…) is shared instead of decoded and allocated again.
    struct StringCache
    {
        QByteArray raw;
        QString value;
        bool filled = false;
    };
    bool readString(QString &out, StringCache &cache);
    /// The decoded UTF-8 text of a string: a view into the input, or into an internal buffer valid
    /// until the next call when the string has escapes.
    bool readStringView(QByteArrayView &out);
    /// Raw text of a number token (e.g. "1698765432", "-1.5e3").
    bool readNumber(QByteArrayView &out);
    bool readBool(bool &out);
    bool readNull();
    /// Skips any value (objects/arrays of any depth, validated). False only on a syntax error.
    bool skipValue();
    /// Skips a value of input that is known to be valid JSON (a whole-document skipValue() passed):
    /// only brackets and strings are looked at, nothing is validated, depth is not limited. Ends at
    /// the end of the input (an error) when the input was not valid after all.
    bool skipValidatedValue();
    /// True when the value the last skipValue() consumed went deeper than kMaxDepth (counting the
    /// containers this reader is inside): the caller reports it as an error on its item.
    bool lastSkipTooDeep() const { return m_lastSkipTooDeep; }

    /// Byte offset of the next unread input (for spans and messages).
    qsizetype offset() const { return m_pos - m_begin; }
    /// True when only whitespace is left.
    bool atEnd();

    bool failed() const { return m_failed; }
    /// "line L, column C: <what>" of the first error.
    QString errorString() const;
    /// Forces an error (e.g. "expected an object") at the current position.
    void fail(const char *what);

private:
    static Token tokenAt(char c)
    {
        // Once per token: inline, as the switch it replaces.
        switch (c) {
        case '{':
            return Token::Object;
        case '[':
            return Token::Array;
        case '"':
            return Token::String;
        case 't':
            return Token::True;
        case 'f':
            return Token::False;
        case 'n':
            return Token::Null;
        default:
            return c == '-' || (c >= '0' && c <= '9') ? Token::Number : Token::Invalid;
        }
    }
    void skipWhitespace()
    {
        // Compact JSON has no whitespace between tokens: one comparison; indented JSON has runs.
        if (m_pos<m_end &&static_cast<unsigned char>(*m_pos)> ' ')
            return;
        skipWhitespaceRun();
    }
    void skipWhitespaceRun();
    bool expect(char c, const char *what)
    {
        if (m_failed)
            return false;
        skipWhitespace();
        if (m_pos < m_end && *m_pos == c) {
            ++m_pos;
            return true;
        }
        fail(m_pos >= m_end ? "unexpected end of input" : what);
        return false;
    }
    bool scanString(QByteArrayView &raw, bool &hasEscapes);
    bool decodeEscapes(QByteArrayView raw, QByteArray &out);
    bool skipNumber();
    bool skipLiteral(const char *literal, qsizetype length);
    bool skipScalar();
    bool skipMemberName();

    const char *m_begin;
    const char *m_pos;
    const char *m_end;
    std::vector<unsigned char> m_stack; ///< per open container: kObject flag | kFirst flag
    std::vector<quint64> m_skipKinds; ///< skipValue(): one bit per open container (1 = object), reused
    bool m_lastSkipTooDeep = false;
    QByteArray m_keyBuffer;
    QByteArray m_stringBuffer;
    bool m_failed = false;
    qsizetype m_errorOffset = 0;
    const char *m_error = nullptr;
};

} // namespace msb::misp
