#include "view/viewspec.h"

#include "view/shortterms.h"

#include "db/database.h"
#include "text/textrules.h"

#include <QJsonArray>
#include <QtGlobal>

#include <array>
#include <limits>

namespace uptake {

namespace Columns {

namespace {
// Titles are marked for lupdate; the window translates them in the "Columns" context.
const std::array<Info, Count> kColumns = {{
    {"model_id", QT_TRANSLATE_NOOP("Columns", "Model"), Kind::Text},
    {"author", QT_TRANSLATE_NOOP("Columns", "Author"), Kind::Text},
    {"task", QT_TRANSLATE_NOOP("Columns", "Task"), Kind::Text},
    {"created_at", QT_TRANSLATE_NOOP("Columns", "Listed on"), Kind::Timestamp},
    {"versions", QT_TRANSLATE_NOOP("Columns", "Versions"), Kind::Integer},
    {"calls", QT_TRANSLATE_NOOP("Columns", "Calls"), Kind::Integer},
    {"unique_callers", QT_TRANSLATE_NOOP("Columns", "Unique callers"), Kind::Integer},
    {"repeat_callers", QT_TRANSLATE_NOOP("Columns", "Repeat callers"), Kind::Integer},
    {"repeat_rate", QT_TRANSLATE_NOOP("Columns", "Repeat rate"), Kind::Rate},
    {"verified_calls", QT_TRANSLATE_NOOP("Columns", "Verified calls"), Kind::Integer},
    {"fees_paid", QT_TRANSLATE_NOOP("Columns", "Fees paid"), Kind::Fee},
    {"first_call_at", QT_TRANSLATE_NOOP("Columns", "First call"), Kind::Timestamp},
    {"last_call_at", QT_TRANSLATE_NOOP("Columns", "Last call"), Kind::Timestamp},
    {"listed", QT_TRANSLATE_NOOP("Columns", "Listed"), Kind::Bool},
    {"name", QT_TRANSLATE_NOOP("Columns", "Name"), Kind::Text},
    {"framework", QT_TRANSLATE_NOOP("Columns", "Framework"), Kind::Text},
    {"license", QT_TRANSLATE_NOOP("Columns", "License"), Kind::Text},
    {"tags", QT_TRANSLATE_NOOP("Columns", "Tags"), Kind::Text},
    {"updated_at", QT_TRANSLATE_NOOP("Columns", "Updated"), Kind::Timestamp},
    {"files", QT_TRANSLATE_NOOP("Columns", "Files"), Kind::Integer},
    {"downloads", QT_TRANSLATE_NOOP("Columns", "Downloads"), Kind::Integer},
    {"likes", QT_TRANSLATE_NOOP("Columns", "Likes"), Kind::Integer},
    {"failed_calls", QT_TRANSLATE_NOOP("Columns", "Failed calls"), Kind::Integer},
    {"active_days", QT_TRANSLATE_NOOP("Columns", "Active days"), Kind::Integer},
    {"week1_retention", QT_TRANSLATE_NOOP("Columns", "Week-1 retention"), Kind::Rate},
    {"week4_retention", QT_TRANSLATE_NOOP("Columns", "Week-4 retention"), Kind::Rate},
    {"top_caller_share", QT_TRANSLATE_NOOP("Columns", "Top caller share"), Kind::Rate},
    {"effective_callers", QT_TRANSLATE_NOOP("Columns", "Effective callers"), Kind::Decimal},
    {"parameters", QT_TRANSLATE_NOOP("Columns", "Parameters"), Kind::Integer},
    {"base_models", QT_TRANSLATE_NOOP("Columns", "Base models"), Kind::Text},
    {"gated", QT_TRANSLATE_NOOP("Columns", "Gated"), Kind::Bool},
    {"downloads_all_time", QT_TRANSLATE_NOOP("Columns", "Total downloads"), Kind::Integer},
    {"trending_score", QT_TRANSLATE_NOOP("Columns", "Trending score"), Kind::Integer},
}};
} // namespace

const Info &info(int column)
{
    return kColumns.at(size_t(column));
}

bool fromCallers(int column)
{
    return column == UniqueCallers || column == RepeatCallers || column == RepeatRate || column == Week1Retention
        || column == Week4Retention || column == TopCallerShare || column == EffectiveCallers;
}

int fromKey(QStringView key)
{
    for (int i = 0; i < Count; ++i)
        if (key == QLatin1String(kColumns[size_t(i)].key))
            return i;
    return -1;
}

bool isDayOnly(const Statement &st, int sqlColumn)
{
    return sqlite3_column_type(st.handle(), sqlColumn) == SQLITE_FLOAT;
}

QStringList keys()
{
    QStringList out;
    for (const Info &c : kColumns)
        out << QString::fromLatin1(c.key);
    return out;
}

} // namespace Columns

QString ViewSpec::usageName(Usage u)
{
    switch (u) {
    case Usage::All: return QStringLiteral("all");
    case Usage::Never: return QStringLiteral("never");
    case Usage::Called: return QStringLiteral("called");
    case Usage::Repeat: return QStringLiteral("repeat");
    case Usage::Unlisted: return QStringLiteral("unlisted");
    }
    return {};
}

std::optional<ViewSpec::Usage> ViewSpec::usageFromName(QStringView name)
{
    for (Usage u : {Usage::All, Usage::Never, Usage::Called, Usage::Repeat, Usage::Unlisted})
        if (name.compare(usageName(u), Qt::CaseInsensitive) == 0)
            return u;
    return std::nullopt;
}

QJsonObject ViewSpec::toJson() const
{
    QJsonObject filters;
    auto putText = [&](const char *key, const QString &v) {
        if (!v.isEmpty())
            filters.insert(QLatin1String(key), v);
    };
    putText("search", search);
    putText("task", task);
    putText("author", author);
    putText("license", license);
    putText("framework", framework);
    filters.insert(QStringLiteral("usage"), usageName(usage));
    if (minCalls)
        filters.insert(QStringLiteral("min_calls"), qint64(*minCalls));
    if (minRepeatCallers)
        filters.insert(QStringLiteral("min_repeat_callers"), qint64(*minRepeatCallers));
    if (minWeek4Retention)
        filters.insert(QStringLiteral("min_week4_retention"), *minWeek4Retention);
    if (minEffectiveCallers)
        filters.insert(QStringLiteral("min_effective_callers"), *minEffectiveCallers);
    if (maxTopCallerShare)
        filters.insert(QStringLiteral("max_top_caller_share"), *maxTopCallerShare);
    if (minParameters)
        filters.insert(QStringLiteral("min_parameters"), qint64(*minParameters));
    if (maxParameters)
        filters.insert(QStringLiteral("max_parameters"), qint64(*maxParameters));
    if (gated)
        filters.insert(QStringLiteral("gated"), *gated);
    if (listedFromDay)
        filters.insert(QStringLiteral("listed_from"), QString::fromStdString(TextRules::formatDay(*listedFromDay)));
    if (listedUntilDay)
        filters.insert(QStringLiteral("listed_until"), QString::fromStdString(TextRules::formatDay(*listedUntilDay)));

    QJsonObject window;
    window.insert(QStringLiteral("since"), sinceDay ? QJsonValue(QString::fromStdString(TextRules::formatDay(*sinceDay)))
                                                    : QJsonValue());
    window.insert(QStringLiteral("until"), untilDay ? QJsonValue(QString::fromStdString(TextRules::formatDay(*untilDay)))
                                                    : QJsonValue());
    QJsonObject sort;
    sort.insert(QStringLiteral("column"), QLatin1String(Columns::info(sortColumn).key));
    sort.insert(QStringLiteral("order"), sortDescending ? QStringLiteral("desc") : QStringLiteral("asc"));

    QJsonObject out;
    out.insert(QStringLiteral("filters"), filters);
    out.insert(QStringLiteral("window"), window);
    out.insert(QStringLiteral("sort"), sort);
    return out;
}

void SqlQuery::bindTo(Statement &st) const
{
    int i = 1;
    for (const Value &v : params) {
        if (const auto *n = std::get_if<std::int64_t>(&v))
            st.bind(i++, *n);
        else if (const auto *x = std::get_if<double>(&v))
            st.bind(i++, *x);
        else
            st.bind(i++, std::get<std::string>(v));
    }
}

namespace {

// How a search is tested. Index: the trigram index for three characters or more, LIKE below that. Like: LIKE row by
// row. ShortTerms: the listed models of a short term (rowid lookups), confirmed by LIKE.
// ListedLike: for a walk of a sort index, each entry tested against the listed models (an
// in-memory set, built once) before LIKE reads its row.
enum class SearchBy { Index, Like, ShortTerms, ListedLike };

// A window's sums per model from daily totals (model_day columns), first and last call
// decoded from their sortable keys (see below).
constexpr const char *kDaySums =
    "SELECT model, sum(calls) AS calls, sum(failed) AS failed, sum(verified) AS verified, sum(fees) AS fees,"
    " CASE WHEN min(f) & 1 THEN (min(f) - 1) / 2 ELSE min(f) / 2 + 0.5 END AS f,"
    " CASE WHEN max(l) & 1 THEN (max(l) - 172799) / 2 + 0.5 ELSE max(l) / 2 END AS l,"
    " count(*) AS days";

// Where metrics come from: the models table's all-time figures, or a window over usage_daily.
struct Source
{
    std::string with; // WITH clause, may be empty
    std::string from;
    std::string calls, failed, unique, repeat, verified, fees, first, last, activeDays;
    std::string week1, week4, topShare, effective; // demand evidence
};

// With onlyIds, the window's roll-up reads only those models' days (a page of the lazy table)
// instead of aggregating all usage.
// A window's figures, read from a per-model table aliased w (the CTE or the window's
// temporary table): the same columns either way.
Source windowed(std::string from)
{
    Source s;
    s.from = std::move(from);
    s.calls = "coalesce(w.calls, 0)";
    s.failed = "coalesce(w.failed, 0)";
    s.unique = "coalesce(w.uc, 0)";
    s.repeat = "coalesce(w.rc, 0)";
    s.verified = "coalesce(w.verified, 0)";
    s.fees = "coalesce(w.fees, 0)";
    s.first = "w.f";
    s.last = "w.l";
    s.activeDays = "coalesce(w.days, 0)";
    s.week1 = "w.w1";
    s.week4 = "w.w4";
    s.topShare = "w.top";
    s.effective = "w.eff";
    return s;
}

// A window's demand evidence per model by contract 3b in plain SQL: each caller's first day
// over the whole cache (fc), then per model the callers first seen in the window whose
// period 1 or 4 had ended by the evidence end E, and of those the ones with a call in it.
// Seconds at scale (a grouping of every (model, caller) pair): the browser and the export
// read Evidence::fillWindowTable's table instead; this is the route the tests compare it to.
std::string windowEvidence(const ViewSpec &spec, const std::string &onlyIds)
{
    const std::string lastDay = "(SELECT CAST(max(last_call) / 86400 AS INTEGER) FROM models)";
    const std::string end = spec.untilDay ? "min(" + lastDay + ", " + std::to_string(*spec.untilDay) + ")" : lastDay;
    const std::string models = onlyIds.empty() ? std::string() : " AND model IN (" + onlyIds + ")";
    std::string firstSeen = " AND fc.f <= " + end;
    if (spec.sinceDay)
        firstSeen += " AND fc.f >= " + std::to_string(*spec.sinceDay);
    auto period = [&](int k) {
        const std::string last = std::to_string(7 * k + 6), first = std::to_string(7 * k);
        return ", sum(fc.f + " + last + " <= " + end + ") AS e" + std::to_string(k) + ", sum(fc.f + " + last
               + " <= " + end + " AND EXISTS (SELECT 1 FROM usage_daily AS u WHERE u.model = fc.model"
                 " AND u.day BETWEEN fc.f + " + first + " AND fc.f + " + last
               + " AND u.caller = fc.caller)) AS r" + std::to_string(k);
    };
    return " fc AS (SELECT model, caller, min(day) AS f FROM usage_daily WHERE 1" + models + " GROUP BY model, caller),"
           " ev AS (SELECT fc.model AS model" + period(1) + period(4) + " FROM fc WHERE 1" + firstSeen
           + " GROUP BY fc.model),";
}

Source source(const ViewSpec &spec, SqlQuery &q, const std::string &onlyIds = {},
              const std::string &windowTable = {}, bool sumsOnly = false, bool evidence = true)
{
    Source s;
    if (spec.hasWindow() && !windowTable.empty()) {
        return windowed(" FROM models AS m LEFT JOIN temp." + windowTable + " AS w ON w.model = m.id");
    }
    if (!spec.hasWindow()) {
        s.from = " FROM models AS m";
        s.calls = "m.calls";
        s.failed = "m.failed_calls";
        s.unique = "m.unique_callers";
        s.repeat = "m.repeat_callers";
        s.verified = "m.verified_calls";
        s.fees = "m.fees_nano";
        s.first = "m.first_call";
        s.last = "m.last_call";
        s.activeDays = "m.active_days";
        s.week1 = "m.week1_retention";
        s.week4 = "m.week4_retention";
        s.topShare = "m.top_caller_share";
        s.effective = "m.effective_callers";
        return s;
    }
    std::string range = onlyIds.empty() ? std::string() : " AND model IN (" + onlyIds + ")";
    if (spec.sinceDay) {
        range += " AND day >= ?";
        q.params.emplace_back(*spec.sinceDay);
    }
    if (spec.untilDay) {
        range += " AND day <= ?";
        q.params.emplace_back(*spec.untilDay);
    }
    if (sumsOnly) {
        // The page of a window whose callers are still being counted: the daily totals alone.
        s.with = "WITH w AS (" + std::string(kDaySums) + " FROM model_day WHERE 1" + range + " GROUP BY model) ";
        Source w = windowed(" FROM models AS m LEFT JOIN w ON w.model = m.id");
        w.with = s.with;
        w.unique = "NULL";
        w.repeat = "NULL";
        w.week1 = w.week4 = w.topShare = w.effective = "NULL";
        return w;
    }
    // Repeat callers inside a window are callers with two or more distinct days inside it.
    // Sums and active days come from the per-day totals (model_day, one row per model and day);
    // only the distinct callers need usage_daily and a grouping of their own.
    // First and last call go through sortable keys (2t+1 and 2t for a time t): a day that a
    // roll-up gave without times (NULL first_ts/last_ts) sorts before, resp. after, every time
    // of that day, and comes out as the day's midnight + 0.5 s, a REAL: "only the day is known".
    // Breadth (top caller share, effective callers) from each caller's calls in the window.
    const std::string evidenceCols = evidence
        ? ", c.top AS top, c.eff AS eff, CASE WHEN ev.e1 > 0 THEN CAST(ev.r1 AS REAL) / ev.e1 END AS w1,"
          " CASE WHEN ev.e4 > 0 THEN CAST(ev.r4 AS REAL) / ev.e4 END AS w4"
        : std::string();
    s.with = "WITH pd AS (SELECT model, day, calls, failed, verified, fees, f, l FROM model_day WHERE 1" + range + "),"
             " pc AS (SELECT model, caller, count(*) AS days, sum(calls) AS n FROM usage_daily WHERE 1" + range
             + " GROUP BY model, caller),"
             " c AS (SELECT model, count(*) AS uc, sum(days >= 2) AS rc, CAST(max(n) AS REAL) / sum(n) AS top,"
             " CAST(sum(n) AS REAL) * sum(n) / sum(CAST(n AS REAL) * n) AS eff FROM pc GROUP BY model),"
             + (evidence ? windowEvidence(spec, onlyIds) : std::string())
             + " w AS (SELECT d.model AS model, d.calls AS calls, d.failed AS failed, c.uc AS uc, c.rc AS rc,"
               " d.verified AS verified, d.fees AS fees, d.f AS f, d.l AS l, d.days AS days" + evidenceCols
             + " FROM (" + kDaySums + " FROM pd GROUP BY model) AS d"
               " JOIN c ON c.model = d.model" + (evidence ? " LEFT JOIN ev ON ev.model = d.model" : "") + ") ";
    // The range appears twice: bind its values twice.
    if (spec.sinceDay)
        q.params.emplace_back(*spec.sinceDay);
    if (spec.untilDay)
        q.params.emplace_back(*spec.untilDay);
    Source w = windowed(" FROM models AS m LEFT JOIN w ON w.model = m.id");
    w.with = s.with;
    if (!evidence)
        w.week1 = w.week4 = w.topShare = w.effective = "NULL";
    return w;
}

std::string columnExpr(const Source &s, int column)
{
    using namespace Columns;
    switch (column) {
    case ModelId: return "m.model_id";
    case Author: return "m.author";
    case Task: return "m.task";
    case CreatedAt: return "m.created_at";
    case Versions: return "m.versions";
    case Calls: return s.calls;
    case UniqueCallers: return s.unique;
    case RepeatCallers: return s.repeat;
    case RepeatRate:
        return "(CASE WHEN " + s.unique + " > 0 THEN CAST(" + s.repeat + " AS REAL) / " + s.unique + " END)";
    case VerifiedCalls: return s.verified;
    case FeesPaid: return s.fees;
    case FirstCall: return s.first;
    case LastCall: return s.last;
    case Listed: return "m.listed";
    case Name: return "m.name";
    case Framework: return "m.framework";
    case License: return "m.license";
    case Tags: return "m.tags";
    case UpdatedAt: return "m.updated_at";
    case Files: return "m.files";
    case Downloads: return "m.downloads";
    case Likes: return "m.likes";
    case FailedCalls: return s.failed;
    case ActiveDays: return s.activeDays;
    case Week1Retention: return s.week1;
    case Week4Retention: return s.week4;
    case TopCallerShare: return s.topShare;
    case EffectiveCallers: return s.effective;
    case Parameters: return "m.parameters";
    case BaseModels: return "m.base_models";
    case Gated: return "m.gated";
    case DownloadsAllTime: return "m.downloads_all_time";
    case TrendingScore: return "m.trending_score";
    }
    return "NULL";
}

std::string likePattern(const QString &text)
{
    std::string out = "%";
    for (const char c : text.toStdString()) {
        if (c == '%' || c == '_' || c == '\\')
            out += '\\';
        out += c;
    }
    out += '%';
    return out;
}

std::string ftsPhrase(const QString &text)
{
    std::string out = "\"";
    for (const char c : text.toStdString()) {
        if (c == '"')
            out += '"';
        out += c;
    }
    out += '"';
    return out;
}

// SearchBy::Like tests the search text row by row with LIKE, for a walk in sort order that
// stops at the first screen (the same matches as the trigram index for ASCII text).
std::string whereClause(const ViewSpec &spec, const Source &s, SqlQuery &q, SearchBy by = SearchBy::Index)
{
    std::string w = " WHERE 1";
    const QString search = spec.search.trimmed();
    const std::optional<std::int64_t> shortTerm = ShortTerms::key(search);
    if ((by == SearchBy::ShortTerms || by == SearchBy::ListedLike) && shortTerm) {
        // The unary + keeps the planner from looking the list up by rowid: the walk's
        // INDEXED BY gives the order, the list only says yes or no.
        w += by == SearchBy::ShortTerms ? " AND " : " AND +";
        w += "m.id IN (SELECT model FROM short_terms WHERE term = ?)";
        q.params.emplace_back(*shortTerm);
    }
    if (by == SearchBy::Index && search.toUcs4().size() >= 3) {
        // The trigram index finds substrings of three characters or more, case-insensitively;
        // the text is one quoted phrase, so nothing in it is FTS syntax.
        w += " AND m.id IN (SELECT rowid FROM models_fts WHERE models_fts MATCH ?)";
        q.params.emplace_back(ftsPhrase(search));
    } else if (!search.isEmpty()) {
        // Shorter than a trigram: a scan (or a check of the listed models, above), but over a
        // common letter or two most rows match anyway.
        w += " AND (m.model_id LIKE ? ESCAPE '\\' OR m.author LIKE ? ESCAPE '\\' OR m.task LIKE ? ESCAPE '\\'"
             " OR m.tags LIKE ? ESCAPE '\\')";
        const std::string pattern = likePattern(search);
        for (int i = 0; i < 4; ++i)
            q.params.emplace_back(pattern);
    }
    auto exact = [&](const char *col, const QString &v) {
        if (!v.isEmpty()) {
            w += std::string(" AND ") + col + " = ?";
            q.params.emplace_back(v.toStdString());
        }
    };
    exact("m.task", spec.task);
    exact("m.author", spec.author);
    exact("m.license", spec.license);
    exact("m.framework", spec.framework);
    switch (spec.usage) {
    case ViewSpec::Usage::All: break;
    case ViewSpec::Usage::Never: w += " AND " + s.calls + " = 0"; break;
    case ViewSpec::Usage::Called: w += " AND " + s.calls + " > 0"; break;
    case ViewSpec::Usage::Repeat: w += " AND " + s.repeat + " > 0"; break;
    case ViewSpec::Usage::Unlisted: w += " AND m.listed = 0"; break;
    }
    if (spec.minCalls) {
        w += " AND " + s.calls + " >= ?";
        q.params.emplace_back(*spec.minCalls);
    }
    if (spec.minRepeatCallers) {
        w += " AND " + s.repeat + " >= ?";
        q.params.emplace_back(*spec.minRepeatCallers);
    }
    const auto bound = [&](const std::optional<double> &value, const std::string &column, const char *op) {
        if (value) {
            w += " AND " + column + op + "?";
            q.params.emplace_back(*value);
        }
    };
    bound(spec.minWeek4Retention, s.week4, " >= ");
    bound(spec.minEffectiveCallers, s.effective, " >= ");
    bound(spec.maxTopCallerShare, s.topShare, " <= ");
    if (spec.listedFromDay) {
        w += " AND m.created_at >= ?";
        q.params.emplace_back(*spec.listedFromDay * 86400);
    }
    if (spec.listedUntilDay) {
        w += " AND m.created_at < ?";
        q.params.emplace_back((*spec.listedUntilDay + 1) * 86400);
    }
    if (spec.minParameters) {
        w += " AND m.parameters >= ?";
        q.params.emplace_back(*spec.minParameters);
    }
    if (spec.maxParameters) {
        w += " AND m.parameters <= ?";
        q.params.emplace_back(*spec.maxParameters);
    }
    if (spec.gated) {
        w += " AND m.gated = ?";
        q.params.emplace_back(std::int64_t(*spec.gated));
    }
    return w;
}

std::string orderClause(const ViewSpec &spec, const Source &s)
{
    const char *dir = spec.sortDescending ? " DESC" : " ASC";
    return " ORDER BY " + columnExpr(s, spec.sortColumn) + dir + ", m.id" + dir;
}

std::string idList(const std::vector<std::int64_t> &ids)
{
    std::string out;
    for (size_t i = 0; i < ids.size(); ++i) {
        if (i > 0)
            out += ',';
        out += std::to_string(ids[i]);
    }
    return out;
}

bool isEvidence(int column)
{
    return column == Columns::Week1Retention || column == Columns::Week4Retention || column == Columns::TopCallerShare
        || column == Columns::EffectiveCallers;
}

// evidence: whether a window's columns (what empty) include its demand evidence; always when
// the view filters or sorts on it.
SqlQuery build(const ViewSpec &spec, const std::string &what, bool ordered, const std::string &onlyIds = {},
               const std::string &windowTable = {}, SearchBy by = SearchBy::Index, bool sumsOnly = false,
               bool evidence = true)
{
    SqlQuery q;
    evidence = (evidence && what.empty()) || spec.hasEvidenceFilter() || isEvidence(spec.sortColumn);
    const Source s = source(spec, q, onlyIds, windowTable, sumsOnly, evidence);
    std::string cols = what;
    if (cols.empty()) {
        cols = "m.id";
        for (int c = 0; c < Columns::Count; ++c)
            cols += ", " + columnExpr(s, c);
    }
    q.sql = s.with + "SELECT " + cols + s.from + whereClause(spec, s, q, by);
    if (!onlyIds.empty())
        q.sql += " AND m.id IN (" + onlyIds + ")";
    if (ordered)
        q.sql += orderClause(spec, s);
    return q;
}

} // namespace

namespace ViewQuery {

SqlQuery select(const ViewSpec &spec)
{
    return build(spec, {}, true);
}

SqlQuery selectWithoutWindowEvidence(const ViewSpec &spec)
{
    return build(spec, {}, true, {}, {}, SearchBy::Index, false, false);
}

SqlQuery selectIds(const ViewSpec &spec, const std::vector<std::int64_t> &ids)
{
    // An empty list selects nothing rather than everything.
    return build(spec, {}, false, ids.empty() ? std::string("NULL") : idList(ids));
}

SqlQuery orderedIds(const ViewSpec &spec)
{
    return build(spec, "m.id", true);
}

SqlQuery count(const ViewSpec &spec)
{
    return build(spec, "count(*)", false);
}

SqlQuery calledIds(const ViewSpec &spec)
{
    return calledIds(spec, std::string());
}

SqlQuery calledIds(const ViewSpec &spec, const std::string &windowTable)
{
    SqlQuery q = build(spec, "m.id", false, {}, windowTable);
    q.sql += " AND m.calls > 0";
    return q;
}

SqlQuery figures(const ViewSpec &spec)
{
    return figures(spec, std::string());
}

SqlQuery select(const ViewSpec &spec, const std::string &windowTable)
{
    return build(spec, {}, true, {}, windowTable);
}

SqlQuery count(const ViewSpec &spec, const std::string &windowTable)
{
    return build(spec, "count(*)", false, {}, windowTable);
}

std::string createWindowTable(const std::string &table)
{
    return "DROP TABLE IF EXISTS temp." + table + "; CREATE TEMP TABLE " + table
           + "(model INTEGER PRIMARY KEY, calls INTEGER, failed INTEGER, uc INTEGER, rc INTEGER, verified INTEGER,"
             " fees INTEGER, f INTEGER, l INTEGER, days INTEGER, w1 REAL, w4 REAL, top REAL, eff REAL)";
}

std::optional<SqlQuery> searchIds(const ViewSpec &spec)
{
    const QString search = spec.search.trimmed();
    if (search.toUcs4().size() < 3)
        return std::nullopt;
    SqlQuery q;
    q.sql = "SELECT rowid FROM models_fts WHERE models_fts MATCH ?";
    q.params.emplace_back(ftsPhrase(search));
    return q;
}

const char *sortIndex(int column)
{
    using namespace Columns;
    switch (column) {
    case ModelId: return "sqlite_autoindex_models_1";
    case Author: return "models_by_author";
    case Task: return "models_by_task";
    case CreatedAt: return "models_by_created";
    case Versions: return "models_by_versions";
    case Calls: return "models_by_calls";
    case UniqueCallers: return "models_by_unique";
    case RepeatCallers: return "models_by_repeat";
    case RepeatRate: return "models_by_repeat_rate";
    case VerifiedCalls: return "models_by_verified";
    case FeesPaid: return "models_by_fees";
    case FirstCall: return "models_by_first_call";
    case LastCall: return "models_by_last_call";
    case Listed: return "models_by_listed";
    case Name: return "models_by_name";
    case Framework: return "models_by_framework";
    case License: return "models_by_license";
    case Tags: return "models_by_tags";
    case UpdatedAt: return "models_by_updated";
    case Files: return "models_by_files";
    case Downloads: return "models_by_downloads";
    case Likes: return "models_by_likes";
    case FailedCalls: return "models_by_failed";
    case ActiveDays: return "models_by_active_days";
    case Week1Retention: return "models_by_week1";
    case Week4Retention: return "models_by_week4";
    case TopCallerShare: return "models_by_top_share";
    case EffectiveCallers: return "models_by_effective";
    case Parameters: return "models_by_parameters";
    case BaseModels: return "models_by_base_models";
    case Gated: return "models_by_gated";
    case DownloadsAllTime: return "models_by_downloads_all_time";
    case TrendingScore: return "models_by_trending";
    }
    return nullptr;
}

namespace {

// The query of a walk: what, for spec's filters, in sort order by the sort index, or by id.
std::optional<SqlQuery> walkQuery(const ViewSpec &spec, const std::string &what, bool byId, SearchBy by = SearchBy::Like)
{
    const char *index = sortIndex(spec.sortColumn);
    if (spec.hasWindow() || !index)
        return std::nullopt;
    // The search as LIKE, row by row: the trigram set would be built in full before the walk
    // could start. Only for ASCII text, where LIKE folds case as the index does; a short
    // term means what LIKE finds in any text (as its list does), so it walks in any script.
    const QString search = spec.search.trimmed();
    bool ascii = true;
    for (const QChar c : search)
        ascii = ascii && c.unicode() < 0x80;
    if (!ascii && by != SearchBy::ListedLike)
        return std::nullopt;
    if (byId) {
        SqlQuery q = build(spec, what, false, {}, {}, by);
        q.sql += " ORDER BY m.id";
        return q;
    }
    SqlQuery q = build(spec, what, true, {}, {}, by);
    const std::string from = " FROM models AS m";
    const size_t at = q.sql.find(from);
    if (at == std::string::npos)
        return std::nullopt;
    q.sql.insert(at + from.size(), std::string(" INDEXED BY ") + index);
    return q;
}

} // namespace

std::optional<SqlQuery> orderedIdsBySortIndex(const ViewSpec &spec)
{
    return walkQuery(spec, "m.id", false);
}

std::optional<SqlQuery> orderedIdsBySortIndexAmongListed(const ViewSpec &spec)
{
    if (!ShortTerms::key(spec.search))
        return std::nullopt;
    return walkQuery(spec, "m.id", false, SearchBy::ListedLike);
}

std::optional<SqlQuery> walk(const ViewSpec &spec, bool byId)
{
    SqlQuery dummy;
    const Source s = source(spec, dummy);
    return walkQuery(spec, "m.id, " + columnExpr(s, spec.sortColumn) + ", m.calls", byId);
}

SqlQuery selectIdsWindowSums(const ViewSpec &spec, const std::vector<std::int64_t> &ids)
{
    return build(spec, {}, false, ids.empty() ? std::string("NULL") : idList(ids), {}, SearchBy::Index, true);
}

SqlQuery orderedIds(const ViewSpec &spec, const std::string &windowTable)
{
    return build(spec, "m.id", true, {}, windowTable);
}

std::optional<SqlQuery> shortTermIds(const ViewSpec &spec)
{
    const std::optional<std::int64_t> key = ShortTerms::key(spec.search);
    if (!key)
        return std::nullopt;
    SqlQuery q;
    q.sql = "SELECT model FROM short_terms WHERE term = ?";
    q.params.emplace_back(*key);
    return q;
}

SqlQuery orderedIdsAmong(const ViewSpec &spec, const std::vector<std::int64_t> &ids)
{
    return build(spec, "m.id", true, ids.empty() ? std::string("NULL") : idList(ids));
}

std::optional<SqlQuery> orderedIdsOfShortTerm(const ViewSpec &spec, const std::string &windowTable)
{
    if (!ShortTerms::key(spec.search))
        return std::nullopt;
    return build(spec, "m.id", true, {}, windowTable, SearchBy::ShortTerms);
}

SqlQuery selectIds(const ViewSpec &spec, const std::vector<std::int64_t> &ids, const std::string &windowTable)
{
    return build(spec, {}, false, ids.empty() ? std::string("NULL") : idList(ids), windowTable);
}

SqlQuery figures(const ViewSpec &spec, const std::string &windowTable)
{
    SqlQuery q;
    const Source s = source(spec, q, {}, windowTable);
    q.sql = s.with + "SELECT m.listed, " + s.calls + ", " + s.repeat + ", " + s.unique + s.from + whereClause(spec, s, q);
    return q;
}

} // namespace ViewQuery

} // namespace uptake
