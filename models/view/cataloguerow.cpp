#include "view/cataloguerow.h"

#include "db/database.h"

namespace uptake {

namespace {

QVariant cellValue(const Statement &st, int column, Columns::Kind kind)
{
    if (st.isNull(column))
        return {};
    switch (kind) {
    case Columns::Kind::Text:
        return st.text(column);
    case Columns::Kind::Rate:
    case Columns::Kind::Decimal:
        return st.real(column);
    case Columns::Kind::Bool:
        return st.int64(column) != 0;
    case Columns::Kind::Timestamp:
        // A time known only to the day (from a usage roll-up) stays a double, so that it is
        // shown as the date alone.
        if (Columns::isDayOnly(st, column))
            return st.real(column);
        return qint64(st.int64(column));
    case Columns::Kind::Integer:
    case Columns::Kind::Fee:
        return qint64(st.int64(column));
    }
    return {};
}

} // namespace

CatalogueRow readCatalogueRow(const Statement &st)
{
    CatalogueRow row;
    row.id = st.int64(0);
    for (int c = 0; c < Columns::Count; ++c)
        row.cells[size_t(c)] = cellValue(st, c + 1, Columns::info(c).kind);
    return row;
}

} // namespace uptake
