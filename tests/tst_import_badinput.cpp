#include "importfixture.h"

#include <QTest>

#include <optional>
#include <thread>

// Bad and hostile input: rejected rows and what their messages may quote, refused (--strict),
// broken, missing and cancelled files leave the cache as it was, and no caller reaches the file.

using namespace uptake;

class TestImportBadInput : public ImportFixture
{
    Q_OBJECT

    // What an import that is left out must not change: the row counts of every table it writes,
    // the calls and the authors.
    static QString cacheState(Database &db)
    {
        return cell(db, "SELECT (SELECT count(*) FROM models) || ' ' || (SELECT count(*) FROM usage_daily) || ' ' ||"
                        " (SELECT count(*) FROM event_keys) || ' ' || (SELECT count(*) FROM model_day) || ' ' ||"
                        " (SELECT count(*) FROM imported_files) || ' ' || (SELECT sum(calls) FROM models) || ' ' ||"
                        " (SELECT group_concat(coalesce(author, '-')) FROM models)");
    }

    // The cancel cases' cache: the documented examples in it. Returns its state, which the
    // cancelled import must leave as it was.
    QString withExamples(Database &db)
    {
        run(db, examples() + "catalogue.csv", ImportOptions::Catalogue);
        run(db, examples() + "usage.csv", ImportOptions::Usage);
        return cacheState(db);
    }

    // The cancel cases run once for each kind of file.
    static void eachKind()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("usage") << int(ImportOptions::Usage);
        QTest::newRow("catalogue") << int(ImportOptions::Catalogue);
    }

