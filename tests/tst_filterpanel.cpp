#include "browser/filterpanel.h"
#include "text/textrules.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCalendarWidget>
#include <QComboBox>
#include <QDateEdit>
#include <QDateTime>
#include <QLineEdit>
#include <QMenu>
#include <QSignalSpy>
#include <QStyle>
#include <QStyleOptionComboBox>
#include <QTest>
#include <QTimer>
#include <QToolButton>

#include <memory>

using namespace uptake;

Q_DECLARE_METATYPE(FilterPanel::Period)

namespace {

std::int64_t dayOf(const QDate &d)
{
    return TextRules::daysFromCivil(d.year(), unsigned(d.month()), unsigned(d.day()));
}

QString dayText(const std::optional<std::int64_t> &day)
{
    if (!day)
        return QStringLiteral("no limit");
    return QDate(1970, 1, 1).addDays(*day).toString(Qt::ISODate);
}

const QDate kReference(2026, 11, 20);

} // namespace

// The filter panel's date fields and the usage window's quick picks, offscreen: typing over
// "all time", the periods the picks stand for, and where the calendars open.
class TestFilterPanel : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();
    void typingADateGivesThatDay_data();
    void typingADateGivesThatDay();
    void clearingTheWholeTextMeansNoLimit_data();
    void clearingTheWholeTextMeansNoLimit();
    void steppingFromNoLimitStartsAtTheReference();
    void quickPicksGiveTheirDays_data();
    void quickPicksGiveTheirDays();
    void allTimeClearsTheWindow();
    void withoutUsageDaysPeriodsEndToday();
    void periodButtonNamesTheWindow();
    void calendarOfNoLimitOpensAtTheReference_data();
    void calendarOfNoLimitOpensAtTheReference();
    void periodButtonIsReachableAndNamed();
    void stateRoundTrips();
    void sizeAndAccessFilters();

private:
    QDateEdit *field(const char *name) const;
    QAction *pick(FilterPanel::Period period) const;
    static QRect arrowRect(QDateEdit *edit);
    std::unique_ptr<FilterPanel> m_panel;
};

void TestFilterPanel::init()
{
    m_panel = std::make_unique<FilterPanel>();
    m_panel->resize(320, 700);
    m_panel->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_panel.get()));
}

void TestFilterPanel::cleanup()
{
    m_panel.reset();
}

QDateEdit *TestFilterPanel::field(const char *name) const
{
    auto *e = m_panel->findChild<QDateEdit *>(QString::fromLatin1(name));
    if (!e)
        qWarning("no date field named %s", name);
    return e;
}

QAction *TestFilterPanel::pick(FilterPanel::Period period) const
{
    QToolButton *button = m_panel->periodButton();
    if (!button || !button->menu())
        return nullptr;
    for (QAction *a : button->menu()->actions())
        if (!a->isSeparator() && a->data().isValid() && a->data().toInt() == int(period))
            return a;
    return nullptr;
}

// Where a click opens a date field's calendar, as QDateTimeEdit finds it.
QRect TestFilterPanel::arrowRect(QDateEdit *edit)
{
    QStyleOptionComboBox opt;
    opt.initFrom(edit);
    opt.editable = true;
    opt.subControls = QStyle::SC_All;
    return edit->style()->subControlRect(QStyle::CC_ComboBox, &opt, QStyle::SC_ComboBoxArrow, edit);
}

