#pragma once

#include "db/database.h"

#include <QString>

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace uptake {

// Search for one or two characters.
//
// The trigram index finds three characters or more; shorter text would need a scan of every
// model's text (0.4-0.8 s at 2M models). Most one- and two-character terms are in so many
// models that walking the sort index fills a screen at once. The others, those in fewer than
// commonAt() models, are listed with their models in the table short_terms, and the terms that
// were more common than that when the table was last built are in short_terms_common.
//
// A term is a run of one or two characters (code points) inside one of model_id, author,
// task or tags, with ASCII letters folded to lower case, as LIKE folds them; so a search
// matches the models that LIKE '%term%' matches on one of those columns. A trigger adds the
// terms of every model inserted or changed (through uptake_short_terms(), which Cache::open
// registers on each connection); a model's old terms stay when its text changes, so the list
// can hold more than the matches, and a query confirms each with LIKE.
namespace ShortTerms {

inline constexpr std::int64_t CommonAt = 20000;
// The common mark for a catalogue of models: one model in 16 (so that the walk finds a
// screenful within about 800 models), at least 1,000 and at most CommonAt. With CommonAt at
// every size, listing the terms of 16,000 real-shaped models took 1.6 s, almost all of a bulk
// import of them: nearly every term was rare and listed with each of its models.
std::int64_t commonAt(std::int64_t models);

// The key a search looks up (its text trimmed, ASCII letters folded, up to two code points of
// 21 bits in one integer); nullopt unless it is one or two characters.
std::optional<std::int64_t> key(const QString &search);
// The distinct terms of some UTF-8 texts, as keys, ascending.
std::vector<std::int64_t> of(const std::vector<std::string_view> &texts);
// uptake_short_terms(model_id, author, task, tags): the terms as a JSON array of strings.
void registerFunction(Database &db);
// Lists the terms of every model again, in the caller's transaction: the common ones alone
// (in common models or more; by default commonAt() of the catalogue's size), the rare ones
// with their models.
void rebuild(Database &db, std::optional<std::int64_t> common = std::nullopt);
// Lists the terms again when the catalogue has grown by a quarter since they were last
// listed (by model id; the first time at 1,000 models): a term that was rare may have become
// common, and the triggers would go on listing each of its models. Growing by a quarter each
// time, all the rebuilds of a catalogue that grows cost about five of its last one. Every
// write of models calls this before its commit.
void refresh(Database &db);
// Whether a key's models are listed (it was rare), rather than left to the walk.
bool isListed(Database &db, std::int64_t key);

} // namespace ShortTerms

} // namespace uptake
