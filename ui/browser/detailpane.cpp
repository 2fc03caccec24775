#include "browser/detailpane.h"

#include "browser/cataloguemodel.h"
#include "browser/detailparts.h"
#include "dashboard/chartaxes.h"
#include "dashboard/evidencecharts.h"
#include "text/displaytext.h"
#include "text/textrules.h"

#include <QAreaSeries>
#include <QBarSet>
#include <QCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QCoreApplication>
#include <QCursor>
#include <QDate>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLegendMarker>
#include <QLineSeries>
#include <QLocale>
#include <QPieSeries>
#include <QPieSlice>
#include <QPlainTextEdit>
#include <QScatterSeries>
#include <QScrollArea>
#include <QStackedBarSeries>
#include <QTabWidget>
#include <QTableWidget>
#include <QToolTip>
#include <QValueAxis>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>
#include <limits>

namespace uptake {

namespace DetailParts {

QLabel *plainLabel(const QString &text, QWidget *parent)
{
    auto *l = new QLabel(parent);
    // Registry text is hostile: never let a label interpret it as rich text.
    l->setTextFormat(Qt::PlainText);
    l->setText(text);
    l->setWordWrap(true);
    l->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return l;
}

void resetChart(QChart *chart)
{
    chart->removeAllSeries();
    for (QAbstractAxis *axis : chart->axes()) {
        chart->removeAxis(axis);
        delete axis;
    }
}

QString percentOf(double fraction)
{
    return EvidenceCharts::percent(QLocale(), fraction);
}

QString dayText(qint64 day)
{
    return EvidenceCharts::dayText(QLocale(), day);
}

} // namespace DetailParts

using namespace DetailParts;

namespace {

QDateTime dayStart(qint64 day)
{
    return QDateTime::fromSecsSinceEpoch(day * 86400, Qt::UTC);
}

// An area from the points down to zero. The series does not own its lines: they are its
// children, so that removing it frees them.
QAbstractSeries *areaOf(const QList<QPointF> &points, const QString &name, const QColor &fill, const QColor &line)
{
    auto *area = new QAreaSeries;
    auto *upper = new QLineSeries(area);
    upper->replace(points);
    auto *lower = new QLineSeries(area);
    QList<QPointF> base;
    base.reserve(points.size());
    for (const QPointF &p : points)
        base.append(QPointF(p.x(), 0));
    lower->replace(base);
    area->setUpperSeries(upper);
    area->setLowerSeries(lower);
    area->setName(name);
    area->setColor(fill);
    area->setBorderColor(line);
    return area;
}

// A lone day or week: an area of one point draws nothing, a dot shows it.
QAbstractSeries *onePoint(const QPointF &point, const QString &name, const QColor &color)
{
    auto *dot = new QScatterSeries;
    dot->setMarkerSize(11);
    dot->setColor(color);
    dot->setBorderColor(color);
    dot->append(point);
    dot->setName(name);
    return dot;
}

} // namespace

DetailPane::DetailPane(QWidget *parent)
    : QWidget(parent)
{
    m_title = new QLabel(this);
    m_title->setTextFormat(Qt::PlainText);
    m_title->setObjectName(QStringLiteral("detailTitle"));
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont f = m_title->font();
    f.setBold(true);
    f.setPointSizeF(f.pointSizeF() * 1.2);
    m_title->setFont(f);

    m_fieldsBox = new QWidget;
    m_fields = new QFormLayout(m_fieldsBox);
    m_fields->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_fields->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_fields->setLabelAlignment(Qt::AlignLeft);
    m_fields->setVerticalSpacing(2);
    m_description = new QPlainTextEdit;
    m_description->setReadOnly(true);
    m_description->setObjectName(QStringLiteral("description"));
    m_description->setMaximumHeight(90);
    m_description->setPlaceholderText(tr("No description"));
    auto *listing = new QWidget;
    auto *listingLayout = new QVBoxLayout(listing);
    listingLayout->setContentsMargins(0, 0, 0, 0);
    listingLayout->addWidget(m_fieldsBox);
    listingLayout->addWidget(m_description);
    listingLayout->addStretch(1);
    auto *scroll = new QScrollArea(this);
    scroll->setWidget(listing);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setMinimumWidth(240);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);

