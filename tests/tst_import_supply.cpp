#include "importfixture.h"
#include "text/textrules.h"
#include "view/exporter.h"
#include "view/viewargs.h"
#include "view/viewspec.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <cmath>

// Supply as the Hub publishes it now (contract section 1): parameters, base models, gated,
// all-time downloads and the trending score; the two real Hub shapes field by field, the
// Hub's null, absent and other-type cases, CSV, the filters and the export.

using namespace uptake;

namespace {

QString importData()
{
    return TestUtil::dataDir() + QStringLiteral("/import/");
}

// JSON written with ' for " (moc cannot read raw strings full of quotes).
QByteArray J(const char *text)
{
    return QByteArray(text).replace('\'', '"');
}

// The contract's Hugging Face mapping, written again on Qt's JSON parser: what the import must
// store for one record, each column as text ("NULL" for unknown).
QMap<QString, QString> expectedByContract(const QJsonObject &r)
{
    QMap<QString, QString> out;
    const auto text = [](const QJsonValue &v) {
        const QString s = v.isString() ? v.toString().trimmed() : QString();
        return s.isEmpty() ? QStringLiteral("NULL") : s;
    };
    const auto whole = [](const QJsonValue &v) {
        return v.isDouble() ? QString::number(std::llround(v.toDouble())) : QStringLiteral("NULL");
    };
    const auto stamp = [](const QJsonValue &v) {
        if (!v.isString())
            return QStringLiteral("NULL");
        const QDateTime t = QDateTime::fromString(v.toString(), Qt::ISODateWithMs);
        return t.isValid() ? QString::number(t.toSecsSinceEpoch()) : QStringLiteral("bad date");
    };
    const QString id = r.contains(QLatin1String("id")) ? r.value(QLatin1String("id")).toString()
                                                       : r.value(QLatin1String("modelId")).toString();
    out[QStringLiteral("model_id")] = id;
    const qsizetype slash = id.indexOf(QLatin1Char('/'));
    out[QStringLiteral("author")] = r.value(QLatin1String("author")).isString() ? text(r.value(QLatin1String("author")))
                                    : slash > 0                                 ? id.left(slash)
                                                                                : QStringLiteral("NULL");
    out[QStringLiteral("name")] = slash >= 0 ? id.mid(slash + 1) : id;
    out[QStringLiteral("task")] = text(r.value(QLatin1String("pipeline_tag")));
    out[QStringLiteral("framework")] = text(r.value(QLatin1String("library_name")));
    QStringList tags;
    QString license = QStringLiteral("NULL");
    for (const QJsonValue &t : r.value(QLatin1String("tags")).toArray()) {
        tags << t.toString().trimmed();
        if (license == QLatin1String("NULL") && t.toString().startsWith(QLatin1String("license:")))
            license = t.toString().mid(8);
    }
    out[QStringLiteral("tags")] = tags.isEmpty() ? QStringLiteral("NULL") : tags.join(QLatin1Char(';'));
    out[QStringLiteral("license")] = license;
    out[QStringLiteral("created_at")] = stamp(r.value(QLatin1String("createdAt")));
    out[QStringLiteral("updated_at")] = stamp(r.value(QLatin1String("lastModified")));
    out[QStringLiteral("versions")] = QStringLiteral("1");
    out[QStringLiteral("files")] = r.value(QLatin1String("siblings")).isArray()
                                       ? QString::number(r.value(QLatin1String("siblings")).toArray().size())
                                       : QStringLiteral("NULL");
    out[QStringLiteral("downloads")] = whole(r.value(QLatin1String("downloads")));
    out[QStringLiteral("likes")] = whole(r.value(QLatin1String("likes")));
    const QJsonValue total = r.value(QLatin1String("safetensors")).toObject().value(QLatin1String("total"));
    out[QStringLiteral("parameters")] = whole(total.isDouble() ? total : r.value(QLatin1String("numParameters")));
    QStringList bases;
    const QJsonValue card = r.value(QLatin1String("cardData")).toObject().value(QLatin1String("base_model"));
    if (card.isString())
        bases << card.toString();
    for (const QJsonValue &b : card.toArray())
        bases << b.toString();
    if (bases.isEmpty())
        for (const QJsonValue &b : r.value(QLatin1String("baseModels")).toObject().value(QLatin1String("models")).toArray())
            bases << b.toObject().value(QLatin1String("id")).toString();
    out[QStringLiteral("base_models")] = bases.isEmpty() ? QStringLiteral("NULL") : bases.join(QLatin1Char(';'));
    const QJsonValue gated = r.value(QLatin1String("gated"));
    out[QStringLiteral("gated")] = gated.isBool()     ? QString::number(int(gated.toBool()))
                                   : gated.isString() ? QStringLiteral("1")
                                                      : QStringLiteral("NULL");
    out[QStringLiteral("downloads_all_time")] = whole(r.value(QLatin1String("downloadsAllTime")));
    out[QStringLiteral("trending_score")] = whole(r.value(QLatin1String("trendingScore")));
    return out;
}

} // namespace

