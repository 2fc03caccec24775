#include "importfixture.h"

#include <QCryptographicHash>
#include <QTest>

#include <optional>

// Usage files against the data contract: timestamps, callers, duplicate events, modes and fees
// as they reach the cache, re-imports, and the figures the documented examples give.

using namespace uptake;

class TestImportUsage : public ImportFixture
{
    Q_OBJECT

private slots:
    void timestamps_data()
    {
        QTest::addColumn<QByteArray>("timestamp");
        QTest::addColumn<QString>("utc");
        QTest::newRow("Z before midnight") << QByteArray("2026-03-01T23:59:59Z") << "2026-03-01T23:59:59Z";
        QTest::newRow("Z at midnight") << QByteArray("2026-03-02T00:00:00Z") << "2026-03-02T00:00:00Z";
        QTest::newRow("fraction") << QByteArray("2026-03-01T23:59:59.999Z") << "2026-03-01T23:59:59Z";
        QTest::newRow("negative offset crosses forward") << QByteArray("2026-03-01T23:30:00-02:00") << "2026-03-02T01:30:00Z";
        QTest::newRow("positive offset crosses back") << QByteArray("2026-03-02T00:30:00+01:00") << "2026-03-01T23:30:00Z";
        QTest::newRow("offset without colon") << QByteArray("2026-03-02T05:00:00+0530") << "2026-03-01T23:30:00Z";
        QTest::newRow("no offset is UTC") << QByteArray("2026-03-01T23:59:59") << "2026-03-01T23:59:59Z";
        QTest::newRow("space separator") << QByteArray("2026-03-02 00:00:00") << "2026-03-02T00:00:00Z";
        QTest::newRow("unix before midnight") << QByteArray("1772409599") << "2026-03-01T23:59:59Z";
        QTest::newRow("unix at midnight") << QByteArray("1772409600") << "2026-03-02T00:00:00Z";
        QTest::newRow("padded") << QByteArray(" 1772409600 ") << "2026-03-02T00:00:00Z";
    }

    void timestamps()
    {
        QFETCH(QByteArray, timestamp);
        QFETCH(QString, utc);
        Database db = Cache::open(m_cache);
        const Outcome o = run(db, usageFile({"\"" + timestamp + "\",m/x,alice,,,,"}), ImportOptions::Usage);
        QCOMPARE(o.errors, QStringList());
        QCOMPARE(o.report.rowsImported, 1);
        const std::int64_t ts = *TextRules::parseTimestamp(utc.toStdString());
        QCOMPARE(cell(db, "SELECT first_ts FROM usage_daily").toLongLong(), ts);
        QCOMPARE(cell(db, "SELECT day FROM usage_daily").toLongLong(), ts / 86400);
        QCOMPARE(modelCell(db, "m/x", "first_call").toLongLong(), ts);
    }

    void timestampsJsonLines()
    {
        Database db = Cache::open(m_cache);
        const Outcome o = run(db,
                              write("{\"timestamp\": 1772409599, \"model_id\": \"m/x\", \"caller\": \"a\"}\n"
                                    "{\"timestamp\": \"2026-03-02T00:30:00+01:00\", \"model_id\": \"m/x\", \"caller\": \"a\"}\n",
                                    ".jsonl"),
                              ImportOptions::Usage);
        QCOMPARE(o.errors, QStringList());
        QCOMPARE(o.report.layout, QStringLiteral("JSON Lines"));
        QCOMPARE(modelCell(db, "m/x", "active_days"), QStringLiteral("1"));
        QCOMPARE(modelCell(db, "m/x", "calls"), QStringLiteral("2"));
    }

    void callers_data()
    {
        QTest::addColumn<QByteArray>("first");
        QTest::addColumn<QByteArray>("second");
        QTest::addColumn<int>("unique");
        QTest::newRow("address case") << QByteArray("0x52908400098527886E0F7030069857D2E4169EE7")
                                      << QByteArray("0x52908400098527886e0f7030069857d2e4169ee7") << 1;
        QTest::newRow("address 0X prefix") << QByteArray("0X52908400098527886E0F7030069857D2E4169EE7")
                                           << QByteArray("0x52908400098527886e0f7030069857d2e4169ee7") << 1;
        QTest::newRow("address blanks") << QByteArray("\" 0x52908400098527886E0F7030069857D2E4169EE7 \"")
                                        << QByteArray("0x52908400098527886e0f7030069857d2e4169ee7") << 1;
        QTest::newRow("user ids keep case") << QByteArray("Agent-42") << QByteArray("agent-42") << 2;
        QTest::newRow("not quite an address") << QByteArray("0x52908400098527886E0F7030069857D2E4169EE")
                                              << QByteArray("0x52908400098527886e0f7030069857d2e4169ee") << 2;
    }

