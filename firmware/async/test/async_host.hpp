// For host tests of the interrupt-driven drivers (firmware/async) on the
// register recorder:
// - a fixture that maps the System Control Space page (0xE000E000, the
//   NVIC's registers) as plain memory, so that the NVIC calls of
//   rivet/cortex_m/nvic.hpp land there and can be read back (under a
//   sanitizer whose shadow covers that address the mapping fails and the
//   test is skipped);
// - a task of the executor (the real one, compiled for the host) that
//   awaits one operation, so that the operation sees current_task() and
//   its wake resumes it.
#pragma once

#include <gtest/gtest.h>
#include <sys/mman.h>

#include <coroutine>
#include <cstdint>
#include <exception>

#include <rivet/async/executor.hpp>

namespace rivet::testing {

class nvic_page : public ::testing::Test {
protected:
    static constexpr std::uintptr_t base = 0xE000E000;

    void SetUp() override {
        void* page = mmap(reinterpret_cast<void*>(base), 0x1000, PROT_READ | PROT_WRITE,
                          MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
        if (page != reinterpret_cast<void*>(base)) {
            if (page != MAP_FAILED) munmap(page, 0x1000);
            GTEST_SKIP() << "cannot map the NVIC's page at 0xE000E000 (a sanitizer's shadow?)";
        }
        mapped_ = true;
    }
    void TearDown() override {
        if (mapped_) munmap(reinterpret_cast<void*>(base), 0x1000);
    }

    static std::uint32_t word(std::uintptr_t address) {
        return *reinterpret_cast<volatile std::uint32_t*>(address);
    }

private:
    bool mapped_ = false;
};

// `co_await op` as a task of `executor`: spawn polls it up to its first
// suspension, finished() says whether it ran to the end.
class awaiting_task {
public:
    struct promise_type {
        awaiting_task get_return_object() {
            return awaiting_task{std::coroutine_handle<promise_type>::from_promise(*this)};
        }
        std::suspend_always initial_suspend() noexcept { return {}; }
        std::suspend_always final_suspend() noexcept { return {}; }
        void return_void() noexcept {}
        void unhandled_exception() { std::terminate(); }
    };
    explicit awaiting_task(std::coroutine_handle<promise_type> handle) : handle_(handle) {}
    awaiting_task(const awaiting_task&) = delete;
    ~awaiting_task() { handle_.destroy(); }

    void spawn(rivet::async::executor& executor) {
        header_.resume = handle_;
        struct adopted {
            rivet::async::task_header* header;
            rivet::async::task_header* release_header() { return header; }
        };
        executor.spawn(adopted{&header_});
        executor.poll_all();
    }
    bool woken() const { return (header_.state & rivet::async::detail::queued) != 0; }
    bool finished() const { return handle_.done(); }

private:
    std::coroutine_handle<promise_type> handle_;
    rivet::async::task_header header_;
};

template <class Operation, class Result>
awaiting_task await_into(Operation& op, Result& result) {
    result = co_await op;
}
template <class Operation>
awaiting_task await_only(Operation& op) {
    co_await op;
}

}  // namespace rivet::testing
