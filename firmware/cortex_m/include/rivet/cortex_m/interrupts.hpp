// Handlers bound to interrupts by name, and the vector table built from the
// bindings when compiling. In one source file of the firmware:
//
//   using irq = ::lm3s6965::irq;               // rivet/lm3s6965/interrupts.hpp
//   void on_tick() { ... }
//   void on_uart() { ... }
//   RIVET_BIND_INTERRUPTS(rivet::cortex_m::bind<irq::timer0a, on_tick>,
//                         rivet::cortex_m::bind<irq::uart0, on_uart>);
//
// defines the firmware's rivet_vector_table: each bound slot points to its
// handler, every other slot keeps its weak default (rivet_irq_<n>,
// rivet_systick_handler, ...; runtime/vector_table.hpp), and the runtime's
// own table is left out of the link. A name the chip lacks does not compile
// (it is not in the chip's irq enum), nor does an interrupt bound twice, one
// beyond the board's interrupts, or a core exception the core has not.
#pragma once

#include <cstddef>
#include <type_traits>

#include <rivet/board/config.hpp>
#include <rivet/runtime/vector_table.hpp>

#include "rivet/cortex_m/device.hpp"

namespace rivet::cortex_m {

namespace detail {
// A null handler, recognised by its template argument rather than by
// comparing it with nullptr: GCC 12 under -fsanitize=undefined does not
// evaluate a function's address != nullptr as a constant, and the host tests
// bind handlers under `make sanitize`.
template <rivet_handler Handler>
inline constexpr bool is_null_handler = false;
template <>
inline constexpr bool is_null_handler<nullptr> = true;
}  // namespace detail

// Handler runs when Irq is taken (a device interrupt or a core exception
// from SVCall on; NMI and HardFault too, though HardFault's default is what
// lets `rivet run` report faults).
template <auto Irq, rivet_handler Handler>
struct bind {
    static_assert(device_irq<decltype(Irq)>,
                  "bind<Irq, Handler>: Irq must be an interrupt of a chip Rivet knows, by name "
                  "(e.g. ::lm3s6965::irq::timer0a)");
    static_assert(!detail::is_null_handler<Handler>, "bind<Irq, Handler>: no handler");
    static constexpr auto irq = Irq;
    static constexpr rivet_handler handler = Handler;
};

// Bindings that RIVET_BIND_INTERRUPTS takes as one argument: what a
// framework binds on the application's behalf (an SRP app's tasks and
// dispatchers, firmware/tasks), listed beside the application's own.
template <class... Bindings>
struct bindings {};

namespace detail {
template <class T>
struct as_group {
    using type = bindings<T>;
};
template <class... Bindings>
struct as_group<bindings<Bindings...>> {
    using type = bindings<Bindings...>;
};
template <class... Groups>
struct joined {
    using type = bindings<>;
};
template <class... First, class... Rest>
struct joined<bindings<First...>, Rest...> {
    template <class Tail>
    struct prepend;
    template <class... Tail>
    struct prepend<bindings<Tail...>> {
        using type = bindings<First..., Tail...>;
    };
    using type = typename prepend<typename joined<Rest...>::type>::type;
};
template <class T>
inline constexpr bool is_group = false;
template <class... Bindings>
inline constexpr bool is_group<bindings<Bindings...>> = true;

template <class T>
inline constexpr bool is_binding = false;
template <auto Irq, rivet_handler Handler>
inline constexpr bool is_binding<bind<Irq, Handler>> = true;

// Each check is its own template so that a failure names the interrupt
// ("... [with auto Irq = lm3s6965::irq::timer0a ...]").
template <auto Irq, std::size_t Times>
consteval void bound_once() {
    static_assert(Times == 1, "this interrupt is bound twice: one handler per vector");
}

template <auto Irq, std::size_t BoardInterrupts>
consteval void fits_board() {
    static_assert(number_of(Irq) < static_cast<int>(BoardInterrupts),
                  "this interrupt is beyond the board's vector table (board.json's "
                  "\"interrupts\")");
    static_assert(number_of(Irq) != -15 && number_of(Irq) != -16,
                  "the initial stack pointer and the reset vector are the runtime's");
    static_assert(
        !device<decltype(Irq)>::armv6m || (number_of(Irq) != -12 && number_of(Irq) != -11 &&
                                           number_of(Irq) != -10 && number_of(Irq) != -4),
        "ARMv6-M has no MemManage, BusFault, UsageFault or DebugMonitor exception");
}

template <class First, class... Rest>
inline constexpr bool one_chip = (std::is_same_v<std::remove_cv_t<decltype(First::irq)>,
                                                 std::remove_cv_t<decltype(Rest::irq)>> &&
                                  ...);

template <class... Bindings>
consteval std::size_t times_bound(auto irq) {
    return ((Bindings::irq == irq ? 1u : 0u) + ... + 0u);
}
}  // namespace detail

// The vector table of a board with BoardInterrupts device interrupts: the
// runtime's defaults, with each binding's slot pointing to its handler.
template <std::size_t BoardInterrupts, class... Bindings>
consteval runtime::vector_table<BoardInterrupts> vector_table_with() {
    if constexpr ((detail::is_group<Bindings> || ...)) {
        return []<class... Flat>(bindings<Flat...>) {
            return vector_table_with<BoardInterrupts, Flat...>();
        }(typename detail::joined<typename detail::as_group<Bindings>::type...>::type{});
    } else {
        static_assert((detail::is_binding<Bindings> && ...),
                      "RIVET_BIND_INTERRUPTS takes rivet::cortex_m::bind<Irq, Handler>... (or "
                      "bindings<...> of them)");
        if constexpr (sizeof...(Bindings) > 1) {
            static_assert(detail::one_chip<Bindings...>,
                          "all bindings must name interrupts of one chip");
        }
        (detail::bound_once<Bindings::irq, detail::times_bound<Bindings...>(Bindings::irq)>(), ...);
        (detail::fits_board<Bindings::irq, BoardInterrupts>(), ...);
        auto table = runtime::default_vector_table<BoardInterrupts>();
        // Exception e (16 + the number) sits at exceptions[e - 1].
        auto place = [&table](int number, rivet_handler handler) {
            if (number >= 0) {
                table.interrupts[static_cast<std::size_t>(number)] = handler;
            } else {
                table.exceptions[static_cast<std::size_t>(15 + number)] = handler;
            }
        };
        (place(number_of(Bindings::irq), Bindings::handler), ...);
        return table;
    }
}

}  // namespace rivet::cortex_m

// Defines the firmware's vector table from the bindings (at most once per
// firmware, at namespace scope in one source file).
#define RIVET_BIND_INTERRUPTS(...)                                                              \
    extern "C"                                                                                  \
        [[gnu::section(".vectors"), gnu::used]] constinit const ::rivet::runtime::vector_table< \
            ::rivet::board::interrupt_count>                                                    \
            rivet_vector_table =                                                                \
                ::rivet::cortex_m::vector_table_with<::rivet::board::interrupt_count,           \
                                                     __VA_ARGS__>()