    void callers()
    {
        QFETCH(QByteArray, first);
        QFETCH(QByteArray, second);
        QFETCH(int, unique);
        Database db = Cache::open(m_cache);
        const Outcome o = run(db, usageFile({"2026-03-01T10:00:00Z,m/x," + first + ",,,,", "2026-03-02T10:00:00Z,m/x," + second + ",,,,"}),
                              ImportOptions::Usage);
        QCOMPARE(o.errors, QStringList());
        QCOMPARE(modelCell(db, "m/x", "unique_callers").toInt(), unique);
        QCOMPARE(modelCell(db, "m/x", "repeat_callers").toInt(), unique == 1 ? 1 : 0);
    }

    void duplicates()
    {
        Database db = Cache::open(m_cache);
        const Outcome a = run(db,
                              usageFile({"2026-03-01T10:00:00Z,m/x,alice,e1,,0.5,", "2026-03-01T10:00:00Z,m/x,alice,e1,,0.5,",
                                         "2026-03-01T11:00:00Z,m/x,alice, e2 ,,0.5,", "2026-03-01T11:00:00Z,m/x,alice,e2,,0.5,",
                                         "2026-03-01T12:00:00Z,m/x,alice,,,0.5,", "2026-03-01T12:00:00Z,m/x,alice,,,0.5,"}),
                              ImportOptions::Usage);
        QCOMPARE(a.report.rowsImported, 4); // e1, e2 and the two calls without an event id
        QCOMPARE(a.report.duplicates, 2);
        // A second file repeating e1 and e2 adds only its new event.
        const Outcome b = run(db, usageFile({"2026-03-05T10:00:00Z,m/x,bob,e1,,9,", "2026-03-05T10:00:00Z,m/x,bob,e3,,1,",
                                             "2026-03-05T10:00:00Z,m/x,bob,e2,,9,"}),
                              ImportOptions::Usage);
        QCOMPARE(b.report.rowsImported, 1);
        QCOMPARE(b.report.duplicates, 2);
        QCOMPARE(modelCell(db, "m/x", "calls"), QStringLiteral("5"));
        QCOMPARE(modelCell(db, "m/x", "fees_nano"), QStringLiteral("3000000000"));
        // And a JSON Lines file shares the same event keys.
        const Outcome c = run(db, write("{\"timestamp\":\"2026-03-06T10:00:00Z\",\"model_id\":\"m/x\",\"caller\":\"c\",\"event_id\":\"e3\"}\n", ".jsonl"),
                              ImportOptions::Usage);
        QCOMPARE(c.report.duplicates, 1);
        QCOMPARE(c.report.rowsImported, 0);
        // The daily totals follow the rows across files: 4 calls on 03-01, 1 on 03-05.
        QCOMPARE(TestUtil::modelDayMismatches(db), std::int64_t(0));
        QCOMPARE(db.queryInt("SELECT count(*) FROM model_day"), std::optional<std::int64_t>(2));
        QCOMPARE(db.queryInt("SELECT calls FROM model_day ORDER BY day LIMIT 1"), std::optional<std::int64_t>(4));
        QCOMPARE(db.queryInt("SELECT calls FROM model_day ORDER BY day DESC LIMIT 1"), std::optional<std::int64_t>(1));
    }

