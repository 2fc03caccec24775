#pragma once

#include "browser/catalogueloader.h"
#include "view/viewspec.h"

#include <QDate>
#include <QTimer>
#include <QVariantMap>
#include <QWidget>

#include <functional>
#include <optional>
#include <utility>

class QAction;
class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QSpinBox;
class QToolButton;

namespace uptake {

class EvidenceFilters;
class SupplyFilters;

// The filters beside the table. Every edit restarts a short timer; when it fires,
// changed() asks the window to apply the whole panel as one ViewSpec.
class FilterPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FilterPanel)

public:
    static constexpr int DebounceMs = 250;

    // The usage window's quick picks. "Last N days" are the N UTC days ending on the
    // reference day; "This month" runs from the reference day's 1st to that day.
    enum class Period { Last7Days, Last30Days, Last90Days, ThisMonth, AllTime };

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

    // The first and last UTC days (days since 1970-01-01) with usage in the cache; lastDay <
    // firstDay when there is none. The last one is the reference day: the quick picks end on it
    // and the usage window's calendars open at it. Until it is known, the reference is today (UTC).
    void setUsageDays(qint64 firstDay, qint64 lastDay);
    QDate referenceDay() const;
    // Sets Since and Until to the period and applies it at once, like the quick-pick menu.
    void pickPeriod(Period period);

    QLineEdit *searchEdit() const { return m_search; }
    QLabel *countLabel() const { return m_count; }
    QToolButton *periodButton() const { return m_period; }

signals:
    void changed();

private:
    QComboBox *pickList(const QString &placeholder);
    QDateEdit *dateEdit(const QString &none, std::function<QDate()> reference);
    // The Since and Until the period stands for at the reference day (invalid: no limit).
    std::pair<QDate, QDate> periodRange(Period period) const;
    // The quick-pick button names the period the usage window matches ("Custom" if none).
    void showPeriod();
    void setList(QComboBox *box, const FilterChoices::List &items);
    static QString pickedValue(const QComboBox *box);
    static std::optional<std::int64_t> dayOf(const QDateEdit *edit);

    QTimer m_debounce;
    QLabel *m_count;
    QLineEdit *m_search;
    QComboBox *m_task, *m_author, *m_license, *m_framework, *m_usage;
    QSpinBox *m_minCalls, *m_minRepeat;
    EvidenceFilters *m_evidence;
    SupplyFilters *m_supply;
    QDateEdit *m_listedFrom, *m_listedUntil, *m_since, *m_until;
    QToolButton *m_period;
    QAction *m_periodNote;
    QList<QAction *> m_periodActions; // in the order of Period
    std::optional<qint64> m_firstUsageDay, m_lastUsageDay;
};

} // namespace uptake
