// An application of interrupt-driven tasks under the Stack Resource Policy
// (RTIC-class): its chip, the dispatcher interrupts of its software tasks,
// and its tasks (rivet/tasks/declare.hpp). When compiling, it checks the
// whole, computes each resource's ceiling (the most urgent priority of the
// tasks that use it) and the handlers of the vector table.
//
//   using app = tasks::app<irq, tasks::dispatchers<irq::swi0>, sampler, logger>;
//   RIVET_BIND_INTERRUPTS(app::bindings, time_driver::binding);
//   int main() { time_driver::start(); app::start(); return app::idle(); }
//
// A task runs with a context, cx: cx.lock(r, f) runs f(value) with the
// tasks up to r's ceiling kept out (free when the ceiling is the task's own
// priority), cx.local(r) gives a local resource, tasks::spawn<task>(cx,
// args...) queues a software task, tasks::spawn_after<task>(cx, 10ms, ...) and
// spawn_at<task>(cx, t, ...) on the async runtime's clock.
#pragma once

#include <algorithm>
#include <array>
#include <chrono>
#include <cstddef>
#include <tuple>
#include <type_traits>
#include <utility>

#include "rivet/async/interrupt_executor.hpp"
#include "rivet/async/time.hpp"
#include "rivet/cortex_m/critical_section.hpp"
#include "rivet/cortex_m/device.hpp"
#include "rivet/cortex_m/interrupt_mask.hpp"
#include "rivet/cortex_m/interrupts.hpp"
#include "rivet/cortex_m/nvic.hpp"
#include "rivet/tasks/declare.hpp"
#include "rivet/tasks/lock.hpp"
#include "rivet/tasks/queue.hpp"

namespace rivet::tasks {

namespace detail {

// Each resource's value, one per resource type.
template <class R>
inline constinit typename R::value_type storage{};

template <class R, class Uses>
inline constexpr bool lists = false;
template <class R, class... Resources>
inline constexpr bool lists<R, uses<Resources...>> = (std::is_same_v<R, Resources> || ...);

// The arguments of a task's `run(auto cx, Args...)` after the context.
template <class F>
struct run_signature;
template <class R, class Context, class... Args>
struct run_signature<R (*)(Context, Args...)> {
    using message = std::tuple<std::remove_cvref_t<Args>...>;
    using result = R;
};
template <class Task, class Context>
concept runs_with_context = requires { &Task::template run<Context>; };

}  // namespace detail

template <class App, class Task>
class context;

template <class Irq, class Dispatchers, class... Tasks>
class app;

template <class Irq, auto... Dispatchers, class... Tasks>
class app<Irq, dispatchers<Dispatchers...>, Tasks...> {
    static_assert(cortex_m::device_irq<Irq>,
                  "tasks::app<Irq, ...>: Irq is the chip's interrupt enum (board::irq)");
    static_assert((task<Tasks> && ...),
                  "tasks::app takes tasks: structs deriving from tasks::hardware_task, "
                  "software_task, async_task or idle_task");

public:
    using irq = Irq;
    static constexpr unsigned levels = cortex_m::priority_levels<Irq>;

    template <class Task>
    static constexpr bool has_task = (std::is_same_v<Task, Tasks> || ...);

    // Whether Task lists R in its uses<...>.
    template <class Task, class R>
    static constexpr bool declares = detail::lists<R, typename Task::resources>;

    // The most urgent priority of the tasks that use R (0: only idle).
    template <resource R>
    static constexpr unsigned ceiling =
        std::max({0u, (declares<Tasks, R> ? unsigned{Tasks::priority} : 0u)...});

    template <resource R>
    static constexpr unsigned users = (0u + ... + (declares<Tasks, R> ? 1u : 0u));

    // The priorities of software and async tasks, least urgent first: the
    // i-th takes the i-th dispatcher.
    static constexpr auto software_levels = [] {
        std::array<bool, 256> seen{};
        ((Tasks::task_kind == kind::software || Tasks::task_kind == kind::async
              ? void(seen[Tasks::priority % 256] = true)
              : void()),
         ...);
        std::array<unsigned, 256> list{};
        std::size_t count = 0;
        for (unsigned p = 0; p < 256; ++p) {
            if (seen[p]) list[count++] = p;
        }
        return std::pair{list, count};
    }();
    static constexpr std::size_t dispatchers_used = software_levels.second;

    // The idle task, as a tuple of none or one.
    template <class Task>
    using only_idle =
        std::conditional_t<Task::task_kind == kind::idle, std::tuple<Task>, std::tuple<>>;
    using idle_tasks = decltype(std::tuple_cat(std::declval<only_idle<Tasks>>()...));

