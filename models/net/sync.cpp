#include "net/sync.h"

#include "db/cache.h"
#include "db/database.h"
#include "ingest/importer.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QDateTime>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrlQuery>

#include <algorithm>
#include <deque>
#include <memory>
#include <utility>

namespace uptake {

Q_LOGGING_CATEGORY(lcSync, "uptake.sync", QtWarningMsg)

bool SyncOptions::parseFormat(const QString &text, Format &out)
{
    const QString t = text.toLower();
    if (t == QLatin1String("auto"))
        out = Format::Auto;
    else if (t == QLatin1String("hf") || t == QLatin1String("huggingface"))
        out = Format::HuggingFace;
    else if (t == QLatin1String("opengradient") || t == QLatin1String("og"))
        out = Format::OpenGradient;
    else
        return false;
    return true;
}

namespace Sync {

namespace {

struct Response
{
    int status = 0;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QString errorText;
    QByteArray body;
    QByteArray etag, lastModified, link, retryAfter;
    QUrl location; // a redirect's target, as the server wrote it
    QUrl url;      // where the answer came from, after redirects
    bool redirectRefused = false;
    bool redirectLoop = false;
    int redirects = 0;
    bool cancelled = false;
    bool tooBig = false;   // stopped at SyncOptions::maxPageBytes
    bool stalled = false;  // stopped: under SyncOptions::minBytesPerSecond for stallMs
    bool timedOut = false; // no complete answer within SyncOptions::timeoutMs
    bool undecodable = false; // the body's Content-Encoding did not decode
};

QString formatName(SyncOptions::Format f)
{
    return f == SyncOptions::Format::OpenGradient ? QStringLiteral("opengradient") : QStringLiteral("hf");
}

// Waits ms while keeping the event loop running (a local test server may be on this thread).
bool waitMs(int ms, const std::function<bool()> &cancelled)
{
    QEventLoop loop;
    QTimer done;
    done.setSingleShot(true);
    QObject::connect(&done, &QTimer::timeout, &loop, &QEventLoop::quit);
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (cancelled())
            loop.quit();
    });
    done.start(ms);
    poll.start(100);
    loop.exec();
    return !cancelled();
}

// One request, no redirects followed: the reply ends on its own (finished), and is deleted
// here, outside its signals. Aborting a reply from inside Qt's user-verified redirect signal
// left Qt 6.4's HTTP delegate objects behind now and then (LeakSanitizer saw them).
Response fetchOnce(QNetworkAccessManager &nam, const QUrl &url, const SyncOptions &opt, const QByteArray &etag,
                   const QByteArray &lastModified, const std::function<bool()> &cancelled)
{
    QNetworkRequest req(url);
    req.setHeader(QNetworkRequest::UserAgentHeader,
                  QByteArray("Uptake/" UPTAKE_VERSION " (model registry usage browser)"));
    req.setRawHeader("Accept", "application/json");
    if (!opt.token.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + opt.token);
    if (!etag.isEmpty())
        req.setRawHeader("If-None-Match", etag);
    if (!lastModified.isEmpty())
        req.setRawHeader("If-Modified-Since", lastModified);
    req.setTransferTimeout(opt.timeoutMs);
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);

