#include "view/shortterms.h"

#include <QList>

#include <sqlite3.h>

#include <algorithm>
#include <string>
#include <unordered_map>

namespace uptake {

namespace {

// A term as an integer: up to two code points of 21 bits each, the second 0 for a single one.
using Key = std::int64_t;
constexpr unsigned MaxCodePoint = 0x10FFFF;

Key keyOf(std::uint32_t first, std::uint32_t second)
{
    return (Key(first) << 21) | Key(second);
}

std::uint32_t fold(std::uint32_t c)
{
    return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
}

// The next character of UTF-8 text as SQLite's LIKE reads it (sqlite3Utf8Read): a lead byte
// takes every continuation byte after it; overlong forms, surrogates and U+FFFE/U+FFFF read
// as U+FFFD. A code point past Unicode (only malformed text has one) becomes U+FFFD too: no
// search can hold it, so listing such a model under U+FFFD only adds a candidate that LIKE
// then drops.
std::uint32_t readChar(const unsigned char *&p, const unsigned char *end)
{
    static const unsigned char lead[64] = {
        0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
        0x10, 0x11, 0x12, 0x13, 0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1a, 0x1b, 0x1c, 0x1d, 0x1e, 0x1f,
        0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x0e, 0x0f,
        0x00, 0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x00, 0x01, 0x02, 0x03, 0x00, 0x01, 0x00, 0x00,
    };
    std::uint32_t c = *p++;
    if (c >= 0xc0) {
        c = lead[c - 0xc0];
        while (p != end && (*p & 0xc0) == 0x80)
            c = (c << 6) + (0x3f & *p++);
        if (c < 0x80 || (c & 0xFFFFF800) == 0xD800 || (c & 0xFFFFFFFE) == 0xFFFE || c > MaxCodePoint)
            c = 0xFFFD;
    }
    return c;
}

// Calls term(first, second) for each term of one text, second 0 for a single character,
// repeats included; LIKE stops at a NUL, and so does this.
template<typename Fn>
void forEachTerm(std::string_view text, Fn &&term)
{
    const auto *p = reinterpret_cast<const unsigned char *>(text.data());
    const auto *end = p + text.size();
    std::uint32_t previous = 0;
    while (p != end && *p != 0) {
        const std::uint32_t c = fold(readChar(p, end));
        term(c, 0u);
        if (previous != 0)
            term(previous, c);
        previous = c;
    }
}

std::vector<Key> termsOf(const std::vector<std::string_view> &texts)
{
    std::vector<Key> keys;
    for (const std::string_view t : texts)
        forEachTerm(t, [&](std::uint32_t a, std::uint32_t b) { keys.push_back(keyOf(a, b)); });
    std::sort(keys.begin(), keys.end());
    keys.erase(std::unique(keys.begin(), keys.end()), keys.end());
    return keys;
}

// Per-term state for a pass over every model, each term counted once per model. ASCII terms
// (most of them) live in flat arrays; the rest in a map. rebuild() at 2M models: 30 s with a
// sorted vector per model, this way a few seconds.
template<typename T>
class TermTable
{
public:
    struct Slot
    {
        T value{};
        std::int64_t lastRow = -1;
    };
    // The slot of a term, and whether this row meets it for the first time.
    std::pair<Slot &, bool> visit(std::uint32_t a, std::uint32_t b, std::int64_t row)
    {
        Slot &slot = (a < 128 && b < 128) ? m_ascii[a * 128 + b] : m_other[keyOf(a, b)];
        const bool first = slot.lastRow != row;
        slot.lastRow = row;
        return {slot, first};
    }
    template<typename Fn>
    void forEach(Fn &&fn) const
    {
        for (std::uint32_t i = 0; i < m_ascii.size(); ++i)
            if (m_ascii[i].lastRow >= 0)
                fn(keyOf(i / 128, i % 128), m_ascii[i].value);
        for (const auto &[k, slot] : m_other)
            fn(k, slot.value);
    }

private:
    std::vector<Slot> m_ascii = std::vector<Slot>(128 * 128);
    std::unordered_map<Key, Slot> m_other;
};

void shortTermsFunction(sqlite3_context *context, int argc, sqlite3_value **argv)
{
    std::vector<std::string_view> texts;
    for (int i = 0; i < argc; ++i) {
        if (sqlite3_value_type(argv[i]) == SQLITE_NULL)
            continue;
        const auto *text = reinterpret_cast<const char *>(sqlite3_value_text(argv[i]));
        if (text)
            texts.emplace_back(text, size_t(sqlite3_value_bytes(argv[i])));
    }
    std::string json = "[";
    for (const Key k : termsOf(texts)) {
        if (json.size() > 1)
            json += ',';
        json += std::to_string(k);
    }
    json += ']';
    sqlite3_result_text(context, json.c_str(), int(json.size()), SQLITE_TRANSIENT);
}

std::vector<std::string_view> rowTexts(const Statement &st)
{
    std::vector<std::string_view> texts;
    for (int c = 1; c <= 4; ++c)
        if (!st.isNull(c))
            texts.push_back(st.textView(c));
    return texts;
}

} // namespace

namespace ShortTerms {

std::optional<std::int64_t> key(const QString &search)
{
    // The search's characters as LIKE reads its pattern (the search's UTF-8), i.e. as readChar
    // reads the texts: U+FFFE, U+FFFF and an unpaired surrogate are U+FFFD there, as the
    // malformed bytes of a text are (found by fuzz_shortterms: U+FFFF against 0xFF bytes).
    // The pattern ends at a NUL.
    const QByteArray utf8 = search.trimmed().toUtf8();
    const auto *p = reinterpret_cast<const unsigned char *>(utf8.constData());
    const auto *end = p + utf8.size();
    std::uint32_t chars[2] = {0, 0};
    int n = 0;
    while (p != end && *p != 0) {
        if (n == 2)
            return std::nullopt; // three characters or more: the trigram index's
        chars[n++] = fold(readChar(p, end));
    }
    if (n == 0)
        return std::nullopt;
    return keyOf(chars[0], chars[1]);
}

std::vector<std::int64_t> of(const std::vector<std::string_view> &texts)
{
    return termsOf(texts);
}

void registerFunction(Database &db)
{
    const int rc = sqlite3_create_function_v2(db.handle(), "uptake_short_terms", -1,
                                              SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS, nullptr,
                                              shortTermsFunction, nullptr, nullptr, nullptr);
    if (rc != SQLITE_OK)
        db.fail(rc, "uptake_short_terms");
}

std::int64_t commonAt(std::int64_t models)
{
    return std::clamp<std::int64_t>(models / 16, 1000, CommonAt);
}

void rebuild(Database &db, std::optional<std::int64_t> common)
{
    const std::int64_t commonAt = common ? *common : ShortTerms::commonAt(db.queryInt("SELECT count(*) FROM models").value_or(0));
    db.exec("DELETE FROM short_terms; DELETE FROM short_terms_common;");
    const char *texts = "SELECT id, model_id, author, task, tags FROM models";
    // First how many models hold each term, then the rare terms' models.
    TermTable<std::int64_t> counts;
    {
        Statement st(db, texts);
        while (st.step()) {
            const std::int64_t id = st.int64(0);
            for (const std::string_view t : rowTexts(st))
                forEachTerm(t, [&](std::uint32_t a, std::uint32_t b) {
                    auto [slot, first] = counts.visit(a, b, id);
                    slot.value += first;
                });
        }
    }
    {
        Statement insert(db, "INSERT INTO short_terms_common(term) VALUES(?)");
        counts.forEach([&](Key k, std::int64_t n) {
            if (n >= commonAt)
                insert.bind(1, k).run();
        });
    }
    Statement st(db, texts);
    Statement insert(db, "INSERT INTO short_terms(term, model) VALUES(?, ?)");
    std::int64_t lastId = 0;
    while (st.step()) {
        const std::int64_t id = st.int64(0);
        lastId = std::max(lastId, id);
        for (const std::string_view t : rowTexts(st))
            forEachTerm(t, [&](std::uint32_t a, std::uint32_t b) {
                // Marked -id - 2 in this pass, so as not to meet the first pass's marks (id) or
                // an unused slot's (-1).
                auto [slot, first] = counts.visit(a, b, -id - 2);
                if (first && slot.value < commonAt)
                    insert.bind(1, keyOf(a, b)).bind(2, id).run();
            });
    }
    Statement mark(db, "INSERT OR REPLACE INTO meta(key, value) VALUES('short_terms_at', ?)");
    mark.bind(1, lastId).run();
}

void refresh(Database &db)
{
    const std::int64_t now = db.queryInt("SELECT coalesce(max(id), 0) FROM models").value_or(0);
    const std::int64_t at = db.queryInt("SELECT value FROM meta WHERE key = 'short_terms_at'").value_or(0);
    if (now >= 1000 && now > at + at / 4)
        rebuild(db);
}

bool isListed(Database &db, std::int64_t key)
{
    Statement st(db, "SELECT NOT EXISTS(SELECT 1 FROM short_terms_common WHERE term = ?)");
    st.bind(1, key);
    return st.step() && st.int64(0) != 0;
}

} // namespace ShortTerms

} // namespace uptake
