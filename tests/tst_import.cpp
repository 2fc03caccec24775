#include "db/cache.h"
#include "ingest/importer.h"
#include "ingest/ingest.h"
#include "view/shortterms.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <optional>
#include <thread>

// The importers against the data contract, run in-process through importFile(), the
// same call the window makes. tst_import_cli covers the command line around it.

namespace {

struct Outcome
{
    ImportReport report;
    QStringList errors; // "LINE: reason"
    QString failure; // ImportError message, or "cancelled"
};

QString examples()
{
    return QStringLiteral(UPTAKE_SOURCE_DIR "/docs/examples/");
}

QString importData()
{
    return TestUtil::dataDir() + QStringLiteral("/import/");
}

Outcome run(Database &db, const QString &path, ImportOptions::Kind kind, ImportOptions::Format format = ImportOptions::Format::Auto,
            bool strict = false, bool force = false, const ProgressFn &progress = {})
{
    ImportOptions opt;
    opt.kind = kind;
    opt.format = format;
    opt.strict = strict;
    opt.force = force;
    Outcome o;
    try {
        o.report = importFile(db, path, opt, progress, [&](const RowError &e) {
            QCOMPARE(e.file, path);
            o.errors << QStringLiteral("%1: %2").arg(e.line).arg(e.reason);
        });
    } catch (const ImportError &e) {
        o.failure = e.message();
    } catch (const Cancelled &) {
        o.failure = QStringLiteral("cancelled");
    }
    return o;
}

// One cell as text, "NULL" when null.
QString cell(Database &db, const QString &sql)
{
    Statement st(db, sql.toStdString());
    if (!st.step())
        return QStringLiteral("(no row)");
    return st.isNull(0) ? QStringLiteral("NULL") : st.text(0);
}

std::int64_t count(Database &db, const char *sql)
{
    return db.queryInt(sql).value_or(-1);
}

QString modelCell(Database &db, const QString &model, const QString &column)
{
    return cell(db, QStringLiteral("SELECT %1 FROM models WHERE model_id = '%2'").arg(column, model));
}

// What an import that is left out must not change: the row counts of every table it writes,
// the calls and the authors.
QString cacheState(Database &db)
{
    return cell(db, "SELECT (SELECT count(*) FROM models) || ' ' || (SELECT count(*) FROM usage_daily) || ' ' ||"
                    " (SELECT count(*) FROM event_keys) || ' ' || (SELECT count(*) FROM model_day) || ' ' ||"
                    " (SELECT count(*) FROM imported_files) || ' ' || (SELECT sum(calls) FROM models) || ' ' ||"
                    " (SELECT group_concat(coalesce(author, '-')) FROM models)");
}

const char *kHeader = "timestamp,model_id,caller,event_id,mode,fee,status\n";

} // namespace