    m_callsView = makeChartView(this);
    m_callsView->setObjectName(QStringLiteral("callsChart"));
    m_callersView = makeChartView(this);
    m_callersView->setObjectName(QStringLiteral("callersChart"));
    m_mixView = makeChartView(this);
    m_mixView->setObjectName(QStringLiteral("mixChart"));
    QFont legendFont = m_mixView->chart()->legend()->font();
    legendFont.setPointSizeF(legendFont.pointSizeF() * 0.85); // once: it used to shrink on every model shown
    m_mixView->chart()->legend()->setFont(legendFont);
    m_popularityView = makeChartView(this);
    m_popularityView->setObjectName(QStringLiteral("popularityChart"));
    QFont small = m_popularityView->chart()->legend()->font();
    small.setPointSizeF(small.pointSizeF() * 0.85);
    m_popularityView->chart()->legend()->setFont(small);

    // Four charts side by side clipped their labels at 1280 pixels: the mode mix and the listed
    // popularity share the third place, as tabs.
    m_sideTabs = new QTabWidget(this);
    m_sideTabs->setDocumentMode(true);
    m_sideTabs->setObjectName(QStringLiteral("detailTabs"));
    m_sideTabs->addTab(m_mixView, tr("Modes"));
    m_sideTabs->addTab(m_popularityView, tr("Popularity"));

    auto *usage = new QWidget;
    auto *usageRow = new QHBoxLayout(usage);
    usageRow->setContentsMargins(0, 0, 0, 0);
    usageRow->addWidget(m_callsView, 1);
    usageRow->addWidget(m_callersView, 1);
    usageRow->addWidget(m_sideTabs, 1);

    // Demand evidence beside the usage would have clipped every chart at 1280 pixels: pages.
    m_figuresBox = new QWidget;
    m_figuresBox->setObjectName(QStringLiteral("evidenceFigures"));
    m_figures = new QFormLayout(m_figuresBox);
    m_figures->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_figures->setRowWrapPolicy(QFormLayout::WrapLongRows);
    m_figures->setLabelAlignment(Qt::AlignLeft);
    m_figures->setVerticalSpacing(4);
    auto *figuresScroll = new QScrollArea;
    figuresScroll->setWidget(m_figuresBox);
    figuresScroll->setWidgetResizable(true);
    figuresScroll->setFrameShape(QFrame::NoFrame);
    figuresScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_retentionView = makeChartView(this);
    m_retentionView->setObjectName(QStringLiteral("retentionChart"));
    m_lifecycleView = makeChartView(this);
    m_lifecycleView->setObjectName(QStringLiteral("lifecycleChart"));
    QFont lifecycleLegend = m_lifecycleView->chart()->legend()->font();
    lifecycleLegend.setPointSizeF(lifecycleLegend.pointSizeF() * 0.85);
    m_lifecycleView->chart()->legend()->setFont(lifecycleLegend);
    auto *returning = new QWidget;
    auto *returningRow = new QHBoxLayout(returning);
    returningRow->setContentsMargins(0, 0, 0, 0);
    returningRow->addWidget(figuresScroll, 4);
    returningRow->addWidget(m_retentionView, 7);

    m_cohorts = new QTableWidget(this);
    m_cohorts->setObjectName(QStringLiteral("cohortTable"));
    m_cohorts->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_cohorts->setSelectionMode(QAbstractItemView::NoSelection);
    m_cohorts->setWordWrap(false);
    m_cohorts->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
    m_cohorts->horizontalHeader()->setMinimumSectionSize(36);
    m_cohorts->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_cohorts->verticalHeader()->setDefaultAlignment(Qt::AlignRight | Qt::AlignVCenter);

