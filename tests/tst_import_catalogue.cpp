#include "importfixture.h"
#include "view/shortterms.h"

#include <QTest>

#include <optional>

// Catalogue files against the data contract: fields, layouts, forced formats, bad rows, the
// models usage listed before their catalogue, and bulk loads that rebuild the indexes.

using namespace uptake;

namespace {

QString importData()
{
    return TestUtil::dataDir() + QStringLiteral("/import/");
}

} // namespace

class TestImportCatalogue : public ImportFixture
{
    Q_OBJECT

private slots:
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
        // (common), "9" in a third of them (common at 30,000 models: one in 16 is), "99" in 840
        // (listed, with exactly its models).
        QCOMPARE(ShortTerms::commonAt(30000), 1875);
        QVERIFY(!ShortTerms::isListed(db, *ShortTerms::key(QStringLiteral("L"))));
        QVERIFY(!ShortTerms::isListed(db, *ShortTerms::key(QStringLiteral("9"))));
        QVERIFY(ShortTerms::isListed(db, *ShortTerms::key(QStringLiteral("99"))));
        Statement nines(db, "SELECT count(*) FROM short_terms WHERE term = ?");
        nines.bind(1, *ShortTerms::key(QStringLiteral("99")));
        QVERIFY(nines.step());
        QCOMPARE(nines.int64(0), std::int64_t(840));
        QCOMPARE(nines.int64(0), db.queryInt("SELECT count(*) FROM models WHERE model_id LIKE '%99%'").value_or(-1));
        // A small file into a large catalogue keeps the indexes and maintains them.
        QCOMPARE(importFile(db, write("model_id,task\nlate/model,translation\n"), opt).rowsImported, 1);
        QCOMPARE(schema(), before);
        QCOMPARE(db.queryInt("SELECT count(*) FROM models INDEXED BY models_by_task WHERE task = 'translation'"),
                 std::optional<std::int64_t>(1));
    }
};

QTEST_GUILESS_MAIN(TestImportCatalogue)
#include "tst_import_catalogue.moc"