void TestFilterPanel::typingADateGivesThatDay_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QDate>("reference");
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QDate>("expected");
    QTest::addColumn<QDate>("start");
    QTest::newRow("since, with dashes") << "since" << kReference << "2026-11-01" << QDate(2026, 11, 1) << QDate();
    QTest::newRow("since, digits only") << "since" << kReference << "20261101" << QDate(2026, 11, 1) << QDate();
    QTest::newRow("until, other year") << "until" << kReference << "2025-03-09" << QDate(2025, 3, 9) << QDate();
    // The reference's day (31) does not exist in the typed month: no clash, no revert.
    QTest::newRow("shorter month") << "since" << QDate(2026, 10, 31) << "2026-02-14" << QDate(2026, 2, 14) << QDate();
    QTest::newRow("listed from") << "listedFrom" << kReference << "2024-06-30" << QDate(2024, 6, 30) << QDate();
    // Over a date already there, all of it selected: typed from the start as well.
    QTest::newRow("over a date, all selected")
        << "since" << kReference << "2026-11-01" << QDate(2026, 11, 1) << QDate(2019, 4, 7);
}

void TestFilterPanel::typingADateGivesThatDay()
{
    QFETCH(QString, name);
    QFETCH(QDate, reference);
    QFETCH(QString, typed);
    QFETCH(QDate, expected);
    QFETCH(QDate, start);
    m_panel->setUsageDays(dayOf(reference) - 100, dayOf(reference));
    QDateEdit *e = field(name.toLatin1().constData());
    QVERIFY(e);
    QVERIFY2(e->date() == e->minimumDate(), "the field starts at no limit");
    if (start.isValid())
        e->setDate(start);
    // Click into the text (not the arrow), as one does before typing.
    QTest::mouseClick(e, Qt::LeftButton, {}, QPoint(12, e->height() / 2));
    QTRY_VERIFY(e->hasFocus());
    if (start.isValid())
        QTest::keyClick(e, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClicks(e, typed);
    QVERIFY2(e->date() == expected,
             qPrintable(QStringLiteral("typed %1, the field holds %2, shows \"%3\"")
                            .arg(typed, e->date().toString(Qt::ISODate), e->text())));
    QCOMPARE(e->text(), expected.toString(Qt::ISODate));
    // Leaving the field keeps it (no silent revert), and the view gets that day.
    for (int i = 0; i < 4 && e->hasFocus(); ++i)
        QTest::keyClick(e, Qt::Key_Tab);
    QVERIFY2(!e->hasFocus(), "Tab left the field");
    QCOMPARE(e->date(), expected);
    ViewSpec spec;
    m_panel->fill(spec);
    const std::optional<std::int64_t> got = name == QLatin1String("since") ? spec.sinceDay
        : name == QLatin1String("until")                                   ? spec.untilDay
                                                                           : spec.listedFromDay;
    QVERIFY2(got == dayOf(expected), qPrintable(QStringLiteral("fill() gives %1").arg(dayText(got))));
}

void TestFilterPanel::clearingTheWholeTextMeansNoLimit_data()
{
    QTest::addColumn<int>("key");
    QTest::newRow("Delete") << int(Qt::Key_Delete);
    QTest::newRow("Backspace") << int(Qt::Key_Backspace);
}

void TestFilterPanel::clearingTheWholeTextMeansNoLimit()
{
    QFETCH(int, key);
    QDateEdit *since = field("since");
    QVERIFY(since);
    since->setDate(QDate(2026, 5, 4));
    since->setFocus();
    QTRY_VERIFY(since->hasFocus());
    QTest::keyClick(since, Qt::Key_A, Qt::ControlModifier);
    QTest::keyClick(since, Qt::Key(key));
    QVERIFY2(since->date() == since->minimumDate(),
             qPrintable(QStringLiteral("after select all and a delete the field holds %1, shows \"%2\"")
                            .arg(since->date().toString(Qt::ISODate), since->text())));
    QCOMPARE(since->text(), since->specialValueText());
    ViewSpec spec;
    m_panel->fill(spec);
    QVERIFY2(!spec.sinceDay, qPrintable(QStringLiteral("fill() gives %1").arg(dayText(spec.sinceDay))));
}

void TestFilterPanel::steppingFromNoLimitStartsAtTheReference()
{
    m_panel->setUsageDays(dayOf(kReference) - 10, dayOf(kReference));
    QDateEdit *until = field("until");
    QVERIFY(until);
    until->setFocus();
    QTRY_VERIFY(until->hasFocus());
    QTest::keyClick(until, Qt::Key_Up);
    QVERIFY2(until->date() == kReference,
             qPrintable(QStringLiteral("Up from all time gave %1").arg(until->date().toString(Qt::ISODate))));
}

void TestFilterPanel::quickPicksGiveTheirDays_data()
{
    using P = FilterPanel::Period;
    QTest::addColumn<QDate>("reference");
    QTest::addColumn<P>("period");
    QTest::addColumn<QDate>("since");
    QTest::addColumn<QDate>("until");
    QTest::newRow("last 7 days") << kReference << P::Last7Days << QDate(2026, 11, 14) << kReference;
    QTest::newRow("last 30 days") << kReference << P::Last30Days << QDate(2026, 10, 22) << kReference;
    QTest::newRow("last 90 days") << kReference << P::Last90Days << QDate(2026, 8, 23) << kReference;
    QTest::newRow("this month") << kReference << P::ThisMonth << QDate(2026, 11, 1) << kReference;
    QTest::newRow("last 7 days, over a month end")
        << QDate(2026, 3, 1) << P::Last7Days << QDate(2026, 2, 23) << QDate(2026, 3, 1);
    QTest::newRow("this month, on its first day")
        << QDate(2026, 3, 1) << P::ThisMonth << QDate(2026, 3, 1) << QDate(2026, 3, 1);
    QTest::newRow("last 30 days, over a year end")
        << QDate(2027, 1, 10) << P::Last30Days << QDate(2026, 12, 12) << QDate(2027, 1, 10);
}

void TestFilterPanel::quickPicksGiveTheirDays()
{
    QFETCH(QDate, reference);
    QFETCH(FilterPanel::Period, period);
    QFETCH(QDate, since);
    QFETCH(QDate, until);
    m_panel->setUsageDays(dayOf(reference) - 400, dayOf(reference));
    QCOMPARE(m_panel->referenceDay(), reference);
    QAction *action = pick(period);
    QVERIFY2(action, "the quick-pick menu has the period");
    QVERIFY(!action->text().isEmpty());
    QSignalSpy changed(m_panel.get(), &FilterPanel::changed);
    action->trigger();
    // At once, not after the typing pause.
    QCOMPARE(changed.count(), 1);
    ViewSpec spec;
    m_panel->fill(spec);
    QVERIFY2(spec.sinceDay == dayOf(since) && spec.untilDay == dayOf(until),
             qPrintable(QStringLiteral("%1 gave %2..%3, expected %4..%5")
                            .arg(action->text(), dayText(spec.sinceDay), dayText(spec.untilDay),
                                 since.toString(Qt::ISODate), until.toString(Qt::ISODate))));
    // And only once: the field changes must not fire the typing pause's timer as well.
    QVERIFY2(!changed.wait(FilterPanel::DebounceMs * 2), "changed() came a second time after the pause");
    QCOMPARE(changed.count(), 1);
}

void TestFilterPanel::allTimeClearsTheWindow()
{
    m_panel->setUsageDays(dayOf(kReference) - 400, dayOf(kReference));
    field("since")->setDate(QDate(2026, 1, 5));
    field("until")->setDate(QDate(2026, 2, 5));
    QAction *all = pick(FilterPanel::Period::AllTime);
    QVERIFY2(all, "the quick-pick menu has All time");
    QSignalSpy changed(m_panel.get(), &FilterPanel::changed);
    all->trigger();
    QCOMPARE(changed.count(), 1);
    ViewSpec spec;
    m_panel->fill(spec);
    QVERIFY2(!spec.sinceDay && !spec.untilDay,
             qPrintable(QStringLiteral("All time left %1..%2").arg(dayText(spec.sinceDay), dayText(spec.untilDay))));
    QCOMPARE(field("since")->text(), field("since")->specialValueText());
    QCOMPARE(field("until")->text(), field("until")->specialValueText());
    QVERIFY2(!changed.wait(FilterPanel::DebounceMs * 2), "changed() came a second time after the pause");
}

void TestFilterPanel::withoutUsageDaysPeriodsEndToday()
{
    const QDate before = QDateTime::currentDateTimeUtc().date();
    QAction *week = pick(FilterPanel::Period::Last7Days);
    QVERIFY(week);
    week->trigger();
    const QDate after = QDateTime::currentDateTimeUtc().date();
    ViewSpec spec;
    m_panel->fill(spec);
    QVERIFY2(spec.untilDay == dayOf(before) || spec.untilDay == dayOf(after),
             qPrintable(QStringLiteral("ends on %1, today is %2")
                            .arg(dayText(spec.untilDay), after.toString(Qt::ISODate))));
    QVERIFY(spec.sinceDay && spec.untilDay && *spec.untilDay - *spec.sinceDay == 6);
    // No usage at all (last < first) is the same as not knowing.
    m_panel->setUsageDays(dayOf(kReference), dayOf(kReference) - 1);
    QVERIFY(m_panel->referenceDay() == before || m_panel->referenceDay() == after);
}

void TestFilterPanel::periodButtonNamesTheWindow()
{
    m_panel->setUsageDays(dayOf(kReference) - 400, dayOf(kReference));
    QToolButton *button = m_panel->periodButton();
    QVERIFY(button);
    QAction *all = pick(FilterPanel::Period::AllTime);
    QAction *month = pick(FilterPanel::Period::ThisMonth);
    QVERIFY(all && month);
    QCOMPARE(button->text(), all->text());
    month->trigger();
    QCOMPARE(button->text(), month->text());
    QVERIFY(month->isChecked() && !all->isChecked());
    // Typed over by hand: no longer "this month".
    field("since")->setDate(QDate(2026, 11, 2));
    QVERIFY2(button->text() != month->text() && !month->isChecked(), qPrintable(button->text()));
    m_panel->clearAll();
    QCOMPARE(button->text(), all->text());
}

void TestFilterPanel::calendarOfNoLimitOpensAtTheReference_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("byKeyboard");
    QTest::addColumn<bool>("usageWindow");
    QTest::newRow("since, arrow") << "since" << false << true;
    QTest::newRow("until, Alt+Down") << "until" << true << true;
    QTest::newRow("listed from, arrow: today") << "listedFrom" << false << false;
}