    m_pages = new QTabWidget(this);
    m_pages->setObjectName(QStringLiteral("detailPages"));
    m_pages->setDocumentMode(true);
    m_pages->addTab(usage, tr("Usage"));
    m_pages->addTab(returning, tr("Returning callers"));
    m_pages->addTab(m_lifecycleView, tr("Lifecycle"));
    m_pages->addTab(m_cohorts, tr("Cohorts"));
    m_pages->setTabToolTip(1, tr("Whether callers come back in the weeks after their first call, and how many "
                                 "callers the usage rests on"));
    m_pages->setTabToolTip(2, tr("Each week's callers: new, returning, resurrecting, and those who went dormant"));
    m_pages->setTabToolTip(3, tr("The callers first seen in each week, and the share of them who came back in "
                                 "each later week"));

    auto *row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(scroll, 5);
    row->addWidget(m_pages, 18);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(6, 4, 6, 4);
    layout->addWidget(m_title);
    layout->addLayout(row, 1);
    clearModel();
}

void DetailPane::clearModel()
{
    showPlaceholder(tr("Select a model to see its listing and usage."));
}

QList<QWidget *> DetailPane::chartWidgets() const
{
    return {m_pages};
}

QChartView *DetailPane::makeChartView(QWidget *parent)
{
    auto *chart = new QChart;
    chart->setMargins(QMargins(2, 2, 2, 2));
    chart->setBackgroundRoundness(0);
    // Axis labels with the user's thousands separators, as the figures beside them.
    chart->setLocalizeNumbers(true);
    chart->setLocale(QLocale());
    chart->legend()->setVisible(false);
    QFont tf = chart->titleFont();
    tf.setBold(true);
    chart->setTitleFont(tf);
    auto *view = new QChartView(chart, parent);
    view->setRenderHint(QPainter::Antialiasing);
    view->setMinimumSize(200, 200);
    return view;
}

void DetailPane::showPlaceholder(const QString &text)
{
    m_id = 0;
    m_title->setText(text);
    while (m_fields->rowCount() > 0)
        m_fields->removeRow(0);
    m_description->clear();
    m_description->setVisible(false);
    // No model, no charts: empty frames would only look broken.
    for (QChartView *v : {m_callsView, m_callersView, m_mixView, m_popularityView, m_retentionView, m_lifecycleView}) {
        resetChart(v->chart());
        v->chart()->setTitle(QString());
        v->chart()->legend()->setVisible(false);
    }
    while (m_figures->rowCount() > 0)
        m_figures->removeRow(0);
    m_cohorts->clear();
    m_cohorts->setRowCount(0);
    m_cohorts->setColumnCount(0);
    m_evidence = {};
    for (QWidget *w : chartWidgets())
        w->setVisible(false);
}

QString DetailPane::lineageText(const Families::Lineage &lineage)
{
    QStringList steps;
    for (const Families::Step &step : lineage.up) {
        const QString id = QString::fromStdString(step.id);
        QString words;
        if (step.relation == "finetune")
            words = tr("fine-tune of %1").arg(id);
        else if (step.relation == "adapter")
            words = tr("adapter of %1").arg(id);
        else if (step.relation == "quantized")
            words = tr("quantisation of %1").arg(id);
        else if (step.relation == "merge")
            words = tr("merge of %1").arg(id);
        else
            words = id;
        if (!step.listed)
            words = tr("%1 (not in the catalogue)").arg(words);
        steps << words;
    }
    QString text = steps.join(QStringLiteral(" → "));
    if (lineage.cycle)
        text = tr("%1 → … (the chain comes back to a model already on it)").arg(text);
    if (!lineage.otherBases.empty()) {
        QStringList others;
        for (const std::string &b : lineage.otherBases)
            others << QString::fromStdString(b);
        text = tr("%1; also from %2").arg(text, others.join(QStringLiteral(", ")));
    }
    return text;
}

