#pragma once

#include "browser/catalogueloader.h"
#include "view/viewspec.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>
#include <QLocale>
#include <QSet>

namespace uptake {

// The catalogue table, lazy: the loader answers with the view's ordered id list, and the
// model asks for pages of rows by id as the view shows them. Rows not loaded yet show a
// placeholder; pages far from where the view looks are dropped again, so memory stays
// bounded however far one scrolls. Answers for an older filter or sort are discarded by
// generation.
class CatalogueModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CatalogueModel)

public:
    enum Role {
        RawRole = Qt::UserRole, // the SQL value: qint64, double, QString, bool or null
        RowIdRole, // models.id of the row, 0 while not loaded
        LoadedRole,
        UnlistedRole,
        CallersPendingRole, // a usage window's row whose callers are still being counted
    };

    static constexpr int PageSize = CatalogueLoader::PageSize;
    static constexpr int MaxPages = 40;

    explicit CatalogueModel(CatalogueLoader *loader, QObject *parent = nullptr);

    const ViewSpec &spec() const { return m_spec; }
    // Starts loading the view; keeps showing the previous one until the first ids arrive.
    void setSpec(const ViewSpec &spec);
    // Loads the same view again (after an import, or the first open).
    void refresh();

    quint64 generation() const { return m_gen; }
    bool isLoading() const { return m_shownGen != m_gen || !m_complete; }
    // Matching models; only final once the full id list is in.
    qint64 matchCount() const { return m_ids.size(); }
    bool isComplete() const { return m_shownGen == m_gen && m_complete; }
    qint64 rowIdAt(int row) const;
    // The row of a model (models.id) in the ids shown, or -1.
    int rowOfId(qint64 id) const;
    int loadedPageCount() const { return int(m_pages.size()); }
    int loadedRowCount() const;
    // Asks for the pages holding rows first..last (the visible window) plus a margin.
    void prefetch(int first, int last) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    void sort(int column, Qt::SortOrder order = Qt::AscendingOrder) override;

    static QString columnTitle(int column);
    // What the column holds, in plain words (its header's tooltip), with its CSV name.
    static QString columnDescription(int column);
    // Display text of one raw value of a column, locale-formatted; empty for unknown.
    static QString formatValue(int column, const QVariant &value);
    // A fee of nano-OPG as a person reads it: four decimals, the locale's separators, the unit.
    static QString formatFee(qint64 nano, const QLocale &locale);
    // A parameter count as people say it: 137M, 7.2B (in the locale's digits); the exact
    // count is in the tooltip and the export.
    static QString formatParameters(qint64 count);

signals:
    void loadingChanged(bool loading);
    // The first rows of a new view are in (the first screen can be drawn).
    void firstRowsShown();
    // The full id list is in: matchCount() is final.
    void viewComplete(qint64 count);
    void figuresReady(const CatalogueFigures &figures);
    void pageLoaded(int page);

private:
    void onIds(quint64 gen, const QList<qint64> &ids, bool complete);
    void onPage(quint64 gen, int page, const RowPage &rows);
    void onPageFailed(quint64 gen, int page);
    void onFigures(quint64 gen, const CatalogueFigures &figures);
    void requestPage(int page, bool again = false) const;
    void evict(int keepPage);
    const CatalogueRow *rowAt(int row) const;

    CatalogueLoader *m_loader;
    ViewSpec m_spec;
    quint64 m_gen = 0; // the view asked for last
    quint64 m_shownGen = 0; // the view whose ids the model holds
    bool m_complete = false;
    QList<qint64> m_ids;
    QHash<int, RowPage> m_pages;
    mutable QSet<int> m_pending;
    // Least recently read pages go first: the view reads the rows it draws, so those are the
    // pages far from the viewport.
    mutable QHash<int, quint64> m_pageUse;
    mutable quint64 m_useTick = 0;
};

} // namespace uptake
