// SPDX-License-Identifier: BSD-2-Clause
// libFuzzer target: Sentinel upload answers and Entra ID token answers (success and error), as
// the upload client and token provider read them. Input: bytes 0-1 the HTTP status (big endian,
// modulo 600; 0 = no answer), then a Retry-After header line, then the body.
// Properties: no crash or sanitizer report; "Accepted"
// only for a 2xx (or a 400 listing per-record errors); a 429 wait is never negative; a token answer is taken only with
// a token and a lifetime within 1 s..24 h; a secret in an error body never reaches the error text.
#include "core/log/redact.h"
#include "core/sentinel/tokenerror.h"
#include "core/sentinel/uploadresponse.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <cstdio>
#include <cstdlib>

namespace {
const QString kSecret = QStringLiteral("FuzzCanarySecretValue0123456789");
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const bool registered = [] {
        msb::log::registerSecret(kSecret);
        return true;
    }();
    (void)registered;
    if (size < 2 || size > 256 * 1024)
        return 0;
    const int status = (int(data[0]) << 8 | int(data[1])) % 600; // 0: no answer (network error)
    QByteArray rest(reinterpret_cast<const char *>(data + 2), qsizetype(size - 2));
    const qsizetype nl = rest.indexOf('\n');
    const QByteArray retryAfter = nl >= 0 ? rest.left(nl) : QByteArray();
    const QByteArray body = nl >= 0 ? rest.mid(nl + 1) : rest;

    const auto r = msb::sentinel::classifyUploadResponse(status, retryAfter, body);
    // A 400 that lists errors[] is per-record rejection (every object failed validation; reference
    // §1.6, unconfirmed), so it is read like a 200 with rejections: allowed only with records.
    const bool perRecord400 = status == 400 && !r.recordErrors.isEmpty();
    if (r.kind == msb::sentinel::UploadResponse::Kind::Accepted && (status < 200 || status >= 300) && !perRecord400) {
        std::fprintf(stderr, "fuzz_sentinel_response: status %d classified as accepted\n", status);
        std::abort();
    }
    if (r.kind == msb::sentinel::UploadResponse::Kind::RateLimited && r.retryAfterMs < -1) {
        std::fprintf(stderr, "fuzz_sentinel_response: negative Retry-After wait %lld\n", qlonglong(r.retryAfterMs));
        std::abort();
    }
    (void)msb::sentinel::secondsFromRateLimitMessage(QString::fromUtf8(body));

    const auto token = msb::sentinel::readTokenAnswer(body);
    if (token && (token->accessToken.isEmpty() || token->expiresInSeconds < 1 || token->expiresInSeconds > 86400)) {
        std::fprintf(stderr,
            "fuzz_sentinel_response: token answer taken with lifetime %lld\n",
            qlonglong(token->expiresInSeconds));
        std::abort();
    }

    // The token error text is shown to people and logged: it must never carry the secret.
    QByteArray withSecret = body;
    withSecret.replace("SECRET", kSecret.toUtf8());
    const msb::Error e = msb::sentinel::describeTokenError(
        status, withSecret, QStringLiteral("client-id"), QStringLiteral("tenant-id"));
    if (e.message.contains(kSecret)) {
        std::fprintf(stderr, "fuzz_sentinel_response: token error text carries the client secret\n");
        std::abort();
    }
    return 0;
}
