// DashboardChartView: the chart names, the view's states (message, data), and the notes it places on a chart.
#include "dashboard/dashboardcharts.h"

#include "dashboard/chartparts.h"

#include <QFontMetricsF>
#include <QGraphicsRectItem>
#include <QGraphicsSimpleTextItem>
#include <QGraphicsTextItem>
#include <QLegend>
#include <QPainter>
#include <QPen>
#include <QTextDocument>
#include <QTextOption>

#include <algorithm>

namespace uptake {

using namespace ChartParts;

namespace DashboardCharts {

QList<DashboardChart> all()
{
    return { DashboardChart::Tasks, DashboardChart::Concentration, DashboardChart::Weekly, DashboardChart::Funnel,
        DashboardChart::Top, DashboardChart::Retention, DashboardChart::Cohorts, DashboardChart::Lifecycle,
        DashboardChart::DemandMap, DashboardChart::Families };
}

QString name(DashboardChart chart)
{
    switch (chart) {
    case DashboardChart::Tasks:
        return QStringLiteral("tasks");
    case DashboardChart::Concentration:
        return QStringLiteral("concentration");
    case DashboardChart::Weekly:
        return QStringLiteral("weekly");
    case DashboardChart::Funnel:
        return QStringLiteral("funnel");
    case DashboardChart::Top:
        return QStringLiteral("top");
    case DashboardChart::Retention:
        return QStringLiteral("retention");
    case DashboardChart::Cohorts:
        return QStringLiteral("cohorts");
    case DashboardChart::Lifecycle:
        return QStringLiteral("lifecycle");
    case DashboardChart::DemandMap:
        return QStringLiteral("demand-map");
    case DashboardChart::Families:
        return QStringLiteral("families");
    }
    return {};
}

bool isEvidenceChart(DashboardChart chart)
{
    return chart == DashboardChart::Retention || chart == DashboardChart::Cohorts
        || chart == DashboardChart::Lifecycle || chart == DashboardChart::DemandMap;
}

std::optional<DashboardChart> fromName(const QString &text)
{
    for (const DashboardChart c : all())
        if (text.compare(name(c), Qt::CaseInsensitive) == 0)
            return c;
    return std::nullopt;
}

QString displayName(DashboardChart chart)
{
    return chartTitle(chart);
}

} // namespace DashboardCharts

DashboardChartView::DashboardChartView(DashboardChart kind, QWidget *parent)
    : QChartView(parent)
    , m_kind(kind)
{
    setRenderHint(QPainter::Antialiasing);
    setMinimumSize(300, 320);
    showMessage(tr("Computing…"));
}

DashboardChartView::~DashboardChartView() = default;

void DashboardChartView::setNumberLocale(const QLocale &locale)
{
    if (locale == m_numbers)
        return;
    m_numbers = locale;
    if (m_data)
        setData(*m_data);
}

int DashboardChartView::plotWidth() const
{
    const int w = chart() ? int(chart()->plotArea().width()) : 0;
    return std::max(w > 0 ? w : width() - 120, 100);
}

QChart *DashboardChartView::newChart(const QString &title)
{
    auto *chart = new QChart;
    chart->setTheme(QChart::ChartThemeLight);
    chart->setAnimationOptions(QChart::NoAnimation);
    chart->setBackgroundRoundness(0);
    // Axis labels in the same number format as the notes and tooltips.
    chart->setLocalizeNumbers(true);
    chart->setLocale(m_numbers);
    chart->setMargins(QMargins(6, 4, 10, 4));
    QFont f = chart->titleFont();
    f.setPointSizeF(11);
    f.setBold(true);
    chart->setTitleFont(f);
    chart->setTitle(title);
    chart->legend()->setAlignment(Qt::AlignBottom);
    QFont lf = chart->legend()->font();
    lf.setPointSizeF(8.5);
    chart->legend()->setFont(lf);
    return chart;
}

void DashboardChartView::install(QChart *chart)
{
    m_notes.clear();
    m_cells.clear();
    m_messageItem = nullptr;
    QChart *old = this->chart();
    setChart(chart);
    delete old;
    connect(chart, &QChart::plotAreaChanged, this, &DashboardChartView::placeNotes);
}

void DashboardChartView::showMessage(const QString &message)
{
    m_data.reset();
    m_message = message;
    QChart *chart = newChart(chartTitle(m_kind));
    chart->legend()->hide();
    install(chart);
    m_messageItem = new QGraphicsTextItem(chart);
    QFont f = font();
    f.setPointSizeF(11);
    m_messageItem->setFont(f);
    m_messageItem->setDefaultTextColor(QColor(70, 70, 70));
    m_messageItem->setPlainText(message);
    m_messageItem->document()->setDefaultTextOption(QTextOption(Qt::AlignHCenter));
    placeNotes();
}

QString DashboardChartView::emptyReason(const DashboardData &d) const
{
    if (d.viewModels == 0)
        return tr("No model matches the current filter. Widen the filter to see this chart.");
    if (!d.cacheHasUsage)
        return tr("No usage imported yet. Import a usage file (uptake import usage FILE) to compare what is "
                  "listed with what is used.");
    if (d.viewCalls == 0)
        return tr("The %1 models of this view have no calls in the selected usage window.")
            .arg(num(m_numbers, d.viewModels));
    if (DashboardCharts::isEvidenceChart(m_kind) && !d.evidence.computed)
        return tr("Computing…");
    if (m_kind == DashboardChart::Families && !d.familiesComputed)
        return tr("Computing…");
    switch (m_kind) {
    case DashboardChart::Concentration:
        if (d.concentration.listedModels == 0)
            return tr("This view holds no listed models, only models seen in usage.");
        if (d.concentration.calls == 0)
            return tr("The listed models of this view have no calls in the selected usage window.");
        break;
    case DashboardChart::Weekly:
        if (d.weekly.weeks.empty())
            return tr("No calls in the selected usage window.");
        break;
    case DashboardChart::Top:
        if (d.top.empty())
            return tr("No model of this view was called in the selected usage window.");
        break;
    case DashboardChart::Retention:
    case DashboardChart::Cohorts:
        if (!d.evidence.selection.evidenceEnd || d.evidence.selection.cohorts.empty())
            return tr("No caller of this view was first seen in the selected usage window.");
        if (m_kind == DashboardChart::Retention
            && std::all_of(d.evidence.selection.curve.begin(), d.evidence.selection.curve.end(),
                           [](const Evidence::Counts &c) { return c.eligible == 0; }))
            return tr("No caller's 2nd week is over yet: nothing can be said about coming back.");
        break;
    case DashboardChart::Lifecycle:
        if (std::none_of(d.evidence.selection.lifecycle.begin(), d.evidence.selection.lifecycle.end(),
                         [](const Evidence::LifecycleWeek &w) {
                             return w.newCallers + w.returning + w.resurrecting + w.dormant > 0;
                         }))
            return tr("No callers in the selected usage window.");
        break;
    case DashboardChart::DemandMap:
        if (d.evidence.demand.empty())
            return tr("No called model of this view has callers whose 5th week is over: week-4 retention is "
                      "not known for any of them yet.");
        break;
    case DashboardChart::Families:
        if (d.families.empty())
            return tr("No model of this view names a base model. Listings from the Hugging Face Hub name them "
                      "(a fine-tune's base, an adapter's, a quantisation's).");
        break;
    case DashboardChart::Tasks:
    case DashboardChart::Funnel:
        break;
    }
    return {};
}

void DashboardChartView::setData(const DashboardData &data)
{
    const QString reason = emptyReason(data);
    if (!reason.isEmpty()) {
        showMessage(reason);
        m_data = data;
        return;
    }
    m_message.clear();
    switch (m_kind) {
    case DashboardChart::Tasks:
        buildTasks(data);
        break;
    case DashboardChart::Concentration:
        buildConcentration(data);
        break;
    case DashboardChart::Weekly:
        buildWeekly(data);
        break;
    case DashboardChart::Funnel:
        buildFunnel(data);
        break;
    case DashboardChart::Top:
        buildTop(data);
        break;
    case DashboardChart::Retention:
        buildRetention(data);
        break;
    case DashboardChart::Cohorts:
        buildCohorts(data);
        break;
    case DashboardChart::Lifecycle:
        buildLifecycle(data);
        break;
    case DashboardChart::DemandMap:
        buildDemandMap(data);
        break;
    case DashboardChart::Families:
        buildFamilies(data);
        break;
    }
    m_data = data;
    placeNotes();
}

void DashboardChartView::addNote(
    const QString &text, QAbstractSeries *series, QPointF pos, Qt::Alignment align, bool bold, const QColor &color)
{
    auto *item = new QGraphicsSimpleTextItem(text, chart());
    QFont f = font();
    f.setPointSizeF(8.5);
    f.setBold(bold);
    item->setFont(f);
    item->setBrush(color);
    item->setZValue(20);
    m_notes.push_back({ item, series, pos, align, QString(), QString() });
    placeNotes();
}

void DashboardChartView::addPlatedNote(const QString &text, QPointF pos, Qt::Alignment align, const QColor &color)
{
    auto *plate = new QGraphicsRectItem(chart());
    QColor fill = palette().color(QPalette::Base);
    fill.setAlpha(215);
    plate->setBrush(fill);
    plate->setPen(Qt::NoPen);
    plate->setZValue(19); // above the series, below the note
    addNote(text, nullptr, pos, align, true, color);
    m_notes.back().plate = plate;
    placeNotes();
}

void DashboardChartView::addBarNote(const QString &text, const QString &shortText, QAbstractSeries *series, QPointF end)
{
    addNote(text, series, end, Qt::AlignLeft | Qt::AlignVCenter);
    m_notes.back().barText = text;
    m_notes.back().shortText = shortText;
    placeNotes();
}

void DashboardChartView::addCell(const QRectF &rect, QAbstractSeries *series, const QColor &fill, const QString &text,
                                 const QColor &textColor, const QString &toolTip)
{
    auto *item = new QGraphicsRectItem(chart());
    item->setBrush(fill);
    item->setPen(QPen(Qt::white, 1));
    item->setToolTip(toolTip);
    item->setZValue(5);
    auto *label = new QGraphicsSimpleTextItem(text, item);
    QFont f = font();
    f.setPointSizeF(7.5);
    label->setFont(f);
    label->setBrush(textColor);
    label->setAcceptHoverEvents(false);
    m_cells.push_back({item, label, series, rect});
}

void DashboardChartView::placeNotes()
{
    QChart *c = chart();
    if (!c)
        return;
    const QRectF plot = c->plotArea();
    for (Cell &cell : m_cells) {
        const QRectF box = QRectF(c->mapToPosition(cell.rect.topLeft(), cell.series),
                                  c->mapToPosition(cell.rect.bottomRight(), cell.series))
                               .normalized();
        cell.item->setRect(box);
        const QRectF t = cell.text->boundingRect();
        // The figure where the cell can hold it; the tooltip always has it.
        cell.text->setVisible(t.width() + 4 <= box.width() && t.height() <= box.height());
        cell.text->setPos(box.center() - QPointF(t.width() / 2, t.height() / 2));
    }
    for (Note &n : m_notes) {
        if (!n.barText.isEmpty() && n.series) {
            // Inside the bar in white where it fits, else beside it in black, else the short text.
            const QPointF end = c->mapToPosition(n.pos, n.series);
            const qreal barLength = end.x() - c->mapToPosition(QPointF(0, n.pos.y()), n.series).x();
            const QFontMetricsF fm(n.item->font());
            const qreal full = fm.horizontalAdvance(n.barText), brief = fm.horizontalAdvance(n.shortText);
            const qreal room = plot.right() - end.x() - 6;
            const bool inside = full + 10 <= barLength || (full > room && brief + 10 <= barLength);
            n.item->setText(full + 10 <= barLength || full <= room ? n.barText : n.shortText);
            n.item->setBrush(inside ? Qt::white : Qt::black);
            n.align = (inside ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter;
        }
        const QRectF box = n.item->boundingRect();
        QPointF at = n.series ? c->mapToPosition(n.pos, n.series)
                              : QPointF(plot.left() + n.pos.x() * plot.width(), plot.top() + n.pos.y() * plot.height());
        if (n.align & Qt::AlignRight)
            at.rx() -= box.width() + 4;
        else if (n.series)
            at.rx() += 4;
        if (n.align & Qt::AlignVCenter)
            at.ry() -= box.height() / 2;
        else if (n.align & Qt::AlignBottom)
            at.ry() -= box.height();
        n.item->setPos(at);
        if (n.plate)
            n.plate->setRect(QRectF(at, box.size()).adjusted(-3, -1, 3, 1));
    }
    if (m_messageItem) {
        const QRectF area = c->rect().adjusted(20, 40, -20, -20);
        m_messageItem->setTextWidth(std::max(120.0, std::min(area.width(), 520.0)));
        const QRectF box = m_messageItem->boundingRect();
        m_messageItem->setPos(area.center() - QPointF(box.width() / 2, box.height() / 2));
    }
}

void DashboardChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    placeNotes();
}

} // namespace uptake
