#pragma once

#include "catalogueloader.h"
#include "viewspec.h"

#include <QTimer>
#include <QVariantMap>
#include <QWidget>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QSpinBox;

// The filters beside the table. Every edit restarts a short timer; when it fires,
// changed() asks the window to apply the whole panel as one ViewSpec.
class FilterPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterPanel)

public:
    static constexpr int DebounceMs = 250;

    explicit FilterPanel(QWidget *parent = nullptr);

    // Writes the panel's filters and window into spec; the sort is left alone.
    void fill(ViewSpec &spec) const;
    void setChoices(const FilterChoices &choices);
    // The count of matching models; while loading, the count so far is shown as provisional.
    void setMatchCount(qint64 count, bool final);
    void clearAll();
    // Set one filter from elsewhere (the dashboard), applied at once.
    void setTask(const QString &task);
    void setAuthor(const QString &author);
    void setSearch(const QString &text);
    // Every filter and the usage window as plain values, for the settings; setState puts them
    // back without applying them (the window reads them with fill() when it starts its view).
    QVariantMap state() const;
    void setState(const QVariantMap &state);

    QLineEdit *searchEdit() const { return m_search; }
    QLabel *countLabel() const { return m_count; }

signals:
    void changed();

private:
    QComboBox *pickList(const QString &placeholder);
    QDateEdit *dateEdit(const QString &none);
    void setList(QComboBox *box, const FilterChoices::List &items);
    static QString pickedValue(const QComboBox *box);
    static std::optional<std::int64_t> dayOf(const QDateEdit *edit);

    QTimer m_debounce;
    QLabel *m_count;
    QLineEdit *m_search;
    QComboBox *m_task, *m_author, *m_license, *m_framework, *m_usage;
    QSpinBox *m_minCalls, *m_minRepeat;
    QDateEdit *m_listedFrom, *m_listedUntil, *m_since, *m_until;
};
