// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/config/profile.h"
#include "core/misp/mispconnection.h"
#include "core/sentinel/target.h"

#include <QList>

namespace msb::config {

/// The sync engine's view of a profile's targets (no secrets: the client secret is requested by
/// tenant + client id through a ClientSecretProvider, see secrets::clientSecretKeyName()).
sentinel::Target toSentinelTarget(const TargetSettings &settings);
QList<sentinel::Target> toSentinelTargets(const Profile &profile);

/// The MISP connection of a profile with the key read from the SecretStore (may be empty for feeds).
misp::MispConnection toMispConnection(const Profile &profile, const QString &apiKey);

/// "amber" / "tlp:amber" → stix::Tlp; None if empty or unknown.
stix::Tlp tlpFromName(const QString &name);

} // namespace msb::config
