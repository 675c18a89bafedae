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
        for (char16_t d = u'0'; d <= u'9'; ++d)
            t[d] = std::int8_t(d - u'0');
        for (char16_t d = u'a'; d <= u'f'; ++d) {
            t[d] = std::int8_t(d - u'a' + 10);
            t[d - u'a' + u'A'] = std::int8_t(d - u'a' + 10);
        }
        return t;
    }();
    return c < 128 ? kTable[c] : -1;
}

} // namespace msb