    Response r;
    std::unique_ptr<QNetworkReply> reply(nam.get(req));
    qint64 received = 0;
    QObject::connect(reply.get(), &QNetworkReply::downloadProgress, reply.get(),
                     [&r, &received, max = opt.maxPageBytes, p = reply.get()](qint64 bytes, qint64) {
                         received = bytes;
                         if (bytes > max && !r.tooBig) {
                             r.tooBig = true;
                             p->abort();
                         }
                     });
    QEventLoop loop;
    QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
    // The stall watch: (elapsed ms, bytes) samples, the oldest one at least stallMs old.
    QElapsedTimer clock;
    clock.start();
    std::deque<std::pair<qint64, qint64>> samples{{0, 0}};
    const qint64 needed = opt.minBytesPerSecond * opt.stallMs / 1000;
    QTimer poll;
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (reply->isFinished())
            return;
        if (cancelled()) {
            r.cancelled = true;
            reply->abort();
            return;
        }
        if (opt.stallMs <= 0)
            return;
        const qint64 now = clock.elapsed();
        samples.emplace_back(now, received);
        while (samples.size() > 1 && samples[1].first <= now - opt.stallMs)
            samples.pop_front();
        if (now - samples.front().first >= opt.stallMs && received - samples.front().second < needed) {
            r.stalled = true;
            reply->abort();
        }
    });
    poll.start(std::clamp(opt.stallMs / 10, 10, 100));
    if (!reply->isFinished())
        loop.exec();

    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    qCDebug(lcSync) << url << "status" << r.status << "error" << reply->error() << reply->errorString();
    r.error = reply->error();
    r.errorText = reply->errorString();
    if (reply->isOpen()) // an aborted reply is closed
        r.body = reply->readAll();
    r.etag = reply->rawHeader("ETag");
    r.lastModified = reply->rawHeader("Last-Modified");
    r.link = reply->rawHeader("Link");
    r.retryAfter = reply->rawHeader("Retry-After");
    r.location = reply->attribute(QNetworkRequest::RedirectionTargetAttribute).toUrl();
    // Qt ends a request that outlives its transfer timeout as "canceled"; so do our own aborts.
    r.timedOut = r.error == QNetworkReply::OperationCanceledError && !r.cancelled && !r.tooBig && !r.stalled;
    // A body that does not decode will not decode on a second try either. Qt 6.4 reports it as
    // UnknownContentError on a 2xx answer (its text, "Decompression failed", is translated in
    // the window; Qt also gives that code to 4xx statuses it has no name for).
    r.undecodable = r.error == QNetworkReply::UnknownContentError && r.status >= 200 && r.status <= 299;
    // Qt 6.4 now and then ends a reply whose connection closed mid-body without an error. The
    // announced length says so (when the body is not compressed, whose length is another).
    bool known = false;
    const qint64 announced = reply->header(QNetworkRequest::ContentLengthHeader).toLongLong(&known);
    if (r.error == QNetworkReply::NoError && known && reply->rawHeader("Content-Encoding").isEmpty()
        && r.body.size() < announced) {
        r.error = QNetworkReply::RemoteHostClosedError;
        r.errorText = QStringLiteral("the connection closed after %1 of %2 bytes").arg(r.body.size()).arg(announced);
    }
    return r;
}

// Follows up to five redirects by hand, so that each hop is checked before the token goes along.
Response fetch(QNetworkAccessManager &nam, const QUrl &url, const SyncOptions &opt, const QByteArray &etag,
               const QByteArray &lastModified, const std::function<bool()> &cancelled)
{
    constexpr int kMaxRedirects = 5;
    QUrl at = url;
    int redirects = 0;
    while (true) {
        Response r = fetchOnce(nam, at, opt, etag, lastModified, cancelled);
        r.redirects = redirects;
        r.url = at;
        const bool redirect = r.status >= 300 && r.status <= 399 && r.status != 304 && r.location.isValid()
                              && !r.location.isEmpty();
        if (!redirect || r.cancelled)
            return r;
        const QUrl to = at.resolved(r.location);
        qCDebug(lcSync) << "redirected to" << to;
        if (++redirects > kMaxRedirects) {
            r.redirects = redirects;
            r.redirectLoop = true;
            return r;
        }
        // A token must never travel to a plain-http stranger: follow only https, or the same host.
        if (!(to.scheme() == QLatin1String("https") || (to.host() == at.host() && to.scheme() == at.scheme()))) {
            r.redirectRefused = true;
            return r;
        }
        at = to;
    }
}

bool retriable(const Response &r)
{
    if (r.redirectRefused || r.redirectLoop || r.cancelled || r.tooBig || r.undecodable)
        return false;
    if (r.stalled)
        return true;
    if (r.status == 429 || (r.status >= 500 && r.status <= 599))
        return true;
    if (r.status >= 200 && r.status <= 299 && r.error != QNetworkReply::NoError)
        return true; // the connection broke off mid-body
    if (r.status == 0) // no HTTP answer: connection refused, reset, timeout...
        return r.error != QNetworkReply::TooManyRedirectsError && r.error != QNetworkReply::InsecureRedirectError;
    return false;
}

