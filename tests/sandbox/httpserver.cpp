// SPDX-License-Identifier: BSD-2-Clause
#include "tests/sandbox/httpserver.h"

#include "tests/sandbox/httpconnection.h"

#include <QFile>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>

using namespace Qt::Literals::StringLiterals;

namespace msb::sandbox {

namespace {

bool setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

HttpServer::HttpServer(const Router *router, FaultPlan *faults, QObject *parent)
    : QObject(parent)
    , m_router(router)
    , m_faults(faults)
{ }

HttpServer::~HttpServer()
{
    close();
}

bool HttpServer::listen(const ServerOptions &options, QString *error)
{
    close();
    if (!options.address.isLoopback())
        return setError(error, u"the sandbox only listens on loopback, not on %1"_s.arg(options.address.toString()));
    m_options = options;
    QTcpServer *server = nullptr;
    if (options.tls) {
        QFile certFile(options.certificateFile);
        if (!certFile.open(QIODevice::ReadOnly))
            return setError(error,
                u"cannot read the TLS certificate %1: %2"_s.arg(options.certificateFile, certFile.errorString()));
        const QList<QSslCertificate> chain = QSslCertificate::fromData(certFile.readAll(), QSsl::Pem);
        QFile keyFile(options.privateKeyFile);
        if (!keyFile.open(QIODevice::ReadOnly))
            return setError(
                error, u"cannot read the TLS key %1: %2"_s.arg(options.privateKeyFile, keyFile.errorString()));
        const QSslKey key(keyFile.readAll(), QSsl::Rsa, QSsl::Pem);
        if (chain.isEmpty() || key.isNull())
            return setError(error,
                u"the TLS certificate %1 or key %2 is not valid PEM"_s.arg(
                    options.certificateFile, options.privateKeyFile));
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificateChain(chain);
        config.setPrivateKey(key);
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        auto *sslServer = new QSslServer(this);
        sslServer->setSslConfiguration(config);
        sslServer->setHandshakeTimeout(10000);
        server = sslServer;
    } else {
        server = new QTcpServer(this);
    }
    connect(server, &QTcpServer::pendingConnectionAvailable, this, &HttpServer::acceptPending);
    if (!server->listen(options.address, options.port)) {
        const QString reason = server->errorString();
        delete server;
        return setError(
            error, u"cannot listen on %1:%2: %3"_s.arg(options.address.toString()).arg(options.port).arg(reason));
    }
    m_server = server;
    return true;
}

void HttpServer::close()
{
    if (m_server) {
        m_server->close();
        delete m_server;
    }
}

bool HttpServer::isListening() const
{
    return m_server && m_server->isListening();
}

quint16 HttpServer::port() const
{
    return m_server ? m_server->serverPort() : 0;
}

QUrl HttpServer::baseUrl() const
{
    QUrl url;
    url.setScheme(m_options.tls ? u"https"_s : u"http"_s);
    url.setHost(m_options.address.toString());
    url.setPort(port());
    return url;
}

void HttpServer::noteRequest(const QString &routeName, int status)
{
    ++m_requests;
    ++m_requestsByRoute[routeName];
    Q_EMIT requestFinished(routeName, status);
}

void HttpServer::acceptPending()
{
    while (m_server && m_server->hasPendingConnections()) {
        QTcpSocket *socket = m_server->nextPendingConnection();
        if (!socket)
            break;
        ++m_connections;
        new HttpConnection(socket, this, m_connections);
    }
}

} // namespace msb::sandbox
