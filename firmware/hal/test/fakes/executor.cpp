// The executor hooks of rivet/hal/async/awaitable.hpp for host tests: one
// task (fake_waker()), whose wakes fake_executor counts.
#include "fakes/async.hpp"

namespace rivet::hal::async {

waker current_waker() noexcept {
    return fakes::fake_waker();
}

void wake(waker task) noexcept {
    ++fakes::fake_executor::wakes;
    fakes::fake_executor::last_woken = task;
}

}  // namespace rivet::hal::async
