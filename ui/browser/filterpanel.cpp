#include "browser/filterpanel.h"

#include "browser/evidencefilters.h"
#include "browser/supplyfilters.h"
#include "text/textrules.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCalendarWidget>
#include <QComboBox>
#include <QCompleter>
#include <QDate>
#include <QDateEdit>
#include <QDateTime>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStyleOptionComboBox>
#include <QStyledItemDelegate>
#include <QToolButton>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace uptake {

namespace {

constexpr int CountRole = Qt::UserRole + 1;

// A pick list's pop-up grows to fit its entries up to this width; longer names are elided.
constexpr int kMaxPopupWidth = 560;

// The earliest date of a QDateEdit stands for "no limit" (shown as its special text).
const QDate kNoDate(2000, 1, 1);
const QDate kLastDate(2100, 12, 31);

QDate todayUtc()
{
    return QDateTime::currentDateTimeUtc().date();
}

// A date field whose earliest date stands for "no limit". QDateEdit alone appends what one
// types to its special text ("all time0261101") and then silently restores the old value, and
// its calendar opens at that earliest date, January 2000. This one starts from a real date,
// the reference day, as soon as one types a digit, steps or opens the calendar; Delete or
// Backspace over the whole text puts "no limit" back.
class DateField final : public QDateEdit
{
public:
    DateField(const QString &none, std::function<QDate()> reference, QWidget *parent)
        : QDateEdit(parent)
        , m_reference(std::move(reference))
    {
        setCalendarPopup(true);
        setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
        setMinimumDate(kNoDate);
        setMaximumDate(kLastDate);
        setSpecialValueText(none);
        setDate(kNoDate);
    }

    bool isUnset() const { return date() <= minimumDate(); }

protected:
    void keyPressEvent(QKeyEvent *event) override
    {
        const bool plain = !(event->modifiers() & ~(Qt::ShiftModifier | Qt::KeypadModifier));
        const QString text = event->text();
        const bool digit = plain && text.size() == 1 && text.at(0).isDigit();
        const bool separatorAfterAdvance
            = m_advanced && plain && text.size() == 1 && !text.at(0).isLetterOrNumber() && text.at(0).isPrint();
        m_advanced = false;
        if (event->key() == Qt::Key_F4
            || ((event->key() == Qt::Key_Down || event->key() == Qt::Key_Up)
                && (event->modifiers() & Qt::AltModifier))) {
            // As in a combo box: the keyboard opens the calendar too.
            openCalendar();
            event->accept();
            return;
        }
        const bool wholeSelected = lineEdit()->hasSelectedText() && lineEdit()->selectedText() == lineEdit()->text();
        if ((event->key() == Qt::Key_Delete || event->key() == Qt::Key_Backspace) && plain && !isUnset()
            && wholeSelected) {
            setDate(minimumDate());
            lineEdit()->selectAll();
            event->accept();
            return;
        }
        if (separatorAfterAdvance) {
            // A full section moved on to the next one already; the separator one types out of
            // habit ("2026-11-01") must not skip that one too.
            event->accept();
            return;
        }
        if (digit && (isUnset() || wholeSelected)) {
            // A date typed from the start: the digits replace a real date's year, section by
            // section, rather than follow the special text or wipe the whole field.
            if (isUnset())
                setDate(m_reference());
            setSelectedSection(QDateTimeEdit::YearSection);
        }
        const QDateTimeEdit::Section before = currentSection();
        QDateEdit::keyPressEvent(event);
        m_advanced = digit && currentSection() != before && currentSection() != QDateTimeEdit::NoSection;
    }

    void stepBy(int steps) override
    {
        // Up (or the wheel) from "no limit" goes to the reference day, not to 2000-01-02.
        if (isUnset() && steps != 0) {
            setDate(m_reference());
            setSelectedSection(QDateTimeEdit::DaySection);
            return;
        }
        QDateEdit::stepBy(steps);
    }

    void mousePressEvent(QMouseEvent *event) override
    {
        watchCalendar();
        QDateEdit::mousePressEvent(event);
    }

    bool focusNextPrevChild(bool next) override
    {
        // Tab walks through a date's sections; "no limit" has none, and QDateEdit would keep
        // the focus there for good.
        if (isUnset())
            return QWidget::focusNextPrevChild(next);
        return QDateEdit::focusNextPrevChild(next);
    }

    void focusOutEvent(QFocusEvent *event) override
    {
        m_advanced = false;
        QDateEdit::focusOutEvent(event);
    }

