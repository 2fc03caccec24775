#include "db/cache.h"
#include "view/exporter.h"
#include "ingest/importer.h"
#include "ingest/ingest.h"
#include "testutil.h"
#include "text/textrules.h"

#include <QDir>
#include <QFile>
#include <QMap>
#include <QTemporaryDir>
#include <QTest>

#include <map>
#include <set>
#include <tuple>

// Usage roll-ups (contract 2b): detection, the same metrics as the raw calls they sum up,
// double-count refusal and --replace-days, bad rows, strict, dates alone in the snapshot,
// privacy, and rows from a source other than a file (what --from-postgres feeds in).

using namespace uptake;

namespace {

struct Outcome
{
    ImportReport report;
    QStringList errors; // "LINE: reason"
    QString failure; // ImportError message
};

Outcome run(Database &db, const QString &path, bool strict = false, bool force = false, bool replaceDays = false)
{
    ImportOptions opt;
    opt.kind = ImportOptions::Usage;
    opt.strict = strict;
    opt.force = force;
    opt.replaceDays = replaceDays;
    Outcome o;
    try {
        o.report = importFile(db, path, opt, {}, [&](const RowError &e) {
            o.errors << QStringLiteral("%1: %2").arg(e.line).arg(e.reason);
        });
    } catch (const ImportError &e) {
        o.failure = e.message();
    }
    return o;
}

QString fixture()
{
    return TestUtil::dataDir() + QStringLiteral("/warehouse/raw_calls.csv");
}

// The roll-up of the raw-calls fixture, computed here from the contract's rules (the first
// copy of an event_id counts; UTC days; callers normalised), as a warehouse would.
QByteArray rollUpFixture()
{
    QFile f(fixture());
    if (!f.open(QIODevice::ReadOnly))
        return {};
    struct Agg
    {
        std::int64_t calls = 0, failed = 0, verified = 0, fees = 0;
    };
    std::map<std::tuple<std::int64_t, std::string, std::string>, Agg> days;
    std::set<std::string> seen;
    const QList<QByteArray> lines = f.readAll().split('\n');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        if (lines[i].isEmpty())
            continue;
        const QList<QByteArray> c = lines[i].split(','); // event_id,timestamp,model_id,caller,mode,status,fee
        if (c.size() != 7)
            return {};
        const std::string eid(TextRules::trim(c[0].toStdString()));
        if (!eid.empty() && !seen.insert(eid).second)
            continue;
        const std::int64_t ts = *TextRules::parseTimestamp(c[1].toStdString(), false);
        const std::int64_t day = ts / 86400 - (ts % 86400 < 0);
        Agg &a = days[{day, std::string(TextRules::trim(c[2].toStdString())), TextRules::normaliseCaller(c[3].toStdString())}];
        ++a.calls;
        a.failed += *TextRules::parseFailedStatus(c[5].toStdString());
        a.verified += *TextRules::parseMode(c[4].toStdString()) != TextRules::Mode::Vanilla;
        TextRules::Fee fee;
        TextRules::parseFee(c[6].toStdString(), fee);
        a.fees += fee.nano;
    }
    QByteArray out = "day,model_id,caller,calls,failed_calls,verified_calls,fees\n";
    for (const auto &[k, a] : days)
        out += QByteArray::fromStdString(TextRules::formatDay(std::get<0>(k)) + "," + std::get<1>(k) + "," + std::get<2>(k) + ","
                                         + std::to_string(a.calls) + "," + std::to_string(a.failed) + ","
                                         + std::to_string(a.verified) + "," + TextRules::formatFee(a.fees) + "\n");
    return out;
}

using Table = QMap<QString, QMap<QString, QString>>; // model_id -> column -> cell

