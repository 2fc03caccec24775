#include "browser/supplyfilters.h"

#include "view/viewargs.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLineEdit>
#include <QLocale>

namespace uptake {

namespace {
const QString kMinParameters = QStringLiteral("minParameters"), kMaxParameters = QStringLiteral("maxParameters"),
              kGated = QStringLiteral("gated");
enum Gated { Any, Yes, No };
} // namespace

std::optional<std::int64_t> SupplyFilters::parameterCount(const QString &typed)
{
    QString t = typed.trimmed();
    t.remove(QLatin1Char(' '));
    const QString point = QLocale().decimalPoint();
    if (point != QLatin1String("."))
        t.replace(point, QStringLiteral("."));
    return t.isEmpty() ? std::nullopt : ViewArgs::parseParameterCount(t);
}

SupplyFilters::SupplyFilters(QWidget *parent)
    : QWidget(parent)
{
    auto count = [this](const QString &name, const QString &tip) {
        auto *e = new QLineEdit(this);
        e->setObjectName(name);
        e->setPlaceholderText(tr("any, e.g. 7B"));
        e->setClearButtonEnabled(true);
        e->setToolTip(tip);
        connect(e, &QLineEdit::textChanged, this, [this, e](const QString &text) {
            // Typed text that is no count is shown as such, and filters nothing.
            const bool bad = !text.trimmed().isEmpty() && !parameterCount(text);
            e->setStyleSheet(bad ? QStringLiteral("QLineEdit { color: #b00020; }") : QString());
            emit edited();
        });
        return e;
    };
    m_minParameters = count(QStringLiteral("minParameters"),
                            tr("Only models with at least this many parameters: a number, or with K, M, B or T "
                               "(7B is 7 billion). Models whose registry gives no size are left out."));
    m_maxParameters = count(QStringLiteral("maxParameters"),
                            tr("Only models with at most this many parameters: a number, or with K, M, B or T "
                               "(350M is 350 million). Models whose registry gives no size are left out."));
    m_gated = new QComboBox(this);
    m_gated->setObjectName(QStringLiteral("gated"));
    m_gated->addItem(tr("any"), Any);
    m_gated->addItem(tr("gated only"), Yes);
    m_gated->addItem(tr("open only"), No);
    m_gated->setToolTip(tr("Gated models need the author's consent before their files can be downloaded. Models "
                           "whose registry does not say are left out of either choice."));
    connect(m_gated, &QComboBox::currentIndexChanged, this, &SupplyFilters::edited);

    for (QWidget *w : std::initializer_list<QWidget *>{m_minParameters, m_maxParameters, m_gated}) {
        w->setSizePolicy(QSizePolicy::Ignored, w->sizePolicy().verticalPolicy());
        w->setMinimumWidth(90);
    }
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->addRow(tr("Min. parameters"), m_minParameters);
    form->addRow(tr("Max. parameters"), m_maxParameters);
    form->addRow(tr("Access"), m_gated);
}

void SupplyFilters::fill(ViewSpec &spec) const
{
    spec.minParameters = parameterCount(m_minParameters->text());
    spec.maxParameters = parameterCount(m_maxParameters->text());
    switch (m_gated->currentData().toInt()) {
    case Yes: spec.gated = true; break;
    case No: spec.gated = false; break;
    default: spec.gated.reset(); break;
    }
}

void SupplyFilters::clear()
{
    m_minParameters->clear();
    m_maxParameters->clear();
    m_gated->setCurrentIndex(0);
}

void SupplyFilters::saveTo(QVariantMap &state) const
{
    // As counts, not as typed: the same in every locale.
    if (const auto n = parameterCount(m_minParameters->text()))
        state.insert(kMinParameters, qint64(*n));
    if (const auto n = parameterCount(m_maxParameters->text()))
        state.insert(kMaxParameters, qint64(*n));
    if (m_gated->currentData().toInt() != Any)
        state.insert(kGated, m_gated->currentData().toInt() == Yes);
}

void SupplyFilters::restoreFrom(const QVariantMap &state)
{
    const auto put = [&](QLineEdit *e, const QString &key) {
        bool ok = false;
        const qint64 n = state.value(key).toLongLong(&ok);
        e->setText(ok && n >= 0 ? QString::number(n) : QString());
    };
    put(m_minParameters, kMinParameters);
    put(m_maxParameters, kMaxParameters);
    const QVariant g = state.value(kGated);
    m_gated->setCurrentIndex(std::max(0, m_gated->findData(!g.isValid() ? Any : g.toBool() ? Yes : No)));
}

} // namespace uptake
