// SPDX-License-Identifier: BSD-2-Clause
#include "tests/sandbox/httpconnection.h"

#include "tests/sandbox/faultplan.h"
#include "tests/sandbox/httpserver.h"

#include <QTcpSocket>
#include <QUrl>

#include <sys/socket.h>

using namespace Qt::Literals::StringLiterals;

namespace msb::sandbox {

HttpConnection::HttpConnection(QTcpSocket *socket, HttpServer *server, quint64 id)
    : QObject(server)
    , m_socket(socket)
    , m_server(server)
    , m_id(id)
{
    m_socket->setParent(this);
    m_idle.setSingleShot(true);
    m_idle.setInterval(server->options().idleTimeoutMs);
    connect(&m_idle, &QTimer::timeout, this, &HttpConnection::reset);
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::disconnected, this, &QObject::deleteLater);
    m_idle.start();
    if (m_socket->bytesAvailable() > 0)
        QMetaObject::invokeMethod(this, &HttpConnection::onReadyRead, Qt::QueuedConnection);
}

void HttpConnection::onReadyRead()
{
    if (m_closing)
        return;
    m_buffer += m_socket->readAll();
    m_idle.start();
    processBuffer();
}

void HttpConnection::processBuffer()
{
    const ServerOptions &options = m_server->options();
    // Each pass consumes one parsing step; bounded by the buffer, which only shrinks.
    while (!m_busy && !m_closing) {
        switch (m_state) {
        case State::Head: {
            const qsizetype end = m_buffer.indexOf("\r\n\r\n");
            if (end < 0) {
                if (m_buffer.size() > options.maxHeaderBytes)
                    failProtocol(431, u"Request header fields too large"_s);
                return;
            }
            if (end > options.maxHeaderBytes) {
                failProtocol(431, u"Request header fields too large"_s);
                return;
            }
            if (!parseHead(end))
                return;
            break;
        }
        case State::Body:
            if (m_buffer.size() < m_remaining)
                return;
            m_request.body = m_buffer.left(m_remaining);
            m_buffer.remove(0, m_remaining);
            dispatch();
            break;
        case State::ChunkSize: {
            const qsizetype eol = m_buffer.indexOf("\r\n");
            if (eol < 0) {
                if (m_buffer.size() > 1024)
                    failProtocol(400, u"Malformed chunk size line"_s);
                return;
            }
            QByteArray sizeText = m_buffer.left(eol);
            if (const qsizetype semi = sizeText.indexOf(';'); semi >= 0)
                sizeText.truncate(semi);
            bool ok = false;
            const qint64 size = sizeText.trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0) {
                failProtocol(400, u"Malformed chunk size"_s);
                return;
            }
            m_buffer.remove(0, eol + 2);
            if (size == 0) {
                m_state = State::ChunkTrailer;
            } else if (m_request.body.size() + size > options.maxBodyBytes) {
                failProtocol(413, u"Request entity too large"_s);
                return;
            } else {
                m_remaining = size;
                m_state = State::ChunkData;
            }
            break;
        }
        case State::ChunkData:
            if (m_buffer.size() < m_remaining + 2)
                return;
            if (m_buffer.mid(m_remaining, 2) != "\r\n") {
                failProtocol(400, u"Malformed chunk"_s);
                return;
            }
            m_request.body += m_buffer.left(m_remaining);
            m_buffer.remove(0, m_remaining + 2);
            m_state = State::ChunkSize;
            break;
        case State::ChunkTrailer: {
            const qsizetype eol = m_buffer.indexOf("\r\n");
            if (eol < 0) {
                if (m_buffer.size() > options.maxHeaderBytes)
                    failProtocol(431, u"Request header fields too large"_s);
                return;
            }
            m_buffer.remove(0, eol + 2);
            if (eol == 0)
                dispatch();
            break;
        }
        }
    }
}

bool HttpConnection::parseHead(qsizetype end)
{
    const QByteArray head = m_buffer.left(end);
    m_buffer.remove(0, end + 4);
    const QList<QByteArray> lines = head.split('\n');
    const QList<QByteArray> requestLine = lines.first().trimmed().split(' ');
    if (requestLine.size() != 3 || !requestLine.at(2).startsWith("HTTP/1.")) {
        failProtocol(400, u"Malformed request line"_s);
        return false;
    }
    m_request = HttpRequest();
    m_request.method = requestLine.at(0);
    m_request.target = requestLine.at(1);
    m_request.version = requestLine.at(2);
    m_request.tls = m_server->options().tls;
    m_request.peer = m_socket->peerAddress();
    m_request.connectionId = m_id;
    m_request.baseUrl = m_server->baseUrl();
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines.at(i).trimmed();
        if (line.isEmpty())
            continue;
        const qsizetype colon = line.indexOf(':');
        if (colon <= 0) {
            failProtocol(400, u"Malformed header line"_s);
            return false;
        }
        m_request.headers.append({ line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed() });
    }
    QByteArray host = m_request.header("host");
    if (const qsizetype colon = host.lastIndexOf(':'); colon > 0 && !host.endsWith(']'))
        host.truncate(colon);
    m_request.host = host.toLower();

    const QByteArray target = m_request.target;
    const qsizetype question = target.indexOf('?');
    const QByteArray rawPath = question >= 0 ? target.left(question) : target;
    if (!rawPath.startsWith('/')) {
        failProtocol(400, u"Request target must be an absolute path"_s);
        return false;
    }
    m_request.path = QUrl::fromPercentEncoding(rawPath);
    if (question >= 0)
        m_request.query = QUrlQuery(QString::fromUtf8(target.mid(question + 1)));

    const QByteArray transferEncoding = m_request.header("transfer-encoding").toLower();
    const bool hasLength = m_request.hasHeader("content-length");
    if (!transferEncoding.isEmpty()) {
        if (transferEncoding != "chunked" || hasLength) {
            failProtocol(transferEncoding != "chunked" ? 501 : 400, u"Unsupported transfer encoding"_s);
            return false;
        }
        m_state = State::ChunkSize;
    } else if (hasLength) {
        bool ok = false;
        const qint64 length = m_request.header("content-length").toLongLong(&ok);
        if (!ok || length < 0) {
            failProtocol(400, u"Invalid Content-Length"_s);
            return false;
        }
        if (length > m_server->options().maxBodyBytes) {
            failProtocol(413, u"Request entity too large"_s);
            return false;
        }
        m_remaining = length;
        m_state = State::Body;
    } else {
        dispatch();
        return true;
    }
    if (m_request.header("expect").compare("100-continue", Qt::CaseInsensitive) == 0)
        m_socket->write("HTTP/1.1 100 Continue\r\n\r\n");
    return true;
}