private slots:
    void badRows_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("errors");
        QTest::addColumn<int>("imported");
        const QByteArray h = kHeader;
        const QByteArray ok = "2026-03-01T10:00:00Z,m/x,secret-caller-1,,,,\n";
        QTest::newRow("each field") << h + ok
                                           + ",m/x,secret-caller-2,,,,\n"
                                             "yesterday,m/x,secret-caller-3,,,,\n"
                                             "2026-03-01,m/x,secret-caller-4,,,,\n"
                                             "2026-02-30T10:00:00Z,m/x,secret-caller-5,,,,\n"
                                             "2026-03-01T10:00:00Z,,secret-caller-6,,,,\n"
                                             "2026-03-01T10:00:00Z,m/x,,,,,\n"
                                             "2026-03-01T10:00:00Z,m/x,\"   \",,,,\n"
                                             "2026-03-01T10:00:00Z,m/x,secret-caller-7,,fast,,\n"
                                             "2026-03-01T10:00:00Z,m/x,secret-caller-8,,,-0.5,\n"
                                             "2026-03-01T10:00:00Z,m/x,secret-caller-9,,,1e-3,\n"
                                             "2026-03-01T10:00:00Z,m/x,secret-caller-10,,,99999999999,\n"
                                             "2026-03-01T10:00:00Z,m/x,secret-caller-11,,,,failed\n"
                                             "2026-03-01T10:00:00Z,m/x,secret-caller-12,,,\n"
                                             "2026-03-01T10:00:00Z,m/x,secret-caller-13,,,,,extra\n"
                                             "2026-03-01T10:00:00Z,m/x,\"secret-caller-14,,,,\n"
                                    << QStringList{"3: timestamp is empty",
                                                   "4: timestamp is neither ISO 8601 date and time nor Unix seconds: \"yesterday\"",
                                                   "5: timestamp is neither ISO 8601 date and time nor Unix seconds: \"2026-03-01\"",
                                                   "6: timestamp is neither ISO 8601 date and time nor Unix seconds: \"2026-02-30T10:00:00Z\"",
                                                   "7: model_id is empty",
                                                   "8: caller is empty",
                                                   "9: caller is empty",
                                                   "10: mode is not vanilla, tee, zkml, 0, 1 or 2: \"fast\"",
                                                   "11: fee is negative: \"-0.5\"",
                                                   "12: fee is not a plain decimal number: \"1e-3\"",
                                                   "13: fee is too large: \"99999999999\"",
                                                   "14: status is not ok or error: \"failed\"",
                                                   "15: 6 fields where the header has 7",
                                                   "16: 8 fields where the header has 7",
                                                   "17: a quoted field is not closed, or text follows its closing quote"}
                                    << 1;
        QTest::newRow("lines after a multi-line field") << h + "2026-03-01T10:00:00Z,\"m/x\nsecond line\",secret-caller-1,,,,\n"
                                                               "bad,m/x,secret-caller-2,,,,\n" + ok
                                                        << QStringList{"2: model id contains control characters: \"m/x second line\"",
                                                                       "4: timestamp is neither ISO 8601 date and time nor Unix seconds: \"bad\""}
                                                        << 1;
        QTest::newRow("bom crlf blank lines") << "\xEF\xBB\xBF" + QByteArray(kHeader).replace("\n", "\r\n") + "\r\n"
                                                     + QByteArray(ok).replace("\n", "\r\n") + "x,m/x,secret-caller-2,,,,\r\n"
                                              << QStringList{"4: timestamp is neither ISO 8601 date and time nor Unix seconds: \"x\""}
                                              << 1;
        QTest::newRow("json lines") << QByteArray("{\"timestamp\":\"2026-03-01T10:00:00Z\",\"model_id\":\"m/x\",\"caller\":\"secret-caller-1\"}\n"
                                                  "{\"timestamp\":\"2026-03-01T10:00:00Z\",\"model_id\":\"m/x\"}\n"
                                                  "{\"timestamp\":\"2026-03-01T10:00:00Z\",\"model_id\":\"m/x\",\"caller\":null}\n"
                                                  "{\"timestamp\":\"2026-03-01T10:00:00Z\",\"model_id\":\"m/x\",\"caller\":{\"id\":\"secret-caller-2\"}}\n"
                                                  "{\"timestamp\":true,\"model_id\":\"m/x\",\"caller\":\"secret-caller-3\"}\n"
                                                  "[\"secret-caller-4\"]\n"
                                                  "{\"timestamp\":\"2026-03-01T10:00:00Z\",\"model_id\":\"m/x\",\"caller\":\"secret-caller-5\",\"fee\":-1}\n"
                                                  "{\"timestamp\":\"2026-03-01T10:00:00Z\",\"model_id\":\"m/x\",\"caller\":\"secret-caller-6\",\"fee\":1e-3}\n"
                                                  "{\"timestamp\":1.5,\"model_id\":\"m/x\",\"caller\":\"secret-caller-7\"}\n"
                                                  "{\"timestamp\":\"2026-03-01T10:00:00Z\",\"model_id\":\"m/x\",\"caller\":\"secret-caller-8\"} junk\n")
                                    << QStringList{"2: caller is missing",
                                                   "3: caller is missing",
                                                   "4: caller is not a string or a number",
                                                   "5: timestamp is not a string or a number",
                                                   "6: not a JSON object",
                                                   "7: fee is negative: \"-1\"",
                                                   "8: fee is not a plain decimal number: \"1e-3\"",
                                                   "9: timestamp is neither ISO 8601 date and time nor Unix seconds: \"1.5\"",
                                                   "10: text after the JSON object"}
                                    << 1;
    }

    void badRows()
    {
        QFETCH(QByteArray, content);
        QFETCH(QStringList, errors);
        QFETCH(int, imported);
        Database db = Cache::open(m_cache);
        const Outcome o = run(db, write(content), ImportOptions::Usage);
        QCOMPARE(o.failure, QString());
        QCOMPARE(o.errors, errors);
        QCOMPARE(o.report.rowsImported, imported);
        QCOMPARE(o.report.rowsRejected, errors.size());
        // The privacy rule: no message quotes a caller.
        for (const QString &e : o.errors)
            QVERIFY2(!e.contains(QLatin1String("secret-caller")), qPrintable(e));
    }

    // A rejected row's message names its line and quotes the bad value: capped, on one line,
    // never the caller. The summary says where the first fee was rounded.
    void rejectedRowsQuoteTheValue()
    {
        Database db = Cache::open(m_cache);
        const QByteArray longValue(200, 'x');
        const QString path = usageFile({
            "2026-03-01T10:00:00Z,m/x,caller-SECRET-1,e1,,0.5,", // 2
            "2026-03-01T10:00:00Z,m/x,caller-SECRET-2,e2,,\"1,5\",", // 3
            "2026-03-01T10:00:00Z,m/x,caller-SECRET-3,e3,sometimes,,", // 4
            "last tuesday,m/x,caller-SECRET-4,e4,,,", // 5
            "2026-03-01T11:00:00Z,m/x,caller-SECRET-5,e5,,0.1,", // 6
            "2026-03-01T12:00:00Z,m/x,caller-SECRET-6,e6,,0.000000000123,", // 7: rounded
            "2026-03-01T12:00:00Z,m/x,caller-SECRET-7,e7,,0.0000000025,", // 8: rounded
            "2026-03-01T12:00:00Z,m/x,caller-SECRET-8,e8,,," + longValue, // 9
            "2026-03-01T12:00:00Z,m/x,caller-SECRET-9,e9,\"tee\nzkml\",,", // 10-11
            "2026-03-01T12:00:00Z,m/x,caller-SECRET-10,e10,caller-SECRET-10,,", // 12: the caller in mode
            "2026-03-01T12:00:00Z,\"m/" + QByteArray(50, 'y') + "\tz\",caller-SECRET-11,e11,,,", // 13
            "2026-03-01T12:00:00Z,m/x,caller-SECRET-12,e12,,\"\x1b[31m1\xe2\x80\xae\",", // 14
        });
        QStringList full; // as RowError::toString() prints them
        const auto onRow = [&](const RowError &e) { full << e.toString(); };
        const ImportReport report = importFile(db, path, ImportOptions{}, {}, onRow);
        const QString ellipsis(QChar(0x2026));
        const QStringList expected{
            path + ":3: fee is not a plain decimal number: \"1,5\"",
            path + ":4: mode is not vanilla, tee, zkml, 0, 1 or 2: \"sometimes\"",
            path + ":5: timestamp is neither ISO 8601 date and time nor Unix seconds: \"last tuesday\"",
            path + ":9: status is not ok or error: \"" + QString(40, u'x') + ellipsis + "\"",
            path + ":10: mode is not vanilla, tee, zkml, 0, 1 or 2: \"tee zkml\"",
            path + ":12: mode is not vanilla, tee, zkml, 0, 1 or 2", // not quoted: it holds the caller
            path + ":13: model id contains control characters", // longer than a quote: not echoed
            path + ":14: fee is not a plain decimal number: \"\uFFFD[31m1\uFFFD\"",
        };
        QCOMPARE(full, expected);
        QCOMPARE(report.rowsRejected, expected.size());
        QCOMPARE(report.rowsImported, 4);
        for (const QString &e : full) {
            QVERIFY2(!e.contains(QLatin1String("SECRET"), Qt::CaseInsensitive), qPrintable(e));
            QVERIFY2(!e.contains(u'\n') && !e.contains(u'\r') && !e.contains(u'\t'), qPrintable(e));
            QVERIFY2(!e.contains(QString(50, u'y')), qPrintable(e));
        }
        QCOMPARE(report.feesRounded, 2);
        QCOMPARE(report.firstRoundedLine, 7);
        QVERIFY2(report.summary().contains(QLatin1String(", 2 fees rounded (first on line 7), ")), qPrintable(report.summary()));

        // JSON Lines: the same messages, numbers as written.
        const Outcome j = run(db,
                              write("{\"timestamp\":1772409600,\"model_id\":\"m/j\",\"caller\":\"json-SECRET\",\"fee\":\"1,5\"}\n"
                                    "{\"timestamp\":1772409600,\"model_id\":\"m/j\",\"caller\":\"json-SECRET\",\"fee\":1.0000000005}\n"
                                    "{\"timestamp\":1772409600,\"model_id\":\"m/j\",\"caller\":\"json-SECRET\",\"mode\":7}\n",
                                    ".jsonl"),
                              ImportOptions::Usage);
        QCOMPARE(j.errors, (QStringList{"1: fee is not a plain decimal number: \"1,5\"",
                                        "3: mode is not vanilla, tee, zkml, 0, 1 or 2: \"7\""}));
        QVERIFY2(j.report.summary().contains(QLatin1String("1 fee rounded (first on line 2)")), qPrintable(j.report.summary()));

        // Without rounding, the summary is as it was.
        const Outcome plain = run(db, usageFile({"2026-03-02T10:00:00Z,m/x,alice,p1,,0.5,"}), ImportOptions::Usage);
        QVERIFY2(plain.report.summary().endsWith(QLatin1String(": 1 row imported, 0 rejected, 0 duplicates skipped, "
                                                               "0 fees rounded, 0 models seen only in usage")),
                 qPrintable(plain.report.summary()));
    }

    void rejectedRollupRowsQuoteTheValue()
    {
        Database db = Cache::open(m_cache);
        const QString path = write("day,model_id,caller,calls,failed_calls,verified_calls,fees\n"
                                   "2026-03-01,m/x,roll-SECRET-1,3,,,0.5\n" // 2
                                   "2026-03-01,m/y,roll-SECRET-2,3,,,\"1,5\"\n" // 3
                                   "last tuesday,m/x,roll-SECRET-3,3,,,\n" // 4
                                   "2026-03-02,m/x,roll-SECRET-4,2,5,,\n" // 5
                                   "2026-03-02,m/x,roll-SECRET-5," + QByteArray(200, '9') + ",,,\n" // 6
                                   "2026-03-03,m/x,roll-SECRET-6,4,,,0.000000000123\n" // 7: rounded
                                   "2026-03-04,m/x,roll-SECRET-7,\"4\n1\",,,\n" // 8-9
                                   "2026-03-04,m/x,roll-SECRET-8,roll-SECRET-8,,,\n" // 10: the caller in calls
                                   "2026-03-05,m/x,roll-SECRET-9,2,,x\ry,\n"); // 11
        QStringList full;
        const ImportReport report = importFile(db, path, ImportOptions{}, {}, [&](const RowError &e) { full << e.toString(); });
        const QStringList expected{
            path + ":3: fees is not a plain decimal number: \"1,5\"",
            path + ":4: day is not a date (YYYY-MM-DD): \"last tuesday\"",
            path + ":5: failed_calls is more than calls: \"5\"",
            path + ":6: calls is not a whole number of 1 or more: \"" + QString(40, u'9') + QChar(0x2026) + "\"",
            path + ":8: calls is not a whole number of 1 or more: \"4 1\"",
            path + ":10: calls is not a whole number of 1 or more",
            path + ":11: verified_calls is not a whole number: \"x y\"",
        };
        QCOMPARE(full, expected);
        QVERIFY(report.rollUp);
        QCOMPARE(report.rowsImported, 2);
        for (const QString &e : full) {
            QVERIFY2(!e.contains(QLatin1String("SECRET"), Qt::CaseInsensitive), qPrintable(e));
            QVERIFY2(!e.contains(u'\n') && !e.contains(u'\r'), qPrintable(e));
        }
        QCOMPARE(report.feesRounded, 1);
        QCOMPARE(report.firstRoundedLine, 7);
        QVERIFY2(report.summary().contains(QLatin1String(", 1 fee rounded (first on line 7), ")), qPrintable(report.summary()));

        // From a query's result, the summary counts rows.
        struct Rows final : RollupSource
        {
            std::vector<std::vector<std::string>> rows{{"2026-04-01", "m/q", "q-SECRET", "2", "0.5"},
                                                       {"2026-04-01", "m/r", "q-SECRET", "2", "-0.5"},
                                                       {"2026-04-02", "m/q", "q-SECRET", "2", "0.0000000015"}};
            std::size_t at = 0;
            QString name() const override { return QStringLiteral("query.sql on test"); }
            QString layout() const override { return QStringLiteral("PostgreSQL query"); }
            std::vector<std::string> columns() override { return {"day", "model_id", "caller", "calls", "fees"}; }
            bool next(std::vector<std::optional<std::string_view>> &values) override
            {
                if (at == rows.size())
                    return false;
                values.assign(rows[at].begin(), rows[at].end());
                ++at;
                return true;
            }
        } source;
        QStringList fromQuery;
        const ImportReport q = importRollup(db, source, ImportOptions{}, {}, [&](const RowError &e) { fromQuery << e.toString(); });
        QCOMPARE(fromQuery, QStringList{"query.sql on test: row 2: fees is negative: \"-0.5\""});
        QVERIFY2(q.summary().contains(QLatin1String("1 fee rounded (first in row 3)")), qPrintable(q.summary()));
    }

    void strict()
    {
        Database db = Cache::open(m_cache);
        run(db, usageFile({"2026-02-01T10:00:00Z,m/old,alice,e0,,1,"}), ImportOptions::Usage);
        const QString file = usageFile({"2026-03-01T10:00:00Z,m/x,alice,e1,,1,", "nonsense,m/x,alice,e2,,1,",
                                        "2026-03-01T11:00:00Z,m/y,bob,e3,,1,", "2026-03-01T11:00:00Z,m/y,,e4,,1,"});
        const Outcome s = run(db, file, ImportOptions::Usage, ImportOptions::Format::Auto, true);
        QCOMPARE(s.report.outcome, ImportReport::Outcome::Refused);
        QCOMPARE(s.errors.size(), 2); // every bad row is still reported
        QCOMPARE(s.report.rowsImported, 0);
        QCOMPARE(count(db, "SELECT count(*) FROM models"), 1);
        QCOMPARE(count(db, "SELECT count(*) FROM usage_daily"), 1);
        QCOMPARE(count(db, "SELECT count(*) FROM event_keys"), 1);
        QCOMPARE(count(db, "SELECT count(*) FROM imported_files"), 1);
        // Without --strict the good rows go in.
        const Outcome n = run(db, file, ImportOptions::Usage);
        QCOMPARE(n.report.outcome, ImportReport::Outcome::Imported);
        QCOMPARE(n.report.rowsImported, 2);
        QCOMPARE(n.report.rowsRejected, 2);
        QCOMPARE(count(db, "SELECT rows_imported || '/' || rows_rejected FROM imported_files ORDER BY id DESC LIMIT 1"), 2);
    }

    void cancelLeavesNothing_data()
    {
        eachKind();
    }

    void cancelLeavesNothing()
    {
        QFETCH(int, kind);
        Database db = Cache::open(m_cache);
        const QString before = withExamples(db);

        // About 6 MB, so that progress is reported several times on the way.
        QByteArray text = kind == ImportOptions::Usage ? QByteArray(kHeader) : QByteArray("model_id,author\n");
        for (int i = 0; i < 120000; ++i) {
            if (kind == ImportOptions::Usage)
                text += "2026-03-01T10:00:00Z,m/" + QByteArray::number(i % 500) + ",caller-" + QByteArray::number(i) + ",ev" + QByteArray::number(i) + ",,0.1,\n";
            else
                text += (i == 0 ? QByteArray("acme-labs/sentiment-mini") : "bulk/m" + QByteArray::number(i))
                        + ",changed by a file that is cancelled on its way\n";
        }
        const QString file = write(text);
        int calls = 0;
        bool sane = true;
        const Outcome o = run(db, file, ImportOptions::Kind(kind), ImportOptions::Format::Auto, false, false,
                              [&](std::int64_t done, std::int64_t total) {
                                  sane = sane && done > 0 && done <= total;
                                  return ++calls < 4;
                              });
        QVERIFY(sane);
        QCOMPARE(o.failure, QStringLiteral("cancelled"));
        QCOMPARE(calls, 4);
        QCOMPARE(cacheState(db), before);
        // And the same file imports fine afterwards (it was not recorded as imported).
        QCOMPARE(run(db, file, ImportOptions::Kind(kind)).report.outcome, ImportReport::Outcome::Imported);
        QVERIFY(cacheState(db) != before);
    }

    void cancelAfterTheLastByte_data()
    {
        eachKind();
    }

    void cancelAfterTheLastByte()
    {
        // Cancel once the whole file has been read, while the writers bring figures and
        // indexes up to date (well over 100 ms for 50,000 models): nothing is kept either.
        QFETCH(int, kind);
        Database db = Cache::open(m_cache);
        const QString before = withExamples(db);
        QByteArray text = kind == ImportOptions::Usage ? QByteArray(kHeader) : QByteArray("model_id,author\n");
        for (int i = 0; i < 100000; ++i) {
            if (kind == ImportOptions::Usage)
                text += "2026-03-0" + QByteArray::number(1 + i % 2) + "T10:00:00Z,late/m" + QByteArray::number(i % 50000)
                        + ",caller-" + QByteArray::number(i % 7) + ",late" + QByteArray::number(i) + ",,0.1,\n";
            else if (i < 50000)
                text += "late/m" + QByteArray::number(i) + ",someone\n";
        }
        const QString file = write(text);
        int afterEnd = 0;
        bool wholeFileRead = false;
        const Outcome o = run(db, file, ImportOptions::Kind(kind), ImportOptions::Format::Auto, false, false,
                              [&](std::int64_t done, std::int64_t total) {
                                  if (done < total)
                                      return true;
                                  // The reader's own report of the end comes first; then the writers ask.
                                  wholeFileRead = true;
                                  return ++afterEnd < 2;
                              });
        QVERIFY(wholeFileRead);
        QCOMPARE(o.failure, QStringLiteral("cancelled"));
        QCOMPARE(afterEnd, 2);
        QCOMPARE(cacheState(db), before);
        QCOMPARE(TestUtil::modelDayMismatches(db), 0);
    }

    void fileErrorsKeepNothing_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("message");
        QTest::newRow("usage missing column") << int(ImportOptions::Usage) << QByteArray("timestamp,model_id,user\n1,m,a\n")
                                              << "the header has no 'caller' column";
        QTest::newRow("usage roll-up missing calls") << int(ImportOptions::Usage) << QByteArray("day,model_id,caller\n2026-03-01,m,a\n")
                                                     << "the header has no 'calls' column";
        QTest::newRow("usage empty file") << int(ImportOptions::Usage) << QByteArray() << "empty file";
        QTest::newRow("catalogue missing model_id") << int(ImportOptions::Catalogue) << QByteArray("id,author\na,b\n")
                                                    << "the header has no 'model_id' column";
        // Records before the structural error were written in the transaction; none may stay.
        QTest::newRow("catalogue array not closed")
            << int(ImportOptions::Catalogue) << QByteArray("[{\"id\":\"new/one\"},\n{\"id\":\"new/two\"},\n{\"id\":\"new/thr")
            << ":3: the file ends inside a string";
        QTest::newRow("usage json array broken")
            << int(ImportOptions::Usage)
            << QByteArray("[{\"timestamp\":1772409600,\"model_id\":\"new/m\",\"caller\":\"a\"}\n{\"timestamp\":1}")
            << ":2: expected , or ] between records";
    }

    void fileErrorsKeepNothing()
    {
        QFETCH(int, kind);
        QFETCH(QByteArray, content);
        QFETCH(QString, message);
        Database db = Cache::open(m_cache);
        run(db, examples() + "catalogue.csv", ImportOptions::Catalogue);
        const std::int64_t models = Cache::modelCount(db);
        const QString file = write(content);
        const Outcome o = run(db, file, ImportOptions::Kind(kind));
        QVERIFY2(o.failure.startsWith(file), qPrintable(o.failure));
        QVERIFY2(o.failure.contains(message), qPrintable(o.failure));
        QCOMPARE(Cache::modelCount(db), models);
        QCOMPARE(count(db, "SELECT count(*) FROM imported_files"), 1);
        QCOMPARE(count(db, "SELECT count(*) FROM usage_daily"), 0);
    }

    void percentSignsInFileNames()
    {
        const RowError e{QStringLiteral("/tmp/a%2b%1.csv"), 7, QStringLiteral("fee is negative")};
        QCOMPARE(e.toString(), QStringLiteral("/tmp/a%2b%1.csv:7: fee is negative"));
        Database db = Cache::open(m_cache);
        const QString path = m_dir.filePath(QStringLiteral("x%1y%2.json"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("[{\"id\": \"a/b\"}\n");
        f.close();
        const Outcome o = run(db, path, ImportOptions::Catalogue);
        QCOMPARE(o.failure, path + QStringLiteral(":2: the file ends before the array is closed"));
    }

    void workerThreadWithItsOwnConnection()
    {
        // As the window does it: the import on a worker thread with its own connection,
        // while the UI thread keeps reading through another one.
        Database ui = Cache::open(m_cache);
        QList<std::int64_t> seen;
        ImportReport report;
        QString failure;
        std::thread worker([&] {
            try {
                Database db = Cache::open(m_cache);
                ImportOptions opt;
                opt.kind = ImportOptions::Catalogue;
                report = importFile(db, examples() + "catalogue.csv", opt);
                opt.kind = ImportOptions::Usage;
                report = importFile(db, examples() + "usage.csv", opt);
            } catch (const std::exception &e) {
                failure = QString::fromUtf8(e.what());
            }
        });
        for (int i = 0; i < 20; ++i)
            seen << Cache::modelCount(ui); // never blocks, never sees half a file
        worker.join();
        QCOMPARE(failure, QString());
        QCOMPARE(report.rowsImported, 4);
        for (std::int64_t n : seen)
            QVERIFY(n == 0 || n == 3 || n == 5);
        QCOMPARE(Cache::modelCount(ui), 5);
    }

    void missingFile()
    {
        Database db = Cache::open(m_cache);
        QVERIFY(run(db, m_dir.filePath("nothing-here.csv"), ImportOptions::Usage).failure.contains("no such file"));
        QVERIFY(run(db, m_dir.path(), ImportOptions::Usage).failure.contains("folder"));
    }

    void privacy()
    {
        const QList<QByteArray> callers = {"0x52908400098527886E0F7030069857D2E4169EE7", "service-account-7",
                                           "Very.Private@Example.Org", "0xDE0B295669A9FD93D5F28D9EC85E40F4CB697BAE"};
        QList<QByteArray> needles;
        for (const QByteArray &c : callers)
            needles << c << c.toLower() << c.toUpper() << c.mid(2).toLower();
        {
            Database db = Cache::open(m_cache);
            QList<QByteArray> rows;
            for (int i = 0; i < callers.size(); ++i)
                rows << "2026-03-0" + QByteArray::number(i + 1) + "T10:00:00Z,m/x," + callers[i] + ",e" + QByteArray::number(i) + ",,,";
            rows << "bad,m/x," + callers[0] + ",,,,"; // rejected rows too
            run(db, usageFile(rows), ImportOptions::Usage);
            run(db, write("{\"timestamp\":1772409600,\"model_id\":\"m/y\",\"caller\":\"" + callers[1] + "\"}\n", ".jsonl"),
                ImportOptions::Usage);
            run(db, examples() + "usage.csv", ImportOptions::Usage);
            QCOMPARE(modelCell(db, "m/x", "unique_callers"), QStringLiteral("4"));
            // While the connection is open, the WAL holds the latest pages.
            for (const char *suffix : {"", "-wal", "-shm"}) {
                QFile f(m_cache + suffix);
                if (!f.open(QIODevice::ReadOnly))
                    continue;
                const QByteArray bytes = f.readAll();
                for (const QByteArray &n : needles)
                    QVERIFY2(!bytes.contains(n), qPrintable(QStringLiteral("%1 found in %2%3").arg(QString::fromLatin1(n), m_cache, suffix)));
            }
        }
        QFile f(m_cache);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray bytes = f.readAll();
        QVERIFY(bytes.size() > 0);
        for (const QByteArray &n : needles)
            QVERIFY(!bytes.contains(n));
    }
};

QTEST_GUILESS_MAIN(TestImportBadInput)
#include "tst_import_badinput.moc"
