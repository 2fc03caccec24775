#pragma once

#include <QHeaderView>
#include <QList>
#include <QPair>
#include <QTableView>

namespace uptake {

// The catalogue's header: sort arrows that point the way the rows run. QHeaderView marks a
// descending sort SortUp, which Fusion and most styles draw pointing up; biggest first
// should read as an arrow pointing down.
class CatalogueHeader final : public QHeaderView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatalogueHeader)

public:
    explicit CatalogueHeader(QWidget *parent = nullptr);

protected:
    void initStyleOptionForIndex(QStyleOptionHeader *option, int logicalIndex) const override;
};

// The catalogue table with its first column (the model id) frozen: scrolling right to the
// usage figures keeps the row's name in sight. A second view over the left edge shows that
// column only, sharing the model, the selection and the vertical scroll (Qt's "Frozen
// Column" example).
class CatalogueView final : public QTableView
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatalogueView)

public:
    explicit CatalogueView(QWidget *parent = nullptr);

    void setModel(QAbstractItemModel *model) override;
    // The overlay (for tests): shows only the frozen column.
    QTableView *frozenView() const { return m_frozen; }
    // The logical column kept in sight: the one at the left edge.
    int frozenColumn() const;
    // The overlay takes the table's row height, selection and column settings: call after
    // changing them, or after restoring the header.
    void syncColumns();
    // Columns that take the room a wide window leaves (logical index, share of it): the
    // table fills its width instead of ending in a blank band. Taken back as it narrows;
    // a column the user resizes keeps the user's width.
    void setStretchColumns(const QList<QPair<int, double>> &columns);
    // Selects the row and makes `index` current without scrolling either view to it: a new
    // view keeps its top in sight while the selected model stays selected further down.
    void selectInPlace(const QModelIndex &index);
    // Public, as QAbstractItemView's is; keeps the frozen column's horizontal position.
    void scrollTo(const QModelIndex &index, ScrollHint hint = EnsureVisible) override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    QModelIndex moveCursor(CursorAction action, Qt::KeyboardModifiers modifiers) override;
    void updateGeometries() override;

private:
    void placeFrozen();
    void fitColumnsToWidth();

    QTableView *m_frozen;
    QList<QPair<int, double>> m_stretch;
    QList<QPair<int, int>> m_added; // column, pixels given to it by fitColumnsToWidth
    bool m_fitting = false;
};

} // namespace uptake
