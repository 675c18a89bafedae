// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "ui/desktypes.h"

#include <QAbstractTableModel>
#include <QList>

namespace msb::ui {

/// The STIX preview: one row per object plus one per MISP item the conversion dropped, and one
/// status column per target. Built for a million rows: the plan is stored flat (implicitly shared,
/// never copied per row), filtering keeps a plain vector of row numbers, inserts come in batches.
class StixTableModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StixTableModel)
public:
    enum Column { Type, Pattern, ValidFrom, ValidUntil, Confidence, Labels, Tlp, FirstTargetColumn };
    static constexpr int StatusRole = Qt::UserRole + 2; ///< PlanStatus as int, target columns only
    static constexpr int ReasonRole = Qt::UserRole + 3;

    explicit StixTableModel(QObject *parent = nullptr);

    void setPlan(PreviewPlan plan);
    /// Appends objects with their statuses (objects.size() * targets rows, row-major) in one insert.
    void appendObjects(const QList<stix::StixObject> &objects, const QList<PlanStatus> &statuses);
    void clear();
    const PreviewPlan &plan() const { return m_plan; }

    /// Shows only the rows of one event (empty: all events).
    void setEventFilter(const QString &eventUuid);
    /// Shows only rows whose type, pattern or labels contain the text (case-insensitive). Above
    /// kBackgroundFilterRows rows the matching runs on a worker thread (the old rows stay until the
    /// result is in); filterFinished() follows either way.
    void setTextFilter(const QString &text);
    /// A text filter is being matched on a worker thread.
    bool isFiltering() const { return m_filtering; }
    static constexpr qsizetype kBackgroundFilterRows = 50'000;

    /// For a visible row: index into plan().objects, or -1 when the row is a dropped item.
    qsizetype objectIndex(int row) const;
    /// For a visible row that is a dropped item: index into plan().dropped, else -1.
    qsizetype droppedIndex(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString tlpName(stix::Tlp tlp);

Q_SIGNALS:
    /// The rows of the current text filter are shown.
    void filterFinished();

private:
    qsizetype totalRows() const { return m_plan.objects.size() + m_plan.dropped.size(); }
    qsizetype sourceRow(int row) const { return m_filtered ? m_visible.at(row) : row; }
    static bool accepts(const PreviewPlan &plan, const QString &eventFilter, const QString &text, qsizetype row);
    static QList<qsizetype> matchRows(const PreviewPlan &plan, const QString &eventFilter, const QString &text);
    void rebuildFilter();

    PreviewPlan m_plan;
    QString m_eventFilter;
    QString m_textFilter;
    bool m_filtered = false;
    QList<qsizetype> m_visible;
    quint64 m_filterGeneration = 0; ///< a background result of an older generation is dropped
    bool m_filtering = false;
};

} // namespace msb::ui
