// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QString>
#include <QUuid>

namespace msb {

/// Namespace of every uuid5 this project derives (split indicators, items without a valid uuid).
/// Fixed forever: changing it would change every derived STIX id and re-send everything.
inline const QUuid kMsbUuidNamespace { QStringLiteral("{5b1c9f7e-2d0a-4c55-9a6e-4d2f8e1b7c30}") };

/// misp-stix's namespace for relationship ids (misp-stix-mapping.md §4.2).
inline const QUuid kMispStixRelationshipNamespace { QStringLiteral("{76beed5f-7251-457e-8c2a-b45f7b589d3d}") };

/// RFC 4122 version-5 uuid, lower-case, without braces.
QString uuid5(const QUuid &ns, const QString &name);
/// The same uuid as QUuid::createUuidV5(ns, name) (SHA-1 over the namespace bytes and the name in
/// UTF-8), computed with libcrypto: derived ids are made once per split indicator.
QUuid uuid5Of(const QUuid &ns, QStringView name);

/// True for a canonical 8-4-4-4-12 hex uuid (any version; MISP data carries non-v4 ones).
bool isValidUuid(QStringView text);

/// isValidUuid() and QUuid::fromString() in one pass: false (and *out untouched) unless canonical.
bool parseUuid(QStringView text, QUuid *out);

/// `prefix` followed by the uuid in lower-case 8-4-4-4-12 form ("indicator--5a0f…"), built in one
/// allocation: the same text as prefix + uuid.toString(QUuid::WithoutBraces).
QString prefixedUuid(QStringView prefix, const QUuid &uuid);

} // namespace msb
