// The promise search makes with ShortTerms: whatever bytes a model's text holds (malformed
// UTF-8, NULs, bidi controls), a one- or two-character search that LIKE matches in it has
// its key among the text's terms, so the listed models never miss a match.
// Input: the first byte says how many of the following bytes are the search (as UTF-8,
// decoded by Qt as the search box would), the rest is the text.
#include "view/shortterms.h"

#include <QString>

#include <sqlite3.h>

#include <algorithm>
#include <cstdlib>
#include <string>

using namespace uptake;

namespace {

sqlite3_stmt *likeStatement()
{
    static sqlite3 *db = nullptr;
    static sqlite3_stmt *st = nullptr;
    if (!st) {
        if (sqlite3_open(":memory:", &db) != SQLITE_OK
            || sqlite3_prepare_v2(db, "SELECT ?1 LIKE ?2 ESCAPE '\\'", -1, &st, nullptr) != SQLITE_OK)
            std::abort();
    }
    return st;
}

// LIKE's pattern for "contains": %, _ and the escape escaped (as ViewQuery does).
std::string pattern(const std::string &term)
{
    std::string p = "%";
    for (const char c : term) {
        if (c == '%' || c == '_' || c == '\\')
            p += '\\';
        p += c;
    }
    return p + "%";
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    if (size < 1)
        return 0;
    const std::size_t termBytes = std::min<std::size_t>(data[0] % 9, size - 1);
    const QString search = QString::fromUtf8(reinterpret_cast<const char *>(data + 1), qsizetype(termBytes));
    const std::string_view text(reinterpret_cast<const char *>(data + 1 + termBytes), size - 1 - termBytes);
    const std::vector<std::int64_t> terms = ShortTerms::of({text});
    if (!std::is_sorted(terms.begin(), terms.end()) || std::adjacent_find(terms.begin(), terms.end()) != terms.end())
        std::abort();
    const std::optional<std::int64_t> key = ShortTerms::key(search);
    if (!key)
        return 0;
    const std::string term = search.trimmed().toStdString();
    sqlite3_stmt *st = likeStatement();
    sqlite3_bind_text(st, 1, text.data(), int(text.size()), SQLITE_STATIC);
    const std::string p = pattern(term);
    sqlite3_bind_text(st, 2, p.data(), int(p.size()), SQLITE_STATIC);
    if (sqlite3_step(st) != SQLITE_ROW)
        std::abort();
    const bool matches = sqlite3_column_int(st, 0) != 0;
    sqlite3_reset(st);
    if (matches && !std::binary_search(terms.begin(), terms.end(), *key))
        std::abort(); // LIKE finds it, the list would not
    return 0;
}
