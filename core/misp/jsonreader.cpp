// SPDX-License-Identifier: BSD-2-Clause
#include "core/misp/jsonreader.h"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace msb::misp {

namespace {

/// The first '"' or '\\' in [p, end), or end. Strings in MISP data are short (uuids, types,
/// values): sixteen bytes per step beat two memchr calls per string, each with its own setup.
const char *findQuoteOrBackslash(const char *p, const char *end)
{
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    while (end - p >= 16) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const int hits
            = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(chunk, quote), _mm_cmpeq_epi8(chunk, backslash)));
        if (hits != 0)
            return p + __builtin_ctz(unsigned(hits));
        p += 16;
    }
#endif
    while (p < end && *p != '"' && *p != '\\')
        ++p;
    return p < end ? p : end;
}

/// The first '"', '{', '}', '[' or ']' in [p, end), or end: what skipping a validated value has
/// to look at; everything between (names, numbers, text) is passed sixteen bytes at a time.
const char *findStructural(const char *p, const char *end)
{
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i openObject = _mm_set1_epi8('{');
    const __m128i closeObject = _mm_set1_epi8('}');
    const __m128i openArray = _mm_set1_epi8('[');
    const __m128i closeArray = _mm_set1_epi8(']');
    while (end - p >= 16) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i objects = _mm_or_si128(_mm_cmpeq_epi8(chunk, openObject), _mm_cmpeq_epi8(chunk, closeObject));
        const __m128i arrays = _mm_or_si128(_mm_cmpeq_epi8(chunk, openArray), _mm_cmpeq_epi8(chunk, closeArray));
        const int hits = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(chunk, quote), _mm_or_si128(objects, arrays)));
        if (hits != 0)
            return p + __builtin_ctz(unsigned(hits));
        p += 16;
    }
#endif
    while (p < end && *p != '"' && *p != '{' && *p != '}' && *p != '[' && *p != ']')
        ++p;
    return p < end ? p : end;
}

constexpr unsigned char kFirst = 1;
constexpr unsigned char kObject = 2;

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

