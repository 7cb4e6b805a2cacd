// Awaiting a PL081 DMA transfer (the MPS2 AN505's DMA0..DMA3): the task
// that awaits it lends the buffers for exactly as long as it is suspended.
//
//   using dma0 = rivet::async::dma::pl081<0>;
//   RIVET_BIND_INTERRUPTS(dma0::binding, ...);
//   dma0::start();                                    // controller on, its interrupt enabled
//   co_await dma0::transfer<0>(rivet::hal::dma::copy(from, to));
//
// The transfer starts when the task suspends on it, not when it is written
// down, and the task resumes from the controller's terminal-count
// interrupt once the last item is done; meanwhile other tasks run and the
// executor sleeps. A task destroyed while it waits stops the channel before
// its frame (and the linked list in it) goes. The result is false when the
// controller reported a bus error.
#pragma once

#include <cstddef>
#include <utility>

#include "rivet/async/wait.hpp"
#include "rivet/cmsdk/dma.hpp"
#include "rivet/cortex_m/critical_section.hpp"
#include "rivet/cortex_m/interrupts.hpp"
#include "rivet/cortex_m/nvic.hpp"

namespace rivet::async::dma {

namespace detail {
// The task waiting on a channel, and how its transfer ended.
template <class Channel>
struct completion {
    static inline async::detail::wait_list waiters;
    static inline bool failed = false;
};

template <class Channel>
void finish() noexcept {
    if (!Channel::finished() && !Channel::failed()) return;
    const cortex_m::critical_section masked;
    completion<Channel>::failed = Channel::failed();
    Channel::clear();
    if (async::detail::waiter* w = completion<Channel>::waiters.pop()) async::detail::complete(*w);
}
}  // namespace detail

// co_await one transfer on Channel (a rivet::cmsdk::dma::channel).
template <class Channel, class... Items>
class [[nodiscard]] transfer_op : public async::detail::leaf<transfer_op<Channel, Items...>> {
public:
    explicit transfer_op(const Items&... items) noexcept : transfer_(items...) {}
    transfer_op(const transfer_op&) = delete;
    transfer_op& operator=(const transfer_op&) = delete;
    // Leaves the waiters if the task is destroyed while it waits; the
    // transfer's own destructor then stops the channel.
    ~transfer_op() { (void)this->cancel(); }

    // In a critical section (leaf::start): starts the channel, and is done
    // at once when the controller already is (QEMU's PL081 moves everything
    // while the channel is being enabled).
    bool try_complete() noexcept {
        if (!std::exchange(started_, true)) {
            detail::completion<Channel>::failed = false;
            transfer_.start();
        }
        if (!transfer_.done()) return false;
        detail::completion<Channel>::failed = Channel::failed();
        transfer_.finish();
        return true;
    }
    async::detail::wait_list& waiters() noexcept { return detail::completion<Channel>::waiters; }
    bool await_resume() noexcept {
        transfer_.finish();
        return !detail::completion<Channel>::failed;
    }

private:
    typename Channel::template transfer<Items...> transfer_;
    bool started_ = false;
};

// Controller Index (0..3) for tasks: its interrupt binding, start(), and
// transfers on its channels.
template <unsigned Index, unsigned Priority = 0>
struct pl081 {
    using controller = cmsdk::dma::controller<Index>;
    static constexpr auto irq = controller::irq;

    // Completes the task waiting on each channel that finished or failed.
    static void on_interrupt() noexcept {
        detail::finish<typename controller::template channel<0>>();
        detail::finish<typename controller::template channel<1>>();
    }
    using binding = cortex_m::bind<irq, on_interrupt>;

    static void start() noexcept {
        controller::enable();
        cortex_m::nvic::set_priority<irq, Priority>();
        cortex_m::nvic::enable<irq>();
    }

    template <unsigned Channel, class... Items>
    static transfer_op<typename controller::template channel<Channel>, Items...> transfer(
        const Items&... items) noexcept {
        return transfer_op<typename controller::template channel<Channel>, Items...>(items...);
    }
};

}  // namespace rivet::async::dma
