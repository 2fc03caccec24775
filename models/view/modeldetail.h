#pragma once

#include "evidence/evidence.h"
#include "family/families.h"
#include "view/cataloguerow.h"
#include "view/viewspec.h"

#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>

#include <optional>
#include <string>

namespace uptake {

class Database;

// Everything the detail pane shows for one model over the view's usage window.
struct ModelDetail {
    struct Day {
        qint64 day = 0; // days since epoch
        qint64 calls = 0;
        qint64 failed = 0;
    };
    struct Week {
        qint64 firstDay = 0; // Monday, days since epoch
        qint64 unique = 0;
        qint64 returning = 0; // seen in an earlier week
    };

    qint64 id = 0;
    bool found = false;
    QString modelId;
    bool listed = true;
    QList<QPair<QString, QString>> fields; // untranslated label, value; registry text, shown as plain text
    QString description;
    CatalogueRow metrics; // the same row the table shows
    QList<Day> days; // every day of the range, zero-filled
    QList<Week> weeks;
    qint64 firstDay = 0, lastDay = -1; // the range the charts cover
    // The cache's evidence end (Figures::evidenceEnd): a week that reaches past it is not over.
    std::optional<qint64> evidenceEnd;
    qint64 vanilla = 0, tee = 0, zkml = 0;
    qint64 verifiedUnsplit = 0; // verified, from a roll-up that does not say TEE or ZKML
    qint64 feesNano = 0;
    // Listed popularity as each catalogue import or sync saw it, oldest first (thinned to at
    // most MaxPopularityPoints). Unknown figures are -1: a registry that does not report them.
    struct Popularity {
        qint64 takenAt = 0; // Unix seconds
        qint64 downloads = -1;
        qint64 likes = -1;
    };
    static constexpr int MaxPopularityPoints = 400;
    QList<Popularity> popularity;
    // Whether callers come back and how broad the usage is (contract 3b), over spec's window.
    Evidence::Report evidence;
    // Its family: where it comes from (its bases, up the chain), and the models that name it
    // as their base (all time, the whole catalogue).
    Families::Lineage lineage;
    Families::Family asBase;

    // Reads model id's detail over spec's window. windowTable: the filled table of the window
    // (ViewQuery::createWindowTable), "" for a view without one; nullopt computes the model's
    // window figures alone, for when the table is not filled yet. found is false for an id
    // that is not in the cache.
    static ModelDetail read(
        Database &db, qint64 id, const ViewSpec &spec, const std::optional<std::string> &windowTable);
};

} // namespace uptake

Q_DECLARE_METATYPE(uptake::ModelDetail)
