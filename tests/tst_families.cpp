#include "importfixture.h"
#include "family/families.h"
#include "text/textrules.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTest>

#include <map>
#include <set>

// Families: base models and their direct derivatives, with their usage. Checked against plain
// SQL that reads base_models as text (not the model_base links the app keeps), and against
// a fold of the fixture; the base-model graph holds a cycle and a self-reference.

using namespace uptake;

namespace {

// The catalogue: [id, base_models, tags]
struct Listing
{
    const char *id;
    const char *bases;
    const char *tags;
};
const Listing kCatalogue[] = {
    {"org/base", "", ""},
    {"org/ft1", "org/base", "base_model:org/base;base_model:finetune:org/base"},
    {"org/ft2", "org/base", "base_model:adapter:org/base"},
    {"org/q1", "org/ft1", "base_model:quantized:org/ft1"},
    {"org/multi", "org/base;other/unlisted", ""},
    {"lone/ext", "other/unlisted", ""},
    {"a/x", "b/y", ""},
    {"b/y", "a/x", "base_model:merge:a/x"},
    {"s/self", "s/self", ""},
    {"s/both", "s/both;org/base", ""},
};

// Usage: [day offset, model, caller, calls]. Caller c1 uses two models of org/base's family:
// one person, counted once for the family.
struct Call
{
    int day;
    const char *model;
    const char *caller;
    int calls;
};
const Call kCalls[] = {
    {0, "org/ft1", "c1", 2}, {1, "org/ft1", "c2", 1}, {3, "org/ft2", "c1", 1}, {3, "org/multi", "c3", 4},
    {0, "org/q1", "c4", 1},  {2, "lone/ext", "c5", 1}, {5, "a/x", "c6", 2},    {6, "b/y", "c6", 1},
    {1, "s/self", "c7", 3},  {2, "org/base", "c8", 9},
    // org/ft2's caller c9 comes back in its 5th week: that derivative kept a caller to week 4
    {0, "org/ft2", "c9", 1}, {30, "org/ft2", "c9", 1}, {40, "org/ft1", "c2", 1},
};
const std::int64_t kDay0 = TextRules::parseDay("2026-03-02").value();

QByteArray catalogueCsv()
{
    QByteArray csv = "model_id,task,base_models,tags\n";
    for (const Listing &l : kCatalogue)
        csv += QByteArray(l.id) + ',' + (QByteArray(l.id).startsWith("org/") ? "text-generation" : "other") + ','
               + l.bases + ',' + l.tags + '\n';
    return csv;
}

QByteArray usageCsv(int lastDay = 1000)
{
    QByteArray csv = "timestamp,model_id,caller\n";
    for (const Call &c : kCalls) {
        if (c.day > lastDay)
            continue;
        for (int i = 0; i < c.calls; ++i)
            csv += QByteArray::fromStdString(TextRules::formatDay(kDay0 + c.day)) + "T1" + QByteArray::number(i)
                   + ":00:00Z," + c.model + ',' + c.caller + '\n';
    }
    return csv;
}

// The fold: each base's direct derivatives (a model naming itself is not its own), their calls
// and distinct callers, in [since, until] days after day 0.
std::map<std::string, Families::Family> fold(int since = 0, int until = 1000,
                                             const std::set<std::string> &only = {})
{
    std::map<std::string, Families::Family> out;
    std::map<std::string, std::set<std::string>> callers, called;
    for (const Listing &l : kCatalogue) {
        if (!only.empty() && !only.count(l.id))
            continue;
        const QList<QByteArray> bases = QByteArray(l.bases).split(';');
        for (const QByteArray &b : bases) {
            if (b.isEmpty() || b == l.id)
                continue;
            Families::Family &f = out[b.toStdString()];
            f.base = b.toStdString();
            ++f.derivatives;
            for (const Call &c : kCalls)
                if (QByteArray(c.model) == l.id && c.day >= since && c.day <= until) {
                    f.calls += c.calls;
                    callers[f.base].insert(c.caller);
                    called[f.base].insert(c.model);
                }
        }
    }
    for (auto &[base, f] : out) {
        f.callers = std::int64_t(callers[base].size());
        f.called = std::int64_t(called[base].size());
        f.baseListed = std::any_of(std::begin(kCatalogue), std::end(kCatalogue),
                                   [&](const Listing &l) { return base == l.id; });
    }
    return out;
}

} // namespace

