// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/convert/conversionpolicy.h"
#include "core/convert/conversionresult.h"
#include "core/misp/mispevent.h"
#include "core/stix/stixobject.h"
#include "core/util/uuidset.h"

#include <QList>
#include <QSet>
#include <QUuid>

#include <functional>

namespace msb::convert {

/// Turns MISP events into STIX 2.1 objects under a ConversionPolicy, accounting for every attribute.
///
/// A Converter is a conversion *session*: it remembers the ids it emitted (so a repeated id is dropped
/// as "duplicate id" across pages/events), the identities and TLP markings used. Feed it events one by
/// one (a MISP REST page at a time, on a worker thread) and call markingDefinitions() at the end.
/// Not thread-safe: one session per thread; different sessions are independent. No Qt event loop needed.
class Converter final
{
public:
    using ObjectSink = std::function<void(stix::StixObject &&)>;
    using OutcomeSink = std::function<void(ItemOutcome &&)>;

    explicit Converter(ConversionPolicy policy = {});

    /// Converts one event into `result` (objects, outcomes and the event's account are appended).
    void convert(const misp::Event &event, ConversionResult &result);
    /// Convenience: one event / several events into a fresh result.
    ConversionResult convert(const misp::Event &event);
    ConversionResult convert(const QList<misp::Event> &events);

    /// Streaming form for huge events: objects go to `objects` as they are made (nothing is kept),
    /// outcomes to `outcomes` (or into `account`-only counting when null). Returns the event's account.
    EventAccount convert(const misp::Event &event, const ObjectSink &objects, const OutcomeSink &outcomes);

    /// Marking-definition objects of every TLP level referenced so far (append them to a bundle).
    QList<stix::StixObject> markingDefinitions() const;

    /// Forgets emitted ids, identities and markings (start a new session with the same policy).
    void reset();

    const ConversionPolicy &policy() const { return m_policy; }

private:
    ConversionPolicy m_policy;
    UuidSet m_emittedIds;
    QSet<QString> m_emittedIdentities;
    QList<stix::Tlp> m_usedTlps;
};

/// Count of indicator-producing MISP types (for reports and tests).
int supportedTypeCount();

} // namespace msb::convert
