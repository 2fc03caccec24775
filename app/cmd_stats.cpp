#include "db/cache.h"
#include "commands.h"
#include "evidence/evidence.h"
#include "family/families.h"
#include "view/figures.h"
#include "view/viewargs.h"
#include "view/windowscreen.h"

#include <QJsonDocument>

#include <algorithm>
#include <cstdio>

namespace uptake {

int runStatsCommand(const CliContext &ctx, const QStringList &args)
{
    ViewSpec spec;
    bool json = false;
    bool byFamily = false;
    for (int i = 0; i < args.size(); ++i) {
        QString error;
        switch (ViewArgs::take(args, i, spec, error, false)) {
        case ViewArgs::Result::Taken: continue;
        case ViewArgs::Result::Error: return usageError(QStringLiteral("stats: %1").arg(error));
        case ViewArgs::Result::NotMine: break;
        }
        if (args.at(i) == QLatin1String("--json"))
            json = true;
        else if (args.at(i) == QLatin1String("--by") || args.at(i).startsWith(QLatin1String("--by="))) {
            const QString by = args.at(i).startsWith(QLatin1String("--by=")) ? args.at(i).mid(5)
                               : i + 1 < args.size()                          ? args.at(++i)
                                                                              : QString();
            if (by != QLatin1String("family"))
                return usageError(QStringLiteral("stats: --by takes 'family', not '%1'").arg(by));
            byFamily = true;
        } else
            return usageError(QStringLiteral("stats: unknown argument '%1'").arg(args.at(i)));
    }
    Database db = ctx.openCache();
    const std::string windowTable = WindowScreen::filledTable(db, spec); // once for both
    const CatalogueFigures f = Figures::compute(db, spec, windowTable);
    const Evidence::Report evidence = Evidence::ofSelection(db, spec, windowTable);
    const std::vector<Families::Family> families = byFamily ? Families::rank(db, spec) : std::vector<Families::Family>{};
    if (json) {
        QJsonObject o = f.toJson();
        Evidence::addToStats(o, evidence);
        if (byFamily)
            o.insert(QStringLiteral("families"), Families::toJson(families));
        const QJsonObject view = spec.toJson();
        o.insert(QStringLiteral("filters"), view.value(QStringLiteral("filters")));
        o.insert(QStringLiteral("window"), view.value(QStringLiteral("window")));
        std::fputs(QJsonDocument(o).toJson(QJsonDocument::Indented).constData(), stdout);
    } else {
        auto pct = [](double v) { return QStringLiteral("%1%").arg(v * 100.0, 0, 'f', 1); };
        QString text = QStringLiteral(
                                 "models listed        %1\n"
                                 "models called        %2\n"
                                 "share never called   %3\n"
                                 "models only in usage %4\n"
                                 "calls                %5\n"
                                 "Gini of calls        %6\n"
                                 "top 1% share         %7\n"
                                 "top 10% share        %8\n")
                                 .arg(f.listed)
                                 .arg(f.called)
                                 .arg(pct(f.neverCalledShare))
                                 .arg(f.unlisted)
                                 .arg(f.calls)
                                 .arg(f.gini, 0, 'f', 4)
                                 .arg(pct(f.top1Share), pct(f.top10Share));
        auto rate = [&](const std::optional<double> &v) { return v ? pct(*v) : QStringLiteral("-"); };
        text += QStringLiteral("week-1 retention     %1\n"
                               "week-4 retention     %2\n")
                    .arg(rate(evidence.week1Retention()), rate(evidence.week4Retention()));
        if (byFamily) {
            // Base models by their derivatives' callers; the base's own id may be long.
            int width = 10;
            for (const Families::Family &fam : families)
                width = std::max(width, int(QString::fromStdString(fam.base).size()) + 1);
            text += QStringLiteral("\n%1  %2  %3  %4  %5  %6\n")
                        .arg(QStringLiteral("base model"), -width)
                        .arg(QStringLiteral("derivatives"), 11)
                        .arg(QStringLiteral("called"), 8)
                        .arg(QStringLiteral("kept wk4"), 8)
                        .arg(QStringLiteral("calls"), 10)
                        .arg(QStringLiteral("callers"), 8);
            for (const Families::Family &fam : families)
                text += QStringLiteral("%1  %2  %3  %4  %5  %6\n")
                            .arg(QString::fromStdString(fam.base) + (fam.baseListed ? QString() : QStringLiteral("*")), -width)
                            .arg(fam.derivatives, 11)
                            .arg(fam.called, 8)
                            .arg(fam.kept, 8)
                            .arg(fam.calls, 10)
                            .arg(fam.callers, 8);
            if (std::any_of(families.begin(), families.end(), [](const Families::Family &x) { return !x.baseListed; }))
                text += QStringLiteral("* not in the catalogue itself\n");
        }
        std::fputs(text.toLocal8Bit().constData(), stdout);
    }
    return Exit::Ok;
}

} // namespace uptake
