// Synchronisation between tasks, executors and interrupts. Every operation
// that does not wait (signal(), try_send(), try_receive(), release(),
// unlock(), publish()) may be called from an interrupt handler; the awaited
// ones from tasks. State changes happen in short critical sections
// (PRIMASK), and a value or a permit is handed straight to the first
// waiting task, so waiters are served first come, first served and a task
// that wakes always finds what it waited for. Costs: README.md.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <utility>

#include "rivet/async/wait.hpp"
#include "rivet/cortex_m/critical_section.hpp"

namespace rivet::async {

// The latest value wins: signal(v) completes the first waiting task with v,
// or, when none waits, stores v (replacing one not yet taken).
template <class T>
class signal {
public:
    void signal_value(T value) noexcept {
        const cortex_m::critical_section masked;
        if (detail::waiter* w = waiters_.pop()) {
            static_cast<wait_op&>(*w).value.emplace(std::move(value));
            detail::complete(*w);
        } else {
            value_.emplace(std::move(value));
        }
    }
    void operator()(T value) noexcept { signal_value(std::move(value)); }

    std::optional<T> try_take() noexcept {
        const cortex_m::critical_section masked;
        return std::exchange(value_, std::nullopt);
    }

    struct wait_op : detail::leaf<wait_op> {
        signal* owner;
        std::optional<T> value;
        bool try_complete() noexcept {
            if (!owner->value_) return false;
            value = std::exchange(owner->value_, std::nullopt);
            return true;
        }
        detail::wait_list& waiters() noexcept { return owner->waiters_; }
        T await_resume() noexcept { return std::move(*value); }
    };
    // co_await s.wait(): the value.
    wait_op wait() noexcept { return wait_op{{}, this, std::nullopt}; }

private:
    std::optional<T> value_;
    detail::wait_list waiters_;
};

// A bounded queue of N values between any number of senders and receivers.
template <class T, std::size_t N>
class channel {
    static_assert(N >= 1, "a channel holds at least one value");

public:
    // From anywhere: false when full (the value is not sent).
    bool try_send(T value) noexcept {
        const cortex_m::critical_section masked;
        return put(value);
    }
    // From anywhere: a value, or nullopt when empty.
    std::optional<T> try_receive() noexcept {
        const cortex_m::critical_section masked;
        std::optional<T> out;
        take(out);
        return out;
    }

    struct send_op : detail::leaf<send_op> {
        channel* owner;
        T value;
        bool try_complete() noexcept { return owner->put(value); }
        detail::wait_list& waiters() noexcept { return owner->senders_; }
        void await_resume() const noexcept {}
    };
    struct receive_op : detail::leaf<receive_op> {
        channel* owner;
        std::optional<T> value;
        bool try_complete() noexcept { return owner->take(value); }
        detail::wait_list& waiters() noexcept { return owner->receivers_; }
        T await_resume() noexcept { return std::move(*value); }
    };
    // co_await ch.send(v): waits while the channel is full.
    send_op send(T value) noexcept { return send_op{{}, this, std::move(value)}; }
    // co_await ch.receive(): waits while it is empty.
    receive_op receive() noexcept { return receive_op{{}, this, std::nullopt}; }

    [[nodiscard]] std::size_t size() const noexcept { return count_; }

private:
    // In a critical section: to a waiting receiver, else into the buffer.
    bool put(T& value) noexcept {
        if (detail::waiter* w = receivers_.pop()) {
            static_cast<receive_op&>(*w).value.emplace(std::move(value));
            detail::complete(*w);
            return true;
        }
        if (count_ == N) return false;
        slots_[(head_ + count_) % N] = std::move(value);
        ++count_;
        return true;
    }
    // In a critical section: from the buffer, which a waiting sender refills.
    bool take(std::optional<T>& out) noexcept {
        if (count_ == 0) return false;
        out.emplace(std::move(slots_[head_]));
        head_ = (head_ + 1) % N;
        --count_;
        if (detail::waiter* w = senders_.pop()) {
            slots_[(head_ + count_) % N] = std::move(static_cast<send_op&>(*w).value);
            ++count_;
            detail::complete(*w);
        }
        return true;
    }

    std::array<T, N> slots_{};
    std::size_t head_ = 0;
    std::size_t count_ = 0;
    detail::wait_list senders_;
    detail::wait_list receivers_;
};

// Counting permits: acquire(n) waits until n are free, in the order the
// tasks asked (a large request is not overtaken by small ones).
class semaphore {
public:
    constexpr explicit semaphore(std::uint32_t permits) noexcept : permits_(permits) {}

