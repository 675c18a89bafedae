// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/stix/stixobject.h"

#include <QString>
#include <QStringView>

namespace msb::stix {

/// TLP level of a MISP tag (`tlp:white`, `TLP:Amber+Strict`, ...), case-insensitive and trimmed.
/// Tlp::None when the tag is not a TLP tag.
Tlp tlpFromTag(QStringView tag);

/// Which marking-definition id each TLP level maps to.
///
/// Choice (as misp-stix 2026.6.x): white/green/amber/red use the TLP 1.0 marking-definitions that the
/// STIX 2.1 specification itself predefines (§7.2.1.4) — every STIX consumer, Sentinel included, knows
/// them; `clear` and `amber+strict` exist only in TLP 2.0, so they use the TLP 2.0 marking-definitions
/// of the OASIS extension-definition--60a3c5c5-0d10-413e-aab3-9e08dde9e88d.
QString tlpMarkingId(Tlp tlp);

/// The marking-definition object for a level (written into bundles that reference it).
StixObject tlpMarkingDefinition(Tlp tlp);

/// How restrictive a level is (None 0 < Clear = White < Green < Amber < AmberStrict < Red).
int tlpRank(Tlp tlp);

/// "TLP:AMBER+STRICT" etc.; empty for None.
QString tlpName(Tlp tlp);

} // namespace msb::stix
