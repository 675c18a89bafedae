// SPDX-License-Identifier: BSD-2-Clause
#include "core/util/uuid5.h"

#include "core/util/hexdigits.h"

#include <QByteArray>

#include <algorithm>
#include <array>
#include <openssl/evp.h>

namespace msb {

namespace {

/// The uuid's 16 bytes in RFC 4122 (big-endian) order, without QUuid::toRfc4122()'s allocation.
std::array<uchar, 16> rfc4122Bytes(const QUuid &u)
{
    return { uchar(u.data1 >> 24),
        uchar(u.data1 >> 16),
        uchar(u.data1 >> 8),
        uchar(u.data1),
        uchar(u.data2 >> 8),
        uchar(u.data2),
        uchar(u.data3 >> 8),
        uchar(u.data3),
        u.data4[0],
        u.data4[1],
        u.data4[2],
        u.data4[3],
        u.data4[4],
        u.data4[5],
        u.data4[6],
        u.data4[7] };
}

} // namespace

QString uuid5(const QUuid &ns, const QString &name)
{
    return prefixedUuid(QStringView(), uuid5Of(ns, name));
}

QUuid uuid5Of(const QUuid &ns, QStringView name)
{
    // One fetched SHA-1 and one context per thread, reused: an implicit fetch per call would cost
    // more than the hash of a short name.
    static EVP_MD *const sha1 = EVP_MD_fetch(nullptr, "SHA1", nullptr);
    struct Context
    {
        EVP_MD_CTX *ctx = EVP_MD_CTX_new();
        Context() = default;
        Context(const Context &) = delete;
        Context &operator=(const Context &) = delete;
        ~Context() { EVP_MD_CTX_free(ctx); }
    };
    thread_local Context context;
    // Namespace bytes and the name in UTF-8 in one reused buffer (an ASCII name, the usual case, is
    // copied byte by byte; anything else goes through Qt's encoder).
    thread_local QByteArray input;
    const std::array<uchar, 16> nsBytes = rfc4122Bytes(ns);
    input.resize(0);
    input.append(reinterpret_cast<const char *>(nsBytes.data()), 16);
    bool ascii = true;
    for (const QChar c : name)
        ascii = ascii && c.unicode() < 0x80;
    if (ascii) {
        const qsizetype at = input.size();
        input.resize(at + name.size());
        char *d = input.data() + at;
        for (const QChar c : name)
            *d++ = char(c.unicode());
    } else {
        input.append(name.toUtf8());
    }
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (!sha1 || !context.ctx || EVP_DigestInit_ex2(context.ctx, sha1, nullptr) != 1
        || EVP_DigestUpdate(context.ctx, input.constData(), std::size_t(input.size())) != 1
        || EVP_DigestFinal_ex(context.ctx, digest, &length) != 1 || length < 16)
        return QUuid::createUuidV5(ns, name.toString()); // libcrypto unusable: Qt's own SHA-1
    digest[6] = uchar((digest[6] & 0x0F) | 0x50); // version 5
    digest[8] = uchar((digest[8] & 0x3F) | 0x80); // RFC 4122 variant
    return QUuid::fromRfc4122(QByteArrayView(reinterpret_cast<const char *>(digest), 16));
}

bool isValidUuid(QStringView text)
{
    QUuid ignored;
    return parseUuid(text, &ignored);
}

bool parseUuid(QStringView text, QUuid *out)
{
    if (text.size() != 36 || text[8] != u'-' || text[13] != u'-' || text[18] != u'-' || text[23] != u'-')
        return false;
    // First character of each byte's two hex digits; any invalid digit makes `bad` negative.
    static constexpr qsizetype kAt[16] = { 0, 2, 4, 6, 9, 11, 14, 16, 19, 21, 24, 26, 28, 30, 32, 34 };
    uchar bytes[16];
    int bad = 0;
    for (int b = 0; b < 16; ++b) {
        const int hi = hexDigitValue(text[kAt[b]].unicode());
        const int lo = hexDigitValue(text[kAt[b] + 1].unicode());
        bad |= hi | lo;
        bytes[b] = uchar(((hi & 15) << 4) | (lo & 15));
    }
    if (bad < 0)
        return false;
    *out = QUuid::fromRfc4122(QByteArrayView(reinterpret_cast<const char *>(bytes), 16));
    return true;
}

QString prefixedUuid(QStringView prefix, const QUuid &uuid)
{
    static constexpr char16_t kHex[] = u"0123456789abcdef";
    const std::array<uchar, 16> bytes = rfc4122Bytes(uuid);
    QString out(prefix.size() + 36, Qt::Uninitialized);
    QChar *d = out.data();
    std::copy(prefix.begin(), prefix.end(), d);
    d += prefix.size();
    for (int i = 0, b = 0; b < 16; ++b) {
        if (b == 4 || b == 6 || b == 8 || b == 10)
            d[i++] = u'-';
        const uchar v = bytes[b];
        d[i++] = kHex[v >> 4];
        d[i++] = kHex[v & 15];
    }
    return out;
}

} // namespace msb