    // From anywhere.
    void release(std::uint32_t n = 1) noexcept {
        const cortex_m::critical_section masked;
        permits_ += n;
        while (!waiters_.empty()) {
            auto& first = static_cast<acquire_op&>(*waiters_.head);
            if (first.wanted > permits_) break;
            permits_ -= first.wanted;
            waiters_.pop();
            detail::complete(first);
        }
    }
    // From anywhere: takes n permits if free and nobody waits.
    bool try_acquire(std::uint32_t n = 1) noexcept {
        const cortex_m::critical_section masked;
        return take(n);
    }
    [[nodiscard]] std::uint32_t available() const noexcept { return permits_; }

    struct acquire_op : detail::leaf<acquire_op> {
        semaphore* owner;
        std::uint32_t wanted;
        bool try_complete() noexcept { return owner->take(wanted); }
        detail::wait_list& waiters() noexcept { return owner->waiters_; }
        void await_resume() const noexcept {}
    };
    acquire_op acquire(std::uint32_t n = 1) noexcept { return acquire_op{{}, this, n}; }

private:
    bool take(std::uint32_t n) noexcept {
        if (!waiters_.empty() || permits_ < n) return false;
        permits_ -= n;
        return true;
    }
    std::uint32_t permits_;
    detail::wait_list waiters_;
};

// A mutex for tasks: lock() waits, first come first served, and gives a
// guard that unlocks when it goes (handing the lock to the next waiter).
class mutex {
public:
    class [[nodiscard]] guard {
    public:
        explicit guard(mutex* m) noexcept : mutex_(m) {}
        guard(guard&& other) noexcept : mutex_(std::exchange(other.mutex_, nullptr)) {}
        guard(const guard&) = delete;
        guard& operator=(const guard&) = delete;
        guard& operator=(guard&&) = delete;
        ~guard() {
            if (mutex_ != nullptr) mutex_->unlock();
        }

    private:
        mutex* mutex_;
    };

    struct lock_op : detail::leaf<lock_op> {
        mutex* owner;
        bool try_complete() noexcept {
            if (owner->locked_) return false;
            owner->locked_ = true;
            return true;
        }
        detail::wait_list& waiters() noexcept { return owner->waiters_; }
        guard await_resume() noexcept { return guard{owner}; }
    };
    lock_op lock() noexcept { return lock_op{{}, this}; }
    std::optional<guard> try_lock() noexcept {
        const cortex_m::critical_section masked;
        if (locked_) return std::nullopt;
        locked_ = true;
        return guard{this};
    }
    [[nodiscard]] bool locked() const noexcept { return locked_; }

private:
    void unlock() noexcept {
        const cortex_m::critical_section masked;
        if (detail::waiter* w = waiters_.pop()) {
            detail::complete(*w);  // stays locked: the lock passes to w
        } else {
            locked_ = false;
        }
    }
    bool locked_ = false;
    detail::wait_list waiters_;
};

// Publish/subscribe: publish() (never waits, from anywhere) puts a message
// in a ring of N that every subscriber reads at its own pace; a subscriber
// more than N messages behind loses the oldest ones and is told how many.
template <class T, std::size_t N>
class pubsub {
public:
    void publish(const T& message) noexcept {
        const cortex_m::critical_section masked;
        ring_[published_ % N] = message;
        ++published_;
        while (detail::waiter* w = waiters_.pop()) detail::complete(*w);
    }

    class subscriber {
    public:
        explicit subscriber(pubsub* p) noexcept : owner_(p), next_(p->published_) {}
        struct next_op : detail::leaf<next_op> {
            subscriber* sub;
            std::optional<T> value;
            bool try_complete() noexcept { return sub->take(value); }
            detail::wait_list& waiters() noexcept { return sub->owner_->waiters_; }
            T await_resume() noexcept {
                if (!value) {  // woken by publish(): the message is there now
                    const cortex_m::critical_section masked;
                    sub->take(value);
                }
                return std::move(*value);
            }
        };
        // co_await sub.next(): the next message.
        next_op next() noexcept { return next_op{{}, this, std::nullopt}; }
        // Messages lost to overwriting so far.
        [[nodiscard]] std::uint32_t lost() const noexcept { return lost_; }

    private:
        friend pubsub;
        bool take(std::optional<T>& out) noexcept {
            const std::uint32_t published = owner_->published_;
            if (next_ == published) return false;
            if (published - next_ > N) {
                lost_ += published - next_ - N;
                next_ = published - N;
            }
            out.emplace(owner_->ring_[next_ % N]);
            ++next_;
            return true;
        }
        pubsub* owner_;
        std::uint32_t next_;
        std::uint32_t lost_ = 0;
    };
    subscriber subscribe() noexcept {
        const cortex_m::critical_section masked;
        return subscriber{this};
    }

private:
    std::array<T, N> ring_{};
    std::uint32_t published_ = 0;
    detail::wait_list waiters_;
};

}  // namespace rivet::async
