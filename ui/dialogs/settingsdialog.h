// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QDialog>

class QComboBox;
class QLabel;

namespace msb::ui {

/// Desk preferences: language (applied at once) and log level. Stored in QSettings ("ui/...").
class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)
public:
    explicit SettingsDialog(QWidget *parent = nullptr);

    QComboBox *languageBox() const { return m_language; }
    QComboBox *logLevelBox() const { return m_logLevel; }

    static int storedLogLevel();

Q_SIGNALS:
    void logLevelChanged(int level);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void apply();

    QLabel *m_languageLabel;
    QLabel *m_logLevelLabel;
    QLabel *m_note;
    QComboBox *m_language;
    QComboBox *m_logLevel;
};

} // namespace msb::ui