QString durationText(int ms)
{
    return ms % 1000 == 0 ? QStringLiteral("%1 s").arg(ms / 1000) : QStringLiteral("%1 ms").arg(ms);
}

QString describe(const Response &r, const QUrl &url, const SyncOptions &opt)
{
    if (r.redirectRefused)
        return QStringLiteral("%1: refused a redirect to another host over plain http").arg(url.toDisplayString());
    if (r.redirectLoop || r.error == QNetworkReply::TooManyRedirectsError
        || (r.redirects > 0 && r.status != 200 && r.status != 304))
        return QStringLiteral("%1: the redirects did not end at a page (a redirect loop?)").arg(url.toDisplayString());
    if (r.tooBig)
        return QStringLiteral("%1: the page is larger than %2 MiB, the most a page may be; if the registry's "
                              "pages are this large, raise the cap (uptake sync --max-page-mb)")
            .arg(url.toDisplayString())
            .arg(opt.maxPageBytes / (1 << 20));
    if (r.stalled)
        return QStringLiteral("%1: the transfer stalled (under %2 bytes a second for %3)")
            .arg(url.toDisplayString())
            .arg(opt.minBytesPerSecond)
            .arg(durationText(opt.stallMs));
    if (r.undecodable)
        return QStringLiteral("%1: the page did not decompress (%2)").arg(url.toDisplayString(), r.errorText);
    if (r.timedOut)
        return QStringLiteral("%1: no complete answer within %2").arg(url.toDisplayString(), durationText(opt.timeoutMs));
    if (r.status == 0)
        return QStringLiteral("%1: %2").arg(url.toDisplayString(), r.errorText);
    if (r.error != QNetworkReply::NoError && r.status >= 200 && r.status <= 299)
        return QStringLiteral("%1: the answer broke off (%2)").arg(url.toDisplayString(), r.errorText);
    return QStringLiteral("%1: HTTP %2").arg(url.toDisplayString()).arg(r.status);
}

struct State
{
    QString nextUrl;
    std::int64_t nextPage = 0;
    bool complete = false;
    QByteArray etag, lastModified;
    int pages = 0;
    std::int64_t models = 0;
    std::int64_t loadedPage = 0; // the last page whose models are in the cache
    bool exists = false;
};

State loadState(Database &db, const QString &key)
{
    State s;
    Statement st(db, "SELECT next_url, next_page, complete, etag, last_modified, pages, models, loaded_page FROM sync_state"
                     " WHERE url = ?");
    st.bind(1, key);
    if (st.step()) {
        s.exists = true;
        s.nextUrl = st.text(0);
        s.nextPage = st.isNull(1) ? 0 : st.int64(1);
        s.complete = st.int64(2) != 0;
        s.etag = st.text(3).toUtf8();
        s.lastModified = st.text(4).toUtf8();
        s.pages = int(st.int64(5));
        s.models = st.int64(6);
        s.loadedPage = st.int64(7);
    }
    return s;
}

void saveState(Database &db, const QString &key, SyncOptions::Format format, const State &s)
{
    Statement st(db, R"sql(
INSERT INTO sync_state(url, format, next_url, next_page, complete, etag, last_modified, pages, models, updated_at,
    loaded_page)
VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)
ON CONFLICT(url) DO UPDATE SET format = excluded.format, next_url = excluded.next_url,
    next_page = excluded.next_page, complete = excluded.complete, etag = excluded.etag,
    last_modified = excluded.last_modified, pages = excluded.pages, models = excluded.models,
    updated_at = excluded.updated_at, loaded_page = excluded.loaded_page
)sql");
    st.bind(1, key).bind(2, formatName(format));
    if (s.nextUrl.isEmpty())
        st.bindNull(3);
    else
        st.bind(3, s.nextUrl);
    st.bind(4, s.nextPage).bind(5, std::int64_t(s.complete));
    if (s.etag.isEmpty())
        st.bindNull(6);
    else
        st.bind(6, std::string_view(s.etag.constData(), size_t(s.etag.size())));
    if (s.lastModified.isEmpty())
        st.bindNull(7);
    else
        st.bind(7, std::string_view(s.lastModified.constData(), size_t(s.lastModified.size())));
    st.bind(8, std::int64_t(s.pages)).bind(9, s.models).bind(10, std::int64_t(QDateTime::currentSecsSinceEpoch()));
    st.bind(11, s.loadedPage);
    st.run();
}