void TestFilterPanel::calendarOfNoLimitOpensAtTheReference()
{
    QFETCH(QString, name);
    QFETCH(bool, byKeyboard);
    QFETCH(bool, usageWindow);
    m_panel->setUsageDays(dayOf(kReference) - 400, dayOf(kReference));
    QDateEdit *e = field(name.toLatin1().constData());
    QVERIFY(e);
    QSignalSpy dateChanged(e, &QDateEdit::dateChanged);
    QSignalSpy changed(m_panel.get(), &FilterPanel::changed);
    const QDate today = QDateTime::currentDateTimeUtc().date();
    if (byKeyboard) {
        e->setFocus();
        QTRY_VERIFY(e->hasFocus());
        QTest::keyClick(e, Qt::Key_Down, Qt::AltModifier);
    } else {
        QTest::mouseClick(e, Qt::LeftButton, {}, arrowRect(e).center());
    }
    QCalendarWidget *calendar = e->calendarWidget();
    QVERIFY(calendar);
    QTRY_VERIFY2(calendar->isVisible(), "the calendar opened");
    const QDate expected = usageWindow ? kReference : today;
    QVERIFY2(calendar->yearShown() == expected.year() && calendar->monthShown() == expected.month(),
             qPrintable(QStringLiteral("the calendar shows %1-%2, expected %3")
                            .arg(calendar->yearShown())
                            .arg(calendar->monthShown())
                            .arg(expected.toString(QStringLiteral("yyyy-MM")))));
    QCOMPARE(calendar->selectedDate(), expected);
    // Opening is not choosing: the field still has no limit, and closing keeps it so.
    QCOMPARE(e->date(), e->minimumDate());
    QCOMPARE(dateChanged.count(), 0);
    QTest::keyClick(calendar, Qt::Key_Escape);
    QTRY_VERIFY2(!calendar->isVisible(), "Escape closed the calendar");
    QCOMPARE(e->date(), e->minimumDate());
    QCOMPARE(e->text(), e->specialValueText());
    QCOMPARE(dateChanged.count(), 0);
    QCOMPARE(changed.count(), 0);

    // A field with a date opens at that date, and Enter takes the day picked there.
    e->setDate(QDate(2025, 3, 10));
    QTest::mouseClick(e, Qt::LeftButton, {}, arrowRect(e).center());
    QTRY_VERIFY2(calendar->isVisible(), "the calendar opened again");
    QCOMPARE(calendar->selectedDate(), QDate(2025, 3, 10));
    QCOMPARE(calendar->yearShown(), 2025);
    QCOMPARE(calendar->monthShown(), 3);
    auto *days = calendar->findChild<QAbstractItemView *>();
    QVERIFY(days);
    QTest::keyClick(days, Qt::Key_Right);
    QTest::keyClick(days, Qt::Key_Return);
    QTRY_VERIFY2(!calendar->isVisible(), "Enter closed the calendar");
    QCOMPARE(e->date(), QDate(2025, 3, 11));
}

