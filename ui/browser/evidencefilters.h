#pragma once

#include "view/viewspec.h"

#include <QVariantMap>
#include <QWidget>

class QDoubleSpinBox;
class QSpinBox;

namespace uptake {

// The filter panel's demand evidence fields (contract 3b): min. week-4 retention, min.
// effective callers, max. top caller share, each "any" at 0. In the usage window when there
// is one, as the columns they filter.
class EvidenceFilters final : public QWidget
{
    Q_OBJECT

public:
    explicit EvidenceFilters(QWidget *parent = nullptr);

    void fill(ViewSpec &spec) const;
    void clear();
    // For the remembered filters: only the fields that are set.
    void saveTo(QVariantMap &state) const;
    void restoreFrom(const QVariantMap &state);

signals:
    void edited();

private:
    QSpinBox *m_minWeek4, *m_maxTopShare; // percents
    QDoubleSpinBox *m_minEffective;
};

} // namespace uptake