class TestFamilies : public ImportFixture
{
    Q_OBJECT

    void fill(Database &db)
    {
        QCOMPARE(run(db, write(catalogueCsv()), ImportOptions::Catalogue).errors, QStringList());
        QCOMPARE(run(db, write(usageCsv()), ImportOptions::Usage).errors, QStringList());
    }

    static QString describe(const Families::Family &f)
    {
        return QStringLiteral("%1 listed=%2 derivatives=%3 called=%4 kept=%5 calls=%6 callers=%7")
            .arg(QString::fromStdString(f.base))
            .arg(f.baseListed)
            .arg(f.derivatives)
            .arg(f.called)
            .arg(f.kept)
            .arg(f.calls)
            .arg(f.callers);
    }

private slots:
    void rankMatchesTheFoldAndSql_data()
    {
        QTest::addColumn<int>("since");
        QTest::addColumn<int>("until");
        QTest::addColumn<QString>("task");
        QTest::newRow("all time") << -1 << -1 << "";
        QTest::newRow("a window") << 1 << 6 << "";
        QTest::newRow("filtered by task") << -1 << -1 << "text-generation";
        QTest::newRow("window and filter") << 0 << 3 << "text-generation";
    }

    void rankMatchesTheFoldAndSql()
    {
        QFETCH(int, since);
        QFETCH(int, until);
        QFETCH(QString, task);
        Database db = Cache::open(m_cache);
        fill(db);
        ViewSpec spec;
        if (since >= 0) {
            spec.sinceDay = kDay0 + since;
            spec.untilDay = kDay0 + until;
        }
        spec.task = task;
        std::set<std::string> only;
        if (!task.isEmpty())
            for (const Listing &l : kCatalogue)
                if (QByteArray(l.id).startsWith("org/"))
                    only.insert(l.id);
        std::map<std::string, Families::Family> expected
            = fold(since >= 0 ? since : 0, since >= 0 ? until : 1000, only);
        const std::vector<Families::Family> got = Families::rank(db, spec);
        QCOMPARE(got.size(), expected.size());
        for (const Families::Family &f : got) {
            const Families::Family &e = expected.at(f.base);
            // kept comes from the stored week-4 figures: checked below by SQL
            Families::Family withKept = e;
            withKept.kept = f.kept;
            QCOMPARE(describe(f), describe(withKept));
            // The same by plain SQL over base_models as text.
            const std::string base = f.base;
            Statement st(db, "SELECT count(*), sum(coalesce(week4_retention, 0) > 0) FROM models"
                             " WHERE ';' || base_models || ';' LIKE '%;' || ?1 || ';%' AND model_id <> ?1"
                             + std::string(task.isEmpty() ? "" : " AND task = ?2"));
            st.bind(1, base);
            if (!task.isEmpty())
                st.bind(2, task);
            QVERIFY(st.step());
            QCOMPARE(f.derivatives, st.int64(0));
            QCOMPARE(f.kept, st.int64(1));
        }
        // Ranked by callers, then calls, then derivatives, then id.
        for (std::size_t i = 1; i < got.size(); ++i) {
            const auto key = [](const Families::Family &f) {
                return std::make_tuple(-f.callers, -f.calls, -f.derivatives, f.base);
            };
            QVERIFY(key(got[i - 1]) < key(got[i]));
        }
        if (task.isEmpty() && since < 0) {
            // c1 calls two of org/base's derivatives: one caller. And one of them kept c9.
            QCOMPARE(got.front().base, std::string("org/base"));
            QCOMPARE(got.front().callers, 4); // c1, c2, c3, c9
            QCOMPARE(got.front().kept, 1);
            QCOMPARE(Families::rank(db, spec, 2).size(), std::size_t(2));
        }
    }

    void ofBaseIsTheDetail()
    {
        Database db = Cache::open(m_cache);
        fill(db);
        const Families::Family f = Families::ofBase(db, "org/base");
        QCOMPARE(f.derivatives, 4); // ft1, ft2, multi, both (not q1: a fine-tune's quantisation)
        QCOMPARE(f.called, 3);
        QCOMPARE(f.callers, 4);
        QCOMPARE(f.calls, 2 + 1 + 1 + 4 + 1 + 1 + 1);
        QVERIFY(f.baseListed);
        const Families::Family unlisted = Families::ofBase(db, "other/unlisted");
        QCOMPARE(unlisted.derivatives, 2);
        QVERIFY(!unlisted.baseListed);
        // A model naming itself is not its own derivative.
        QCOMPARE(Families::ofBase(db, "s/self").derivatives, 0);
        QCOMPARE(Families::ofBase(db, "s/both").derivatives, 0);
        QCOMPARE(Families::ofBase(db, "nobody/names-it").derivatives, 0);
    }