void DetailPane::setDetail(const ModelDetail &d)
{
    if (!d.found) {
        showPlaceholder(tr("This model is no longer in the cache."));
        return;
    }
    m_id = d.id;
    for (QWidget *w : chartWidgets())
        w->setVisible(true);
    const QString id = DisplayText::line(d.modelId, 200);
    m_title->setText(d.listed ? id : tr("%1  (unlisted: seen in usage, in no catalogue)").arg(id));

    while (m_fields->rowCount() > 0)
        m_fields->removeRow(0);
    auto add = [&](const QString &label, const QString &value) {
        // Registry values: one inert line each, capped (the description below keeps the full text).
        QLabel *shown = plainLabel(DisplayText::line(value, 1000), m_fieldsBox);
        // Take the column's width and wrap in it, rather than ask for the longest word's line.
        QSizePolicy policy(QSizePolicy::Ignored, QSizePolicy::Preferred);
        policy.setHeightForWidth(true); // so that the row grows with the lines it wraps into
        shown->setSizePolicy(policy);
        m_fields->addRow(plainLabel(label, m_fieldsBox), shown);
    };
    const QLocale locale;
    for (const auto &[label, value] : d.fields) {
        if (label == QLatin1String("Model"))
            continue; // the title
        QString shown = value;
        if ((label == QLatin1String("Listed on") || label == QLatin1String("Updated")) && !value.isEmpty())
            shown = value.left(10);
        else if (label == QLatin1String("Tags") || label == QLatin1String("Base models"))
            shown = value.split(QLatin1Char(';'), Qt::SkipEmptyParts).join(QStringLiteral(", ")); // lets it wrap
        else if (label == QLatin1String("Gated") && !value.isEmpty())
            shown = CatalogueModel::formatValue(Columns::Gated, value == QLatin1String("true"));
        else if (label == QLatin1String("Parameters") && !value.isEmpty())
            shown = CatalogueModel::formatParameters(value.toLongLong());
        else if (!value.isEmpty() && (label == QLatin1String("Downloads") || label == QLatin1String("Likes")
                                      || label == QLatin1String("Files") || label == QLatin1String("Versions")
                                      || label == QLatin1String("Total downloads")
                                      || label == QLatin1String("Trending score")))
            shown = locale.toString(value.toLongLong());
        add(QCoreApplication::translate("Columns", label.toLatin1().constData()), shown);
    }
    // Its family: where it comes from, and what was made from it.
    if (!d.lineage.up.empty())
        add(tr("Derived from"), lineageText(d.lineage));
    if (d.asBase.derivatives > 0)
        add(tr("Derivatives"),
            tr("%1 listed, %2 called, %3 kept a caller to week 4; %4 callers in all", "models made from this one")
                .arg(locale.toString(qint64(d.asBase.derivatives)), locale.toString(qint64(d.asBase.called)),
                     locale.toString(qint64(d.asBase.kept)), locale.toString(qint64(d.asBase.callers))));
    // The figures over the window, exactly as the table shows them.
    for (const int c : {Columns::Calls, Columns::FailedCalls, Columns::UniqueCallers, Columns::RepeatCallers,
                        Columns::RepeatRate, Columns::VerifiedCalls, Columns::FeesPaid, Columns::FirstCall,
                        Columns::LastCall, Columns::ActiveDays}) {
        QString v = CatalogueModel::formatValue(c, d.metrics.cells[size_t(c)]);
        if (c == Columns::FirstCall || c == Columns::LastCall) {
            const QVariant raw = d.metrics.cells[size_t(c)];
            // A day-only time (a double, from a roll-up) keeps its date alone.
            if (raw.isValid() && !raw.isNull() && raw.typeId() != QMetaType::Double)
                v = QString::fromStdString(TextRules::formatTimestamp(raw.toLongLong()));
        }
        add(CatalogueModel::columnTitle(c), v);
    }
    m_description->setPlainText(d.description);
    m_description->setVisible(!d.description.isEmpty());

    fillCalls(d);
    fillCallers(d);
    fillMix(d);
    fillPopularity(d);
    m_evidence = d.evidence;
    fillFigures(d);
    fillRetention(d);
    fillLifecycle(d);
    fillCohorts(d);
}

