// Blocking delays. Implementations wait at least as long as asked (never
// less: a chip's setup time is a minimum) and may wait longer; they cannot
// fail, so the calls return nothing.
#pragma once

#include <concepts>
#include <cstdint>

namespace rivet::hal {

// delay_ns(n) waits at least n nanoseconds. That is the only method an
// implementor must write; delay_us() and delay_ms() below use the type's
// own delay_us()/delay_ms() when it has them (a timer may do better than
// repeated nanosecond waits) and otherwise build them from delay_ns().
template <class D>
concept delay = requires(D& delayer, std::uint32_t n) {
    { delayer.delay_ns(n) } -> std::same_as<void>;
};

template <delay D>
constexpr void delay_ns(D& delayer, std::uint32_t ns) {
    delayer.delay_ns(ns);
}

// Waits in whole steps of at most 1 ms worth of nanoseconds so that no
// product overflows 32 bits.
template <delay D>
constexpr void delay_us(D& delayer, std::uint32_t us) {
    if constexpr (requires { delayer.delay_us(us); }) {
        delayer.delay_us(us);
    } else {
        constexpr std::uint32_t chunk_us = 1000;
        while (us > chunk_us) {
            delayer.delay_ns(chunk_us * 1000);
            us -= chunk_us;
        }
        delayer.delay_ns(us * 1000);
    }
}

template <delay D>
constexpr void delay_ms(D& delayer, std::uint32_t ms) {
    if constexpr (requires { delayer.delay_ms(ms); }) {
        delayer.delay_ms(ms);
    } else {
        while (ms > 0) {
            delayer.delay_ns(1'000'000);
            --ms;
        }
    }
}

// A delay that does not wait: for an spi device whose chip needs no
// timing between operations.
struct no_delay {
    constexpr void delay_ns(std::uint32_t) noexcept {}
};

}  // namespace rivet::hal
