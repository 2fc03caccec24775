#pragma once

#include "view/viewspec.h"

#include <QJsonObject>
#include <QMetaType>

#include <cstdint>
#include <map>
#include <optional>
#include <utility>
#include <vector>
#include <string>

namespace uptake {

class Database;

// Catalogue-level figures of contract section 3 for a view (filter and window).
struct CatalogueFigures
{
    std::int64_t models = 0; // rows in the view, listed or not
    std::int64_t listed = 0;
    std::int64_t called = 0; // listed models called at least once
    std::int64_t calls = 0; // over all rows of the view
    std::int64_t unlisted = 0;
    double neverCalledShare = 0; // of listed models
    double gini = 0; // of calls over listed models
    double top1Share = 0; // share of listed models' calls taken by the top 1% of listed models
    double top10Share = 0;

    QJsonObject toJson() const;
};

namespace Figures {

// Call counts as (calls, number of listed models), ascending by calls: what the
// catalogue-level figures need, in memory that grows with the distinct counts only.
using Histogram = std::vector<std::pair<std::int64_t, std::int64_t>>;
double giniOf(const Histogram &h);
double topShareOf(const Histogram &h, double fraction);

// Builds the figures one row of the view at a time, so that a pass that reads the rows
// anyway (an export) gets them without a second scan. Memory: the distinct call counts.
class Accumulator final
{
public:
    void add(bool listed, std::int64_t calls);
    CatalogueFigures result() const;

private:
    CatalogueFigures m_f;
    std::map<std::int64_t, std::int64_t> m_listedCalls; // calls -> models
};

CatalogueFigures compute(Database &db, const ViewSpec &spec);
// The same, reading a window table filled by WindowScreen::fillTable.
CatalogueFigures compute(Database &db, const ViewSpec &spec, const std::string &windowTable);
// Pure helpers over call counts of listed models, for tests and charts.
double gini(std::vector<std::int64_t> calls);
double topShare(std::vector<std::int64_t> calls, double fraction);
// The first and last UTC days with any call in the cache (days since 1970-01-01); none
// without usage. Two index lookups.
std::optional<std::pair<std::int64_t, std::int64_t>> usageDays(Database &db);
// The evidence end (CONTRACT 3b): the last UTC day with any call in the cache, or the
// window's last day when it ends earlier; none without usage. Days since 1970-01-01.
std::optional<std::int64_t> evidenceEnd(Database &db, const ViewSpec &spec);
} // namespace Figures

} // namespace uptake

Q_DECLARE_METATYPE(uptake::CatalogueFigures)
