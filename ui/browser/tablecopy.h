#pragma once

#include <QList>
#include <QPair>
#include <QString>
#include <QUrl>

class QAbstractItemModel;

namespace uptake {

// What the catalogue table hands to other programs: rows as tab-separated text, and the web
// pages of a model on the registries whose ids look like it.
namespace TableCopy {

// A header line of the columns' titles, then one line per row: the cells as the table shows
// them. A tab or line break inside a cell becomes a space, so that every line has as many
// fields as the header.
QString tsv(const QAbstractItemModel *model, const QList<int> &rows, const QList<int> &columns);

// The model's page on the Hugging Face Hub and on the OpenGradient Model Hub, for an id of
// the form author/name (letters, digits, '-', '_', '.'); none for anything else.
QList<QPair<QString, QUrl>> registryPages(const QString &modelId);

} // namespace TableCopy

} // namespace uptake
