// ShortTerms: a search of one or two characters through the listed models must find exactly
// what LIKE finds on model_id, author, task and tags, for hostile and non-ASCII text, after a
// rebuild, after the triggers' additions and changes, and after the schema 8 migration.

#include "db/cache.h"
#include "ingest/ingest.h"
#include "view/cataloguereader.h"
#include "view/shortterms.h"
#include "view/viewspec.h"

#include <QTemporaryDir>
#include <QTest>

#include <set>

using namespace uptake;

namespace {

std::vector<std::int64_t> ids(Database &db, const SqlQuery &q)
{
    Statement st(db, q.sql);
    q.bindTo(st);
    std::vector<std::int64_t> out;
    while (st.step())
        out.push_back(st.int64(0));
    return out;
}

ViewSpec searching(const QString &text)
{
    ViewSpec spec;
    spec.search = text;
    spec.sortColumn = Columns::ModelId;
    spec.sortDescending = false;
    return spec;
}

void upsert(Database &db, const char *id, const char *author, const char *task, const char *tags)
{
    CatalogueWriter w(db);
    ModelRecord r;
    r.modelId = id;
    if (author)
        r.author = author;
    if (task)
        r.task = task;
    if (tags)
        r.tags = tags;
    w.upsert(r);
}

// Model texts: upper case, non-ASCII letters in both cases, CJK, an emoji (outside the BMP),
// LIKE's own wildcards, a bidi override, a combining accent, NULLs.
const std::vector<std::array<const char *, 4>> kModels = {
    {"Lab/Aether-7B", "Lab", "text-generation", "llama,chat"},
    {"lab/ÄTHER-ß", "lab", "Translation", nullptr},
    {"user/模型-7b", nullptr, "text-generation", "中文"},
    {"x/emoji-\xF0\x9F\x98\x80!", "x", nullptr, "fun"},
    {"odd/100%_sure", "odd", "regression", "a_b,c%d"},
    {"rtl/\xE2\x80\xAE" "evil", "rtl", nullptr, nullptr},
    {"acc/e\xCC\x81t\xC3\xA9", "acc", "classification", "éa"},
    {"q/QZ", "Q", "q", "z"},
};

} // namespace

