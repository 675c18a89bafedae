// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <array>
#include <cstdint>

namespace msb {

/// Value of a hexadecimal digit (0-9, a-f, A-F) or -1, by table: hex text in MISP data (uuids,
/// hashes) mixes digits and letters at random, so a chain of range tests mispredicts constantly.
inline int hexDigitValue(char16_t c)
{
    static constexpr std::array<std::int8_t, 128> kTable = [] {
        std::array<std::int8_t, 128> t {};
        for (auto &v : t)
            v = -1;
        for (int i = 0; i < 10; ++i)
            t[std::size_t('0' + i)] = std::int8_t(i);
        for (int i = 0; i < 6; ++i) {
            t[std::size_t('a' + i)] = std::int8_t(10 + i);
            t[std::size_t('A' + i)] = std::int8_t(10 + i);
        }
        return t;
    }();
    return c < 128 ? kTable[c] : -1;
}

} // namespace msb
