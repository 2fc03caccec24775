#include "browser/cataloguemodel.h"

#include "text/displaytext.h"
#include "text/textrules.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

#include <algorithm>
#include <limits>
#include <cstdlib>

namespace uptake {

CatalogueModel::CatalogueModel(CatalogueLoader *loader, QObject *parent)
    : QAbstractTableModel(parent)
    , m_loader(loader)
{
    connect(loader, &CatalogueLoader::idsReady, this, &CatalogueModel::onIds);
    connect(loader, &CatalogueLoader::pageReady, this, &CatalogueModel::onPage);
    connect(loader, &CatalogueLoader::pageFailed, this, &CatalogueModel::onPageFailed);
    connect(loader, &CatalogueLoader::figuresReady, this, &CatalogueModel::onFigures);
}

void CatalogueModel::setSpec(const ViewSpec &spec)
{
    if (spec == m_spec && m_gen != 0)
        return;
    m_spec = spec;
    refresh();
}

void CatalogueModel::refresh()
{
    const bool wasLoading = isLoading();
    ++m_gen;
    // Raise the generation and cut the running query short before the new request is queued,
    // so that nothing the loader does for the old view can be mistaken for the new one.
    m_loader->supersede(m_gen);
    QMetaObject::invokeMethod(
        m_loader, [l = m_loader, gen = m_gen, spec = m_spec] { l->loadView(gen, spec); }, Qt::QueuedConnection);
    if (!wasLoading)
        emit loadingChanged(true);
}

qint64 CatalogueModel::rowIdAt(int row) const
{
    return row >= 0 && row < m_ids.size() ? m_ids.at(row) : 0;
}

int CatalogueModel::rowOfId(qint64 id) const
{
    const qsizetype row = id == 0 ? -1 : m_ids.indexOf(id);
    return row >= 0 && row <= std::numeric_limits<int>::max() ? int(row) : -1;
}

int CatalogueModel::loadedRowCount() const
{
    int n = 0;
    for (const RowPage &p : m_pages)
        n += int(p.size());
    return n;
}

int CatalogueModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_ids.size());
}

int CatalogueModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : Columns::Count;
}

const CatalogueRow *CatalogueModel::rowAt(int row) const
{
    const auto it = m_pages.constFind(row / PageSize);
    if (it == m_pages.cend())
        return nullptr;
    const int offset = row % PageSize;
    if (offset >= it->size())
        return nullptr;
    m_pageUse[it.key()] = ++m_useTick;
    return &it->at(offset);
}

QString CatalogueModel::columnTitle(int column)
{
    return QCoreApplication::translate("Columns", Columns::info(column).title);
}

QString CatalogueModel::formatFee(qint64 nano, const QLocale &locale)
{
    // Exact to the 1/10,000 (half up), in the locale's digits, with the unit: 17,7690 OPG in
    // German. Rounded from the exact nano-units, never through a double.
    if (nano < 0)
        nano = 0;
    const qint64 tenThousandths = nano / 100000 + (nano % 100000 >= 50000 ? 1 : 0);
    if (nano > 0 && tenThousandths == 0)
        return QStringLiteral("< ") + formatFee(50000, locale);
    const QString frac = QStringLiteral("%1").arg(tenThousandths % 10000, 4, 10, QLatin1Char('0'));
    return locale.toString(tenThousandths / 10000) + locale.decimalPoint() + frac + QStringLiteral(" OPG");
}

QString CatalogueModel::formatParameters(qint64 count)
{
    const QLocale locale;
    if (count < 1000)
        return locale.toString(count);
    struct Unit
    {
        double size;
        QString text;
    };
    const Unit units[] = {{1e12, tr("%1T", "trillions of parameters")},
                          {1e9, tr("%1B", "billions of parameters")},
                          {1e6, tr("%1M", "millions of parameters")},
                          {1e3, tr("%1K", "thousands of parameters")}};
    for (const Unit &u : units) {
        const double x = double(count) / u.size;
        // 999.95M rounds to "1000M": say 1.0B instead
        if (x >= 0.9995 || &u == &units[3]) {
            const int decimals = x < 9.95 ? 1 : 0;
            return u.text.arg(locale.toString(x, 'f', decimals));
        }
    }
    return locale.toString(count);
}

