// The examples of firmware/hal/README.md, compiled and run against the
// fakes, so the documentation cannot drift from the headers.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>
#include <span>

#include "rivet/hal/bus.hpp"
#include "rivet/hal/delay.hpp"
#include "rivet/hal/digital.hpp"
#include "rivet/hal/fakes/digital.hpp"
#include "rivet/hal/fakes/i2c.hpp"
#include "rivet/hal/fakes/pwm.hpp"
#include "rivet/hal/fakes/serial.hpp"
#include "rivet/hal/fakes/spi.hpp"
#include "rivet/hal/i2c.hpp"
#include "rivet/hal/pwm.hpp"
#include "rivet/hal/serial.hpp"
#include "rivet/hal/spi.hpp"

namespace readme {

constexpr rivet::hal::i2c::address sensor{0x48};

template <rivet::hal::i2c_bus Bus>
rivet::hal::result<std::uint16_t, rivet::hal::error_type_t<Bus>> read_raw(Bus& bus) {
    std::uint8_t bytes[2];
    if (auto r = rivet::hal::i2c::read(bus, sensor, bytes); !r)
        return rivet::hal::failure(r.error());
    return static_cast<std::uint16_t>(bytes[0] << 8 | bytes[1]);
}

template <rivet::hal::output_pin Led>
auto blink(Led& led, auto& delay) {
    if (auto r = led.set_high(); !r) return r;
    rivet::hal::delay_ms(delay, 100);
    return led.set_low();
}

template <rivet::hal::serial_write Uart>
auto say_hello(Uart& uart) {
    static constexpr std::uint8_t text[] = {'h', 'i', '\n'};
    return rivet::hal::write_all(uart, text);  // result<void, serial::stream_error<E>>
}

template <rivet::hal::spi_device Flash>
auto read_jedec_id(Flash& flash, std::span<std::uint8_t, 3> id) {
    const std::uint8_t command[] = {0x9f};
    return rivet::hal::spi::write_then_read(flash, command, id);  // one chip-select frame
}

constexpr rivet::hal::i2c::address tmp105{0x48};

template <rivet::hal::i2c_bus Bus>
auto read_temperature(Bus& bus, std::span<std::uint8_t, 2> raw) {
    const std::uint8_t temperature_register[] = {0x00};
    return rivet::hal::i2c::write_read(bus, tmp105, temperature_register, raw);
}

template <rivet::hal::pwm_channel Backlight>
auto dim(Backlight& backlight) {
    return rivet::hal::pwm::set_percent(backlight, 30);
}

class gpio_output {
public:
    using error_type = rivet::hal::infallible;

    gpio_output(volatile std::uint32_t* data, std::uint32_t mask) : data_(data), mask_(mask) {}

    rivet::hal::result<void, error_type> set_high() {
        *data_ = *data_ | mask_;
        return rivet::hal::success;
    }
    rivet::hal::result<void, error_type> set_low() {
        *data_ = *data_ & ~mask_;
        return rivet::hal::success;
    }
    rivet::hal::result<bool, error_type> is_set_high() const { return (*data_ & mask_) != 0; }
    rivet::hal::result<bool, error_type> is_set_low() const { return (*data_ & mask_) == 0; }
    rivet::hal::result<void, error_type> toggle() {
        *data_ = *data_ ^ mask_;
        return rivet::hal::success;
    }

private:
    volatile std::uint32_t* data_;
    std::uint32_t mask_;
};
static_assert(rivet::hal::stateful_output_pin<gpio_output>);

}  // namespace readme

namespace {

using namespace rivet::hal::fakes;

TEST(hal_readme, examples_run_against_the_fakes) {
    trace log;
    register_map_i2c i2c{log, readme::sensor};
    i2c.reg(0) = 0x12;
    i2c.reg(1) = 0x34;
    auto raw = readme::read_raw(i2c);  // reads from the pointer, 0
    ASSERT_TRUE(raw);
    EXPECT_EQ(*raw, 0x1234);
    std::array<std::uint8_t, 2> temperature{};
    ASSERT_TRUE(readme::read_temperature(i2c, temperature));
    EXPECT_EQ(temperature[0], 0x12);

    recording_pin led{log, "led", false};
    recording_delay delay{log};
    ASSERT_TRUE(readme::blink(led, delay));
    EXPECT_EQ(delay.total_ns(), 100'000'000u);

    serial_loopback uart{2};
    ASSERT_TRUE(readme::say_hello(uart));
    EXPECT_EQ(uart.buffered(), 3u);

    trace spi_log;
    const std::uint8_t miso[] = {0x00, 0xc2, 0x20, 0x17};
    recording_spi_bus spi0{spi_log};
    spi0.script_miso(miso);
    rivet::hal::exclusive_spi_device flash{spi0, recording_pin{spi_log, "cs"}};
    std::array<std::uint8_t, 3> id{};
    ASSERT_TRUE(readme::read_jedec_id(flash, id));
    EXPECT_EQ(id[0], 0xc2);

    volatile std::uint32_t port = 0x1;
    readme::gpio_output pin{&port, 0x4};
    ASSERT_TRUE(pin.set_high());
    EXPECT_EQ(port, 0x5u);
    ASSERT_TRUE(pin.toggle());
    EXPECT_TRUE(*pin.is_set_low());
    EXPECT_EQ(port, 0x1u);

    recorded_pwm backlight{200};
    ASSERT_TRUE(readme::dim(backlight));
    EXPECT_EQ(backlight.duty(), 60);
}

}  // namespace