void DetailPane::fillCalls(const ModelDetail &d)
{
    QChart *chart = m_callsView->chart();
    resetChart(chart);
    if (d.days.isEmpty()) {
        chart->setTitle(tr("No calls in this window"));
        return;
    }
    // Never more points than pixels: a long range is plotted per week.
    const bool weekly = d.days.size() > 400;
    QList<QPointF> points;
    qreal top = 0;
    qint64 bucketCalls = 0;
    for (int i = 0; i < d.days.size(); ++i) {
        bucketCalls += d.days[i].calls;
        if (weekly && (i + 1) % 7 != 0 && i + 1 != d.days.size())
            continue;
        const qint64 day = weekly ? d.days[i - (i % 7)].day : d.days[i].day;
        points.append(QPointF(qreal(dayStart(day).toMSecsSinceEpoch()), qreal(bucketCalls)));
        top = std::max(top, qreal(bucketCalls));
        bucketCalls = 0;
    }
    QAbstractSeries *area = points.size() == 1
                                ? onePoint(points.first(), tr("Calls"), QColor(0x2a, 0x6f, 0xb8))
                                : areaOf(points, tr("Calls"), QColor(0x4a, 0x90, 0xd9, 0x90), QColor(0x2a, 0x6f, 0xb8));
    chart->addSeries(area);
    chart->setTitle(weekly ? tr("Calls per week") : tr("Calls per day"));

    auto *x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("MMM d"));
    x->setTickCount(3); // four charts share the pane: three dates fit
    x->setTitleText(tr("UTC day"));
    if (points.size() == 1)
        x->setRange(dayStart(d.days.first().day).addDays(-1), dayStart(d.days.first().day).addDays(1));
    auto *y = new QValueAxis;
    ChartAxes::setIntegerRange(y, top, 4);
    y->setTitleText(weekly ? tr("calls / week") : tr("calls / day"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    area->attachAxis(x);
    area->attachAxis(y);
}

void DetailPane::fillCallers(const ModelDetail &d)
{
    QChart *chart = m_callersView->chart();
    resetChart(chart);
    if (std::all_of(d.weeks.cbegin(), d.weeks.cend(), [](const ModelDetail::Week &w) { return w.unique == 0; })) {
        chart->setTitle(tr("No callers in this window"));
        chart->legend()->setVisible(false);
        return;
    }
    // "Came back" callers are a part of all the week's callers: the darker area sits inside
    // the lighter. Every week of the range is a point, a quiet one at zero. A last week that
    // the evidence ends in has only begun: drawn apart, as hollow dots, not as a collapse. (A
    // model that went quiet mid-week in a cache that goes on has a whole last week.)
    const qint64 lastWeekDays = d.evidenceEnd ? *d.evidenceEnd - d.weeks.last().firstDay + 1 : 7;
    const bool partial = lastWeekDays >= 1 && lastWeekDays < 7;
    QList<QPointF> unique, returning;
    qreal top = 0;
    for (const ModelDetail::Week &w : d.weeks) {
        const qreal x = qreal(dayStart(w.firstDay).toMSecsSinceEpoch());
        unique.append(QPointF(x, qreal(w.unique)));
        returning.append(QPointF(x, qreal(w.returning)));
        top = std::max(top, qreal(w.unique));
    }
    QList<QPointF> partialPoints;
    if (partial && unique.size() > 1) {
        partialPoints = {unique.takeLast(), returning.takeLast()};
    }
    const QColor uniqueFill(0xa9, 0xc8, 0xea), uniqueLine(0x5b, 0x8f, 0xc7);
    const QColor backFill(0x3b, 0x8e, 0x4f, 0xd0), backLine(0x2d, 0x6e, 0x3d);
    const bool single = unique.size() == 1;
    QAbstractSeries *all = single ? onePoint(unique.first(), tr("callers"), uniqueLine)
                                  : areaOf(unique, tr("callers"), uniqueFill, uniqueLine);
    QAbstractSeries *back = single ? onePoint(returning.first(), tr("came back"), backLine)
                                   : areaOf(returning, tr("came back"), backFill, backLine);
    QList<QAbstractSeries *> series{all, back};
    if (!partialPoints.isEmpty()) {
        auto *soFar = new QScatterSeries;
        soFar->setName(tr("week so far"));
        soFar->setMarkerSize(9);
        soFar->setColor(Qt::white);
        soFar->setBorderColor(uniqueLine);
        soFar->append(partialPoints);
        series << soFar;
    }
    for (QAbstractSeries *s : series)
        chart->addSeries(s);
    chart->setTitle(tr("Callers per week"));
    m_callersView->setToolTip(partial ? tr("callers: the distinct callers of the week.\ncame back: of them, those who "
                                           "had called this model in an earlier week.\nThe last week has %n day(s) so "
                                           "far: hollow dots, not part of the line.",
                                           nullptr, int(lastWeekDays))
                                      : tr("callers: the distinct callers of the week.\ncame back: of them, those who "
                                           "had called this model in an earlier week."));
    auto *x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("MMM d"));
    x->setTickCount(3);
    x->setTitleText(tr("week (Mon\u2013Sun)"));
    if (d.weeks.size() == 1)
        x->setRange(dayStart(d.weeks.first().firstDay).addDays(-7), dayStart(d.weeks.first().firstDay).addDays(7));
    else // every week, the one so far included, with room for its dot
        x->setRange(dayStart(d.weeks.first().firstDay), dayStart(partial ? *d.evidenceEnd : d.weeks.last().firstDay));
    auto *y = new QValueAxis;
    ChartAxes::setIntegerRange(y, top, 4);
    y->setTitleText(tr("callers"));
    chart->addAxis(x, Qt::AlignBottom);
    chart->addAxis(y, Qt::AlignLeft);
    for (QAbstractSeries *s : series) {
        s->attachAxis(x);
        s->attachAxis(y);
    }
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignTop);
    // The week so far is explained in the tooltip; the legend keeps its room for the two areas.
    if (series.size() > 2)
        for (QLegendMarker *marker : chart->legend()->markers(series.last()))
            marker->setVisible(false);
}

