// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QDialog>

namespace msb::ui {

/// Product version and the versions of Qt, QtKeychain, spdlog and the build.
class AboutDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AboutDialog)
public:
    explicit AboutDialog(QWidget *parent = nullptr);
    /// The version lines shown, plain text (also for tests and bug reports).
    static QString versionText();
};

} // namespace msb::ui