QString CatalogueModel::formatValue(int column, const QVariant &value)
{
    if (!value.isValid() || value.isNull())
        return {};
    const QLocale locale;
    switch (Columns::info(column).kind) {
    case Columns::Kind::Text: return DisplayText::line(value.toString()); // registry text: inert, one line
    case Columns::Kind::Integer:
        if (column == Columns::Parameters)
            return formatParameters(value.toLongLong());
        return locale.toString(value.toLongLong());
    case Columns::Kind::Rate: return locale.toString(value.toDouble() * 100, 'f', 1) + locale.percent();
    case Columns::Kind::Fee: return formatFee(value.toLongLong(), locale);
    case Columns::Kind::Decimal: return locale.toString(value.toDouble(), 'f', 2);
    case Columns::Kind::Timestamp:
        return QDateTime::fromSecsSinceEpoch(value.toLongLong(), Qt::UTC).date().toString(Qt::ISODate);
    case Columns::Kind::Bool:
        if (column == Columns::Gated)
            return value.toBool() ? CatalogueModel::tr("gated", "access to the model needs the author's consent")
                                  : CatalogueModel::tr("open", "anyone can download the model");
        return value.toBool() ? CatalogueModel::tr("listed")
                              : CatalogueModel::tr("unlisted");
    }
    return {};
}

QVariant CatalogueModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_ids.size() || index.column() >= Columns::Count)
        return {};
    const int column = index.column();
    const Columns::Kind kind = Columns::info(column).kind;
    if (role == Qt::TextAlignmentRole) {
        const bool number = kind == Columns::Kind::Integer || kind == Columns::Kind::Rate || kind == Columns::Kind::Fee
            || kind == Columns::Kind::Decimal;
        return QVariant::fromValue(Qt::AlignVCenter | (number ? Qt::AlignRight : Qt::AlignLeft));
    }
    if (role == RowIdRole)
        return m_ids.at(index.row());

    const CatalogueRow *row = rowAt(index.row());
    if (!row) {
        // Only rows the view actually draws ask for data: load their page and its neighbours.
        if (m_shownGen == m_gen)
            prefetch(index.row(), index.row());
        if (role == LoadedRole)
            return false;
        if (role == Qt::DisplayRole && column == Columns::ModelId)
            return CatalogueModel::tr("loading\u2026");
        if (role == Qt::ForegroundRole)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    }

    const QVariant &value = row->cells[size_t(column)];
    const bool unlisted = !row->cells[Columns::Listed].toBool() && row->cells[Columns::Listed].isValid();
    if (row->callersPending && Columns::fromCallers(column)) {
        if (role == Qt::DisplayRole)
            return QStringLiteral("\u2026");
        if (role == Qt::ToolTipRole)
            return CatalogueModel::tr("Counting the callers of this usage window\u2026");
    }
    switch (role) {
    case Qt::DisplayRole:
        if (column == Columns::ModelId && unlisted)
            return CatalogueModel::tr("%1  [unlisted]").arg(DisplayText::line(value.toString()));
        return formatValue(column, value);
    case Qt::ToolTipRole:
        if (column == Columns::ModelId && unlisted)
            return DisplayText::tooltip(
                CatalogueModel::tr("%1 has usage but is not in any imported catalogue.")
                    .arg(value.toString()));
        if (kind == Columns::Kind::Timestamp && !value.isNull())
            return value.typeId() == QMetaType::Double
                       ? CatalogueModel::tr("%1 (known to the day only: from a usage roll-up)")
                             .arg(formatValue(column, value))
                       : QString::fromStdString(TextRules::formatTimestamp(value.toLongLong()));
        if (column == Columns::Parameters && !value.isNull())
            return CatalogueModel::tr("%1 parameters").arg(QLocale().toString(value.toLongLong()));
        if (column == Columns::BaseModels && !value.isNull())
            return DisplayText::tooltip(value.toString().split(QLatin1Char(';')).join(QLatin1Char('\n')));
        if (kind == Columns::Kind::Text && !value.isNull())
            return DisplayText::tooltip(value.toString());
        return {};
    case Qt::FontRole:
        if (unlisted) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case Qt::ForegroundRole:
        if (unlisted)
            return QGuiApplication::palette().brush(QPalette::Disabled, QPalette::Text);
        return {};
    case RawRole: return value;
    case LoadedRole: return true;
    case CallersPendingRole: return row->callersPending;
    case UnlistedRole: return unlisted;
    default: return {};
    }
}

