#pragma once

#include "error.h"
#include "progress.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <cstdint>
#include <functional>
#include <optional>

namespace uptake {

class Database;

// Sync from a live registry listing over HTTP: the Hugging Face Hub (`/api/models`, paged
// by the Link header) or the OpenGradient Model Hub (`/api/v0/models/?page=N&limit=100`).
// Each page is read by the file importer's parser as it comes and kept in a folder beside the
// cache (CACHE-sync/); the pages are written to the cache in growing batches, each one
// transaction and a bulk load, once they bring fifteen times the models the cache holds, and at
// the end. A sync that stops on an error writes what it fetched first; one cancelled or killed
// leaves its fetched pages in the folder, and the next one writes them and resumes where it
// stopped.
struct SyncOptions
{
    enum class Format { Auto, HuggingFace, OpenGradient };

    QUrl url;
    Format format = Format::Auto;
    std::optional<std::int64_t> limit; // stop after this many models
    QByteArray token; // sent as a bearer token; never logged or stored
    int timeoutMs = 30000; // per request
    int maxAttempts = 5; // per page, for network errors, 5xx and 429
    int backoffBaseMs = 500; // doubled each attempt, plus jitter
    int maxBackoffMs = 60000;
    int pageSize = 100;
    // A page larger than this is refused: it is held in memory until it is parsed.
    std::int64_t maxPageBytes = std::int64_t(64) << 20;
    // A transfer that brings fewer than minBytesPerSecond * stallMs / 1000 bytes in any
    // stallMs (the wait for the answer included) is abandoned and retried like a 5xx; 0 off.
    int stallMs = 30000;
    std::int64_t minBytesPerSecond = 1024;

    static bool parseFormat(const QString &text, Format &out);
};

struct SyncReport
{
    int pages = 0;
    std::int64_t models = 0;
    bool resumed = false; // continued an unfinished sync of the same URL
    bool notModified = false; // the server said nothing changed since the last sync
    bool complete = false; // reached the last page (or the limit)
    QString stopReason; // why it stopped early, in words (empty when complete)
};

class SyncError : public Error
{
public:
    using Error::Error;
};

namespace Sync {

// The listing URL the options resolve to, with the format (Auto guessed from the host
// and path). Throws SyncError when it cannot tell.
QUrl listingUrl(const SyncOptions &options, SyncOptions::Format &format);
// The registry an address belongs to, when its host or path tells (Auto otherwise).
SyncOptions::Format formatFromUrl(const QUrl &url);

// Runs the sync on the calling thread (a local event loop serves the network). progress
// gets (pages, models) after each page and cancels by returning false; messages (retries,
// waits) go to onMessage; progress is also asked while a batch is written, and cancelling
// then rolls the batch back (its pages stay staged). Throws SyncError when a page still fails
// after the retries (the pages before it are written first), Cancelled when cancelled;
// pages written before stay in the cache either way.
SyncReport run(Database &db, const SyncOptions &options, const ProgressFn &progress = {},
               const std::function<void(const QString &)> &onMessage = {});

// The "next" target of an RFC 8288 Link header, or an empty URL. It may be unusable (see
// isUsablePage): the server's text, resolved against base.
QUrl nextLink(const QByteArray &linkHeader, const QUrl &base);
// A valid http or https address with a host: the only pages a sync requests.
bool isUsablePage(const QUrl &url);
// Retry-After as seconds or an HTTP date; nullopt when absent or unreadable.
std::optional<int> retryAfterMs(const QByteArray &value);

} // namespace Sync

} // namespace uptake