class TestImportSupply : public ImportFixture
{
    Q_OBJECT

private slots:
    void realHubShapes_data()
    {
        QTest::addColumn<QString>("file");
        QTest::newRow("2022 scrape, old API shape") << importData() + "hub_2022_records.json";
        QTest::newRow("2026 listing, new shape") << importData() + "hub_2026_listing_records.json";
    }

    // Every record, every field, against the contract's mapping computed on its own.
    void realHubShapes()
    {
        QFETCH(QString, file);
        QFile f(file);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonArray records = QJsonDocument::fromJson(f.readAll()).array();
        QVERIFY(records.size() >= 8);
        Database db = Cache::open(m_cache);
        const Outcome o = run(db, file, ImportOptions::Catalogue);
        QCOMPARE(o.failure, QString());
        QCOMPARE(o.errors, QStringList());
        QCOMPARE(o.report.rowsImported, records.size());
        for (const QJsonValue &v : records) {
            const QMap<QString, QString> expected = expectedByContract(v.toObject());
            for (auto it = expected.cbegin(); it != expected.cend(); ++it)
                QVERIFY2(modelCell(db, expected.value(QStringLiteral("model_id")), it.key()) == it.value(),
                         qPrintable(QStringLiteral("%1 %2: stored %3, the contract says %4")
                                        .arg(expected.value(QStringLiteral("model_id")), it.key(),
                                             modelCell(db, expected.value(QStringLiteral("model_id")), it.key()),
                                             it.value())));
        }
    }

