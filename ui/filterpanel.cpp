#include "filterpanel.h"

#include "textrules.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QComboBox>
#include <QCompleter>
#include <QDate>
#include <QDateEdit>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPainter>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardItemModel>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>

namespace {

constexpr int CountRole = Qt::UserRole + 1;

// A pick list's pop-up grows to fit its entries up to this width; longer names are elided.
constexpr int kMaxPopupWidth = 560;

// The earliest date of a QDateEdit stands for "no limit" (shown as its special text).
const QDate kNoDate(2000, 1, 1);

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

    m_listedFrom = dateEdit(tr("any"));
    m_listedUntil = dateEdit(tr("any"));
    m_since = dateEdit(tr("all time"));
    m_until = dateEdit(tr("all time"));

    auto *clear = new QPushButton(tr("Clear all"), this);
    clear->setObjectName(QStringLiteral("clearAll"));
    connect(clear, &QPushButton::clicked, this, &FilterPanel::clearAll);

    // Fields take the panel's width, whatever their own size hints (long values, big ranges).
    for (QWidget *w : std::initializer_list<QWidget *>{m_search, m_task, m_author, m_license, m_framework, m_usage,
                                                       m_minCalls, m_minRepeat, m_listedFrom, m_listedUntil, m_since,
                                                       m_until}) {
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
    window->addRow(tr("Since"), m_since);
    window->addRow(tr("Until"), m_until);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_count);
    layout->addLayout(form);
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

QDateEdit *FilterPanel::dateEdit(const QString &none)
{
    auto *e = new QDateEdit(this);
    e->setCalendarPopup(true);
    e->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    e->setMinimumDate(kNoDate);
    e->setMaximumDate(QDate(2100, 12, 31));
    e->setSpecialValueText(none);
    e->setDate(kNoDate);
    connect(e, &QDateEdit::dateChanged, this, [this] { m_debounce.start(); });
    return e;
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
    spec.listedFromDay = dayOf(m_listedFrom);
    spec.listedUntilDay = dayOf(m_listedUntil);
    spec.sinceDay = dayOf(m_since);
    spec.untilDay = dayOf(m_until);
}