    bool eventFilter(QObject *watched, QEvent *event) override
    {
        // The pop-up is about to show the field's date; for "no limit" that is January 2000.
        // Show the reference day instead, selected so that Enter takes it, without changing
        // the field merely by opening (signals blocked; closing it restores the field).
        if (event->type() == QEvent::Show && isUnset()) {
            QCalendarWidget *calendar = calendarWidget();
            if (calendar && watched == calendar->window()) {
                const QDate day = m_reference();
                const QSignalBlocker block(calendar);
                calendar->setSelectedDate(day);
                calendar->setCurrentPage(day.year(), day.month());
            }
        }
        return QDateEdit::eventFilter(watched, event);
    }

private:
    // The pop-up is made on first use; watch it before it first shows.
    void watchCalendar()
    {
        if (m_watching)
            return;
        if (QCalendarWidget *calendar = calendarWidget()) {
            calendar->window()->installEventFilter(this);
            m_watching = true;
        }
    }

    // Opens the pop-up the way a click on the arrow does (Qt has no public call for it).
    void openCalendar()
    {
        QStyleOptionComboBox opt;
        opt.initFrom(this);
        opt.editable = true;
        opt.subControls = QStyle::SC_All;
        const QRect arrow = style()->subControlRect(QStyle::CC_ComboBox, &opt, QStyle::SC_ComboBoxArrow, this);
        if (!arrow.isValid())
            return;
        const QPointF at = QRectF(arrow).center();
        QMouseEvent press(QEvent::MouseButtonPress, at, mapToGlobal(at), Qt::LeftButton, Qt::LeftButton,
                          Qt::NoModifier);
        mousePressEvent(&press);
    }

    std::function<QDate()> m_reference;
    bool m_watching = false;
    bool m_advanced = false;
};

// Pick list entries show how many models carry the value, right-aligned and muted.
class CountDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const QVariant count = index.data(CountRole);
        if (!count.isValid()) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        // The row's background and selection, then the name in the room left of the count
        // (elided there, never painted under it), then the count, right-aligned and muted.
        QStyleOptionViewItem opt = option;
        initStyleOption(&opt, index);
        const QString text = opt.text;
        opt.text.clear();
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &opt, painter, widget);
        const bool selected = option.state & QStyle::State_Selected;
        const QString countText = QLocale().toString(count.toLongLong());
        const int countWidth = option.fontMetrics.horizontalAdvance(countText) + 2 * kCountGap;
        const QRect nameRect = option.rect.adjusted(kCountGap, 0, -countWidth, 0);
        painter->save();
        painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::Text));
        painter->drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                          option.fontMetrics.elidedText(text, Qt::ElideMiddle, nameRect.width()));
        painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
        painter->drawText(option.rect.adjusted(0, 0, -kCountGap, 0), Qt::AlignRight | Qt::AlignVCenter, countText);
        painter->restore();
    }

    // The width a row needs to show its name and its count side by side.
    static int neededWidth(const QFontMetrics &fm, const QString &text, qint64 count)
    {
        return fm.horizontalAdvance(text) + fm.horizontalAdvance(QLocale().toString(count)) + 3 * kCountGap + 16;
    }

    static constexpr int kCountGap = 6;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize s = QStyledItemDelegate::sizeHint(option, index);
        s.rwidth() += option.fontMetrics.horizontalAdvance(QStringLiteral("0000000")) + 12;
        return s;
    }
};

} // namespace

