#include "db/cache.h"
#include "httpfixture.h"
#include "net/sync.h"
#include "testutil.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace uptake;

namespace {

QByteArray hfModel(const char *id, int downloads)
{
    return QStringLiteral(R"({"id": "%1", "pipeline_tag": "text-generation", "downloads": %2, "likes": 1,
        "createdAt": "2025-01-01T00:00:00.000Z", "tags": ["license:mit"]})")
        .arg(QLatin1String(id))
        .arg(downloads)
        .toUtf8();
}

QByteArray hfPage(std::initializer_list<QByteArray> models)
{
    QByteArray out = "[";
    for (const QByteArray &m : models)
        out += (out.size() > 1 ? "," : "") + m;
    return out + "]";
}

QByteArray ogPage(int first, int count)
{
    QByteArray out = R"({"models": [)";
    for (int i = 0; i < count; ++i)
        out += QStringLiteral(R"(%1{"name": "model-%2", "authorUsername": "quant", "taskName": "Price Prediction"})")
                   .arg(i ? QStringLiteral(",") : QString())
                   .arg(first + i)
                   .toUtf8();
    return out + "]}";
}

} // namespace

class TestSync : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_db = Cache::open(m_dir.filePath(QStringLiteral("s%1.sqlite").arg(++m_n)));
        m_messages.clear();
    }

    void parsesLinkHeaders()
    {
        const QUrl base(QStringLiteral("https://hub.example/api/models?limit=2"));
        QCOMPARE(Sync::nextLink(R"(<https://hub.example/api/models?cursor=abc&limit=2>; rel="next")", base),
                 QUrl(QStringLiteral("https://hub.example/api/models?cursor=abc&limit=2")));
        QCOMPARE(Sync::nextLink(R"(</api/models?cursor=x>; rel="prev", </api/models?cursor=y>; rel=next)", base),
                 QUrl(QStringLiteral("https://hub.example/api/models?cursor=y")));
        QVERIFY(Sync::nextLink(R"(<https://hub.example/x>; rel="prev")", base).isEmpty());
        QVERIFY(Sync::nextLink("", base).isEmpty());
        QCOMPARE(Sync::retryAfterMs("3"), std::optional<int>(3000));
        QVERIFY(!Sync::retryAfterMs("soon").has_value());
        // Found by fuzz_synchttp: huge waits overflowed; they are capped at a day.
        QCOMPARE(Sync::retryAfterMs("9999999999"), std::optional<int>(24 * 3600 * 1000));
        QCOMPARE(Sync::retryAfterMs("Fri, 01 Jan 2100 00:00:00 GMT"), std::optional<int>(24 * 3600 * 1000));
        QCOMPARE(Sync::retryAfterMs("Thu, 01 Jan 1970 00:00:00 GMT"), std::optional<int>(0));
        // An HTTP date a minute ahead is a wait of about a minute.
        const QByteArray soon = QDateTime::currentDateTimeUtc().addSecs(60).toString(
            QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
        const std::optional<int> wait = Sync::retryAfterMs(soon);
        QVERIFY2(wait && *wait > 50000 && *wait <= 60000, soon.constData());
    }

    void huggingFacePagesFollowTheLinkHeader()
    {
        HttpFixture http;
        const QByteArray next = "<" + http.url(QStringLiteral("/api/models?cursor=p2")).toEncoded() + ">; rel=\"next\"";
        http.on("/api/models", {{200, hfPage({hfModel("a/one", 10), hfModel("a/two", 20)}), {{"Link", next}}}});
        http.on("/api/models?cursor=p2", {{200, hfPage({hfModel("b/three", 30)})}});
        const SyncReport r = sync(http.url(QStringLiteral("/api/models")));
        QCOMPARE(r.pages, 2);
        QCOMPARE(r.models, 3);
        QVERIFY(r.complete);
        QCOMPARE(Cache::modelCount(m_db), 3);
        QCOMPARE(m_db.queryInt("SELECT downloads FROM models WHERE model_id = 'b/three'"), std::optional<std::int64_t>(30));
        // One snapshot for the whole sync, holding each model's popularity.
        QCOMPARE(m_db.queryInt("SELECT count(*) FROM snapshots WHERE kind = 'sync'"), std::optional<std::int64_t>(1));
        QCOMPARE(m_db.queryInt("SELECT count(DISTINCT snapshot) FROM popularity"), std::optional<std::int64_t>(1));
        QCOMPARE(m_db.queryInt("SELECT count(*) FROM popularity"), std::optional<std::int64_t>(3));
        QCOMPARE(m_db.queryInt("SELECT complete FROM sync_state"), std::optional<std::int64_t>(1));
        // Polite: it says who it is, and asks for JSON.
        QVERIFY(http.requests().first().headers.value("user-agent").startsWith("Uptake/" UPTAKE_VERSION));
        QVERIFY(!http.requests().first().headers.contains("authorization"));
    }

    void limitStopsEarly()
    {
        HttpFixture http;
        const QByteArray next = "<" + http.url(QStringLiteral("/api/models?cursor=p2")).toEncoded() + ">; rel=\"next\"";
        http.on("/api/models", {{200, hfPage({hfModel("a/one", 1), hfModel("a/two", 2)}), {{"Link", next}}}});
        SyncOptions opt = options(http.url(QStringLiteral("/api/models")));
        opt.limit = 2;
        const SyncReport r = Sync::run(m_db, opt);
        QCOMPARE(r.models, 2);
        QCOMPARE(http.requests().size(), 1);
    }

    void openGradientPagesUntilAShortPage()
    {
        HttpFixture http;
        http.on("/api/v0/models/?page=1&limit=3", {{200, ogPage(1, 3)}});
        http.on("/api/v0/models/?page=2&limit=3", {{200, ogPage(4, 3)}});
        http.on("/api/v0/models/?page=3&limit=3", {{200, ogPage(7, 1)}});
        SyncOptions opt = options(http.url(QStringLiteral("/api/v0/models/")));
        opt.pageSize = 3;
        const SyncReport r = Sync::run(m_db, opt);
        QCOMPARE(r.pages, 3);
        QCOMPARE(r.models, 7);
        QVERIFY(r.complete);
        QCOMPARE(m_db.queryInt("SELECT count(*) FROM models WHERE model_id LIKE 'quant/model-%' AND task = 'Price Prediction'"),
                 std::optional<std::int64_t>(7));
    }

    void retriesAfterServerErrors()
    {
        HttpFixture http;
        http.on("/api/models", {{500, "oops"}, {503, "busy"}, {200, hfPage({hfModel("a/one", 1)})}});
        const SyncReport r = sync(http.url(QStringLiteral("/api/models")));
        QCOMPARE(r.models, 1);
        QCOMPARE(http.requests().size(), 3);
        QCOMPARE(m_messages.size(), 2);
        QVERIFY(m_messages.first().contains(QStringLiteral("HTTP 500")));
        QVERIFY(m_messages.first().contains(QStringLiteral("retrying")));
    }

    void honoursRetryAfter()
    {
        HttpFixture http;
        http.on("/api/models", {{429, "slow down", {{"Retry-After", "1"}}}, {200, hfPage({hfModel("a/one", 1)})}});
        QElapsedTimer t;
        t.start();
        const SyncReport r = sync(http.url(QStringLiteral("/api/models")));
        QVERIFY2(t.elapsed() >= 950, qPrintable(QString::number(t.elapsed())));
        QCOMPARE(r.models, 1);
    }

    void givesUpWithAClearErrorAfterTheRetries()
    {
        HttpFixture http;
        http.on("/api/models", {{502, "bad gateway"}});
        const QString error = failure(options(http.url(QStringLiteral("/api/models"))));
        QVERIFY2(error.contains(QStringLiteral("HTTP 502")) && error.contains(QStringLiteral("after 3 attempts")),
                 qPrintable(error));
        QCOMPARE(http.requests().size(), 3);
    }

    void truncatedPageKeepsEarlierPagesAndResumes()
    {
        HttpFixture http;
        const QByteArray next = "<" + http.url(QStringLiteral("/api/models?cursor=p2")).toEncoded() + ">; rel=\"next\"";
        http.on("/api/models", {{200, hfPage({hfModel("a/one", 1), hfModel("a/two", 2)}), {{"Link", next}}}});
        const QByteArray page2 = hfPage({hfModel("b/three", 3), hfModel("b/four", 4)});
        http.on("/api/models?cursor=p2", {{200, page2.left(page2.size() - 20)}}); // the JSON itself is cut
        const QString error = failure(options(http.url(QStringLiteral("/api/models"))));
        QVERIFY2(error.contains(QStringLiteral("cursor=p2")) && error.contains(QStringLiteral("1 pages before it are kept")),
                 qPrintable(error));
        QCOMPARE(Cache::modelCount(m_db), 2);
        QCOMPARE(m_db.queryInt("SELECT complete FROM sync_state"), std::optional<std::int64_t>(0));

        // The server is fixed; the next sync starts at the page that failed.
        http.on("/api/models?cursor=p2", {{200, page2}});
        const int before = int(http.requests().size());
        const SyncReport r = sync(http.url(QStringLiteral("/api/models")));
        QVERIFY(r.resumed);
        QVERIFY(r.complete);
        QCOMPARE(http.requests().size(), before + 1);
        QCOMPARE(http.requests().last().target, QByteArray("/api/models?cursor=p2"));
        QCOMPARE(Cache::modelCount(m_db), 4);
    }

    void brokenOffTransferIsRetried()
    {
        HttpFixture http;
        const QByteArray body = hfPage({hfModel("a/one", 1), hfModel("a/two", 2)});
        http.on("/api/models", {{200, body, {}, 0, true}, {200, body}});
        const SyncReport r = sync(http.url(QStringLiteral("/api/models")));
        QCOMPARE(r.models, 2);
        QCOMPARE(http.requests().size(), 2);
    }

    void slowResponseTimesOut()
    {
        HttpFixture http;
        http.on("/api/models", {{200, hfPage({hfModel("a/one", 1)}), {}, 3000}});
        SyncOptions opt = options(http.url(QStringLiteral("/api/models")));
        opt.timeoutMs = 300;
        opt.maxAttempts = 2;
        const QString error = failure(opt);
        // Had the timeout not fired, the page would have come after 3 s and been imported.
        QVERIFY2(error.endsWith(QStringLiteral(": no complete answer within 300 ms after 2 attempts")), qPrintable(error));
        QCOMPARE(http.requests().size(), 2);
        QCOMPARE(Cache::modelCount(m_db), 0);
    }

    // A server that sends a byte now and then never trips Qt's transfer timeout (each byte
    // resets it); the stall watch abandons it and retries like a 5xx.
    void tricklingTransferIsAbandonedAndRetried()
    {
        HttpFixture http;
        const QByteArray body = hfPage({hfModel("a/one", 1)});
        HttpFixture::Reply slow(200, body);
        slow.trickleMs = 100; // 10 bytes a second: the page would take seconds
        http.on("/api/models", {slow, {200, body}});
        SyncOptions opt = options(http.url(QStringLiteral("/api/models")));
        opt.stallMs = 500;
        opt.minBytesPerSecond = 100;
        const SyncReport r = Sync::run(m_db, opt, {}, [this](const QString &m) { m_messages << m; });
        QCOMPARE(r.models, 1);
        QCOMPARE(http.requests().size(), 2);
        QVERIFY(http.bodyBytesSent() < 2 * body.size()); // the first transfer did not finish
        QCOMPARE(m_messages.size(), 1);
        QVERIFY2(m_messages.first().contains(QStringLiteral("the transfer stalled (under 100 bytes a second for 500 ms)")),
                 qPrintable(m_messages.first()));
    }

    void stallingEveryTimeIsAClearError()
    {
        HttpFixture http;
        HttpFixture::Reply slow(200, hfPage({hfModel("a/one", 1)}));
        slow.trickleMs = 100;
        http.on("/api/models", {slow});
        SyncOptions opt = options(http.url(QStringLiteral("/api/models")));
        opt.stallMs = 500;
        opt.minBytesPerSecond = 100;
        opt.maxAttempts = 2;
        const QString error = failure(opt);
        QVERIFY2(error.endsWith(QStringLiteral(": the transfer stalled (under 100 bytes a second for 500 ms) after 2 attempts")),
                 qPrintable(error));
        QCOMPARE(http.requests().size(), 2);
        QCOMPARE(Cache::modelCount(m_db), 0);
    }

    // A page that never ends stops at the cap, with a message that names it and how to raise it,
    // and is not asked for again; what the cache held stays.
    void endlessPageStopsAtTheCap()
    {
        HttpFixture http;
        http.on("/api/models", {{200, hfPage({hfModel("k/kept", 1)})}});
        sync(http.url(QStringLiteral("/api/models")));
        QCOMPARE(Cache::modelCount(m_db), 1);
        HttpFixture::Reply endless(200, QByteArray(64 * 1024, ' '));
        endless.endless = true;
        http.on("/api/models?page=2", {endless});
        SyncOptions opt = options(http.url(QStringLiteral("/api/models?page=2")));
        opt.maxPageBytes = 2 << 20;
        const QString error = failure(opt);
        QVERIFY2(error.contains(QStringLiteral("the page is larger than 2 MiB, the most a page may be")), qPrintable(error));
        QVERIFY2(error.contains(QStringLiteral("--max-page-mb")), qPrintable(error));
        QCOMPARE(http.requests().size(), 2);
        QCOMPARE(Cache::modelCount(m_db), 1);
    }

    void undecodableBodyIsNotRetried()
    {
        HttpFixture http;
        http.on("/api/models", {{200, QByteArray("\x1f\x8b\x08\x00", 4) + " this is no gzip stream at all",
                                 {{"Content-Encoding", "gzip"}}}});
        const QString error = failure(options(http.url(QStringLiteral("/api/models"))));
        QVERIFY2(error.contains(QStringLiteral("did not decompress")), qPrintable(error));
        QCOMPARE(http.requests().size(), 1);
        QCOMPARE(Cache::modelCount(m_db), 0);
    }

    // Qt names an unknown 4xx status with the same error code as a body that did not decode;
    // it is still told as its status.
    void unnamedClientErrorIsItsStatus()
    {
        HttpFixture http;
        http.on("/api/models", {{422, "unprocessable"}});
        const QString error = failure(options(http.url(QStringLiteral("/api/models"))));
        QVERIFY2(error.endsWith(QStringLiteral(": HTTP 422")), qPrintable(error));
        QCOMPARE(http.requests().size(), 1);
    }

    // Cancel ends a transfer in the middle, not after it.
    void cancelStopsATransferAtOnce()
    {
        HttpFixture http;
        const QByteArray body = hfPage({hfModel("a/one", 1)});
        HttpFixture::Reply slow(200, body);
        slow.trickleMs = 20;
        http.on("/api/models", {slow});
        SyncOptions opt = options(http.url(QStringLiteral("/api/models")));
        bool cancelled = false;
        try {
            Sync::run(m_db, opt, [&http](std::int64_t, std::int64_t) { return http.bodyBytesSent() < 5; });
        } catch (const Cancelled &) {
            cancelled = true;
        }
        QVERIFY(cancelled);
        QVERIFY(http.bodyBytesSent() < body.size());
        QCOMPARE(http.requests().size(), 1);
        QCOMPARE(Cache::modelCount(m_db), 0);
    }

    void sameHostRedirectIsFollowed()
    {
        HttpFixture http;
        http.on("/api/models", {{302, "", {{"Location", http.url(QStringLiteral("/moved")).toEncoded()}}}});
        http.on("/moved", {{200, hfPage({hfModel("a/one", 1)})}});
        const SyncReport r = sync(http.url(QStringLiteral("/api/models")));
        QCOMPARE(r.models, 1);
    }

    void redirectLoopIsAnError()
    {
        HttpFixture http;
        http.on("/api/models", {{302, "", {{"Location", http.url(QStringLiteral("/loop")).toEncoded()}}}});
        http.on("/loop", {{302, "", {{"Location", http.url(QStringLiteral("/api/models")).toEncoded()}}}});
        const QString error = failure(options(http.url(QStringLiteral("/api/models"))));
        QVERIFY2(error.contains(QStringLiteral("redirect")), qPrintable(error));
    }

    void redirectToAnotherPlainHttpHostIsRefused()
    {
        HttpFixture http;
        // localhost and 127.0.0.1 are different hosts to the client.
        http.on("/api/models", {{301, "", {{"Location", QStringLiteral("http://localhost:%1/x").arg(http.port()).toUtf8()}}}});
        http.on("/x", {{200, hfPage({hfModel("a/one", 1)})}});
        SyncOptions opt = options(http.url(QStringLiteral("/api/models")));
        opt.token = "s3cret-token";
        const QString error = failure(opt);
        QVERIFY2(error.contains(QStringLiteral("refused a redirect")), qPrintable(error));
        QCOMPARE(http.requests().size(), 1); // the token never went to the other host
        QCOMPARE(http.requests().first().headers.value("authorization"), QByteArray("Bearer s3cret-token"));
    }

    void unusableNextLinkIsAnErrorAndKeepsThePage()
    {
        // Found by fuzz_synchttp: a Link target with bytes that are no URL, and one with
        // another scheme. Neither is requested; the page before is kept.
        for (const QByteArray &target : {QByteArray("https://hub.ex" "\xff\xff" "ample/api/models?cursor=2"),
                                         QByteArray("ftp://files.example/models")}) {
            init();
            HttpFixture http;
            http.on("/api/models", {{200, hfPage({hfModel("a/one", 1)}), {{"Link", "<" + target + ">; rel=\"next\""}}}});
            QVERIFY(!Sync::isUsablePage(Sync::nextLink("<" + target + ">; rel=next", http.url(QStringLiteral("/")))));
            try {
                sync(http.url(QStringLiteral("/api/models")));
                QFAIL("an unusable next link must stop the sync with an error");
            } catch (const SyncError &e) {
                QVERIFY2(e.message().contains(QStringLiteral("not an http(s) address")), qPrintable(e.message()));
            }
            QCOMPARE(http.requests().size(), 1);
            QCOMPARE(Cache::modelCount(m_db), 1);
        }
    }

    void repeatedPageStopsTheLoop()
    {
        HttpFixture http;
        const QByteArray page = hfPage({hfModel("a/one", 1)});
        const QByteArray next = "<" + http.url(QStringLiteral("/api/models?cursor=again")).toEncoded() + ">; rel=\"next\"";
        http.on("/api/models", {{200, page, {{"Link", next}}}});
        http.on("/api/models?cursor=again", {{200, page, {{"Link", next}}}});
        const SyncReport r = sync(http.url(QStringLiteral("/api/models")));
        QVERIFY(!r.complete);
        QVERIFY(r.stopReason.contains(QStringLiteral("same page twice")));
        QCOMPARE(Cache::modelCount(m_db), 1);
    }

    void secondSyncIsConditional()
    {
        HttpFixture http;
        http.on("/api/models", {{200, hfPage({hfModel("a/one", 1)}), {{"ETag", "\"v1\""}}}, {304, ""}});
        QVERIFY(sync(http.url(QStringLiteral("/api/models"))).complete);
        const SyncReport again = sync(http.url(QStringLiteral("/api/models")));
        QVERIFY(again.notModified);
        QCOMPARE(http.requests().last().headers.value("if-none-match"), QByteArray("\"v1\""));
        QCOMPARE(Cache::modelCount(m_db), 1);
        QCOMPARE(m_db.queryInt("SELECT etag IS NOT NULL FROM sync_state"), std::optional<std::int64_t>(1));
    }

    void tokenNeverReachesTheCache()
    {
        HttpFixture http;
        http.on("/api/models", {{200, hfPage({hfModel("a/one", 1)})}});
        SyncOptions opt = options(http.url(QStringLiteral("/api/models")));
        opt.token = "hf_very_secret_token_123";
        Sync::run(m_db, opt);
        for (const QString &suffix : {QString(), QStringLiteral("-wal")}) {
            QFile f(m_db.path() + suffix);
            if (f.open(QIODevice::ReadOnly))
                QVERIFY(!f.readAll().contains("hf_very_secret_token_123"));
        }
    }

    void cliSyncEndToEnd()
    {
        HttpFixture http;
        http.on("/api/v0/models/?page=1&limit=100", {{200, ogPage(1, 2)}});
        const QString cache = m_dir.filePath(QStringLiteral("cli.sqlite"));
        QProcess p;
        p.start(TestUtil::binary(), {QStringLiteral("--cache"), cache, QStringLiteral("sync"),
                                     http.url(QStringLiteral("/api/v0/models/")).toString(),
                                     QStringLiteral("--format"), QStringLiteral("opengradient"),
                                     QStringLiteral("--max-page-mb"), QStringLiteral("8")});
        QVERIFY(p.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(p.state() == QProcess::NotRunning, 60000); // the fixture serves meanwhile
        QCOMPARE(p.exitCode(), 0);
        QVERIFY(p.readAllStandardError().contains("2 models"));
        Database db = Cache::open(cache);
        QCOMPARE(Cache::modelCount(db), 2);
    }

    // Page 1 is written at once (the cache is empty), page 2 is staged beside the cache until a
    // batch is worth writing, page 3 never finishes: kill the process while it waits. The cache
    // is intact with page 1, page 2 waits on disk, and the next sync writes it and asks only for
    // page 3.
    void killedSyncResumesWithTheStagedPages()
    {
        HttpFixture http;
        http.on("/api/v0/models/?page=1&limit=100", {{200, ogPage(1, 100)}});
        http.on("/api/v0/models/?page=2&limit=100", {{200, ogPage(101, 100)}});
        http.on("/api/v0/models/?page=3&limit=100", {{200, ogPage(201, 5), {}, 600000}});
        const QString cache = m_dir.filePath(QStringLiteral("killed.sqlite"));
        QProcess p;
        p.start(TestUtil::binary(), {QStringLiteral("--cache"), cache, QStringLiteral("sync"),
                                     http.url(QStringLiteral("/api/v0/models/")).toString()});
        QVERIFY(p.waitForStarted());
        // The third page is asked for only after the second is staged and the state saved.
        QTRY_VERIFY_WITH_TIMEOUT(http.requests().size() >= 3, 60000);
        p.kill();
        QVERIFY(p.waitForFinished());
        QCOMPARE(p.exitStatus(), QProcess::CrashExit);
        {
            Database db = Cache::open(cache);
            Statement check(db, "PRAGMA integrity_check");
            QVERIFY(check.step());
            QCOMPARE(check.text(0), QStringLiteral("ok"));
            QCOMPARE(Cache::modelCount(db), 100);
            QCOMPARE(db.queryInt("SELECT next_page || loaded_page FROM sync_state"), std::optional<std::int64_t>(31));
        }
        const QDir staged(cache + QStringLiteral("-sync"));
        const QStringList folders = staged.entryList(QDir::Dirs | QDir::NoDotAndDotDot);
        QCOMPARE(folders.size(), 1);
        QCOMPARE(QDir(staged.filePath(folders.first())).entryList(QDir::Files), QStringList{QStringLiteral("page-2.json")});

        http.on("/api/v0/models/?page=3&limit=100", {{200, ogPage(201, 5)}});
        const int before = int(http.requests().size());
        QProcess again;
        again.start(TestUtil::binary(), {QStringLiteral("--cache"), cache, QStringLiteral("sync"),
                                         http.url(QStringLiteral("/api/v0/models/")).toString()});
        QVERIFY(again.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(again.state() == QProcess::NotRunning, 60000); // the fixture serves meanwhile
        QCOMPARE(again.exitCode(), 0);
        QVERIFY2(again.readAllStandardError().contains("resumed"), "the second sync resumed");
        QCOMPARE(http.requests().size(), before + 1);
        QCOMPARE(http.requests().last().target, QByteArray("/api/v0/models/?page=3&limit=100"));
        Database db = Cache::open(cache);
        QCOMPARE(Cache::modelCount(db), 205);
        QCOMPARE(db.queryInt("SELECT count(*) FROM models WHERE model_id IN ('quant/model-101', 'quant/model-200')"),
                 std::optional<std::int64_t>(2));
        QCOMPARE(db.queryInt("SELECT complete FROM sync_state"), std::optional<std::int64_t>(1));
        QVERIFY2(!staged.exists(), "the staging folder goes once the sync is complete");
    }

private:
    SyncOptions options(const QUrl &url)
    {
        SyncOptions opt;
        opt.url = url;
        opt.backoffBaseMs = 20;
        opt.maxAttempts = 3;
        opt.timeoutMs = 5000;
        return opt;
    }

    // The SyncError's message of a sync that must fail (empty when it did not).
    QString failure(const SyncOptions &opt)
    {
        try {
            Sync::run(m_db, opt, {}, [this](const QString &m) { m_messages << m; });
        } catch (const SyncError &e) {
            return e.message();
        }
        return {};
    }

    SyncReport sync(const QUrl &url)
    {
        return Sync::run(m_db, options(url), {}, [this](const QString &m) { m_messages << m; });
    }

    QTemporaryDir m_dir;
    Database m_db;
    int m_n = 0;
    QStringList m_messages;
};

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"
