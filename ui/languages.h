// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QString>
#include <QStringList>

namespace msb::ui {

/// Languages the desk ships: "" (system), "en", "de".
QStringList availableLanguages();
/// Installs the translators for `code` ("" follows the system locale), replacing the previous ones.
/// Widgets get QEvent::LanguageChange and retranslate themselves. UI thread only.
/// Returns the language actually in effect ("en" when no translation matched).
QString applyLanguage(const QString &code);

/// The language stored in the settings ("" = system).
QString storedLanguage();
void storeLanguage(const QString &code);

} // namespace msb::ui