FilterPanel::FilterPanel(QWidget *parent)
    : QWidget(parent)
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(DebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, &FilterPanel::changed);
    auto poke = [this] { m_debounce.start(); };

    m_count = new QLabel(this);
    m_count->setTextFormat(Qt::PlainText);
    QFont big = m_count->font();
    big.setBold(true);
    big.setPointSizeF(big.pointSizeF() * 1.15);
    m_count->setFont(big);
    m_count->setObjectName(QStringLiteral("matchCount"));

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("id, author, task, tags"));
    m_search->setClearButtonEnabled(true);
    connect(m_search, &QLineEdit::textChanged, this, poke);

    m_task = pickList(tr("any task"));
    m_author = pickList(tr("any author"));
    m_license = pickList(tr("any licence"));
    m_framework = pickList(tr("any framework"));

    m_usage = new QComboBox(this);
    m_usage->addItem(tr("All models"), int(ViewSpec::Usage::All));
    m_usage->addItem(tr("Never called"), int(ViewSpec::Usage::Never));
    m_usage->addItem(tr("Called"), int(ViewSpec::Usage::Called));
    m_usage->addItem(tr("Has repeat callers"), int(ViewSpec::Usage::Repeat));
    m_usage->addItem(tr("Unlisted (usage only)"), int(ViewSpec::Usage::Unlisted));
    connect(m_usage, &QComboBox::currentIndexChanged, this, poke);

    auto spin = [&] {
        auto *s = new QSpinBox(this);
        s->setRange(0, 2'000'000'000);
        s->setSpecialValueText(tr("any"));
        s->setGroupSeparatorShown(true);
        s->setAccelerated(true);
        connect(s, &QSpinBox::valueChanged, this, poke);
        return s;
    };
    m_minCalls = spin();
    m_minRepeat = spin();
    m_evidence = new EvidenceFilters(this);
    connect(m_evidence, &EvidenceFilters::edited, this, poke);
    m_supply = new SupplyFilters(this);
    connect(m_supply, &SupplyFilters::edited, this, poke);

    // Listing dates have no data-bound day to start from: their calendars open at today.
    m_listedFrom = dateEdit(tr("any"), todayUtc);
    m_listedUntil = dateEdit(tr("any"), todayUtc);
    m_since = dateEdit(tr("all time"), [this] { return referenceDay(); });
    m_until = dateEdit(tr("all time"), [this] { return referenceDay(); });
    m_listedFrom->setObjectName(QStringLiteral("listedFrom"));
    m_listedUntil->setObjectName(QStringLiteral("listedUntil"));
    m_since->setObjectName(QStringLiteral("since"));
    m_until->setObjectName(QStringLiteral("until"));

    // Quick picks for the usage window, applied at once. The button names the period the
    // window matches, so that a restored or typed window that happens to be one reads as such.
    m_period = new QToolButton(this);
    m_period->setObjectName(QStringLiteral("period"));
    m_period->setPopupMode(QToolButton::InstantPopup);
    m_period->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_period->setFocusPolicy(Qt::TabFocus);
    m_period->setAccessibleName(tr("Usage window period"));
    m_period->setToolTip(tr("Set Since and Until to a common period. Periods end on the last day "
                            "with usage data, or today when there is none."));
    auto *periods = new QMenu(m_period);
    m_periodNote = periods->addAction(QString());
    m_periodNote->setEnabled(false);
    periods->addSeparator();
    const std::pair<Period, QString> picks[] = {{Period::Last7Days, tr("Last 7 days")},
                                                {Period::Last30Days, tr("Last 30 days")},
                                                {Period::Last90Days, tr("Last 90 days")},
                                                {Period::ThisMonth, tr("This month")},
                                                {Period::AllTime, tr("All time")}};
    for (const auto &[period, text] : picks) {
        QAction *a = periods->addAction(text);
        a->setCheckable(true);
        a->setData(int(period));
        connect(a, &QAction::triggered, this, [this, period = period] { pickPeriod(period); });
        m_periodActions.append(a);
    }
    connect(periods, &QMenu::aboutToShow, this, [this] {
        // Which day the periods end on, so that "Last 7 days" of old data is no surprise.
        const QString last = referenceDay().toString(Qt::ISODate);
        if (m_firstUsageDay) {
            const QString first = QDate(1970, 1, 1).addDays(*m_firstUsageDay).toString(Qt::ISODate);
            m_periodNote->setText(tr("Usage data from %1 to %2").arg(first, last));
        } else {
            m_periodNote->setText(tr("No usage data: periods end today, %1 (UTC)").arg(last));
        }
        showPeriod();
    });
    m_period->setMenu(periods);
    for (QDateEdit *e : {m_since, m_until})
        connect(e, &QDateEdit::dateChanged, this, &FilterPanel::showPeriod);
    showPeriod();

    auto *clear = new QPushButton(tr("Clear all"), this);
    clear->setObjectName(QStringLiteral("clearAll"));
    connect(clear, &QPushButton::clicked, this, &FilterPanel::clearAll);

    // Fields take the panel's width, whatever their own size hints (long values, big ranges).
    for (QWidget *w : std::initializer_list<QWidget *>{m_search, m_task, m_author, m_license, m_framework, m_usage,
                                                       m_minCalls, m_minRepeat, m_listedFrom, m_listedUntil, m_since,
                                                       m_until, m_period}) {
        w->setSizePolicy(QSizePolicy::Ignored, w->sizePolicy().verticalPolicy());
        w->setMinimumWidth(90);
    }

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->addRow(tr("Search"), m_search);
    form->addRow(tr("Task"), m_task);
    form->addRow(tr("Author"), m_author);
    form->addRow(tr("Licence"), m_license);
    form->addRow(tr("Framework"), m_framework);
    form->addRow(tr("Usage"), m_usage);
    form->addRow(tr("Min. calls"), m_minCalls);
    form->addRow(tr("Min. repeat"), m_minRepeat);

    auto section = [this](const QString &text) {
        auto *l = new QLabel(text, this);
        QFont f = l->font();
        f.setBold(true);
        l->setFont(f);
        return l;
    };
    auto *listed = new QFormLayout;
    listed->addRow(tr("From"), m_listedFrom);
    listed->addRow(tr("Until"), m_listedUntil);
    auto *window = new QFormLayout;
    window->addRow(tr("Period"), m_period);
    window->addRow(tr("Since"), m_since);
    window->addRow(tr("Until"), m_until);
    const QString dateTip = tr("Type a date as year-month-day, or open the calendar with Alt+Down. "
                               "Select all and press Delete to remove the limit.");
    for (QDateEdit *e : {m_listedFrom, m_listedUntil, m_since, m_until})
        e->setToolTip(dateTip);

    // The quick picks come before the fields they fill, as on screen.
    setTabOrder(m_listedUntil, m_period);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_count);
    layout->addLayout(form);
    layout->addSpacing(6);
    QLabel *evidenceTitle = section(tr("Callers who stay"));
    evidenceTitle->setToolTip(tr("Demand evidence, in the usage window when there is one: do callers come back, "
                                 "and is the usage spread over many of them?"));
    layout->addWidget(evidenceTitle);
    layout->addWidget(m_evidence);
    layout->addSpacing(6);
    QLabel *supplyTitle = section(tr("Size and access"));
    supplyTitle->setToolTip(tr("What the registry lists about the model itself: its size in parameters, and "
                               "whether its files are gated."));
    layout->addWidget(supplyTitle);
    layout->addWidget(m_supply);
    layout->addSpacing(6);
    layout->addWidget(section(tr("Listed between")));
    layout->addLayout(listed);
    layout->addSpacing(6);
    layout->addWidget(section(tr("Usage window (UTC days)")));
    layout->addLayout(window);
    layout->addSpacing(6);
    layout->addWidget(clear);
    layout->addStretch(1);
    setMatchCount(0, false);
}

