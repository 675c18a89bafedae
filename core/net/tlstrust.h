// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/util/result.h"

#include <QByteArray>
#include <QList>
#include <QSslCertificate>
#include <QSslError>
#include <QString>
#include <QStringList>
#include <QUrl>

class QNetworkReply;
class QNetworkRequest;

namespace msb::net {

/// How a connection decides to trust its server. Verification is never switched off: trust comes
/// from the system store, plus a CA file the user chose, or a pinned SHA-256 of the server
/// certificate that the user accepted after seeing its details.
struct TlsTrust
{
    QString caFile; ///< PEM file with extra CA certificates; empty: system store only
    QByteArray pinnedSha256Hex; ///< lower-case hex of SHA-256(DER leaf); empty: no pin
};

/// Details of a certificate a person can judge (wizard "pin this certificate?" page, error texts).
struct CertificateDetails
{
    QString subject;
    QString issuer;
    QString notBefore; ///< ISO 8601 UTC
    QString notAfter;
    QString sha256Hex; ///< lower-case hex of SHA-256(DER)
    QStringList errors; ///< why it was refused, in words
    QString toString() const;
};

/// Adds the CA file to the request's TLS configuration (verification stays on).
void applyTrust(QNetworkRequest &request, const TlsTrust &trust);

/// Watches a reply's sslErrors: errors are ignored only when a pin is set, the leaf certificate's
/// SHA-256 equals it, and every error is one a pin justifies (self-signed, untrusted issuer,
/// host name mismatch is NOT among them unless pinned leaf matches). Expired certificates are
/// always refused. Call right after QNetworkAccessManager::get/post.
void attachTrustCheck(QNetworkReply *reply, const TlsTrust &trust);

/// The details of the certificate a reply was refused for; empty subject if it was not a TLS failure.
CertificateDetails tlsFailureDetails(const QNetworkReply *reply);

CertificateDetails describe(const QSslCertificate &certificate, const QList<QSslError> &errors = {});

/// Loads a PEM (or DER) CA file; an error names the file and why. Cached by path and mtime. Thread-safe.
Result<QList<QSslCertificate>> loadCaFile(const QString &path);

/// Lower-case hex SHA-256 of the certificate's DER, the form pins are stored in.
QByteArray sha256Hex(const QSslCertificate &certificate);

/// Accepts "AB:CD:…", "ab cd …" or plain hex, returns lower-case hex without separators.
QByteArray normalisePin(const QString &fingerprint);

/// "localhost", 127.0.0.0/8 or ::1.
bool isLoopbackHost(const QString &host);

/// https always; plain http only to a loopback host (the local sandbox). Anything else is refused.
bool isAllowedUrl(const QUrl &url, QString *why = nullptr);

} // namespace msb::net
