// SPDX-License-Identifier: BSD-2-Clause
#include "ui/wizard/workspacespage.h"

#include "core/config/profile.h"
#include "ui/wizard/setupwizard.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace msb::ui::wizard {

namespace {
enum Column { NameColumn, WorkspaceColumn, TenantColumn, ApiColumn, SourceColumn, ColumnCount };
}

WorkspacesPage::WorkspacesPage(SetupWizard *wizard)
    : QWizardPage(wizard)
    , m_wizard(wizard)
    , m_tenantLabel(new QLabel(this))
    , m_name(new QLineEdit(this))
    , m_workspace(new QLineEdit(this))
    , m_apiKind(new QComboBox(this))
    , m_sourceSystem(new QLineEdit(QStringLiteral("MISP"), this))
    , m_add(new QPushButton(tr("&Add workspace"), this))
    , m_remove(new QPushButton(tr("&Remove selected"), this))
    , m_addTenant(new QPushButton(tr("Add another &tenant…"), this))
    , m_table(new QTableWidget(0, ColumnCount, this))
    , m_error(new QLabel(this))
{
    setTitle(tr("Sentinel workspaces"));
    setSubTitle(tr("Each workspace receives the indicators. Several workspaces may share a tenant and app."));
    m_tenantLabel->setWordWrap(true);
    m_name->setAccessibleName(tr("Workspace display name"));
    m_name->setPlaceholderText(tr("e.g. SOC production"));
    m_workspace->setAccessibleName(tr("Workspace ID"));
    m_workspace->setPlaceholderText(tr("Log Analytics workspace ID, a GUID"));
    m_apiKind->addItem(tr("STIX objects upload API (current)"), int(config::ApiKind::StixObjects));
    m_apiKind->addItem(tr("Legacy upload-indicators API"), int(config::ApiKind::LegacyIndicators));
    m_apiKind->setAccessibleName(tr("Upload API"));
    m_sourceSystem->setAccessibleName(tr("Source system"));
    m_add->setAccessibleName(tr("Add workspace"));
    m_remove->setAccessibleName(tr("Remove the selected workspace"));
    m_addTenant->setAccessibleName(tr("Add another tenant"));
    m_table->setAccessibleName(tr("Workspaces"));
    m_table->setHorizontalHeaderLabels(
        { tr("Name"), tr("Workspace ID"), tr("Tenant"), tr("API"), tr("Source system") });
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->setVisible(false);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b3261e;"));
    m_error->setAccessibleName(tr("Problem on this page"));

    auto *form = new QFormLayout;
    form->addRow(tr("&Name:"), m_name);
    form->addRow(tr("&Workspace ID:"), m_workspace);
    form->addRow(tr("&Upload API:"), m_apiKind);
    form->addRow(tr("Source s&ystem:"), m_sourceSystem);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_add);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    buttons->addWidget(m_addTenant);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_tenantLabel);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_error);

    connect(m_add, &QPushButton::clicked, this, &WorkspacesPage::addWorkspace);
    connect(m_workspace, &QLineEdit::returnPressed, this, &WorkspacesPage::addWorkspace);
    connect(m_remove, &QPushButton::clicked, this, [this] {
        readTable();
        const int row = m_table->currentRow();
        QList<config::TargetSettings> &targets = m_wizard->state().profile.targets;
        if (row >= 0 && row < targets.size())
            targets.removeAt(row);
        refreshTable();
    });
    connect(m_addTenant, &QPushButton::clicked, this, [this] {
        readTable();
        m_wizard->addAnotherTenant();
    });
}

void WorkspacesPage::initializePage()
{
    const WizardState &state = m_wizard->state();
    if (state.currentTenant >= 0 && state.currentTenant < state.tenants.size()) {
        const TenantApp &app = state.tenants[state.currentTenant];
        m_tenantLabel->setText(tr("New workspaces use tenant %1 with app %2.").arg(app.tenantId, app.clientId));
    }
    m_name->setText(tr("Sentinel %1").arg(state.profile.targets.size() + 1));
    m_workspace->clear();
    m_error->clear();
    refreshTable();
}

void WorkspacesPage::cleanupPage()
{
    // Going back keeps the list; only the table edits are taken over.
    readTable();
}

