#include "dialogs/importresultdialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>
#include <climits>

namespace uptake {

ImportResultDialog::ImportResultDialog(const QStringList &summaries, const QStringList &rejected,
                                       qint64 moreRejected, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Import finished"));
    setObjectName(QStringLiteral("importResult"));
    auto *summary = new QLabel(summaries.join(QLatin1Char('\n')));
    summary->setTextFormat(Qt::PlainText); // file names are the user's, not markup
    summary->setWordWrap(true);
    summary->setTextInteractionFlags(Qt::TextSelectableByMouse);

    // A child from the start: without rejected rows it is never laid out, and was leaked.
    m_rejected = new QPlainTextEdit(this);
    m_rejected->setReadOnly(true);
    m_rejected->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_rejected->setObjectName(QStringLiteral("rejectedRows"));
    QStringList lines = rejected;
    if (moreRejected > 0)
        lines << tr("\u2026 and %1 more rejected row(s)", nullptr, int(std::min<qint64>(moreRejected, INT_MAX)))
                     .arg(QLocale().toString(moreRejected));
    m_rejected->setPlainText(lines.join(QLatin1Char('\n')));

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    QPushButton *copy = buttons->addButton(tr("Copy Rejected Rows"), QDialogButtonBox::ActionRole);
    copy->setEnabled(!rejected.isEmpty());
    connect(copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_rejected->toPlainText()); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(summary);
    if (!rejected.isEmpty()) {
        layout->addWidget(new QLabel(tr("Rejected rows (the rest of each file was imported):")));
        layout->addWidget(m_rejected, 1);
        resize(640, 420);
    } else {
        m_rejected->hide();
    }
    layout->addWidget(buttons);
}

} // namespace uptake