    void lineageWalksUpAndStopsOnCycles_data()
    {
        QTest::addColumn<QString>("model");
        QTest::addColumn<QString>("steps"); // id:relation:listed, nearest first
        QTest::addColumn<bool>("cycle");
        QTest::addColumn<QString>("others");
        QTest::newRow("quantisation of a fine-tune") << "org/q1" << "org/ft1:quantized:1 org/base:finetune:1" << false << "";
        QTest::newRow("adapter") << "org/ft2" << "org/base:adapter:1" << false << "";
        QTest::newRow("two bases") << "org/multi" << "org/base::1" << false << "other/unlisted";
        QTest::newRow("unlisted base") << "lone/ext" << "other/unlisted::0" << false << "";
        QTest::newRow("a cycle of two") << "a/x" << "b/y::1" << true << "";
        QTest::newRow("the other way round") << "b/y" << "a/x:merge:1" << true << "";
        QTest::newRow("itself") << "s/self" << "" << false << "";
        QTest::newRow("itself and another") << "s/both" << "org/base::1" << false << "";
        QTest::newRow("a base") << "org/base" << "" << false << "";
    }

    void lineageWalksUpAndStopsOnCycles()
    {
        QFETCH(QString, model);
        QFETCH(QString, steps);
        QFETCH(bool, cycle);
        QFETCH(QString, others);
        Database db = Cache::open(m_cache);
        fill(db);
        const std::int64_t row = db.queryInt("SELECT id FROM models WHERE model_id = '" + model.toStdString() + "'").value();
        const Families::Lineage l = Families::lineage(db, row);
        QStringList got;
        for (const Families::Step &s : l.up)
            got << QStringLiteral("%1:%2:%3").arg(QString::fromStdString(s.id), QString::fromStdString(s.relation)).arg(s.listed);
        QCOMPARE(got.join(QLatin1Char(' ')), steps);
        QCOMPARE(l.cycle, cycle);
        QStringList other;
        for (const std::string &o : l.otherBases)
            other << QString::fromStdString(o);
        QCOMPARE(other.join(QLatin1Char(',')), others);
    }

    // A longer cycle, and a chain longer than the walk's depth.
    void longChainsEnd()
    {
        Database db = Cache::open(m_cache);
        QByteArray csv = "model_id,base_models\n";
        for (int i = 0; i < 30; ++i)
            csv += "chain/m" + QByteArray::number(i) + ",chain/m" + QByteArray::number(i + 1) + '\n';
        csv += "ring/a,ring/b\nring/b,ring/c\nring/c,ring/a\n";
        QCOMPARE(run(db, write(csv), ImportOptions::Catalogue).errors, QStringList());
        const auto rowOf = [&](const char *id) {
            return db.queryInt(std::string("SELECT id FROM models WHERE model_id = '") + id + "'").value();
        };
        const Families::Lineage chain = Families::lineage(db, rowOf("chain/m0"), 8);
        QCOMPARE(chain.up.size(), std::size_t(8));
        QCOMPARE(chain.up.back().id, std::string("chain/m8"));
        QVERIFY(!chain.cycle);
        const Families::Lineage ring = Families::lineage(db, rowOf("ring/a"));
        QCOMPARE(ring.up.size(), std::size_t(2));
        QVERIFY(ring.cycle);
        // Every model of the ring has one derivative: no one is counted twice or forever.
        for (const char *id : {"ring/a", "ring/b", "ring/c"})
            QCOMPARE(Families::ofBase(db, id).derivatives, 1);
        QCOMPARE(Families::rank(db, ViewSpec{}).size(), std::size_t(30 + 3));
    }