void appendUtf8(QByteArray &out, char32_t cp)
{
    if (cp < 0x80) {
        out.append(char(cp));
    } else if (cp < 0x800) {
        out.append(char(0xC0 | (cp >> 6)));
        out.append(char(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.append(char(0xE0 | (cp >> 12)));
        out.append(char(0x80 | ((cp >> 6) & 0x3F)));
        out.append(char(0x80 | (cp & 0x3F)));
    } else {
        out.append(char(0xF0 | (cp >> 18)));
        out.append(char(0x80 | ((cp >> 12) & 0x3F)));
        out.append(char(0x80 | ((cp >> 6) & 0x3F)));
        out.append(char(0x80 | (cp & 0x3F)));
    }
}

} // namespace

JsonReader::JsonReader(const char *begin, const char *start, const char *end)
    : m_begin(begin)
    , m_pos(start)
    , m_end(end)
{
    m_stack.reserve(16);
}

JsonReader::JsonReader(const char *begin, const char *end)
    : m_begin(begin)
    , m_pos(begin)
    , m_end(end)
{
    // A UTF-8 byte order mark is tolerated (some exporters write one).
    if (m_end - m_pos >= 3 && std::memcmp(m_pos, "\xEF\xBB\xBF", 3) == 0)
        m_pos += 3;
    m_stack.reserve(16);
}

void JsonReader::fail(const char *what)
{
    if (m_failed)
        return;
    m_failed = true;
    m_error = what;
    m_errorOffset = m_pos - m_begin;
}

QString JsonReader::errorString() const
{
    if (!m_failed)
        return {};
    qsizetype line = 1;
    qsizetype column = 1;
    for (const char *p = m_begin; p < m_begin + m_errorOffset; ++p) {
        if (*p == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return QStringLiteral("invalid JSON at line %1, column %2: %3")
        .arg(line)
        .arg(column)
        .arg(QString::fromLatin1(m_error));
}

void JsonReader::skipWhitespaceRun()
{
    const char *p = m_pos;
#if defined(__SSE2__)
    // Indentation comes in runs of a dozen spaces and more: sixteen bytes per step.
    const __m128i space = _mm_set1_epi8(' ');
    const __m128i newline = _mm_set1_epi8('\n');
    const __m128i ret = _mm_set1_epi8('\r');
    const __m128i tab = _mm_set1_epi8('\t');
    while (m_end - p >= 16) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const __m128i ws = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(chunk, space), _mm_cmpeq_epi8(chunk, newline)),
            _mm_or_si128(_mm_cmpeq_epi8(chunk, ret), _mm_cmpeq_epi8(chunk, tab)));
        const unsigned other = unsigned(_mm_movemask_epi8(ws)) ^ 0xFFFFU;
        if (other != 0) {
            m_pos = p + __builtin_ctz(other);
            return;
        }
        p += 16;
    }
#endif
    while (p < m_end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
        ++p;
    m_pos = p;
}

bool JsonReader::atEnd()
{
    skipWhitespace();
    return m_pos >= m_end;
}

bool JsonReader::beginObject()
{
    if (!expect('{', "expected an object"))
        return false;
    if (m_stack.size() >= kMaxDepth) {
        fail("nesting too deep");
        return false;
    }
    m_stack.push_back(kObject | kFirst);
    return true;
}

bool JsonReader::beginArray()
{
    if (!expect('[', "expected an array"))
        return false;
    if (m_stack.size() >= kMaxDepth) {
        fail("nesting too deep");
        return false;
    }
    m_stack.push_back(kFirst);
    return true;
}

bool JsonReader::nextKey(QByteArrayView &key)
{
    if (m_failed || m_stack.empty() || !(m_stack.back() & kObject))
        return false;
    skipWhitespace();
    if (m_pos >= m_end) {
        fail("unexpected end of input inside an object");
        return false;
    }
    if (*m_pos == '}') {
        ++m_pos;
        m_stack.pop_back();
        return false;
    }
    if (!(m_stack.back() & kFirst)) {
        if (*m_pos != ',') {
            fail("expected ',' or '}' in an object");
            return false;
        }
        ++m_pos;
        skipWhitespace();
    }
    m_stack.back() &= ~kFirst;
    if (m_pos >= m_end || *m_pos != '"') {
        fail("expected a member name");
        return false;
    }
    QByteArrayView raw;
    bool escapes = false;
    if (!scanString(raw, escapes))
        return false;
    if (escapes) {
        m_keyBuffer.clear();
        if (!decodeEscapes(raw, m_keyBuffer))
            return false;
        key = m_keyBuffer;
    } else {
        key = raw;
    }
    return expect(':', "expected ':' after a member name");
}

bool JsonReader::nextElement()
{
    if (m_failed || m_stack.empty() || (m_stack.back() & kObject))
        return false;
    skipWhitespace();
    if (m_pos >= m_end) {
        fail("unexpected end of input inside an array");
        return false;
    }
    if (*m_pos == ']') {
        ++m_pos;
        m_stack.pop_back();
        return false;
    }
    if (!(m_stack.back() & kFirst)) {
        if (*m_pos != ',') {
            fail("expected ',' or ']' in an array");
            return false;
        }
        ++m_pos;
    }
    m_stack.back() &= ~kFirst;
    return true;
}

bool JsonReader::scanString(QByteArrayView &raw, bool &hasEscapes)
{
    // m_pos is at the opening quote. Every byte is looked at once; an escaped character is
    // stepped over here and validated when decoding.
    const char *start = m_pos + 1;
    const char *p = start;
    hasEscapes = false;
    for (;;) {
        p = findQuoteOrBackslash(p, m_end);
        if (p >= m_end)
            break;
        if (*p == '"') {
            raw = QByteArrayView(start, p - start);
            m_pos = p + 1;
            return true;
        }
        hasEscapes = true;
        p += 2;
    }
    m_pos = m_end;
    fail("unterminated string");
    return false;
}

bool JsonReader::decodeEscapes(QByteArrayView raw, QByteArray &out)
{
    out.reserve(raw.size());
    const char *p = raw.data();
    const char *end = p + raw.size();
    while (p < end) {
        const char *bs = static_cast<const char *>(std::memchr(p, '\\', end - p));
        if (!bs) {
            out.append(p, end - p);
            break;
        }
        out.append(p, bs - p);
        p = bs + 1;
        if (p >= end) {
            fail("invalid escape in a string");
            return false;
        }
        const char e = *p++;
        switch (e) {
        case '"':
            out.append('"');
            break;
        case '\\':
            out.append('\\');
            break;
        case '/':
            out.append('/');
            break;
        case 'b':
            out.append('\b');
            break;
        case 'f':
            out.append('\f');
            break;
        case 'n':
            out.append('\n');
            break;
        case 'r':
            out.append('\r');
            break;
        case 't':
            out.append('\t');
            break;
        case 'u': {
            auto read4 = [&](char32_t &v) {
                if (end - p < 4)
                    return false;
                v = 0;
                for (int i = 0; i < 4; ++i) {
                    const int h = hexValue(p[i]);
                    if (h < 0)
                        return false;
                    v = (v << 4) | char32_t(h);
                }
                p += 4;
                return true;
            };
            char32_t cp = 0;
            if (!read4(cp)) {
                fail("invalid \\u escape in a string");
                return false;
            }
            if (cp >= 0xD800 && cp <= 0xDBFF) {
                char32_t low = 0;
                const char *save = p;
                if (end - p >= 6 && p[0] == '\\' && p[1] == 'u') {
                    p += 2;
                    if (read4(low) && low >= 0xDC00 && low <= 0xDFFF) {
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
                    } else {
                        p = save;
                        cp = 0xFFFD;
                    }
                } else {
                    cp = 0xFFFD;
                }
            } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                cp = 0xFFFD;
            }
            appendUtf8(out, cp);
            break;
        }
        default:
            fail("invalid escape in a string");
            return false;
        }
    }
    return true;
}

