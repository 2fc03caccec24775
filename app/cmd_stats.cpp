#include "db/cache.h"
#include "commands.h"
#include "evidence/evidence.h"
#include "view/figures.h"
#include "view/viewargs.h"
#include "view/windowscreen.h"

#include <QJsonDocument>

#include <cstdio>

namespace uptake {

int runStatsCommand(const CliContext &ctx, const QStringList &args)
{
    ViewSpec spec;
    bool json = false;
    for (int i = 0; i < args.size(); ++i) {
        QString error;
        switch (ViewArgs::take(args, i, spec, error, false)) {
        case ViewArgs::Result::Taken: continue;
        case ViewArgs::Result::Error: return usageError(QStringLiteral("stats: %1").arg(error));
        case ViewArgs::Result::NotMine: break;
        }
        if (args.at(i) == QLatin1String("--json"))
            json = true;
        else
            return usageError(QStringLiteral("stats: unknown argument '%1'").arg(args.at(i)));
    }
    Database db = ctx.openCache();
    const std::string windowTable = WindowScreen::filledTable(db, spec); // once for both
    const CatalogueFigures f = Figures::compute(db, spec, windowTable);
    const Evidence::Report evidence = Evidence::ofSelection(db, spec, windowTable);
    if (json) {
        QJsonObject o = f.toJson();
        Evidence::addToStats(o, evidence);
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
        std::fputs(text.toLocal8Bit().constData(), stdout);
    }
    return Exit::Ok;
}

} // namespace uptake
