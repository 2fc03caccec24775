#include "browser/tablecopy.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QRegularExpression>

namespace uptake {

namespace TableCopy {

namespace {

QString cell(QString text)
{
    for (QChar &c : text)
        if (c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r') || c == QChar(0x2028)
            || c == QChar(0x2029))
            c = QLatin1Char(' ');
    return text;
}

} // namespace

QString tsv(const QAbstractItemModel *model, const QList<int> &rows, const QList<int> &columns)
{
    QString out;
    QStringList fields;
    for (const int c : columns)
        fields << cell(model->headerData(c, Qt::Horizontal, Qt::DisplayRole).toString());
    out += fields.join(QLatin1Char('\t')) + QLatin1Char('\n');
    for (const int r : rows) {
        fields.clear();
        for (const int c : columns)
            fields << cell(model->index(r, c).data(Qt::DisplayRole).toString());
        out += fields.join(QLatin1Char('\t')) + QLatin1Char('\n');
    }
    return out;
}

QList<QPair<QString, QUrl>> registryPages(const QString &modelId)
{
    static const QRegularExpression shape(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9._-]+$"));
    if (modelId.size() > 200 || !shape.match(modelId).hasMatch() || modelId.contains(QLatin1String("..")))
        return {};
    const QString author = modelId.section(QLatin1Char('/'), 0, 0);
    const QString name = modelId.section(QLatin1Char('/'), 1);
    QUrl hf(QStringLiteral("https://huggingface.co/"));
    hf.setPath(QLatin1Char('/') + author + QLatin1Char('/') + name);
    QUrl og(QStringLiteral("https://hub.opengradient.ai/"));
    og.setPath(QStringLiteral("/models/") + author + QLatin1Char('/') + name);
    return {{QCoreApplication::translate("TableCopy", "Open on the Hugging Face Hub"), hf},
            {QCoreApplication::translate("TableCopy", "Open on the OpenGradient Model Hub"), og}};
}

} // namespace TableCopy

} // namespace uptake
