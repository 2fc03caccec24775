#pragma once

#include "view/viewspec.h"

#include <QVariantMap>
#include <QWidget>

class QComboBox;
class QLineEdit;

namespace uptake {

// The filter panel's listed-supply fields (contract section 1): a parameter range, typed as
// people say it ("7B", "350M", in the locale's or the C decimal point), and gated or open.
// A model whose registry does not say does not pass.
class SupplyFilters final : public QWidget
{
    Q_OBJECT

public:
    explicit SupplyFilters(QWidget *parent = nullptr);

    void fill(ViewSpec &spec) const;
    void clear();
    // For the remembered filters: only the fields that are set.
    void saveTo(QVariantMap &state) const;
    void restoreFrom(const QVariantMap &state);
    // What one parameter field holds; nullopt when empty or not a count.
    static std::optional<std::int64_t> parameterCount(const QString &typed);

signals:
    void edited();

private:
    QLineEdit *m_minParameters, *m_maxParameters;
    QComboBox *m_gated;
};

} // namespace uptake
