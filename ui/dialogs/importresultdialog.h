#pragma once

#include <QDialog>
#include <QStringList>

class QPlainTextEdit;

namespace uptake {

// What an import did: one summary line per file, and the rejected rows as a list one can
// select and copy (FILE:LINE: reason; never a caller id).
class ImportResultDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ImportResultDialog)

public:
    ImportResultDialog(const QStringList &summaries, const QStringList &rejected, qint64 moreRejected,
                       QWidget *parent = nullptr);

    QPlainTextEdit *rejectedView() const { return m_rejected; }

private:
    QPlainTextEdit *m_rejected;
};

} // namespace uptake