    // The dispatcher of software priority P.
    template <unsigned P>
    static constexpr Irq dispatcher_of = [] {
        constexpr Irq all[] = {Dispatchers...};
        std::size_t i = 0;
        while (software_levels.first[i] != P) ++i;
        return all[i];
    }();

private:
    template <std::size_t I>
    static constexpr Irq dispatcher_at = [] {
        constexpr Irq all[] = {Dispatchers...};
        return all[I];
    }();

public:
    // The application's interrupts of priority in (Above, UpTo]: what a lock
    // disables on ARMv6-M.
    template <unsigned Above, unsigned UpTo>
    static constexpr cortex_m::nvic::line_set<Irq> lines_between = [] {
        cortex_m::nvic::line_set<Irq> set{};
        auto add = [&set](Irq line, unsigned priority) {
            if (priority <= Above || priority > UpTo) return;
            const auto n = static_cast<unsigned>(cortex_m::number_of(line));
            set[n / 32] |= 1u << (n % 32);
        };
        (
            [&] {
                if constexpr (Tasks::task_kind == kind::hardware) add(Tasks::irq, Tasks::priority);
            }(),
            ...);
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            (add(dispatcher_at<I>, software_levels.first[I]), ...);
        }(std::make_index_sequence<dispatchers_used>{});
        return set;
    }();

private:
    static constexpr unsigned nvic_priority(unsigned logical) { return levels - logical; }

    template <class Task>
    static constexpr bool bound_to(Irq line) {
        if constexpr (Task::task_kind == kind::hardware) {
            return Task::irq == line;
        } else {
            return false;
        }
    }
    template <class Task>
    static consteval bool check_task();
    template <class Task, class... Resources>
    static consteval bool check_resources(uses<Resources...>);
    static consteval bool check_app();
    static_assert(check_app());

    template <class Task>
    static void run_hardware() noexcept {
        context<app, Task> cx;
        Task::run(cx);
    }
    template <std::size_t I>
    static void run_dispatcher() noexcept {
        constexpr Irq line = dispatcher_at<I>;
        detail::run_ready<line>();
        if constexpr (((Tasks::task_kind == kind::async &&
                        Tasks::priority == software_levels.first[I]) ||
                       ...)) {
            executor_of<software_levels.first[I]>::on_interrupt();
        }
    }

    template <class Task>
    struct hardware_binding {
        using type = cortex_m::bindings<>;
    };
    template <class Task>
        requires(Task::task_kind == kind::hardware)
    struct hardware_binding<Task> {
        using type = cortex_m::bindings<cortex_m::bind<Task::irq, &run_hardware<Task>>>;
    };
    static constexpr auto dispatcher_bindings = []<std::size_t... I>(std::index_sequence<I...>) {
        return cortex_m::bindings<cortex_m::bind<dispatcher_at<I>, &run_dispatcher<I>>...>{};
    }(std::make_index_sequence<dispatchers_used>{});

    template <class Task>
    static void set_up() noexcept {
        if constexpr (Task::task_kind == kind::hardware) {
            cortex_m::nvic::set_priority<Task::irq, nvic_priority(Task::priority)>();
            cortex_m::nvic::enable<Task::irq>();
        }
    }

    template <class Task>
    using context_of = context<app, Task>;
    template <class Task>
    using message_of =
        typename detail::run_signature<decltype(&Task::template run<context_of<Task>>)>::message;

    template <class Task, class... Args>
    static consteval bool check_spawn() {
        static_assert(has_task<Task>, "spawn names a task that is not in this app");
        static_assert(Task::task_kind == kind::software || Task::task_kind == kind::async,
                      "only software tasks are spawned: a hardware task runs when its interrupt "
                      "comes, idle once");
        static_assert(detail::runs_with_context<Task, context_of<Task>>,
                      "a software task is `static void run(auto cx, Args...)` (an async one "
                      "returns a rivet::task): its context first, as a template parameter");
        static_assert(Task::task_kind == kind::async ||
                          std::is_constructible_v<message_of<Task>, Args&&...>,
                      "the spawn's arguments do not match the task's run(cx, Args...)");
        return true;
    }

public:
    // The async executor of software priority P (its dispatcher's interrupt).
    template <unsigned P>
    using executor_of = async::interrupt_executor<dispatcher_of<P>, nvic_priority(P)>;