QString CatalogueModel::columnDescription(int column)
{
    QString words;
    switch (column) {
    case Columns::ModelId: words = tr("The model's id in its registry: author/name."); break;
    case Columns::Author: words = tr("Who published the model."); break;
    case Columns::Task: words = tr("What the model does, as its registry files it."); break;
    case Columns::CreatedAt: words = tr("The day the model was first listed (UTC)."); break;
    case Columns::Versions: words = tr("How many versions the registry lists."); break;
    case Columns::Calls:
        words = tr("Inference calls in the usage window, failed ones included; an event id counts once.");
        break;
    case Columns::UniqueCallers: words = tr("Distinct callers (wallets or user ids) in the usage window."); break;
    case Columns::RepeatCallers:
        words = tr("Callers who called this model on two or more different UTC days in the usage window.");
        break;
    case Columns::RepeatRate: words = tr("Repeat callers as a share of unique callers."); break;
    case Columns::VerifiedCalls: words = tr("Calls verified by a TEE or a ZKML proof."); break;
    case Columns::FeesPaid: words = tr("Fees paid for the calls, in OPG, summed exactly."); break;
    case Columns::FirstCall: words = tr("The first call in the usage window (UTC)."); break;
    case Columns::LastCall: words = tr("The last call in the usage window (UTC)."); break;
    case Columns::Listed:
        words = tr("Whether a catalogue lists the model; unlisted: seen only in usage.");
        break;
    case Columns::Name: words = tr("The model's name, without its author."); break;
    case Columns::Framework: words = tr("The library or file format the model is for."); break;
    case Columns::License: words = tr("The licence the model is published under."); break;
    case Columns::Tags: words = tr("The registry's tags for the model."); break;
    case Columns::UpdatedAt: words = tr("When the registry last saw the model change (UTC)."); break;
    case Columns::Files: words = tr("Files in the model's newest version."); break;
    case Columns::Downloads: words = tr("Downloads as the registry reports them (not calls)."); break;
    case Columns::Likes: words = tr("Likes as the registry reports them."); break;
    case Columns::FailedCalls: words = tr("Of the calls, those that ended in an error."); break;
    case Columns::ActiveDays: words = tr("UTC days with at least one call in the usage window."); break;
    case Columns::Week1Retention:
        words = tr("Of the callers first seen (in the usage window) at least 2 weeks before the last day with calls, "
                   "the share who called again in their 2nd week: 7 to 13 days after their first call. Empty where "
                   "no caller is that old yet.");
        break;
    case Columns::Week4Retention:
        words = tr("Of the callers first seen (in the usage window) at least 5 weeks before the last day with calls, "
                   "the share who called again in their 5th week: 28 to 34 days after their first call. Empty where "
                   "no caller is that old yet.");
        break;
    case Columns::TopCallerShare:
        words = tr("The share of the calls made by the busiest caller. Near 100%, one caller is all the usage.");
        break;
    case Columns::EffectiveCallers:
        words = tr("How many equally busy callers the usage amounts to: ten callers with ten calls each give 10; "
                   "one caller with nearly all the calls gives about 1.");
        break;
    case Columns::Parameters:
        words = tr("The model's size in parameters, as its registry counts them (its safetensors files, else "
                   "the listing's figure).");
        break;
    case Columns::BaseModels:
        words = tr("The models this one was made from (fine-tuned, adapted, quantised, merged), as its card or "
                   "registry names them.");
        break;
    case Columns::Gated:
        words = tr("Gated: the author must grant access before the files can be downloaded. Open: anyone can.");
        break;
    case Columns::DownloadsAllTime:
        words = tr("Downloads since the model was listed, as the registry reports them (not calls).");
        break;
    case Columns::TrendingScore:
        words = tr("The registry's own trending score: how much attention the model is getting lately.");
        break;
    default: return {};
    }
    return words + QLatin1Char('\n') + tr("CSV column: %1").arg(QLatin1String(Columns::info(column).key));
}

QVariant CatalogueModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical) {
        if (role == Qt::DisplayRole)
            return QLocale().toString(section + 1);
        return {};
    }
    if (section < 0 || section >= Columns::Count)
        return {};
    if (role == Qt::DisplayRole)
        return columnTitle(section);
    if (role == Qt::ToolTipRole)
        return columnDescription(section);
    if (role == Qt::TextAlignmentRole) {
        const Columns::Kind kind = Columns::info(section).kind;
        const bool number = kind == Columns::Kind::Integer || kind == Columns::Kind::Rate || kind == Columns::Kind::Fee
            || kind == Columns::Kind::Decimal;
        return QVariant::fromValue(Qt::AlignVCenter | (number ? Qt::AlignRight : Qt::AlignLeft));
    }
    return {};
}

void CatalogueModel::sort(int column, Qt::SortOrder order)
{
    if (column < 0 || column >= Columns::Count)
        return;
    ViewSpec spec = m_spec;
    spec.sortColumn = column;
    spec.sortDescending = order == Qt::DescendingOrder;
    setSpec(spec);
}

