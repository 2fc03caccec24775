#include "db/cache.h"
#include "commands.h"
#include "evidence/evidence.h"
#include "text/textrules.h"
#include "view/viewargs.h"

#include <charconv>
#include <cstdio>
#include <string>
#include <vector>

namespace uptake {

namespace {

struct EvidenceArgs
{
    ViewSpec spec;
    QString model; // empty: the selection the filters choose
    bool json = false;
};

// FILTERS, the window, --model ID and --json; returns an exit status on a bad command line.
std::optional<int> parseArgs(const char *command, const QStringList &args, EvidenceArgs &out)
{
    const QString name = QLatin1String(command);
    for (int i = 0; i < args.size(); ++i) {
        QString error;
        switch (ViewArgs::take(args, i, out.spec, error, false)) {
        case ViewArgs::Result::Taken: continue;
        case ViewArgs::Result::Error: return usageError(QStringLiteral("%1: %2").arg(name, error));
        case ViewArgs::Result::NotMine: break;
        }
        const QString &a = args.at(i);
        if (a == QLatin1String("--json")) {
            out.json = true;
        } else if (a == QLatin1String("--model") || a.startsWith(QLatin1String("--model="))) {
            if (a.startsWith(QLatin1String("--model=")))
                out.model = a.mid(8);
            else if (i + 1 < args.size())
                out.model = args.at(++i);
            if (out.model.isEmpty())
                return usageError(QStringLiteral("%1: --model needs a model id").arg(name));
        } else {
            return usageError(QStringLiteral("%1: unknown argument '%2'").arg(name, a));
        }
    }
    // One model, or the selection of the filters: together they would leave it open which.
    ViewSpec windowOnly;
    windowOnly.sinceDay = out.spec.sinceDay;
    windowOnly.untilDay = out.spec.untilDay;
    if (!out.model.isEmpty() && !(out.spec == windowOnly))
        return usageError(QStringLiteral("%1: --model names one model; filters choose a selection: give one or the other")
                              .arg(name));
    return std::nullopt;
}

std::optional<Evidence::Report> compute(const char *command, const CliContext &ctx, const EvidenceArgs &a)
{
    Database db = ctx.openCache();
    if (a.model.isEmpty())
        return Evidence::ofSelection(db, a.spec);
    const std::optional<std::int64_t> id = Evidence::modelRowId(db, a.model);
    if (!id) {
        printError(QStringLiteral("%1: the cache holds no model '%2'").arg(QLatin1String(command), a.model));
        return std::nullopt;
    }
    return Evidence::ofModel(db, *id, a.spec);
}

std::string number(std::int64_t n)
{
    char buf[24];
    return std::string(buf, std::to_chars(buf, buf + sizeof buf, n).ptr);
}

// "75.0%", or "-" where the figure is empty: the same bytes in every locale.
std::string percent(const std::optional<double> &v)
{
    if (!v)
        return "-";
    char buf[32];
    return std::string(buf, std::to_chars(buf, buf + sizeof buf, *v * 100.0, std::chars_format::fixed, 1).ptr) + "%";
}

std::string fixed2(const std::optional<double> &v)
{
    if (!v)
        return "-";
    char buf[32];
    return std::string(buf, std::to_chars(buf, buf + sizeof buf, *v, std::chars_format::fixed, 2).ptr);
}

// Columns padded to their widest cell; the first left-aligned, the others right-aligned.
void printTable(const std::vector<std::vector<std::string>> &rows)
{
    std::vector<size_t> width;
    for (const auto &row : rows)
        for (size_t c = 0; c < row.size(); ++c) {
            width.resize(std::max(width.size(), row.size()));
            width[c] = std::max(width[c], row[c].size());
        }
    for (const auto &row : rows) {
        std::string line;
        for (size_t c = 0; c < row.size(); ++c) {
            const std::string pad(width[c] - row[c].size(), ' ');
            line += c == 0 ? row[c] + pad : "  " + pad + row[c];
        }
        while (!line.empty() && line.back() == ' ')
            line.pop_back();
        line += '\n';
        std::fputs(line.c_str(), stdout);
    }
}

void printSummary(const Evidence::Report &r)
{
    printTable({
        {"evidence end", r.evidenceEnd ? TextRules::formatDay(*r.evidenceEnd) : "-"},
        {"week-1 retention", percent(r.week1Retention())},
        {"week-4 retention", percent(r.week4Retention())},
        {"calls in window", number(r.calls)},
        {"callers in window", number(r.callers)},
        {"top caller share", percent(r.topCallerShare())},
        {"effective callers", fixed2(r.effectiveCallers())},
        {"callers making half the calls", number(r.halfCallers)},
    });
}

} // namespace

int runRetentionCommand(const CliContext &ctx, const QStringList &args)
{
    EvidenceArgs a;
    if (const std::optional<int> status = parseArgs("retention", args, a))
        return *status;
    const std::optional<Evidence::Report> r = compute("retention", ctx, a);
    if (!r)
        return Exit::Failed;
    if (a.json) {
        std::fputs(Evidence::retentionJson(*r).c_str(), stdout);
        return Exit::Ok;
    }
    printSummary(*r);
    std::fputs("\n", stdout);
    std::vector<std::vector<std::string>> curve{{"period", "returned", "eligible", "retention"}};
    for (int k = 1; k <= Evidence::Periods; ++k) {
        const Evidence::Counts &p = r->curve[size_t(k - 1)];
        curve.push_back({number(k), number(p.returned), number(p.eligible), percent(r->retention(k))});
    }
    printTable(curve);
    std::fputs("\ncohorts (first week; returned/eligible in period k)\n", stdout);
    std::vector<std::string> header{"week", "callers"};
    for (int k = 1; k <= Evidence::Periods; ++k)
        header.push_back("k=" + number(k));
    std::vector<std::vector<std::string>> cohorts{header};
    for (const Evidence::Cohort &c : r->cohorts) {
        std::vector<std::string> row{TextRules::formatDay(c.week), number(c.callers)};
        for (const Evidence::Counts &p : c.periods)
            row.push_back(p.eligible ? number(p.returned) + "/" + number(p.eligible) : "-");
        cohorts.push_back(std::move(row));
    }
    printTable(cohorts);
    return Exit::Ok;
}

int runLifecycleCommand(const CliContext &ctx, const QStringList &args)
{
    EvidenceArgs a;
    if (const std::optional<int> status = parseArgs("lifecycle", args, a))
        return *status;
    const std::optional<Evidence::Report> r = compute("lifecycle", ctx, a);
    if (!r)
        return Exit::Failed;
    if (a.json) {
        std::fputs(Evidence::lifecycleJson(*r).c_str(), stdout);
        return Exit::Ok;
    }
    std::vector<std::vector<std::string>> rows{{"week", "new", "returning", "resurrecting", "dormant", ""}};
    for (const Evidence::LifecycleWeek &w : r->lifecycle)
        rows.push_back({TextRules::formatDay(w.week), number(w.newCallers), number(w.returning), number(w.resurrecting),
                        number(w.dormant), w.partial ? "partial" : ""});
    printTable(rows);
    return Exit::Ok;
}

} // namespace uptake
