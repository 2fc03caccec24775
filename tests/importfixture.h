#pragma once

#include "db/cache.h"
#include "ingest/importer.h"
#include "ingest/ingest.h"
#include "testutil.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace uptake;

// What the tst_import_* suites share: the importers run in-process through importFile(), the
// same call the window makes, on files written into a temporary folder, and the cells they
// read back. A suite derives from it; Qt Test runs init() of the base before each case.
// tst_import_cli covers the command line around it.
class ImportFixture : public QObject
{
    Q_OBJECT

private slots:
    void init()
    {
        QVERIFY(m_dir.isValid());
        m_cache = m_dir.filePath(QStringLiteral("cache%1.sqlite").arg(++m_n));
    }

protected:
    struct Outcome
    {
        ImportReport report;
        QStringList errors; // "LINE: reason"
        QString failure; // ImportError message, or "cancelled"
    };

    static constexpr const char *kHeader = "timestamp,model_id,caller,event_id,mode,fee,status\n";

    QTemporaryDir m_dir;
    QString m_cache;
    int m_n = 0;

    static QString examples()
    {
        return QStringLiteral(UPTAKE_SOURCE_DIR "/docs/examples/");
    }

    static Outcome run(Database &db, const QString &path, ImportOptions::Kind kind,
                       ImportOptions::Format format = ImportOptions::Format::Auto, bool strict = false,
                       bool force = false, const ProgressFn &progress = {})
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
    static QString cell(Database &db, const QString &sql)
    {
        Statement st(db, sql.toStdString());
        if (!st.step())
            return QStringLiteral("(no row)");
        return st.isNull(0) ? QStringLiteral("NULL") : st.text(0);
    }

    static std::int64_t count(Database &db, const char *sql)
    {
        return db.queryInt(sql).value_or(-1);
    }

    static QString modelCell(Database &db, const QString &model, const QString &column)
    {
        return cell(db, QStringLiteral("SELECT %1 FROM models WHERE model_id = '%2'").arg(column, model));
    }

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
};
