#pragma once

#include "dashboard/dashboarddata.h"

#include <QChartView>
#include <QLocale>
#include <QList>
#include <QPointer>
#include <QString>

#include <optional>
#include <vector>

class QAbstractSeries;
class QGraphicsRectItem;
class QGraphicsSimpleTextItem;
class QGraphicsTextItem;

namespace uptake {

// The dashboard's charts, in the order the dashboard shows them: supply and demand first,
// then the demand evidence of the selection (contract 3b).
enum class DashboardChart { Tasks, Concentration, Weekly, Funnel, Top, Retention, Cohorts, Lifecycle, DemandMap, Families };

namespace DashboardCharts {
QList<DashboardChart> all();
// Stable names for the command line and file names: tasks, concentration, weekly, funnel, top,
// retention, cohorts, lifecycle, demand-map.
QString name(DashboardChart chart);
std::optional<DashboardChart> fromName(const QString &name);
// Translated, for menus.
QString displayName(DashboardChart chart);
// Drawn from the evidence stage (DashboardData::evidence), after the usage stage.
bool isEvidenceChart(DashboardChart chart);
} // namespace DashboardCharts


// One chart of the dashboard, built with Qt Charts from DashboardData. Shows an empty state
// in words when there is nothing to draw, tooltips with exact values, and exports itself as
// PNG or SVG (right-click, or exportTo).
class DashboardChartView final : public QChartView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DashboardChartView)

public:
    explicit DashboardChartView(DashboardChart kind, QWidget *parent = nullptr);
    ~DashboardChartView() override;

    DashboardChart kind() const { return m_kind; }
    // Draws the chart for this data (or the empty state it calls for).
    void setData(const DashboardData &data);
    // Replaces the chart by a message (loading, failure).
    void showMessage(const QString &message);
    // The words shown instead of a chart; empty when a chart is drawn.
    QString message() const { return m_message; }
    bool hasData() const { return m_data.has_value(); }
    // How numbers read: the user's locale by default; redraws when it changes.
    void setNumberLocale(const QLocale &locale);
    QLocale numberLocale() const { return m_numbers; }
    // The locale of every SVG: machine-readable, so the same bytes in every locale.
    static QLocale svgLocale();

    // Writes the chart to path, PNG or SVG by the suffix, at size (logical pixels; the
    // view's own size when empty) and scale (device pixels per logical pixel, PNG only).
    bool exportTo(const QString &path, QSize size = {}, qreal scale = 1.0, QString *error = nullptr) const;

    // The horizontal room for points: charts never get more points than this.
    int plotWidth() const;

signals:
    void taskActivated(const QString &task);
    void modelActivated(const QString &modelId);

protected:
    void contextMenuEvent(QContextMenuEvent *event) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    struct Note
    {
        QGraphicsSimpleTextItem *item;
        QAbstractSeries *series; // nullptr: pos is a fraction of the plot area
        QPointF pos;
        Qt::Alignment align;
        // A bar's figure: inside the bar where it fits, else beside it, else shortText.
        QString barText, shortText;
        QGraphicsRectItem *plate = nullptr; // a pale plate behind it, over what is drawn (addPlatedNote)
    };

    QChart *newChart(const QString &title);
    void install(QChart *chart);
    void buildTasks(const DashboardData &d);
    void buildConcentration(const DashboardData &d);
    void buildWeekly(const DashboardData &d);
    void buildFunnel(const DashboardData &d);
    void buildTop(const DashboardData &d);
    void buildRetention(const DashboardData &d);
    void buildCohorts(const DashboardData &d);
    void buildLifecycle(const DashboardData &d);
    void buildDemandMap(const DashboardData &d);
    void buildFamilies(const DashboardData &d);
    // A rectangle in the series' values (a heat map's cell), kept in place as the plot moves,
    // with its text drawn inside when it fits.
    void addCell(const QRectF &rect, QAbstractSeries *series, const QColor &fill, const QString &text,
                 const QColor &textColor, const QString &toolTip);
    // Why there is nothing to draw for this data, or an empty string.
    QString emptyReason(const DashboardData &d) const;
    void addNote(const QString &text, QAbstractSeries *series, QPointF pos, Qt::Alignment align,
                 bool bold = false, const QColor &color = Qt::black);
    // A horizontal bar's figure at its end (pos: the end, in the series' values): never over
    // the category labels or past the plot, whatever the language makes of its width.
    void addBarNote(const QString &text, const QString &shortText, QAbstractSeries *series, QPointF end);
    // A note on a plate of the chart's background, readable over the points it sits on.
    void addPlatedNote(const QString &text, QPointF pos, Qt::Alignment align, const QColor &color);
    void placeNotes();
    void exportInteractively(const QString &suffix);

    DashboardChart m_kind;
    QLocale m_numbers;
    std::optional<DashboardData> m_data;
    QString m_message;
    QGraphicsTextItem *m_messageItem = nullptr;
    std::vector<Note> m_notes;
    struct Cell
    {
        QGraphicsRectItem *item;
        QGraphicsSimpleTextItem *text;
        QAbstractSeries *series;
        QRectF rect;
    };
    std::vector<Cell> m_cells;
};

} // namespace uptake

Q_DECLARE_METATYPE(uptake::DashboardData)
