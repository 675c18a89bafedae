// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/config/profile.h"
#include "ui/desktypes.h"

#include <atomic>

namespace msb::secrets {
class SecretStore;
}

namespace msb::ui {

/// Reads a profile's source with the core's clients: MISP REST (MispClient: paged restSearch with the
/// profile's CA file, pin, filters, page size and timeout; the key from `store`), a MISP feed by URL
/// or by folder with manifest.json (FeedSource), or a folder of loose MISP event files.
/// Blocking: runs a local event loop on the calling thread, which must be a worker thread (never the
/// UI thread); `store` must belong to that thread. Returns soon after `cancelled` becomes true.
/// Items that cannot be read become issues naming them; the rest is kept.
FetchOutcome fetchSource(
    const config::Profile &profile, secrets::SecretStore *store, const std::atomic_bool &cancelled);

} // namespace msb::ui
