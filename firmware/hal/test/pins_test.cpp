#include "rivet/hal/pins.hpp"

#include <gtest/gtest.h>

#include <array>
#include <vector>

namespace {

std::vector<int> configured;  // the order configure() ran in

template <int Id, rivet::hal::pin_id... Pins>
struct claiming {
    static constexpr std::array<rivet::hal::pin_id, sizeof...(Pins)> claimed_pins{Pins...};
    int id = Id;
    static claiming configure() {
        configured.push_back(Id);
        return claiming{};
    }
};

struct pinless {
    static pinless configure() {
        configured.push_back(0);
        return pinless{};
    }
};

using uart = claiming<1, rivet::hal::pin_id{0, 0}, rivet::hal::pin_id{0, 1}>;
using led = claiming<2, rivet::hal::pin_id{5, 0}>;
using led_on_uart_tx = claiming<3, rivet::hal::pin_id{0, 1}>;
using same_number_other_port = claiming<4, rivet::hal::pin_id{1, 1}>;
using twice_itself = claiming<5, rivet::hal::pin_id{2, 3}, rivet::hal::pin_id{2, 3}>;

static_assert(rivet::hal::claims_pins<uart>);
static_assert(!rivet::hal::claims_pins<pinless>);
static_assert(rivet::hal::distinct_pins<>);
static_assert(rivet::hal::distinct_pins<uart, led, pinless, same_number_other_port>);
static_assert(!rivet::hal::distinct_pins<uart, led_on_uart_tx>);
static_assert(!rivet::hal::distinct_pins<led_on_uart_tx, pinless, uart>);
static_assert(!rivet::hal::distinct_pins<twice_itself>);

TEST(pins_test, take_configures_left_to_right) {
    configured.clear();
    auto [serial, pin, other] = rivet::hal::take<uart, led, pinless>();
    EXPECT_EQ(serial.id, 1);
    EXPECT_EQ(pin.id, 2);
    (void)other;
    EXPECT_EQ(configured, (std::vector<int>{1, 2, 0}));
}

}  // namespace