    // Contract 2: a simulated inference is no call; it is skipped and counted, and leaves no
    // trace (its event id does not hide a real call, its model is not made unlisted).
    void simulatedInferencesAreSkippedAndCounted()
    {
        Database db = Cache::open(m_cache);
        const Outcome a = run(db,
                              write("timestamp,model_id,caller,event_id,mode,fee,status,simulation\n"
                                    "2026-03-01T10:00:00Z,m/x,alice,e1,tee,0.5,ok,true\n"
                                    "2026-03-01T11:00:00Z,m/x,alice,e2,tee,0.5,ok,false\n"
                                    "2026-03-01T12:00:00Z,m/x,bob,e3,,1,ok,\n"
                                    "2026-03-01T13:00:00Z,m/y,carol,e4,,,ok, TRUE \n"
                                    "2026-03-01T14:00:00Z,m/x,dave,e5,,,ok,1\n"
                                    "2026-03-01T15:00:00Z,m/x,erin,e6,,,ok,maybe\n"),
                              ImportOptions::Usage);
        QCOMPARE(a.errors, QStringList{QStringLiteral("7: simulation is not true or false: \"maybe\"")});
        QCOMPARE(a.report.rowsImported, 2);
        QCOMPARE(a.report.simulatedSkipped, 3);
        QVERIFY2(a.report.summary().endsWith(QStringLiteral(", 3 simulated inferences skipped")), qPrintable(a.report.summary()));
        QCOMPARE(modelCell(db, "m/x", "calls"), QStringLiteral("2"));
        QCOMPARE(modelCell(db, "m/x", "fees_nano"), QStringLiteral("1500000000"));
        QCOMPARE(db.queryInt("SELECT count(*) FROM models WHERE model_id = 'm/y'"), std::optional<std::int64_t>(0));
        QCOMPARE(db.queryInt("SELECT sum(calls) FROM usage_daily"), std::optional<std::int64_t>(2));
        QCOMPARE(TestUtil::modelDayMismatches(db), std::int64_t(0));

        // JSON Lines: a boolean, or the words; e1 was only simulated, so its real call counts.
        const Outcome b = run(db,
                              write("{\"timestamp\":\"2026-03-02T10:00:00Z\",\"model_id\":\"m/x\",\"caller\":\"a\",\"event_id\":\"e1\",\"simulation\":false}\n"
                                    "{\"timestamp\":\"2026-03-02T11:00:00Z\",\"model_id\":\"m/x\",\"caller\":\"a\",\"simulation\":true}\n"
                                    "{\"timestamp\":\"2026-03-02T12:00:00Z\",\"model_id\":\"m/x\",\"caller\":\"a\",\"simulation\":\"True\"}\n"
                                    "{\"timestamp\":\"2026-03-02T13:00:00Z\",\"model_id\":\"m/x\",\"caller\":\"a\",\"simulation\":null}\n",
                                    ".jsonl"),
                              ImportOptions::Usage);
        QCOMPARE(b.errors, QStringList());
        QCOMPARE(b.report.rowsImported, 2);
        QCOMPARE(b.report.duplicates, 0);
        QCOMPARE(b.report.simulatedSkipped, 2);
        QCOMPARE(modelCell(db, "m/x", "calls"), QStringLiteral("4"));
        // A file without simulated rows says nothing of them.
        const Outcome c = run(db, usageFile({"2026-03-03T10:00:00Z,m/x,alice,e9,,,"}), ImportOptions::Usage);
        QCOMPARE(c.report.simulatedSkipped, 0);
        QVERIFY(!c.report.summary().contains(QStringLiteral("simulated")));
    }

    void modes_data()
    {
        QTest::addColumn<QByteArray>("mode");
        QTest::addColumn<QString>("expected"); // vanilla, tee, zkml or bad
        QTest::newRow("empty") << QByteArray("") << "vanilla";
        QTest::newRow("vanilla") << QByteArray("vanilla") << "vanilla";
        QTest::newRow("VANILLA") << QByteArray("VANILLA") << "vanilla";
        QTest::newRow("tee") << QByteArray("tee") << "tee";
        QTest::newRow("Tee") << QByteArray("Tee") << "tee";
        QTest::newRow("ZKML") << QByteArray("ZKML") << "zkml";
        QTest::newRow("sdk 0") << QByteArray("0") << "vanilla";
        QTest::newRow("sdk 1 is zkml") << QByteArray("1") << "zkml";
        QTest::newRow("sdk 2 is tee") << QByteArray("2") << "tee";
        QTest::newRow("padded") << QByteArray(" tee ") << "tee";
        QTest::newRow("sdk 3") << QByteArray("3") << "bad";
        QTest::newRow("other word") << QByteArray("secure") << "bad";
    }