class TestImport : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QString m_cache;
    int m_n = 0;

    QString write(const QByteArray &content, const QString &suffix = QStringLiteral(".csv"))
    {
        const QString path = m_dir.filePath(QStringLiteral("in%1%2").arg(++m_n).arg(suffix));
        QFile f(path);
        if (!f.open(QIODevice::WriteOnly))
            qFatal("cannot write %s", qPrintable(path));
        f.write(content);
        return path;
    }

    QString usageFile(const QList<QByteArray> &rows)
    {
        QByteArray text = kHeader;
        for (const QByteArray &r : rows)
            text += r + '\n';
        return write(text);
    }

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_cache = m_dir.filePath(QStringLiteral("cache%1.sqlite").arg(++m_n));
    }

    // ---- catalogue ---------------------------------------------------------------------------

    void catalogueFields_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("expected"); // timestamps as ISO 8601; NULL for unknown

        const QString hf = examples() + "hf_models.json";
        const QString og = examples() + "opengradient_models.json";
        const QString csv = examples() + "catalogue.csv";
        const QString ogv = importData() + "og_versions.json";
        const QString odd = importData() + "hf_odd.jsonl";
        struct R { QString file; const char *model, *column, *expected; };
        const R rows[] = {
            {hf, "acme-labs/sentiment-mini", "author", "acme-labs"},
            {hf, "acme-labs/sentiment-mini", "name", "sentiment-mini"},
            {hf, "acme-labs/sentiment-mini", "task", "text-classification"},
            {hf, "acme-labs/sentiment-mini", "framework", "transformers"},
            {hf, "acme-labs/sentiment-mini", "license", "apache-2.0"},
            {hf, "acme-labs/sentiment-mini", "tags", "transformers;safetensors;text-classification;en;license:apache-2.0"},
            {hf, "acme-labs/sentiment-mini", "created_at", "2025-01-10T08:00:00Z"},
            {hf, "acme-labs/sentiment-mini", "updated_at", "2025-04-02T16:30:00Z"},
            {hf, "acme-labs/sentiment-mini", "versions", "1"},
            {hf, "acme-labs/sentiment-mini", "files", "3"},
            {hf, "acme-labs/sentiment-mini", "downloads", "15230"},
            {hf, "acme-labs/sentiment-mini", "likes", "41"},
            {hf, "acme-labs/sentiment-mini", "description", "NULL"},
            {hf, "acme-labs/tiny-forecaster", "author", "acme-labs"}, // from the id (modelId here)
            {hf, "acme-labs/tiny-forecaster", "license", "NULL"},
            {hf, "acme-labs/tiny-forecaster", "framework", "NULL"},
            {hf, "acme-labs/tiny-forecaster", "updated_at", "NULL"},
            {hf, "acme-labs/tiny-forecaster", "files", "NULL"},
            {hf, "acme-labs/tiny-forecaster", "downloads", "0"},
            {hf, "acme-labs/tiny-forecaster", "likes", "NULL"},
            {hf, "distilroberta-legacy", "author", "NULL"},
            {hf, "distilroberta-legacy", "name", "distilroberta-legacy"},
            {hf, "distilroberta-legacy", "task", "NULL"},
            {hf, "distilroberta-legacy", "created_at", "NULL"},
            {hf, "distilroberta-legacy", "tags", "NULL"},
            {og, "chainsight/eth-gas-predictor", "author", "chainsight"},
            {og, "chainsight/eth-gas-predictor", "name", "eth-gas-predictor"},
            {og, "chainsight/eth-gas-predictor", "task", "Time Series Forecasting"},
            {og, "chainsight/eth-gas-predictor", "framework", "onnx"},
            {og, "chainsight/eth-gas-predictor", "created_at", "2025-05-20T10:00:00Z"},
            {og, "chainsight/eth-gas-predictor", "updated_at", "2025-06-18T09:45:00Z"},
            {og, "chainsight/eth-gas-predictor", "versions", "2"},
            {og, "chainsight/eth-gas-predictor", "files", "2"},
            {og, "chainsight/eth-gas-predictor", "description",
             "Forecasts the next block's base fee.\nInputs: 12 x 3 float32."},
            {og, "chainsight/eth-gas-predictor", "license", "NULL"},
            {og, "chainsight/eth-gas-predictor", "tags", "NULL"},
            {og, "chainsight/eth-gas-predictor", "downloads", "NULL"},
            {og, "chainsight/wallet-cluster", "versions", "1"},
            {og, "chainsight/wallet-cluster", "files", "NULL"},
            {og, "chainsight/wallet-cluster", "framework", "NULL"},
            {og, "chainsight/wallet-cluster", "created_at", "NULL"},
            {og, "chainsight/wallet-cluster", "description", "NULL"},
            {ogv, "lab/undated", "created_at", "2025-07-01T00:00:00Z"}, // the earliest version
            {ogv, "lab/undated", "updated_at", "2025-08-02T12:00:00Z"}, // the newest dated version
            {ogv, "lab/undated", "versions", "3"},
            {ogv, "lab/undated", "files", "2"},
            {ogv, "lab/undated", "framework", "pt"},
            {ogv, "lab/plain-files", "framework", "NULL"},
            {ogv, "lab/plain-files", "created_at", "2025-01-01T00:00:00Z"},
            {ogv, "lab/plain-files", "task", "NULL"},
            {ogv, "lab/plain-files", "description", "NULL"},
            {odd, "solo-model", "likes", "NULL"},
            {odd, "solo-model", "downloads", "12"},
            {odd, "solo-model", "tags", "NULL"},
            {odd, "solo-model", "files", "0"},
            {odd, "org/with-license-only", "license", "other"},
            {odd, "org/with-license-only", "author", "Org Display"},
            {csv, "acme-labs/sentiment-mini", "description", "Small sentiment model, English only"},
            {csv, "acme-labs/sentiment-mini", "versions", "3"},
            {csv, "acme-labs/sentiment-mini", "tags", "transformers;en"},
            {csv, "house/price-model", "description", "Quotes \"fair\" prices\nover two lines"},
            {csv, "house/price-model", "created_at", "2024-11-05T00:00:00Z"},
            {csv, "house/price-model", "license", "NULL"},
            {csv, "house/price-model", "downloads", "NULL"},
            {csv, "house/no-details", "author", "NULL"},
            {csv, "house/no-details", "versions", "NULL"},
            {csv, "house/no-details", "created_at", "NULL"},
        };
        for (const R &r : rows)
            QTest::addRow("%s %s %s", qPrintable(QFileInfo(r.file).fileName()), r.model, r.column)
                << r.file << r.model << r.column << r.expected;
    }

    void catalogueFields()
    {
        QFETCH(QString, file);
        QFETCH(QString, model);
        QFETCH(QString, column);
        QFETCH(QString, expected);
        Database db = Cache::open(m_cache);
        const Outcome o = run(db, file, ImportOptions::Catalogue);
        QCOMPARE(o.failure, QString());
        QCOMPARE(o.errors, QStringList());
        QString got = modelCell(db, model, column);
        if (column.endsWith(QLatin1String("_at")) && got != QLatin1String("NULL"))
            got = QString::fromStdString(TextRules::formatTimestamp(got.toLongLong()));
        QCOMPARE(got, expected);
        QCOMPARE(modelCell(db, model, "listed"), QStringLiteral("1"));
    }

    void catalogueLayouts_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("layout");
        QTest::addColumn<int>("models");
        QTest::newRow("hf array") << examples() + "hf_models.json" << "JSON array" << 3;
        QTest::newRow("opengradient object") << examples() + "opengradient_models.json" << "JSON object" << 2;
        QTest::newRow("csv") << examples() + "catalogue.csv" << "CSV" << 3;
        QTest::newRow("json lines") << examples() + "catalogue.jsonl" << "JSON Lines" << 3;
        QTest::newRow("shared hf sample shape") << importData() + "hf_odd.jsonl" << "JSON Lines" << 2;
    }

    void catalogueLayouts()
    {
        QFETCH(QString, file);
        QFETCH(QString, layout);
        QFETCH(int, models);
        Database db = Cache::open(m_cache);
        const Outcome o = run(db, file, ImportOptions::Catalogue);
        QCOMPARE(o.failure, QString());
        QCOMPARE(o.report.layout, layout);
        QCOMPARE(o.report.rowsImported, models);
        QCOMPARE(Cache::modelCount(db), models);
    }

    void catalogueJsonLinesMixesShapes()
    {
        Database db = Cache::open(m_cache);
        const Outcome o = run(db, examples() + "catalogue.jsonl", ImportOptions::Catalogue);
        QCOMPARE(o.errors, QStringList());
        QCOMPARE(modelCell(db, "acme-labs/sentiment-mini", "license"), QStringLiteral("apache-2.0")); // hf
        QCOMPARE(modelCell(db, "chainsight/eth-gas-predictor", "task"), QStringLiteral("Time Series Forecasting")); // og
        QCOMPARE(modelCell(db, "house/price-model", "versions"), QStringLiteral("2")); // csv column names
        QCOMPARE(modelCell(db, "house/price-model", "author"), QStringLiteral("NULL"));
    }

    void catalogueForcedFormat_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<int>("format");
        QTest::addColumn<QString>("firstError");
        QTest::addColumn<QString>("failure");
        QTest::newRow("hf on opengradient") << examples() + "opengradient_models.json"
                                            << int(ImportOptions::Format::HuggingFace) << "4: no id or modelId" << "";
        QTest::newRow("opengradient on hf") << examples() + "hf_models.json" << int(ImportOptions::Format::OpenGradient)
                                            << "2: no authorUsername or no name" << "";
        QTest::newRow("csv on json") << examples() + "hf_models.json" << int(ImportOptions::Format::Csv) << ""
                                     << "no 'model_id' column";
        QTest::newRow("hf on csv") << examples() + "catalogue.csv" << int(ImportOptions::Format::HuggingFace) << ""
                                   << "not JSON";
    }

    void catalogueForcedFormat()
    {
        QFETCH(QString, file);
        QFETCH(int, format);
        QFETCH(QString, firstError);
        QFETCH(QString, failure);
        Database db = Cache::open(m_cache);
        const Outcome o = run(db, file, ImportOptions::Catalogue, ImportOptions::Format(format));
        if (!failure.isEmpty()) {
            QVERIFY2(o.failure.contains(failure), qPrintable(o.failure));
        } else {
            QCOMPARE(o.failure, QString());
            QVERIFY(!o.errors.isEmpty());
            QCOMPARE(o.errors.first(), firstError);
            QCOMPARE(o.report.rowsImported, 0);
        }
        QCOMPARE(Cache::modelCount(db), 0);
    }

    void catalogueBadRows_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QStringList>("errors");
        QTest::addColumn<int>("imported");
        const QByteArray h = "model_id,created_at,downloads,author\n";
        QTest::newRow("csv") << h + "ok/one,2025-01-01,5,a\n,2025-01-01,1,b\nok/two,yesterday,,\nok/three,,-4,\n"
                                    "ok/four,,1.5,\nok/five,,,\"unclosed\n"
                             << QStringList{"3: model_id is empty", "4: created_at is not an ISO 8601 date or Unix seconds: \"yesterday\"",
                                            "5: downloads is not a whole number: \"-4\"", "6: downloads is not a whole number: \"1.5\"",
                                            "7: a quoted field is not closed, or text follows its closing quote"}
                             << 1;
        QTest::newRow("csv field count") << h + "a/b,,,\na/c,,\n" << QStringList{"3: 3 fields where the header has 4"} << 1;
        QTest::newRow("csv bad utf-8") << h + "a/\xff,,,\na/b,,,\xfe\n"
                                       << QStringList{"2: model id is not valid UTF-8: \"a/\uFFFD\"",
                                                      "3: author is not valid UTF-8: \"\uFFFD\""}
                                       << 0;
        QTest::newRow("json") << QByteArray("[{\"id\":\"a/b\"},\n{\"id\": [5]},\n{\"id\":\"a/c\",\"downloads\":\"many\"},\n"
                                            "{\"id\":\"a/d\",\"createdAt\":\"2025-13-01\"},\n[1],\n{\"id\":\"a/e\",\"tags\":[1]},\n"
                                            "{\"authorUsername\":\"x\"}]")
                              << QStringList{"2: id is not a string", "3: downloads is not a whole number: \"many\"",
                                             "4: createdAt is not an ISO 8601 date or Unix seconds: \"2025-13-01\"",
                                             "5: not a JSON object",
                                             "6: tags holds something other than text", "7: no authorUsername or no name"}
                              << 1;
        QTest::newRow("json lines") << QByteArray("{\"id\":\"a/b\"}\n{\"id\":\"a/c\"\n{\"id\":\"a/d\"} {}\n")
                                    << QStringList{"2: not valid JSON (TAPE_ERROR: Something went wrong, this is most likely a bug in simdjson.)",
                                                   "3: text after the JSON object"}
                                    << 1;
    }

    void catalogueBadRows()
    {
        QFETCH(QByteArray, content);
        QFETCH(QStringList, errors);
        QFETCH(int, imported);
        Database db = Cache::open(m_cache);
        const Outcome o = run(db, write(content), ImportOptions::Catalogue);
        QCOMPARE(o.failure, QString());
        for (int i = 0; i < std::min(o.errors.size(), errors.size()); ++i) {
            if (errors[i].contains(QLatin1String("not valid JSON")))
                QVERIFY2(o.errors[i].startsWith(errors[i].left(errors[i].indexOf('('))), qPrintable(o.errors[i]));
            else
                QCOMPARE(o.errors[i], errors[i]);
        }
        QCOMPARE(o.errors.size(), errors.size());
        QCOMPARE(o.report.rowsImported, imported);
        QCOMPARE(o.report.rowsRejected, errors.size());
    }

    void catalogueJoinsUnlistedModels()
    {
        Database db = Cache::open(m_cache);
        const Outcome u = run(db, usageFile({"2026-03-01T10:00:00Z,acme-labs/sentiment-mini,alice,e1,,,",
                                             "2026-03-01T11:00:00Z,house/price-model,bob,e2,,,"}),
                              ImportOptions::Usage);
        QCOMPARE(u.report.unlistedModels, 2);
        QCOMPARE(modelCell(db, "acme-labs/sentiment-mini", "listed"), QStringLiteral("0"));
        const Outcome c = run(db, examples() + "hf_models.json", ImportOptions::Catalogue);
        QCOMPARE(c.report.nowListed, 1);
        QCOMPARE(modelCell(db, "acme-labs/sentiment-mini", "listed"), QStringLiteral("1"));
        QCOMPARE(modelCell(db, "acme-labs/sentiment-mini", "calls"), QStringLiteral("1"));
        QCOMPARE(modelCell(db, "house/price-model", "listed"), QStringLiteral("0"));
        // Re-importing updates in place, never duplicates.
        run(db, examples() + "hf_models.json", ImportOptions::Catalogue);
        QCOMPARE(Cache::modelCount(db), 4);
    }

    // ---- usage -------------------------------------------------------------------------------

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

    void cancelLeavesNothing_data()
    {
        QTest::addColumn<int>("kind");
        QTest::newRow("usage") << int(ImportOptions::Usage);
        QTest::newRow("catalogue") << int(ImportOptions::Catalogue);
    }

    void cancelLeavesNothing()
    {
        QFETCH(int, kind);
        Database db = Cache::open(m_cache);
        run(db, examples() + "catalogue.csv", ImportOptions::Catalogue);
        run(db, examples() + "usage.csv", ImportOptions::Usage);
        const QString before = cacheState(db);

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
        QTest::addColumn<int>("kind");
        QTest::newRow("usage") << int(ImportOptions::Usage);
        QTest::newRow("catalogue") << int(ImportOptions::Catalogue);
    }

    void cancelAfterTheLastByte()
    {
        // Cancel once the whole file has been read, while the writers bring figures and
        // indexes up to date (well over 100 ms for 50,000 models): nothing is kept either.
        QFETCH(int, kind);
        Database db = Cache::open(m_cache);
        run(db, examples() + "catalogue.csv", ImportOptions::Catalogue);
        run(db, examples() + "usage.csv", ImportOptions::Usage);
        const QString before = cacheState(db);
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

    void bulkCatalogueImportRebuildsIndexes()
    {
        // 30,000 models into an empty cache: written with the indexes off, each built once at
        // the end. Afterwards every index and trigger is back and consistent; a refused file
        // (--strict, one bad row at the very end) takes the whole bulk load back, DDL included.
        QByteArray text = "model_id,author,task,tags,downloads\n";
        for (int i = 0; i < 30000; ++i)
            text += QStringLiteral("lab%1/model-%2,lab%1,text-generation,llama;chat,%2\n").arg(i % 97).arg(i).toUtf8();
        const QString good = write(text);
        const QString bad = write(text + "bad/model,lab,text-generation,x,-5\n");
        Database db = Cache::open(m_cache);
        auto schema = [&] {
            return db.queryInt("SELECT count(*) FROM sqlite_schema WHERE type IN ('index', 'trigger')").value_or(-1);
        };
        const std::int64_t before = schema();
        QVERIFY(before >= 26);

        ImportOptions strict;
        strict.kind = ImportOptions::Catalogue;
        strict.strict = true;
        QCOMPARE(importFile(db, bad, strict).outcome, ImportReport::Outcome::Refused);
        QCOMPARE(schema(), before);
        QCOMPARE(Cache::modelCount(db), 0);

        ImportOptions opt;
        opt.kind = ImportOptions::Catalogue;
        QCOMPARE(importFile(db, good, opt).rowsImported, 30000);
        QCOMPARE(schema(), before);
        Statement check(db, "PRAGMA integrity_check");
        QVERIFY(check.step());
        QCOMPARE(check.text(0), QStringLiteral("ok"));
        db.exec("INSERT INTO models_fts(models_fts) VALUES('integrity-check')");
        QCOMPARE(db.queryInt("SELECT count(*) FROM models_fts WHERE models_fts MATCH '\"model-2999\"'"),
                 std::optional<std::int64_t>(11)); // 2999 and 29990-29999
        // The sort index was rebuilt, and is what a sort by downloads walks.
        QCOMPARE(db.queryInt("SELECT downloads FROM models INDEXED BY models_by_downloads ORDER BY downloads DESC LIMIT 1"),
                 std::optional<std::int64_t>(29999));
        // The short search terms were listed once, at the end: "l" and "-" are in every model
        // (common), "9" in fewer than ShortTerms::CommonAt (listed, with exactly its models).
        QVERIFY(!ShortTerms::isListed(db, *ShortTerms::key(QStringLiteral("L"))));
        QVERIFY(ShortTerms::isListed(db, *ShortTerms::key(QStringLiteral("9"))));
        Statement nines(db, "SELECT count(*) FROM short_terms WHERE term = ?");
        nines.bind(1, *ShortTerms::key(QStringLiteral("9")));
        QVERIFY(nines.step());
        QCOMPARE(nines.int64(0), db.queryInt("SELECT count(*) FROM models WHERE model_id LIKE '%9%'").value_or(-1));
        // A small file into a large catalogue keeps the indexes and maintains them.
        QCOMPARE(importFile(db, write("model_id,task\nlate/model,translation\n"), opt).rowsImported, 1);
        QCOMPARE(schema(), before);
        QCOMPARE(db.queryInt("SELECT count(*) FROM models INDEXED BY models_by_task WHERE task = 'translation'"),
                 std::optional<std::int64_t>(1));
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

QTEST_GUILESS_MAIN(TestImport)
#include "tst_import.moc"
