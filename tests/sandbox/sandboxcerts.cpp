// SPDX-License-Identifier: BSD-2-Clause
#include "tests/sandbox/sandboxcerts.h"

#include <QFile>

using namespace Qt::Literals::StringLiterals;

namespace msb::sandbox::certs {

namespace {

QList<QSslCertificate> readPem(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QSslCertificate::fromData(file.readAll(), QSsl::Pem);
}

} // namespace

QString directory()
{
    const QString env = qEnvironmentVariable("MSB_SANDBOX_CERT_DIR");
    return env.isEmpty() ? QStringLiteral(MSB_SANDBOX_CERT_DIR) : env;
}

QString caFile()
{
    return directory() + u"/ca.pem"_s;
}

QString otherCaFile()
{
    return directory() + u"/ca2.pem"_s;
}

QString name(Kind kind)
{
    switch (kind) {
    case Kind::Good:
        return u"good"_s;
    case Kind::Untrusted:
        return u"untrusted"_s;
    case Kind::Expired:
        return u"expired"_s;
    case Kind::WrongHost:
        return u"wronghost"_s;
    case Kind::OtherCa:
        return u"otherca"_s;
    }
    return u"good"_s;
}

bool fromName(const QString &text, Kind *kind)
{
    for (Kind candidate : { Kind::Good, Kind::Untrusted, Kind::Expired, Kind::WrongHost, Kind::OtherCa }) {
        if (name(candidate) == text) {
            *kind = candidate;
            return true;
        }
    }
    return false;
}

QString certificateFile(Kind kind)
{
    return directory() + u'/' + name(kind) + u".pem"_s;
}

QString keyFile(Kind kind)
{
    return directory() + u'/' + name(kind) + u".key"_s;
}

QList<QSslCertificate> caCertificates()
{
    return readPem(caFile());
}

QSslCertificate certificate(Kind kind)
{
    const QList<QSslCertificate> chain = readPem(certificateFile(kind));
    return chain.isEmpty() ? QSslCertificate() : chain.first();
}

} // namespace msb::sandbox::certs
