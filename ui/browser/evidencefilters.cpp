#include "browser/evidencefilters.h"

#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QSpinBox>

namespace uptake {

namespace {
const QString kMinWeek4 = QStringLiteral("minWeek4RetentionPercent"),
              kMinEffective = QStringLiteral("minEffectiveCallers"),
              kMaxTopShare = QStringLiteral("maxTopCallerSharePercent");
} // namespace

EvidenceFilters::EvidenceFilters(QWidget *parent)
    : QWidget(parent)
{
    auto percent = [this](const QString &name, const QString &tip) {
        auto *s = new QSpinBox(this);
        s->setObjectName(name);
        s->setRange(0, 100);
        s->setSpecialValueText(tr("any"));
        s->setSuffix(tr("%", "suffix of a percentage in a spin box"));
        s->setToolTip(tip);
        connect(s, &QSpinBox::valueChanged, this, &EvidenceFilters::edited);
        return s;
    };
    m_minWeek4 = percent(QStringLiteral("minWeek4Retention"),
                         tr("Only models that kept at least this share of their callers to week 4: of the callers "
                            "first seen at least 5 weeks before the last day with calls, the share who called again "
                            "28 to 34 days after their first call. Models with no such callers are left out."));
    m_maxTopShare = percent(QStringLiteral("maxTopCallerShare"),
                            tr("Only models whose busiest caller made at most this share of the calls: leaves out "
                               "models kept alive by one caller."));
    m_minEffective = new QDoubleSpinBox(this);
    m_minEffective->setObjectName(QStringLiteral("minEffectiveCallers"));
    m_minEffective->setRange(0, 1e9);
    m_minEffective->setDecimals(1);
    m_minEffective->setSpecialValueText(tr("any"));
    m_minEffective->setGroupSeparatorShown(true);
    m_minEffective->setAccelerated(true);
    m_minEffective->setToolTip(tr("Only models whose usage amounts to at least this many equally busy callers: ten "
                                  "callers with ten calls each count 10, one caller with nearly all the calls about 1."));
    connect(m_minEffective, &QDoubleSpinBox::valueChanged, this, &EvidenceFilters::edited);

    for (QWidget *w : std::initializer_list<QWidget *>{m_minWeek4, m_minEffective, m_maxTopShare}) {
        w->setSizePolicy(QSizePolicy::Ignored, w->sizePolicy().verticalPolicy());
        w->setMinimumWidth(90);
    }
    auto *form = new QFormLayout(this);
    form->setContentsMargins(0, 0, 0, 0);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    form->addRow(tr("Min. week-4"), m_minWeek4);
    form->addRow(tr("Min. effective"), m_minEffective);
    form->addRow(tr("Max. top caller"), m_maxTopShare);
}

void EvidenceFilters::fill(ViewSpec &spec) const
{
    const auto percent = [](const QSpinBox *s) {
        return s->value() > 0 ? std::optional<double>(s->value() / 100.0) : std::nullopt;
    };
    spec.minWeek4Retention = percent(m_minWeek4);
    spec.maxTopCallerShare = percent(m_maxTopShare);
    spec.minEffectiveCallers = m_minEffective->value() > 0 ? std::optional<double>(m_minEffective->value()) : std::nullopt;
}

void EvidenceFilters::clear()
{
    m_minWeek4->setValue(0);
    m_minEffective->setValue(0);
    m_maxTopShare->setValue(0);
}

void EvidenceFilters::saveTo(QVariantMap &state) const
{
    if (m_minWeek4->value() > 0)
        state.insert(kMinWeek4, m_minWeek4->value());
    if (m_minEffective->value() > 0)
        state.insert(kMinEffective, m_minEffective->value());
    if (m_maxTopShare->value() > 0)
        state.insert(kMaxTopShare, m_maxTopShare->value());
}

void EvidenceFilters::restoreFrom(const QVariantMap &state)
{
    m_minWeek4->setValue(state.value(kMinWeek4).toInt());
    m_minEffective->setValue(state.value(kMinEffective).toDouble());
    m_maxTopShare->setValue(state.value(kMaxTopShare).toInt());
}

} // namespace uptake
