// SPDX-License-Identifier: BSD-2-Clause
#include "core/config/import/pythonliteral.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>

using namespace Qt::Literals::StringLiterals;

namespace msb::config {

namespace {

constexpr int kMaxDepth = 64;

class Parser
{
public:
    explicit Parser(QStringView text)
        : m_text(text)
    { }

    Result<QJsonValue> parseAll()
    {
        QJsonValue v = value(0);
        if (!m_error.isEmpty())
            return fail();
        skipSpace();
        if (m_pos < m_text.size()) {
            error(QCoreApplication::translate("msb::config", "unexpected \"%1\" after the value")
                      .arg(m_text.mid(m_pos, 12).toString()));
            return fail();
        }
        return v;
    }

private:
    Error fail() const
    {
        return { Error::Code::InvalidInput,
            QCoreApplication::translate("msb::config", "not a plain Python value at character %1: %2")
                .arg(m_errorPos + 1)
                .arg(m_error) };
    }

    void error(const QString &message)
    {
        if (m_error.isEmpty()) {
            m_error = message;
            m_errorPos = m_pos;
        }
    }

    bool atEnd() const { return m_pos >= m_text.size(); }
    QChar peek(qsizetype ahead = 0) const { return m_pos + ahead < m_text.size() ? m_text[m_pos + ahead] : QChar(); }

    void skipSpace()
    {
        while (!atEnd()) {
            const QChar c = peek();
            if (c == u'#') {
                while (!atEnd() && peek() != u'\n')
                    ++m_pos;
            } else if (c == u'\\' && peek(1) == u'\n') {
                m_pos += 2;
            } else if (c.isSpace()) {
                ++m_pos;
            } else {
                break;
            }
        }
    }

    QJsonValue value(int depth)
    {
        if (depth > kMaxDepth) {
            error(QCoreApplication::translate("msb::config", "nested more than %1 levels").arg(kMaxDepth));
            return {};
        }
        skipSpace();
        if (atEnd()) {
            error(QCoreApplication::translate("msb::config", "a value is missing"));
            return {};
        }
        const QChar c = peek();
        if (c == u'{')
            return dict(depth);
        if (c == u'[')
            return sequence(u']', depth);
        if (c == u'(')
            return sequence(u')', depth);
        if (c == u'"' || c == u'\'' || isStringPrefix())
            return strings();
        if (c.isDigit() || c == u'-' || c == u'+' || c == u'.')
            return number();
        if (c.isLetter() || c == u'_') {
            const qsizetype start = m_pos;
            while (!atEnd() && (peek().isLetterOrNumber() || peek() == u'_'))
                ++m_pos;
            const QStringView word = m_text.mid(start, m_pos - start);
            if (word == u"True")
                return true;
            if (word == u"False")
                return false;
            if (word == u"None")
                return QJsonValue(QJsonValue::Null);
            m_pos = start;
            error(QCoreApplication::translate("msb::config", "\"%1\" is a name or expression, not a value")
                      .arg(word.toString()));
            return {};
        }
        error(QCoreApplication::translate("msb::config", "unexpected \"%1\"").arg(c));
        return {};
    }

    bool isStringPrefix() const
    {
        // r"", u"", b"", rb"", br"" — but not f"" (formatted strings are code).
        qsizetype i = 0;
        while (i < 2 && (peek(i).toLower() == u'r' || peek(i).toLower() == u'u' || peek(i).toLower() == u'b'))
            ++i;
        return i > 0 && (peek(i) == u'"' || peek(i) == u'\'');
    }

    QJsonValue strings()
    {
        QString out;
        do {
            out += oneString();
            if (!m_error.isEmpty())
                return {};
            skipSpace();
        } while (!atEnd() && (peek() == u'"' || peek() == u'\'' || isStringPrefix()));
        return out;
    }

    QString oneString()
    {
        bool raw = false;
        while (peek() != u'"' && peek() != u'\'') {
            if (peek().toLower() == u'r')
                raw = true;
            ++m_pos;
        }
        const QChar quote = peek();
        const bool triple = peek(1) == quote && peek(2) == quote;
        m_pos += triple ? 3 : 1;
        QString out;
        while (true) {
            if (atEnd()) {
                error(QCoreApplication::translate("msb::config", "a string is not closed"));
                return {};
            }
            const QChar c = peek();
            if (c == quote && (!triple || (peek(1) == quote && peek(2) == quote))) {
                m_pos += triple ? 3 : 1;
                return out;
            }
            if (c == u'\n' && !triple) {
                error(QCoreApplication::translate("msb::config", "a string is not closed on its line"));
                return {};
            }
            if (c == u'\\' && !raw) {
                ++m_pos;
                out += escape();
                continue;
            }
            if (c == u'\\' && raw && (peek(1) == quote || peek(1) == u'\\')) {
                out += c;
                out += peek(1);
                m_pos += 2;
                continue;
            }
            out += c;
            ++m_pos;
        }
    }

