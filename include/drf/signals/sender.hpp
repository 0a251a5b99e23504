// drf/signals/sender.hpp — Sender, who sent a signal: an identity plus a name, sender_of<T>() for a type.
#pragma once

#include <drf/core/type_name.hpp>

#include <string_view>
#include <type_traits>

namespace drf::signals {

// Who sent a signal. Django passes the model class as `sender`; here a sender is an identity (the
// address of a per-type tag, or of any object you choose) plus a name for listings and traces.
// Two senders are the same sender when their keys are equal; the name is for people only, and must
// outlive the signals it is used with (a string literal, or the name sender_of<T>() supplies).
struct Sender {
    const void* key = nullptr;
    std::string_view name = {};

    friend constexpr bool operator==(const Sender& a, const Sender& b) noexcept { return a.key == b.key; }
};

// No sender. As a connect filter it means "every sender"; as the sender of a send it means "nobody in
// particular", and only receivers connected without a sender filter are called (Django's sender=None).
inline constexpr Sender any_sender{};

namespace detail {
// One object per type; its address is the type's sender key. Not const, so no linker folds two into one.
template <class T>
inline char sender_key = 0;
}  // namespace detail

// The sender that stands for T, named after T without namespaces: sender_of<User>().name == "User".
template <class T>
constexpr Sender sender_of() noexcept {
    using U = std::remove_cvref_t<T>;
    return {&detail::sender_key<U>, drf::type_name<U>()};
}

// The same identity as sender_of<T>(), with a name of your choosing.
template <class T>
constexpr Sender sender_of(std::string_view name) noexcept {
    return {&detail::sender_key<std::remove_cvref_t<T>>, name};
}

}  // namespace drf::signals