void TestFilterPanel::periodButtonIsReachableAndNamed()
{
    QToolButton *button = m_panel->periodButton();
    QVERIFY2(button, "there is a quick-pick button");
    QVERIFY2(!button->accessibleName().isEmpty(), "it has an accessible name");
    QVERIFY2(!button->toolTip().isEmpty(), "it has a tooltip");
    QVERIFY2(button->menu() && button->menu()->actions().size() >= 5, "it has the quick picks");
    QVERIFY(button->focusPolicy() & Qt::TabFocus);
    // Tab from the search field, through the fields before it (date fields take one Tab per
    // section), reaches it before Since.
    m_panel->activateWindow();
    m_panel->searchEdit()->setFocus(Qt::TabFocusReason);
    QTRY_VERIFY(m_panel->searchEdit()->hasFocus());
    bool reached = false;
    for (int i = 0; i < 60 && !reached; ++i) {
        QWidget *at = QApplication::focusWidget();
        QVERIFY(at);
        QVERIFY2(!field("since")->isAncestorOf(at) && at != field("since"), "Since came before the quick picks");
        QTest::keyClick(at, Qt::Key_Tab);
        reached = QApplication::focusWidget() == button;
    }
    QVERIFY2(reached, "Tab reaches the quick-pick button");
    // Space opens its menu (a modal loop: closed again as soon as it shows).
    QMenu *menu = button->menu();
    bool opened = false;
    const QMetaObject::Connection watch = connect(menu, &QMenu::aboutToShow, menu, [&opened, menu] {
        opened = true;
        QTimer::singleShot(0, menu, &QMenu::close);
    });
    QTest::keyClick(button, Qt::Key_Space);
    disconnect(watch);
    QVERIFY2(opened, "Space opened the quick picks");
}

