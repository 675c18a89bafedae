// SPDX-License-Identifier: BSD-2-Clause
#include "app/cli/commandregistry.h"

namespace msb::cli {

std::vector<Command> &commands()
{
    static std::vector<Command> all;
    return all;
}

const Command *findCommand(const QString &name)
{
    for (const Command &c : commands()) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

} // namespace msb::cli