QComboBox *FilterPanel::pickList(const QString &placeholder)
{
    auto *box = new QComboBox(this);
    box->setEditable(true);
    box->setInsertPolicy(QComboBox::NoInsert);
    box->setMaxVisibleItems(20);
    box->setMinimumContentsLength(8);
    box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    box->lineEdit()->setPlaceholderText(placeholder);
    box->lineEdit()->setClearButtonEnabled(true);
    box->setItemDelegate(new CountDelegate(box));
    // Suggest in a list as one types, rather than completing inline: an inline completion would
    // silently filter by a longer value than the one typed.
    box->completer()->setCompletionMode(QCompleter::PopupCompletion);
    box->completer()->setFilterMode(Qt::MatchContains);
    box->completer()->setCaseSensitivity(Qt::CaseInsensitive);
    connect(box, &QComboBox::currentTextChanged, this, [this] { m_debounce.start(); });
    return box;
}

QDateEdit *FilterPanel::dateEdit(const QString &none, std::function<QDate()> reference)
{
    auto *e = new DateField(none, std::move(reference), this);
    connect(e, &QDateEdit::dateChanged, this, [this] { m_debounce.start(); });
    return e;
}

void FilterPanel::setUsageDays(qint64 firstDay, qint64 lastDay)
{
    if (lastDay < firstDay) {
        m_firstUsageDay.reset();
        m_lastUsageDay.reset();
    } else {
        m_firstUsageDay = firstDay;
        m_lastUsageDay = lastDay;
    }
    showPeriod();
}

QDate FilterPanel::referenceDay() const
{
    const QDate day = m_lastUsageDay ? QDate(1970, 1, 1).addDays(*m_lastUsageDay) : todayUtc();
    // Within what the fields can show, past the day that stands for "no limit".
    return std::clamp(day, kNoDate.addDays(1), kLastDate);
}

