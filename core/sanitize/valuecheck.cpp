// SPDX-License-Identifier: BSD-2-Clause
#include "core/sanitize/valuecheck.h"

#include "core/util/hexdigits.h"

#include <QHostAddress>
#include <QRegularExpression>
#include <QUrl>

#include <array>

namespace msb::sanitize {

namespace {

/// Only 0-9 and a-f: such text is its own lower case (the common case: hashes as MISP stores them).
bool isLowerHex(QStringView s)
{
    bool ok = true;
    for (const QChar c : s) // no early exit: branch-free over hex digits and letters in random order
        ok &= hexDigitValue(c.unicode()) >= 0 && !(c.unicode() >= u'A' && c.unicode() <= u'F');
    return ok;
}

bool isHex(QStringView s)
{
    bool ok = true;
    for (const QChar c : s)
        ok &= hexDigitValue(c.unicode()) >= 0;
    return ok;
}

bool isDigits(QStringView s)
{
    if (s.isEmpty())
        return false;
    for (const QChar c : s) {
        if (c.unicode() < '0' || c.unicode() > '9')
            return false;
    }
    return true;
}

/// Strict dotted-quad: four decimal octets 0-255, no leading zeros (as Python's ipaddress).
bool parseIpv4(QStringView s, quint32 &out)
{
    quint32 result = 0;
    int parts = 0;
    qsizetype i = 0;
    while (i <= s.size()) {
        qsizetype j = i;
        while (j < s.size() && s[j] != u'.')
            ++j;
        const QStringView part = s.mid(i, j - i);
        if (part.isEmpty() || part.size() > 3 || !isDigits(part) || (part.size() > 1 && part[0] == u'0'))
            return false;
        const int v = part.toInt();
        if (v > 255)
            return false;
        result = (result << 8) | quint32(v);
        ++parts;
        if (parts > 4)
            return false;
        i = j + 1;
        if (j == s.size())
            break;
    }
    if (parts != 4)
        return false;
    out = result;
    return true;
}

bool inV4(quint32 a, quint32 net, int bits)
{
    const quint32 mask = bits == 0 ? 0 : (0xFFFFFFFFu << (32 - bits));
    return (a & mask) == (net & mask);
}

constexpr quint32 v4(int a, int b, int c, int d)
{
    return (quint32(a) << 24) | (quint32(b) << 16) | (quint32(c) << 8) | quint32(d);
}

struct HashRule
{
    const char *type;
    int length; ///< hex digits; 0 = other format
};

constexpr std::array<HashRule, 21> kHashRules { {
    { "md5", 32 },
    { "sha1", 40 },
    { "sha224", 56 },
    { "sha256", 64 },
    { "sha384", 96 },
    { "sha512", 128 },
    { "sha512/224", 56 },
    { "sha512/256", 64 },
    { "sha3-224", 56 },
    { "sha3-256", 64 },
    { "sha3-384", 96 },
    { "sha3-512", 128 },
    { "imphash", 32 },
    { "authentihash", 64 },
    { "pehash", 40 },
    { "cdhash", 40 },
    { "telfhash", -1 },
    { "tlsh", -2 },
    { "ssdeep", 0 },
    { "impfuzzy", 0 },
    { "vhash", -3 },
} };

/// True when refang() could change `v`; false for the common, already clean value.
bool mayNeedRefang(QStringView v)
{
    if (v.contains(u'[') || v.contains(u'('))
        return true;
    const QStringView head = v.left(4);
    return head.compare(u"hxxp", Qt::CaseInsensitive) == 0 || head.compare(u"hxtp", Qt::CaseInsensitive) == 0
        || head.compare(u"htxp", Qt::CaseInsensitive) == 0 || head.compare(u"meow", Qt::CaseInsensitive) == 0;
}

/// `raw` trimmed and refanged, as a view: into `storage` when refanging changed it, else into the
/// caller's text (no copy).
QStringView trimmedRefanged(QStringView raw, QString &storage)
{
    const QStringView t = raw.trimmed();
    if (!mayNeedRefang(t))
        return t;
    storage = refang(t);
    return storage;
}

/// The accepted text `v` as a QString: `whole` itself when `v` is all of it, else a copy.
QString keep(QStringView v, const QString *whole)
{
    if (whole && v.size() == whole->size() && v.data() == whole->constData())
        return *whole;
    return v.toString();
}

} // namespace

QString refang(QStringView value)
{
    QString v = value.toString();
    // Fast path: nothing defanged (the common case on the hot path).
    const bool bracket = v.contains(u'[') || v.contains(u'(');
    const QStringView head = QStringView(v).left(4);
    const bool oddScheme = head.compare(u"hxxp", Qt::CaseInsensitive) == 0
        || head.compare(u"hxtp", Qt::CaseInsensitive) == 0 || head.compare(u"htxp", Qt::CaseInsensitive) == 0
        || head.compare(u"meow", Qt::CaseInsensitive) == 0
        || QStringView(v).left(6).compare(u"h[tt]p", Qt::CaseInsensitive) == 0;
    if (oddScheme) {
        const qsizetype len = v.startsWith(u"h[", Qt::CaseInsensitive) ? 6 : 4;
        v.replace(0, len, QStringLiteral("http"));
    }
    if (!bracket)
        return v;
    v.replace(QStringLiteral("[.]"), QStringLiteral("."));
    v.replace(QStringLiteral("[dot]"), QStringLiteral("."), Qt::CaseInsensitive);
    v.replace(QStringLiteral("(dot)"), QStringLiteral("."), Qt::CaseInsensitive);
    v.replace(QStringLiteral("[@]"), QStringLiteral("@"));
    v.replace(QStringLiteral("[at]"), QStringLiteral("@"), Qt::CaseInsensitive);
    v.replace(QStringLiteral("[:]"), QStringLiteral(":"));
    return v;
}

ValueCheck checkIpAddress(QStringView raw, bool *isV6, const QString *whole)
{
    QString refanged;
    const QStringView value = trimmedRefanged(raw, refanged);
    if (value.isEmpty())
        return ValueCheck::reject(QStringLiteral("invalid IP address: empty"));
    QStringView addr = value;
    int prefix = -1;
    const qsizetype slash = value.indexOf(u'/');
    if (slash >= 0) {
        const QStringView p = value.mid(slash + 1);
        if (!isDigits(p) || p.size() > 3)
            return ValueCheck::reject(QStringLiteral("invalid IP address: bad prefix length"));
        prefix = p.toInt();
        addr = value.left(slash);
    }
    quint32 a4 = 0;
    if (parseIpv4(addr, a4)) {
        if (prefix > 32)
            return ValueCheck::reject(QStringLiteral("invalid IPv4 address: prefix length above 32"));
        if (isV6)
            *isV6 = false;
        QString canonical = keep(addr, refanged.isNull() ? whole : &refanged); // no prefix: shared
        if (prefix >= 0 && prefix != 32)
            canonical += u'/' + QString::number(prefix);
        return ValueCheck::accept(canonical);
    }
    if (addr.contains(u':')) {
        // Zone ids (%eth0) are not observables.
        if (addr.contains(u'%'))
            return ValueCheck::reject(QStringLiteral("invalid IPv6 address: zone id"));
        QHostAddress h;
        if (!h.setAddress(addr.toString()) || h.protocol() != QAbstractSocket::IPv6Protocol)
            return ValueCheck::reject(QStringLiteral("invalid IPv6 address"));
        if (prefix > 128)
            return ValueCheck::reject(QStringLiteral("invalid IPv6 address: prefix length above 128"));
        if (isV6)
            *isV6 = true;
        QString canonical = h.toString().toLower();
        if (prefix >= 0 && prefix != 128)
            canonical += u'/' + QString::number(prefix);
        return ValueCheck::accept(canonical);
    }
    if (addr.count(u'.') == 3)
        return ValueCheck::reject(QStringLiteral("invalid IPv4 address"));
    return ValueCheck::reject(QStringLiteral("invalid IP address"));
}

bool isPrivateOrReserved(QStringView checked)
{
    QStringView addr = checked;
    const qsizetype slash = addr.indexOf(u'/');
    if (slash >= 0)
        addr = addr.left(slash);
    quint32 a = 0;
    if (parseIpv4(addr, a)) {
        struct Net
        {
            quint32 net;
            int bits;
        };
        static constexpr std::array<Net, 16> nets { { { v4(0, 0, 0, 0), 8 },
            { v4(10, 0, 0, 0), 8 },
            { v4(100, 64, 0, 0), 10 },
            { v4(127, 0, 0, 0), 8 },
            { v4(169, 254, 0, 0), 16 },
            { v4(172, 16, 0, 0), 12 },
            { v4(192, 0, 0, 0), 24 },
            { v4(192, 0, 2, 0), 24 },
            { v4(192, 88, 99, 0), 24 },
            { v4(192, 168, 0, 0), 16 },
            { v4(198, 18, 0, 0), 15 },
            { v4(198, 51, 100, 0), 24 },
            { v4(203, 0, 113, 0), 24 },
            { v4(224, 0, 0, 0), 4 },
            { v4(240, 0, 0, 0), 4 },
            { v4(255, 255, 255, 255), 32 } } };
        for (const Net &n : nets) {
            if (inV4(a, n.net, n.bits))
                return true;
        }
        return false;
    }
    QHostAddress h;
    if (!h.setAddress(addr.toString()))
        return false;
    if (h.isLoopback() || h.isLinkLocal() || h.isUniqueLocalUnicast() || h.isMulticast() || h.isSiteLocal()
        || h == QHostAddress(QHostAddress::AnyIPv6))
        return true;
    const Q_IPV6ADDR b = h.toIPv6Address();
    if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) // 2001:db8::/32 documentation
        return true;
    bool mapped = false;
    const quint32 m = h.toIPv4Address(&mapped);
    if (mapped)
        return isPrivateOrReserved(QHostAddress(m).toString());
    return false;
}

