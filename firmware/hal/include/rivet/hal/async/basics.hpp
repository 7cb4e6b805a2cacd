// What every async HAL interface shares: an operation returns an awaitable
// whose co_await gives the same result<T, E> the blocking call returns, and
// the concepts that state it. The contract an implementor keeps is written
// here once (and in firmware/hal/README.md, "Async interfaces").
//
//   auto got = co_await uart.read(buffer);  // result<std::size_t, E>, as blocking
//
// An implementor guarantees, for every operation of an async interface:
//  1. No busy-wait: while the operation waits the awaiting task is suspended
//     and the core is free (an executor with nothing ready sleeps in WFI); an
//     interrupt (or an event of the runtime) completes the operation and wakes
//     the task. Work that costs no waiting may complete at once, without
//     suspending (await_ready() true).
//  2. The result is the blocking operation's: the same result<T, E>, the same
//     error kinds, the same meaning of counts. Only co_await differs.
//  3. Buffers are borrowed until the co_await returns, not longer: nothing is
//     read from or written to them afterwards.
//  4. It completes once and wakes its task once.
//  5. One operation per direction at a time (one reader and one writer of a
//     serial port, one transaction of a bus): a second started while the
//     first waits is the caller's bug. Sharing is done above, by a mutex of
//     the runtime.
//  6. Cancellable where the interface says so: an operation with
//     start(waker) -> bool, cancel() -> bool, await_resume() takes part in
//     rivet::async::with_timeout (rivet/async/wait.hpp): a cancelled
//     operation has no further effect on the buffers.
//
// The awaitables are objects in the awaiting coroutine's frame (no heap). A
// helper that looped over several awaits would be a coroutine, whose frame
// only the runtime can reserve: whole-buffer operations are the device's own
// members instead, and the blocking adapters live with the runtime
// (firmware/async: rivet/async/block_on.hpp), as do the chips'
// implementations that wake its tasks (rivet/async/<what>/<chip>.hpp, like
// the time drivers).
#pragma once

#include <concepts>
#include <coroutine>
#include <utility>

#include "rivet/hal/error.hpp"

namespace rivet::hal::async {

// A type with the three awaiter methods (await_suspend may also return bool
// or a coroutine handle, and may be a template on the promise type).
template <class A>
concept awaiter = requires(A& a, std::coroutine_handle<> handle) {
    { a.await_ready() } -> std::convertible_to<bool>;
    a.await_suspend(handle);
    a.await_resume();
};

namespace detail {
// The awaiter co_await would use: operator co_await()'s result, or the
// object itself.
template <class A>
decltype(auto) awaiter_of(A&& awaitable) {
    if constexpr (requires { static_cast<A&&>(awaitable).operator co_await(); }) {
        return static_cast<A&&>(awaitable).operator co_await();
    } else {
        return static_cast<A&&>(awaitable);
    }
}
}  // namespace detail

// What co_await can take: an awaiter, or a type whose operator co_await()
// gives one.
template <class A>
concept awaitable = requires(A&& a) {
    { detail::awaiter_of(static_cast<A&&>(a)) } -> awaiter;
};

// The type `co_await a` gives.
template <awaitable A>
using await_result_t =
    decltype(std::declval<std::remove_cvref_t<decltype(detail::awaiter_of(std::declval<A>()))>&>()
                 .await_resume());

// A co_awaits to exactly T.
template <class A, class T>
concept awaitable_of = awaitable<A> && std::same_as<await_result_t<A>, T>;

// A co_awaits to a result<V, E>: the async form of result_of<V, E>, for
// stating the return type of an interface's operation.
template <class A, class V, class E>
concept awaits_result = awaitable<A> && result_of<await_result_t<A>, V, E>;

}  // namespace rivet::hal::async