std::pair<QDate, QDate> FilterPanel::periodRange(Period period) const
{
    const QDate last = referenceDay();
    switch (period) {
    case Period::Last7Days:
        return {last.addDays(-6), last};
    case Period::Last30Days:
        return {last.addDays(-29), last};
    case Period::Last90Days:
        return {last.addDays(-89), last};
    case Period::ThisMonth:
        return {QDate(last.year(), last.month(), 1), last};
    case Period::AllTime:
        break;
    }
    return {};
}

void FilterPanel::pickPeriod(Period period)
{
    const auto [since, until] = periodRange(period);
    m_since->setDate(since.isValid() ? since : kNoDate);
    m_until->setDate(until.isValid() ? until : kNoDate);
    // A deliberate pick: apply it now rather than after the typing pause.
    m_debounce.stop();
    emit changed();
}

void FilterPanel::showPeriod()
{
    const QDate since = m_since->date() > kNoDate ? m_since->date() : QDate();
    const QDate until = m_until->date() > kNoDate ? m_until->date() : QDate();
    QString text = tr("Custom");
    for (QAction *a : std::as_const(m_periodActions)) {
        const bool match = periodRange(Period(a->data().toInt())) == std::pair(since, until);
        a->setChecked(match);
        if (match)
            text = a->text();
    }
    m_period->setText(text);
}

void FilterPanel::setList(QComboBox *box, const FilterChoices::List &items)
{
    const QString text = box->currentText();
    const QSignalBlocker block(box);
    box->clear();
    box->addItem(QString());
    auto *model = qobject_cast<QStandardItemModel *>(box->model());
    for (const auto &[value, count] : items) {
        box->addItem(value);
        if (model)
            model->item(model->rowCount() - 1)->setData(count, CountRole);
    }
    box->setCurrentIndex(-1);
    box->setEditText(text);
    // The pop-up as wide as its longest entry needs (within reason), not as narrow as the box:
    // the names and their counts side by side.
    const QFontMetrics fm(box->view()->font());
    int widest = 0;
    for (const auto &[value, count] : items)
        widest = std::max(widest, CountDelegate::neededWidth(fm, value, count));
    const int scrollBar = box->view()->style()->pixelMetric(QStyle::PM_ScrollBarExtent);
    box->view()->setMinimumWidth(std::min(widest + scrollBar, kMaxPopupWidth));
}

void FilterPanel::setChoices(const FilterChoices &choices)
{
    setList(m_task, choices.tasks);
    setList(m_author, choices.authors);
    setList(m_license, choices.licenses);
    setList(m_framework, choices.frameworks);
    // Quick picks and calendars start from the data's last day.
    setUsageDays(choices.firstUsageDay, choices.lastUsageDay);
}

void FilterPanel::setMatchCount(qint64 count, bool final)
{
    // %Ln: the number in the user's locale, and the plural form that goes with it.
    const int n = int(std::min<qint64>(count, std::numeric_limits<int>::max()));
    if (!final)
        m_count->setText(tr("%Ln+ matching model(s)\u2026", nullptr, n));
    else
        m_count->setText(tr("%Ln matching model(s)", nullptr, n));
}

void FilterPanel::clearAll()
{
    m_search->clear();
    for (QComboBox *box : {m_task, m_author, m_license, m_framework})
        box->setEditText(QString());
    m_usage->setCurrentIndex(0);
    m_minCalls->setValue(0);
    m_minRepeat->setValue(0);
    m_evidence->clear();
    m_supply->clear();
    for (QDateEdit *e : {m_listedFrom, m_listedUntil, m_since, m_until})
        e->setDate(kNoDate);
    // Clearing is a deliberate act: apply it now rather than after the typing pause.
    m_debounce.stop();
    emit changed();
}

void FilterPanel::setTask(const QString &task)
{
    m_task->setEditText(task);
    m_debounce.stop();
    emit changed();
}

void FilterPanel::setAuthor(const QString &author)
{
    m_author->setEditText(author);
    m_debounce.stop();
    emit changed();
}

void FilterPanel::setSearch(const QString &text)
{
    m_search->setText(text);
    m_debounce.stop();
    emit changed();
}