void TestFilterPanel::stateRoundTrips()
{
    m_panel->setUsageDays(dayOf(kReference) - 400, dayOf(kReference));
    m_panel->pickPeriod(FilterPanel::Period::Last30Days);
    field("listedFrom")->setDate(QDate(2024, 1, 2));
    const QVariantMap state = m_panel->state();
    QCOMPARE(state.value(QStringLiteral("since")).toString(), QStringLiteral("2026-10-22"));
    QCOMPARE(state.value(QStringLiteral("until")).toString(), QStringLiteral("2026-11-20"));
    QCOMPARE(state.value(QStringLiteral("listedFrom")).toString(), QStringLiteral("2024-01-02"));
    QVERIFY2(!state.contains(QStringLiteral("listedUntil")), "no limit is not saved");

    FilterPanel other;
    other.setState(state);
    ViewSpec a, b;
    m_panel->fill(a);
    other.fill(b);
    QCOMPARE(b.sinceDay, a.sinceDay);
    QCOMPARE(b.untilDay, a.untilDay);
    QCOMPARE(b.listedFromDay, a.listedFromDay);
    QVERIFY(!b.listedUntilDay);
    QCOMPARE(other.state(), state);
    // The restored window is named for what it is once the same data is known.
    other.setUsageDays(dayOf(kReference) - 400, dayOf(kReference));
    QCOMPARE(other.periodButton()->text(), m_panel->periodButton()->text());

    other.setState({});
    ViewSpec c;
    other.fill(c);
    QVERIFY(!c.sinceDay && !c.untilDay && !c.listedFromDay);
    QVERIFY(other.state().isEmpty());
}