void CatalogueModel::prefetch(int first, int last) const
{
    if (m_ids.isEmpty() || m_shownGen != m_gen)
        return;
    const int lastPage = int((m_ids.size() - 1) / PageSize);
    const int from = std::max(0, first / PageSize - 1);
    const int to = std::min(lastPage, last / PageSize + 1);
    // The pages the view shows first, then the margin either side.
    for (int p = first / PageSize; p <= std::min(lastPage, last / PageSize); ++p)
        requestPage(p);
    for (int p = from; p <= to; ++p)
        requestPage(p);
}

void CatalogueModel::requestPage(int page, bool again) const
{
    if ((m_pages.contains(page) && !again) || m_pending.contains(page))
        return;
    const qsizetype begin = qsizetype(page) * PageSize;
    if (begin >= m_ids.size())
        return;
    m_pending.insert(page);
    QList<qint64> ids = m_ids.mid(begin, PageSize);
    m_loader->pageWanted(); // rows on screen come before the status-bar figures
    QMetaObject::invokeMethod(
        m_loader, [l = m_loader, gen = m_gen, spec = m_spec, page, ids] { l->loadPage(gen, spec, page, ids); },
        Qt::QueuedConnection);
}

void CatalogueModel::onIds(quint64 gen, const QList<qint64> &ids, bool complete)
{
    if (gen != m_gen)
        return; // an answer for a filter or sort that has since changed
    const bool extendsShown = m_shownGen == gen && !m_complete && ids.size() >= m_ids.size()
                              && std::equal(m_ids.cbegin(), m_ids.cend(), ids.cbegin());
    if (extendsShown) {
        // The full list after the quick first screen: the rows shown stay, the rest are appended.
        if (ids.size() > m_ids.size()) {
            beginInsertRows({}, int(m_ids.size()), int(ids.size() - 1));
            m_ids = ids;
            endInsertRows();
        }
        // The last quick page may have been short: load it again in full.
        const int lastQuickPage = int(std::max<qsizetype>(0, CatalogueLoader::QuickIds - 1) / PageSize);
        if (CatalogueLoader::QuickIds % PageSize != 0) {
            m_pages.remove(lastQuickPage);
            m_pending.remove(lastQuickPage);
        }
        // The window's callers are counted now: pages loaded before come again, and show
        // their sums meanwhile.
        for (auto it = m_pages.cbegin(); it != m_pages.cend(); ++it)
            if (!it->isEmpty() && it->first().callersPending) {
                m_pending.remove(it.key());
                requestPage(it.key(), true);
            }
    } else {
        beginResetModel();
        m_shownGen = gen;
        m_ids = ids;
        m_pages.clear();
        m_pending.clear();
        m_pageUse.clear();
        endResetModel();
        emit firstRowsShown();
    }
    m_complete = complete;
    if (complete) {
        emit viewComplete(m_ids.size());
        emit loadingChanged(false);
    }
}

void CatalogueModel::onPage(quint64 gen, int page, const RowPage &rows)
{
    // The loader sends the first pages of a view unasked, with its first ids.
    if (gen != m_shownGen || gen != m_gen)
        return;
    m_pending.remove(page);
    const qsizetype begin = qsizetype(page) * PageSize;
    if (rows.isEmpty() || begin >= m_ids.size())
        return;
    m_pages.insert(page, rows);
    m_pageUse[page] = ++m_useTick;
    evict(page);
    const int last = int(std::min(begin + rows.size(), m_ids.size()) - 1);
    emit dataChanged(index(int(begin), 0), index(last, Columns::Count - 1));
    emit pageLoaded(page);
}

void CatalogueModel::onPageFailed(quint64 gen, int page)
{
    if (gen == m_gen)
        m_pending.remove(page);
}

void CatalogueModel::onFigures(quint64 gen, const CatalogueFigures &figures)
{
    if (gen == m_gen)
        emit figuresReady(figures);
}

void CatalogueModel::evict(int keepPage)
{
    if (m_pages.size() <= MaxPages)
        return;
    QList<int> pages = m_pages.keys();
    std::sort(pages.begin(), pages.end(), [this](int a, int b) { return m_pageUse.value(a) < m_pageUse.value(b); });
    for (int i = 0; i < pages.size() && m_pages.size() > MaxPages; ++i) {
        const int page = pages.at(i);
        if (page == keepPage)
            continue;
        m_pages.remove(page);
        m_pageUse.remove(page);
        // Dropped rows go back to the placeholder; a view that shows them again asks again.
        const int begin = page * PageSize;
        const int last = std::min(begin + PageSize, int(m_ids.size())) - 1;
        if (last >= begin)
            emit dataChanged(index(begin, 0), index(last, Columns::Count - 1));
    }
}

} // namespace uptake
