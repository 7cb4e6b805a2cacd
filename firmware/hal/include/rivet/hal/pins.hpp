// Which pins a peripheral takes, so that two peripherals wired to the same
// pin are a compile error rather than a board that half works.
//
// A HAL type that drives pins lists them:
//
//   static constexpr std::array<rivet::hal::pin_id, 2> claimed_pins{{{0, 0}, {0, 1}}};
//
// and a firmware (or a board support package) takes its peripherals
// together:
//
//   auto [console, led] = rivet::hal::take<board::console_uart<>, board::status_led>();
//
// take<> refuses to compile when two of them claim one pin, or one
// peripheral (claimed_peripheral: the blocking and the async type of one
// controller), then calls each type's configure() in the order given. distinct_pins<...> is the
// same check as a value, for a BSP to assert its own wiring.
#pragma once

#include <array>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <tuple>

namespace rivet::hal {

// A pin by port and number. The port numbering is the chip's own (port A
// is 0 on an LM3S6965 and an STM32; the nRF51 has port 0 only); pins of
// different chips are never compared.
struct pin_id {
    std::uint16_t port;
    std::uint16_t number;
    constexpr bool operator==(const pin_id&) const = default;
};

// T takes pins when it lists them in T::claimed_pins (any contiguous range
// of pin_id with a constant size: std::array, a C array).
template <class T>
concept claims_pins = requires {
    { T::claimed_pins[0] } -> std::convertible_to<pin_id>;
    std::size(T::claimed_pins);
};

// A whole peripheral, by its base address. The blocking and the async type
// of one controller both claim it: once an async driver's interrupt handler
// owns the controller, blocking calls on it would race the handler.
struct peripheral_id {
    std::uint32_t base;
    constexpr bool operator==(const peripheral_id&) const = default;
};

template <class T>
concept claims_peripheral = requires {
    { T::claimed_peripheral } -> std::convertible_to<peripheral_id>;
};

namespace detail {
template <class T>
constexpr std::size_t claimed_count() {
    if constexpr (claims_pins<T>) {
        return std::size(T::claimed_pins);
    } else {
        return 0;
    }
}

template <class... Ts>
constexpr auto all_claimed_pins() {
    std::array<pin_id, (claimed_count<Ts>() + ... + 0)> pins{};
    std::size_t next = 0;
    [[maybe_unused]] auto append = [&]<class T>() {
        if constexpr (claims_pins<T>) {
            for (const pin_id& pin : T::claimed_pins) pins[next++] = pin;
        }
    };
    (append.template operator()<Ts>(), ...);
    return pins;
}
}  // namespace detail

// True when no pin is claimed twice among Ts (a type claiming the same pin
// twice in its own list counts too).
template <class... Ts>
inline constexpr bool distinct_pins = [] {
    constexpr auto pins = detail::all_claimed_pins<Ts...>();
    for (std::size_t i = 0; i < pins.size(); ++i) {
        for (std::size_t j = i + 1; j < pins.size(); ++j) {
            if (pins[i] == pins[j]) return false;
        }
    }
    return true;
}();

// True when no peripheral is claimed by two of Ts.
template <class... Ts>
inline constexpr bool distinct_peripherals = [] {
    std::array<peripheral_id, sizeof...(Ts)> claimed{};
    std::size_t count = 0;
    [[maybe_unused]] auto add = [&]<class T>() {
        if constexpr (claims_peripheral<T>) claimed[count++] = T::claimed_peripheral;
    };
    (add.template operator()<Ts>(), ...);
    for (std::size_t i = 0; i < count; ++i) {
        for (std::size_t j = i + 1; j < count; ++j) {
            if (claimed[i] == claimed[j]) return false;
        }
    }
    return true;
}();

// Configures each peripheral with its default settings, left to right, and
// returns them; a pin claimed by two of them does not compile.
template <class... Peripherals>
[[nodiscard]] std::tuple<Peripherals...> take() {
    static_assert(distinct_peripherals<Peripherals...>,
                  "rivet::hal::take: two of these drive the same peripheral (its blocking and "
                  "its async type? an async driver owns its controller: take one of them)");
    static_assert(distinct_pins<Peripherals...>,
                  "rivet::hal::take: two of these peripherals use the same pin "
                  "(see each type's claimed_pins)");
    return std::tuple<Peripherals...>{Peripherals::configure()...};
}

}  // namespace rivet::hal