// The snapshot export of a view, by model and column (the test's model ids hold no commas).
Table exported(Database &db, const QString &path, const ViewSpec &spec = {})
{
    Exporter::exportCsv(db, spec, path);
    QFile f(path);
    Table t;
    if (!f.open(QIODevice::ReadOnly))
        return t;
    const QList<QByteArray> lines = f.readAll().split('\n');
    const QList<QByteArray> header = lines.value(0).trimmed().split(',');
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QByteArray line = lines[i].trimmed();
        if (line.isEmpty())
            continue;
        const QList<QByteArray> cells = line.split(',');
        QMap<QString, QString> row;
        for (qsizetype c = 0; c < header.size(); ++c)
            row.insert(QString::fromUtf8(header[c]), QString::fromUtf8(cells.value(c)));
        t.insert(row.value(QStringLiteral("model_id")), row);
    }
    return t;
}

// Every metric a roll-up must reproduce; first and last call to the day.
const QStringList kMetrics = {"calls", "failed_calls", "unique_callers", "repeat_callers", "repeat_rate",
                              "verified_calls", "fees_paid", "active_days", "listed"};

void compareMetrics(const Table &raw, const Table &rolled)
{
    QCOMPARE(rolled.keys(), raw.keys());
    for (auto it = raw.begin(); it != raw.end(); ++it) {
        const auto &r = it.value();
        const auto &u = rolled.value(it.key());
        for (const QString &m : kMetrics)
            QVERIFY2(r.value(m) == u.value(m), qPrintable(QStringLiteral("%1 %2: raw %3, roll-up %4")
                                                               .arg(it.key(), m, r.value(m), u.value(m))));
        for (const char *m : {"first_call_at", "last_call_at"}) {
            const QString raw10 = r.value(QLatin1String(m)).left(10), day = u.value(QLatin1String(m));
            QVERIFY2(raw10 == day, qPrintable(QStringLiteral("%1 %2: raw %3, roll-up %4").arg(it.key(), QLatin1String(m), raw10, day)));
            // Only the day is known: the date alone, not a made-up time of day.
            QVERIFY2(day.isEmpty() || day.size() == 10, qPrintable(day));
        }
    }
}

class ListSource final : public RollupSource
{
public:
    ListSource(std::vector<std::string> columns, std::vector<std::vector<std::optional<std::string>>> rows)
        : m_columns(std::move(columns))
        , m_rows(std::move(rows))
    {
    }
    QString name() const override { return QStringLiteral("query.sql on test"); }
    QString layout() const override { return QStringLiteral("test rows"); }
    std::vector<std::string> columns() override { return m_columns; }
    bool next(std::vector<std::optional<std::string_view>> &values) override
    {
        if (m_next >= m_rows.size())
            return false;
        values.clear();
        for (const auto &v : m_rows[m_next])
            values.push_back(v ? std::optional<std::string_view>(*v) : std::nullopt);
        ++m_next;
        return true;
    }

private:
    std::vector<std::string> m_columns;
    std::vector<std::vector<std::optional<std::string>>> m_rows;
    std::size_t m_next = 0;
};

} // namespace

