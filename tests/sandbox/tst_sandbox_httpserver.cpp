// SPDX-License-Identifier: BSD-2-Clause
// The sandbox HTTP server over real loopback sockets: routing, keep-alive, chunked bodies, limits, every fault.
#include "tests/sandbox/httpserver.h"
#include "tests/sandbox/testhttp.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QTcpSocket>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace msb::sandbox;

class TestSandboxHttpServer final : public QObject
{
    Q_OBJECT

private:
    Router m_router;
    FaultPlan m_faults;
    HttpServer *m_server = nullptr;
    int m_handled = 0;

    QUrl url(const QString &path, const QString &query = {}) const
    {
        return test::withPath(m_server->baseUrl(), path, query);
    }

    test::Reply get(const QString &path, int timeoutMs = 5000)
    {
        QNetworkAccessManager nam;
        return test::exchange(nam, QNetworkRequest(url(path)), "GET", {}, timeoutMs);
    }

    /// Writes raw bytes on a fresh socket and reads until the server closes or `responses` answers arrived.
    QByteArray rawExchange(const QByteArray &bytes, int responses = 1)
    {
        // The server runs on this thread, so wait with the event loop running (never waitFor*()).
        QTcpSocket socket;
        QByteArray received;
        connect(&socket, &QTcpSocket::readyRead, &socket, [&] { received += socket.readAll(); });
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        if (!QTest::qWaitFor([&] { return socket.state() == QAbstractSocket::ConnectedState; }, 3000))
            return {};
        socket.write(bytes);
        (void)QTest::qWaitFor(
            [&] {
                return socket.state() != QAbstractSocket::ConnectedState || received.count("HTTP/1.1 ") >= responses;
            },
            5000);
        QTest::qWait(100); // the rest of the last body
        return received;
    }

private Q_SLOTS:
    void initTestCase()
    {
        m_router.add("GET", u"/echo/{name}"_s, u"echo"_s, [this](const HttpRequest &request) {
            ++m_handled;
            QJsonObject params;
            for (auto it = request.params.cbegin(); it != request.params.cend(); ++it)
                params.insert(it.key(), it.value());
            return HttpResponse::json(200,
                QJsonObject { { u"route"_s, request.routeName },
                    { u"params"_s, params },
                    { u"q"_s, request.queryValue(u"q"_s) },
                    { u"connection"_s, qint64(request.connectionId) } });
        });
        m_router.add("GET", u"/echo/special"_s, u"echo-special"_s, [](const HttpRequest &) {
            return HttpResponse::raw(200, "special", "text/plain");
        });
        m_router.add("POST", u"/body"_s, u"body"_s, [this](const HttpRequest &request) {
            ++m_handled;
            return HttpResponse::raw(200, QByteArray::number(request.body.size()) + ':' + request.body, "text/plain");
        });
        m_router.add("GET", u"/files/{rest*}"_s, u"files"_s, [](const HttpRequest &request) {
            return HttpResponse::raw(200, request.params.value(u"rest"_s).toUtf8(), "text/plain");
        });
        m_router.add("GET", u"/big"_s, u"big"_s, [](const HttpRequest &) {
            return HttpResponse::raw(200, QByteArray(64 * 1024, 'x'), "application/octet-stream");
        });
        m_router.addInternal("GET", u"/_sandbox/ping"_s, u"ping"_s, [](const HttpRequest &) {
            return HttpResponse::raw(200, "pong", "text/plain");
        });
        m_server = new HttpServer(&m_router, &m_faults, this);
        ServerOptions options;
        options.maxBodyBytes = 1024;
        options.maxHeaderBytes = 2048;
        QString error;
        QVERIFY2(m_server->listen(options, &error), qPrintable(error));
        QVERIFY(m_server->port() != 0);
        QCOMPARE(m_server->baseUrl().host(), u"127.0.0.1"_s);
    }

    void init()
    {
        m_faults.clear();
        m_handled = 0;
    }

    void refusesNonLoopback()
    {
        HttpServer server(&m_router, &m_faults);
        ServerOptions options;
        options.address = QHostAddress::AnyIPv4;
        QString error;
        QVERIFY(!server.listen(options, &error));
        QVERIFY2(error.contains(u"loopback"_s), qPrintable(error));
    }