    // A few cells read off the files by eye, so that the fold above cannot share a mistake.
    void realHubCellsByHand_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("expected");
        const QString old = importData() + "hub_2022_records.json";
        const QString now = importData() + "hub_2026_listing_records.json";
        QTest::newRow("no namespace: no author") << old << "albert-large-v2" << "author" << "NULL";
        QTest::newRow("no namespace: the id is the name") << old << "albert-large-v2" << "name" << "albert-large-v2";
        QTest::newRow("null pipeline_tag") << old << "007J/smile" << "task" << "NULL";
        QTest::newRow("absent downloads") << old << "AG/pretraining" << "downloads" << "NULL";
        QTest::newRow("680 siblings") << old << "bigscience/tr8b-104B-logs" << "files" << "680";
        QTest::newRow("old shape: no parameters") << old << "albert-large-v2" << "parameters" << "NULL";
        QTest::newRow("old shape: gated unknown") << old << "albert-large-v2" << "gated" << "NULL";
        QTest::newRow("numParameters as a float") << now << "nomic-ai/nomic-embed-text-v1.5" << "parameters" << "136731648";
        QTest::newRow("numParameters null") << now << "nomic-ai/nomic-embed-text-v1.5" << "downloads_all_time" << "NULL";
        QTest::newRow("gated false") << now << "nomic-ai/nomic-embed-text-v1.5" << "gated" << "0";
        QTest::newRow("the scraper's trending is not the Hub's score")
            << now << "jinaai/jina-embeddings-v2-base-code" << "trending_score" << "NULL";
        QTest::newRow("large model") << now << "Snowflake/snowflake-arctic-embed-l-v2.0" << "parameters" << "567754752";
    }

    void realHubCellsByHand()
    {
        QFETCH(QString, file);
        QFETCH(QString, model);
        QFETCH(QString, column);
        QFETCH(QString, expected);
        Database db = Cache::open(m_cache);
        QCOMPARE(run(db, file, ImportOptions::Catalogue).errors, QStringList());
        QCOMPARE(modelCell(db, model, column), expected);
    }

    void hubCases_data()
    {
        QTest::addColumn<QByteArray>("record");
        QTest::addColumn<QString>("column");
        QTest::addColumn<QString>("expected");
        const auto row = [](const char *name, const char *record, const char *column, const char *expected) {
            QTest::newRow(name) << QByteArray(record) << QString::fromLatin1(column) << QString::fromLatin1(expected);
        };
        row("safetensors total before numParameters",
            J("{'id':'a/m','safetensors':{'parameters':{'F32':5,'BF16':7},'total':12},'numParameters':99}"), "parameters", "12");
        row("numParameters after an empty safetensors", J("{'id':'a/m','safetensors':{},'numParameters':99}"), "parameters", "99");
        row("safetensors null", J("{'id':'a/m','safetensors':null,'numParameters':7}"), "parameters", "7");
        row("more digits than a double holds", J("{'id':'a/m','numParameters':23907532.8000000007}"), "parameters", "23907533");
        row("a whole number beyond a double's digits", J("{'id':'a/m','numParameters':12345678901234567}"), "parameters",
            "12345678901234567");
        row("an exponent", J("{'id':'a/m','numParameters':7.1e9}"), "parameters", "7100000000");
        row("parameters as a string", J("{'id':'a/m','numParameters':'350000000'}"), "parameters", "350000000");
        row("numParameters null", J("{'id':'a/m','numParameters':null}"), "parameters", "NULL");
        row("base model, a string", J("{'id':'a/m','cardData':{'base_model':'org/base','license':'mit'}}"), "base_models",
            "org/base");
        row("base models, a list", J("{'id':'a/m','cardData':{'base_model':['org/a',' org/b ','','org/a',5,'x;y']}}"),
            "base_models", "org/a;org/b");
        row("base model, other than text", J("{'id':'a/m','cardData':{'base_model':{'id':'org/a'}}}"), "base_models", "NULL");
        row("cardData not an object", J("{'id':'a/m','cardData':'none'}"), "base_models", "NULL");
        row("base models from the API", J("{'id':'a/m','baseModels':{'relation':'quantized','models':[{'id':'org/a'},{'id':'org/b'}]}}"),
            "base_models", "org/a;org/b");
        row("the card before the API", J("{'id':'a/m','baseModels':{'models':[{'id':'org/api'}]},'cardData':{'base_model':'org/card'}}"),
            "base_models", "org/card");
        row("itself as its base", J("{'id':'a/m','cardData':{'base_model':'a/m'}}"), "base_models", "a/m");
        row("gated false", J("{'id':'a/m','gated':false}"), "gated", "0");
        row("gated true", J("{'id':'a/m','gated':true}"), "gated", "1");
        row("gated manual", J("{'id':'a/m','gated':'manual'}"), "gated", "1");
        row("gated auto", J("{'id':'a/m','gated':'AUTO'}"), "gated", "1");
        row("gated null", J("{'id':'a/m','gated':null}"), "gated", "NULL");
        row("gated absent", J("{'id':'a/m'}"), "gated", "NULL");
        row("downloadsAllTime", J("{'id':'a/m','downloads':10,'downloadsAllTime':1234567890123}"), "downloads_all_time",
            "1234567890123");
        row("trendingScore", J("{'id':'a/m','trendingScore':42}"), "trending_score", "42");
        row("trendingScore below zero", J("{'id':'a/m','trendingScore':-3}"), "trending_score", "-3");
        row("no namespace, with a size", J("{'modelId':'gpt2','numParameters':137022720}"), "parameters", "137022720");
    }

    void hubCases()
    {
        QFETCH(QByteArray, record);
        QFETCH(QString, column);
        QFETCH(QString, expected);
        Database db = Cache::open(m_cache);
        const Outcome o = run(db, write(record + '\n', QStringLiteral(".jsonl")), ImportOptions::Catalogue);
        QCOMPARE(o.errors, QStringList());
        QCOMPARE(o.report.rowsImported, 1);
        QCOMPARE(cell(db, QStringLiteral("SELECT %1 FROM models").arg(column)), expected);
    }

    void badSupplyFields_data()
    {
        QTest::addColumn<QByteArray>("content");
        QTest::addColumn<QString>("error");
        QTest::newRow("gated, another word") << QByteArray(J("{'id':'a/m','gated':'sometimes'}"))
                                             << QString::fromLatin1(J("2: gated is not true, false, auto or manual: 'sometimes'"));
        QTest::newRow("gated, an object") << QByteArray(J("{'id':'a/m','gated':{}}"))
                                          << "2: gated is not true, false or a gating mode";
        QTest::newRow("numParameters, a word") << QByteArray(J("{'id':'a/m','numParameters':'lots'}"))
                                               << QString::fromLatin1(J("2: numParameters is not a whole number: 'lots'"));
        QTest::newRow("numParameters below zero") << QByteArray(J("{'id':'a/m','numParameters':-5}"))
                                                  << QString::fromLatin1(J("2: numParameters is not a whole number: '-5'"));
        QTest::newRow("numParameters beyond 64 bits") << QByteArray(J("{'id':'a/m','numParameters':1e30}"))
                                                      << QString::fromLatin1(J("2: numParameters is not a whole number: '1e30'"));
        QTest::newRow("safetensors, a string") << QByteArray(J("{'id':'a/m','safetensors':'big'}"))
                                               << "2: safetensors is not an object";
        QTest::newRow("baseModels.models, a string") << QByteArray(J("{'id':'a/m','baseModels':{'models':'org/a'}}"))
                                                     << "2: baseModels.models is not an array";
        QTest::newRow("csv gated") << QByteArray("model_id,gated\na/m,maybe\n")
                                   << QString::fromLatin1(J("2: gated is not true, false, auto or manual: 'maybe'"));
        QTest::newRow("csv parameters") << QByteArray("model_id,parameters\na/m,7B\n")
                                        << QString::fromLatin1(J("2: parameters is not a whole number: '7B'"));
    }

    // A bad value rejects its row with the file's line, and the row before it stays.
    void badSupplyFields()
    {
        QFETCH(QByteArray, content);
        QFETCH(QString, error);
        const bool csv = content.startsWith("model_id");
        const QByteArray file = csv ? content + "a/kept,\n" : QByteArray(J("{'id':'a/kept'}")) + '\n' + content + '\n';
        Database db = Cache::open(m_cache);
        const Outcome o = run(db, write(file, csv ? QStringLiteral(".csv") : QStringLiteral(".jsonl")), ImportOptions::Catalogue);
        QCOMPARE(o.failure, QString());
        QCOMPARE(o.errors, QStringList{error});
        QCOMPARE(count(db, "SELECT count(*) FROM models WHERE model_id = 'a/kept'"), 1);
        QCOMPARE(count(db, "SELECT count(*) FROM models WHERE model_id = 'a/m'"), 0);
    }

    void csvColumns()
    {
        Database db = Cache::open(m_cache);
        const Outcome o = run(db,
                              write("model_id,parameters,base_models,gated,downloads_all_time,trending_score\n"
                                    "a/m,7000000000, org/a ;org/b;;org/a,manual,99,-2\n"
                                    "a/n,136731648.0,,false,,\n"
                                    "a/o,,,,,\n"),
                              ImportOptions::Catalogue);
        QCOMPARE(o.errors, QStringList());
        const auto row = [&](const char *model) {
            return cell(db, QStringLiteral("SELECT quote(parameters) || '|' || quote(base_models) || '|' || quote(gated) || '|' || "
                                           " quote(downloads_all_time) || '|' || quote(trending_score) FROM models WHERE model_id = '%1'")
                                .arg(QLatin1String(model)));
        };
        QCOMPARE(row("a/m"), QStringLiteral("7000000000|'org/a;org/b'|1|99|-2"));
        QCOMPARE(row("a/n"), QStringLiteral("136731648|NULL|0|NULL|NULL"));
        QCOMPARE(row("a/o"), QStringLiteral("NULL|NULL|NULL|NULL|NULL"));
    }

    // Absent means unknown: a new listing without the field clears what an older one said.
    void reimportWithoutTheFieldsForgetsThem()
    {
        Database db = Cache::open(m_cache);
        QCOMPARE(run(db, write(J("{'id':'a/m','gated':'manual','numParameters':5,'cardData':{'base_model':'b/x'}}\n"),
                               QStringLiteral(".jsonl")),
                     ImportOptions::Catalogue)
                     .errors,
                 QStringList());
        QCOMPARE(cell(db, QStringLiteral("SELECT gated || '|' || parameters || '|' || base_models FROM models")),
                 QStringLiteral("1|5|b/x"));
        QCOMPARE(run(db, write(J("{'id':'a/m','downloads':3}\n"), QStringLiteral(".jsonl")), ImportOptions::Catalogue)
                     .errors,
                 QStringList());
        QCOMPARE(cell(db, QStringLiteral("SELECT quote(gated) || quote(parameters) || quote(base_models) FROM models")),
                 QStringLiteral("NULLNULLNULL"));
    }

    // A card naming 100,000 bases (hostile, or broken) keeps the first 64, in order.
    void manyBaseModels()
    {
        QByteArray list;
        for (int i = 0; i < 100000; ++i)
            list += (i ? "," : "") + QByteArray("\"org/b") + QByteArray::number(i) + '"';
        Database db = Cache::open(m_cache);
        const Outcome o = run(db, write("{\"id\":\"a/m\",\"cardData\":{\"base_model\":[" + list + "]}}\n", QStringLiteral(".jsonl")),
                              ImportOptions::Catalogue);
        QCOMPARE(o.errors, QStringList());
        const QStringList bases = cell(db, QStringLiteral("SELECT base_models FROM models")).split(QLatin1Char(';'));
        QCOMPARE(bases.size(), 64);
        QCOMPARE(bases.first(), QStringLiteral("org/b0"));
        QCOMPARE(bases.last(), QStringLiteral("org/b63"));
        QCOMPARE(count(db, "SELECT count(*) FROM model_base"), 64);
    }

    // The Hub's largest records list thousands of files (one is 1.7 MB).
    void aRecordOfMegabytes()
    {
        QByteArray record = J("{'id':'big/one','numParameters':1000,'gated':'auto','siblings':[");
        const int files = 24000;
        for (int i = 0; i < files; ++i) {
            if (i)
                record += ',';
            record += J("{'rfilename':'checkpoints/global_step") + QByteArray::number(i) + J("/mp_rank_00_model_states.pt'}");
        }
        record += "]}";
        QVERIFY(record.size() > 1'700'000);
        Database db = Cache::open(m_cache);
        const Outcome o = run(db, write(record + '\n', QStringLiteral(".jsonl")), ImportOptions::Catalogue);
        QCOMPARE(o.errors, QStringList());
        QCOMPARE(cell(db, QStringLiteral("SELECT files || '|' || parameters || '|' || gated FROM models")),
                 QStringLiteral("%1|1000|1").arg(files));
    }

    // The filters against plain SQL on the same cache, all time and sorted by the new columns.
    void filtersAndSortMatchSql_data()
    {
        QTest::addColumn<QString>("min");
        QTest::addColumn<QString>("max");
        QTest::addColumn<int>("gated"); // -1 any, 0 open, 1 gated
        QTest::addColumn<QString>("where");
        QTest::newRow("at least 1B") << "1000000000" << "" << -1 << "parameters >= 1000000000";
        QTest::newRow("at most 500M") << "" << "500000000" << -1 << "parameters <= 500000000";
        QTest::newRow("a range") << "100000000" << "8000000000" << -1 << "parameters BETWEEN 100000000 AND 8000000000";
        QTest::newRow("gated") << "" << "" << 1 << "gated = 1";
        QTest::newRow("open") << "" << "" << 0 << "gated = 0";
        QTest::newRow("open and small") << "" << "1000000000" << 0 << "gated = 0 AND parameters <= 1000000000";
    }

    void filtersAndSortMatchSql()
    {
        QFETCH(QString, min);
        QFETCH(QString, max);
        QFETCH(int, gated);
        QFETCH(QString, where);
        Database db = Cache::open(m_cache);
        QByteArray csv = "model_id,parameters,gated,downloads_all_time,trending_score,base_models\n";
        // Sizes from 1M to 70B on a log scale, gated every third, some unknown.
        for (int i = 0; i < 300; ++i) {
            const QByteArray size = i % 7 == 0 ? QByteArray() : QByteArray::number(qint64(std::pow(10.0, 6 + i % 50 * 0.1)));
            const QByteArray g = i % 11 == 0 ? QByteArray() : QByteArray(i % 3 == 0 ? "manual" : "false");
            csv += "org/m" + QByteArray::number(i) + ',' + size + ',' + g + ',' + QByteArray::number(i * 37 % 101) + ','
                   + QByteArray::number(i % 13 - 4) + ",org/base" + QByteArray::number(i % 5) + '\n';
        }
        QCOMPARE(run(db, write(csv), ImportOptions::Catalogue).errors, QStringList());
        ViewSpec spec;
        if (!min.isEmpty())
            spec.minParameters = min.toLongLong();
        if (!max.isEmpty())
            spec.maxParameters = max.toLongLong();
        if (gated >= 0)
            spec.gated = gated == 1;
        for (const int column : {int(Columns::Parameters), int(Columns::DownloadsAllTime), int(Columns::TrendingScore),
                                 int(Columns::Gated), int(Columns::BaseModels)}) {
            for (const bool desc : {false, true}) {
                spec.sortColumn = column;
                spec.sortDescending = desc;
                const char *dir = desc ? " DESC" : " ASC";
                const std::string key = Columns::info(column).key;
                std::vector<std::int64_t> expected, got;
                Statement plain(db, "SELECT id FROM models WHERE " + where.toStdString() + " ORDER BY " + key + dir + ", id" + dir);
                while (plain.step())
                    expected.push_back(plain.int64(0));
                const SqlQuery q = ViewQuery::orderedIds(spec);
                Statement ours(db, q.sql);
                q.bindTo(ours);
                while (ours.step())
                    got.push_back(ours.int64(0));
                QVERIFY(!expected.empty());
                QVERIFY2(got == expected, qPrintable(QStringLiteral("%1 %2").arg(QLatin1String(key.c_str()), dir)));
                // The walk in sort-index order (the browser's first screen) finds the same.
                if (const auto walk = ViewQuery::orderedIdsBySortIndex(spec)) {
                    Statement w(db, walk->sql);
                    walk->bindTo(w);
                    std::vector<std::int64_t> walked;
                    while (w.step())
                        walked.push_back(w.int64(0));
                    QVERIFY(walked == expected);
                }
            }
        }
    }

    void exportedCells()
    {
        Database db = Cache::open(m_cache);
        QCOMPARE(run(db,
                     write(J("{'id':'a/m','numParameters':136731648.0,'gated':'manual','downloadsAllTime':77,"
                             "'trendingScore':5,'cardData':{'base_model':['org/a','org/b']}}\n"
                             "{'id':'a/n'}\n"),
                           QStringLiteral(".jsonl")),
                     ImportOptions::Catalogue)
                     .errors,
                 QStringList());
        const QString out = m_dir.filePath(QStringLiteral("supply.csv"));
        ViewSpec spec;
        spec.sortColumn = Columns::ModelId;
        spec.sortDescending = false;
        QCOMPARE(Exporter::exportCsv(db, spec, out).rows, 2);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = f.readAll().split('\n');
        const QList<QByteArray> header = lines[0].chopped(1).split(',');
        const qsizetype at = header.indexOf("parameters");
        QCOMPARE(header.mid(at).join(','), QByteArray("parameters,base_models,gated,downloads_all_time,trending_score"));
        QCOMPARE(lines[1].chopped(1).split(',').mid(at).join(','), QByteArray("136731648,org/a;org/b,true,77,5"));
        QCOMPARE(lines[2].chopped(1).split(',').mid(at).join(','), QByteArray(",,,,"));
        // The sidecar records the filters.
        spec.minParameters = 1000;
        spec.gated = true;
        QCOMPARE(Exporter::exportCsv(db, spec, out).rows, 1);
        QFile side(out + QStringLiteral(".json"));
        QVERIFY(side.open(QIODevice::ReadOnly));
        const QJsonObject filters = QJsonDocument::fromJson(side.readAll()).object().value(QLatin1String("filters")).toObject();
        QCOMPARE(filters.value(QLatin1String("min_parameters")).toInteger(), 1000);
        QCOMPARE(filters.value(QLatin1String("gated")).toBool(), true);
    }

    // The command line's filters: counts as people say them, the same in every locale.
    void commandLineFilters()
    {
        auto parse = [](const QStringList &args, ViewSpec &spec, QString &error) {
            for (int i = 0; i < args.size(); ++i)
                if (ViewArgs::take(args, i, spec, error, true) != ViewArgs::Result::Taken)
                    return false;
            return true;
        };
        ViewSpec spec;
        QString error;
        QVERIFY(parse({QStringLiteral("--min-parameters"), QStringLiteral("1.5B"), QStringLiteral("--max-parameters=70b"),
                       QStringLiteral("--gated"), QStringLiteral("No")},
                      spec, error));
        QCOMPARE(spec.minParameters, std::optional<std::int64_t>(1'500'000'000));
        QCOMPARE(spec.maxParameters, std::optional<std::int64_t>(70'000'000'000));
        QCOMPARE(spec.gated, std::optional<bool>(false));
        for (const auto &[text, count] : {std::pair{"350M", 350'000'000LL}, {"7000", 7000LL}, {"2k", 2000LL},
                                          {"1T", 1'000'000'000'000LL}, {" 7B ", 7'000'000'000LL}})
            QCOMPARE(ViewArgs::parseParameterCount(QLatin1String(text)), std::optional<std::int64_t>(count));
        for (const char *bad : {"1,5B", "7G", "-1", "B", "", "1e9", "7 B"}) {
            ViewSpec s;
            QString e;
            QVERIFY2(!parse({QStringLiteral("--min-parameters"), QLatin1String(bad)}, s, e), bad);
            QVERIFY2(e.contains(QLatin1String("--min-parameters")), qPrintable(e));
        }
        ViewSpec s;
        QString e;
        QVERIFY(!parse({QStringLiteral("--gated"), QStringLiteral("maybe")}, s, e));
        QCOMPARE(e, QStringLiteral("--gated: 'maybe' is not yes or no"));
    }

    // End to end: import the real 2026 records, export what the filters keep, count by SQL.
    void commandLineExport()
    {
        const QString cache = m_dir.filePath(QStringLiteral("cli.sqlite"));
        const auto uptake = [&](const QStringList &args) {
            QProcess p;
            p.start(QStringLiteral(UPTAKE_BINARY), QStringList{QStringLiteral("--cache"), cache} + args);
            p.waitForFinished(-1);
            return p.exitCode();
        };
        QCOMPARE(uptake({QStringLiteral("import"), QStringLiteral("catalogue"), importData() + "hub_2026_listing_records.json"}), 0);
        const QString out = m_dir.filePath(QStringLiteral("small.csv"));
        QCOMPARE(uptake({QStringLiteral("export"), out, QStringLiteral("--max-parameters"), QStringLiteral("200M"),
                         QStringLiteral("--gated"), QStringLiteral("no")}),
                 0);
        QFile f(out);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const qsizetype rows = f.readAll().count('\n') - 1;
        Database db = Cache::open(cache);
        QCOMPARE(rows, count(db, "SELECT count(*) FROM models WHERE parameters <= 200000000 AND gated = 0"));
        QCOMPARE(rows, 3); // the two nomic-embed-text models and jina-embeddings-v2-base-code
        QCOMPARE(uptake({QStringLiteral("export"), out, QStringLiteral("--gated"), QStringLiteral("maybe")}), 2);
    }
};

QTEST_GUILESS_MAIN(TestImportSupply)
#include "tst_import_supply.moc"
