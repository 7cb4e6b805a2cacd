// What the chips' interrupt-driven I2C buses share (rivet/async/i2c/<chip>.hpp):
// the awaiter that hands a transaction to the bus's interrupt handler and
// suspends the task until the handler ends it.
//
// A bus type Bus (which makes transaction_awaiter<Bus> a friend) provides:
//   static bool busy();      a transaction is in flight
//   static void start(waker task, address target, std::span<operation> ops);
//                            called in a critical section: hands the
//                            transaction to the handler, which wakes `task`
//                            when it has ended (STOP sent)
//   static const result& outcome();  how the last transaction ended
#pragma once

#include <coroutine>
#include <span>

#include "rivet/async/executor.hpp"
#include "rivet/cortex_m/critical_section.hpp"
#include "rivet/hal/error.hpp"
#include "rivet/hal/i2c.hpp"

namespace rivet::async::i2c {

template <class Bus>
class transaction_awaiter {
public:
    using error_type = rivet::hal::i2c::error_kind;
    using result = rivet::hal::result<void, error_type>;

    transaction_awaiter(rivet::hal::i2c::address target,
                        std::span<rivet::hal::i2c::operation> operations) noexcept
        : target_(target), operations_(operations) {}

    bool await_ready() const noexcept { return false; }
    bool await_suspend(std::coroutine_handle<>) noexcept {
        const cortex_m::critical_section masked;
        if (Bus::busy()) {
            rejected_ = true;
            return false;
        }
        Bus::start(current_task(), target_, operations_);
        // Always suspends: the end of the transaction wakes the task, even
        // when it came before this returns.
        return true;
    }
    // One transaction at a time: another one started meanwhile fails with
    // kind `bus` and touches nothing.
    result await_resume() const noexcept {
        if (rejected_) return rivet::hal::failure(error_type::bus);
        return Bus::outcome();
    }

private:
    rivet::hal::i2c::address target_;
    std::span<rivet::hal::i2c::operation> operations_;
    bool rejected_ = false;
};

}  // namespace rivet::async::i2c
