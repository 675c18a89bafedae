// SPDX-License-Identifier: BSD-2-Clause
// Build-time helper: renders the application SVG to the PNG sizes of the hicolor theme, so the
// package needs neither rsvg-convert nor ImageMagick (whose SVG delegate is often missing).
#include <QGuiApplication>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>

#include <cstdio>

int main(int argc, char *argv[])
{
    // Headless: no display is needed to paint into a QImage.
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: msb-render-icon IN.svg SIZE OUT.png\n");
        return 2;
    }
    QSvgRenderer renderer(args.at(1));
    if (!renderer.isValid()) {
        std::fprintf(stderr, "msb-render-icon: cannot read SVG %s\n", qPrintable(args.at(1)));
        return 1;
    }
    bool ok = false;
    const int size = args.at(2).toInt(&ok);
    if (!ok || size < 8 || size > 1024) {
        std::fprintf(stderr, "msb-render-icon: bad size %s\n", qPrintable(args.at(2)));
        return 2;
    }
    QImage image(size, size, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPainter painter(&image);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter);
    painter.end();
    if (!image.save(args.at(3), "PNG")) {
        std::fprintf(stderr, "msb-render-icon: cannot write %s\n", qPrintable(args.at(3)));
        return 1;
    }
    return 0;
}
