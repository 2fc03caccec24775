#pragma once

// The demand evidence of contract 3b by plain SQL over usage_daily, knowing nothing of
// models/evidence: the second computation the evidence suites compare with. Also the
// strings they compare in, and how they import their usage files.

#include "db/database.h"
#include "evidence/evidence.h"
#include "ingest/importer.h"
#include "text/textrules.h"

#include <QFile>
#include <QString>
#include <QStringList>

#include <algorithm>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

using namespace uptake;

namespace EvidenceReference {

inline QString day(std::int64_t d)
{
    return QString::fromStdString(TextRules::formatDay(d));
}

inline std::int64_t dayOf(const char *text)
{
    return *TextRules::parseDay(text);
}

// The strings the cases compare: cohorts as "WEEK:callers" (short) or with every period
// "WEEK:callers:r/e,r/e,..." (full), lifecycle as "WEEK new returning resurrecting dormant[ p]".
inline QString cohortsShort(const std::vector<Evidence::Cohort> &cohorts)
{
    QStringList out;
    for (const Evidence::Cohort &c : cohorts)
        out << QStringLiteral("%1:%2").arg(day(c.week)).arg(c.callers);
    return out.join(QLatin1Char(';'));
}

inline QString cohortsFull(const std::vector<Evidence::Cohort> &cohorts)
{
    QStringList out;
    for (const Evidence::Cohort &c : cohorts) {
        QStringList periods;
        for (const Evidence::Counts &p : c.periods)
            periods << QStringLiteral("%1/%2").arg(p.returned).arg(p.eligible);
        out << QStringLiteral("%1:%2:%3").arg(day(c.week)).arg(c.callers).arg(periods.join(QLatin1Char(',')));
    }
    return out.join(QLatin1Char(';'));
}

inline QString curveOf(const std::array<Evidence::Counts, Evidence::Periods> &curve)
{
    QStringList out;
    for (const Evidence::Counts &p : curve)
        out << QStringLiteral("%1/%2").arg(p.returned).arg(p.eligible);
    return out.join(QLatin1Char(','));
}

inline QString lifecycleOf(const std::vector<Evidence::LifecycleWeek> &weeks)
{
    QStringList out;
    for (const Evidence::LifecycleWeek &w : weeks)
        out << QStringLiteral("%1 %2 %3 %4 %5%6")
                   .arg(day(w.week))
                   .arg(w.newCallers)
                   .arg(w.returning)
                   .arg(w.resurrecting)
                   .arg(w.dormant)
                   .arg(w.partial ? QStringLiteral(" p") : QString());
    return out.join(QLatin1Char(';'));
}

// The same figures by SQL alone, from usage_daily, for the models in `models` (a list of
// models.id) and the window since..until.
struct Reference
{
    QString end, curve, cohorts, lifecycle;
    std::int64_t calls = 0, top = 0, sumSquares = 0, half = 0;
};

inline Reference reference(Database &db, const std::vector<std::int64_t> &models, std::optional<std::int64_t> since,
                    std::optional<std::int64_t> until)
{
    Reference r;
    QStringList ids;
    for (const std::int64_t m : models)
        ids << QString::number(m);
    // Through QString: GCC 12 at -O3 sees a false -Wrestrict in "(" + std::string&&.
    const std::string in = QStringLiteral("(%1)").arg(ids.join(QLatin1Char(','))).toStdString();
    const std::int64_t last = db.queryInt("SELECT max(day) FROM usage_daily").value_or(0);
    const std::int64_t e = until ? std::min(*until, last) : last;
    r.end = day(e);
    const std::int64_t d1 = since.value_or(-1000000), d2 = until.value_or(1000000);
    const std::string with =
        "WITH d AS (SELECT DISTINCT caller, day FROM usage_daily WHERE model IN " + in + " AND day <= "
        + std::to_string(e) + "), f AS (SELECT caller, min(day) AS f FROM d GROUP BY caller),"
        " c AS (SELECT caller, f FROM f WHERE f BETWEEN " + std::to_string(d1) + " AND " + std::to_string(d2) + "),"
        " k(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM k WHERE k < 12)";
    const std::string eligible = "c.f + 7 * k.k + 6 <= " + std::to_string(e);
    Statement coh(db, with + " SELECT c.f - (c.f + 3) % 7 AS week, k.k, count(*), sum(" + eligible + "), sum(" + eligible
                          + " AND EXISTS (SELECT 1 FROM d WHERE d.caller = c.caller AND d.day BETWEEN c.f + 7 * k.k"
                            " AND c.f + 7 * k.k + 6)) FROM c, k GROUP BY week, k.k ORDER BY week, k.k");
    std::map<std::int64_t, std::pair<std::int64_t, QStringList>> cohorts;
    std::vector<std::pair<std::int64_t, std::int64_t>> curve(12);
    while (coh.step()) {
        auto &entry = cohorts[coh.int64(0)];
        entry.first = coh.int64(2);
        entry.second << QStringLiteral("%1/%2").arg(coh.int64(4)).arg(coh.int64(3));
        curve[size_t(coh.int64(1) - 1)].first += coh.int64(4);
        curve[size_t(coh.int64(1) - 1)].second += coh.int64(3);
    }
    QStringList cs, cv;
    for (const auto &[week, entry] : cohorts)
        cs << QStringLiteral("%1:%2:%3").arg(day(week)).arg(entry.first).arg(entry.second.join(QLatin1Char(',')));
    for (const auto &[ret, elig] : curve)
        cv << QStringLiteral("%1/%2").arg(ret).arg(elig);
    r.cohorts = cs.join(QLatin1Char(';'));
    r.curve = cv.join(QLatin1Char(','));

    // Lifecycle: every week from the first with a call (or the window's) to the end's.
    const std::int64_t firstDay =
        std::max(db.queryInt("SELECT min(day) FROM usage_daily WHERE model IN " + in).value_or(0), d1);
    const std::int64_t w0 = firstDay - (firstDay + 3) % 7, w1 = e - (e + 3) % 7;
    Statement lc(db, "WITH d AS (SELECT DISTINCT caller, day FROM usage_daily WHERE model IN " + in + " AND day <= "
                         + std::to_string(e) + "), f AS (SELECT caller, min(day) - (min(day) + 3) % 7 AS fw FROM d GROUP BY caller),"
                         " aw AS (SELECT DISTINCT caller, day - (day + 3) % 7 AS w FROM d),"
                         " weeks(w) AS (SELECT ?1 UNION ALL SELECT w + 7 FROM weeks WHERE w + 7 <= ?2)"
                         " SELECT weeks.w,"
                         " (SELECT count(*) FROM aw JOIN f USING(caller) WHERE aw.w = weeks.w AND f.fw = weeks.w),"
                         " (SELECT count(*) FROM aw JOIN f USING(caller) WHERE aw.w = weeks.w AND f.fw != weeks.w"
                         "   AND EXISTS (SELECT 1 FROM aw p WHERE p.caller = aw.caller AND p.w = weeks.w - 7)),"
                         " (SELECT count(*) FROM aw JOIN f USING(caller) WHERE aw.w = weeks.w AND f.fw != weeks.w"
                         "   AND NOT EXISTS (SELECT 1 FROM aw p WHERE p.caller = aw.caller AND p.w = weeks.w - 7)),"
                         " (SELECT count(*) FROM aw WHERE aw.w = weeks.w - 7"
                         "   AND NOT EXISTS (SELECT 1 FROM aw n WHERE n.caller = aw.caller AND n.w = weeks.w))"
                         " FROM weeks ORDER BY weeks.w");
    lc.bind(1, w0).bind(2, w1);
    QStringList ls;
    while (w0 <= w1 && lc.step())
        ls << QStringLiteral("%1 %2 %3 %4 %5%6")
                  .arg(day(lc.int64(0)))
                  .arg(lc.int64(1))
                  .arg(lc.int64(2))
                  .arg(lc.int64(3))
                  .arg(lc.int64(4))
                  .arg(lc.int64(0) == w1 && (e + 3) % 7 != 6 ? QStringLiteral(" p") : QString());
    r.lifecycle = ls.join(QLatin1Char(';'));

    Statement conc(db, "WITH per AS (SELECT caller, sum(calls) AS n FROM usage_daily WHERE model IN " + in
                           + " AND day BETWEEN " + std::to_string(d1) + " AND " + std::to_string(d2)
                           + " GROUP BY caller), run AS (SELECT n, sum(n) OVER (ORDER BY n DESC ROWS UNBOUNDED PRECEDING)"
                             " - n AS before FROM per)"
                             " SELECT coalesce(sum(n), 0), coalesce(max(n), 0), coalesce(sum(n * n), 0),"
                             " (SELECT count(*) FROM run WHERE 2 * before < (SELECT sum(n) FROM per)) FROM per");
    if (conc.step()) {
        r.calls = conc.int64(0);
        r.top = conc.int64(1);
        r.sumSquares = conc.int64(2);
        r.half = conc.int64(3);
    }
    return r;
}

inline std::vector<std::int64_t> allModels(Database &db)
{
    std::vector<std::int64_t> out;
    Statement st(db, "SELECT id FROM models ORDER BY id");
    while (st.step())
        out.push_back(st.int64(0));
    return out;
}

// "YYYY-MM-DD" or empty as an optional day.
inline std::optional<std::int64_t> optDay(const QString &text)
{
    if (text.isEmpty())
        return std::nullopt;
    return *TextRules::parseDay(text.toStdString());
}

// Writes content to file and imports it into db as usage: empty, or what went wrong.
inline QString importUsage(Database &db, const QString &file, const QByteArray &content)
{
    QFile f(file);
    if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
        return QStringLiteral("cannot write %1").arg(file);
    f.close();
    ImportOptions opt;
    opt.kind = ImportOptions::Usage;
    QStringList errors;
    const ImportReport report = importFile(db, file, opt, {}, [&](const RowError &e) { errors << e.toString(); });
    if (!errors.isEmpty())
        return errors.join(QLatin1Char('\n'));
    return report.rowsImported > 0 ? QString() : QStringLiteral("nothing imported");
}

} // namespace EvidenceReference
