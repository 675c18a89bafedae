// SPDX-License-Identifier: BSD-2-Clause
#include "core/util/uuid5.h"

#include "core/util/hexdigits.h"

#include <QByteArray>

#include <algorithm>
#include <openssl/evp.h>

namespace msb {

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
    const uchar nsBytes[16] = { uchar(ns.data1 >> 24),
        uchar(ns.data1 >> 16),
        uchar(ns.data1 >> 8),
        uchar(ns.data1),
        uchar(ns.data2 >> 8),
        uchar(ns.data2),
        uchar(ns.data3 >> 8),
        uchar(ns.data3),
        ns.data4[0],
        ns.data4[1],
        ns.data4[2],
        ns.data4[3],
        ns.data4[4],
        ns.data4[5],
        ns.data4[6],
        ns.data4[7] };
    input.resize(0);
    input.append(reinterpret_cast<const char *>(nsBytes), 16);
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
    *out = QUuid(uint(bytes[0]) << 24 | uint(bytes[1]) << 16 | uint(bytes[2]) << 8 | uint(bytes[3]),
        ushort(bytes[4] << 8 | bytes[5]),
        ushort(bytes[6] << 8 | bytes[7]),
        bytes[8],
        bytes[9],
        bytes[10],
        bytes[11],
        bytes[12],
        bytes[13],
        bytes[14],
        bytes[15]);
    return true;
}

QString prefixedUuid(QStringView prefix, const QUuid &uuid)
{
    static constexpr char16_t kHex[] = u"0123456789abcdef";
    const uchar bytes[16] = { uchar(uuid.data1 >> 24),
        uchar(uuid.data1 >> 16),
        uchar(uuid.data1 >> 8),
        uchar(uuid.data1),
        uchar(uuid.data2 >> 8),
        uchar(uuid.data2),
        uchar(uuid.data3 >> 8),
        uchar(uuid.data3),
        uuid.data4[0],
        uuid.data4[1],
        uuid.data4[2],
        uuid.data4[3],
        uuid.data4[4],
        uuid.data4[5],
        uuid.data4[6],
        uuid.data4[7] };
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
