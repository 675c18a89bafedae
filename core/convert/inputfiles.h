// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QString>
#include <QStringList>

namespace msb::convert {

/// The MISP JSON files named by command-line paths.
struct InputFiles
{
    QStringList files; ///< in order: each FILE argument, then the files of each DIR (sorted)
    QStringList problems; ///< "<path>: <why>" for arguments or feed entries that cannot be read
};

/// Expands FILE|DIR arguments. A directory holding `manifest.json` is a MISP feed: the files its manifest
/// names (MISP's `{"<uuid>": {...}}` → `<uuid>.json`; a list of `{"filename": "…/x.json"}` entries as in
/// some feeds → the base name in the directory); a missing event file is a problem, not a silent skip.
/// Any other directory: all of its `*.json` files (not recursive). Thread-safe (reads the file system).
InputFiles collectInputFiles(const QStringList &paths);

} // namespace msb::convert
