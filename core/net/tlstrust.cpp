// SPDX-License-Identifier: BSD-2-Clause
#include "core/net/tlstrust.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QFileInfo>
#include <QHostAddress>
#include <QMutex>
#include <QMutexLocker>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslConfiguration>
#include <QSslKey>

namespace msb::net {
using namespace Qt::Literals::StringLiterals;

namespace {

// Reply properties that carry what the trust check saw, so tlsFailureDetails() works after the fact.
constexpr const char *kPropCertificate = "msb_tls_certificate"; // PEM of the leaf
constexpr const char *kPropErrors = "msb_tls_errors"; // QStringList
constexpr const char *kPropRefused = "msb_tls_refused"; // bool

QString distinguishedName(const QSslCertificate &certificate, bool issuer)
{
    QStringList parts;
    const QList<QByteArray> attributes
        = issuer ? certificate.issuerInfoAttributes() : certificate.subjectInfoAttributes();
    for (const QByteArray &attribute : attributes) {
        const QStringList values = issuer ? certificate.issuerInfo(attribute) : certificate.subjectInfo(attribute);
        for (const QString &value : values)
            parts << QString::fromLatin1(attribute) + u'=' + value;
    }
    return parts.join(u", "_s);
}

// Errors that only say "I cannot build a chain to a CA I trust": the user's pin of the exact
// leaf certificate replaces that chain. Expiry, revocation, bad signatures are never forgiven.
bool pinJustifies(QSslError::SslError error)
{
    switch (error) {
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
    case QSslError::InvalidCaCertificate:
    case QSslError::HostNameMismatch:
        return true;
    default:
        return false;
    }
}

struct CaCache
{
    QMutex mutex;
    QString path;
    QDateTime modified;
    QList<QSslCertificate> certificates;
};

CaCache &caCache()
{
    static CaCache cache;
    return cache;
}

void remember(QNetworkReply *reply, const QSslCertificate &leaf, const QStringList &errors)
{
    reply->setProperty(kPropCertificate, leaf.toPem());
    reply->setProperty(kPropErrors, errors);
    reply->setProperty(kPropRefused, true);
}

} // namespace

QString CertificateDetails::toString() const
{
    QString text = u"subject: %1; issuer: %2; valid %3 to %4; SHA-256 %5"_s.arg(
        subject.isEmpty() ? u"(none)"_s : subject, issuer, notBefore, notAfter, sha256Hex);
    if (!errors.isEmpty())
        text += u"; refused because: "_s + errors.join(u"; "_s);
    return text;
}

Result<QList<QSslCertificate>> loadCaFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isFile() || !info.isReadable())
        return Error { Error::Code::Configuration, u"CA file %1 does not exist or is not readable"_s.arg(path), 0 };
    CaCache &cache = caCache();
    QMutexLocker lock(&cache.mutex);
    if (cache.path == info.absoluteFilePath() && cache.modified == info.lastModified())
        return cache.certificates;
    QList<QSslCertificate> certificates = QSslCertificate::fromPath(path, QSsl::Pem);
    if (certificates.isEmpty())
        certificates = QSslCertificate::fromPath(path, QSsl::Der);
    if (certificates.isEmpty())
        return Error { Error::Code::Configuration, u"CA file %1 holds no PEM or DER certificate"_s.arg(path), 0 };
    cache.path = info.absoluteFilePath();
    cache.modified = info.lastModified();
    cache.certificates = certificates;
    return certificates;
}

QByteArray sha256Hex(const QSslCertificate &certificate)
{
    return certificate.digest(QCryptographicHash::Sha256).toHex();
}

QByteArray normalisePin(const QString &fingerprint)
{
    QByteArray out;
    for (const QChar c : fingerprint) {
        if (c == u':' || c == u' ' || c == u'-')
            continue;
        out.append(char(c.toLower().toLatin1()));
    }
    return out;
}

void applyTrust(QNetworkRequest &request, const TlsTrust &trust)
{
    QSslConfiguration configuration = request.sslConfiguration();
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    configuration.setProtocol(QSsl::TlsV1_2OrLater);
    if (!trust.caFile.isEmpty()) {
        // A broken CA file is reported by validateTrust(); here it simply adds nothing, so
        // verification still runs against the system store and fails closed.
        const auto certificates = loadCaFile(trust.caFile);
        if (certificates.ok())
            configuration.addCaCertificates(certificates.value());
    }
    request.setSslConfiguration(configuration);
}