QUrl ogPageUrl(const QUrl &listing, std::int64_t page, int pageSize)
{
    QUrl u = listing;
    QUrlQuery q(u);
    q.removeAllQueryItems(QStringLiteral("page"));
    q.removeAllQueryItems(QStringLiteral("limit"));
    q.addQueryItem(QStringLiteral("page"), QString::number(page));
    q.addQueryItem(QStringLiteral("limit"), QString::number(pageSize));
    u.setQuery(q);
    return u;
}

class SnapshotScope
{
public:
    SnapshotScope(Database &db, const QString &source)
        : m_db(db)
    {
        Cache::beginSnapshot(db, QStringLiteral("sync"), source);
    }
    ~SnapshotScope() { Cache::endSnapshot(m_db); }

private:
    Database &m_db;
};

// The pages a sync fetched and has not yet written to the cache: files in a folder beside the
// cache (CACHE-sync/KEY/page-N.json, KEY from the listing URL), so that a sync killed or
// cancelled between two loads resumes without fetching them again. A cache without a file
// (in memory) keeps them in a temporary folder for the run.
class Staging
{
public:
    Staging(const Database &db, const QString &key)
    {
        const QString cache = db.path();
        if (cache.isEmpty() || cache == QLatin1String(":memory:") || cache.startsWith(QLatin1String("file:"))) {
            m_tmp.emplace();
            if (!m_tmp->isValid())
                throw SyncError(QStringLiteral("cannot create a temporary folder: %1").arg(m_tmp->errorString()));
            m_dir = m_tmp->path();
        } else {
            const QByteArray id = QCryptographicHash::hash(key.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
            m_parent = cache + QStringLiteral("-sync");
            m_dir = m_parent + QLatin1Char('/') + QString::fromLatin1(id);
        }
    }

    QString pathOf(std::int64_t page) const { return m_dir + QStringLiteral("/page-%1.json").arg(page); }
    bool has(std::int64_t page) const { return QFileInfo(pathOf(page)).isFile(); }

    // Whole or not at all: written beside, then renamed. Not synced to the disk: a page lost
    // in a power cut is found missing or unreadable on resume, which then starts again.
    QString put(std::int64_t page, const QByteArray &body)
    {
        if (!QDir().mkpath(m_dir))
            throw SyncError(QStringLiteral("%1: cannot create the folder for the fetched pages").arg(m_dir));
        const QString path = pathOf(page);
        const QString part = path + QStringLiteral(".part");
        QFile f(part);
        if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(body) != body.size() || !f.flush())
            throw SyncError(QStringLiteral("%1: cannot write: %2").arg(part, f.errorString()));
        f.close();
        QFile::remove(path);
        if (!QFile::rename(part, path))
            throw SyncError(QStringLiteral("%1: cannot rename to %2").arg(part, path));
        return path;
    }

    void remove(std::int64_t page) const { QFile::remove(pathOf(page)); }

    // Everything, once nothing staged is wanted; the parent folder too when it is empty.
    void clear() const
    {
        QDir(m_dir).removeRecursively();
        if (!m_parent.isEmpty())
            QDir().rmdir(m_parent);
    }

private:
    std::optional<QTemporaryDir> m_tmp;
    QString m_parent, m_dir;
};

// A batch of staged pages is written once it brings kGrowth times the models the cache holds,
// and at the end: each batch is then a bulk load (indexes built once, not row by row), and a
// sync into an empty cache rebuilds them over about 1 + 1/kGrowth of its models in all. A
// batch costs about what importing the cache's models and its own together costs; at 200k
// models, 3 measured 1.67x the one-file import, 15 about 1.1x. The first page still shows at
// once (into an empty cache), then 16 pages, then 256.
constexpr std::int64_t kGrowth = 15;
// A batch this large is said aloud: it takes seconds, while the count of models stands still.
constexpr std::size_t kSayBatchPages = 50;

} // namespace