    void modes()
    {
        QFETCH(QByteArray, mode);
        QFETCH(QString, expected);
        Database db = Cache::open(m_cache);
        const Outcome o = run(db, usageFile({"2026-03-01T10:00:00Z,m/x,alice,,\"" + mode + "\",,"}), ImportOptions::Usage);
        if (expected == QLatin1String("bad")) {
            QCOMPARE(o.errors, QStringList{QStringLiteral("2: mode is not vanilla, tee, zkml, 0, 1 or 2: \"%1\"")
                                               .arg(QString::fromLatin1(mode))});
            return;
        }
        QCOMPARE(o.errors, QStringList());
        QCOMPARE(cell(db, "SELECT tee_calls FROM usage_daily").toInt(), expected == QLatin1String("tee") ? 1 : 0);
        QCOMPARE(cell(db, "SELECT zkml_calls FROM usage_daily").toInt(), expected == QLatin1String("zkml") ? 1 : 0);
        QCOMPARE(modelCell(db, "m/x", "verified_calls").toInt(), expected == QLatin1String("vanilla") ? 0 : 1);
    }

    void modesJsonNumbers()
    {
        Database db = Cache::open(m_cache);
        run(db, write("{\"timestamp\":1772409600,\"model_id\":\"m/x\",\"caller\":\"a\",\"mode\":1}\n"
                      "{\"timestamp\":1772409600,\"model_id\":\"m/x\",\"caller\":\"a\",\"mode\":2}\n"
                      "{\"timestamp\":1772409600,\"model_id\":\"m/x\",\"caller\":\"a\",\"mode\":null}\n",
                      ".jsonl"),
            ImportOptions::Usage);
        QCOMPARE(cell(db, "SELECT zkml_calls || ',' || tee_calls || ',' || calls FROM usage_daily"), QStringLiteral("1,1,3"));
    }

    void fees_data()
    {
        QTest::addColumn<QList<QByteArray>>("fees");
        QTest::addColumn<qint64>("sumNano");
        QTest::addColumn<int>("rounded");
        QTest::newRow("binary floating point would drift") << QList<QByteArray>{"0.1", "0.2", "0.3"} << qint64(600000000) << 0;
        QTest::newRow("empty is zero") << QList<QByteArray>{"", "0"} << qint64(0) << 0;
        QTest::newRow("nine digits exact") << QList<QByteArray>{"0.000000001", "0.000000001"} << qint64(2) << 0;
        QTest::newRow("half to even down") << QList<QByteArray>{"0.0000000025"} << qint64(2) << 1;
        QTest::newRow("half to even up") << QList<QByteArray>{"0.0000000015"} << qint64(2) << 1;
        QTest::newRow("half to zero") << QList<QByteArray>{"0.0000000005"} << qint64(0) << 1;
        QTest::newRow("above half") << QList<QByteArray>{"0.00000000251"} << qint64(3) << 1;
        QTest::newRow("trailing zeros are not rounding") << QList<QByteArray>{"0.0025000000000"} << qint64(2500000) << 0;
        QTest::newRow("large") << QList<QByteArray>{"123456789.123456789", "0.876543211"} << qint64(123456790000000000) << 0;
        QTest::newRow("plus sign and blanks") << QList<QByteArray>{" +1.5 "} << qint64(1500000000) << 0;
        QTest::newRow("many rounded") << QList<QByteArray>{"0.0000000001", "0.0000000009", "1.00000000049"}
                                      << qint64(1000000001) << 3;
    }

    void fees()
    {
        QFETCH(QList<QByteArray>, fees);
        QFETCH(qint64, sumNano);
        QFETCH(int, rounded);
        Database db = Cache::open(m_cache);
        QList<QByteArray> rows;
        for (const QByteArray &f : fees)
            rows << "2026-03-01T10:00:00Z,m/x,alice,,,\"" + f + "\",";
        const Outcome o = run(db, usageFile(rows), ImportOptions::Usage);
        QCOMPARE(o.errors, QStringList());
        QCOMPARE(modelCell(db, "m/x", "fees_nano").toLongLong(), sumNano);
        QCOMPARE(o.report.feesRounded, rounded);
    }

