// A dashboard chart written to PNG or SVG, from the command line or the view's context menu.
#include "dashboard/dashboardcharts.h"

#include "dashboard/chartparts.h"

#include <QContextMenuEvent>
#include <QCoreApplication>
#include <QFileDialog>
#include <QFileInfo>
#include <QImage>
#include <QMenu>
#include <QMessageBox>
#include <QPainter>
#include <QStandardPaths>
#include <QSvgGenerator>

#include <algorithm>

namespace uptake {

using namespace ChartParts;

QLocale DashboardChartView::svgLocale()
{
    return QLocale(QLocale::English, QLocale::UnitedStates);
}

bool DashboardChartView::exportTo(const QString &path, QSize size, qreal scale, QString *error) const
{
    auto fail = [&](const QString &message) {
        if (error)
            *error = message;
        return false;
    };
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("png") && suffix != QLatin1String("svg"))
        return fail(tr("%1: the file name must end in .png or .svg").arg(path));
    if (size.isEmpty())
        size = this->size();
    if (size.width() < 200 || size.height() < 150)
        return fail(tr("a chart needs at least 200x150 pixels"));

    // Drawn by a copy at the asked size, so that the view on screen does not move.
    DashboardChartView copy(m_kind);
    copy.setAttribute(Qt::WA_DontShowOnScreen);
    copy.setNumberLocale(suffix == QLatin1String("svg") ? svgLocale() : m_numbers);
    // Sized first: some charts fit their labels to the room they have.
    copy.resize(size);
    if (m_data)
        copy.setData(*m_data);
    else
        copy.showMessage(m_message);
    copy.show();
    QCoreApplication::processEvents();
    copy.placeNotes();

    if (suffix == QLatin1String("svg")) {
        QSvgGenerator svg;
        svg.setFileName(path);
        svg.setSize(size);
        svg.setViewBox(QRect(QPoint(0, 0), size));
        svg.setTitle(chartTitle(m_kind));
        svg.setDescription(tr("Made by Uptake"));
        QPainter p;
        if (!p.begin(&svg))
            return fail(tr("%1: cannot write the file").arg(path));
        copy.render(&p);
        p.end();
        if (!QFileInfo(path).exists() || QFileInfo(path).size() == 0)
            return fail(tr("%1: cannot write the file").arg(path));
        return true;
    }
    scale = std::clamp(scale, 0.5, 4.0);
    QImage image(QSize(int(size.width() * scale), int(size.height() * scale)), QImage::Format_ARGB32_Premultiplied);
    image.setDevicePixelRatio(scale);
    image.fill(Qt::white);
    QPainter p(&image);
    copy.render(&p);
    p.end();
    if (!image.save(path, "PNG"))
        return fail(tr("%1: cannot write the file").arg(path));
    return true;
}

void DashboardChartView::exportInteractively(const QString &suffix)
{
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::PicturesLocation);
    const QString suggested
        = dir + QLatin1Char('/') + QStringLiteral("uptake-%1.%2").arg(DashboardCharts::name(m_kind), suffix);
    const QString filter = suffix == QLatin1String("svg") ? tr("SVG image (*.svg)") : tr("PNG image (*.png)");
    QString path = QFileDialog::getSaveFileName(this, tr("Export Chart"), suggested, filter);
    if (path.isEmpty())
        return;
    if (QFileInfo(path).suffix().isEmpty())
        path += QLatin1Char('.') + suffix;
    QString error;
    if (!exportTo(path, size(), devicePixelRatioF(), &error))
        QMessageBox::warning(this, tr("Export Chart"), error);
}

void DashboardChartView::contextMenuEvent(QContextMenuEvent *event)
{
    QMenu menu(this);
    menu.addAction(tr("Export as PNG…"), this, [this] { exportInteractively(QStringLiteral("png")); });
    menu.addAction(tr("Export as SVG…"), this, [this] { exportInteractively(QStringLiteral("svg")); });
    menu.exec(event->globalPos());
}

} // namespace uptake
