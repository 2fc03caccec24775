#pragma once

#include <QDialog>
#include <QList>

class QAction;
class QTextBrowser;

namespace uptake {

// Help > User Guide (F1): the guide built into the program (resources/help/guide.html), with
// the keyboard shortcuts read from the window's own menus, so that they are never out of date
// and appear in the interface language. The guide's body is English for now; a translated
// guide_<language>.html beside it is picked up when present.
class HelpDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HelpDialog)

public:
    // actions: the menus' actions (QMenu actions are walked), for the shortcut table.
    explicit HelpDialog(const QList<QAction *> &menus, QWidget *parent = nullptr);

    QTextBrowser *browser() const { return m_browser; }

private:
    QTextBrowser *m_browser;
};

} // namespace uptake
