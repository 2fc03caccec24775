#include "dialogs/helpdialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QFile>
#include <QLocale>
#include <QMenu>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace uptake {

namespace {

QString plainTitle(QString text)
{
    // "&Export Snapshot…" reads "Export Snapshot…" in a table; "&&" stays one "&".
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return text;
}

void shortcutRows(const QMenu *menu, const QString &path, QString &rows)
{
    for (QAction *a : menu->actions()) {
        if (a->menu()) {
            shortcutRows(a->menu(), path + QStringLiteral(" \u203a ") + plainTitle(a->text()), rows);
            continue;
        }
        if (a->isSeparator() || a->shortcut().isEmpty())
            continue;
        rows += QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
                    .arg(a->shortcut().toString(QKeySequence::NativeText).toHtmlEscaped(),
                         (path + QStringLiteral(" \u203a ") + plainTitle(a->text())).toHtmlEscaped());
    }
}

QString guideHtml()
{
    // A guide in the interface language when there is one, else the English.
    const QStringList names = QLocale().uiLanguages();
    for (QString name : names) {
        name.replace(QLatin1Char('-'), QLatin1Char('_'));
        for (const QString &candidate : {name, name.section(QLatin1Char('_'), 0, 0)}) {
            QFile f(QStringLiteral(":/help/guide_%1.html").arg(candidate));
            if (f.open(QIODevice::ReadOnly))
                return QString::fromUtf8(f.readAll());
        }
    }
    QFile f(QStringLiteral(":/help/guide.html"));
    return f.open(QIODevice::ReadOnly) ? QString::fromUtf8(f.readAll()) : QString();
}

} // namespace

HelpDialog::HelpDialog(const QList<QAction *> &menus, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Uptake User Guide"));
    setObjectName(QStringLiteral("userGuide"));

    QString rows;
    for (QAction *a : menus)
        if (a->menu())
            shortcutRows(a->menu(), plainTitle(a->text()), rows);
    const QString table = QStringLiteral("<table cellspacing=\"0\" cellpadding=\"3\">%1</table>").arg(rows);

    m_browser = new QTextBrowser;
    m_browser->setObjectName(QStringLiteral("guide"));
    m_browser->setOpenExternalLinks(true);
    QString html = guideHtml();
    html.replace(QStringLiteral("<!--SHORTCUTS-->"), table);
    m_browser->setHtml(html);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_browser, 1);
    layout->addWidget(buttons);
    resize(760, 680);
}

} // namespace uptake
