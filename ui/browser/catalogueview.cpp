#include "browser/catalogueview.h"

#include <QScrollBar>
#include <QStyleOptionHeader>

namespace uptake {

CatalogueHeader::CatalogueHeader(QWidget *parent)
    : QHeaderView(Qt::Horizontal, parent)
{
    setSectionsClickable(true);
}

void CatalogueHeader::initStyleOptionForIndex(QStyleOptionHeader *option, int logicalIndex) const
{
    QHeaderView::initStyleOptionForIndex(option, logicalIndex);
    if (option->sortIndicator == QStyleOptionHeader::SortUp)
        option->sortIndicator = QStyleOptionHeader::SortDown;
    else if (option->sortIndicator == QStyleOptionHeader::SortDown)
        option->sortIndicator = QStyleOptionHeader::SortUp;
}

CatalogueView::CatalogueView(QWidget *parent)
    : QTableView(parent)
    , m_frozen(new QTableView(this))
{
    setHorizontalHeader(new CatalogueHeader(this));
    auto *frozenHeader = new CatalogueHeader(m_frozen);
    m_frozen->setHorizontalHeader(frozenHeader);
    m_frozen->setObjectName(QStringLiteral("frozenColumn"));
    m_frozen->setFocusPolicy(Qt::NoFocus);
    m_frozen->verticalHeader()->hide();
    m_frozen->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_frozen->setHorizontalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_frozen->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_frozen->setFrameShape(QFrame::NoFrame);
    m_frozen->setStyleSheet(QStringLiteral("QTableView { border-right: 1px solid palette(mid); }"));
    m_frozen->setContextMenuPolicy(Qt::CustomContextMenu);
    viewport()->stackUnder(m_frozen);
    setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);

    // One vertical position for both.
    connect(m_frozen->verticalScrollBar(), &QAbstractSlider::valueChanged, verticalScrollBar(), &QAbstractSlider::setValue);
    connect(verticalScrollBar(), &QAbstractSlider::valueChanged, m_frozen->verticalScrollBar(), &QAbstractSlider::setValue);
    // The main header owns widths, order and the sort; the overlay follows it.
    connect(horizontalHeader(), &QHeaderView::sectionResized, this, [this] {
        if (!m_fitting)
            m_added.clear(); // the user's width now, extra and all
        syncColumns();
    });
    connect(horizontalHeader(), &QHeaderView::sectionMoved, this, [this] { syncColumns(); });
    connect(horizontalHeader(), &QHeaderView::sortIndicatorChanged, frozenHeader, &QHeaderView::setSortIndicator);
    // A click on the overlay's header sorts as a click on the main one would.
    connect(frozenHeader, &QHeaderView::sectionClicked, this, [this](int section) {
        QHeaderView *h = horizontalHeader();
        const bool same = h->sortIndicatorSection() == section;
        h->setSortIndicator(section, same && h->sortIndicatorOrder() == Qt::DescendingOrder ? Qt::AscendingOrder
                                                                                           : Qt::DescendingOrder);
    });
    connect(m_frozen, &QWidget::customContextMenuRequested, this, [this](const QPoint &pos) {
        emit customContextMenuRequested(viewport()->mapFromGlobal(m_frozen->viewport()->mapToGlobal(pos)));
    });
    connect(m_frozen, &QAbstractItemView::doubleClicked, this, &QAbstractItemView::doubleClicked);
}

void CatalogueView::setModel(QAbstractItemModel *model)
{
    QTableView::setModel(model);
    m_frozen->setModel(model);
    m_frozen->setSelectionModel(selectionModel());
    syncColumns();
}

int CatalogueView::frozenColumn() const
{
    return horizontalHeader()->logicalIndex(0);
}