bool JsonReader::readStringView(QByteArrayView &out)
{
    if (m_failed)
        return false;
    skipWhitespace();
    if (m_pos >= m_end || *m_pos != '"') {
        fail("expected a string");
        return false;
    }
    QByteArrayView raw;
    bool escapes = false;
    if (!scanString(raw, escapes))
        return false;
    if (!escapes) {
        out = raw;
        return true;
    }
    m_stringBuffer.clear();
    if (!decodeEscapes(raw, m_stringBuffer))
        return false;
    out = m_stringBuffer;
    return true;
}

bool JsonReader::readString(QString &out)
{
    QByteArrayView text;
    if (!readStringView(text))
        return false;
    out = QString::fromUtf8(text);
    return true;
}

bool JsonReader::readString(QString &out, StringCache &cache)
{
    QByteArrayView text;
    if (!readStringView(text))
        return false;
    if (!cache.filled || QByteArrayView(cache.raw) != text) {
        cache.filled = true;
        cache.raw.resize(text.size());
        if (!text.isEmpty())
            std::memcpy(cache.raw.data(), text.data(), size_t(text.size()));
        cache.value = QString::fromUtf8(text);
    }
    out = cache.value;
    return true;
}

bool JsonReader::skipNumber()
{
    const char *start = m_pos;
    if (m_pos < m_end && *m_pos == '-')
        ++m_pos;
    const char *digits = m_pos;
    while (m_pos < m_end && *m_pos >= '0' && *m_pos <= '9')
        ++m_pos;
    if (m_pos == digits) {
        m_pos = start;
        fail("invalid number");
        return false;
    }
    if (m_pos < m_end && *m_pos == '.') {
        ++m_pos;
        const char *frac = m_pos;
        while (m_pos < m_end && *m_pos >= '0' && *m_pos <= '9')
            ++m_pos;
        if (m_pos == frac) {
            fail("invalid number");
            return false;
        }
    }
    if (m_pos < m_end && (*m_pos == 'e' || *m_pos == 'E')) {
        ++m_pos;
        if (m_pos < m_end && (*m_pos == '+' || *m_pos == '-'))
            ++m_pos;
        const char *exp = m_pos;
        while (m_pos < m_end && *m_pos >= '0' && *m_pos <= '9')
            ++m_pos;
        if (m_pos == exp) {
            fail("invalid number");
            return false;
        }
    }
    return true;
}

bool JsonReader::readNumber(QByteArrayView &out)
{
    if (peek() != Token::Number) {
        fail("expected a number");
        return false;
    }
    const char *start = m_pos;
    if (!skipNumber())
        return false;
    out = QByteArrayView(start, m_pos - start);
    return true;
}

bool JsonReader::skipLiteral(const char *literal, qsizetype length)
{
    if (m_end - m_pos < length || std::memcmp(m_pos, literal, size_t(length)) != 0) {
        fail("invalid literal");
        return false;
    }
    m_pos += length;
    return true;
}

bool JsonReader::readBool(bool &out)
{
    switch (peek()) {
    case Token::True:
        out = true;
        return skipLiteral("true", 4);
    case Token::False:
        out = false;
        return skipLiteral("false", 5);
    default:
        fail("expected true or false");
        return false;
    }
}

