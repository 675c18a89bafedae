// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/sentinel/target.h"
#include "core/stix/stixobject.h"

#include <QString>

namespace msb::sync {

/// Why `object` must not go to a target with these filters and API, in words; empty: it may.
/// Objects without a confidence or TLP pass those filters (nothing says they exceed them).
/// The type filters apply to indicators only. The legacy API takes indicators only.
QString filterReason(const stix::StixObject &object, const sentinel::TargetFilters &filters, sentinel::ApiKind api);

/// "TLP:AMBER" etc.; rank() orders CLEAR/WHITE < GREEN < AMBER < AMBER+STRICT < RED.
QString tlpName(stix::Tlp tlp);
int tlpRank(stix::Tlp tlp);

} // namespace msb::sync