    // The links follow the listing: a new import that names other bases replaces the old.
    void reimportReplacesTheLinks()
    {
        Database db = Cache::open(m_cache);
        fill(db);
        QCOMPARE(Families::ofBase(db, "org/base").derivatives, 4);
        QCOMPARE(run(db, write("model_id,base_models\norg/ft1,org/other\norg/ft2,\n"), ImportOptions::Catalogue).errors,
                 QStringList());
        QCOMPARE(Families::ofBase(db, "org/base").derivatives, 2);
        QCOMPARE(Families::ofBase(db, "org/other").derivatives, 1);
        QCOMPARE(count(db, "SELECT count(*) FROM model_base WHERE model = (SELECT id FROM models WHERE model_id = 'org/ft2')"), 0);
        // The links equal base_models read as text, for every model.
        Statement st(db, "SELECT id, model_id, base_models FROM models");
        while (st.step()) {
            std::set<std::string> fromText;
            for (const QByteArray &b : QByteArray::fromStdString(st.isNull(2) ? std::string() : std::string(st.textView(2))).split(';'))
                if (!b.isEmpty() && b.toStdString() != st.textView(1))
                    fromText.insert(b.toStdString());
            std::set<std::string> links;
            Statement l(db, "SELECT base FROM model_base WHERE model = ?");
            l.bind(1, st.int64(0));
            while (l.step())
                links.insert(std::string(l.textView(0)));
            QVERIFY2(links == fromText, st.textView(1).data());
        }
    }

    // One file naming a model twice: the second listing's bases are its family, into an empty
    // cache (where the writer skips the deletes it cannot need) as into a full one.
    void aModelListedTwiceInOneFile()
    {
        for (const bool filledFirst : {false, true}) {
            Database db = Cache::open(m_dir.filePath(QStringLiteral("twice%1.sqlite").arg(filledFirst)));
            if (filledFirst)
                QCOMPARE(run(db, write("model_id,base_models\nother/m,org/x\n"), ImportOptions::Catalogue).errors,
                         QStringList());
            QCOMPARE(run(db, write("model_id,base_models\nt/m,org/a;org/b\nt/n,org/a\nt/m,org/c\n"),
                         ImportOptions::Catalogue)
                         .errors,
                     QStringList());
            QCOMPARE(Families::ofBase(db, "org/a").derivatives, 1);
            QCOMPARE(Families::ofBase(db, "org/b").derivatives, 0);
            QCOMPARE(Families::ofBase(db, "org/c").derivatives, 1);
        }
    }

    void statsByFamily()
    {
        const QString cache = m_dir.filePath(QStringLiteral("cli.sqlite"));
        {
            Database db = Cache::open(cache);
            fill(db);
        }
        const auto uptake = [&](const QStringList &args, QByteArray *out = nullptr) {
            QProcess p;
            p.start(QStringLiteral(UPTAKE_BINARY), QStringList{QStringLiteral("--cache"), cache} + args);
            p.waitForFinished(-1);
            if (out)
                *out = p.readAllStandardOutput();
            return p.exitCode();
        };
        QByteArray json;
        QCOMPARE(uptake({QStringLiteral("stats"), QStringLiteral("--json"), QStringLiteral("--by"), QStringLiteral("family")}, &json), 0);
        const QJsonArray families = QJsonDocument::fromJson(json).object().value(QLatin1String("families")).toArray();
        const std::map<std::string, Families::Family> expected = fold();
        QCOMPARE(std::size_t(families.size()), expected.size());
        const QJsonObject first = families.first().toObject();
        QCOMPARE(first.value(QLatin1String("base")).toString(), QStringLiteral("org/base"));
        QCOMPARE(first.value(QLatin1String("callers")).toInteger(), 4);
        QCOMPARE(first.value(QLatin1String("derivatives")).toInteger(), 4);
        QCOMPARE(first.value(QLatin1String("kept_to_week4")).toInteger(), 1);
        for (const QJsonValue &v : families) {
            const QJsonObject o = v.toObject();
            const Families::Family &e = expected.at(o.value(QLatin1String("base")).toString().toStdString());
            QCOMPARE(o.value(QLatin1String("calls")).toInteger(), e.calls);
            QCOMPARE(o.value(QLatin1String("base_listed")).toBool(), e.baseListed);
        }
        QByteArray text;
        QCOMPARE(uptake({QStringLiteral("stats"), QStringLiteral("--by=family")}, &text), 0);
        QVERIFY2(text.contains("other/unlisted*"), text.constData());
        QVERIFY(text.contains("* not in the catalogue itself"));
        QCOMPARE(uptake({QStringLiteral("stats"), QStringLiteral("--by"), QStringLiteral("author")}), 2);
    }
};

QTEST_GUILESS_MAIN(TestFamilies)
#include "tst_families.moc"