    QString escape()
    {
        const QChar c = peek();
        ++m_pos;
        switch (c.unicode()) {
        case '\n':
            return {};
        case 'n':
            return u"\n"_s;
        case 't':
            return u"\t"_s;
        case 'r':
            return u"\r"_s;
        case '0':
            return QString(QChar(0));
        case 'a':
            return QString(QChar(7));
        case 'b':
            return QString(QChar(8));
        case 'f':
            return QString(QChar(12));
        case 'v':
            return QString(QChar(11));
        case 'x':
        case 'u':
        case 'U': {
            const int digits = c == u'x' ? 2 : c == u'u' ? 4 : 8;
            bool ok = false;
            const uint code = m_text.mid(m_pos, digits).toString().toUInt(&ok, 16);
            if (!ok || m_pos + digits > m_text.size()) {
                error(QCoreApplication::translate("msb::config", "a \\%1 escape is malformed").arg(c));
                return {};
            }
            m_pos += digits;
            const char32_t cp = code;
            return QString::fromUcs4(&cp, 1);
        }
        case '\\':
        case '\'':
        case '"':
            return QString(c);
        default:
            return u"\\"_s + c; // Python keeps unknown escapes as they are
        }
    }

    QJsonValue number()
    {
        const qsizetype start = m_pos;
        if (peek() == u'-' || peek() == u'+')
            ++m_pos;
        skipSpace();
        QString digits;
        while (!atEnd()
            && (peek().isLetterOrNumber() || peek() == u'.' || peek() == u'_'
                || ((peek() == u'-' || peek() == u'+') && (digits.endsWith(u'e') || digits.endsWith(u'E'))))) {
            if (peek() != u'_')
                digits += peek();
            ++m_pos;
        }
        const bool negative = m_text[start] == u'-';
        bool ok = false;
        double v = 0;
        const QString lower = digits.toLower();
        if (lower.startsWith(u"0x"))
            v = double(lower.mid(2).toLongLong(&ok, 16));
        else if (lower.startsWith(u"0o"))
            v = double(lower.mid(2).toLongLong(&ok, 8));
        else if (lower.startsWith(u"0b"))
            v = double(lower.mid(2).toLongLong(&ok, 2));
        else if (!lower.contains(u'.') && !lower.contains(u'e'))
            v = double(lower.toLongLong(&ok, 10));
        else
            v = lower.toDouble(&ok);
        if (!ok) {
            m_pos = start;
            error(QCoreApplication::translate("msb::config", "\"%1\" is not a number").arg(digits));
            return {};
        }
        return negative ? -v : v;
    }

    QJsonValue sequence(QChar close, int depth)
    {
        ++m_pos;
        QJsonArray out;
        while (true) {
            skipSpace();
            if (atEnd()) {
                error(QCoreApplication::translate("msb::config", "\"%1\" is missing").arg(close));
                return {};
            }
            if (peek() == close) {
                ++m_pos;
                return out;
            }
            out.append(value(depth + 1));
            if (!m_error.isEmpty())
                return {};
            skipSpace();
            if (peek() == u',') {
                ++m_pos;
            } else if (peek() != close) {
                error(QCoreApplication::translate("msb::config", "expected \",\" or \"%1\"").arg(close));
                return {};
            }
        }
    }

    QJsonValue dict(int depth)
    {
        ++m_pos;
        QJsonObject out;
        QJsonArray asSet; // {1, 2} is a set
        bool isSet = false;
        while (true) {
            skipSpace();
            if (atEnd()) {
                error(QCoreApplication::translate("msb::config", "\"}\" is missing"));
                return {};
            }
            if (peek() == u'}') {
                ++m_pos;
                return isSet ? QJsonValue(asSet) : QJsonValue(out);
            }
            const QJsonValue key = value(depth + 1);
            if (!m_error.isEmpty())
                return {};
            skipSpace();
            if (peek() == u':' && !isSet) {
                ++m_pos;
                const QJsonValue v = value(depth + 1);
                if (!m_error.isEmpty())
                    return {};
                QString k;
                if (key.isString())
                    k = key.toString();
                else if (key.isDouble())
                    k = QString::number(key.toDouble(), 'g', 17);
                else if (key.isBool())
                    k = key.toBool() ? u"True"_s : u"False"_s;
                else {
                    error(QCoreApplication::translate("msb::config", "a dict key must be a string or a number"));
                    return {};
                }
                out.insert(k, v);
            } else if (out.isEmpty()) {
                isSet = true;
                asSet.append(key);
            } else {
                error(QCoreApplication::translate("msb::config", "expected \":\""));
                return {};
            }
            skipSpace();
            if (peek() == u',') {
                ++m_pos;
            } else if (peek() != u'}') {
                error(QCoreApplication::translate("msb::config", "expected \",\" or \"}\""));
                return {};
            }
        }
    }

    QStringView m_text;
    qsizetype m_pos = 0;
    QString m_error;
    qsizetype m_errorPos = 0;
};

} // namespace

Result<QJsonValue> parsePythonLiteral(QStringView text)
{
    return Parser(text).parseAll();
}

} // namespace msb::config
