#include "ingest/importparts.h"

namespace uptake {

namespace ImportParts {

QString plural(std::int64_t n, const char *one, const char *many)
{
    return QStringLiteral("%1 %2").arg(n).arg(QLatin1String(n == 1 ? one : many));
}

QByteArray hashWholeFile(const QString &path, const QString &shown, const ProgressFn &progress)
{
    Input in(path, shown, progress);
    return in.finish();
}

Container sniff(Input &in)
{
    std::string_view s = in.peek();
    if (s.substr(0, 3) == "\xEF\xBB\xBF")
        s.remove_prefix(3);
    const std::size_t i = s.find_first_not_of(" \t\r\n");
    if (i != std::string_view::npos && (s[i] == '[' || s[i] == '{'))
        return Container::Json;
    return Container::Csv;
}

bool validUtf8(std::string_view s)
{
    // Most text is ASCII: a plain loop the compiler vectorises beats a library call per field.
    unsigned char high = 0;
    for (char c : s)
        high |= static_cast<unsigned char>(c);
    return high < 0x80 || sj::validate_utf8(s.data(), s.size());
}

bool hasControl(std::string_view s)
{
    return std::any_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7f; });
}

std::optional<std::int64_t> parseCount(std::string_view s)
{
    s = TextRules::trim(s);
    if (s.empty() || s.size() > 18)
        return std::nullopt;
    std::int64_t v = 0;
    for (char c : s) {
        if (c < '0' || c > '9')
            return std::nullopt;
        v = v * 10 + (c - '0');
    }
    return v;
}

QString quoteValue(std::string_view raw)
{
    const std::string_view s = TextRules::trim(raw);
    // A character is at most 4 bytes: more than this many bytes is more than kQuotedChars
    // characters, and a 64 MB field need not be converted whole (line() still cuts it).
    constexpr std::size_t kBytes = std::size_t(kQuotedChars + 1) * 4;
    const QString text = QString::fromUtf8(s.data(), qsizetype(std::min(s.size(), kBytes)));
    return QLatin1Char('"') + DisplayText::line(text, kQuotedChars) + QLatin1Char('"');
}

bool containsNoCase(std::string_view haystack, std::string_view needle)
{
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; };
    return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(),
                       [&](char a, char b) { return lower(a) == lower(b); })
           != haystack.end();
}

QString withValue(const QString &reason, std::string_view value, std::optional<std::string_view> caller)
{
    if (caller) {
        const std::string_view c = TextRules::trim(*caller);
        if (!c.empty() && containsNoCase(value, c))
            return reason;
    }
    return reason + QStringLiteral(": ") + quoteValue(value);
}

const char *checkModelId(std::string_view id)
{
    if (id.empty())
        return "model id is empty";
    if (id.size() > kMaxModelId)
        return "model id is longer than 1024 bytes";
    if (!validUtf8(id))
        return "model id is not valid UTF-8";
    if (hasControl(id))
        return "model id contains control characters";
    return nullptr;
}

std::optional<QString> modelIdProblem(std::string_view id, std::optional<std::string_view> caller)
{
    const char *problem = checkModelId(id);
    if (!problem)
        return std::nullopt;
    const QString reason = QString::fromLatin1(problem);
    if (id.empty() || id.size() > kMaxModelId
        || QString::fromUtf8(id.data(), qsizetype(id.size())).toUcs4().size() > kQuotedChars)
        return reason;
    return withValue(reason, id, caller);
}

QString jsonReason(sj::error_code err)
{
    return QStringLiteral("not valid JSON (%1)").arg(QString::fromUtf8(sj::error_message(err)));
}

bool scalarText(od::value &v, std::optional<std::string_view> &out)
{
    od::json_type t;
    if (v.type().get(t))
        return false;
    std::string_view s;
    switch (t) {
    case od::json_type::string:
        if (v.get_string().get(s))
            return false;
        out = s;
        return true;
    case od::json_type::number:
        out = TextRules::trim(v.raw_json_token());
        return true;
    case od::json_type::null:
        out.reset();
        return true;
    default:
        return false;
    }
}

bool trailingText(std::string_view s)
{
    int depth = 0;
    bool inString = false, escaped = false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const char c = s[i];
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if ((c == '}' || c == ']') && --depth == 0) {
            return !TextRules::trim(s.substr(i + 1)).empty();
        }
    }
    return false;
}

QString layoutName(JsonRecordReader::Layout l)
{
    switch (l) {
    case JsonRecordReader::Layout::Array:
        return QStringLiteral("JSON array");
    case JsonRecordReader::Layout::Wrapped:
        return QStringLiteral("JSON object");
    case JsonRecordReader::Layout::Lines:
        return QStringLiteral("JSON Lines");
    case JsonRecordReader::Layout::Unknown:
        break;
    }
    return QStringLiteral("JSON");
}

bool readHeader(CsvReader &csv, CsvHeader &header)
{
    while (csv.next()) {
        if (csv.isBlank())
            continue;
        for (std::string_view f : csv.fields()) {
            std::string n(TextRules::trim(f));
            std::transform(n.begin(), n.end(), n.begin(), [](char c) { return c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c; });
            header.names.push_back(std::move(n));
        }
        return true;
    }
    return false;
}

std::optional<QString> csvRowProblem(const CsvReader &csv, const CsvHeader &header)
{
    if (csv.malformed())
        return QStringLiteral("a quoted field is not closed, or text follows its closing quote");
    if (csv.fields().size() != header.names.size())
        return QStringLiteral("%1 fields where the header has %2").arg(csv.fields().size()).arg(header.names.size());
    return std::nullopt;
}

bool alreadyImported(Database &db, const QString &kind, const QByteArray &hash)
{
    Statement seen(db, "SELECT 1 FROM imported_files WHERE kind = ? AND content_hash = ?");
    seen.bind(1, kind).bindBlob(2, hash);
    return seen.step();
}

void recordImport(Database &db, const QString &kind, const QString &path, const QByteArray &hash,
                  const ImportReport &report)
{
    ShortTerms::refresh(db); // models were added: catalogue rows, or unlisted ones from usage
    Statement record(db, R"sql(
INSERT INTO imported_files(kind, path, content_hash, size, imported_at, rows_imported, rows_rejected)
VALUES(?1, ?2, ?3, ?4, ?5, ?6, ?7)
ON CONFLICT(kind, content_hash) DO UPDATE SET path = excluded.path, size = excluded.size,
    imported_at = excluded.imported_at, rows_imported = excluded.rows_imported, rows_rejected = excluded.rows_rejected
)sql");
    record.bind(1, kind)
        .bind(2, path)
        .bindBlob(3, hash)
        .bind(4, report.bytes)
        .bind(5, std::int64_t(QDateTime::currentSecsSinceEpoch()))
        .bind(6, report.rowsImported)
        .bind(7, report.rowsRejected);
    record.run();
}

} // namespace ImportParts

} // namespace uptake
