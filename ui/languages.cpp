// SPDX-License-Identifier: BSD-2-Clause
#include "ui/languages.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QSettings>
#include <QTranslator>

namespace msb::ui {

namespace {

QTranslator *g_app = nullptr;
QTranslator *g_qt = nullptr;

} // namespace

QStringList availableLanguages()
{
    return { QString(), QStringLiteral("en"), QStringLiteral("de") };
}

QString applyLanguage(const QString &code)
{
    auto *app = QCoreApplication::instance();
    if (!g_app) {
        g_app = new QTranslator(app);
        g_qt = new QTranslator(app);
    }
    QCoreApplication::removeTranslator(g_app);
    QCoreApplication::removeTranslator(g_qt);
    const QLocale locale = code.isEmpty() ? QLocale() : QLocale(code);
    QString effective = QStringLiteral("en");
    if (locale.language() != QLocale::English
        && g_app->load(locale, QStringLiteral("misp-sentinel-bridge"), QStringLiteral("_"), QStringLiteral(":/i18n"))) {
        QCoreApplication::installTranslator(g_app);
        effective = g_app->language().section(u'_', 0, 0);
        if (g_qt->load(locale,
                QStringLiteral("qtbase"),
                QStringLiteral("_"),
                QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
            QCoreApplication::installTranslator(g_qt);
    }
    QLocale::setDefault(locale);
    return effective;
}

QString storedLanguage()
{
    return QSettings().value(QStringLiteral("ui/language")).toString();
}

void storeLanguage(const QString &code)
{
    QSettings().setValue(QStringLiteral("ui/language"), code);
}

} // namespace msb::ui
