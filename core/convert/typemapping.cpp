// SPDX-License-Identifier: BSD-2-Clause
#include "core/convert/typemapping.h"

#include "core/sanitize/valuecheck.h"
#include "core/util/fixedstringmap.h"

#include <algorithm>

namespace msb::convert {

namespace {

using sanitize::ValueCheck;

enum class Kind {
    Ip,
    IpPort,
    Domain,
    DomainIp,
    HostnamePort,
    Url,
    Hash,
    FilenameHash,
    Filename,
    EmailAddr,
    EmailField,
    Mac,
    As,
    Regkey,
    RegkeyValue,
    Mutex,
    UserAgent,
    HttpMethod,
    Port,
    Size,
    X509,
    GithubUser,
    Rule,
    MalwareSample,
    Attachment,
};

const char *const kHashTypes[] = { "md5",
    "sha1",
    "sha224",
    "sha256",
    "sha384",
    "sha512",
    "sha3-224",
    "sha3-256",
    "sha3-384",
    "sha3-512",
    "sha512/224",
    "sha512/256",
    "ssdeep",
    "tlsh",
    "imphash",
    "authentihash",
    "vhash",
    "pehash",
    "telfhash",
    "impfuzzy",
    "cdhash" };

const FixedStringMap<Kind> &kinds()
{
    static const FixedStringMap<Kind> table = [] {
        FixedStringMap<Kind> t;
        auto add = [&](const char *name, Kind k) { t.insert(QString::fromLatin1(name), k); };
        add("ip-src", Kind::Ip);
        add("ip-dst", Kind::Ip);
        add("ip-src|port", Kind::IpPort);
        add("ip-dst|port", Kind::IpPort);
        add("domain", Kind::Domain);
        add("hostname", Kind::Domain);
        add("domain|ip", Kind::DomainIp);
        add("hostname|port", Kind::HostnamePort);
        add("url", Kind::Url);
        add("uri", Kind::Url);
        add("link", Kind::Url);
        for (const char *h : kHashTypes) {
            add(h, Kind::Hash);
            t.insert(QStringLiteral("filename|") + QString::fromLatin1(h), Kind::FilenameHash);
        }
        add("filename", Kind::Filename);
        add("email", Kind::EmailAddr);
        add("email-src", Kind::EmailAddr);
        add("email-dst", Kind::EmailAddr);
        for (const char *e : { "email-subject",
                 "email-x-mailer",
                 "email-reply-to",
                 "email-attachment",
                 "email-body",
                 "email-header",
                 "email-message-id" })
            add(e, Kind::EmailField);
        add("mac-address", Kind::Mac);
        add("AS", Kind::As);
        add("regkey", Kind::Regkey);
        add("regkey|value", Kind::RegkeyValue);
        add("mutex", Kind::Mutex);
        add("user-agent", Kind::UserAgent);
        add("http-method", Kind::HttpMethod);
        add("port", Kind::Port);
        add("size-in-bytes", Kind::Size);
        add("x509-fingerprint-md5", Kind::X509);
        add("x509-fingerprint-sha1", Kind::X509);
        add("x509-fingerprint-sha256", Kind::X509);
        add("github-username", Kind::GithubUser);
        for (const char *r : { "sigma", "snort", "suricata", "yara" })
            add(r, Kind::Rule);
        add("malware-sample", Kind::MalwareSample);
        add("attachment", Kind::Attachment);
        return t;
    }();
    return table;
}

// Callers pass QStringLiteral: static data, no allocation per observable.
Observable obs(QString path, QString stixType, QString value, QString role, bool address = false)
{
    return Observable { std::move(path), std::move(stixType), std::move(value), std::move(role), address };
}

/// Splits a composite value at its first '|' (MISP's separator). False when there is none.
bool splitComposite(QStringView value, QStringView &left, QStringView &right, QChar sep = u'|')
{
    const qsizetype bar = value.indexOf(sep);
    if (bar < 0)
        return false;
    left = value.left(bar);
    right = value.mid(bar + 1);
    return true;
}

bool ipObservable(QStringView raw, Observable &out, QString &reason, const QString *whole = nullptr)
{
    bool v6 = false;
    const ValueCheck c = sanitize::checkIpAddress(raw, &v6, whole);
    if (!c.ok) {
        reason = c.reason;
        return false;
    }
    out = v6 ? obs(QStringLiteral("ipv6-addr:value"), QStringLiteral("ipv6-addr"), c.value, QStringLiteral("ip"), true)
             : obs(QStringLiteral("ipv4-addr:value"), QStringLiteral("ipv4-addr"), c.value, QStringLiteral("ip"), true);
    return true;
}

TypeMapping invalid(QString reason)
{
    TypeMapping m;
    m.outcome = TypeMapping::Outcome::Invalid;
    m.reason = std::move(reason);
    return m;
}

TypeMapping single(Observable o)
{
    TypeMapping m;
    m.outcome = TypeMapping::Outcome::Ok;
    m.observables.append(std::move(o));
    return m;
}

TypeMapping fromCheck(const ValueCheck &c, QString path, QString stixType, QString role)
{
    if (!c.ok)
        return invalid(c.reason);
    return single(obs(std::move(path), std::move(stixType), c.value, std::move(role)));
}

/// Composite result: Ok if at least one part is valid (the invalid parts are reported, not silently lost).
TypeMapping finishComposite(TypeMapping m)
{
    m.composite = true;
    if (m.observables.isEmpty()) {
        m.outcome = TypeMapping::Outcome::Invalid;
        m.reason = m.invalidParts.join(QStringLiteral("; "));
    } else {
        m.outcome = TypeMapping::Outcome::Ok;
    }
    return m;
}

QString emailFieldPath(QStringView type)
{
    if (type == u"email-subject")
        return QStringLiteral("email-message:subject");
    if (type == u"email-x-mailer")
        return QStringLiteral("email-message:additional_header_fields.x_mailer");
    if (type == u"email-reply-to")
        return QStringLiteral("email-message:additional_header_fields.reply_to");
    if (type == u"email-attachment")
        return QStringLiteral("email-message:body_multipart[*].body_raw_ref.name");
    if (type == u"email-body")
        return QStringLiteral("email-message:body");
    if (type == u"email-header")
        return QStringLiteral("email-message:received_lines");
    return QStringLiteral("email-message:message_id");
}

/// File hash observable; the path and role strings are built once per hash type, not per attribute.
Observable fileHashObservable(QStringView hashType, const QString &value)
{
    struct Names
    {
        QString path;
        QString role;
    };
    static const FixedStringMap<Names> table = [] {
        FixedStringMap<Names> t;
        for (const char *h : kHashTypes) {
            const QString name = QString::fromLatin1(h);
            t.insert(name, Names { QStringLiteral("file:hashes.") + stixHashKey(name), name });
        }
        return t;
    }();
    if (const Names *names = table.find(hashType))
        return Observable { names->path, QStringLiteral("file"), value, names->role, false };
    return Observable { QStringLiteral("file:hashes.") + stixHashKey(hashType),
        QStringLiteral("file"),
        value,
        hashType.toString(),
        false };
}

} // namespace

QString stixHashKey(QStringView t)
{
    // STIX 2.1 hash-algorithm-ov names; quoted when not a plain identifier (misp-stix ≥ 2026.5.13).
    // sha512/224 and sha512/256 are distinct algorithms: misp-stix labels them 'SHA-224'/'SHA-256',
    // which would make Sentinel match the wrong hash; we name them exactly.
    if (t == u"md5")
        return QStringLiteral("MD5");
    if (t == u"sha1")
        return QStringLiteral("'SHA-1'");
    if (t == u"sha224")
        return QStringLiteral("'SHA-224'");
    if (t == u"sha256")
        return QStringLiteral("'SHA-256'");
    if (t == u"sha384")
        return QStringLiteral("'SHA-384'");
    if (t == u"sha512")
        return QStringLiteral("'SHA-512'");
    if (t == u"sha512/224")
        return QStringLiteral("'SHA-512/224'");
    if (t == u"sha512/256")
        return QStringLiteral("'SHA-512/256'");
    if (t.startsWith(u"sha3-"))
        return QStringLiteral("'SHA3-") + t.mid(5).toString() + u'\'';
    return t.toString().toUpper();
}

bool isSupportedType(QStringView type)
{
    return kinds().contains(type);
}

bool isSupportedType(const QString &type)
{
    return kinds().contains(type);
}

QStringList supportedTypes()
{
    QStringList l = kinds().keys();
    std::sort(l.begin(), l.end());
    return l;
}

TypeMapping mapAttribute(QStringView type, const QString &valueText)
{
    // Whole-value checks get valueText too, so a value that passes unchanged is shared, not copied.
    const QStringView value = valueText;
    const Kind *kind = kinds().find(type);
    if (!kind) {
        TypeMapping m;
        m.outcome = TypeMapping::Outcome::Unsupported;
        m.reason = QStringLiteral("unsupported type ") + type.toString();
        return m;
    }
    switch (*kind) {
    case Kind::Ip: {
        Observable o;
        QString reason;
        if (!ipObservable(value, o, reason, &valueText))
            return invalid(reason);
        return single(std::move(o));
    }
    case Kind::IpPort: {
        QStringView ip;
        QStringView port;
        if (!splitComposite(value, ip, port)) {
            // PyMISP also accepts ip:port and [v6]:port.
            const QString v = value.trimmed().toString();
            const qsizetype colon = v.lastIndexOf(u':');
            if (v.count(u':') == 1 || (v.startsWith(u'[') && v.contains(u"]:"))) {
                ip = QStringView(v).left(colon);
                if (ip.startsWith(u'[') && ip.endsWith(u']'))
                    ip = ip.mid(1, ip.size() - 2);
                const QString joined = ip.toString() + u'|' + QStringView(v).mid(colon + 1);
                return mapAttribute(type, joined);
            }
            return invalid(QStringLiteral("invalid %1: no '|' between address and port").arg(type));
        }
        TypeMapping m;
        Observable o;
        QString reason;
        if (ipObservable(ip, o, reason))
            m.observables.append(o);
        else
            m.invalidParts.append(reason);
        const ValueCheck p = sanitize::checkPort(port);
        if (p.ok)
            m.port = p.value;
        else
            m.invalidParts.append(p.reason);
        return finishComposite(std::move(m));
    }
    case Kind::Domain:
        return fromCheck(sanitize::checkDomain(value, &valueText),
            QStringLiteral("domain-name:value"),
            QStringLiteral("domain-name"),
            QStringLiteral("domain"));
    case Kind::DomainIp: {
        QStringView d;
        QStringView ip;
        if (!splitComposite(value, d, ip))
            return invalid(QStringLiteral("invalid domain|ip: no '|' between domain and address"));
        TypeMapping m;
        const ValueCheck dc = sanitize::checkDomain(d);
        if (dc.ok)
            m.observables.append(obs(QStringLiteral("domain-name:value"),
                QStringLiteral("domain-name"),
                dc.value,
                QStringLiteral("domain")));
        else
            m.invalidParts.append(dc.reason);
        Observable o;
        QString reason;
        if (ipObservable(ip, o, reason))
            m.observables.append(o);
        else
            m.invalidParts.append(reason);
        return finishComposite(std::move(m));
    }
    case Kind::HostnamePort: {
        QStringView h;
        QStringView port;
        if (!splitComposite(value, h, port) && !splitComposite(value, h, port, u':'))
            return invalid(QStringLiteral("invalid hostname|port: no '|' between host name and port"));
        TypeMapping m;
        const ValueCheck hc = sanitize::checkDomain(h);
        if (hc.ok)
            m.observables.append(obs(QStringLiteral("domain-name:value"),
                QStringLiteral("domain-name"),
                hc.value,
                QStringLiteral("hostname")));
        else
            m.invalidParts.append(hc.reason);
        const ValueCheck p = sanitize::checkPort(port);
        if (p.ok)
            m.port = p.value;
        else
            m.invalidParts.append(p.reason);
        return finishComposite(std::move(m));
    }
    case Kind::Url:
        return fromCheck(sanitize::checkUrl(value, &valueText),
            QStringLiteral("url:value"),
            QStringLiteral("url"),
            QStringLiteral("url"));
    case Kind::Hash: {
        const ValueCheck c = sanitize::checkHash(type, value, &valueText);
        if (!c.ok)
            return invalid(c.reason);
        return single(fileHashObservable(type, c.value));
    }
    case Kind::FilenameHash:
    case Kind::MalwareSample: {
        QStringView name;
        QStringView hash;
        if (!splitComposite(value, name, hash))
            return invalid(QStringLiteral("invalid %1: no '|' between file name and hash").arg(type));
        const QStringView hashType = *kind == Kind::MalwareSample ? QStringView(u"md5") : type.mid(9);
        TypeMapping m;
        const ValueCheck nc = sanitize::checkText(name, QStringLiteral("file name"));
        if (nc.ok)
            m.observables.append(
                obs(QStringLiteral("file:name"), QStringLiteral("file"), nc.value, QStringLiteral("filename")));
        else
            m.invalidParts.append(nc.reason);
        const ValueCheck hc = sanitize::checkHash(hashType, hash);
        if (hc.ok)
            m.observables.append(fileHashObservable(hashType, hc.value));
        else
            m.invalidParts.append(hc.reason);
        return finishComposite(std::move(m));
    }
    case Kind::Filename:
    case Kind::Attachment:
        return fromCheck(sanitize::checkText(value, QStringLiteral("file name")),
            QStringLiteral("file:name"),
            QStringLiteral("file"),
            QStringLiteral("filename"));
    case Kind::EmailAddr:
        return fromCheck(sanitize::checkEmail(value),
            QStringLiteral("email-addr:value"),
            QStringLiteral("email-addr"),
            QStringLiteral("email"));
    case Kind::EmailField: {
        const ValueCheck c
            = type == u"email-reply-to" ? sanitize::checkEmail(value) : sanitize::checkText(value, type.toString());
        if (!c.ok)
            return invalid(c.reason);
        return single(
            Observable { emailFieldPath(type), QStringLiteral("email-message"), c.value, type.toString(), false });
    }
    case Kind::Mac:
        return fromCheck(sanitize::checkMacAddress(value),
            QStringLiteral("mac-addr:value"),
            QStringLiteral("mac-addr"),
            QStringLiteral("mac-address"));
    case Kind::As:
        return fromCheck(sanitize::checkAsNumber(value),
            QStringLiteral("autonomous-system:number"),
            QStringLiteral("autonomous-system"),
            QStringLiteral("AS"));
    case Kind::Regkey:
        return fromCheck(sanitize::checkText(value, QStringLiteral("registry key")),
            QStringLiteral("windows-registry-key:key"),
            QStringLiteral("windows-registry-key"),
            QStringLiteral("regkey"));
    case Kind::RegkeyValue: {
        QStringView key;
        QStringView data;
        if (!splitComposite(value, key, data))
            return invalid(QStringLiteral("invalid regkey|value: no '|' between key and value"));
        TypeMapping m;
        const ValueCheck kc = sanitize::checkText(key, QStringLiteral("registry key"));
        if (kc.ok)
            m.observables.append(obs(QStringLiteral("windows-registry-key:key"),
                QStringLiteral("windows-registry-key"),
                kc.value,
                QStringLiteral("regkey")));
        else
            m.invalidParts.append(kc.reason);
        m.registryData = data.trimmed().toString();
        return finishComposite(std::move(m));
    }
    case Kind::Mutex:
        return fromCheck(sanitize::checkText(value, QStringLiteral("mutex name")),
            QStringLiteral("mutex:name"),
            QStringLiteral("mutex"),
            QStringLiteral("mutex"));
    case Kind::UserAgent:
        return fromCheck(sanitize::checkText(value, QStringLiteral("user agent")),
            QStringLiteral("network-traffic:extensions.'http-request-ext'.request_header.'User-Agent'"),
            QStringLiteral("network-traffic"),
            QStringLiteral("user-agent"));
    case Kind::HttpMethod: {
        ValueCheck c = sanitize::checkText(value, QStringLiteral("HTTP method"));
        if (c.ok)
            c.value = c.value.toUpper();
        return fromCheck(c,
            QStringLiteral("network-traffic:extensions.'http-request-ext'.request_method"),
            QStringLiteral("network-traffic"),
            QStringLiteral("http-method"));
    }
    case Kind::Port:
        return fromCheck(sanitize::checkPort(value),
            QStringLiteral("network-traffic:dst_port"),
            QStringLiteral("network-traffic"),
            QStringLiteral("port"));
    case Kind::Size:
        return fromCheck(sanitize::checkUnsigned(value, QStringLiteral("size in bytes")),
            QStringLiteral("file:size"),
            QStringLiteral("file"),
            QStringLiteral("size"));
    case Kind::X509: {
        const ValueCheck c = sanitize::checkX509Fingerprint(type, value);
        if (!c.ok)
            return invalid(c.reason);
        const QStringView algo = type.mid(QStringView(u"x509-fingerprint-").size());
        return single(Observable { QStringLiteral("x509-certificate:hashes.") + stixHashKey(algo),
            QStringLiteral("x509-certificate"),
            c.value,
            type.toString(),
            false });
    }
    case Kind::GithubUser:
        return fromCheck(sanitize::checkText(value, QStringLiteral("GitHub user name")),
            QStringLiteral("user-account:account_login"),
            QStringLiteral("user-account"),
            QStringLiteral("github-username"));
    case Kind::Rule: {
        const ValueCheck c = sanitize::checkText(value, type.toString() + QStringLiteral(" rule"));
        if (!c.ok)
            return invalid(c.reason);
        TypeMapping m;
        m.outcome = TypeMapping::Outcome::Ok;
        m.patternType = type.toString();
        m.rule = c.value;
        m.observables.append(Observable { QString(), QStringLiteral("rule"), c.value, type.toString(), false });
        return m;
    }
    }
    return invalid(QStringLiteral("unsupported type ") + type.toString());
}

} // namespace msb::convert