    void reimport()
    {
        Database db = Cache::open(m_cache);
        const QByteArray content = QByteArray(kHeader) + "2026-03-01T10:00:00Z,m/x,alice,e1,,1,\n2026-03-01T10:00:00Z,m/x,alice,,,1,\n";
        const QString file = write(content);
        QCOMPARE(run(db, file, ImportOptions::Usage).report.rowsImported, 2);
        QCOMPARE(cell(db, "SELECT kind || ' ' || size || ' ' || rows_imported || ' ' || length(content_hash) FROM imported_files"),
                 QStringLiteral("usage %1 2 32").arg(content.size()));
        QCOMPARE(cell(db, "SELECT hex(content_hash) FROM imported_files"),
                 QString::fromLatin1(QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex().toUpper()));

        // Same content, even under another name: skipped.
        for (const QString &f : {file, write(content, QStringLiteral(".txt"))}) {
            const Outcome again = run(db, f, ImportOptions::Usage);
            QCOMPARE(again.report.outcome, ImportReport::Outcome::AlreadyImported);
            QCOMPARE(modelCell(db, "m/x", "calls"), QStringLiteral("2"));
        }
        // One more byte of content is another file.
        const Outcome changed = run(db, write(content + "\n"), ImportOptions::Usage);
        QCOMPARE(changed.report.outcome, ImportReport::Outcome::Imported);
        QCOMPARE(changed.report.duplicates, 1);
        QCOMPARE(modelCell(db, "m/x", "calls"), QStringLiteral("3")); // the call without event id counts again

        // --force: imported again, event ids still deduplicate; still one record of that content.
        const Outcome forced = run(db, file, ImportOptions::Usage, ImportOptions::Format::Auto, false, true);
        QCOMPARE(forced.report.outcome, ImportReport::Outcome::Imported);
        QCOMPARE(forced.report.duplicates, 1);
        QCOMPARE(forced.report.rowsImported, 1);
        QCOMPARE(count(db, "SELECT count(*) FROM imported_files"), 2);

        // Catalogues are upserts, so the same content is simply imported again.
        QCOMPARE(run(db, examples() + "catalogue.csv", ImportOptions::Catalogue).report.outcome, ImportReport::Outcome::Imported);
        QCOMPARE(run(db, examples() + "catalogue.csv", ImportOptions::Catalogue).report.outcome, ImportReport::Outcome::Imported);
        QCOMPARE(count(db, "SELECT count(*) FROM imported_files WHERE kind = 'catalogue'"), 1);
    }

    void examplesImportCleanly_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("kind");
        for (const char *f : {"hf_models.json", "opengradient_models.json", "catalogue.csv", "catalogue.jsonl"})
            QTest::newRow(f) << examples() + f << int(ImportOptions::Catalogue);
        for (const char *f : {"usage.csv", "usage.jsonl"})
            QTest::newRow(f) << examples() + f << int(ImportOptions::Usage);
    }

    void examplesImportCleanly()
    {
        QFETCH(QString, file);
        QFETCH(int, kind);
        Database db = Cache::open(m_cache);
        const Outcome o = run(db, file, ImportOptions::Kind(kind));
        QCOMPARE(o.failure, QString());
        QCOMPARE(o.errors, QStringList());
        QCOMPARE(o.report.outcome, ImportReport::Outcome::Imported);
        QVERIFY(o.report.rowsImported > 0);
    }

    void examplesFigures()
    {
        // The figures docs/FORMATS.md quotes for the examples.
        Database db = Cache::open(m_cache);
        for (const char *f : {"hf_models.json", "opengradient_models.json"})
            run(db, examples() + f, ImportOptions::Catalogue);
        const Outcome u = run(db, examples() + "usage.csv", ImportOptions::Usage);
        QCOMPARE(u.report.rowsImported, 4);
        QCOMPARE(u.report.duplicates, 1);
        QCOMPARE(u.report.feesRounded, 1);
        QCOMPARE(u.report.unlistedModels, 1);
        const Outcome j = run(db, examples() + "usage.jsonl", ImportOptions::Usage);
        QCOMPARE(j.report.rowsImported, 3);
        QCOMPARE(modelCell(db, "acme-labs/sentiment-mini", "calls"), QStringLiteral("3"));
        QCOMPARE(modelCell(db, "acme-labs/sentiment-mini", "unique_callers"), QStringLiteral("2"));
        QCOMPARE(modelCell(db, "acme-labs/sentiment-mini", "repeat_callers"), QStringLiteral("1"));
        QCOMPARE(modelCell(db, "acme-labs/sentiment-mini", "fees_nano"), QStringLiteral("5000000"));
        QCOMPARE(modelCell(db, "chainsight/eth-gas-predictor", "fees_nano"), QStringLiteral("30000012"));
        QCOMPARE(modelCell(db, "chainsight/eth-gas-predictor", "verified_calls"), QStringLiteral("3"));
        QCOMPARE(modelCell(db, "chainsight/eth-gas-predictor", "failed_calls"), QStringLiteral("1"));
        QCOMPARE(modelCell(db, "someone/not-in-catalogue", "listed"), QStringLiteral("0"));
    }
};

QTEST_GUILESS_MAIN(TestImportUsage)
#include "tst_import_usage.moc"