void DetailPane::fillMix(const ModelDetail &d)
{
    QChart *chart = m_mixView->chart();
    resetChart(chart);
    const qint64 total = d.vanilla + d.tee + d.zkml + d.verifiedUnsplit;
    const QLocale locale;
    if (total == 0) {
        chart->setTitle(tr("No calls: no mode mix"));
        chart->legend()->setVisible(false);
        return;
    }
    auto *pie = new QPieSeries;
    pie->setHoleSize(0.45);
    pie->setPieSize(0.7);
    const struct
    {
        QString name;
        qint64 n;
        QColor color;
    } parts[] = {{tr("vanilla"), d.vanilla, QColor(0xb0, 0xb7, 0xc3)},
                 {tr("TEE"), d.tee, QColor(0x3b, 0x8e, 0x4f)},
                 {tr("ZKML"), d.zkml, QColor(0xe0, 0x9f, 0x3e)},
                 // Roll-ups count verified calls without saying which kind: shown as such, not guessed.
                 {tr("verified, kind unknown"), d.verifiedUnsplit, QColor(0x7d, 0xb3, 0x8a)}};
    for (size_t i = 0; i < std::size(parts); ++i) {
        const auto &p = parts[i];
        if (i == 3 && p.n == 0)
            continue; // only roll-ups have this slice
        const double share = double(p.n) / double(total) * 100;
        QPieSlice *slice = pie->append(tr("%1 %2%").arg(p.name, locale.toString(share, 'f', share < 10 ? 1 : 0)),
                                       qreal(p.n));
        // The legend's labels are HTML (Qt Charts): the share on a line of its own keeps a
        // translated name from being cut in a narrow chart. Our own words only, never registry text.
        slice->setLabel(slice->label().replace(QLatin1Char(' ') + locale.toString(share, 'f', share < 10 ? 1 : 0),
                                               QStringLiteral("<br>") + locale.toString(share, 'f', share < 10 ? 1 : 0)));
        slice->setColor(p.color);
        slice->setBorderColor(Qt::white);
    }
    chart->addSeries(pie);
    chart->setTitle(tr("Call modes"));
    chart->legend()->setVisible(true);
    chart->legend()->setAlignment(Qt::AlignRight);
}

