// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "ui/desktypes.h"

#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QTableView;

namespace msb::ui {

class DropReasonModel;
class DryRunSummaryModel;

/// The dry-run summary: counts per target and status, drops by reason, and three charts
/// (objects by type, per target by status, drops by reason).
class DryRunView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DryRunView)
public:
    explicit DryRunView(QWidget *parent = nullptr);

    void setPlan(const PreviewPlan &plan);
    void retranslate();

    DryRunSummaryModel *summaryModel() const { return m_summary; }
    DropReasonModel *dropModel() const { return m_drops; }
    QChart *typeChart() const;
    QChart *targetChart() const;
    QChart *dropChart() const;

protected:
    void changeEvent(QEvent *event) override;

private:
    void rebuildCharts();
    void applyTheme();

    DryRunSummaryModel *m_summary;
    DropReasonModel *m_drops;
    QLabel *m_headline;
    QLabel *m_summaryTitle;
    QLabel *m_dropTitle;
    QTableView *m_summaryTable;
    QTableView *m_dropTable;
    QChartView *m_typeView;
    QChartView *m_targetView;
    QChartView *m_dropView;
    PreviewPlan m_plan;
};

} // namespace msb::ui
