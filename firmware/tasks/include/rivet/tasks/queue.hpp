// The queues of software tasks: each task has Capacity slots for the
// arguments of its waiting spawns (free ones on a list of the task's), and
// each dispatcher interrupt a first-in first-out queue of ready slots, which
// its handler empties. A slot also holds the timer node of a delayed spawn
// (spawn_at, spawn_after), in the async runtime's timer queue until due.
// Every change of a list is a PRIMASK critical section of a few
// instructions: spawns come from any priority and from the tick.
#pragma once

#include <cstddef>
#include <cstdint>
#include <new>
#include <tuple>
#include <type_traits>
#include <utility>

#include "rivet/async/time.hpp"
#include "rivet/cortex_m/critical_section.hpp"
#include "rivet/cortex_m/nvic.hpp"

namespace rivet::tasks::detail {

struct slot_header {
    async::detail::timer_node timer;  // first, so that a due node is its slot
    slot_header* next = nullptr;      // the task's free list, or a ready queue
    void (*run)(slot_header&) = nullptr;
};
static_assert(std::is_standard_layout_v<slot_header>);

template <class Message>
struct slot : slot_header {
    alignas(Message) unsigned char message[sizeof(Message)];
};

struct ready_queue {
    slot_header* head = nullptr;
    slot_header* tail = nullptr;
};

template <auto Dispatcher>
inline constinit ready_queue ready{};

// In a critical section.
template <auto Dispatcher>
inline void make_ready(slot_header& s) noexcept {
    ready_queue& queue = ready<Dispatcher>;
    s.next = nullptr;
    if (queue.tail != nullptr) {
        queue.tail->next = &s;
    } else {
        queue.head = &s;
    }
    queue.tail = &s;
}

// A delayed spawn's timer is due (in the tick's critical section).
template <auto Dispatcher>
void on_due(async::detail::timer_node& node) noexcept {
    make_ready<Dispatcher>(*reinterpret_cast<slot_header*>(&node));
    cortex_m::nvic::pend<Dispatcher>();
}

// The dispatcher's handler: runs its ready slots in the order they came.
template <auto Dispatcher>
inline void run_ready() noexcept {
    ready_queue& queue = ready<Dispatcher>;
    for (;;) {
        slot_header* s;
        {
            const cortex_m::critical_section masked;
            s = queue.head;
            if (s == nullptr) return;
            queue.head = s->next;
            if (queue.head == nullptr) queue.tail = nullptr;
        }
        s->run(*s);
    }
}

// A task's slots: the free list, and those never taken (slots[unused..]),
// so that the whole is zero at reset (.bss) and needs no start-up code.
template <class Message, std::size_t Capacity>
struct task_slots {
    slot<Message> slots[Capacity];
    slot_header* free = nullptr;
    std::uint8_t unused = 0;

    // In a critical section; null when every slot is taken.
    slot<Message>* take() noexcept {
        if (free != nullptr) {
            slot_header* s = free;
            free = s->next;
            return static_cast<slot<Message>*>(s);
        }
        if (unused < Capacity) return &slots[unused++];
        return nullptr;
    }
    void give(slot_header& s) noexcept {
        const cortex_m::critical_section masked;
        s.next = free;
        free = &s;
    }
};

template <class Task, class Message>
inline constinit task_slots<Message, Task::capacity> slots_of{};

// A software task's function as the slot runs it: the arguments are moved
// out and the slot given back first, so the task may spawn itself again.
template <class Task, class Message, class Context>
void run_slot(slot_header& header) noexcept {
    auto& s = static_cast<slot<Message>&>(header);
    Message* stored = std::launder(reinterpret_cast<Message*>(s.message));
    Message message = std::move(*stored);
    stored->~Message();
    slots_of<Task, Message>.give(header);
    std::apply(
        [](auto&&... args) {
            Context cx;
            Task::run(cx, std::move(args)...);
        },
        std::move(message));
}

// Takes a slot of Task and fills it, in a critical section; null when the
// queue is full.
template <class Task, class Message, class Context, class... Args>
slot<Message>* fill_slot(Args&&... args) noexcept {
    slot<Message>* s = slots_of<Task, Message>.take();
    if (s == nullptr) return nullptr;
    ::new (static_cast<void*>(s->message)) Message(std::forward<Args>(args)...);
    s->run = &run_slot<Task, Message, Context>;
    return s;
}

}  // namespace rivet::tasks::detail
