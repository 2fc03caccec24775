#include "db/cache.h"
#include "view/exporter.h"
#include "ingest/importer.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

namespace {
QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}
} // namespace

class TestExport : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_db = Cache::open(m_dir.filePath(QStringLiteral("f.sqlite")));
        TestUtil::buildFixture(m_db);
    }

    void textCells_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("cell");
        QTest::newRow("plain") << "lab/alpha" << "lab/alpha";
        QTest::newRow("comma") << "a,b" << "\"a,b\"";
        QTest::newRow("quote") << "say \"hi\"" << "\"say \"\"hi\"\"\"";
        QTest::newRow("newline") << "two\nlines" << "\"two\nlines\"";
        QTest::newRow("crlf") << "two\r\nlines" << "\"two\r\nlines\"";
        QTest::newRow("non-ascii") << "модель/量子" << "модель/量子";
        QTest::newRow("equals") << "=SUM(A1:A9)" << "'=SUM(A1:A9)";
        QTest::newRow("plus") << "+1" << "'+1";
        QTest::newRow("minus") << "-2+3" << "'-2+3";
        QTest::newRow("at") << "@cmd" << "'@cmd";
        QTest::newRow("tab") << "\tx" << "'\tx";
        QTest::newRow("cr") << "\rx" << "\"'\rx\"";
        QTest::newRow("formula with comma") << "=HYPERLINK(\"x\",\"y\")" << "\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\"";
        QTest::newRow("inner equals is fine") << "a=b" << "a=b";
        QTest::newRow("empty") << "" << "";
    }

    void textCells()
    {
        QFETCH(QString, value);
        QFETCH(QString, cell);
        std::string out;
        const QByteArray utf8 = value.toUtf8();
        Exporter::appendTextCell(out, std::string_view(utf8.constData(), size_t(utf8.size())));
        QCOMPARE(QString::fromStdString(out), cell);
    }

    void rates()
    {
        QCOMPARE(Exporter::formatRate(0.25), std::string("0.25"));
        QCOMPARE(Exporter::formatRate(1.0), std::string("1"));
        QCOMPARE(Exporter::formatRate(0.0), std::string("0"));
        QCOMPARE(Exporter::formatRate(1.0 / 3.0), std::string("0.333333"));
    }

    void wholeExportMatchesExpectedRows()
    {
        const QString out = m_dir.filePath(QStringLiteral("all.csv"));
        ViewSpec spec; // calls descending, then id descending
        const ExportResult r = Exporter::exportCsv(m_db, spec, out);
        QCOMPARE(r.rows, 5);
        const QByteArray csv = readAll(out);
        QVERIFY(!csv.startsWith("\xEF\xBB\xBF")); // no BOM
        const QList<QByteArray> lines = csv.split('\n');
        QCOMPARE(lines.size(), 7);
        QCOMPARE(lines[0], QByteArray("model_id,author,task,created_at,versions,calls,unique_callers,repeat_callers,"
                                      "repeat_rate,verified_calls,fees_paid,first_call_at,last_call_at,listed,name,"
                                      "framework,license,tags,updated_at,files,downloads,likes,failed_calls,"
                                      "active_days\r"));
        QCOMPARE(lines[1], QByteArray("lab/alpha,lab,text-generation,2025-01-10T08:00:00Z,,4,2,1,0.5,2,0.003000002,"
                                      "2026-03-01T10:00:00Z,2026-03-03T12:00:00Z,true,,,,,,,,,1,2\r"));
        QCOMPARE(lines[2], QByteArray("lab/beta,lab,text-generation,2025-06-01T00:00:00Z,,3,2,0,0,0,0,"
                                      "2026-03-05T09:00:00Z,2026-03-05T11:00:00Z,true,,,,,,,,,0,1\r"));
        QCOMPARE(lines[3], QByteArray("ghost/model,,,,,1,1,0,0,0,0,2026-03-04T00:00:00Z,2026-03-04T00:00:00Z,false,"
                                      ",,,,,,,,0,1\r"));
        // Never called: empty repeat rate and call times; ids descending on the tie.
        QCOMPARE(lines[4], QByteArray("og/risk,og,Risk Assessment,2026-02-01T00:00:00Z,,0,0,0,,0,0,,,true,"
                                      ",,,,,,,,0,0\r"));
        QCOMPARE(lines[5], QByteArray("og/vol,og,Volatility Forecasting,2026-01-05T00:00:00Z,,0,0,0,,0,0,,,true,"
                                      ",,,,,,,,0,0\r"));
        QCOMPARE(lines[6], QByteArray());
    }

    void filterWindowAndSortApplied()
    {
        const QString out = m_dir.filePath(QStringLiteral("window.csv"));
        ViewSpec spec;
        spec.sinceDay = TextRules::parseDay("2026-03-02");
        spec.untilDay = TextRules::parseDay("2026-03-03");
        spec.usage = ViewSpec::Usage::Called;
        spec.sortColumn = Columns::ModelId;
        spec.sortDescending = false;
        QCOMPARE(Exporter::exportCsv(m_db, spec, out).rows, 1);
        const QList<QByteArray> lines = readAll(out).split('\n');
        QCOMPARE(lines[1], QByteArray("lab/alpha,lab,text-generation,2025-01-10T08:00:00Z,,2,2,0,0,1,0.000000002,"
                                      "2026-03-03T00:30:00Z,2026-03-03T12:00:00Z,true,,,,,,,,,1,1\r"));

        const QJsonObject side = QJsonDocument::fromJson(readAll(out + QStringLiteral(".json"))).object();
        QCOMPARE(side.value(QStringLiteral("rows")).toInteger(), 1);
        QCOMPARE(side.value(QStringLiteral("window")).toObject().value(QStringLiteral("since")).toString(),
                 QStringLiteral("2026-03-02"));
        QCOMPARE(side.value(QStringLiteral("window")).toObject().value(QStringLiteral("until")).toString(),
                 QStringLiteral("2026-03-03"));
        QCOMPARE(side.value(QStringLiteral("filters")).toObject().value(QStringLiteral("usage")).toString(),
                 QStringLiteral("called"));
        QCOMPARE(side.value(QStringLiteral("sort")).toObject().value(QStringLiteral("column")).toString(),
                 QStringLiteral("model_id"));
        QCOMPARE(side.value(QStringLiteral("sort")).toObject().value(QStringLiteral("order")).toString(),
                 QStringLiteral("asc"));
        QCOMPARE(side.value(QStringLiteral("cache")).toString(), m_dir.filePath(QStringLiteral("f.sqlite")));
        QCOMPARE(side.value(QStringLiteral("uptake_version")).toString(), QStringLiteral(UPTAKE_VERSION));
        QVERIFY(QDateTime::fromString(side.value(QStringLiteral("exported_at")).toString(), Qt::ISODate).isValid());
        const QJsonObject figures = side.value(QStringLiteral("figures")).toObject();
        QCOMPARE(figures.value(QStringLiteral("models")).toInteger(), 1);
        QCOMPARE(figures.value(QStringLiteral("calls")).toInteger(), 2);
    }

    void hostileTextIsQuotedAndGuarded()
    {
        QTemporaryDir dir;
        Database db = Cache::open(dir.filePath(QStringLiteral("h.sqlite")));
        TestUtil::writeModel(db, "=cmd|' /C calc'!A0", "a,\"b\"\nc", "@evil");
        const QString out = dir.filePath(QStringLiteral("h.csv"));
        Exporter::exportCsv(db, ViewSpec{}, out);
        const QByteArray csv = readAll(out);
        QVERIFY(csv.contains("\r\n'=cmd|' /C calc'!A0,'@evil,\"a,\"\"b\"\"\nc\","));
    }

    void cancelLeavesNoFileAndKeepsExisting()
    {
        QTemporaryDir dir;
        Database db = Cache::open(dir.filePath(QStringLiteral("big.sqlite")));
        {
            Transaction tx(db);
            CatalogueWriter w(db);
            for (int i = 0; i < 60000; ++i) {
                ModelRecord r;
                r.modelId = "author/model-with-a-long-enough-name-" + std::to_string(i);
                r.description = std::string(40, 'x');
                w.upsert(r);
            }
            tx.commit();
        }
        const QString out = dir.filePath(QStringLiteral("snap.csv"));
        QFile old(out);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("previous snapshot\n");
        old.close();

        int calls = 0;
        QVERIFY_THROWS_EXCEPTION(Cancelled, Exporter::exportCsv(db, ViewSpec{}, out, [&](std::int64_t, std::int64_t) {
            return ++calls < 2;
        }));
        QCOMPARE(readAll(out), QByteArray("previous snapshot\n"));
        QVERIFY(!QFile::exists(out + QStringLiteral(".json")));
        // Only the cache (with its -wal and -shm) and the old snapshot: no temporary file left behind.
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
                 (QStringList{"big.sqlite", "big.sqlite-shm", "big.sqlite-wal", "snap.csv"}));
    }

    void roundTripThroughCatalogueImport()
    {
        // A snapshot re-imported as a CSV catalogue gives the same ids and listed fields.
        QTemporaryDir dir;
        {
            Transaction tx(m_db);
            CatalogueWriter w(m_db);
            ModelRecord r;
            r.modelId = "lab/full";
            r.author = "lab";
            r.name = "full";
            r.task = "summarization";
            r.framework = "transformers";
            r.license = "apache-2.0";
            r.tags = "transformers;summarization;license:apache-2.0;lang, \"en\"";
            r.createdAt = 1700000000;
            r.updatedAt = 1700003600;
            r.versions = 3;
            r.files = 12;
            r.downloads = 123456;
            r.likes = 78;
            w.upsert(r);
            tx.commit();
        }
        const QString out = dir.filePath(QStringLiteral("snap.csv"));
        Exporter::exportCsv(m_db, ViewSpec{}, out);

        Database copy = Cache::open(dir.filePath(QStringLiteral("copy.sqlite")));
        ImportOptions opt;
        opt.kind = ImportOptions::Catalogue;
        const ImportReport report = importFile(copy, out, opt);
        QCOMPARE(report.rowsRejected, 0);

        const char *fields = "SELECT model_id, author, name, task, framework, license, tags, created_at, updated_at,"
                             " versions, files, downloads, likes FROM models ORDER BY model_id";
        Statement a(m_db, fields), b(copy, fields);
        int rows = 0;
        while (a.step()) {
            QVERIFY(b.step());
            for (int c = 0; c < a.columnCount(); ++c) {
                QCOMPARE(b.isNull(c), a.isNull(c));
                QCOMPARE(b.text(c), a.text(c));
            }
            ++rows;
        }
        QVERIFY(!b.step());
        QCOMPARE(rows, 6);
        m_db.exec("DELETE FROM models WHERE model_id = 'lab/full'");
    }

    void unwritableTargetIsAClearError()
    {
        try {
            Exporter::exportCsv(m_db, ViewSpec{}, m_dir.filePath(QStringLiteral("no/such/dir/x.csv")));
            QFAIL("writing into a missing folder must fail");
        } catch (const ExportError &e) {
            QVERIFY(e.message().contains(QStringLiteral("x.csv")));
        }
    }

private:
    QTemporaryDir m_dir;
    Database m_db;
};

QTEST_GUILESS_MAIN(TestExport)
#include "tst_export.moc"
