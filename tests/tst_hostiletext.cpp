#include "db/cache.h"
#include "browser/cataloguemodel.h"
#include "dashboard/dashboardcharts.h"
#include "dashboard/dashboarddata.h"
#include "browser/detailpane.h"
#include "text/displaytext.h"
#include "testutil.h"
#include "threadspy.h"

#include <QChart>
#include <QGraphicsScene>
#include <QGraphicsTextItem>
#include <QLabel>
#include <QPlainTextEdit>
#include <QTemporaryDir>
#include <QTest>

using namespace uptake;

namespace {

// What registries may send: markup that would load a local file, a formula, control
// characters, a right-to-left override that would turn the rest of a line around, and a
// string of 100 KB.
const QString kMarkup = QStringLiteral("<img src=\"file:///etc/passwd\"><b>bold</b>/model");
const QString kOverride = QStringLiteral("evil\u202Egnp.exe/model");
const QString kControl = QStringLiteral("ctl\x01\x07\x1b[31m\nnext/model");
const QString kLong = QStringLiteral("long/") + QString(100 * 1024, QLatin1Char('x'));
const QString kArabic = QStringLiteral("lab/\u0646\u0645\u0648\u0630\u062C");

bool hasControl(const QString &s)
{
    for (const QChar c : s)
        if (c.unicode() < 0x20 || (c.unicode() >= 0x7F && c.unicode() < 0xA0) || (c >= QChar(0x202A) && c <= QChar(0x202E)))
            return true;
    return false;
}

// Every piece of text a chart shows, as the user sees it (Qt Charts renders labels as HTML).
QStringList shownText(QChartView &view)
{
    QStringList out;
    for (QGraphicsItem *item : view.scene()->items())
        if (auto *t = dynamic_cast<QGraphicsTextItem *>(item))
            out << t->toPlainText();
    return out;
}

} // namespace

