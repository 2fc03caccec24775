#include "db/cache.h"
#include "commands.h"
#include "dashboard/dashboardcharts.h"
#include "dashboard/dashboarddata.h"
#include "view/viewargs.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QRegularExpression>

#include <cstdio>

namespace uptake {

// uptake chart NAME OUT.png|OUT.svg [FILTERS] [--since D] [--until D] [--size WxH] [--scale F] [--timing]
// Renders one dashboard chart headless (the caller provides a QApplication, offscreen).
int runChartCommand(const CliContext &ctx, const QStringList &args)
{
    ViewSpec spec;
    QStringList positional;
    QSize size(1000, 620);
    double scale = 1.0;
    bool timing = false;
    for (int i = 0; i < args.size(); ++i) {
        QString error;
        switch (ViewArgs::take(args, i, spec, error, false)) {
        case ViewArgs::Result::Taken: continue;
        case ViewArgs::Result::Error: return usageError(QStringLiteral("chart: %1").arg(error));
        case ViewArgs::Result::NotMine: break;
        }
        const QString &a = args.at(i);
        auto value = [&](const QString &option, QString &out) {
            if (a.startsWith(option + QLatin1Char('='))) {
                out = a.mid(option.size() + 1);
                return true;
            }
            if (a == option && i + 1 < args.size()) {
                out = args.at(++i);
                return true;
            }
            return false;
        };
        QString v;
        if (value(QStringLiteral("--size"), v)) {
            const auto m = QRegularExpression(QStringLiteral("^(\\d{3,5})x(\\d{3,5})$")).match(v);
            if (!m.hasMatch())
                return usageError(QStringLiteral("chart: --size wants WIDTHxHEIGHT, e.g. 1280x800"));
            size = QSize(m.captured(1).toInt(), m.captured(2).toInt());
            if (size.width() > 8000 || size.height() > 8000)
                return usageError(QStringLiteral("chart: --size is at most 8000x8000"));
        } else if (value(QStringLiteral("--scale"), v)) {
            bool ok = false;
            scale = v.toDouble(&ok);
            if (!ok || scale < 0.5 || scale > 4)
                return usageError(QStringLiteral("chart: --scale wants a number from 0.5 to 4"));
        } else if (a == QLatin1String("--timing")) {
            timing = true;
        } else if (a.startsWith(QLatin1String("--"))) {
            return usageError(QStringLiteral("chart: unknown option '%1'").arg(a));
        } else {
            positional << a;
        }
    }
    QStringList names;
    for (const DashboardChart c : DashboardCharts::all())
        names << DashboardCharts::name(c);
    if (positional.size() != 2)
        return usageError(QStringLiteral("chart: wants NAME OUT.png|OUT.svg (NAME: %1)").arg(names.join(QLatin1Char('|'))));
    const auto chart = DashboardCharts::fromName(positional.at(0));
    if (!chart)
        return usageError(QStringLiteral("chart: unknown chart '%1' (one of %2)").arg(positional.at(0), names.join(QStringLiteral(", "))));
    const QString out = positional.at(1);
    const QString suffix = QFileInfo(out).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg"))
        return usageError(QStringLiteral("chart: the output must end in .png or .svg"));
    // A PNG is read by a person: their language and number format. An SVG is also read by
    // programs: the same bytes in every locale, as CSV and JSON are.
    const bool svg = suffix == QLatin1String("svg");
    installTranslations(!svg);

    Database db = ctx.openCache();
    Dashboard::Options options;
    // Never more points than pixels across the plot.
    options.maxLorenzPoints = std::clamp(size.width() - 150, 50, 400);
    options.maxBuckets = std::clamp((size.width() - 200) / 4, 12, 200);
    options.topModels = std::clamp((size.height() - 150) / 18, 5, 15);
    options.topFamilies = options.topModels;
    QElapsedTimer timer;
    timer.start();
    // Only the stages the chart reads: the evidence stage reads the day rows once more, and the
    // evidence charts need no weekly buckets (the loop's last step is the evidence's).
    DashboardData data;
    Dashboard::Computation computation(db, spec, options);
    computation.models(data);
    computation.top(data);
    if (!DashboardCharts::isEvidenceChart(*chart))
        computation.usage(data);
    if (DashboardCharts::isEvidenceChart(*chart) || *chart == DashboardChart::Funnel)
        computation.evidence(data);
    if (*chart == DashboardChart::Families)
        computation.families(data);
    const qint64 computeMs = timer.elapsed();
    DashboardChartView view(*chart);
    view.setNumberLocale(svg ? DashboardChartView::svgLocale() : QLocale());
    view.setData(data);
    timer.restart();
    QString error;
    if (!view.exportTo(out, size, scale, &error)) {
        printError(QStringLiteral("chart: %1").arg(error));
        return Exit::Failed;
    }
    if (timing)
        std::fprintf(stderr,
                     "uptake: chart data in %lld ms (top %lld, models %lld, usage %lld, evidence %lld), drawn in %lld ms\n",
                     (long long)computeMs, (long long)data.msTop, (long long)data.msModels, (long long)data.msUsage,
                     (long long)data.msEvidence, (long long)timer.elapsed());
    if (!view.message().isEmpty())
        std::fprintf(stderr, "uptake: %s: %s\n", qPrintable(DashboardCharts::name(*chart)),
                     view.message().toLocal8Bit().constData());
    std::fprintf(stderr, "uptake: wrote %s\n", out.toLocal8Bit().constData());
    return Exit::Ok;
}

} // namespace uptake
