// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QList>
#include <QString>
#include <QStringView>

#include <initializer_list>
#include <utility>

namespace msb {

/// A small string-keyed table filled once and then only read, for lookups once per attribute
/// (MISP type → rule, hash name → STIX key). QHash hashes a QString with SipHash on CPUs without
/// AES-NI dispatch, which cost more than the conversion rule itself; short keys need far less:
/// FNV-1a over the UTF-16 units and open addressing in a table kept at most half full.
template <typename T> class FixedStringMap
{
public:
    FixedStringMap() = default;
    FixedStringMap(std::initializer_list<std::pair<QString, T>> entries)
    {
        for (const auto &e : entries)
            insert(e.first, e.second);
    }

    /// Adds or replaces `key`.
    void insert(const QString &key, T value)
    {
        if ((m_size + 1) * 2 > m_slots.size())
            grow();
        Slot &slot = m_slots[probe(key)];
        if (!slot.used) {
            slot.used = true;
            slot.key = key;
            ++m_size;
        }
        slot.value = std::move(value);
    }

    const T *find(QStringView key) const
    {
        if (m_slots.isEmpty())
            return nullptr;
        const Slot &slot = m_slots[probe(key)];
        return slot.used ? &slot.value : nullptr;
    }
    bool contains(QStringView key) const { return find(key) != nullptr; }
    T value(QStringView key, const T &fallback = T()) const
    {
        const T *v = find(key);
        return v ? *v : fallback;
    }
    qsizetype size() const { return m_size; }

    QList<QString> keys() const
    {
        QList<QString> out;
        for (const Slot &s : m_slots) {
            if (s.used)
                out.append(s.key);
        }
        return out;
    }

private:
    struct Slot
    {
        QString key;
        T value {};
        bool used = false;
    };

    static size_t hash(QStringView key)
    {
        size_t h = 14695981039346656037ULL;
        for (const QChar c : key) {
            h ^= c.unicode();
            h *= 1099511628211ULL;
        }
        return h;
    }

    /// The slot holding `key`, or the free slot where it would go.
    qsizetype probe(QStringView key) const
    {
        const size_t mask = size_t(m_slots.size()) - 1;
        size_t i = hash(key) & mask;
        while (m_slots[qsizetype(i)].used && m_slots[qsizetype(i)].key != key)
            i = (i + 1) & mask;
        return qsizetype(i);
    }

    void grow()
    {
        QList<Slot> old = std::exchange(m_slots, QList<Slot>(m_slots.isEmpty() ? 16 : m_slots.size() * 2));
        m_size = 0;
        for (Slot &s : old) {
            if (s.used)
                insert(s.key, std::move(s.value));
        }
    }

    QList<Slot> m_slots; ///< size is 0 or a power of two
    qsizetype m_size = 0;
};

} // namespace msb
