// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QString>
#include <QStringView>

namespace msb::sanitize {

/// Result of validating and normalising one observable value.
/// `ok` false: `reason` says why (already phrased for a person, e.g. "invalid IPv4 address").
struct ValueCheck
{
    bool ok = false;
    QString value; ///< normalised value (only meaningful when ok)
    QString reason; ///< drop reason when !ok
    static ValueCheck accept(QString v) { return { true, std::move(v), {} }; }
    static ValueCheck reject(QString r) { return { false, {}, std::move(r) }; }
};

/// The checks below take the value as a view. `whole`, when given, is a string holding exactly the
/// same text as `raw`: a value that passes unchanged (the common case) is then shared, not copied.

/// Refangs the way PyMISP does: `hxxp`/`hxtp`/`htxp`/`meow`/`h[tt]p` → `http`, `[.]`/`[dot]`/`(dot)` → `.`,
/// `[@]`/`[at]` → `@`, `[:]` → `:`. Pure, thread-safe (as are all functions here).
QString refang(QStringView value);

/// IPv4 / IPv6 address or CIDR network. Canonical form like Python's ipaddress (`2001:DB8:0::1` →
/// `2001:db8::1`); a `/32` (`/128`) suffix is dropped. `isV6` tells which STIX type applies.
ValueCheck checkIpAddress(QStringView raw, bool *isV6 = nullptr, const QString *whole = nullptr);
/// True for RFC 1918, loopback, link-local, CGNAT, multicast, documentation, benchmark, ULA and other
/// reserved ranges (Python `ipaddress` is_private/is_reserved/is_multicast/...). Expects a checked value.
bool isPrivateOrReserved(QStringView checkedAddress);

/// Domain or host name: lower-cased, trailing dot removed, IDN turned into punycode; labels 1–63
/// characters of letters, digits, `-` (not at either end) and `_`, at least two labels, ≤ 253 characters.
ValueCheck checkDomain(QStringView raw, const QString *whole = nullptr);
/// Absolute URL (scheme + ':' + something, no whitespace or control characters), refanged.
ValueCheck checkUrl(QStringView raw, const QString *whole = nullptr);
/// local@domain, lower-cased, refanged; the domain must pass checkDomain.
ValueCheck checkEmail(QStringView raw);
/// Hash for a MISP hash type (`md5`, `sha256`, `sha512/256`, `ssdeep`, `tlsh`, ...): surrounding quotes
/// removed, lower-cased (hex types), hex digits and exact length per algorithm.
ValueCheck checkHash(QStringView type, QStringView raw, const QString *whole = nullptr);
/// x509 fingerprint: non-alphanumerics removed, lower-cased, hex of the algorithm's length.
ValueCheck checkX509Fingerprint(QStringView type, QStringView raw);
/// MAC-48 address → `aa:bb:cc:dd:ee:ff`.
ValueCheck checkMacAddress(QStringView raw);
/// AS number: `AS` prefix removed, asdot (`1.10`) → asplain, 0 … 4294967295.
ValueCheck checkAsNumber(QStringView raw);
/// Port 0 … 65535.
ValueCheck checkPort(QStringView raw);
/// Non-negative integer (size-in-bytes).
ValueCheck checkUnsigned(QStringView raw, const QString &what);
/// Free text observable (file name, mutex, registry key, subject...): trimmed, not empty, no NUL.
ValueCheck checkText(QStringView raw, const QString &what);

} // namespace msb::sanitize