class TestRollup : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_cache = m_dir.filePath(QStringLiteral("c%1.sqlite").arg(++m_n));
    }

    void detection_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("layout");
        QTest::addColumn<bool>("rollUp");
        QTest::addColumn<int>("calls");
        QTest::newRow("csv") << QByteArray("day,model_id,caller,calls\n2026-03-01,m/a,c1,3\n") << "CSV roll-up" << true << 3;
        QTest::newRow("csv, any case, any order") << QByteArray("Calls, CALLER ,Model_ID,DAY,fees\n2,c1,m/a,2026-03-01,0.5\n")
                                                  << "CSV roll-up" << true << 2;
        QTest::newRow("json lines") << QByteArray("{\"day\":\"2026-03-01\",\"model_id\":\"m/a\",\"caller\":\"c1\",\"calls\":3}\n"
                                                  "{\"day\":\"2026-03-02\",\"model_id\":\"m/a\",\"caller\":\"c1\",\"calls\":\"4\","
                                                  "\"fees\":0.25,\"verified_calls\":1}\n")
                                    << "JSON Lines roll-up" << true << 7;
        QTest::newRow("json array") << QByteArray("[{\"day\":\"2026-03-01\",\"model_id\":\"m/a\",\"caller\":\"c1\",\"calls\":5}]")
                                    << "JSON array roll-up" << true << 5;
        QTest::newRow("raw calls with a day column too")
            << QByteArray("timestamp,model_id,caller,day\n2026-03-01T10:00:00Z,m/a,c1,whatever\n") << "CSV" << false << 1;
    }

    void detection()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, layout);
        QFETCH(bool, rollUp);
        QFETCH(int, calls);
        Database db = Cache::open(m_cache);
        const Outcome o = run(db, write(content));
        QVERIFY2(o.failure.isEmpty(), qPrintable(o.failure));
        QVERIFY2(o.errors.isEmpty(), qPrintable(o.errors.join('\n')));
        QCOMPARE(o.report.layout, layout);
        QCOMPARE(o.report.rollUp, rollUp);
        QCOMPARE(Cache::callCount(db), std::int64_t(calls));
        if (rollUp) {
            QCOMPARE(o.report.callsImported, std::int64_t(calls));
            QVERIFY2(o.report.summary().contains(QLatin1String("roll-up row")), qPrintable(o.report.summary()));
        }
    }

    // The heart of it: a roll-up of the calls gives every metric the calls give.
    void metricsEqualRawImport()
    {
        const QByteArray rollup = rollUpFixture();
        QVERIFY(rollup.count('\n') > 100);
        Database raw = Cache::open(m_dir.filePath(QStringLiteral("raw.sqlite")));
        Database rolled = Cache::open(m_cache);
        const Outcome a = run(raw, fixture());
        QVERIFY2(a.failure.isEmpty() && a.errors.isEmpty(), qPrintable(a.failure + a.errors.join('\n')));
        QVERIFY(a.report.duplicates > 0);
        QVERIFY(a.report.feesRounded > 0);
        const Outcome b = run(rolled, write(rollup));
        QVERIFY2(b.failure.isEmpty() && b.errors.isEmpty(), qPrintable(b.failure + b.errors.join('\n')));
        QCOMPARE(b.report.callsImported, a.report.rowsImported);

        ViewSpec all;
        compareMetrics(exported(raw, m_dir.filePath("a.csv"), all), exported(rolled, m_dir.filePath("b.csv"), all));
        // A window reads usage_daily, not the per-model figures: the same must hold there.
        ViewSpec window;
        window.sinceDay = *TextRules::parseDay("2026-02-27");
        window.untilDay = *TextRules::parseDay("2026-03-05");
        compareMetrics(exported(raw, m_dir.filePath("a.csv"), window), exported(rolled, m_dir.filePath("b.csv"), window));
        ViewSpec since;
        since.sinceDay = *TextRules::parseDay("2026-03-03");
        compareMetrics(exported(raw, m_dir.filePath("a.csv"), since), exported(rolled, m_dir.filePath("b.csv"), since));

        QCOMPARE(TestUtil::modelDayMismatches(raw), std::int64_t(0));
        QCOMPARE(TestUtil::modelDayMismatches(rolled), std::int64_t(0));
        QVERIFY(rolled.queryInt("SELECT count(*) FROM model_day").value_or(0) > 10);

        // The split of verified calls is not known: none invented.
        QCOMPARE(rolled.queryInt("SELECT sum(tee_calls + zkml_calls) FROM usage_daily"), std::optional<std::int64_t>(0));
        QCOMPARE(rolled.queryInt("SELECT sum(verified_unsplit) FROM usage_daily"),
                 raw.queryInt("SELECT sum(tee_calls + zkml_calls) FROM usage_daily"));
        QCOMPARE(rolled.queryInt("SELECT count(*) FROM usage_daily WHERE first_ts IS NOT NULL OR last_ts IS NOT NULL"),
                 std::optional<std::int64_t>(0));
    }

    void doubleCountRefused()
    {
        Database db = Cache::open(m_cache);
        const QByteArray header = "timestamp,model_id,caller,event_id\n";
        QVERIFY(run(db, write(header + "2026-03-03T10:00:00Z,m/x,0xAbCdEf0123456789abcdef0123456789ABCDEF01,e1\n"
                                       "2026-03-01T09:00:00Z,m/x,0xabcdef0123456789abcdef0123456789abcdef01,e2\n"
                                       "2026-03-02T09:00:00Z,m/y,agent-1,e3\n"))
                    .failure.isEmpty());
        const std::int64_t callsBefore = Cache::callCount(db);
        const std::int64_t filesBefore = *db.queryInt("SELECT count(*) FROM imported_files");
        // 03-03 and 03-01 are held for m/x and that caller (written in another case); 03-02 is
        // not (m/y's caller differs), nor is 03-04.
        const QString rollup = write("day,model_id,caller,calls,verified_calls\n"
                                     "2026-03-04,m/x,0xABCDEF0123456789ABCDEF0123456789ABCDEF01,2,0\n"
                                     "2026-03-03,m/x,0xABCDEF0123456789ABCDEF0123456789ABCDEF01,5,1\n"
                                     "2026-03-02,m/y,agent-2,1,0\n"
                                     "2026-03-01,m/x,0xABCDEF0123456789ABCDEF0123456789ABCDEF01,3,0\n");
        const Outcome refused = run(db, rollup);
        QVERIFY2(refused.failure.startsWith(rollup + QStringLiteral(": nothing imported")), qPrintable(refused.failure));
        QVERIFY2(refused.failure.contains(QLatin1String("m/x on 2026-03-01")), qPrintable(refused.failure));
        QVERIFY2(refused.failure.contains(QLatin1String("2 model-caller-days")), qPrintable(refused.failure));
        QVERIFY2(refused.failure.contains(QLatin1String("--replace-days")), qPrintable(refused.failure));
        QVERIFY2(!refused.failure.contains(QLatin1String("abcdef"), Qt::CaseInsensitive), qPrintable(refused.failure));
        QCOMPARE(Cache::callCount(db), callsBefore);
        QCOMPARE(*db.queryInt("SELECT count(*) FROM imported_files"), filesBefore);

        // --replace-days: the roll-up's rows stand for those days instead of the calls there.
        const Outcome replaced = run(db, rollup, false, false, true);
        QVERIFY2(replaced.failure.isEmpty(), qPrintable(replaced.failure));
        QCOMPARE(replaced.report.daysReplaced, std::int64_t(2));
        QCOMPARE(TestUtil::modelDayMismatches(db), std::int64_t(0));
        QCOMPARE(db.queryInt("SELECT sum(calls) FROM model_day"), std::optional<std::int64_t>(12)); // m/x 10, m/y 2
        QCOMPARE(replaced.report.rowsImported, std::int64_t(4));
        QCOMPARE(replaced.report.callsImported, std::int64_t(11));
        const Table t = exported(db, m_dir.filePath("r.csv"));
        QCOMPARE(t["m/x"]["calls"], QStringLiteral("10"));
        QCOMPARE(t["m/x"]["verified_calls"], QStringLiteral("1"));
        QCOMPARE(t["m/x"]["active_days"], QStringLiteral("3"));
        QCOMPARE(t["m/x"]["unique_callers"], QStringLiteral("1"));
        QCOMPARE(t["m/x"]["repeat_callers"], QStringLiteral("1"));
        QCOMPARE(t["m/x"]["first_call_at"], QStringLiteral("2026-03-01"));
        QCOMPARE(t["m/x"]["last_call_at"], QStringLiteral("2026-03-04"));
        QCOMPARE(t["m/y"]["calls"], QStringLiteral("2"));
        QCOMPARE(t["m/y"]["unique_callers"], QStringLiteral("2"));
        // The raw call of m/y on 03-02 keeps its time; the roll-up's call that day may be earlier.
        QCOMPARE(t["m/y"]["first_call_at"], QStringLiteral("2026-03-02"));
    }

    void reimport()
    {
        Database db = Cache::open(m_cache);
        const QString rollup = write("day,model_id,caller,calls,fees\n2026-03-01,m/x,a,2,0.5\n2026-03-02,m/x,a,1,0.25\n");
        QCOMPARE(run(db, rollup).report.outcome, ImportReport::Outcome::Imported);
        const Outcome again = run(db, rollup);
        QCOMPARE(again.report.outcome, ImportReport::Outcome::AlreadyImported);
        // --force would count the same days twice: refused, naming the first day.
        const Outcome forced = run(db, rollup, false, true);
        QVERIFY2(forced.failure.contains(QLatin1String("m/x on 2026-03-01")), qPrintable(forced.failure));
        const Outcome replaced = run(db, rollup, false, true, true);
        QVERIFY2(replaced.failure.isEmpty(), qPrintable(replaced.failure));
        QCOMPARE(replaced.report.daysReplaced, std::int64_t(2));
        const Table t = exported(db, m_dir.filePath("r.csv"));
        QCOMPARE(t["m/x"]["calls"], QStringLiteral("3"));
        QCOMPARE(t["m/x"]["fees_paid"], QStringLiteral("0.75"));
        QCOMPARE(TestUtil::modelDayMismatches(db), std::int64_t(0));
        QCOMPARE(db.queryInt("SELECT sum(calls) FROM model_day"), std::optional<std::int64_t>(3));
    }

    // Rows of one roll-up that meet (callers that normalise alike) are summed, also across
    // the writer's flushes; they never count as a double count against themselves.
    void rowsOfOneInputAreSummed()
    {
        Database db = Cache::open(m_cache);
        const Outcome o = run(db, write("day,model_id,caller,calls\n"
                                        "2026-03-01,m/x,0xABCDEF0123456789ABCDEF0123456789ABCDEF01,2\n"
                                        "2026-03-01,m/x,0xabcdef0123456789abcdef0123456789abcdef01,3\n"
                                        "2026-03-01,m/x, 0xabcdef0123456789abcdef0123456789abcdef01 ,1\n"));
        QVERIFY2(o.failure.isEmpty(), qPrintable(o.failure));
        QCOMPARE(o.report.rowsImported, std::int64_t(1));
        QCOMPARE(db.queryInt("SELECT calls FROM usage_daily"), std::optional<std::int64_t>(6));
    }

    // The writer flushes every half million rows or so: a row meeting one of an earlier
    // flush is still the same input's.
    void rowsAcrossFlushesAreSummed()
    {
        Database db = Cache::open(m_cache);
        QByteArray big = "day,model_id,caller,calls\n";
        big.reserve(30 << 20);
        for (int i = 0; i < 600000; ++i)
            big += "2026-03-01,m/big,c" + QByteArray::number(i) + ",1\n";
        big += "2026-03-01,m/big,c0,5\n";
        const Outcome o = run(db, write(big));
        QVERIFY2(o.failure.isEmpty(), qPrintable(o.failure));
        QCOMPARE(o.report.rowsImported, std::int64_t(600000));
        QCOMPARE(o.report.callsImported, std::int64_t(600005));
        QCOMPARE(Cache::callCount(db), std::int64_t(600005));
        const Outcome again = run(db, write("day,model_id,caller,calls\n2026-03-01,m/big,c599999,1\n"));
        QVERIFY2(again.failure.contains(QLatin1String("m/big on 2026-03-01")), qPrintable(again.failure));
    }

    void badRows_data()
    {
        QTest::addColumn<QByteArray>("row");
        QTest::addColumn<QString>("reason");
        QTest::newRow("calls 0") << QByteArray("2026-03-01,m/x,c,0,,,") << "calls is not a whole number of 1 or more: \"0\"";
        QTest::newRow("calls negative") << QByteArray("2026-03-01,m/x,c,-2,,,") << "calls is not a whole number of 1 or more: \"-2\"";
        QTest::newRow("calls fraction") << QByteArray("2026-03-01,m/x,c,2.5,,,") << "calls is not a whole number of 1 or more: \"2.5\"";
        QTest::newRow("calls empty") << QByteArray("2026-03-01,m/x,c,,,,") << "calls is empty";
        QTest::newRow("failed above calls") << QByteArray("2026-03-01,m/x,c,2,3,,") << "failed_calls is more than calls: \"3\"";
        QTest::newRow("verified above calls") << QByteArray("2026-03-01,m/x,c,2,0,5,") << "verified_calls is more than calls: \"5\"";
        QTest::newRow("failed not a number") << QByteArray("2026-03-01,m/x,c,2,x,,") << "failed_calls is not a whole number: \"x\"";
        QTest::newRow("day with a time") << QByteArray("2026-03-01T00:00:00Z,m/x,c,2,,,") << "day is not a date (YYYY-MM-DD): \"2026-03-01T00:00:00Z\"";
        QTest::newRow("day not a date") << QByteArray("2026-02-30,m/x,c,2,,,") << "day is not a date (YYYY-MM-DD): \"2026-02-30\"";
        QTest::newRow("day words") << QByteArray("yesterday,m/x,c,2,,,") << "day is not a date (YYYY-MM-DD): \"yesterday\"";
        QTest::newRow("fees negative") << QByteArray("2026-03-01,m/x,c,2,,,-0.5") << "fees is negative: \"-0.5\"";
        QTest::newRow("fees exponent") << QByteArray("2026-03-01,m/x,c,2,,,1e-3") << "fees is not a plain decimal number: \"1e-3\"";
        QTest::newRow("caller empty") << QByteArray("2026-03-01,m/x, ,2,,,") << "caller is empty";
        QTest::newRow("model empty") << QByteArray("2026-03-01,,Private-Caller-R,2,,,") << "model_id is empty";
        QTest::newRow("fields") << QByteArray("2026-03-01,m/x,Private-Caller-R,2") << "4 fields where the header has 7";
    }

    void badRows()
    {
        QFETCH(QByteArray, row);
        QFETCH(QString, reason);
        Database db = Cache::open(m_cache);
        const QString file = write("day,model_id,caller,calls,failed_calls,verified_calls,fees\n"
                                   "2026-03-01,m/good,a,2,1,1,0.5\n"
                                   + row + "\n2026-03-02,m/good,a,3,,,\n");
        const Outcome o = run(db, file);
        QVERIFY2(o.failure.isEmpty(), qPrintable(o.failure));
        QCOMPARE(o.errors, QStringList{QStringLiteral("3: ") + reason});
        QCOMPARE(o.report.rowsRejected, std::int64_t(1));
        QCOMPARE(Cache::callCount(db), std::int64_t(5)); // the good rows are kept
        QVERIFY(!o.errors.join(' ').contains(QLatin1String("Private-Caller")));
        RowError e{file, 3, reason};
        QCOMPARE(e.toString(), file + QStringLiteral(":3: ") + reason);

        // --strict: the same file imports nothing, and still reports the row.
        Database strictDb = Cache::open(m_dir.filePath(QStringLiteral("strict%1.sqlite").arg(m_n)));
        const Outcome s = run(strictDb, file, true);
        QCOMPARE(s.report.outcome, ImportReport::Outcome::Refused);
        QCOMPARE(s.errors, QStringList{QStringLiteral("3: ") + reason});
        QCOMPARE(Cache::callCount(strictDb), std::int64_t(0));
        QCOMPARE(strictDb.queryInt("SELECT count(*) FROM usage_daily"), std::optional<std::int64_t>(0));
        QCOMPARE(strictDb.queryInt("SELECT count(*) FROM imported_files"), std::optional<std::int64_t>(0));
    }

    void dateOnlyInSnapshot()
    {
        Database db = Cache::open(m_cache);
        QVERIFY(run(db, write("day,model_id,caller,calls\n2026-03-01,m/x,a,2\n2026-03-04,m/x,b,1\n2026-03-02,m/y,a,1\n"))
                    .failure.isEmpty());
        Table t = exported(db, m_dir.filePath("d.csv"));
        QCOMPARE(t["m/x"]["first_call_at"], QStringLiteral("2026-03-01"));
        QCOMPARE(t["m/x"]["last_call_at"], QStringLiteral("2026-03-04"));
        // Raw calls: a later one is known to the second; one on the roll-up's first day
        // (another caller) does not make that day's first call known.
        QVERIFY(run(db, write("timestamp,model_id,caller\n2026-03-05T10:00:00Z,m/x,c\n2026-03-01T08:00:00Z,m/x,d\n"
                              "2026-03-02T08:00:00Z,m/y,d\n2026-03-01T08:00:00Z,m/y,d\n"))
                    .failure.isEmpty());
        for (const bool window : {false, true}) {
            ViewSpec spec;
            if (window)
                spec.sinceDay = *TextRules::parseDay("2026-02-01");
            t = exported(db, m_dir.filePath("d.csv"), spec);
            QCOMPARE(t["m/x"]["first_call_at"], QStringLiteral("2026-03-01"));
            QCOMPARE(t["m/x"]["last_call_at"], QStringLiteral("2026-03-05T10:00:00Z"));
            QCOMPARE(t["m/y"]["first_call_at"], QStringLiteral("2026-03-01T08:00:00Z"));
            QCOMPARE(t["m/y"]["last_call_at"], QStringLiteral("2026-03-02"));
        }
        // Sorting by first call still works across both kinds of value.
        ViewSpec byFirst;
        byFirst.sortColumn = Columns::FirstCall;
        byFirst.sortDescending = false;
        byFirst.usage = ViewSpec::Usage::Called;
        const SqlQuery q = ViewQuery::select(byFirst);
        Statement st(db, q.sql);
        q.bindTo(st);
        QStringList order;
        while (st.step())
            order << st.text(1);
        QCOMPARE(order, (QStringList{"m/x", "m/y"}));
    }

    void privacy()
    {
        const QString path = m_cache;
        {
            Database db = Cache::open(path);
            const Outcome o = run(db, write("day,model_id,caller,calls\n"
                                            "2026-03-01,m/x,Private-Caller-Q,2\n"
                                            "2026-03-01,m/x,0xFEEDFACE00000000000000000000000000C0FFEE,1\n"
                                            "2026-03-02,m/x,Private-Caller-Q,-1\n"));
            QCOMPARE(o.errors.size(), 1);
            QVERIFY(!o.errors.first().contains(QLatin1String("Private")));
            db.exec("PRAGMA main.wal_checkpoint(TRUNCATE)");
        }
        QByteArray bytes;
        for (const QString &f : {path, path + QStringLiteral("-wal")}) {
            QFile file(f);
            if (file.open(QIODevice::ReadOnly))
                bytes += file.readAll();
        }
        QVERIFY(!bytes.isEmpty());
        QVERIFY(!bytes.contains("Private-Caller-Q"));
        QVERIFY(!bytes.toLower().contains("feedface00000000"));
    }

    // What --from-postgres feeds in: rows from a query, the same checks and writer, errors
    // naming the result row.
    void rowsFromASource()
    {
        Database db = Cache::open(m_cache);
        ListSource source({"DAY", "model_id", "caller", "calls", "failed_calls", "verified_calls", "fees", "extra"},
                          {{"2026-03-01", "m/x", "a", "2", "0", "1", "0.000000001", std::nullopt},
                           {"2026-03-01", "m/x", "b", "0", std::nullopt, std::nullopt, std::nullopt, "x"},
                           {"2026-03-02", "m/x", "a", "4", "1", std::nullopt, "1.5", std::nullopt}});
        QStringList errors;
        ImportOptions opt;
        const ImportReport r = importRollup(db, source, opt, {}, [&](const RowError &e) { errors << e.toString(); });
        QCOMPARE(errors, QStringList{"query.sql on test: row 2: calls is not a whole number of 1 or more: \"0\""});
        QCOMPARE(r.outcome, ImportReport::Outcome::Imported);
        QCOMPARE(r.rowsImported, std::int64_t(2));
        QCOMPARE(r.callsImported, std::int64_t(6));
        QVERIFY(r.rollUp);
        const Table t = exported(db, m_dir.filePath("s.csv"));
        QCOMPARE(t["m/x"]["repeat_callers"], QStringLiteral("1"));
        QCOMPARE(t["m/x"]["fees_paid"], QStringLiteral("1.500000001"));
        QCOMPARE(t["m/x"]["failed_calls"], QStringLiteral("1"));
        // The same rows again: recognised by their content.
        ListSource again({"day", "model_id", "caller", "calls", "failed_calls", "verified_calls", "fees", "extra"},
                         {{"2026-03-01", "m/x", "a", "2", "0", "1", "0.000000001", std::nullopt},
                          {"2026-03-01", "m/x", "b", "0", std::nullopt, std::nullopt, std::nullopt, "x"},
                          {"2026-03-02", "m/x", "a", "4", "1", std::nullopt, "1.5", std::nullopt}});
        QCOMPARE(importRollup(db, again, opt).outcome, ImportReport::Outcome::AlreadyImported);
        ListSource missing({"day", "model_id", "caller"}, {});
        QVERIFY_THROWS_EXCEPTION(ImportError, importRollup(db, missing, opt));
    }

    // A cache of schema 4 (before roll-ups) is upgraded in place and keeps its figures.
    void upgradesSchema4()
    {
        Cache::createAtVersion(m_cache, 4);
        {
            Database old(m_cache);
            old.exec("INSERT INTO models(id, model_id, calls, verified_calls, first_call, last_call, active_days)"
                     " VALUES(1, 'm/old', 3, 1, 1772359200, 1772445600, 2)");
            old.exec("INSERT INTO usage_daily(model, day, caller, calls, tee_calls, first_ts, last_ts)"
                     " VALUES(1, 20513, 7, 2, 1, 1772359200, 1772359300), (1, 20514, 7, 1, 0, 1772445600, 1772445600)");
        }
        Database db = Cache::open(m_cache);
        QCOMPARE(db.queryInt("PRAGMA user_version"), std::optional<std::int64_t>(Cache::SchemaVersion));
        QCOMPARE(db.queryInt("SELECT sum(verified_unsplit) FROM usage_daily"), std::optional<std::int64_t>(0));
        // Schema 7 builds the daily totals from the rows already there.
        QCOMPARE(db.queryInt("SELECT count(*) FROM model_day"), std::optional<std::int64_t>(2));
        QCOMPARE(TestUtil::modelDayMismatches(db), std::int64_t(0));
        QVERIFY(run(db, write("day,model_id,caller,calls,verified_calls\n2026-03-03,m/old,z,2,2\n")).failure.isEmpty());
        const Table t = exported(db, m_dir.filePath("u.csv"));
        QCOMPARE(t["m/old"]["calls"], QStringLiteral("5"));
        QCOMPARE(t["m/old"]["verified_calls"], QStringLiteral("3"));
        QCOMPARE(t["m/old"]["first_call_at"], QStringLiteral("2026-03-01T10:00:00Z"));
        QCOMPARE(t["m/old"]["last_call_at"], QStringLiteral("2026-03-03"));
        QCOMPARE(TestUtil::modelDayMismatches(db), std::int64_t(0));
    }

private:
    QString write(const QByteArray &content)
    {
        const QString path = m_dir.filePath(QStringLiteral("in%1.csv").arg(++m_files));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly) || f.write(content) != content.size())
            qFatal("cannot write %s", qPrintable(path));
        return path;
    }

    QTemporaryDir m_dir;
    QString m_cache;
    int m_n = 0;
    int m_files = 0;
};

QTEST_GUILESS_MAIN(TestRollup)
#include "tst_rollup.moc"
