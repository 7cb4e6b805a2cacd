#include "rivet/async/executor.hpp"

#include "rivet/cortex_m/critical_section.hpp"

namespace rivet::async {

namespace {
waker current = nullptr;
}

waker current_task() noexcept {
    return current;
}

void wake(waker task) noexcept {
    executor* owner;
    {
        const cortex_m::critical_section masked;
        if ((task->state & (detail::queued | detail::done)) != 0) return;
        task->state |= detail::queued;
        task->next = nullptr;
        owner = task->owner;
        if (owner->tail_ != nullptr) {
            owner->tail_->next = task;
        } else {
            owner->head_ = task;
        }
        owner->tail_ = task;
    }
    if (owner->notify_ != nullptr) owner->notify_();
}

void executor::adopt(task_header& header) noexcept {
    header.owner = this;
    header.state = 0;
    {
        const cortex_m::critical_section masked;
        live_ = live_ + 1;
    }
    wake(&header);
}

void executor::poll_all() noexcept {
    const waker outer = current;  // an interrupt executor may preempt another's poll
    for (;;) {
        task_header* task;
        {
            const cortex_m::critical_section masked;
            task = head_;
            if (task == nullptr) break;
            head_ = task->next;
            if (head_ == nullptr) tail_ = nullptr;
            task->state &= static_cast<std::uint8_t>(~detail::queued);
        }
        current = task;
        task->resume.resume();
    }
    current = outer;
}

void thread_executor::run() noexcept {
    while (live() != 0) {
        poll_all();
        // Sleep only if nothing became ready since the queue was seen
        // empty: with PRIMASK set an interrupt still ends WFI, and is
        // taken once PRIMASK clears.
        const std::uint32_t was = cortex_m::detail::primask();
        cortex_m::detail::mask_interrupts();
        if (idle() && live() != 0) {
#if defined(__arm__)
            asm volatile("dsb\n wfi" ::: "memory");
#endif
        }
        cortex_m::detail::set_primask(was);
    }
}

namespace detail {
void unqueue(waker task) noexcept {
    const cortex_m::critical_section masked;
    if ((task->state & queued) == 0) return;
    executor& owner = *task->owner;
    task_header* previous = nullptr;
    for (task_header* at = owner.head_; at != nullptr; previous = at, at = at->next) {
        if (at != task) continue;
        if (previous != nullptr) {
            previous->next = task->next;
        } else {
            owner.head_ = task->next;
        }
        if (owner.tail_ == task) owner.tail_ = previous;
        break;
    }
    task->state &= static_cast<std::uint8_t>(~queued);
}

void task_finished(task_header& header) noexcept {
    executor& owner = *header.owner;
    const cortex_m::critical_section masked;
    header.state = done;
    owner.live_ = owner.live_ - 1;
}
}  // namespace detail

}  // namespace rivet::async
