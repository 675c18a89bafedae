// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/config/profile.h"
#include "core/util/result.h"

#include <QJsonObject>

namespace msb::cli {

/// A profile as JSON, for `profiles show --json` and `profiles import --profile-json` (round trip).
/// Holds no secret: the profile holds none.
QJsonObject profileToJson(const config::Profile &profile);

/// Reads what profileToJson() writes. Unknown members are ignored; a member of the wrong type is
/// an InvalidInput error naming it. The result is not validated (ProfileStore::save() does that).
Result<config::Profile> profileFromJson(const QJsonObject &json);

} // namespace msb::cli
