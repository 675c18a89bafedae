// SPDX-License-Identifier: BSD-2-Clause
#include "tests/support/testpaths.h"

#include <QDir>

namespace msb::test {

QString sharedDir()
{
    const QString env = qEnvironmentVariable("MSB_SHARED_DIR");
    return QDir::cleanPath(env.isEmpty() ? QStringLiteral(MSB_SHARED_DIR) : env);
}

QString mispDataDir()
{
    return sharedDir() + QStringLiteral("/data/misp");
}

QString sourceDir()
{
    return QStringLiteral(MSB_SOURCE_DIR);
}

QString binaryDir()
{
    return QStringLiteral(MSB_BINARY_DIR);
}

QString appExecutable()
{
    return binaryDir() + QStringLiteral("/app/misp-sentinel-bridge");
}

} // namespace msb::test
