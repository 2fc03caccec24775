#include "mainwindow.h"

#include "browser/cataloguemodel.h"
#include "browser/catalogueview.h"
#include "browser/detailpane.h"
#include "browser/filterpanel.h"
#include "browser/tablecopy.h"
#include "text/displaytext.h"

#include <QClipboard>
#include <QDesktopServices>
#include <QDockWidget>
#include <QGuiApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLocale>
#include <QMenu>
#include <QStatusBar>
#include <QTableView>

#include <algorithm>

namespace uptake {

// MainWindow, part: the table's selection, copying rows, the row menu and the detail pane.

namespace {

// At most this many rows go to the clipboard at once; File > Export takes any number.
constexpr int kMaxCopyRows = 2000;

} // namespace

QTableView *MainWindow::table() const
{
    return m_table;
}

QList<int> MainWindow::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &i : m_table->selectionModel()->selectedRows())
        rows << i.row();
    std::sort(rows.begin(), rows.end());
    return rows;
}

void MainWindow::copySelectedRows()
{
    m_pendingCopy.clear();
    const QList<int> rows = selectedRows();
    if (rows.isEmpty())
        return;
    if (rows.size() > kMaxCopyRows) {
        statusBar()->showMessage(tr("%1 rows are selected; Copy takes at most %2. File > Export Snapshot writes any "
                                    "number.")
                                     .arg(QLocale().toString(rows.size()), QLocale().toString(kMaxCopyRows)),
                                 10000);
        return;
    }
    // Rows not loaded yet are fetched first; the copy follows when they are in.
    bool loaded = true;
    for (const int r : rows)
        loaded = loaded && m_model->index(r, 0).data(CatalogueModel::LoadedRole).toBool();
    if (!loaded) {
        m_pendingCopy = rows;
        m_model->prefetch(rows.first(), rows.last());
        statusBar()->showMessage(tr("Loading the selected rows to copy them\u2026"));
        return;
    }
    QList<int> columns;
    const QHeaderView *header = m_table->horizontalHeader();
    for (int v = 0; v < header->count(); ++v) {
        const int c = header->logicalIndex(v);
        if (!header->isSectionHidden(c))
            columns << c;
    }
    QGuiApplication::clipboard()->setText(TableCopy::tsv(m_model, rows, columns));
    statusBar()->showMessage(tr("Copied %Ln row(s).", nullptr, int(rows.size())), 5000);
}

void MainWindow::copyWhenLoaded()
{
    if (m_pendingCopy.isEmpty() || selectedRows() != m_pendingCopy)
        return;
    for (const int r : std::as_const(m_pendingCopy))
        if (!m_model->index(r, 0).data(CatalogueModel::LoadedRole).toBool())
            return;
    copySelectedRows();
}

void MainWindow::showRowMenu(const QPoint &pos)
{
    const QModelIndex at = m_table->indexAt(pos);
    if (!at.isValid() || !at.siblingAtColumn(0).data(CatalogueModel::LoadedRole).toBool())
        return;
    if (!m_table->selectionModel()->isRowSelected(at.row(), {}))
        m_table->selectRow(at.row());
    const QString id = at.siblingAtColumn(Columns::ModelId).data(CatalogueModel::RawRole).toString();
    const QString author = at.siblingAtColumn(Columns::Author).data(CatalogueModel::RawRole).toString();
    const QString task = at.siblingAtColumn(Columns::Task).data(CatalogueModel::RawRole).toString();
    QMenu menu(this);
    menu.addAction(m_copyRows);
    menu.addAction(tr("Copy Model &Id"), this, [id] { QGuiApplication::clipboard()->setText(id); });
    const auto pages = TableCopy::registryPages(id);
    if (!pages.isEmpty()) {
        menu.addSeparator();
        for (const auto &[label, url] : pages)
            menu.addAction(label, this, [url] { QDesktopServices::openUrl(url); });
    }
    menu.addSeparator();
    // Registry text in a menu: one line, capped, and an ampersand is not a mnemonic.
    auto shown = [](const QString &text) { return DisplayText::line(text, 60).replace(QLatin1Char('&'), QStringLiteral("&&")); };
    if (!author.isEmpty())
        menu.addAction(tr("Only Models by %1").arg(shown(author)), this, [this, author] { m_filters->setAuthor(author); });
    if (!task.isEmpty())
        menu.addAction(tr("Only %1 Models").arg(shown(task)), this, [this, task] { m_filters->setTask(task); });
    menu.exec(m_table->viewport()->mapToGlobal(pos));
}

void MainWindow::fitDetailDock(bool hasModel)
{
    // With no model the pane is one line of advice: the table takes the height. The height
    // one gave the pane comes back with the next model.
    auto *dock = findChild<QDockWidget *>(QStringLiteral("detailDock"));
    if (!dock || dock->isFloating() || dock->isHidden() || hasModel == m_detailDockOpen)
        return;
    if (hasModel) {
        resizeDocks({dock}, {std::max(m_detailDockHeight, 260)}, Qt::Vertical);
    } else {
        m_detailDockHeight = dock->height();
        resizeDocks({dock}, {dock->minimumSizeHint().height()}, Qt::Vertical);
    }
    m_detailDockOpen = hasModel;
}

void MainWindow::onViewShown(bool complete)
{
    if (!(m_model->spec() == m_shownSpec)) {
        // A new filter, search or sort: its first rows are what one asked for.
        m_shownSpec = m_model->spec();
        m_table->scrollToTop();
    }
    if (m_detailModel == 0)
        return;
    const int row = m_model->rowOfId(m_detailModel);
    if (row >= 0) {
        // Selected again where it is now, without scrolling away from the top.
        m_table->selectInPlace(m_model->index(row, Columns::ModelId));
    } else if (complete) {
        // The view no longer holds it: the pane does not go on showing a model one filtered out.
        m_detailModel = 0;
        ++m_detailRequest;
        m_detail->clearModel();
        fitDetailDock(false);
    }
}

void MainWindow::selectModelWhenLoaded()
{
    if (m_selectAfterLoad.isEmpty() || !m_model->isComplete())
        return;
    for (int row = 0; row < std::min(m_model->rowCount(), int(CatalogueModel::PageSize)); ++row) {
        const QModelIndex index = m_model->index(row, Columns::ModelId);
        if (!index.data(CatalogueModel::LoadedRole).toBool())
            return;
        if (index.data(CatalogueModel::RawRole).toString() == m_selectAfterLoad) {
            m_selectAfterLoad.clear();
            m_table->selectRow(row);
            m_table->scrollTo(index);
            return;
        }
    }
    m_selectAfterLoad.clear();
}

} // namespace uptake
