#include "ingest/importparts.h"

namespace uptake {

using namespace ImportParts;

namespace ImportParts {

// Usage

enum UsageColumn { UTimestamp, UModel, UCaller, UEvent, UMode, UFee, UStatus, USimulation, UColumnCount };
constexpr std::array<std::string_view, UColumnCount> kUsageNames = {"timestamp", "model_id", "caller", "event_id",
                                                                    "mode",      "fee",      "status", "simulation"};

using UsageValues = std::array<std::optional<std::string_view>, UColumnCount>;

struct UsageState
{
    UsageWriter writer;
    std::int64_t rounded = 0;
    std::int64_t firstRoundedLine = 0; // where the first of them is (0: none)
    std::int64_t simulated = 0; // simulated inferences: no calls, skipped
    void countRounding(const TextRules::Fee &fee, std::int64_t line)
    {
        if (!fee.rounded)
            return;
        if (rounded++ == 0)
            firstRoundedLine = line;
    }
    explicit UsageState(Database &db)
        : writer(db)
    {
    }
};

// Checks one row against the contract; on success hands it to the writer. line is where
// the row is, for the report of fees rounded.
std::optional<QString> addUsageRow(const UsageValues &v, UsageState &state, RowSink &sink, std::int64_t line)
{
    using namespace TextRules;
    const auto required = [&](UsageColumn c) -> std::optional<QString> {
        if (!v[c])
            return QStringLiteral("%1 is missing").arg(QLatin1String(kUsageNames[c].data(), qsizetype(kUsageNames[c].size())));
        if (trim(*v[c]).empty())
            return QStringLiteral("%1 is empty").arg(QLatin1String(kUsageNames[c].data(), qsizetype(kUsageNames[c].size())));
        return std::nullopt;
    };
    for (UsageColumn c : {UTimestamp, UModel, UCaller})
        if (auto r = required(c))
            return r;

    // The reason with the column's value quoted (never the caller's).
    const auto bad = [&](const QString &reason, UsageColumn c) {
        return withValue(reason, v[c].value_or(std::string_view()), v[UCaller]);
    };

    // A simulated inference is no call: skipped and counted, whatever else it says.
    const auto simulated = parseBool(v[USimulation].value_or(std::string_view()));
    if (!simulated)
        return bad(QStringLiteral("simulation is not true or false"), USimulation);
    if (*simulated) {
        if (sink.writing())
            ++state.simulated;
        return std::nullopt;
    }

    UsageEvent e;
    const auto ts = parseTimestamp(*v[UTimestamp], false);
    if (!ts)
        return bad(QStringLiteral("timestamp is neither ISO 8601 date and time nor Unix seconds"), UTimestamp);
    e.timestamp = *ts;
    e.modelId = trim(*v[UModel]);
    if (auto problem = modelIdProblem(e.modelId, v[UCaller]))
        return problem;
    e.caller = *v[UCaller];
    if (v[UEvent])
        e.eventId = *v[UEvent];
    const auto mode = parseMode(v[UMode].value_or(std::string_view()));
    if (!mode)
        return bad(QStringLiteral("mode is not vanilla, tee, zkml, 0, 1 or 2"), UMode);
    e.mode = *mode;
    Fee fee;
    if (v[UFee] && !trim(*v[UFee]).empty()) {
        switch (parseFee(*v[UFee], fee)) {
        case FeeError::None:
        case FeeError::Empty:
            break;
        case FeeError::Negative:
            return bad(QStringLiteral("fee is negative"), UFee);
        case FeeError::Syntax:
            return bad(QStringLiteral("fee is not a plain decimal number"), UFee);
        case FeeError::TooLarge:
            return bad(QStringLiteral("fee is too large"), UFee);
        }
    }
    e.feeNano = fee.nano;
    const auto failed = parseFailedStatus(v[UStatus].value_or(std::string_view()));
    if (!failed)
        return bad(QStringLiteral("status is not ok or error"), UStatus);
    e.failed = *failed;

    if (sink.writing()) {
        state.writer.add(e);
        state.countRounding(fee, line);
    }
    return std::nullopt;
}

// Roll-ups (contract 2b): one row per UTC day, model and caller.
enum RollColumn { RDay, RModel, RCaller, RCalls, RFailed, RVerified, RFees, RColumnCount };
constexpr std::array<std::string_view, RColumnCount> kRollupNames = {
    "day", "model_id", "caller", "calls", "failed_calls", "verified_calls", "fees"};
constexpr int kRequiredRollup = RCalls; // day, model_id, caller and calls are required

using RollupValues = std::array<std::optional<std::string_view>, RColumnCount>;

QString rollName(int c)
{
    return QLatin1String(kRollupNames[std::size_t(c)].data(), qsizetype(kRollupNames[std::size_t(c)].size()));
}

std::optional<QString> addRollupRow(const RollupValues &v, UsageState &state, RowSink &sink, std::int64_t line)
{
    using namespace TextRules;
    // The reason with the column's value quoted (never the caller's).
    const auto bad = [&](const QString &reason, int c) {
        return withValue(reason, v[std::size_t(c)].value_or(std::string_view()), v[RCaller]);
    };
    for (int c = 0; c <= kRequiredRollup; ++c) {
        if (!v[std::size_t(c)])
            return QStringLiteral("%1 is missing").arg(rollName(c));
        if (trim(*v[std::size_t(c)]).empty())
            return QStringLiteral("%1 is empty").arg(rollName(c));
    }
    UsageDay row;
    const auto day = parseDay(*v[RDay]);
    if (!day)
        return bad(QStringLiteral("day is not a date (YYYY-MM-DD)"), RDay);
    row.day = *day;
    row.modelId = trim(*v[RModel]);
    if (auto problem = modelIdProblem(row.modelId, v[RCaller]))
        return problem;
    row.caller = *v[RCaller];
    const auto calls = parseCount(*v[RCalls]);
    if (!calls || *calls < 1)
        return bad(QStringLiteral("calls is not a whole number of 1 or more"), RCalls);
    row.calls = *calls;
    for (int c : {RFailed, RVerified}) {
        const auto &text = v[std::size_t(c)];
        if (!text || trim(*text).empty())
            continue; // absent: 0
        const auto n = parseCount(*text);
        if (!n)
            return bad(QStringLiteral("%1 is not a whole number").arg(rollName(c)), c);
        if (*n > row.calls)
            return bad(QStringLiteral("%1 is more than calls").arg(rollName(c)), c);
        (c == RFailed ? row.failed : row.verified) = *n;
    }
    Fee fee;
    if (v[RFees] && !trim(*v[RFees]).empty()) {
        switch (parseFee(*v[RFees], fee)) {
        case FeeError::None:
        case FeeError::Empty:
            break;
        case FeeError::Negative:
            return bad(QStringLiteral("fees is negative"), RFees);
        case FeeError::Syntax:
            return bad(QStringLiteral("fees is not a plain decimal number"), RFees);
        case FeeError::TooLarge:
            return bad(QStringLiteral("fees is too large"), RFees);
        }
    }
    row.feeNano = fee.nano;
    if (sink.writing()) {
        state.writer.addDay(row);
        state.countRounding(fee, line);
    }
    return std::nullopt;
}

// Writes what the rows left buffered and fills the report; refuses roll-up days that the
// cache already holds (the caller's transaction then rolls back).
void finishUsage(UsageState &state, const RowSink &sink, bool rollUp, ImportReport &report)
{
    if (!sink.writing())
        return;
    const UsageSummary s = state.writer.finish();
    if (s.conflicts > 0)
        throw ImportError(
            QStringLiteral("%1: nothing imported: the cache already holds usage of %2 on %3 for a caller of this roll-up "
                           "(%4 in all, the earliest named); importing would count those calls twice. "
                           "--replace-days replaces those days with the roll-up's rows")
                .arg(sink.shown(), QString::fromStdString(s.firstConflictModel),
                     QString::fromStdString(TextRules::formatDay(s.firstConflictDay)),
                     plural(s.conflicts, "model-caller-day", "model-caller-days")));
    report.rollUp = rollUp;
    report.rowsImported = rollUp ? s.dayRows : s.added;
    report.callsImported = s.added;
    report.daysReplaced = s.replaced;
    report.duplicates = s.duplicates;
    report.unlistedModels = s.unlistedModels;
    report.feesRounded = state.rounded;
    report.firstRoundedLine = state.firstRoundedLine;
    report.simulatedSkipped = state.simulated;
}

QString importUsage(Database &db, Input &in, RowSink &sink, const ImportOptions &opt, ImportReport &report)
{
    UsageState state(db);
    state.writer.setReplaceDays(opt.replaceDays);
    QString layout;
    // Raw calls or a roll-up: the first record (JSON) or the header (CSV) says, by a 'day'
    // column without a 'timestamp'.
    bool rollUp = false;
    if (sniff(in) == Container::Json) {
        od::parser parser;
        bool first = true;
        layout = readJson(in, sink, [&](std::string_view text, std::int64_t line) {
            UsageValues v;
            RollupValues rv;
            bool hasDay = false;
            auto reason = forEachField(parser, text, [&](std::string_view key, od::value value) -> std::optional<QString> {
                bool known = false;
                std::optional<std::string_view> scalar;
                for (int c = 0; c < UColumnCount && !known; ++c)
                    known = equalsNoCase(key, kUsageNames[std::size_t(c)]);
                for (int c = 0; c < RColumnCount && !known && (first || rollUp); ++c)
                    known = equalsNoCase(key, kRollupNames[std::size_t(c)]);
                if (!known)
                    return std::nullopt;
                od::json_type type;
                if (equalsNoCase(key, "simulation") && !value.type().get(type) && type == od::json_type::boolean)
                    scalar = TextRules::trim(value.raw_json_token()); // true or false
                else if (!scalarText(value, scalar))
                    return QStringLiteral("%1 is not a string or a number").arg(QString::fromUtf8(key.data(), qsizetype(key.size())).toLower());
                for (int c = 0; c < UColumnCount; ++c)
                    if (equalsNoCase(key, kUsageNames[std::size_t(c)]))
                        v[std::size_t(c)] = scalar;
                for (int c = 0; c < RColumnCount; ++c)
                    if (equalsNoCase(key, kRollupNames[std::size_t(c)]))
                        rv[std::size_t(c)] = scalar;
                hasDay = hasDay || equalsNoCase(key, "day");
                return std::nullopt;
            });
            if (first)
                rollUp = hasDay && !v[UTimestamp];
            first = false;
            if (!reason)
                reason = rollUp ? addRollupRow(rv, state, sink, line) : addUsageRow(v, state, sink, line);
            if (reason)
                sink.reject(line, *reason);
        });
    } else {
        layout = QStringLiteral("CSV");
        readCsv(in, sink, [&](const CsvHeader &header) {
            rollUp = header.index("day") >= 0 && header.index("timestamp") < 0;
            const auto &names = rollUp ? std::vector<std::string_view>(kRollupNames.begin(), kRollupNames.end())
                                       : std::vector<std::string_view>(kUsageNames.begin(), kUsageNames.end());
            const int required = rollUp ? kRequiredRollup : int(UCaller);
            std::vector<int> col(names.size());
            for (std::size_t c = 0; c < names.size(); ++c) {
                col[c] = header.index(names[c]);
                if (int(c) <= required && col[c] < 0)
                    throw ImportError(QStringLiteral("%1: the header has no '%2' column")
                                          .arg(sink.shown(), QLatin1String(names[c].data(), qsizetype(names[c].size()))));
            }
            return [&, col](const std::vector<std::string_view> &fields, std::int64_t line) {
                std::optional<QString> reason;
                if (rollUp) {
                    RollupValues v;
                    for (std::size_t c = 0; c < RColumnCount; ++c)
                        if (col[c] >= 0)
                            v[c] = fields[std::size_t(col[c])];
                    reason = addRollupRow(v, state, sink, line);
                } else {
                    UsageValues v;
                    for (std::size_t c = 0; c < UColumnCount; ++c)
                        if (col[c] >= 0)
                            v[c] = fields[std::size_t(col[c])];
                    reason = addUsageRow(v, state, sink, line);
                }
                if (reason)
                    sink.reject(line, *reason);
            };
        });
    }
    finishUsage(state, sink, rollUp, report);
    if (rollUp)
        layout += QStringLiteral(" roll-up");
    return layout;
}

// ---------------------------------------------------------------------------------------------
} // namespace ImportParts

ImportReport importRollup(Database &db, RollupSource &source, const ImportOptions &options, const ProgressFn &progress,
                          const RowErrorFn &onRowError)
{
    ImportReport report;
    report.path = source.name();
    report.kind = ImportOptions::Usage;
    report.layout = source.layout();
    report.resultRows = true;
    const QString kind = QStringLiteral("usage");
    RowSink sink(source.name(), options, onRowError, true);
    Transaction tx(db);
    UsageState state(db);
    state.writer.setReplaceDays(options.replaceDays);

    const std::vector<std::string> names = source.columns();
    std::array<int, RColumnCount> col;
    for (std::size_t c = 0; c < RColumnCount; ++c) {
        col[c] = -1;
        for (std::size_t i = 0; i < names.size(); ++i)
            if (equalsNoCase(names[i], kRollupNames[c]))
                col[c] = int(i);
        if (int(c) <= kRequiredRollup && col[c] < 0)
            throw ImportError(QStringLiteral("%1: the result has no '%2' column").arg(sink.shown(), rollName(int(c))));
    }

    // The content hash, for the re-import rule, is taken over the values as they come:
    // each as a length (or -1 for NULL) and its bytes.
    Sha256 hash;
    std::vector<std::optional<std::string_view>> values;
    std::int64_t row = 0;
    while (source.next(values)) {
        ++row;
        RollupValues v;
        for (std::size_t c = 0; c < RColumnCount; ++c)
            if (col[c] >= 0 && std::size_t(col[c]) < values.size())
                v[c] = values[std::size_t(col[c])];
        for (const auto &value : values) {
            const std::int64_t len = value ? std::int64_t(value->size()) : -1;
            hash.addData(reinterpret_cast<const char *>(&len), sizeof len);
            if (value)
                hash.addData(value->data(), value->size());
            report.bytes += std::int64_t(sizeof len) + std::max<std::int64_t>(len, 0);
        }
        if (auto reason = addRollupRow(v, state, sink, row))
            sink.reject(row, *reason);
        if (progress && row % 8192 == 0 && !progress(row, 0))
            throw Cancelled();
    }
    if (progress && !progress(row, 0))
        throw Cancelled();
    // The content is known only now: the same rows again are skipped before they could be
    // refused as a double count.
    const QByteArray digest = hash.result();
    if (!options.force && alreadyImported(db, kind, digest)) {
        ImportReport skipped;
        skipped.outcome = ImportReport::Outcome::AlreadyImported;
        skipped.path = report.path;
        skipped.kind = report.kind;
        skipped.layout = report.layout;
        skipped.bytes = report.bytes;
        return skipped; // the transaction rolls back
    }
    finishUsage(state, sink, true, report);
    report.rowsRejected = sink.rejected();
    if (options.strict && sink.rejected() > 0) {
        report.outcome = ImportReport::Outcome::Refused;
        report.rowsImported = report.callsImported = report.daysReplaced = report.feesRounded = report.unlistedModels =
            report.simulatedSkipped = 0;
        report.firstRoundedLine = 0;
        return report; // the transaction rolls back
    }
    recordImport(db, kind, source.name(), digest, report);
    tx.commit();
    return report;
}

} // namespace uptake