// Typed as people say a size, in the C and in the German decimal point; bad text filters
// nothing and shows as such; the state keeps counts, not the typing.
void TestFilterPanel::sizeAndAccessFilters()
{
    auto *min = m_panel->findChild<QLineEdit *>(QStringLiteral("minParameters"));
    auto *max = m_panel->findChild<QLineEdit *>(QStringLiteral("maxParameters"));
    auto *gated = m_panel->findChild<QComboBox *>(QStringLiteral("gated"));
    QVERIFY(min && max && gated);
    QSignalSpy changed(m_panel.get(), &FilterPanel::changed);
    QTest::keyClicks(min, QStringLiteral("1.5B"));
    QTest::keyClicks(max, QStringLiteral("70b"));
    gated->setCurrentIndex(gated->findText(QStringLiteral("open only")));
    QVERIFY(changed.wait()); // after the typing pause, as for the other fields
    ViewSpec spec;
    m_panel->fill(spec);
    QCOMPARE(spec.minParameters, std::optional<std::int64_t>(1'500'000'000));
    QCOMPARE(spec.maxParameters, std::optional<std::int64_t>(70'000'000'000));
    QCOMPARE(spec.gated, std::optional<bool>(false));
    QVERIFY(min->styleSheet().isEmpty());

    const QVariantMap state = m_panel->state();
    QCOMPARE(state.value(QStringLiteral("minParameters")).toLongLong(), 1'500'000'000);
    QCOMPARE(state.value(QStringLiteral("gated")), QVariant(false));
    FilterPanel other;
    other.setState(state);
    ViewSpec restored;
    other.fill(restored);
    QCOMPARE(restored.minParameters, spec.minParameters);
    QCOMPARE(restored.maxParameters, spec.maxParameters);
    QCOMPARE(restored.gated, spec.gated);

    // A German user types a decimal comma.
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    min->clear();
    QTest::keyClicks(min, QStringLiteral("2,5M"));
    m_panel->fill(spec);
    QLocale::setDefault(before);
    QCOMPARE(spec.minParameters, std::optional<std::int64_t>(2'500'000));

    // Not a count: no filter, and the field says so.
    min->clear();
    QTest::keyClicks(min, QStringLiteral("big"));
    m_panel->fill(spec);
    QVERIFY(!spec.minParameters);
    QVERIFY(!min->styleSheet().isEmpty());

    m_panel->clearAll();
    m_panel->fill(spec);
    QVERIFY(!spec.minParameters && !spec.maxParameters && !spec.gated);
    QVERIFY(min->text().isEmpty() && min->styleSheet().isEmpty());
}

QTEST_MAIN(TestFilterPanel)
#include "tst_filterpanel.moc"
