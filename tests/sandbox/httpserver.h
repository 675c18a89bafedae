// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "tests/sandbox/faultplan.h"
#include "tests/sandbox/router.h"

#include <QHash>
#include <QHostAddress>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

class QTcpServer;

namespace msb::sandbox {

/// How one listening socket is set up.
struct ServerOptions
{
    QHostAddress address = QHostAddress(QHostAddress::LocalHost); ///< loopback only; anything else is refused
    quint16 port = 0; ///< 0: an ephemeral port
    bool tls = false;
    QString certificateFile; ///< PEM; with tls (see sandboxcerts.h)
    QString privateKeyFile; ///< PEM, unencrypted; with tls
    qint64 maxHeaderBytes = 64 * 1024; ///< larger request heads get 431 and the connection is closed
    qint64 maxBodyBytes = 32 * 1024 * 1024; ///< larger bodies get 413 and the connection is closed
    int idleTimeoutMs = 120000; ///< a connection without traffic (or stalled by a fault) is closed after this
};

/// A small HTTP/1.1 server over QTcpServer / QSslServer with byte-level fault injection.
///
/// Keep-alive, pipelined requests (answered in order), Content-Length and chunked request bodies,
/// "Expect: 100-continue". Every request is matched against the Router and then passed through the
/// FaultPlan (see faultplan.h). Lives on the thread that created it; handlers run on that thread.
/// The router and fault plan must outlive the server (several servers may share them, e.g. http + https).
class HttpServer final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpServer)

public:
    HttpServer(const Router *router, FaultPlan *faults, QObject *parent = nullptr);
    ~HttpServer() override;

    /// Starts listening. Returns false with a reason in *error.
    bool listen(const ServerOptions &options, QString *error = nullptr);
    void close();
    bool isListening() const;

    quint16 port() const;
    /// "http://127.0.0.1:<port>" or "https://127.0.0.1:<port>".
    QUrl baseUrl() const;
    const ServerOptions &options() const { return m_options; }

    /// Requests answered (or failed by a fault) so far, overall and per route name.
    quint64 requestCount() const { return m_requests; }
    quint64 requestCount(const QString &routeName) const { return m_requestsByRoute.value(routeName); }
    /// TCP connections accepted so far (tests of keep-alive compare it to requestCount()).
    quint64 connectionCount() const { return m_connections; }

    // Used by the connections of this server.
    const Router &router() const { return *m_router; }
    FaultPlan &faults() const { return *m_faults; }
    void noteRequest(const QString &routeName, int status);

Q_SIGNALS:
    /// After each request; status is 0 when a fault sent no status line.
    void requestFinished(const QString &routeName, int status);

private:
    void acceptPending();

    const Router *m_router;
    FaultPlan *m_faults;
    ServerOptions m_options;
    QPointer<QTcpServer> m_server;
    quint64 m_requests = 0;
    quint64 m_connections = 0;
    QHash<QString, quint64> m_requestsByRoute;
};

} // namespace msb::sandbox
