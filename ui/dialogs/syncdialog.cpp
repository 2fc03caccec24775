#include "dialogs/syncdialog.h"

#include "db/cache.h"
#include "db/database.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace uptake {

SyncDialog::SyncDialog(const QString &cachePath, const QString &lastUrl, QWidget *parent,
                       Cache::LockWaitNotice lockWaitNotice)
    : QDialog(parent)
    , m_cachePath(cachePath)
    , m_lockWaitNotice(std::move(lockWaitNotice))
    , m_job(QStringLiteral("uptake-sync"))
{
    connect(&m_job, &JobRunner::finished, this, &SyncDialog::onDone);
    setWindowTitle(tr("Sync from a Registry"));
    setObjectName(QStringLiteral("SyncDialog"));

    m_url = new QLineEdit(lastUrl, this);
    m_url->setPlaceholderText(QStringLiteral("https://huggingface.co"));
    m_url->setClearButtonEnabled(true);
    m_url->setMinimumWidth(380);
    m_format = new QComboBox(this);
    m_format->addItem(tr("Detect from the address"), int(SyncOptions::Format::Auto));
    m_format->addItem(tr("Hugging Face Hub"), int(SyncOptions::Format::HuggingFace));
    m_format->addItem(tr("OpenGradient Model Hub"), int(SyncOptions::Format::OpenGradient));
    m_limit = new QSpinBox(this);
    m_limit->setRange(0, 100000000);
    m_limit->setSingleStep(1000);
    m_limit->setSpecialValueText(tr("all models"));
    m_limit->setGroupSeparatorShown(true);
    m_token = new QLineEdit(this);
    m_token->setEchoMode(QLineEdit::Password);
    m_token->setPlaceholderText(qEnvironmentVariableIsEmpty("UPTAKE_TOKEN") ? tr("optional")
                                                                             : tr("from UPTAKE_TOKEN"));
    m_token->setToolTip(tr("Sent to this registry as a bearer token; never saved, never logged."));

    auto *form = new QFormLayout;
    form->addRow(tr("Registry &address:"), m_url);
    form->addRow(tr("&Format:"), m_format);
    form->addRow(tr("&Stop after:"), m_limit);
    form->addRow(tr("Access &token:"), m_token);

    auto *note = new QLabel(tr("Each page is saved as it arrives: a sync that stops keeps what it got, and the "
                               "next sync of the same address carries on from there. Downloads and likes are "
                               "kept per sync, so the detail pane can show them over time."),
                            this);
    note->setWordWrap(true);
    note->setTextFormat(Qt::PlainText);

    m_status = new QLabel(this);
    m_status->setTextFormat(Qt::PlainText);
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("syncStatus"));
    m_progress = new QProgressBar(this);
    m_progress->setVisible(false);
    m_progress->setTextVisible(false);
    m_log = new QPlainTextEdit(this);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(500);
    m_log->setPlaceholderText(tr("Retries and waits show here."));
    m_log->setMinimumHeight(80);

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_syncButton = m_buttons->addButton(tr("S&ync"), QDialogButtonBox::AcceptRole);
    m_syncButton->setDefault(true);
    // Accept starts the sync; the dialog stays open to show how it goes.
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SyncDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SyncDialog::reject);
    connect(m_url, &QLineEdit::textChanged, this, &SyncDialog::updateSyncButton);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_status);
    layout->addWidget(m_progress);
    layout->addWidget(m_log, 1);
    layout->addWidget(m_buttons);
    updateSyncButton();
}

SyncDialog::~SyncDialog() = default; // m_job cancels and waits

QString SyncDialog::url() const
{
    QString text = m_url->text().trimmed();
    // "huggingface.co" means its https address.
    if (!text.isEmpty() && !text.contains(QLatin1String("://")))
        text.prepend(QStringLiteral("https://"));
    return text;
}

void SyncDialog::updateSyncButton()
{
    m_syncButton->setEnabled(!m_job.isRunning() && !m_url->text().trimmed().isEmpty());
}

void SyncDialog::setRunning(bool running)
{
    for (QWidget *w : {static_cast<QWidget *>(m_url), static_cast<QWidget *>(m_format),
                       static_cast<QWidget *>(m_limit), static_cast<QWidget *>(m_token)})
        w->setEnabled(!running);
    m_progress->setVisible(running);
    m_buttons->button(QDialogButtonBox::Close)->setText(running ? tr("&Cancel") : tr("&Close"));
    updateSyncButton();
}