bool JsonReader::readNull()
{
    if (peek() != Token::Null) {
        fail("expected null");
        return false;
    }
    return skipLiteral("null", 4);
}

bool JsonReader::skipScalar()
{
    switch (peek()) {
    case Token::String: {
        QByteArrayView raw;
        bool escapes = false;
        return scanString(raw, escapes);
    }
    case Token::Number:
        return skipNumber();
    case Token::True:
        return skipLiteral("true", 4);
    case Token::False:
        return skipLiteral("false", 5);
    case Token::Null:
        return skipLiteral("null", 4);
    case Token::End:
        fail("unexpected end of input");
        return false;
    default:
        fail("unexpected character");
        return false;
    }
}

bool JsonReader::skipMemberName()
{
    skipWhitespace();
    if (m_pos >= m_end || *m_pos != '"') {
        fail(m_pos >= m_end ? "unexpected end of input inside an object" : "expected a member name");
        return false;
    }
    QByteArrayView raw;
    bool escapes = false;
    return scanString(raw, escapes) && expect(':', "expected ':' after a member name");
}

bool JsonReader::skipValidatedValue()
{
    m_lastSkipTooDeep = false;
    const Token t = peek();
    if (t != Token::Object && t != Token::Array)
        return skipScalar();
    std::size_t depth = 0;
    const char *p = m_pos;
    while ((p = findStructural(p, m_end)) < m_end) {
        const char c = *p++;
        if (c == '"') {
            // The closing quote is the first one not escaped by a backslash.
            for (;;) {
                p = findQuoteOrBackslash(p, m_end);
                if (p >= m_end) {
                    p = m_end;
                    break;
                }
                if (*p == '"') {
                    ++p;
                    break;
                }
                p += 2;
            }
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth == 0) {
                m_pos = p;
                return true;
            }
        }
    }
    m_pos = m_end;
    fail("unexpected end of input");
    return false;
}

bool JsonReader::skipValue()
{
    // Iterative with one bit per open container, so hostile nesting can neither overflow the stack
    // nor cost more memory than an eighth of its own size; the reader's m_stack is left untouched.
    m_lastSkipTooDeep = false;
    if (m_failed)
        return false;
    m_skipKinds.clear();
    std::size_t depth = 0;
    const std::size_t room = m_stack.size() < std::size_t(kMaxDepth) ? kMaxDepth - m_stack.size() : 0;
    auto isObject = [&]() -> bool { return ((m_skipKinds[(depth - 1) / 64] >> ((depth - 1) % 64)) & 1U) != 0; };
    auto open = [&](bool object) {
        if (depth % 64 == 0)
            m_skipKinds.push_back(0);
        const quint64 bit = quint64(1) << (depth % 64);
        m_skipKinds.back() = object ? (m_skipKinds.back() | bit) : (m_skipKinds.back() & ~bit);
        ++depth;
        if (depth > room)
            m_lastSkipTooDeep = true;
        ++m_pos;
    };
    for (;;) {
        // A value starts here.
        const Token t = peek();
        if (t == Token::Object || t == Token::Array) {
            open(t == Token::Object);
            skipWhitespace();
            const char close = t == Token::Object ? '}' : ']';
            if (m_pos < m_end && *m_pos == close) {
                ++m_pos;
                --depth;
                if (depth % 64 == 0)
                    m_skipKinds.pop_back();
            } else {
                if (t == Token::Object && !skipMemberName())
                    return false;
                continue;
            }
        } else if (!skipScalar()) {
            return false;
        }
        // After a value: close finished containers, or step to the next member/element.
        for (;;) {
            if (depth == 0)
                return true;
            skipWhitespace();
            if (m_pos >= m_end) {
                fail(isObject() ? "unexpected end of input inside an object"
                                : "unexpected end of input inside an array");
                return false;
            }
            const bool object = isObject();
            if (*m_pos == ',') {
                ++m_pos;
                if (object && !skipMemberName())
                    return false;
                break;
            }
            if (*m_pos != (object ? '}' : ']')) {
                fail(object ? "expected ',' or '}' in an object" : "expected ',' or ']' in an array");
                return false;
            }
            ++m_pos;
            --depth;
            if (depth % 64 == 0)
                m_skipKinds.pop_back();
        }
    }
}

} // namespace msb::misp
