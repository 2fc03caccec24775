#pragma once

#include "browser/catalogueloader.h"

#include <QWidget>

class QChart;
class QChartView;
class QFormLayout;
class QLabel;
class QPlainTextEdit;
class QTabWidget;

// The selected model: its listing, its figures over the window, and three charts. Every
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
    QLabel *titleLabel() const { return m_title; }
    QPlainTextEdit *descriptionView() const { return m_description; }

private:
    void fillCalls(const ModelDetail &d);
    void fillCallers(const ModelDetail &d);
    void fillMix(const ModelDetail &d);
    void fillPopularity(const ModelDetail &d);
    static QChartView *makeChartView(QWidget *parent);
    QList<QWidget *> chartWidgets() const;

    qint64 m_id = 0;
    QLabel *m_title;
    QWidget *m_fieldsBox;
    QFormLayout *m_fields;
    QPlainTextEdit *m_description;
    QChartView *m_callsView, *m_callersView, *m_mixView, *m_popularityView;
    QTabWidget *m_sideTabs;
};
