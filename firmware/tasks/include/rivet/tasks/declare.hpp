// What an application declares for the SRP task framework: resources (data
// tasks share, or data one task owns) and tasks (hardware tasks bound to an
// interrupt, software tasks run by a dispatcher interrupt, async software
// tasks, and the idle task of thread mode), each with its priority and the
// resources it uses. Declarations are types; rivet/tasks/app.hpp puts them
// together, computes the ceilings and checks the whole when compiling.
//
//   struct counter : tasks::shared<std::uint32_t> {};
//   struct sampler : tasks::hardware_task<irq::timer0a, 2, tasks::uses<counter>> {
//       static void run(auto cx) { cx.lock(counter{}, [](std::uint32_t& n) { ++n; }); }
//   };
//
// Priorities are logical, as in RTIC and the SRP literature: 1 is the least
// urgent task, 2^nvic_prio_bits the most urgent, 0 is thread mode (idle).
// The NVIC priority of a task is 2^nvic_prio_bits - priority.
#pragma once

#include <cstddef>
#include <type_traits>

namespace rivet::tasks {

// A resource several tasks use, reached through lock(): `struct name :
// shared<T> {};`. Its value is value-initialised (set it in the init of
// app::start), one per resource type.
template <class T>
struct shared {
    using value_type = T;
    static constexpr bool is_local = false;
};

// A resource that one task owns, reached without a lock (cx.local(r)).
template <class T>
struct local {
    using value_type = T;
    static constexpr bool is_local = true;
};

template <class R>
concept resource = std::is_class_v<R> && std::is_empty_v<R> && requires {
    typename R::value_type;
    { R::is_local } -> std::convertible_to<bool>;
};

// The resources a task uses; using one that is not listed does not compile.
template <class... Resources>
struct uses {
    static_assert((resource<Resources> && ...),
                  "tasks::uses<...> takes resources: struct r : tasks::shared<T> {} or "
                  "tasks::local<T>");
};

enum class kind : unsigned char { hardware, software, async, idle };

namespace detail {
template <class Uses>
inline constexpr bool is_uses = false;
template <class... Resources>
inline constexpr bool is_uses<uses<Resources...>> = true;
}  // namespace detail

// A task that an interrupt runs: its handler calls `static void run(auto cx)`.
// The task clears what raised the interrupt.
template <auto Irq, unsigned Priority, class Uses = uses<>>
struct hardware_task {
    static_assert(detail::is_uses<Uses>, "the third argument is tasks::uses<...>");
    static constexpr kind task_kind = kind::hardware;
    static constexpr auto irq = Irq;
    static constexpr unsigned priority = Priority;
    using resources = Uses;
};

// A task that others spawn with arguments, `static void run(auto cx, Args...)`,
// queued (at most Capacity waiting) and run by the dispatcher interrupt of
// its priority.
template <unsigned Priority, std::size_t Capacity = 1, class Uses = uses<>>
struct software_task {
    static_assert(detail::is_uses<Uses>, "the third argument is tasks::uses<...>");
    static_assert(Capacity >= 1 && Capacity <= 255,
                  "a software task queues 1 to 255 spawns (Capacity)");
    static constexpr kind task_kind = kind::software;
    static constexpr unsigned priority = Priority;
    static constexpr std::size_t capacity = Capacity;
    using resources = Uses;
};

// A software task that awaits (RTIC 2): `static rivet::task<void,
// rivet::frames<"name", Bytes, Count>> run(auto cx, Args...)`, a coroutine
// on the async executor of its dispatcher. Its frame pool bounds how many
// run at once (Count); the context is taken by value.
template <unsigned Priority, class Uses = uses<>>
struct async_task {
    static_assert(detail::is_uses<Uses>, "the second argument is tasks::uses<...>");
    static constexpr kind task_kind = kind::async;
    static constexpr unsigned priority = Priority;
    using resources = Uses;
};

// Thread mode, below every task: `static int run(auto cx)` (app::idle()).
template <class Uses = uses<>>
struct idle_task {
    static_assert(detail::is_uses<Uses>, "the argument is tasks::uses<...>");
    static constexpr kind task_kind = kind::idle;
    static constexpr unsigned priority = 0;
    using resources = Uses;
};

template <class T>
concept task = requires {
    { T::task_kind } -> std::convertible_to<kind>;
    { T::priority } -> std::convertible_to<unsigned>;
    typename T::resources;
};

// The interrupts that run software tasks, listed by the application: the
// least urgent priority of software tasks takes the first, the next one the
// second, and so on. Interrupts nothing else uses (the nRF51's SWIn, lines
// of peripherals the firmware leaves off).
template <auto... Irqs>
struct dispatchers {};

// What spawn gives: full when the task's queue (or its frame pool) has no
// room, and the arguments are dropped.
enum class [[nodiscard]] spawn_result : unsigned char { ok, full };

}  // namespace rivet::tasks
