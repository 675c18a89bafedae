// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QUuid>

#include <cstdint>
#include <cstring>
#include <vector>

namespace msb {

/// The set of STIX ids (as uuids) a conversion has emitted, for "duplicate id" drops: one insert
/// per indicator, a million in a large event. Open addressing over 128-bit keys in one flat array
/// (kept at most half full) costs one memory access per insert, where QSet<QUuid> walks its
/// spans and entries separately. The all-zero key marks a free slot; the nil uuid is held aside.
class UuidSet
{
public:
    /// True when `uuid` was not in the set yet (it is now).
    bool insert(const QUuid &uuid)
    {
        const Key k = keyOf(uuid);
        if (k.hi == 0 && k.lo == 0) {
            const bool added = !m_hasNil;
            m_hasNil = true;
            m_size += added ? 1 : 0;
            return added;
        }
        if ((m_size + 1) * 2 > m_slots.size())
            rehash(m_slots.empty() ? 1024 : m_slots.size() * 2);
        Key &slot = m_slots[find(k)];
        if (slot.hi == k.hi && slot.lo == k.lo)
            return false;
        slot = k;
        ++m_size;
        return true;
    }
    bool contains(const QUuid &uuid) const
    {
        const Key k = keyOf(uuid);
        if (k.hi == 0 && k.lo == 0)
            return m_hasNil;
        if (m_slots.empty())
            return false;
        const Key &slot = m_slots[find(k)];
        return slot.hi == k.hi && slot.lo == k.lo;
    }
    /// Makes room for `count` uuids in all without growing on the way.
    void reserve(std::size_t count)
    {
        std::size_t n = m_slots.empty() ? 1024 : m_slots.size();
        while (n < count * 2)
            n *= 2;
        if (n != m_slots.size())
            rehash(n);
    }
    std::size_t size() const { return m_size; }
    void clear()
    {
        m_slots.clear();
        m_size = 0;
        m_hasNil = false;
    }

private:
    struct Key
    {
        std::uint64_t hi = 0;
        std::uint64_t lo = 0;
    };

    static Key keyOf(const QUuid &u)
    {
        Key k;
        k.hi = (std::uint64_t(u.data1) << 32) | (std::uint64_t(u.data2) << 16) | u.data3;
        std::memcpy(&k.lo, u.data4, sizeof k.lo);
        return k;
    }

    std::size_t find(const Key &k) const
    {
        // Every key bit reaches the slot index (MurmurHash3's finaliser): hand-made uuids that
        // differ only in their last digits must not share a probe chain.
        std::uint64_t h = (k.hi * 0x9E3779B97F4A7C15ULL) ^ k.lo;
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDULL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53ULL;
        h ^= h >> 33;
        const std::size_t mask = m_slots.size() - 1;
        std::size_t i = std::size_t(h) & mask;
        while ((m_slots[i].hi != 0 || m_slots[i].lo != 0) && (m_slots[i].hi != k.hi || m_slots[i].lo != k.lo))
            i = (i + 1) & mask;
        return i;
    }

    void rehash(std::size_t slots)
    {
        std::vector<Key> old = std::move(m_slots);
        m_slots.assign(slots, Key {});
        for (const Key &k : old) {
            if (k.hi != 0 || k.lo != 0)
                m_slots[find(k)] = k;
        }
    }

    std::vector<Key> m_slots; ///< size is 0 or a power of two
    std::size_t m_size = 0;
    bool m_hasNil = false;
};

} // namespace msb