ValueCheck checkDomain(QStringView raw, const QString *whole)
{
    // The common value (lower-case ASCII, no trailing dot, not defanged) is checked as a view and
    // shared; only a value that normalisation changes gets its own string.
    QString storage;
    QStringView clean = trimmedRefanged(raw, storage);
    bool ascii = true;
    bool lower = true;
    for (const QChar c : clean) {
        ascii = ascii && c.unicode() < 0x80;
        lower = lower && !(c.unicode() >= u'A' && c.unicode() <= u'Z');
    }
    if (clean.endsWith(u'.') || !ascii || !lower) {
        storage = clean.toString().toLower();
        while (storage.endsWith(u'.'))
            storage.chop(1);
        clean = storage;
        ascii = true; // as before lower-casing changed it (a Kelvin sign becomes an ASCII 'k')
        for (const QChar c : clean)
            ascii = ascii && c.unicode() < 0x80;
    }
    QString v = clean.data() == storage.constData() ? storage : keep(clean, whole);
    if (v.isEmpty())
        return ValueCheck::reject(QStringLiteral("invalid domain name: empty"));
    if (!ascii) {
        const QByteArray ace = QUrl::toAce(v);
        if (ace.isEmpty())
            return ValueCheck::reject(QStringLiteral("invalid domain name: not a valid internationalised name"));
        v = QString::fromLatin1(ace);
    }
    if (v.size() > 253)
        return ValueCheck::reject(QStringLiteral("invalid domain name: longer than 253 characters"));
    int labels = 0;
    for (qsizetype start = 0; start <= v.size();) { // the labels between dots, as split(u'.') gives them
        qsizetype dot = v.indexOf(u'.', start);
        if (dot < 0)
            dot = v.size();
        const QStringView label = QStringView(v).mid(start, dot - start);
        start = dot + 1;
        ++labels;
        if (label.isEmpty())
            return ValueCheck::reject(QStringLiteral("invalid domain name: empty label"));
        if (label.size() > 63)
            return ValueCheck::reject(QStringLiteral("invalid domain name: label longer than 63 characters"));
        if (label.front() == u'-' || label.back() == u'-')
            return ValueCheck::reject(QStringLiteral("invalid domain name: label starts or ends with '-'"));
        for (const QChar c : label) {
            const char16_t u = c.unicode();
            if (!((u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || u == '-' || u == '_'))
                return ValueCheck::reject(QStringLiteral("invalid domain name: character '%1' not allowed").arg(c));
        }
    }
    if (labels < 2)
        return ValueCheck::reject(QStringLiteral("invalid domain name: needs at least two labels"));
    // An IPv4 address is not a domain name.
    quint32 a = 0;
    if (parseIpv4(v, a))
        return ValueCheck::reject(QStringLiteral("invalid domain name: is an IP address"));
    return ValueCheck::accept(v);
}

ValueCheck checkUrl(QStringView raw, const QString *whole)
{
    QString refanged;
    const QStringView v = trimmedRefanged(raw, refanged);
    if (v.isEmpty())
        return ValueCheck::reject(QStringLiteral("invalid URL: empty"));
    for (const QChar c : v) {
        if (c.unicode() < 0x20 || c.unicode() == 0x7F || c.isSpace())
            return ValueCheck::reject(QStringLiteral("invalid URL: contains whitespace or control characters"));
    }
    // RFC 3986 scheme, then ':'; the STIX schema wants an absolute URI for url:value.
    const qsizetype colon = v.indexOf(u':');
    if (colon <= 0)
        return ValueCheck::reject(QStringLiteral("invalid URL: not absolute (no scheme)"));
    for (qsizetype i = 0; i < colon; ++i) {
        const char16_t u = v.at(i).unicode();
        const bool alpha = (u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z');
        if (!(alpha || (i > 0 && ((u >= '0' && u <= '9') || u == '+' || u == '-' || u == '.'))))
            return ValueCheck::reject(QStringLiteral("invalid URL: not absolute (no scheme)"));
    }
    if (colon + 1 >= v.size())
        return ValueCheck::reject(QStringLiteral("invalid URL: nothing after the scheme"));
    const QStringView scheme = v.left(colon);
    const bool web = scheme.compare(u"http", Qt::CaseInsensitive) == 0
        || scheme.compare(u"https", Qt::CaseInsensitive) == 0 || scheme.compare(u"ftp", Qt::CaseInsensitive) == 0;
    if (web) {
        // Hierarchical URLs need "//" and a host (without QUrl: it was the hot spot of URL checks).
        QStringView rest = v.mid(colon + 1);
        if (!rest.startsWith(u"//"))
            return ValueCheck::reject(QStringLiteral("invalid URL: no valid host"));
        rest = rest.mid(2);
        qsizetype end = 0;
        while (end < rest.size() && rest[end] != u'/' && rest[end] != u'?' && rest[end] != u'#')
            ++end;
        QStringView authority = rest.left(end);
        const qsizetype at = authority.lastIndexOf(u'@');
        if (at >= 0)
            authority = authority.mid(at + 1);
        QStringView host = authority;
        if (host.startsWith(u'[')) {
            const qsizetype close = host.indexOf(u']');
            if (close < 0)
                return ValueCheck::reject(QStringLiteral("invalid URL: no valid host"));
            host = host.mid(1, close - 1);
        } else {
            const qsizetype portColon = host.lastIndexOf(u':');
            if (portColon >= 0) {
                const QStringView port = host.mid(portColon + 1);
                for (const QChar ch : port) {
                    if (!ch.isDigit())
                        return ValueCheck::reject(QStringLiteral("invalid URL: bad port"));
                }
                host = host.left(portColon);
            }
        }
        if (host.isEmpty())
            return ValueCheck::reject(QStringLiteral("invalid URL: no valid host"));
        for (const QChar ch : host) {
            if (ch == u'\\' || ch == u'\'' || ch == u'"' || ch == u'<' || ch == u'>' || ch == u'%' || ch == u'{'
                || ch == u'}' || ch == u'|' || ch == u'^' || ch == u'`')
                return ValueCheck::reject(QStringLiteral("invalid URL: no valid host"));
        }
    }
    return ValueCheck::accept(keep(v, refanged.isNull() ? whole : &refanged));
}

ValueCheck checkEmail(QStringView raw)
{
    const QString v = refang(raw.trimmed()).toLower();
    const qsizetype at = v.lastIndexOf(u'@');
    if (at <= 0 || at == v.size() - 1)
        return ValueCheck::reject(QStringLiteral("invalid email address"));
    const QStringView local = QStringView(v).left(at);
    for (const QChar c : local) {
        if (c.isSpace() || c.unicode() < 0x20 || c == u'@' || c == u'<' || c == u'>')
            return ValueCheck::reject(QStringLiteral("invalid email address"));
    }
    const ValueCheck domain = checkDomain(QStringView(v).mid(at + 1));
    if (!domain.ok)
        return ValueCheck::reject(QStringLiteral("invalid email address: ") + domain.reason);
    return ValueCheck::accept(local.toString() + u'@' + domain.value);
}

ValueCheck checkHash(QStringView type, QStringView raw, const QString *whole)
{
    // misp-stix strips surrounding quotes from hashes (`"d41d…"` in real exports).
    QStringView view = raw.trimmed();
    while (!view.isEmpty() && (view.front() == u'"' || view.front() == u'\''))
        view = view.mid(1);
    while (!view.isEmpty() && (view.back() == u'"' || view.back() == u'\'' || view.back() == u'\\'))
        view.chop(1);
    QString v = keep(view.trimmed(), whole); // the common clean hash: shared, not copied
    // Only needed for a drop reason: not built for every valid hash.
    const auto name = [type] { return type.toString().toUpper(); };
    if (v.isEmpty())
        return ValueCheck::reject(QStringLiteral("invalid %1 hash: empty").arg(name()));
    for (const HashRule &rule : kHashRules) {
        if (type != QLatin1StringView(rule.type))
            continue;
        if (rule.length > 0) {
            if (!isLowerHex(v))
                v = v.toLower();
            if (!isHex(v))
                return ValueCheck::reject(QStringLiteral("invalid %1 hash: not hexadecimal").arg(name()));
            if (v.size() != rule.length)
                return ValueCheck::reject(QStringLiteral("invalid %1 hash: %2 characters, expected %3")
                                              .arg(name())
                                              .arg(v.size())
                                              .arg(rule.length));
            return ValueCheck::accept(v);
        }
        if (rule.length == -1) { // telfhash: TLSH-like hex, or "t1"+hex
            v = v.toLower();
            const QStringView body = v.startsWith(u"t1") ? QStringView(v).mid(2) : QStringView(v);
            if (!isHex(body) || body.size() < 70 || body.size() > 72)
                return ValueCheck::reject(QStringLiteral("invalid %1 hash").arg(name()));
            return ValueCheck::accept(v);
        }
        if (rule.length == -2) { // tlsh: 70 or 72 hex, optional T1 version prefix
            QString lower = v.toLower();
            const QStringView body = lower.startsWith(u"t1") ? QStringView(lower).mid(2) : QStringView(lower);
            if (!isHex(body) || (body.size() != 70 && body.size() != 72))
                return ValueCheck::reject(QStringLiteral("invalid TLSH hash: expected 70 or 72 hex digits"));
            return ValueCheck::accept(lower);
        }
        if (rule.length == -3) { // vhash: VirusTotal's alphabet
            static const QRegularExpression re(QStringLiteral("^[0-9a-zA-Z=._-]{8,128}$"));
            if (!re.match(v).hasMatch())
                return ValueCheck::reject(QStringLiteral("invalid VHASH hash"));
            return ValueCheck::accept(v);
        }
        // ssdeep / impfuzzy: blocksize:hash:hash
        static const QRegularExpression fuzzy(
            QStringLiteral("^[0-9]{1,10}:[0-9A-Za-z/+]*:[0-9A-Za-z/+]*(,\"?.*\"?)?$"));
        if (!fuzzy.match(v).hasMatch())
            return ValueCheck::reject(QStringLiteral("invalid %1 hash: expected blocksize:hash:hash").arg(name()));
        return ValueCheck::accept(v);
    }
    return ValueCheck::reject(QStringLiteral("unsupported hash type %1").arg(type));
}

ValueCheck checkX509Fingerprint(QStringView type, QStringView raw)
{
    QString v;
    for (const QChar c : raw) {
        if (c.isLetterOrNumber())
            v.append(c.toLower());
    }
    const int expected = type.endsWith(u"md5") ? 32 : type.endsWith(u"sha1") ? 40 : 64;
    if (!isHex(v) || v.size() != expected)
        return ValueCheck::reject(QStringLiteral("invalid x509 fingerprint: expected %1 hex digits").arg(expected));
    return ValueCheck::accept(v);
}

ValueCheck checkMacAddress(QStringView raw)
{
    QString hex;
    const QString v = raw.trimmed().toString();
    for (const QChar c : v) {
        if (c == u':' || c == u'-' || c == u'.')
            continue;
        hex.append(c.toLower());
    }
    if (hex.size() != 12 || !isHex(hex))
        return ValueCheck::reject(QStringLiteral("invalid MAC address"));
    QString out;
    for (int i = 0; i < 12; i += 2) {
        if (i)
            out.append(u':');
        out.append(QStringView(hex).mid(i, 2));
    }
    return ValueCheck::accept(out);
}

ValueCheck checkAsNumber(QStringView raw)
{
    QStringView v = raw.trimmed();
    if (v.startsWith(u"AS", Qt::CaseInsensitive))
        v = v.mid(2).trimmed();
    quint64 n = 0;
    const qsizetype dot = v.indexOf(u'.');
    if (dot >= 0) {
        const QStringView hi = v.left(dot);
        const QStringView lo = v.mid(dot + 1);
        if (!isDigits(hi) || !isDigits(lo) || hi.size() > 5 || lo.size() > 5 || hi.toUInt() > 65535
            || lo.toUInt() > 65535)
            return ValueCheck::reject(QStringLiteral("invalid AS number"));
        n = quint64(hi.toUInt()) * 65536 + lo.toUInt();
    } else {
        if (!isDigits(v) || v.size() > 10)
            return ValueCheck::reject(QStringLiteral("invalid AS number"));
        n = v.toULongLong();
    }
    if (n > 4294967295ULL)
        return ValueCheck::reject(QStringLiteral("invalid AS number: out of range"));
    return ValueCheck::accept(QString::number(n));
}

ValueCheck checkPort(QStringView raw)
{
    const QStringView v = raw.trimmed();
    if (!isDigits(v) || v.size() > 5 || v.toInt() > 65535)
        return ValueCheck::reject(QStringLiteral("invalid port"));
    return ValueCheck::accept(QString::number(v.toInt()));
}

ValueCheck checkUnsigned(QStringView raw, const QString &what)
{
    const QStringView v = raw.trimmed();
    if (!isDigits(v) || v.size() > 19)
        return ValueCheck::reject(QStringLiteral("invalid %1: not a non-negative integer").arg(what));
    return ValueCheck::accept(QString::number(v.toULongLong()));
}

ValueCheck checkText(QStringView raw, const QString &what)
{
    const QString v = raw.trimmed().toString();
    if (v.isEmpty())
        return ValueCheck::reject(QStringLiteral("invalid %1: empty").arg(what));
    if (v.contains(QChar(0)))
        return ValueCheck::reject(QStringLiteral("invalid %1: contains a NUL character").arg(what));
    return ValueCheck::accept(v);
}

} // namespace msb::sanitize
