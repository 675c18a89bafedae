// SPDX-License-Identifier: BSD-2-Clause
#pragma once

#include <QString>

#include <utility>
#include <variant>

namespace msb {

/// A failure with a code for branching and a message already fit for a person to read.
struct Error
{
    enum class Code {
        Other,
        InvalidInput,
        NotFound,
        Network,
        Timeout,
        Tls,
        Authentication,
        Authorization,
        RateLimited,
        Server,
        Configuration,
        KeychainUnavailable,
        KeychainDenied,
        Cancelled,
    };
    Code code = Code::Other;
    QString message;
    int httpStatus = 0;
};

/// An expected-like value: either a T or an Error. std::expected needs C++23.
template <typename T> class Result
{
public:
    Result(T value)
        : m_value(std::move(value))
    { }
    Result(Error error)
        : m_value(std::move(error))
    { }

    bool ok() const { return std::holds_alternative<T>(m_value); }
    explicit operator bool() const { return ok(); }
    const T &value() const & { return std::get<T>(m_value); }
    T &value() & { return std::get<T>(m_value); }
    T &&value() && { return std::get<T>(std::move(m_value)); }
    const Error &error() const { return std::get<Error>(m_value); }

private:
    std::variant<T, Error> m_value;
};

/// Result of an operation that yields nothing but success or an Error.
struct Done
{
};
using Status = Result<Done>;

} // namespace msb
