// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/config/profile.h"
#include "ui/desktypes.h"

#include <QObject>

namespace msb::ui {

/// What the desk needs from a sync engine: start on a planned set, progress per target, a run
/// record at the end, and cancel. The engine itself works off the UI thread; the signals arrive
/// queued on the thread the runner lives on (the UI thread). Adapters wrap core/sync's engine;
/// tests and the benchmark plug in a simulated one.
class SyncRunner : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SyncRunner)
public:
    using QObject::QObject;
    ~SyncRunner() override = default;

    virtual void start(const config::Profile &profile, const PreviewPlan &plan) = 0;
    virtual void cancel() = 0;

Q_SIGNALS:
    void progress(const msb::ui::TargetProgress &progress);
    /// Exactly once per start(), also after cancel() (run.cancelled is then true).
    void finished(const msb::ui::RunRecord &run);
};

} // namespace msb::ui
