// drf/signals/receiver.hpp — what a receiver is (the ReceiverFor concept), how it is connected
// (ConnectOptions), and how it is listed and reported (ReceiverInfo, ReceiverResult).
#pragma once

#include <drf/signals/sender.hpp>

#include <cstdint>
#include <exception>
#include <string>
#include <type_traits>

namespace drf::signals {

// How a receiver is connected: connect(receiver, {.sender = sender_of<User>(), .dispatch_uid = "..."}).
struct ConnectOptions {
    Sender sender = any_sender;     // call the receiver only for sends from this sender
    std::string dispatch_uid = {};  // a second connect with the same (dispatch_uid, sender) is a no-op, as in Django
    std::string name = {};          // for receivers() and traces; defaults to dispatch_uid, then the receiver's type
};

// One connected receiver, as receivers() lists it and send_robust() reports it.
struct ReceiverInfo {
    std::string name = {};          // the name given, else the dispatch_uid, else the receiver's type, else "receiver #<order>"
    std::string dispatch_uid = {};  // empty when connected without one
    Sender sender = {};             // the sender filter; key == nullptr when it hears every sender
    std::uint64_t order = 0;        // registration order within its signal, from 0
};

// What send_robust() returns per receiver called, as Django returns (receiver, response) pairs.
struct ReceiverResult {
    ReceiverInfo receiver = {};
    std::exception_ptr error = {};  // null when the receiver returned normally
};

namespace detail {

// Receivers see each argument as an lvalue: references as declared, values as const& so no receiver
// pays a copy and none can change what the next one sees.
template <class A>
using arg_t = std::conditional_t<std::is_reference_v<A>, A, const A&>;

template <class F, class... Args>
concept plain_receiver =
    std::is_invocable_v<F&, arg_t<Args>...> && std::is_void_v<std::invoke_result_t<F&, arg_t<Args>...>>;

template <class F, class... Args>
concept sender_receiver = std::is_invocable_v<F&, const Sender&, arg_t<Args>...> &&
                          std::is_void_v<std::invoke_result_t<F&, const Sender&, arg_t<Args>...>>;

}  // namespace detail

// A receiver callable as void(Args...) or void(const Sender&, Args...), where a value argument A is
// passed as const A& and a reference argument as declared.
template <class F, class... Args>
concept ReceiverFor =
    detail::plain_receiver<std::decay_t<F>, Args...> || detail::sender_receiver<std::decay_t<F>, Args...>;

}  // namespace drf::signals