    // The handlers of the hardware tasks and the dispatchers, for
    // RIVET_BIND_INTERRUPTS beside the firmware's other bindings.
    using bindings =
        cortex_m::bindings<typename hardware_binding<Tasks>::type...,
                           std::remove_cv_t<decltype(dispatcher_bindings)>>;

    // What init sees in start(): every resource, before any task runs.
    struct init_context {
        template <resource R>
        typename R::value_type& value(R) const noexcept {
            static_assert(users<R> > 0, "no task of this app uses this resource");
            return detail::storage<R>;
        }
    };

    // Runs init(init_context) with interrupts masked, then sets the
    // priorities of the tasks' and dispatchers' interrupts and enables them.
    template <class Init>
    static void start(Init&& init) noexcept {
        const cortex_m::critical_section masked;
        std::forward<Init>(init)(init_context{});
        (set_up<Tasks>(), ...);
        [&]<std::size_t... I>(std::index_sequence<I...>) {
            ((cortex_m::nvic::set_priority<dispatcher_at<I>, nvic_priority(software_levels.first[I])>(),
              cortex_m::nvic::enable<dispatcher_at<I>>()),
             ...);
        }(std::make_index_sequence<dispatchers_used>{});
    }
    static void start() noexcept {
        start([](init_context) {});
    }

    // Runs the idle task in thread mode and gives what it returns; without
    // one, sleeps between interrupts for ever.
    static auto idle() noexcept {
        if constexpr (std::tuple_size_v<idle_tasks> == 1) {
            using idle_type = std::tuple_element_t<0, idle_tasks>;
            context<app, idle_type> cx;
            return idle_type::run(cx);
        } else {
            for (;;) {
#if defined(__arm__)
                asm volatile("wfi" ::: "memory");
#endif
            }
        }
    }

    // Spawns Task with args (any priority, any interrupt): queued if its
    // queue has room, run by its dispatcher as soon as the dispatcher's
    // priority allows.
    template <class Task, class... Args>
    static spawn_result spawn(Args&&... args) noexcept {
        static_assert(check_spawn<Task, Args...>());
        if constexpr (Task::task_kind == kind::async) {
            context_of<Task> cx;
            return executor_of<Task::priority>::spawn(Task::run(cx, std::forward<Args>(args)...))
                       ? spawn_result::ok
                       : spawn_result::full;
        } else {
            constexpr Irq line = dispatcher_of<Task::priority>;
            {
                const cortex_m::critical_section masked;
                auto* s = detail::fill_slot<Task, message_of<Task>, context_of<Task>>(
                    std::forward<Args>(args)...);
                if (s == nullptr) return spawn_result::full;
                detail::make_ready<line>(*s);
            }
            cortex_m::nvic::pend<line>();
            return spawn_result::ok;
        }
    }

    // Spawns Task at the first tick at or after `when` (the async runtime's
    // clock; the firmware runs its time driver). Its slot is taken now.
    template <class Task, class... Args>
    static spawn_result spawn_at(async::clock::time_point when, Args&&... args) noexcept {
        static_assert(check_spawn<Task, Args...>());
        static_assert(Task::task_kind == kind::software,
                      "spawn_at/spawn_after are for software tasks; an async task awaits "
                      "rivet::async::sleep_for instead");
        detail::slot_header* s;
        {
            const cortex_m::critical_section masked;
            s = detail::fill_slot<Task, message_of<Task>, context_of<Task>>(
                std::forward<Args>(args)...);
        }
        if (s == nullptr) return spawn_result::full;
        s->timer.deadline = static_cast<std::uint64_t>(when.time_since_epoch().count());
        s->timer.on_due = &detail::on_due<dispatcher_of<Task::priority>>;
        async::detail::arm(s->timer);
        return spawn_result::ok;
    }
    template <class Task, class Rep, class Period, class... Args>
    static spawn_result spawn_after(std::chrono::duration<Rep, Period> delay,
                                    Args&&... args) noexcept {
        return spawn_at<Task>(async::clock::now() + async::to_ticks(delay),
                              std::forward<Args>(args)...);
    }

};

// What a task's run gets: the way to its resources and to spawning. Empty:
// passing it costs nothing.
template <class App, class Task>
class context {
public:
    using app_type = App;
    using task_type = Task;
    static constexpr unsigned priority = Task::priority;