class TestShortTerms : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    int m_caches = 0;

    QString freshCache() { return m_dir.filePath(QStringLiteral("c%1.sqlite").arg(++m_caches)); }

    // A fresh cache holding kModels, written row by row (the triggers list their terms).
    Database cacheWithModels()
    {
        Database db = Cache::open(freshCache());
        {
            Transaction tx(db);
            for (const auto &m : kModels)
                upsert(db, m[0], m[1], m[2], m[3]);
            tx.commit();
        }
        return db;
    }

    // Every one- and two-character substring of the texts, in several cases, and some that
    // no model holds.
    static QStringList probes()
    {
        std::set<QString> out;
        for (const auto &m : kModels)
            for (const char *t : m) {
                if (!t)
                    continue;
                const QList<uint> cps = QString::fromUtf8(t).toUcs4();
                for (qsizetype i = 0; i < cps.size(); ++i)
                    for (qsizetype n = 1; n <= 2 && i + n <= cps.size(); ++n) {
                        const QString s = QString::fromUcs4(reinterpret_cast<const char32_t *>(cps.constData() + i), n);
                        out.insert(s);
                        out.insert(s.toUpper());
                        out.insert(s.toLower());
                    }
            }
        for (const char *absent : {"qq", "zz", "7x", "\xF0\x9F\x98\x81", "%%", "_", "\\", "ü"})
            out.insert(QString::fromUtf8(absent));
        return QStringList(out.begin(), out.end());
    }

    // Checks every probe against LIKE; returns how many were listed and how many common.
    static std::pair<int, int> compareAll(Database &db)
    {
        int listed = 0, common = 0;
        for (const QString &probe : probes()) {
            const ViewSpec spec = searching(probe);
            const std::optional<std::int64_t> key = ShortTerms::key(probe);
            if (!key)
                continue; // e.g. the trimmed probe is empty
            if (!ShortTerms::isListed(db, *key)) {
                ++common;
                continue;
            }
            ++listed;
            const std::vector<std::int64_t> expected = ids(db, ViewQuery::orderedIds(spec));
            const std::vector<std::int64_t> got = ids(db, *ViewQuery::orderedIdsOfShortTerm(spec, {}));
            if (got != expected)
                qWarning("probe '%s': %zu listed matches, LIKE finds %zu", qPrintable(probe), got.size(),
                         expected.size());
            if (got != expected)
                return {-1, -1};
            // The walk of the sort index among the listed models: the same view.
            const std::optional<SqlQuery> walk = ViewQuery::orderedIdsBySortIndexAmongListed(spec);
            if (!walk || ids(db, *walk) != expected) {
                qWarning("probe '%s': the listed walk differs", qPrintable(probe));
                return {-1, -1};
            }
        }
        return {listed, common};
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void keys()
    {
        using ShortTerms::key;
        QCOMPARE(key(QStringLiteral("A")), key(QStringLiteral("a")));
        QCOMPARE(key(QStringLiteral(" aB ")), key(QStringLiteral("Ab")));
        QVERIFY(key(QStringLiteral("ab")) != key(QStringLiteral("ba")));
        QVERIFY(key(QStringLiteral("a")) != key(QStringLiteral("ab")));
        // LIKE folds ASCII letters only.
        QVERIFY(key(QStringLiteral("Ä")) != key(QStringLiteral("ä")));
        QVERIFY(!key(QStringLiteral("abc")));
        QVERIFY(!key(QStringLiteral("   ")));
        QVERIFY(!key(QString()));
        QVERIFY(key(QString::fromUtf8("\xF0\x9F\x98\x80")).has_value()); // one code point, two UTF-16 units
        // A text's terms: each character and each pair of neighbours, within one text.
        const std::vector<std::int64_t> terms = ShortTerms::of({"Ab", "c"});
        std::vector<std::int64_t> expected = {*key(QStringLiteral("a")), *key(QStringLiteral("b")),
                                              *key(QStringLiteral("ab")), *key(QStringLiteral("c"))};
        std::sort(expected.begin(), expected.end());
        QCOMPARE(terms, expected);
        QVERIFY(std::find(terms.begin(), terms.end(), *key(QStringLiteral("bc"))) == terms.end());
        // Malformed UTF-8 reads as LIKE reads it, and stops at a NUL as LIKE does.
        QCOMPARE(ShortTerms::of({std::string_view("\xC3", 1)}), ShortTerms::of({"\xEF\xBF\xBD"}));
        QCOMPARE(ShortTerms::of({std::string_view("a\0b", 3)}), ShortTerms::of({"a"}));
        // A search reads as LIKE reads its pattern: U+FFFF is U+FFFD there, so a text of
        // malformed bytes (found by fuzz_shortterms, whose seed it now is) lists the model
        // under it.
        QCOMPARE(key(QString(QChar(0xFFFF))), key(QString(QChar(0xFFFD))));
        const std::vector<std::int64_t> bad = ShortTerms::of({std::string_view("d\xFF\xFF\xFF.", 5)});
        QVERIFY(std::binary_search(bad.begin(), bad.end(), *key(QString(QChar(0xFFFF)))));
    }

    // Written row by row (the triggers list the terms), then rebuilt: exactly LIKE's matches.
    void sameAsLike()
    {
        Database db = cacheWithModels();
        // Nothing was common when the empty cache was built: every probe is listed.
        const auto [listed, common] = compareAll(db);
        QVERIFY(listed > 100);
        QCOMPARE(common, 0);
        // Rebuilt with a low bar, the terms of three models or more are left to the walk.
        ShortTerms::rebuild(db, 3);
        const auto [listed3, common3] = compareAll(db);
        QVERIFY(listed3 > 50);
        QVERIFY(common3 > 10);
        QVERIFY(!ShortTerms::isListed(db, *ShortTerms::key(QStringLiteral("t")))); // in most texts
    }

    // New and changed models are listed by the triggers; a model whose text lost a term is
    // still listed under it, and LIKE leaves it out.
    void triggersKeepUp()
    {
        Database db = cacheWithModels();
        ShortTerms::rebuild(db, 3);
        auto count = [&](const char *text) {
            return ids(db, *ViewQuery::orderedIdsOfShortTerm(searching(QString::fromUtf8(text)), {})).size();
        };
        QCOMPARE(count("jk"), size_t(0));
        upsert(db, "new/JK-model", nullptr, nullptr, nullptr);
        QCOMPARE(count("jk"), size_t(1));
        // The author changes from "x" to "wv": found under "wv", no longer under "x!" ...
        QCOMPARE(count("wv"), size_t(0));
        upsert(db, "x/emoji-\xF0\x9F\x98\x80!", "wv", nullptr, "fun");
        QCOMPARE(count("wv"), size_t(1));
        // ... and an unlisted model that usage brings is searchable too.
        {
            Transaction tx(db);
            UsageWriter usage(db);
            UsageEvent e;
            e.timestamp = 1772323200;
            e.modelId = "ghost/Ωmega";
            e.caller = "c";
            usage.add(e);
            usage.finish();
            tx.commit();
        }
        QCOMPARE(count("Ωm"), size_t(1));
        const auto [listed, common] = compareAll(db);
        QVERIFY(listed > 50);
        QVERIFY(common > 0);
    }

    // The lists are built again once the catalogue grows by a quarter; until then a model's
    // old terms stay listed (LIKE drops them), after it they are gone. "ze" is in every other
    // model, fewer than commonAt() (1,000 at this size): listed; "bu" is in all: common.
    void refreshRebuildsOnGrowth()
    {
        Database db = Cache::open(freshCache());
        auto writeMany = [&](int from, int to) {
            Transaction tx(db);
            for (int i = from; i < to; ++i)
                upsert(db, QStringLiteral("bulk/model-%1").arg(i).toUtf8().constData(), i % 2 ? "zeta" : "omega",
                       nullptr, nullptr);
            ShortTerms::refresh(db);
            tx.commit();
        };
        auto listedUnder = [&](const char *text, const char *model) {
            Statement st(db, "SELECT count(*) FROM short_terms WHERE term = ? AND model ="
                             " (SELECT id FROM models WHERE model_id = ?)");
            st.bind(1, *ShortTerms::key(QString::fromUtf8(text))).bind(2, model);
            return st.step() ? st.int64(0) : -1;
        };
        writeMany(0, 1000);
        QCOMPARE(db.queryInt("SELECT value FROM meta WHERE key = 'short_terms_at'"), std::optional<std::int64_t>(1000));
        upsert(db, "bulk/model-7", "wv", nullptr, nullptr); // author "zeta" -> "wv"
        QCOMPARE(listedUnder("wv", "bulk/model-7"), 1);
        QCOMPARE(listedUnder("ze", "bulk/model-7"), 1); // the old author's term, left listed
        QCOMPARE(ids(db, *ViewQuery::orderedIdsOfShortTerm(searching("ze"), {})).size(), size_t(499)); // LIKE drops it
        QVERIFY(!ShortTerms::isListed(db, *ShortTerms::key(QStringLiteral("bu"))));
        writeMany(1000, 1200); // 20 % more: not rebuilt yet
        QCOMPARE(listedUnder("ze", "bulk/model-7"), 1);
        writeMany(1200, 1300); // 30 % more than at the last build
        QCOMPARE(db.queryInt("SELECT value FROM meta WHERE key = 'short_terms_at'"), std::optional<std::int64_t>(1300));
        QCOMPARE(listedUnder("ze", "bulk/model-7"), 0);
        QCOMPARE(listedUnder("ze", "bulk/model-9"), 1);
        QCOMPARE(listedUnder("wv", "bulk/model-7"), 1);
        QVERIFY(!ShortTerms::isListed(db, *ShortTerms::key(QStringLiteral("bu"))));
    }

    // The first screen of a listed term in many models comes from a walk of the sort index
    // that tests each entry against the list: the same ids as the whole order's first screen,
    // in each sort and direction, with a model whose text lost the term (still listed; LIKE
    // drops it).
    void listedWalkGivesTheFirstScreen()
    {
        Database db = Cache::open(freshCache());
        {
            Transaction tx(db);
            for (int i = 0; i < 3000; ++i)
                upsert(db, QStringLiteral("bulk/model-%1").arg(i).toUtf8().constData(), i % 7 ? "omega" : "Zeta",
                       nullptr, nullptr);
            tx.commit();
        }
        ShortTerms::rebuild(db); // "ze" in 429 of 3,000 models, under commonAt (1,000): listed
        upsert(db, "bulk/model-14", "wv", nullptr, nullptr);
        QVERIFY(ShortTerms::isListed(db, *ShortTerms::key(QStringLiteral("ze"))));
        CatalogueReader reader(db);
        for (const int column : {Columns::Calls, Columns::ModelId, Columns::Author})
            for (const bool descending : {true, false}) {
                ViewSpec spec = searching(QStringLiteral("zE"));
                spec.sortColumn = column;
                spec.sortDescending = descending;
                const std::vector<std::int64_t> all = ids(db, ViewQuery::orderedIds(spec));
                QCOMPARE(all.size(), size_t(428));
                const std::optional<SqlQuery> walk = ViewQuery::orderedIdsBySortIndexAmongListed(spec);
                QVERIFY(walk);
                QVERIFY(walk->sql.find("INDEXED BY") != std::string::npos);
                QCOMPARE(ids(db, *walk), all);
                const QList<qint64> first(all.begin(), all.begin() + CatalogueReader::QuickIds);
                QCOMPARE(reader.firstScreen(spec), first);
            }
        // Three characters are the trigram index's: no listed walk.
        QVERIFY(!ViewQuery::orderedIdsBySortIndexAmongListed(searching(QStringLiteral("zet"))));
    }

    void migratesFromSchema7()
    {
        const QString path = freshCache();
        Cache::createAtVersion(path, 7);
        {
            Database old(path);
            old.exec("INSERT INTO models(model_id, author, task) VALUES('old/Kq-model', 'old', 'fill-mask'),"
                     " ('old/other', 'old', NULL)");
            QCOMPARE(old.queryInt("SELECT count(*) FROM sqlite_schema WHERE name = 'short_terms'"),
                     std::optional<std::int64_t>(0));
        }
        Database db = Cache::open(path);
        QCOMPARE(db.queryInt("PRAGMA user_version"), std::optional<std::int64_t>(Cache::SchemaVersion));
        const std::vector<std::int64_t> found = ids(db, *ViewQuery::orderedIdsOfShortTerm(searching("kQ"), {}));
        QCOMPARE(found.size(), size_t(1));
        QCOMPARE(ids(db, *ViewQuery::orderedIdsOfShortTerm(searching("o"), {})).size(), size_t(2));
    }
};

QTEST_GUILESS_MAIN(TestShortTerms)
#include "tst_shortterms.moc"
