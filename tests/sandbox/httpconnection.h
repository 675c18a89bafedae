// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "tests/sandbox/httpmessage.h"

#include <QByteArray>
#include <QObject>
#include <QTimer>

class QTcpSocket;

namespace msb::sandbox {

class HttpServer;
struct Fault;

/// One accepted connection of an HttpServer: parses requests, applies faults, writes responses.
/// Internal to the sandbox; deletes itself when the socket closes.
class HttpConnection final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HttpConnection)

public:
    HttpConnection(QTcpSocket *socket, HttpServer *server, quint64 id);

private:
    enum class State { Head, Body, ChunkSize, ChunkData, ChunkTrailer };

    void onReadyRead();
    void processBuffer();
    bool parseHead(qsizetype end);
    void dispatch();
    void answer(const HttpRequest &request, const Fault &fault, bool internal);
    void send(const HttpResponse &response, bool keepAlive, qsizetype bodyBytes = -1);
    void finish(const QString &routeName, int status, bool keepAlive);
    void failProtocol(int status, const QString &message);
    void reset();
    void closeGracefully();

    QTcpSocket *m_socket;
    HttpServer *m_server;
    quint64 m_id;
    QTimer m_idle;
    QByteArray m_buffer;
    State m_state = State::Head;
    qint64 m_remaining = 0;
    bool m_busy = false; ///< a response is pending (delay or stall): later requests wait
    bool m_closing = false;
    HttpRequest m_request;
};

} // namespace msb::sandbox
