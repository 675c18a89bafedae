// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include "core/misp/mispevent.h"

#include <QByteArray>
#include <QList>
#include <QString>

namespace msb::misp {

/// What one JSON document held.
struct ParsedDocument
{
    QList<Event> events;
    QList<ParseIssue> issues; ///< every item that could not be read, named precisely
    bool recognised = false; ///< false: invalid JSON or "does not look like MISP data" (issues says which)
};

/// Reads every shape MISP produces: restSearch `{"response":[{"Event":…}]}`, `{"Event":…}` (event view,
/// feed files), a bare event, lists of these, and attribute collections (wrapped in a synthetic event).
/// Never throws; a broken item is skipped with an issue and the rest is kept. Thread-safe (pure function).
ParsedDocument parseDocument(const QByteArray &json, const QString &sourceName);

} // namespace msb::misp
