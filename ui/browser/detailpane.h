#pragma once

#include "browser/catalogueloader.h"

#include <QWidget>

class QChart;
class QChartView;
class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QTabWidget;
class QTableWidget;

namespace uptake {

// The selected model: its listing, its figures over the window, its usage charts, and its
// demand evidence (whether callers come back, and how broad the usage is) on pages of their own. Every
// registry field is shown as plain text: a description is data, never markup.
class DetailPane final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DetailPane)

public:
    explicit DetailPane(QWidget *parent = nullptr);

    void showPlaceholder(const QString &text);
    // No model selected: the pane says how to choose one.
    void clearModel();
    void setDetail(const ModelDetail &detail);
    qint64 modelRowId() const { return m_id; }

    // For tests and screenshots.
    QChartView *callsChart() const { return m_callsView; }
    QChartView *callersChart() const { return m_callersView; }
    QChartView *mixChart() const { return m_mixView; }
    QChartView *popularityChart() const { return m_popularityView; }
    // The mode mix and the listed popularity, as two tabs.
    QTabWidget *sideTabs() const { return m_sideTabs; }
    // Usage, Returning callers, Lifecycle and Cohorts.
    QTabWidget *pages() const { return m_pages; }
    QChartView *retentionChart() const { return m_retentionView; }
    QChartView *lifecycleChart() const { return m_lifecycleView; }
    QTableWidget *cohortTable() const { return m_cohorts; }
    // The evidence in figures: objectName names each value label.
    QWidget *evidenceFigures() const { return m_figuresBox; }
    QLabel *titleLabel() const { return m_title; }
    QPlainTextEdit *descriptionView() const { return m_description; }

private:
    void fillCalls(const ModelDetail &d);
    void fillCallers(const ModelDetail &d);
    void fillMix(const ModelDetail &d);
    void fillPopularity(const ModelDetail &d);
    void fillFigures(const ModelDetail &d);
    static QString lineageText(const Families::Lineage &lineage);
    void fillRetention(const ModelDetail &d);
    void fillLifecycle(const ModelDetail &d);
    void fillCohorts(const ModelDetail &d);
    static QChartView *makeChartView(QWidget *parent);
    QList<QWidget *> chartWidgets() const;

    qint64 m_id = 0;
    QLabel *m_title;
    QWidget *m_fieldsBox;
    QFormLayout *m_fields;
    QPlainTextEdit *m_description;
    QChartView *m_callsView, *m_callersView, *m_mixView, *m_popularityView;
    QTabWidget *m_sideTabs;
    QTabWidget *m_pages;
    QWidget *m_figuresBox;
    QFormLayout *m_figures;
    QChartView *m_retentionView, *m_lifecycleView;
    QTableWidget *m_cohorts;
    Evidence::Report m_evidence; // what the retention chart's tooltips tell
};

} // namespace uptake