namespace {

const QString kSearch = QStringLiteral("search"), kTask = QStringLiteral("task"), kAuthor = QStringLiteral("author"),
              kLicense = QStringLiteral("license"), kFramework = QStringLiteral("framework"),
              kUsage = QStringLiteral("usage"), kMinCalls = QStringLiteral("minCalls"),
              kMinRepeat = QStringLiteral("minRepeatCallers"), kListedFrom = QStringLiteral("listedFrom"),
              kListedUntil = QStringLiteral("listedUntil"), kSince = QStringLiteral("since"),
              kUntil = QStringLiteral("until");

} // namespace

QVariantMap FilterPanel::state() const
{
    QVariantMap m;
    auto text = [&m](const QString &key, const QString &value) {
        if (!value.isEmpty())
            m.insert(key, value);
    };
    text(kSearch, m_search->text().trimmed());
    text(kTask, pickedValue(m_task));
    text(kAuthor, pickedValue(m_author));
    text(kLicense, pickedValue(m_license));
    text(kFramework, pickedValue(m_framework));
    const auto usage = ViewSpec::Usage(m_usage->currentData().toInt());
    if (usage != ViewSpec::Usage::All)
        m.insert(kUsage, ViewSpec::usageName(usage));
    if (m_minCalls->value() > 0)
        m.insert(kMinCalls, m_minCalls->value());
    if (m_minRepeat->value() > 0)
        m.insert(kMinRepeat, m_minRepeat->value());
    m_evidence->saveTo(m);
    m_supply->saveTo(m);
    // Dates as ISO text: readable in the settings file and independent of the locale.
    const std::pair<const QString *, const QDateEdit *> dates[] = {
        {&kListedFrom, m_listedFrom}, {&kListedUntil, m_listedUntil}, {&kSince, m_since}, {&kUntil, m_until}};
    for (const auto &[key, edit] : dates)
        if (edit->date() > kNoDate)
            m.insert(*key, edit->date().toString(Qt::ISODate));
    return m;
}

void FilterPanel::setState(const QVariantMap &state)
{
    m_search->setText(state.value(kSearch).toString());
    m_task->setEditText(state.value(kTask).toString());
    m_author->setEditText(state.value(kAuthor).toString());
    m_license->setEditText(state.value(kLicense).toString());
    m_framework->setEditText(state.value(kFramework).toString());
    const auto usage = ViewSpec::usageFromName(state.value(kUsage).toString()).value_or(ViewSpec::Usage::All);
    m_usage->setCurrentIndex(std::max(0, m_usage->findData(int(usage))));
    m_minCalls->setValue(state.value(kMinCalls).toInt());
    m_minRepeat->setValue(state.value(kMinRepeat).toInt());
    m_evidence->restoreFrom(state);
    m_supply->restoreFrom(state);
    const std::pair<const QString *, QDateEdit *> dates[] = {
        {&kListedFrom, m_listedFrom}, {&kListedUntil, m_listedUntil}, {&kSince, m_since}, {&kUntil, m_until}};
    for (const auto &[key, edit] : dates) {
        const QDate d = QDate::fromString(state.value(*key).toString(), Qt::ISODate);
        edit->setDate(d.isValid() ? d : kNoDate);
    }
    // Restored, not typed: nothing to apply after a pause.
    m_debounce.stop();
}

QString FilterPanel::pickedValue(const QComboBox *box)
{
    return box->currentText().trimmed();
}

std::optional<std::int64_t> FilterPanel::dayOf(const QDateEdit *edit)
{
    const QDate d = edit->date();
    if (d <= kNoDate)
        return std::nullopt;
    return TextRules::daysFromCivil(d.year(), unsigned(d.month()), unsigned(d.day()));
}

void FilterPanel::fill(ViewSpec &spec) const
{
    spec.search = m_search->text().trimmed();
    spec.task = pickedValue(m_task);
    spec.author = pickedValue(m_author);
    spec.license = pickedValue(m_license);
    spec.framework = pickedValue(m_framework);
    spec.usage = ViewSpec::Usage(m_usage->currentData().toInt());
    spec.minCalls = m_minCalls->value() > 0 ? std::optional<std::int64_t>(m_minCalls->value()) : std::nullopt;
    spec.minRepeatCallers = m_minRepeat->value() > 0 ? std::optional<std::int64_t>(m_minRepeat->value()) : std::nullopt;
    m_evidence->fill(spec);
    m_supply->fill(spec);
    spec.listedFromDay = dayOf(m_listedFrom);
    spec.listedUntilDay = dayOf(m_listedUntil);
    spec.sinceDay = dayOf(m_since);
    spec.untilDay = dayOf(m_until);
}

} // namespace uptake
