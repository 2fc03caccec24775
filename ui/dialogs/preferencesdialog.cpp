#include "dialogs/preferencesdialog.h"

#include "settings.h"

#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QLabel>
#include <QRadioButton>
#include <QVBoxLayout>

namespace uptake {

namespace {

QLabel *note(const QString &text)
{
    auto *label = new QLabel(text);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setForegroundRole(QPalette::PlaceholderText);
    return label;
}

} // namespace

PreferencesDialog::PreferencesDialog(const QString &defaultCache, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Preferences"));
    setObjectName(QStringLiteral("preferences"));
    const Settings s;

    // Each language by its own name, so that one can find it whatever the interface shows now.
    m_language = new QComboBox;
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("System default"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QStringLiteral("\u7b80\u4f53\u4e2d\u6587"), QStringLiteral("zh_CN"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(s.language())));

    m_startLast = new QRadioButton(tr("The cache used last"));
    m_startLast->setObjectName(QStringLiteral("startLast"));
    m_startDefault = new QRadioButton(tr("The default cache"));
    m_startDefault->setObjectName(QStringLiteral("startDefault"));
    m_startDefault->setToolTip(QDir::toNativeSeparators(defaultCache));
    auto *startGroup = new QButtonGroup(this);
    startGroup->addButton(m_startLast);
    startGroup->addButton(m_startDefault);
    (s.startCache() == Settings::StartCache::Last ? m_startLast : m_startDefault)->setChecked(true);

    m_restoreFilters = new QCheckBox(tr("Restore the last filters and usage window"));
    m_restoreFilters->setObjectName(QStringLiteral("restoreFilters"));
    m_restoreFilters->setChecked(s.restoreFilters());

    auto *language = new QVBoxLayout;
    language->addWidget(m_language);
    language->addWidget(note(tr("Takes effect the next time Uptake starts.")));
    auto *start = new QVBoxLayout;
    start->addWidget(m_startLast);
    start->addWidget(m_startDefault);
    // The path on a line of its own: wrapped inside a path, it reads as two files.
    QLabel *defaultPath = note(QDir::toNativeSeparators(defaultCache));
    defaultPath->setWordWrap(false);
    defaultPath->setTextInteractionFlags(Qt::TextSelectableByMouse);
    start->addWidget(note(tr("Default cache:")));
    start->addWidget(defaultPath);
    start->addWidget(note(tr("uptake --cache FILE always opens FILE.")));

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("Language:"), language);
    form->addRow(tr("On start, open:"), start);
    form->addRow(tr("Filters:"), m_restoreFilters);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

void PreferencesDialog::accept()
{
    Settings s;
    s.setLanguage(m_language->currentData().toString());
    s.setStartCache(m_startDefault->isChecked() ? Settings::StartCache::Default : Settings::StartCache::Last);
    s.setRestoreFilters(m_restoreFilters->isChecked());
    QDialog::accept();
}

} // namespace uptake