void DetailPane::fillPopularity(const ModelDetail &d)
{
    QChart *chart = m_popularityView->chart();
    resetChart(chart);
    // Registries report only today's downloads and likes; the history is what Uptake kept,
    // one point per catalogue import or sync that listed this model.
    QList<QPointF> downloads, likes;
    qreal topDownloads = 0, topLikes = 0;
    for (const ModelDetail::Popularity &p : d.popularity) {
        const qreal x = qreal(p.takenAt) * 1000;
        if (p.downloads >= 0) {
            downloads.append(QPointF(x, qreal(p.downloads)));
            topDownloads = std::max(topDownloads, qreal(p.downloads));
        }
        if (p.likes >= 0) {
            likes.append(QPointF(x, qreal(p.likes)));
            topLikes = std::max(topLikes, qreal(p.likes));
        }
    }
    if (downloads.isEmpty() && likes.isEmpty()) {
        chart->setTitle(d.listed ? tr("No downloads or likes listed") : tr("Unlisted: no listing history"));
        chart->legend()->setVisible(false);
        return;
    }
    const bool single = d.popularity.size() == 1;
    chart->setTitle(single ? tr("Listed popularity (one snapshot)") : tr("Listed popularity"));

    auto *x = new QDateTimeAxis;
    x->setFormat(QStringLiteral("MMM d"));
    x->setTickCount(3);
    x->setTitleText(tr("snapshot (UTC)"));
    const QDateTime first = QDateTime::fromSecsSinceEpoch(d.popularity.first().takenAt, Qt::UTC);
    const QDateTime last = QDateTime::fromSecsSinceEpoch(d.popularity.last().takenAt, Qt::UTC);
    if (first.secsTo(last) < 86400)
        x->setRange(first.addDays(-1), last.addDays(1));
    else
        x->setRange(first, last);
    chart->addAxis(x, Qt::AlignBottom);

    // Downloads and likes differ by orders of magnitude: each gets its own axis, in thousands or
    // millions where the figures are large, so that the labels fit a narrow chart.
    auto addSeries = [&](QList<QPointF> points, const QString &name, const QString &inThousands,
                         const QString &inMillions, const QColor &color, qreal top, Qt::Alignment side) {
        qreal unit = 1;
        QString title = name;
        if (top >= 1e6) {
            unit = 1e6;
            title = inMillions;
        } else if (top >= 1e4) {
            unit = 1e3;
            title = inThousands;
        }
        for (QPointF &p : points)
            p.setY(p.y() / unit);
        QXYSeries *series = nullptr;
        if (points.size() == 1) {
            auto *dot = new QScatterSeries;
            dot->setMarkerSize(9);
            series = dot;
        } else {
            auto *line = new QLineSeries;
            line->setPointsVisible(points.size() <= 40);
            series = line;
        }
        series->replace(points);
        series->setName(title);
        series->setColor(color);
        chart->addSeries(series);
        auto *y = new QValueAxis;
        const qreal scaledTop = top / unit;
        if (unit > 1 && scaledTop <= 4) {
            y->setRange(0, std::ceil(scaledTop * 2) / 2);
            y->setLabelFormat(QStringLiteral("%.1f"));
            y->setTickCount(3);
        } else {
            ChartAxes::setIntegerRange(y, scaledTop, 2);
        }
        y->setLinePenColor(color);
        y->setLabelsColor(color);
        QFont f = y->labelsFont();
        f.setPointSizeF(f.pointSizeF() * 0.9);
        y->setLabelsFont(f);
        chart->addAxis(y, side);
        series->attachAxis(x);
        series->attachAxis(y);
    };
    if (!downloads.isEmpty())
        addSeries(downloads, tr("downloads"), tr("downloads, k", "thousands"), tr("downloads, M", "millions"),
                  QColor(0x2a, 0x6f, 0xb8), topDownloads, Qt::AlignLeft);
    if (!likes.isEmpty())
        addSeries(likes, tr("likes"), tr("likes, k", "thousands"), tr("likes, M", "millions"), QColor(0xc0, 0x5a, 0x2b),
                  topLikes, downloads.isEmpty() ? Qt::AlignLeft : Qt::AlignRight);
    // Two value axes leave no room for their titles in a narrow chart: the legend below names
    // each series with its unit, in the colour of its axis.
    chart->legend()->setAlignment(Qt::AlignBottom);
    chart->legend()->setVisible(true);
}

} // namespace uptake
