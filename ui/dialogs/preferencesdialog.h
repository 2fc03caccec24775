#pragma once

#include <QDialog>
#include <QString>

class QCheckBox;
class QComboBox;
class QRadioButton;

namespace uptake {

// Edit > Preferences: the interface language (from the next start), which cache a start
// without --cache opens, and whether the last filters come back. OK writes the settings.
class PreferencesDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PreferencesDialog)

public:
    explicit PreferencesDialog(const QString &defaultCache, QWidget *parent = nullptr);

    QComboBox *languageBox() const { return m_language; }
    QRadioButton *startLastButton() const { return m_startLast; }
    QRadioButton *startDefaultButton() const { return m_startDefault; }
    QCheckBox *restoreFiltersBox() const { return m_restoreFilters; }

    void accept() override;

private:
    QComboBox *m_language;
    QRadioButton *m_startLast;
    QRadioButton *m_startDefault;
    QCheckBox *m_restoreFilters;
};

} // namespace uptake
