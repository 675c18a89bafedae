// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QAbstractButton>
#include <QLabel>
#include <QLineEdit>
#include <QTest>
#include <QWidget>

namespace msb::test {

/// Finds the visible control with this accessible name under `root` (the wizard's pages set one
/// on every control, so tests address controls the way a screen reader does).
template <typename T> T *control(QWidget *root, const QString &accessibleName)
{
    const QList<T *> all = root->findChildren<T *>();
    for (T *w : all) {
        if (w->accessibleName() == accessibleName && w->isVisible())
            return w;
    }
    return nullptr;
}

inline void type(QWidget *root, const QString &name, const QString &text)
{
    QLineEdit *edit = control<QLineEdit>(root, name);
    QVERIFY2(edit, qPrintable(QStringLiteral("no line edit \"%1\"").arg(name)));
    edit->clear();
    QTest::keyClicks(edit, text);
}

inline void click(QWidget *root, const QString &name)
{
    QAbstractButton *b = control<QAbstractButton>(root, name);
    QVERIFY2(b, qPrintable(QStringLiteral("no button \"%1\"").arg(name)));
    QVERIFY2(b->isEnabled(), qPrintable(QStringLiteral("button \"%1\" is disabled").arg(name)));
    b->click(); // a mouse click at the centre misses a stretched radio button's label area
}

inline QString labelText(QWidget *root, const QString &name)
{
    QLabel *l = control<QLabel>(root, name);
    return l ? l->text() : QString();
}

} // namespace msb::test
