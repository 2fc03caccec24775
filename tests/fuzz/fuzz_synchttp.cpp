// The HTTP answers of a registry sync that Uptake parses itself: a Link header (RFC 8288,
// the next page of a Hugging Face listing) on the first line of the input, a Retry-After
// value (seconds or an HTTP date) on the rest. Page bodies go through the file importer,
// which fuzz_import_catalogue covers.
#include "net/sync.h"

#include <QByteArray>
#include <QUrl>

#include <cstdlib>

using namespace uptake;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input(reinterpret_cast<const char *>(data), qsizetype(size));
    const qsizetype newline = input.indexOf('\n');
    const QByteArray link = newline < 0 ? input : input.left(newline);
    const QByteArray retry = newline < 0 ? QByteArray() : input.mid(newline + 1);
    static const QUrl base(QStringLiteral("https://hub.example/api/models?limit=100"));
    const QUrl next = Sync::nextLink(link, base);
    // The sync requests only usable pages (and stops with an error on any other next link).
    if (Sync::isUsablePage(next) && (!next.isValid() || next.toString(QUrl::FullyEncoded).isEmpty()))
        std::abort();
    (void)Sync::retryAfterMs(retry);
    return 0;
}
