#pragma once

#include "view/viewspec.h"

#include <QList>
#include <QMetaType>
#include <QVariant>

#include <array>

namespace uptake {

class Statement;

// One row of the catalogue view as SQL returned it: the model's row id and one raw value
// per Columns::Id (null QVariant for SQL NULL). The window formats them for display.
struct CatalogueRow {
    qint64 id = 0;
    std::array<QVariant, Columns::Count> cells;
    // A usage window's row loaded before its callers were counted: unique callers, repeat
    // callers and repeat rate are not known yet (the sums are), and the page comes again.
    bool callersPending = false;
};
using RowPage = QList<CatalogueRow>;

// Reads one view row (m.id then the Columns in order) from a statement of ViewQuery.
CatalogueRow readCatalogueRow(const Statement &st);

} // namespace uptake

Q_DECLARE_METATYPE(uptake::CatalogueRow)