// Registry fields are hostile text: every place that shows them must show them inert.
class TestHostileText : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        m_cache = m_dir.filePath(QStringLiteral("hostile.sqlite"));
        Database db = Cache::open(m_cache);
        {
            Transaction tx(db);
            CatalogueWriter w(db);
            for (const QString &id : {kMarkup, kOverride, kControl, kLong, kArabic}) {
                ModelRecord r;
                r.modelId = id.toStdString();
                r.task = "<i>task</i>\u202E";
                r.author = "=cmd|' /C calc'!A0";
                w.upsert(r);
            }
            tx.commit();
        }
        std::vector<std::string> ids;
        for (const QString &id : {kMarkup, kOverride, kControl, kLong, kArabic})
            ids.push_back(id.toStdString());
        std::vector<TestUtil::Call> calls;
        for (size_t i = 0; i < ids.size(); ++i)
            for (size_t k = 0; k <= i; ++k)
                calls.push_back({k % 2 ? "2026-03-01T10:00:00Z" : "2026-03-02T10:00:00Z", ids[i].c_str(),
                                 k % 2 ? "caller-a" : "caller-b"});
        TestUtil::writeCalls(db, calls);
    }

    void oneInertLine()
    {
        QCOMPARE(DisplayText::line(QStringLiteral("a\tb\nc")), QStringLiteral("a b c"));
        QCOMPARE(DisplayText::line(kControl), QStringLiteral("ctl\uFFFD\uFFFD\uFFFD[31m next/model"));
        // The override is shown as a replacement mark, not obeyed.
        QCOMPARE(DisplayText::line(kOverride), QStringLiteral("evil\uFFFDgnp.exe/model"));
        // Right-to-left text stays, isolated so that it cannot reorder what surrounds it.
        QCOMPARE(DisplayText::line(kArabic), QChar(0x2068) + kArabic + QChar(0x2069));
        // Long text is cut, with an ellipsis; astral characters are never split.
        QCOMPARE(DisplayText::line(kLong).size(), 301);
        QVERIFY(DisplayText::line(kLong).endsWith(QChar(0x2026)));
        const QString emoji = QStringLiteral("\U0001F600\U0001F600\U0001F600");
        QCOMPARE(DisplayText::line(emoji, 2), QStringLiteral("\U0001F600\U0001F600\u2026"));
        QCOMPARE(DisplayText::line(QString(QChar(0xD800)) + QLatin1Char('a')), QStringLiteral("\uFFFDa"));
        QCOMPARE(DisplayText::line(QString()), QString());
        // For rich-text places: markup becomes its characters.
        QCOMPARE(DisplayText::html(QStringLiteral("<b>x</b> & y")), QStringLiteral("&lt;b&gt;x&lt;/b&gt; &amp; y"));
        const QString tip = DisplayText::tooltip(kMarkup);
        QVERIFY(tip.startsWith(QLatin1String("<p")));
        QVERIFY(!tip.contains(QLatin1String("<img")));
        QVERIFY(tip.contains(QLatin1String("&lt;img")));
    }

    void tableShowsInertText()
    {
        LoaderThread thread;
        CatalogueLoader *loader = thread.loader();
        ThreadSpy opened(loader, &CatalogueLoader::opened);
        const QString path = m_cache;
        QMetaObject::invokeMethod(loader, [loader, path] { loader->open(path); }, Qt::QueuedConnection);
        QVERIFY(opened.waitFor(1, 10000));
        CatalogueModel model(loader);
        model.setSpec(ViewSpec());
        QTRY_VERIFY_WITH_TIMEOUT(model.isComplete() && model.rowCount() == 5, 10000);
        for (int r = 0; r < 5; ++r)
            model.data(model.index(r, 0)); // asks for the page, as a view drawing the row would
        QTRY_VERIFY_WITH_TIMEOUT(model.data(model.index(4, 0), CatalogueModel::LoadedRole).toBool(), 10000);
        int seen = 0;
        for (int r = 0; r < model.rowCount(); ++r) {
            for (const int c : {int(Columns::ModelId), int(Columns::Author), int(Columns::Task)}) {
                const QString shown = model.data(model.index(r, c), Qt::DisplayRole).toString();
                QVERIFY2(!hasControl(shown), qPrintable(shown.left(80)));
                QVERIFY(shown.size() <= 303);
                const QString tip = model.data(model.index(r, c), Qt::ToolTipRole).toString();
                QVERIFY2(!tip.contains(QLatin1String("<img")) && !tip.contains(QLatin1String("<b>")), qPrintable(tip.left(80)));
                QVERIFY(tip.size() < 7000);
            }
            const QString raw = model.data(model.index(r, Columns::ModelId), CatalogueModel::RawRole).toString();
            const QString shown = model.data(model.index(r, Columns::ModelId), Qt::DisplayRole).toString();
            if (raw == kMarkup) {
                QCOMPARE(shown, kMarkup); // markup in a table cell is just characters
                ++seen;
            } else if (raw == kLong) {
                QVERIFY(shown.startsWith(QLatin1String("long/xxx")));
                ++seen;
            }
        }
        QCOMPARE(seen, 2); // the raw value stays exact; only what is shown is made safe
    }

    void chartLabelsAreText()
    {
        Database db = Cache::open(m_cache, Database::Mode::ReadOnly);
        const DashboardData data = Dashboard::compute(db, ViewSpec());
        for (const DashboardChart c : {DashboardChart::Tasks, DashboardChart::Top}) {
            DashboardChartView view(c);
            view.resize(900, 560);
            view.setData(data);
            view.show();
            QVERIFY(QTest::qWaitForWindowExposed(&view));
            const QStringList texts = shownText(view);
            const QString all = texts.join(QLatin1Char('\n'));
            // The markup shows as the characters it is: Qt Charts did not run it as HTML.
            if (c == DashboardChart::Top) {
                QVERIFY2(all.contains(QLatin1String("<img src=")), qPrintable(all.left(2000)));
                QVERIFY(!all.contains(QStringLiteral("\u202E")));
            } else {
                QVERIFY2(all.contains(QLatin1String("<i>task</i>")), qPrintable(all.left(2000)));
            }
            for (const QString &t : texts)
                QVERIFY2(t.size() < 200, qPrintable(t.left(80)));
        }
    }

    void detailPaneShowsInertText()
    {
        DetailPane pane;
        pane.resize(1200, 300);
        pane.show();
        ModelDetail d;
        d.id = 1;
        d.found = true;
        d.modelId = kOverride;
        d.fields = {{QStringLiteral("Author"), kControl}, {QStringLiteral("Tags"), kLong}};
        d.description = kLong;
        pane.setDetail(d);
        QCOMPARE(pane.titleLabel()->text(), DisplayText::line(kOverride, 200));
        for (QLabel *l : pane.findChildren<QLabel *>()) {
            QCOMPARE(l->textFormat(), Qt::PlainText);
            QVERIFY2(!hasControl(l->text()), qPrintable(l->text().left(80)));
            QVERIFY(l->text().size() < 1100);
        }
        // The description keeps every character, in a plain-text view.
        QCOMPARE(pane.descriptionView()->toPlainText(), kLong);
    }

private:
    QTemporaryDir m_dir;
    QString m_cache;
};

QTEST_MAIN(TestHostileText)
#include "tst_hostiletext.moc"
