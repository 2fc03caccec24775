#pragma once

#include "error.h"
#include "progress.h"
#include "view/viewspec.h"

#include <QString>

#include <cstdint>
#include <string>

namespace uptake {

class Database;

// CSV snapshots (contract section 4): every row of a view, streamed from SQLite to a
// temporary file beside the target and renamed into place only when complete, plus the
// OUT.csv.json sidecar that says what the snapshot is.
struct ExportResult
{
    std::int64_t rows = 0;
    QString csvPath;
    QString sidecarPath;
};

class ExportError : public Error
{
public:
    using Error::Error;
};

namespace Exporter {

// Throws ExportError (I/O), DbError or Cancelled; on any of them no file is left under
// outPath or its sidecar name, and an existing file there is untouched.
ExportResult exportCsv(Database &db, const ViewSpec &spec, const QString &outPath, const ProgressFn &progress = {});

// Cell formatting, exposed for tests: RFC 4180 quoting and the formula guard.
void appendTextCell(std::string &out, std::string_view text);
std::string formatRate(double rate); // up to six decimals, trailing zeros dropped
std::string formatEffectiveCallers(double n); // two decimals

} // namespace Exporter

} // namespace uptake
