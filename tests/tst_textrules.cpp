#include "db/callkey.h"
#include "text/textrules.h"

#include <QDate>
#include <QTest>

using namespace uptake;

using namespace TextRules;

class TestTextRules : public QObject
{
    Q_OBJECT

private slots:
    void timestamps_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("expected"); // -1 = rejected
        const qint64 march1 = 1772323200; // 2026-03-01T00:00:00Z
        QTest::newRow("Z") << "2026-03-01T12:00:00Z" << march1 + 12 * 3600;
        QTest::newRow("no offset is UTC") << "2026-03-01T12:00:00" << march1 + 12 * 3600;
        QTest::newRow("offset crosses midnight back")
            << "2026-03-01T23:59:59+02:00" << march1 + 23 * 3600 + 59 * 60 + 59 - 7200;
        QTest::newRow("negative offset crosses midnight forward") << "2026-02-28T23:30:00-01:00" << march1 + 1800;
        QTest::newRow("compact offset") << "2026-03-01T02:00:00+0200" << march1;
        QTest::newRow("hour-only offset") << "2026-03-01T02:00:00+02" << march1;
        QTest::newRow("fraction") << "2026-03-01T00:00:00.999Z" << march1;
        QTest::newRow("space separator") << "2026-03-01 00:00:01" << march1 + 1;
        QTest::newRow("no seconds") << "2026-03-01T00:01Z" << march1 + 60;
        QTest::newRow("unix seconds") << "1772496000" << qint64(1772496000);
        QTest::newRow("unix zero") << "0" << qint64(0);
        QTest::newRow("date only") << "2026-03-01" << march1;
        QTest::newRow("leap day") << "2024-02-29T00:00:00Z" << qint64(1709164800);
        QTest::newRow("padded") << "  2026-03-01T00:00:00Z " << march1;
        QTest::newRow("not a leap day") << "2026-02-29T00:00:00Z" << qint64(-1);
        QTest::newRow("month 13") << "2026-13-01T00:00:00Z" << qint64(-1);
        QTest::newRow("hour 24") << "2026-03-01T24:00:00Z" << qint64(-1);
        QTest::newRow("garbage tail") << "2026-03-01T00:00:00Zjunk" << qint64(-1);
        QTest::newRow("words") << "yesterday" << qint64(-1);
        QTest::newRow("empty") << "" << qint64(-1);
        QTest::newRow("negative unix") << "-5" << qint64(-1);
        QTest::newRow("float unix") << "1772496000.5" << qint64(-1);
        QTest::newRow("bad offset") << "2026-03-01T00:00:00+25:00" << qint64(-1);
    }

    void timestamps()
    {
        QFETCH(QString, text);
        QFETCH(qint64, expected);
        const std::string s = text.toStdString();
        const auto t = parseTimestamp(s);
        if (expected < 0) {
            QVERIFY2(!t.has_value(), s.c_str());
        } else {
            QVERIFY2(t.has_value(), s.c_str());
            QCOMPARE(qint64(*t), expected);
        }
    }

    void formatting()
    {
        QCOMPARE(QString::fromStdString(formatTimestamp(1772323200 + 3661)), QStringLiteral("2026-03-01T01:01:01Z"));
        QCOMPARE(QString::fromStdString(formatDay(0)), QStringLiteral("1970-01-01"));
        QCOMPARE(QString::fromStdString(formatTimestamp(-1)), QStringLiteral("1969-12-31T23:59:59Z"));
        for (std::int64_t d = -800; d < 80000; d += 37) {
            int y;
            unsigned m, dd;
            civilFromDays(d, y, m, dd);
            QCOMPARE(daysFromCivil(y, m, dd), d);
            QCOMPARE(parseDay(formatDay(d)), std::optional<std::int64_t>(d));
            // A second calendar: Qt's.
            const QDate q = QDate(1970, 1, 1).addDays(d);
            QCOMPARE(y, q.year());
            QCOMPARE(int(m), q.month());
            QCOMPARE(int(dd), q.day());
            // Its week: the Monday on or before it, by Qt's weekday too.
            const std::int64_t monday = mondayOf(weekOf(d));
            QVERIFY(monday <= d && d < monday + 7);
            QCOMPARE(QDate(1970, 1, 1).addDays(monday).dayOfWeek(), 1);
        }
        // Leap days: every fourth year, not every hundredth, every four hundredth.
        QVERIFY(parseDay("2024-02-29").has_value());
        QVERIFY(parseDay("2000-02-29").has_value());
        QVERIFY(!parseDay("1900-02-29").has_value());
        QVERIFY(!parseDay("2026-02-29").has_value());
        QVERIFY(!parseDay("2026-04-31").has_value());
        QVERIFY(!parseDay("2026-13-01").has_value());
        QVERIFY(!parseDay("2026-00-10").has_value());
        QVERIFY(!parseDay("2026-01-00").has_value());
    }

    // The sortable call keys: a time decodes to itself, a day-only key sorts before (first)
    // or after (last) every time of its day, and twice the stored value keeps the order.
    void callKeys()
    {
        for (const std::int64_t t : {std::int64_t(0), std::int64_t(1), std::int64_t(86399), std::int64_t(1772323200),
                                     std::int64_t(-1), std::int64_t(-86401), std::int64_t(-2000000000)}) {
            QVERIFY(!CallKey::firstIsDayOnly(CallKey::first(t)));
            QVERIFY(!CallKey::lastIsDayOnly(CallKey::last(t)));
            QCOMPARE(CallKey::timeOfFirst(CallKey::first(t)), t);
            QCOMPARE(CallKey::timeOfLast(CallKey::last(t)), t);
            QCOMPARE(CallKey::twiceStoredFirst(CallKey::first(t)), 2 * t);
            QCOMPARE(CallKey::twiceStoredLast(CallKey::last(t)), 2 * t);
            const std::int64_t day = t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
            QVERIFY(CallKey::firstOfDay(day) < CallKey::first(t));
            QVERIFY(CallKey::lastOfDay(day) > CallKey::last(t));
            QVERIFY(CallKey::firstOfDay(day + 1) > CallKey::first(t));
            QVERIFY(CallKey::lastOfDay(day - 1) < CallKey::last(t));
        }
        for (const std::int64_t day : {std::int64_t(0), std::int64_t(20514), std::int64_t(-1), std::int64_t(-800)}) {
            QVERIFY(CallKey::firstIsDayOnly(CallKey::firstOfDay(day)));
            QVERIFY(CallKey::lastIsDayOnly(CallKey::lastOfDay(day)));
            QCOMPARE(CallKey::midnightOfFirst(CallKey::firstOfDay(day)), day * 86400);
            QCOMPARE(CallKey::midnightOfLast(CallKey::lastOfDay(day)), day * 86400);
            // A day-only call is stored as midnight + 0.5 s: twice that is 2 * midnight + 1.
            QCOMPARE(CallKey::twiceStoredFirst(CallKey::firstOfDay(day)), 2 * day * 86400 + 1);
            QCOMPARE(CallKey::twiceStoredLast(CallKey::lastOfDay(day)), 2 * day * 86400 + 1);
        }
    }

    void fees_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("nano");
        QTest::addColumn<bool>("rounded");
        QTest::addColumn<int>("error");
        const int ok = int(FeeError::None);
        QTest::newRow("plain") << "0.002" << qint64(2000000) << false << ok;
        QTest::newRow("integer") << "12" << qint64(12000000000) << false << ok;
        QTest::newRow("nine digits") << "0.000000001" << qint64(1) << false << ok;
        QTest::newRow("half-even down") << "0.0000000025" << qint64(2) << true << ok;
        QTest::newRow("half-even up") << "0.0000000035" << qint64(4) << true << ok;
        QTest::newRow("sample 1.5e-9") << "0.0000000015" << qint64(2) << true << ok;
        QTest::newRow("above half") << "0.00000000250001" << qint64(3) << true << ok;
        QTest::newRow("below half") << "0.0000000024999" << qint64(2) << true << ok;
        QTest::newRow("trailing zeros are not rounding") << "1.50000000000" << qint64(1500000000) << false << ok;
        QTest::newRow("leading dot") << ".5" << qint64(500000000) << false << ok;
        QTest::newRow("trailing dot") << "5." << qint64(5000000000) << false << ok;
        QTest::newRow("minus zero") << "-0.0" << qint64(0) << false << ok;
        QTest::newRow("plus sign") << "+1" << qint64(1000000000) << false << ok;
        QTest::newRow("negative") << "-0.5" << qint64(0) << false << int(FeeError::Negative);
        QTest::newRow("exponent") << "1e-3" << qint64(0) << false << int(FeeError::Syntax);
        QTest::newRow("comma") << "0,5" << qint64(0) << false << int(FeeError::Syntax);
        QTest::newRow("two dots") << "1.2.3" << qint64(0) << false << int(FeeError::Syntax);
        QTest::newRow("dot only") << "." << qint64(0) << false << int(FeeError::Syntax);
        QTest::newRow("empty") << "" << qint64(0) << false << int(FeeError::Empty);
        QTest::newRow("huge") << "99999999999999999999" << qint64(0) << false << int(FeeError::TooLarge);
        QTest::newRow("nan") << "NaN" << qint64(0) << false << int(FeeError::Syntax);
    }

    void fees()
    {
        QFETCH(QString, text);
        QFETCH(qint64, nano);
        QFETCH(bool, rounded);
        QFETCH(int, error);
        Fee fee;
        QCOMPARE(int(parseFee(text.toStdString(), fee)), error);
        if (error == int(FeeError::None)) {
            QCOMPARE(qint64(fee.nano), nano);
            QCOMPARE(fee.rounded, rounded);
        }
    }

    void feeFormatting()
    {
        QCOMPARE(formatFee(0), std::string("0"));
        QCOMPARE(formatFee(2000000), std::string("0.002"));
        QCOMPARE(formatFee(12000000001), std::string("12.000000001"));
        QCOMPARE(formatFee(1500000000), std::string("1.5"));
    }

    void modes_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<int>("mode"); // -1 = rejected
        QTest::newRow("empty") << "" << int(Mode::Vanilla);
        QTest::newRow("vanilla") << "Vanilla" << int(Mode::Vanilla);
        QTest::newRow("tee") << "TEE" << int(Mode::Tee);
        QTest::newRow("zkml") << "ZKml" << int(Mode::Zkml);
        QTest::newRow("sdk 0") << "0" << int(Mode::Vanilla);
        QTest::newRow("sdk 1 is zkml") << "1" << int(Mode::Zkml);
        QTest::newRow("sdk 2 is tee") << "2" << int(Mode::Tee);
        QTest::newRow("sdk 3") << "3" << -1;
        QTest::newRow("other") << "sgx" << -1;
    }

    void modes()
    {
        QFETCH(QString, text);
        QFETCH(int, mode);
        const auto m = parseMode(text.toStdString());
        QCOMPARE(m.has_value() ? int(*m) : -1, mode);
    }

    void callers()
    {
        QCOMPARE(normaliseCaller("  0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed "),
                 std::string("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"));
        QCOMPARE(normaliseCaller("0X5AAEB6053F3E94C9B9A09F33669435E7EF1BEAED"),
                 std::string("0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed"));
        // Not an address (41 hex digits, or non-hex): case is kept.
        QCOMPARE(normaliseCaller("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedA"),
                 std::string("0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAedA"));
        QCOMPARE(normaliseCaller("Agent-42"), std::string("Agent-42"));
        QCOMPARE(normaliseCaller("\tagent-42\r"), std::string("agent-42"));
    }

    void status()
    {
        QCOMPARE(parseFailedStatus(""), std::optional<bool>(false));
        QCOMPARE(parseFailedStatus("OK"), std::optional<bool>(false));
        QCOMPARE(parseFailedStatus("error"), std::optional<bool>(true));
        QCOMPARE(parseFailedStatus("failed"), std::nullopt);
    }

    void yesNo()
    {
        for (const char *t : {"", " ", "0", "false", "FALSE", " False "})
            QCOMPARE(parseBool(t), std::optional<bool>(false));
        for (const char *t : {"1", "true", "TRUE", " True "})
            QCOMPARE(parseBool(t), std::optional<bool>(true));
        for (const char *t : {"yes", "2", "truth", "t", "-1"})
            QCOMPARE(parseBool(t), std::nullopt);
    }

    void gated()
    {
        for (const char *t : {"0", "false", "FALSE", " no "})
            QCOMPARE(parseGated(t), std::optional<bool>(false));
        for (const char *t : {"1", "true", "Yes", "auto", " Manual "})
            QCOMPARE(parseGated(t), std::optional<bool>(true));
        for (const char *t : {"", " ", "sometimes", "2", "gated"})
            QCOMPARE(parseGated(t), std::nullopt);
    }

    void wholeNumbers_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("negative");
        QTest::addColumn<qint64>("expected"); // -99 for "not a whole number"
        QTest::newRow("digits") << "136731648" << false << qint64(136731648);
        QTest::newRow("trimmed") << " 7 " << false << qint64(7);
        QTest::newRow("a float's .0") << "136731648.0" << false << qint64(136731648);
        QTest::newRow("rounded half away") << "2.5" << false << qint64(3);
        QTest::newRow("more digits than a double") << "23907532.8000000007" << false << qint64(23907533);
        QTest::newRow("17 digits, exact") << "12345678901234567" << false << qint64(12345678901234567);
        QTest::newRow("19 digits, exact") << "1234567890123456789" << false << qint64(1234567890123456789);
        QTest::newRow("the largest") << "9223372036854775807" << false << qint64(9223372036854775807);
        QTest::newRow("one past it") << "9223372036854775808" << false << qint64(-99);
        QTest::newRow("exponent") << "7.1e9" << false << qint64(7100000000);
        QTest::newRow("capital exponent") << "1E3" << false << qint64(1000);
        QTest::newRow("negative refused") << "-3" << false << qint64(-99);
        QTest::newRow("negative allowed") << "-3" << true << qint64(-3);
        QTest::newRow("beyond 64 bits") << "1e19" << false << qint64(-99);
        QTest::newRow("20 digits") << "99999999999999999999" << false << qint64(-99);
        QTest::newRow("inf") << "inf" << false << qint64(-99);
        QTest::newRow("nan") << "nan" << true << qint64(-99);
        QTest::newRow("suffix") << "7B" << false << qint64(-99);
        QTest::newRow("plus") << "+5" << false << qint64(-99);
        QTest::newRow("leading point") << ".5" << false << qint64(-99);
        QTest::newRow("hex") << "0x10" << false << qint64(-99);
        QTest::newRow("empty") << "" << false << qint64(-99);
        QTest::newRow("comma") << "1,5" << false << qint64(-99);
    }

    void wholeNumbers()
    {
        QFETCH(QString, text);
        QFETCH(bool, negative);
        QFETCH(qint64, expected);
        const QByteArray utf8 = text.toUtf8();
        const auto n = parseWhole(std::string_view(utf8.constData(), size_t(utf8.size())), negative);
        QCOMPARE(n ? qint64(*n) : qint64(-99), expected);
    }
};

QTEST_APPLESS_MAIN(TestTextRules)
#include "tst_textrules.moc"