bool WorkspacesPage::addWorkspace()
{
    readTable();
    WizardState &state = m_wizard->state();
    if (state.currentTenant < 0 || state.currentTenant >= state.tenants.size()) {
        m_error->setText(tr("Enter a tenant and app first (Back)."));
        return false;
    }
    const QString workspace = m_workspace->text().trimmed().toLower();
    if (!config::isGuid(workspace)) {
        m_error->setText(tr("Workspace ID \"%1\" is not a GUID (Log Analytics workspace → Overview → Workspace ID).")
                             .arg(workspace));
        return false;
    }
    const TenantApp &app = state.tenants[state.currentTenant];
    config::TargetSettings t;
    t.displayName = m_name->text().trimmed().isEmpty() ? tr("Sentinel %1").arg(state.profile.targets.size() + 1)
                                                       : m_name->text().trimmed();
    t.cloud = app.cloud;
    t.tenantId = app.tenantId;
    t.clientId = app.clientId;
    t.workspaceId = workspace;
    t.apiKind = config::ApiKind(m_apiKind->currentData().toInt());
    t.sourceSystem
        = m_sourceSystem->text().trimmed().isEmpty() ? QStringLiteral("MISP") : m_sourceSystem->text().trimmed();
    t.authorityHostOverride = app.authorityHostOverride;
    t.uploadHostOverride = app.uploadHostOverride;
    for (const config::TargetSettings &existing : std::as_const(state.profile.targets)) {
        if (existing.workspaceId == t.workspaceId && existing.apiKind == t.apiKind
            && existing.sourceSystem == t.sourceSystem) {
            m_error->setText(tr("Workspace %1 is listed already.").arg(workspace));
            return false;
        }
    }
    state.profile.targets.append(t);
    m_error->clear();
    m_workspace->clear();
    m_name->setText(tr("Sentinel %1").arg(state.profile.targets.size() + 1));
    refreshTable();
    return true;
}

void WorkspacesPage::refreshTable()
{
    const QList<config::TargetSettings> &targets = m_wizard->state().profile.targets;
    m_table->setRowCount(int(targets.size()));
    for (int row = 0; row < targets.size(); ++row) {
        const config::TargetSettings &t = targets[row];
        auto item = [](const QString &text, bool editable) {
            auto *i = new QTableWidgetItem(text);
            if (!editable)
                i->setFlags(i->flags() & ~Qt::ItemIsEditable);
            return i;
        };
        m_table->setItem(row, NameColumn, item(t.displayName, true));
        m_table->setItem(row, WorkspaceColumn, item(t.workspaceId, true));
        m_table->setItem(row, TenantColumn, item(t.tenantId, false));
        m_table->setItem(
            row, ApiColumn, item(t.apiKind == config::ApiKind::StixObjects ? tr("STIX objects") : tr("legacy"), false));
        m_table->setItem(row, SourceColumn, item(t.sourceSystem, true));
    }
    m_table->resizeColumnsToContents();
    Q_EMIT completeChanged();
}

void WorkspacesPage::readTable()
{
    QList<config::TargetSettings> &targets = m_wizard->state().profile.targets;
    for (int row = 0; row < targets.size() && row < m_table->rowCount(); ++row) {
        if (auto *i = m_table->item(row, NameColumn))
            targets[row].displayName = i->text().trimmed();
        if (auto *i = m_table->item(row, WorkspaceColumn))
            targets[row].workspaceId = i->text().trimmed().toLower();
        if (auto *i = m_table->item(row, SourceColumn))
            targets[row].sourceSystem = i->text().trimmed();
    }
}

bool WorkspacesPage::isComplete() const
{
    return !m_wizard->state().profile.targets.isEmpty();
}

bool WorkspacesPage::validatePage()
{
    readTable();
    QStringList problems;
    const QList<config::TargetSettings> &targets = m_wizard->state().profile.targets;
    for (int i = 0; i < targets.size(); ++i) {
        for (const config::ValidationIssue &issue : config::validateTarget(targets[i], i))
            problems.append(issue.message);
        if (m_wizard->state().secretFor(targets[i].tenantId, targets[i].clientId).isEmpty())
            problems.append(tr("Target %1 (%2): no client secret for app %3 in tenant %4; add the tenant again.")
                                .arg(i + 1)
                                .arg(targets[i].displayName, targets[i].clientId, targets[i].tenantId));
    }
    m_error->setText(problems.join(QLatin1Char('\n')));
    return problems.isEmpty();
}

} // namespace msb::ui::wizard