    // Runs f(value) with every task that uses r kept out: BASEPRI (ARMv7-M)
    // or the NVIC enables (ARMv6-M) up to r's ceiling, restored after. When
    // the ceiling is this task's priority no other user can preempt it, and
    // f simply runs.
    template <resource R, class F>
    [[gnu::always_inline]] decltype(auto) lock(R, F&& f) const {
        static_assert(App::template declares<Task, R>,
                      "this task locks a resource it did not declare: add it to its "
                      "tasks::uses<...>");
        static_assert(!R::is_local,
                      "a local resource is the task's own: take it with cx.local(r), no lock");
        constexpr unsigned ceiling = App::template ceiling<R>;
        auto& value = detail::storage<R>;
        if constexpr (ceiling <= Task::priority) {
            return std::forward<F>(f)(value);
        } else {
            using irq = typename App::irq;
            return detail::at_ceiling<irq, ceiling,
                                      App::template lines_between<Task::priority, ceiling>>(
                [&]() -> decltype(auto) { return std::forward<F>(f)(value); });
        }
    }

    // The task's local resource r.
    template <resource R>
    typename R::value_type& local(R) const noexcept {
        static_assert(App::template declares<Task, R>,
                      "this task takes a local resource it did not declare: add it to its "
                      "tasks::uses<...>");
        static_assert(R::is_local, "a shared resource is reached through cx.lock(r, f)");
        return detail::storage<R>;
    }
};

// Spawning from a task: tasks::spawn<logger>(cx, 42). The task is named as a
// template argument, so it may be declared after the task that spawns it.
template <class Spawned, class Context, class... Args>
spawn_result spawn(Context, Args&&... args) noexcept {
    return Context::app_type::template spawn<Spawned>(std::forward<Args>(args)...);
}
template <class Spawned, class Context, class... Args>
spawn_result spawn_at(Context, async::clock::time_point when, Args&&... args) noexcept {
    return Context::app_type::template spawn_at<Spawned>(when, std::forward<Args>(args)...);
}
template <class Spawned, class Context, class Rep, class Period, class... Args>
spawn_result spawn_after(Context, std::chrono::duration<Rep, Period> delay, Args&&... args) noexcept {
    return Context::app_type::template spawn_after<Spawned>(delay, std::forward<Args>(args)...);
}

// The checks of a whole app, each in a template of its own so that the
// compiler names the task or resource at fault.
template <class Irq, auto... Dispatchers, class... Tasks>
template <class Task>
consteval bool app<Irq, dispatchers<Dispatchers...>, Tasks...>::check_task() {
    if constexpr (Task::task_kind != kind::idle) {
        static_assert(Task::priority >= 1 && Task::priority <= levels,
                      "this task's priority is one the chip cannot have: 1 (least urgent) to "
                      "2^nvic_prio_bits (the chip's NVIC priority bits; 0 is idle)");
    }
    if constexpr (Task::task_kind == kind::hardware) {
        static_assert(std::is_same_v<std::remove_cv_t<decltype(Task::irq)>, Irq>,
                      "this hardware task's interrupt is not one of the app's chip");
        static_assert(cortex_m::number_of(Task::irq) >= 0,
                      "a hardware task is bound to a device interrupt, not a core exception");
        static_assert(((Task::irq != Dispatchers) && ...),
                      "this hardware task's interrupt is also a dispatcher: a dispatcher runs "
                      "software tasks only");
        static_assert((0u + ... + (bound_to<Tasks>(Task::irq) ? 1u : 0u)) == 1,
                      "two hardware tasks are bound to this task's interrupt");
    }
    static_assert(check_resources<Task>(typename Task::resources{}));
    return true;
}

template <class Irq, auto... Dispatchers, class... Tasks>
template <class Task, class... Resources>
consteval bool app<Irq, dispatchers<Dispatchers...>, Tasks...>::check_resources(
    uses<Resources...>) {
    static_assert(((!Resources::is_local || users<Resources> == 1) && ...),
                  "a local resource belongs to one task: this task shares one of its "
                  "tasks::local resources with another (make it tasks::shared)");
    return true;
}

template <class Irq, auto... Dispatchers, class... Tasks>
consteval bool app<Irq, dispatchers<Dispatchers...>, Tasks...>::check_app() {
    static_assert(((std::is_same_v<std::remove_cv_t<decltype(Dispatchers)>, Irq> &&
                    cortex_m::number_of(Dispatchers) >= 0) &&
                   ...),
                  "a dispatcher is a device interrupt of the app's chip");
    static_assert(dispatchers_used <= sizeof...(Dispatchers),
                  "the software tasks have more priorities than the app has dispatchers: each "
                  "priority of software tasks needs a dispatcher interrupt of its own");
    static_assert((0u + ... + (Tasks::task_kind == kind::idle ? 1u : 0u)) <= 1,
                  "an app has at most one idle task");
    return (check_task<Tasks>() && ...);
}

}  // namespace rivet::tasks