bool isUsablePage(const QUrl &url)
{
    return url.isValid() && !url.host().isEmpty()
           && (url.scheme() == QLatin1String("https") || url.scheme() == QLatin1String("http"));
}

QUrl nextLink(const QByteArray &linkHeader, const QUrl &base)
{
    // Link: <https://host/api/models?cursor=abc>; rel="next", <...>; rel="prev"
    static const QRegularExpression part(QStringLiteral(R"re(<([^>]*)>\s*((?:;\s*[^;,]*)*))re"));
    auto it = part.globalMatch(QString::fromUtf8(linkHeader));
    while (it.hasNext()) {
        const QRegularExpressionMatch m = it.next();
        static const QRegularExpression rel(QStringLiteral(R"re(;\s*rel\s*=\s*"?([^";]*)"?)re"),
                                            QRegularExpression::CaseInsensitiveOption);
        const QRegularExpressionMatch r = rel.match(m.captured(2));
        if (r.hasMatch() && r.captured(1).split(QLatin1Char(' ')).contains(QStringLiteral("next")))
            return base.resolved(QUrl(m.captured(1)));
    }
    return {};
}

std::optional<int> retryAfterMs(const QByteArray &value)
{
    const QByteArray v = value.trimmed();
    if (v.isEmpty())
        return std::nullopt;
    // A server may ask for any wait; more than a day is taken as a day (found by fuzzing: the
    // seconds times 1000 overflowed an int).
    constexpr qint64 dayMs = 24 * 3600 * 1000;
    bool ok = false;
    const qlonglong secs = v.toLongLong(&ok);
    if (ok && secs >= 0)
        return int(std::min<qlonglong>(secs, dayMs / 1000) * 1000);
    // An HTTP date (IMF-fixdate) ends in "GMT", which Qt 6.4's RFC 2822 parser refuses.
    QString date = QString::fromLatin1(v);
    if (date.endsWith(QLatin1String(" GMT")))
        date = date.chopped(4) + QStringLiteral(" +0000");
    const QDateTime when = QDateTime::fromString(date, Qt::RFC2822Date);
    if (!when.isValid())
        return std::nullopt;
    return int(std::clamp<qint64>(QDateTime::currentDateTimeUtc().msecsTo(when), 0, dayMs));
}

SyncOptions::Format formatFromUrl(const QUrl &url)
{
    const QString host = url.host().toLower();
    const QString path = url.path();
    if (path.contains(QLatin1String("/api/v0/models")) || host.contains(QLatin1String("opengradient")))
        return SyncOptions::Format::OpenGradient;
    if (path.contains(QLatin1String("/api/models")) || host.contains(QLatin1String("huggingface")))
        return SyncOptions::Format::HuggingFace;
    return SyncOptions::Format::Auto;
}

QUrl listingUrl(const SyncOptions &options, SyncOptions::Format &format)
{
    QUrl url = options.url;
    if (!url.isValid() || (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https")))
        throw SyncError(QStringLiteral("%1: not an http(s) URL").arg(options.url.toDisplayString()));
    format = options.format;
    const QString path = url.path();
    if (format == SyncOptions::Format::Auto) {
        format = formatFromUrl(url);
        if (format == SyncOptions::Format::Auto)
            throw SyncError(QStringLiteral("%1: cannot tell the registry from the URL; add --format hf or "
                                           "--format opengradient").arg(options.url.toDisplayString()));
    }
    // A bare host means its standard listing endpoint.
    if (path.isEmpty() || path == QLatin1String("/")) {
        url.setPath(format == SyncOptions::Format::OpenGradient ? QStringLiteral("/api/v0/models/")
                                                                : QStringLiteral("/api/models"));
    }
    return url;
}

SyncReport run(Database &db, const SyncOptions &options, const ProgressFn &progress,
               const std::function<void(const QString &)> &onMessage)
{
    SyncOptions::Format format;
    const QUrl listing = listingUrl(options, format);
    const QString key = listing.toString(QUrl::FullyEncoded);
    const bool og = format == SyncOptions::Format::OpenGradient;
    auto say = [&](const QString &m) {
        qCDebug(lcSync) << m;
        if (onMessage)
            onMessage(m);
    };

    SyncReport report;
    bool wasCancelled = false;
    auto cancelled = [&] {
        if (!wasCancelled && progress && !progress(report.pages, report.models))
            wasCancelled = true;
        return wasCancelled;
    };

    State state = loadState(db, key);
    Staging staging(db, key);
    QUrl pageUrl = og ? ogPageUrl(listing, 1, options.pageSize) : listing;
    std::int64_t page = 1;
    QByteArray condEtag, condModified;
    std::vector<std::int64_t> staged; // fetched, not yet in the cache, in page order
    std::int64_t stagedModels = 0;
    const ImportOptions io = [og] {
        ImportOptions o;
        o.kind = ImportOptions::Catalogue;
        o.format = og ? ImportOptions::Format::OpenGradient : ImportOptions::Format::HuggingFace;
        return o;
    }();
    // The pages an unfinished sync fetched but did not load are read again here: each must
    // still be there and readable, or the sync starts again from the first page.
    const auto stagedIntact = [&] {
        for (std::int64_t p = state.loadedPage + 1; p < state.nextPage; ++p) {
            if (!staging.has(p))
                return false;
            try {
                const ImportReport checked = checkCatalogueFile(staging.pathOf(p), io);
                staged.push_back(p);
                stagedModels += checked.rowsImported;
            } catch (const ImportError &) {
                return false;
            }
        }
        return true;
    };
    const bool unfinished = state.exists && !state.complete && (!state.nextUrl.isEmpty() || state.nextPage > 0);
    if (unfinished && stagedIntact()) {
        report.resumed = true;
        page = state.nextPage > 0 ? state.nextPage : 1;
        pageUrl = og ? ogPageUrl(listing, page, options.pageSize) : QUrl(state.nextUrl);
        say(QStringLiteral("resuming an unfinished sync at page %1").arg(page));
    } else {
        if (unfinished)
            say(QStringLiteral("the pages an unfinished sync fetched are no longer all readable; starting again from "
                               "the first page"));
        if (state.exists && state.complete) {
            condEtag = state.etag;
            condModified = state.lastModified;
        }
        state = State{};
        state.exists = true;
        staged.clear();
        stagedModels = 0;
        staging.clear();
    }

    QNetworkAccessManager nam;
    SnapshotScope snapshot(db, key);
    std::int64_t cacheModels = Cache::modelCount(db);
    // Writes the staged pages in one transaction, with the state that says so; then they go.
    // With none staged it only saves the state.
    const auto load = [&] {
        if (staged.empty()) {
            saveState(db, key, format, state);
            return;
        }
        QStringList paths;
        for (const std::int64_t p : staged)
            paths << staging.pathOf(p);
        State after = state;
        after.loadedPage = staged.back();
        if (staged.size() >= kSayBatchPages)
            say(QStringLiteral("writing the %1 models of %2 fetched pages to the cache")
                    .arg(stagedModels)
                    .arg(staged.size()));
        QElapsedTimer timer;
        timer.start();
        try {
            importCataloguePages(
                db, paths, io, [&](std::int64_t, std::int64_t) { return !cancelled(); },
                [&] { saveState(db, key, format, after); });
        } catch (const ImportError &e) {
            // A page read well when it came and not now: the disk changed under it.
            throw SyncError(QStringLiteral("%1; syncing again starts from the first page").arg(e.message()));
        }
        qCDebug(lcSync) << "wrote" << staged.size() << "pages," << stagedModels << "models, into" << cacheModels
                        << "in" << timer.elapsed() << "ms";
        state = after;
        for (const std::int64_t p : staged)
            staging.remove(p);
        staged.clear();
        stagedModels = 0;
        cacheModels = Cache::modelCount(db);
    };
    // A sync that cannot go on keeps what it fetched: the pages staged are written first.
    const auto keepAndFail = [&](const QString &message) {
        load();
        throw SyncError(message);
    };
    QByteArray previousPageHash;
    const bool firstOfRun = !report.resumed;

    while (true) {
        if (options.limit && report.models >= *options.limit) {
            report.complete = true;
            break;
        }
        // Fetch with retries.
        Response r;
        for (int attempt = 1;; ++attempt) {
            const bool first = firstOfRun && report.pages == 0;
            r = fetch(nam, pageUrl, options, first ? condEtag : QByteArray(), first ? condModified : QByteArray(),
                      cancelled);
            if (r.cancelled || cancelled())
                throw Cancelled();
            if (!retriable(r) || attempt >= options.maxAttempts)
                break;
            int delay = std::min(options.maxBackoffMs, options.backoffBaseMs << (attempt - 1));
            delay += int(QRandomGenerator::global()->bounded(std::max(1, options.backoffBaseMs)));
            if (const auto after = retryAfterMs(r.retryAfter); after && r.status == 429)
                delay = std::min(std::max(*after, 0), options.maxBackoffMs);
            say(QStringLiteral("%1; retrying in %2 s (attempt %3 of %4)")
                    .arg(describe(r, pageUrl, options))
                    .arg(delay / 1000.0, 0, 'f', 1)
                    .arg(attempt + 1)
                    .arg(options.maxAttempts));
            if (!waitMs(delay, cancelled))
                throw Cancelled();
        }
        if (r.status == 304) {
            report.notModified = true;
            report.complete = true;
            state = loadState(db, key); // keep the previous validators and totals
            break;
        }
        if (r.status != 200 || r.error != QNetworkReply::NoError || r.redirectLoop)
            keepAndFail(describe(r, pageUrl, options)
                        + (retriable(r) ? QStringLiteral(" after %1 attempts").arg(options.maxAttempts) : QString()));

        const QByteArray hash = QCryptographicHash::hash(r.body, QCryptographicHash::Sha256);
        if (hash == previousPageHash) {
            report.stopReason = QStringLiteral("the server sent the same page twice (%1); stopped to avoid a loop")
                                    .arg(pageUrl.toDisplayString());
            break;
        }
        previousPageHash = hash;

        // The page is staged, and read at once by the file importer's parser with its rules, so
        // that a page it cannot read stops the sync here, naming the page.
        const std::int64_t thisPage = page;
        const QString file = staging.put(thisPage, r.body);
        ImportReport checked;
        try {
            checked = checkCatalogueFile(file, io);
        } catch (const ImportError &e) {
            staging.remove(thisPage);
            keepAndFail(QStringLiteral("%1: the page could not be read (%2); the %3 pages before it are kept")
                            .arg(pageUrl.toDisplayString(), e.message().section(QStringLiteral(": "), 1))
                            .arg(report.pages));
        }
        const std::int64_t records = checked.rowsImported + checked.rowsRejected;
        staged.push_back(thisPage);
        stagedModels += checked.rowsImported;
        ++report.pages;
        report.models += checked.rowsImported;
        if (report.pages == 1 && firstOfRun) {
            state.etag = r.etag;
            state.lastModified = r.lastModified;
        }
        ++state.pages;
        state.models += checked.rowsImported;

        // Where the next page is.
        QUrl next;
        if (og) {
            if (records >= options.pageSize) {
                ++page;
                next = ogPageUrl(listing, page, options.pageSize);
            }
        } else {
            next = nextLink(r.link, r.url); // a relative link is relative to where the page came from
            ++page;
            if (!next.isEmpty() && !isUsablePage(next)) {
                // Found by fuzzing: a next link with bytes that are no URL, or another scheme.
                // The state still names this page: a sync again asks for it again.
                keepAndFail(QStringLiteral("%1: the Link header names a next page that is not an http(s) "
                                           "address; the %2 pages before it are kept")
                                .arg(pageUrl.toDisplayString())
                                .arg(report.pages));
            }
        }
        if (next.isEmpty()) {
            report.complete = true;
            break;
        }
        state.nextUrl = next.toString(QUrl::FullyEncoded);
        state.nextPage = page;
        state.complete = false;
        if (stagedModels >= kGrowth * cacheModels)
            load();
        else
            saveState(db, key, format, state);
        if (progress && !progress(report.pages, report.models))
            throw Cancelled();
        pageUrl = next;
    }
    if (report.complete && !report.notModified) {
        state.complete = true;
        state.nextUrl.clear();
        state.nextPage = 0;
    }
    if (!report.notModified)
        load();
    if (state.complete)
        staging.clear();
    return report;
}

} // namespace Sync

} // namespace uptake