    void routing_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("placeholder") << u"/echo/abc"_s << 200 << QByteArray("\"name\":\"abc\"");
        QTest::newRow("literal beats placeholder") << u"/echo/special"_s << 200 << QByteArray("special");
        QTest::newRow("percent-decoded") << u"/echo/a%20b"_s << 200 << QByteArray("\"name\":\"a b\"");
        QTest::newRow("rest of path") << u"/files/a/b/c.json"_s << 200 << QByteArray("a/b/c.json");
        QTest::newRow("too many segments") << u"/echo/a/b"_s << 404 << QByteArray("Resource not found");
        QTest::newRow("unknown") << u"/nothing"_s << 404 << QByteArray("\"statusCode\":404");
        QTest::newRow("wrong method") << u"/body"_s << 405 << QByteArray("\"statusCode\":405");
    }

    void routing()
    {
        QFETCH(QString, path);
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QNetworkAccessManager nam;
        QUrl target = m_server->baseUrl();
        target.setPath(path, QUrl::TolerantMode);
        const test::Reply reply = test::exchange(nam, QNetworkRequest(target), "GET");
        QVERIFY(reply.finished);
        QCOMPARE(reply.status, status);
        QVERIFY2(reply.body.contains(body), reply.body.constData());
    }

    void queryIsDecoded()
    {
        QNetworkAccessManager nam;
        const test::Reply reply = test::exchange(nam, QNetworkRequest(url(u"/echo/x"_s, u"q=a%20b%2Bc&z=1"_s)), "GET");
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.json().value(u"q"_s).toString(), u"a b+c"_s);
        QCOMPARE(reply.json().value(u"route"_s).toString(), u"echo"_s);
    }

    void keepAliveReusesOneConnection()
    {
        QNetworkAccessManager nam;
        const quint64 before = m_server->connectionCount();
        QSet<qint64> connections;
        for (int i = 0; i < 5; ++i) {
            const test::Reply reply = test::exchange(nam, QNetworkRequest(url(u"/echo/k"_s)), "GET");
            QCOMPARE(reply.status, 200);
            connections.insert(reply.json().value(u"connection"_s).toInteger());
        }
        QCOMPARE(connections.size(), 1);
        QCOMPARE(m_server->connectionCount(), before + 1);
    }

    void postWithContentLength()
    {
        QNetworkAccessManager nam;
        QNetworkRequest request(url(u"/body"_s));
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("text/plain"));
        const test::Reply reply = test::exchange(nam, request, "POST", "hello world");
        QCOMPARE(reply.status, 200);
        QCOMPARE(reply.body, QByteArray("11:hello world"));
    }

    void chunkedBodyAndPipelining()
    {
        const QByteArray request = "POST /body HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\n\r\n"
                                   "5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"
                                   "GET /echo/second HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
        const QByteArray received = rawExchange(request, 2);
        QVERIFY2(received.contains("11:hello world"), received.constData());
        QVERIFY2(received.contains("\"name\":\"second\""), received.constData());
        QVERIFY(received.indexOf("11:hello world") < received.indexOf("second"));
    }

    void limits_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<QByteArray>("status");
        QTest::newRow("body over the limit")
            << QByteArray("POST /body HTTP/1.1\r\nHost: x\r\nContent-Length: 4096\r\n\r\n") << QByteArray(" 413 ");
        QTest::newRow("chunked over the limit")
            << QByteArray("POST /body HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n1000\r\n")
            << QByteArray(" 413 ");
        QTest::newRow("head over the limit")
            << (QByteArray("GET /echo/a HTTP/1.1\r\nX-Long: ") + QByteArray(4096, 'a') + "\r\n\r\n")
            << QByteArray(" 431 ");
        QTest::newRow("bad content-length")
            << QByteArray("POST /body HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n") << QByteArray(" 400 ");
        QTest::newRow("bad chunk") << QByteArray(
            "POST /body HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")
                                   << QByteArray(" 400 ");
        QTest::newRow("not http") << QByteArray("HELLO\r\n\r\n") << QByteArray(" 400 ");
    }

    void limits()
    {
        QFETCH(QByteArray, request);
        QFETCH(QByteArray, status);
        const QByteArray received = rawExchange(request);
        QVERIFY2(received.startsWith(QByteArray("HTTP/1.1").append(status)), received.constData());
        QVERIFY(received.contains("Connection: close"));
        QCOMPARE(m_handled, 0);
    }

    void expectContinue()
    {
        const QByteArray received = rawExchange("POST /body HTTP/1.1\r\nHost: x\r\nExpect: "
                                                "100-continue\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok",
            2);
        QVERIFY2(received.startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK"), received.constData());
        QVERIFY(received.endsWith("2:ok"));
    }

    void faultKinds_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("networkError");
        QTest::addColumn<QByteArray>("bodyContains");
        QTest::addColumn<bool>("handled");
        QTest::newRow("status 502") << int(FaultKind::Status) << 502 << false << QByteArray("\"statusCode\":502")
                                    << false;
        QTest::newRow("close after headers")
            << int(FaultKind::CloseAfterHeaders) << 200 << true << QByteArray() << true;
        QTest::newRow("close mid body") << int(FaultKind::CloseMidBody) << 200 << true << QByteArray() << true;
        QTest::newRow("reset") << int(FaultKind::Reset) << 0 << true << QByteArray() << false;
        QTest::newRow("malformed json") << int(FaultKind::MalformedJson) << 200 << false << QByteArray("{\"errors\":[")
                                        << false;
        QTest::newRow("html login page") << int(FaultKind::HtmlLoginPage) << 200 << false
                                         << QByteArray("<title>Sign in") << false;
        QTest::newRow("empty 200") << int(FaultKind::Empty200) << 200 << false << QByteArray() << false;
    }

    void faultKinds()
    {
        QFETCH(int, kind);
        QFETCH(int, status);
        QFETCH(bool, networkError);
        QFETCH(QByteArray, bodyContains);
        QFETCH(bool, handled);
        Fault fault = Fault::of(FaultKind(kind));
        fault.status = 502;
        // Unlimited: QNAM silently re-sends a request whose connection died before any byte came back.
        m_faults.failNext(u"echo"_s, -1, fault);
        QNetworkAccessManager nam;
        const test::Reply reply = test::exchange(nam, QNetworkRequest(url(u"/echo/f"_s)), "GET");
        QVERIFY(reply.finished);
        if (networkError) {
            // A cut or reset connection is a transport error, whatever status line may have arrived first.
            QVERIFY2(reply.error == QNetworkReply::RemoteHostClosedError
                    || reply.error == QNetworkReply::UnknownNetworkError,
                qPrintable(QString::number(reply.error)));
        } else {
            QCOMPARE(reply.status, status);
        }
        if (!bodyContains.isEmpty())
            QVERIFY2(reply.body.contains(bodyContains), reply.body.constData());
        if (FaultKind(kind) == FaultKind::Empty200)
            QVERIFY(reply.body.isEmpty());
        if (FaultKind(kind) == FaultKind::MalformedJson) {
            QJsonParseError parseError;
            QJsonDocument::fromJson(reply.body, &parseError);
            QVERIFY(parseError.error != QJsonParseError::NoError);
        }
        if (FaultKind(kind) == FaultKind::HtmlLoginPage)
            QVERIFY(reply.header("content-type").startsWith("text/html"));
        QCOMPARE(m_handled > 0, handled);
        QVERIFY(m_faults.injected(FaultKind(kind)) >= 1);
        m_faults.clear();
        QCOMPARE(get(u"/echo/after"_s).status, 200);
    }

    void bodyIsCutMidway()
    {
        m_faults.failNext(u"big"_s, 1, Fault::of(FaultKind::CloseMidBody));
        const QByteArray received = rawExchange("GET /big HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(received.contains("Content-Length: 65536"));
        const qsizetype bodyStart = received.indexOf("\r\n\r\n") + 4;
        QCOMPARE(received.size() - bodyStart, qsizetype(32 * 1024));
    }

    void tooManyRequestsFault()
    {
        m_faults.failNext(u"echo"_s, 1, Fault::tooManyRequests(7));
        m_faults.failNext(u"echo"_s, 1, Fault::tooManyRequests(3, false));
        test::Reply reply = get(u"/echo/a"_s);
        QCOMPARE(reply.status, 429);
        QCOMPARE(reply.header("retry-after"), QByteArray("7"));
        QCOMPARE(reply.json().value(u"message"_s).toString(), u"Rate limit is exceeded. Try again in 7 seconds."_s);
        QCOMPARE(reply.json().value(u"statusCode"_s).toInt(), 429);
        reply = get(u"/echo/a"_s);
        QCOMPARE(reply.status, 429);
        QVERIFY(!reply.hasHeader("retry-after"));
        QCOMPARE(reply.json().value(u"message"_s).toString(), u"Rate limit is exceeded. Try again in 3 seconds."_s);
    }

    void serverErrorFaultHasActivityId()
    {
        m_faults.failNext(u"echo"_s, 1, Fault::httpStatus(500));
        const test::Reply reply = get(u"/echo/a"_s);
        QCOMPARE(reply.status, 500);
        QCOMPARE(reply.json().value(u"message"_s).toString(), u"Internal server error"_s);
        QCOMPARE(reply.json().value(u"activityId"_s).toString().size(), 36);
    }

    void afterHandlerProcessesTheRequest()
    {
        m_faults.failNext(u"echo"_s, 1, Fault::httpStatus(503, true));
        m_faults.failNext(u"echo"_s, 1, Fault::httpStatus(503, false));
        QCOMPARE(get(u"/echo/a"_s).status, 503);
        QCOMPARE(m_handled, 1);
        QCOMPARE(get(u"/echo/a"_s).status, 503);
        QCOMPARE(m_handled, 1);
    }

    void delayAnswersLate()
    {
        m_faults.failNext(u"echo"_s, 1, Fault::delay(400));
        QElapsedTimer timer;
        timer.start();
        const test::Reply reply = get(u"/echo/a"_s);
        QCOMPARE(reply.status, 200);
        QVERIFY2(timer.elapsed() >= 390, qPrintable(QString::number(timer.elapsed())));
    }

    void stallMakesTheClientTimeOut()
    {
        m_faults.failNext(u"echo"_s, 1, Fault::stall());
        QElapsedTimer timer;
        timer.start();
        const test::Reply reply = get(u"/echo/a"_s, 500);
        QVERIFY(reply.finished);
        QCOMPARE(reply.status, 0);
        QVERIFY(reply.error == QNetworkReply::OperationCanceledError || reply.error == QNetworkReply::TimeoutError);
        QVERIFY(timer.elapsed() >= 450);
        QCOMPARE(m_handled, 0);
    }

    void stallClosesAfterItsDelay()
    {
        // Unlimited, because QNAM re-sends once when a connection closes before any byte of the answer.
        m_faults.failNext(u"echo"_s, -1, Fault::stall(300, true));
        const test::Reply reply = get(u"/echo/a"_s, 5000);
        QCOMPARE(reply.status, 0);
        QCOMPARE(reply.error, QNetworkReply::RemoteHostClosedError);
        QVERIFY(m_handled >= 1);
    }

    void scriptRunsInOrder()
    {
        m_faults.script(u"echo"_s, { Fault::none(), Fault::httpStatus(504), Fault::none(), Fault::httpStatus(502) });
        QList<int> statuses;
        for (int i = 0; i < 5; ++i)
            statuses << get(u"/echo/s"_s).status;
        QCOMPARE(statuses, (QList<int> { 200, 504, 200, 502, 200 }));
    }

    void skipThenCount()
    {
        FaultRule rule;
        rule.route = u"echo"_s;
        rule.fault = Fault::httpStatus(503);
        rule.skip = 2;
        rule.count = 2;
        m_faults.add(rule);
        QList<int> statuses;
        for (int i = 0; i < 5; ++i)
            statuses << get(u"/echo/s"_s).status;
        QCOMPARE(statuses, (QList<int> { 200, 200, 503, 503, 200 }));
    }

    void randomFaultsAreSeeded()
    {
        auto run = [this] {
            m_faults.clear();
            m_faults.setSeed(42);
            m_faults.failRandomly(u"*"_s, 0.5, Fault::httpStatus(503));
            QList<bool> hits;
            for (int i = 0; i < 200; ++i)
                hits << (m_faults.decide(u"echo"_s, false).kind == FaultKind::Status);
            return hits;
        };
        const QList<bool> first = run();
        QCOMPARE(run(), first);
        const auto hits = std::count(first.cbegin(), first.cend(), true);
        QVERIFY2(hits > 60 && hits < 140, qPrintable(QString::number(hits)));
    }

    void globalFaultsSpareInternalRoutes()
    {
        m_faults.failNext(u"*"_s, 10, Fault::httpStatus(503));
        QCOMPARE(get(u"/_sandbox/ping"_s).status, 200);
        QCOMPARE(get(u"/echo/x"_s).status, 503);
    }
};

QTEST_GUILESS_MAIN(TestSandboxHttpServer)
#include "tst_sandbox_httpserver.moc"