void HttpConnection::dispatch()
{
    m_state = State::Head;
    m_remaining = 0;
    HttpRequest request = std::move(m_request);
    m_request = HttpRequest();

    bool pathKnown = false;
    const Router::Route *route = m_server->router().match(request.method, request.path, &request.params, &pathKnown);
    const QString routeName = route ? route->name : QString();
    const bool internal = route ? route->internal : false;
    request.routeName = routeName;
    const Fault fault = m_server->faults().decide(routeName.isEmpty() ? u"(unmatched)"_s : routeName, internal);
    answer(request, fault, internal);
}

void HttpConnection::answer(const HttpRequest &request, const Fault &fault, bool /*internal*/)
{
    const bool keepAlive = request.header("connection").compare("close", Qt::CaseInsensitive) != 0
        && (request.version == "HTTP/1.1"
            || request.header("connection").compare("keep-alive", Qt::CaseInsensitive) == 0);

    auto handle = [this](const HttpRequest &req) {
        bool pathKnown = false;
        QHash<QString, QString> params;
        const Router::Route *route = m_server->router().match(req.method, req.path, &params, &pathKnown);
        if (route)
            return route->handler(req);
        if (pathKnown)
            return HttpResponse::gatewayError(405, u"Method not allowed"_s);
        return m_server->router().notFound(req);
    };

    switch (fault.kind) {
    case FaultKind::None: {
        const HttpResponse response = handle(request);
        send(response, keepAlive);
        finish(request.routeName, response.status, keepAlive);
        return;
    }
    case FaultKind::Delay: {
        m_busy = true;
        QTimer::singleShot(fault.delayMs, this, [this, request, keepAlive, handle] {
            const HttpResponse response = handle(request);
            send(response, keepAlive);
            finish(request.routeName, response.status, keepAlive);
        });
        return;
    }
    case FaultKind::Stall:
        if (fault.afterHandler)
            handle(request);
        m_busy = true;
        m_server->noteRequest(request.routeName, 0);
        if (fault.delayMs > 0)
            QTimer::singleShot(fault.delayMs, this, &HttpConnection::closeGracefully);
        return;
    case FaultKind::Reset:
        if (fault.afterHandler)
            handle(request);
        m_server->noteRequest(request.routeName, 0);
        reset();
        return;
    case FaultKind::CloseAfterHeaders:
    case FaultKind::CloseMidBody: {
        const HttpResponse response = handle(request);
        send(response, false, fault.kind == FaultKind::CloseAfterHeaders ? 0 : response.body.size() / 2);
        m_server->noteRequest(request.routeName, response.status);
        closeGracefully();
        return;
    }
    case FaultKind::Status:
    case FaultKind::MalformedJson:
    case FaultKind::HtmlLoginPage:
    case FaultKind::Empty200: {
        if (fault.afterHandler)
            handle(request);
        const HttpResponse response = fault.response();
        send(response, keepAlive);
        finish(request.routeName, response.status, keepAlive);
        return;
    }
    }
}

void HttpConnection::send(const HttpResponse &response, bool keepAlive, qsizetype bodyBytes)
{
    if (m_socket->state() != QAbstractSocket::ConnectedState)
        return;
    m_socket->write(serializeHead(response, keepAlive));
    m_socket->write(bodyBytes < 0 ? response.body : response.body.left(bodyBytes));
    m_socket->flush();
}

void HttpConnection::finish(const QString &routeName, int status, bool keepAlive)
{
    m_server->noteRequest(routeName, status);
    m_busy = false;
    m_idle.start();
    if (!keepAlive) {
        closeGracefully();
        return;
    }
    if (!m_buffer.isEmpty())
        QMetaObject::invokeMethod(this, &HttpConnection::processBuffer, Qt::QueuedConnection);
}

void HttpConnection::failProtocol(int status, const QString &message)
{
    send(HttpResponse::gatewayError(status, message), false);
    m_server->noteRequest(u"(protocol)"_s, status);
    closeGracefully();
}

void HttpConnection::reset()
{
    m_closing = true;
    m_idle.stop();
    // SO_LINGER with a zero timeout turns close() into a TCP RST: the client sees "connection reset by peer".
    const qintptr fd = m_socket->socketDescriptor();
    if (fd >= 0) {
        struct linger option = { 1, 0 };
        ::setsockopt(int(fd), SOL_SOCKET, SO_LINGER, &option, sizeof(option));
    }
    m_socket->abort();
    deleteLater();
}

void HttpConnection::closeGracefully()
{
    m_closing = true;
    m_idle.stop();
    m_socket->disconnectFromHost();
    if (m_socket->state() == QAbstractSocket::UnconnectedState)
        deleteLater();
}

} // namespace msb::sandbox