void SyncDialog::start()
{
    if (m_job.isRunning())
        return;
    SyncOptions options = m_base;
    options.url = QUrl(url(), QUrl::StrictMode);
    if (!options.url.isValid() || options.url.host().isEmpty()
        || (options.url.scheme() != QLatin1String("https") && options.url.scheme() != QLatin1String("http"))) {
        m_status->setText(tr("\u201c%1\u201d is not a web address. Give the registry's address, for example "
                             "https://huggingface.co.")
                              .arg(m_url->text().trimmed().left(200)));
        return;
    }
    options.format = SyncOptions::Format(m_format->currentData().toInt());
    if (options.format == SyncOptions::Format::Auto && Sync::formatFromUrl(options.url) == SyncOptions::Format::Auto) {
        // The command line's advice (--format) means nothing here: point at the list instead.
        m_status->setText(tr("Uptake cannot tell which registry %1 is. Choose it in the Format list.")
                              .arg(options.url.host()));
        m_format->setFocus();
        m_format->showPopup();
        return;
    }
    if (m_limit->value() > 0)
        options.limit = m_limit->value();
    options.token = m_token->text().isEmpty() ? qgetenv("UPTAKE_TOKEN") : m_token->text().toUtf8();
    try {
        SyncOptions::Format resolved;
        Sync::listingUrl(options, resolved);
    } catch (const SyncError &e) {
        m_status->setText(e.message());
        return;
    }

    m_report = {};
    m_log->clear();
    m_status->setText(tr("Connecting to %1\u2026").arg(options.url.host()));
    m_progress->setRange(0, options.limit ? int(*options.limit) : 0);
    m_progress->setValue(0);

    const QString cache = m_cachePath;
    setRunning(true);
    m_job.start([this, cache, options, notice = m_lockWaitNotice](const JobRunner::Context &job) {
        Database db = Cache::open(cache, Database::Mode::ReadWrite, notice);
        qint64 lastPages = -1, lastModels = -1;
        const SyncReport report = Sync::run(
            db, options,
            [&](std::int64_t pages, std::int64_t models) {
                // Called between pages and while waiting: tell the window only what changed.
                if (pages != lastPages || models != lastModels) {
                    lastPages = pages;
                    lastModels = models;
                    job.post([this, pages, models] { onProgress(pages, models); });
                }
                return !job.cancelled();
            },
            [this, &job](const QString &message) { job.post([this, message] { onMessage(message); }); });
        job.post([this, report] { m_report = report; });
    });
}

void SyncDialog::cancel()
{
    if (!m_job.isRunning())
        return;
    m_job.cancel();
    m_status->setText(tr("Cancelling after the current request\u2026"));
}

void SyncDialog::reject()
{
    // Close while running means Cancel; the dialog goes once the worker has stopped.
    if (m_job.isRunning()) {
        m_closeWhenDone = true;
        cancel();
        return;
    }
    QDialog::reject();
}

void SyncDialog::onProgress(qint64 pages, qint64 models)
{
    if (!m_job.isRunning())
        return;
    const QLocale locale;
    m_status->setText(tr("Syncing: pages so far %1, models %2").arg(locale.toString(pages), locale.toString(models)));
    if (m_progress->maximum() > 0)
        m_progress->setValue(int(std::min<qint64>(models, m_progress->maximum())));
}

void SyncDialog::onMessage(const QString &message)
{
    // Server text may be in it: appendPlainText never interprets markup.
    m_log->appendPlainText(message.left(2000));
}

void SyncDialog::onDone(const QString &error, bool cancelled)
{
    const SyncReport report = m_report;
    setRunning(false);
    if (cancelled) {
        m_status->setText(tr("Cancelled. The pages fetched so far are kept beside the cache; syncing again adds them and carries on from there."));
    } else if (!error.isEmpty()) {
        m_status->setText(tr("Sync failed: %1").arg(error.left(2000)));
    } else if (report.notModified) {
        m_status->setText(tr("Nothing changed on the registry since the last sync."));
    } else {
        const QLocale locale;
        QString text = tr("Done: pages %1, models %2.").arg(locale.toString(report.pages),
                                                             locale.toString(qint64(report.models)));
        if (report.resumed)
            text += QLatin1Char(' ') + tr("Carried on from an earlier sync that had stopped.");
        if (!report.complete && !report.stopReason.isEmpty())
            text += QLatin1Char(' ') + tr("Stopped early: %1").arg(report.stopReason);
        m_status->setText(text);
    }
    emit finished(report, error, cancelled);
    if (m_closeWhenDone)
        QDialog::reject();
}

} // namespace uptake
