#include "rivet/async/time.hpp"

#include "rivet/cortex_m/critical_section.hpp"

namespace rivet::async {

namespace {
// Written by tick() only; read whole in a critical section, since a 64-bit
// load is two loads an interrupt can come between.
volatile std::uint64_t ticks = 0;
detail::timer_node* queue = nullptr;

// What a due node asks for: its task woken, or its own function called.
void fire(detail::timer_node& node) noexcept {
    if (node.on_due != nullptr) {
        node.on_due(node);
    } else {
        wake(node.task);
    }
}
}  // namespace

clock::time_point clock::now() noexcept {
    return time_point{duration{static_cast<rep>(detail::now_ticks())}};
}

namespace detail {

std::uint64_t now_ticks() noexcept {
    const cortex_m::critical_section masked;
    return ticks;
}

void set_now(std::uint64_t value) noexcept {
    const cortex_m::critical_section masked;
    ticks = value;
}

void arm(timer_node& node) noexcept {
    const cortex_m::critical_section masked;
    if (node.armed) return;
    if (node.deadline <= ticks) {  // due already: no tick would come for it
        fire(node);
        return;
    }
    timer_node** link = &queue;
    while (*link != nullptr && (*link)->deadline <= node.deadline) link = &(*link)->next;
    node.next = *link;
    *link = &node;
    node.armed = true;
}

void disarm(timer_node& node) noexcept {
    const cortex_m::critical_section masked;
    if (!node.armed) return;
    for (timer_node** link = &queue; *link != nullptr; link = &(*link)->next) {
        if (*link == &node) {
            *link = node.next;
            break;
        }
    }
    node.armed = false;
}

}  // namespace detail

void tick() noexcept {
    const cortex_m::critical_section masked;
    const std::uint64_t now = ticks + 1;
    ticks = now;
    while (queue != nullptr && queue->deadline <= now) {
        detail::timer_node& due = *queue;
        queue = due.next;
        due.armed = false;
        fire(due);
    }
}

}  // namespace rivet::async