void attachTrustCheck(QNetworkReply *reply, const TlsTrust &trust)
{
    if (!reply)
        return;
    const QByteArray pin = normalisePin(QString::fromLatin1(trust.pinnedSha256Hex));
    QObject::connect(reply, &QNetworkReply::sslErrors, reply, [reply, pin](const QList<QSslError> &errors) {
        const QSslCertificate leaf = reply->sslConfiguration().peerCertificate();
        QSslCertificate shown = leaf;
        if (shown.isNull() && !errors.isEmpty())
            shown = errors.first().certificate();
        bool allForgiven = !pin.isEmpty() && !shown.isNull() && sha256Hex(shown) == pin;
        QStringList reasons;
        for (const QSslError &error : errors) {
            reasons << error.errorString();
            if (!pinJustifies(error.error()))
                allForgiven = false;
        }
        if (allForgiven) {
            reply->ignoreSslErrors(errors);
            return;
        }
        if (!pin.isEmpty() && !shown.isNull() && sha256Hex(shown) != pin)
            reasons << u"the certificate does not match the pinned SHA-256 fingerprint"_s;
        remember(reply, shown, reasons);
    });
    if (pin.isEmpty())
        return;
    // A pin also binds a certificate the system store would trust: a different leaf is refused.
    QObject::connect(reply, &QNetworkReply::encrypted, reply, [reply, pin]() {
        const QSslCertificate leaf = reply->sslConfiguration().peerCertificate();
        if (!leaf.isNull() && sha256Hex(leaf) == pin)
            return;
        remember(reply, leaf, { u"the certificate does not match the pinned SHA-256 fingerprint"_s });
        reply->abort();
    });
}

CertificateDetails tlsFailureDetails(const QNetworkReply *reply)
{
    if (!reply)
        return {};
    const bool refused = reply->property(kPropRefused).toBool();
    if (refused) {
        const QList<QSslCertificate> certificates
            = QSslCertificate::fromData(reply->property(kPropCertificate).toByteArray(), QSsl::Pem);
        CertificateDetails details = describe(certificates.value(0));
        details.errors = reply->property(kPropErrors).toStringList();
        return details;
    }
    if (reply->error() == QNetworkReply::SslHandshakeFailedError) {
        CertificateDetails details = describe(reply->sslConfiguration().peerCertificate());
        details.errors << reply->errorString();
        if (details.subject.isEmpty())
            details.subject = u"(no certificate received)"_s;
        return details;
    }
    return {};
}

CertificateDetails describe(const QSslCertificate &certificate, const QList<QSslError> &errors)
{
    CertificateDetails details;
    if (!certificate.isNull()) {
        details.subject = distinguishedName(certificate, false);
        details.issuer = distinguishedName(certificate, true);
        details.notBefore = certificate.effectiveDate().toUTC().toString(Qt::ISODate);
        details.notAfter = certificate.expiryDate().toUTC().toString(Qt::ISODate);
        details.sha256Hex = QString::fromLatin1(sha256Hex(certificate));
    }
    for (const QSslError &error : errors)
        details.errors << error.errorString();
    return details;
}

bool isLoopbackHost(const QString &host)
{
    if (host.compare(u"localhost"_s, Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

bool isAllowedUrl(const QUrl &url, QString *why)
{
    auto refuse = [why](const QString &reason) {
        if (why)
            *why = reason;
        return false;
    };
    if (!url.isValid() || url.host().isEmpty())
        return refuse(u"not a valid URL with a host name"_s);
    const QString scheme = url.scheme().toLower();
    if (scheme == u"https"_s)
        return true;
    if (scheme == u"http"_s) {
        if (isLoopbackHost(url.host()))
            return true;
        return refuse(u"plain http:// is only allowed to a loopback address; use https:// for %1"_s.arg(url.host()));
    }
    return refuse(u"unsupported scheme \"%1\"; use https://"_s.arg(url.scheme()));
}

} // namespace msb::net
