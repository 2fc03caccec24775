#include "view/exporter.h"

#include "db/database.h"
#include "evidence/evidence.h"
#include "view/figures.h"
#include "text/textrules.h"
#include "view/windowscreen.h"

#include <QDateTime>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>

#include <charconv>
#include <cmath>
#include <optional>

namespace uptake {

namespace Exporter {

void appendTextCell(std::string &out, std::string_view text)
{
    // A spreadsheet runs a cell that starts like a formula; a leading quote keeps it text.
    const bool guard = !text.empty()
                       && (text[0] == '=' || text[0] == '+' || text[0] == '-' || text[0] == '@' || text[0] == '\t'
                           || text[0] == '\r');
    const bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos;
    if (quote)
        out += '"';
    if (guard)
        out += '\'';
    for (char c : text) {
        if (c == '"')
            out += '"';
        out += c;
    }
    if (quote)
        out += '"';
}

std::string formatRate(double rate)
{
    // Six decimals is finer than any count of callers a desktop holds makes meaningful,
    // and keeps the cell a plain decimal (no exponent).
    // std::to_chars never reads the C locale: "0.109515" under de_DE too, not "0,109515".
    char buf[400]; // a fixed double needs at most 309 digits before the point
    const auto r = std::to_chars(buf, buf + sizeof buf, rate, std::chars_format::fixed, 6);
    std::string s(buf, r.ptr);
    while (s.size() > 1 && s.back() == '0')
        s.pop_back();
    if (s.back() == '.')
        s.pop_back();
    return s;
}

std::string formatEffectiveCallers(double n)
{
    // Two decimals: "how many equally busy callers" needs no finer grain (1.06, 10.00).
    char buf[400];
    const auto r = std::to_chars(buf, buf + sizeof buf, n, std::chars_format::fixed, 2);
    return std::string(buf, r.ptr);
}

namespace {

void appendCell(std::string &out, const Statement &st, int sqlColumn, Columns::Kind kind)
{
    if (st.isNull(sqlColumn))
        return; // unknown: an empty cell
    switch (kind) {
    case Columns::Kind::Text: appendTextCell(out, st.textView(sqlColumn)); break;
    case Columns::Kind::Integer: {
        char buf[24];
        const auto r = std::to_chars(buf, buf + sizeof buf, st.int64(sqlColumn));
        out.append(buf, r.ptr);
        break;
    }
    case Columns::Kind::Timestamp:
        // Only the day is known (roll-ups): the date alone, which ISO 8601 allows.
        if (Columns::isDayOnly(st, sqlColumn))
            out += TextRules::formatDay(std::int64_t(std::floor(st.real(sqlColumn) / 86400)));
        else
            out += TextRules::formatTimestamp(st.int64(sqlColumn));
        break;
    case Columns::Kind::Rate: out += formatRate(st.real(sqlColumn)); break;
    case Columns::Kind::Decimal: out += formatEffectiveCallers(st.real(sqlColumn)); break;
    case Columns::Kind::Fee: out += TextRules::formatFee(st.int64(sqlColumn)); break;
    case Columns::Kind::Bool: out += st.int64(sqlColumn) ? "true" : "false"; break;
    }
}

// Now, or SOURCE_DATE_EPOCH when set (the reproducible-builds convention), so that a
// snapshot can be made again byte for byte.
std::int64_t exportTime()
{
    bool ok = false;
    const qlonglong fixed = qgetenv("SOURCE_DATE_EPOCH").toLongLong(&ok);
    if (ok && fixed >= 0)
        return fixed;
    return QDateTime::currentSecsSinceEpoch();
}

void writeAll(QSaveFile &file, const std::string &data)
{
    if (file.write(data.data(), qint64(data.size())) != qint64(data.size()))
        throw ExportError(QObject::tr("%1: cannot write: %2").arg(file.fileName(), file.errorString()));
}

} // namespace

ExportResult exportCsv(Database &db, const ViewSpec &spec, const QString &outPath, const ProgressFn &progress)
{
    ExportResult result;
    result.csvPath = outPath;
    result.sidecarPath = outPath + QStringLiteral(".json");

    // One read snapshot for the count and the rows, even while an import commits. The
    // sidecar's figures are summed from the rows as they stream, not by a second scan;
    // the count (for progress) is only run when someone watches the progress.
    // A window's rows are sorted by SQLite (no index holds a window's order): with temporary
    // files and a small cache, not in memory. 2M rows, 30-day window: 518 MB before, 66 MB
    // after, and no slower. The demand evidence reads every called model's day rows once,
    // where the cache's 64 MB page cache only kept pages already used (demo, all time: 101 MB
    // with it, 56 MB without). The connection gets its settings back at the end (temp_store
    // only when no temporary table is left, as ScopedPragmas says).
    const ScopedPragmas sortOnDisk(db, {{"temp_store", "FILE"}, {"cache_size", "-16384"}});
    Transaction snapshot(db, Transaction::Kind::Deferred);
    // A usage window's figures are counted once into a table, as the browser does: the
    // window's SQL alone sorts every (model, caller) pair in it (1 GB for 120 days at scale).
    const std::string window = WindowScreen::filledTable(db, spec);
    std::int64_t total = 0;
    if (progress) {
        const SqlQuery cq = ViewQuery::count(spec, window);
        Statement cs(db, cq.sql);
        cq.bindTo(cs);
        if (cs.step())
            total = cs.int64(0);
    }

    QSaveFile csv(outPath);
    if (!csv.open(QIODevice::WriteOnly))
        throw ExportError(QObject::tr("%1: cannot create: %2").arg(outPath, csv.errorString()));

    std::string buf;
    buf.reserve(1 << 20);
    for (int c = 0; c < Columns::Count; ++c) {
        if (c)
            buf += ',';
        buf += Columns::info(c).key;
    }
    buf += "\r\n";

    // All time, the demand evidence columns are the models' own (kept by the usage writer);
    // a window's are counted into its table, each called model's day rows read once.
    if (!window.empty() && !spec.hasEvidenceFilter())
        Evidence::fillWindowTable(db, spec, window, [&] { return !progress || progress(0, total); });

    const SqlQuery q = ViewQuery::select(spec, window);
    Statement st(db, q.sql);
    q.bindTo(st);
    Figures::Accumulator figuresAcc;
    while (st.step()) {
        figuresAcc.add(st.int64(1 + Columns::Listed) != 0, st.int64(1 + Columns::Calls));
        for (int c = 0; c < Columns::Count; ++c) {
            if (c)
                buf += ',';
            appendCell(buf, st, c + 1, Columns::info(c).kind);
        }
        buf += "\r\n";
        ++result.rows;
        if (buf.size() >= (1 << 20) - 4096) {
            writeAll(csv, buf);
            buf.clear();
            if (progress && !progress(result.rows, total))
                throw Cancelled(); // QSaveFile's destructor discards the temporary file
        }
    }
    writeAll(csv, buf);
    const CatalogueFigures figures = figuresAcc.result();

    // The sidecar is written before the CSV is renamed into place: a snapshot never
    // appears without its description.
    QJsonObject side = spec.toJson();
    side.insert(QStringLiteral("exported_at"), TextRules::formatTimestamp(exportTime()).c_str());
    side.insert(QStringLiteral("uptake_version"), QStringLiteral(UPTAKE_VERSION));
    side.insert(QStringLiteral("cache"), QFileInfo(db.path()).absoluteFilePath());
    side.insert(QStringLiteral("file"), QFileInfo(outPath).fileName());
    side.insert(QStringLiteral("rows"), qint64(result.rows));
    const QStringList columns = Columns::keys();
    side.insert(QStringLiteral("columns"), QJsonValue::fromVariant(columns));
    side.insert(QStringLiteral("figures"), figures.toJson());

    QSaveFile sidecar(result.sidecarPath);
    if (!sidecar.open(QIODevice::WriteOnly))
        throw ExportError(QObject::tr("%1: cannot create: %2").arg(result.sidecarPath, sidecar.errorString()));
    writeAll(sidecar, QJsonDocument(side).toJson(QJsonDocument::Indented).toStdString());
    if (!sidecar.commit())
        throw ExportError(QObject::tr("%1: cannot write: %2").arg(result.sidecarPath, sidecar.errorString()));
    if (!csv.commit()) {
        QFile::remove(result.sidecarPath);
        throw ExportError(QObject::tr("%1: cannot write: %2").arg(outPath, csv.errorString()));
    }
    if (progress)
        progress(result.rows, total);
    return result;
}

} // namespace Exporter

} // namespace uptake