void CatalogueView::syncColumns()
{
    if (!model())
        return;
    m_frozen->setSelectionBehavior(selectionBehavior());
    m_frozen->setSelectionMode(selectionMode());
    m_frozen->setAlternatingRowColors(alternatingRowColors());
    m_frozen->setWordWrap(wordWrap());
    m_frozen->setTextElideMode(textElideMode());
    m_frozen->verticalHeader()->setDefaultSectionSize(verticalHeader()->defaultSectionSize());
    m_frozen->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_frozen->horizontalHeader()->setFixedHeight(horizontalHeader()->height());
    m_frozen->horizontalHeader()->setDefaultAlignment(horizontalHeader()->defaultAlignment());
    m_frozen->horizontalHeader()->setSortIndicatorShown(horizontalHeader()->isSortIndicatorShown());
    m_frozen->horizontalHeader()->setSortIndicator(horizontalHeader()->sortIndicatorSection(),
                                                   horizontalHeader()->sortIndicatorOrder());
    const int frozen = frozenColumn();
    for (int c = 0; c < model()->columnCount(); ++c)
        m_frozen->setColumnHidden(c, c != frozen);
    if (frozen >= 0)
        m_frozen->setColumnWidth(frozen, columnWidth(frozen));
    placeFrozen();
}

void CatalogueView::placeFrozen()
{
    const int frozen = frozenColumn();
    const bool show = frozen >= 0 && !isColumnHidden(frozen) && model() && model()->columnCount() > 1;
    m_frozen->setVisible(show);
    if (!show)
        return;
    m_frozen->setGeometry(verticalHeader()->isVisible() ? verticalHeader()->width() + frameWidth() : frameWidth(),
                          frameWidth(), columnWidth(frozen),
                          viewport()->height() + horizontalHeader()->height());
}

void CatalogueView::resizeEvent(QResizeEvent *event)
{
    QTableView::resizeEvent(event);
    fitColumnsToWidth();
    placeFrozen();
}

void CatalogueView::setStretchColumns(const QList<QPair<int, double>> &columns)
{
    m_stretch = columns;
    m_added.clear(); // the widths as they are now are the base (after a restored header, say)
    fitColumnsToWidth();
}

void CatalogueView::fitColumnsToWidth()
{
    if (m_fitting || m_stretch.isEmpty() || !model())
        return;
    m_fitting = true;
    QHeaderView *h = horizontalHeader();
    for (const auto &[column, pixels] : std::as_const(m_added))
        h->resizeSection(column, std::max(h->sectionSize(column) - pixels, h->minimumSectionSize()));
    m_added.clear();
    const int free = viewport()->width() - h->length();
    double shares = 0;
    for (const auto &[column, share] : std::as_const(m_stretch))
        shares += h->isSectionHidden(column) ? 0 : share;
    if (free > 0 && shares > 0) {
        for (const auto &[column, share] : std::as_const(m_stretch)) {
            if (h->isSectionHidden(column))
                continue;
            const int add = int(free * share / shares);
            h->resizeSection(column, h->sectionSize(column) + add);
            m_added.append({column, add});
        }
    }
    m_fitting = false;
    syncColumns();
}

void CatalogueView::updateGeometries()
{
    QTableView::updateGeometries();
    placeFrozen();
}

QModelIndex CatalogueView::moveCursor(CursorAction action, Qt::KeyboardModifiers modifiers)
{
    const QModelIndex current = QTableView::moveCursor(action, modifiers);
    // Moving left onto a cell under the overlay scrolls it out from under it.
    const int frozen = frozenColumn();
    if (action == MoveLeft && current.isValid() && current.column() != frozen && frozen >= 0
        && visualRect(current).topLeft().x() < columnWidth(frozen)) {
        const int shift = visualRect(current).topLeft().x() - columnWidth(frozen);
        horizontalScrollBar()->setValue(horizontalScrollBar()->value() + shift);
    }
    return current;
}

void CatalogueView::selectInPlace(const QModelIndex &index)
{
    // The overlay shares the selection model, and it scrolls to a new current index too.
    const bool autoScroll = hasAutoScroll(), frozenAutoScroll = m_frozen->hasAutoScroll();
    setAutoScroll(false);
    m_frozen->setAutoScroll(false);
    selectionModel()->setCurrentIndex(index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
    setAutoScroll(autoScroll);
    m_frozen->setAutoScroll(frozenAutoScroll);
}

void CatalogueView::scrollTo(const QModelIndex &index, ScrollHint hint)
{
    // The frozen column is always in sight: scroll only vertically for it.
    if (index.isValid() && index.column() == frozenColumn()) {
        const int h = horizontalScrollBar()->value();
        QTableView::scrollTo(index, hint);
        horizontalScrollBar()->setValue(h);
        return;
    }
    QTableView::scrollTo(index, hint);
}

} // namespace uptake
