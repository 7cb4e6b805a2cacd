// SPI devices built from a bus, a chip select and a delay: chip select
// frames exactly the transaction, also when it fails, and devices on a
// shared bus take turns.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>

#include "rivet/hal/bus.hpp"
#include "rivet/hal/fakes/digital.hpp"
#include "rivet/hal/fakes/spi.hpp"
#include "rivet/hal/spi.hpp"

namespace {

using namespace rivet::hal;
using rivet::hal::fakes::recording_delay;
using rivet::hal::fakes::recording_pin;
using rivet::hal::fakes::recording_spi_bus;
using rivet::hal::fakes::trace;

// A tiny generic "driver": reads the 3-byte JEDEC ID of a SPI flash.
template <spi_device D>
result<std::array<std::uint8_t, 3>, error_type_t<D>> read_jedec_id(D& flash) {
    const std::uint8_t command[] = {0x9f};
    std::array<std::uint8_t, 3> id{};
    if (auto r = spi::write_then_read(flash, command, id); !r) return failure(r.error());
    return id;
}

TEST(hal_spi, exclusive_device_frames_the_transaction_with_chip_select) {
    trace log;
    const std::uint8_t miso[] = {0x00, 0xef, 0x40, 0x18};  // first byte clocks in with 0x9f
    recording_spi_bus bus{log};
    bus.script_miso(miso);
    exclusive_spi_device flash{bus, recording_pin{log, "cs"}};

    auto id = read_jedec_id(flash);
    ASSERT_TRUE(id);
    EXPECT_EQ(*id, (std::array<std::uint8_t, 3>{0xef, 0x40, 0x18}));
    EXPECT_EQ(log.view(), "cs:0 w:9f r:3 flush cs:1");
}

TEST(hal_spi, every_operation_kind_and_delay_run_under_one_selection) {
    trace log;
    recording_spi_bus bus{log};
    const std::uint8_t miso[] = {1, 2, 3, 4, 5, 6, 7};
    bus.script_miso(miso);
    exclusive_spi_device device{bus, recording_pin{log, "cs"}, recording_delay{log}};

    const std::uint8_t out[] = {0xaa, 0xbb};
    std::uint8_t in[3]{};
    std::uint8_t in_place[2] = {0x10, 0x20};
    spi::operation ops[] = {
        spi::operation::write(out),
        spi::operation::delay_ns(500),
        spi::operation::transfer(in, out),
        spi::operation::transfer_in_place(in_place),
    };
    ASSERT_TRUE(device.transaction(ops));
    // Delay waits for the bus to flush first; transfer pads out to 3 words.
    EXPECT_EQ(log.view(), "cs:0 w:aabb flush delay:500 t:aabb/3 x:1020 flush cs:1");
    EXPECT_EQ(in[0], 3);
    EXPECT_EQ(in[2], 5);
    EXPECT_EQ(in_place[0], 6);
    EXPECT_EQ(in_place[1], 7);
}

TEST(hal_spi, a_failed_operation_still_flushes_and_releases_chip_select) {
    trace log;
    recording_spi_bus bus{log};
    bus.fail_call(2, spi::error_kind::overrun);  // the read after the write
    exclusive_spi_device device{bus, recording_pin{log, "cs"}};

    const std::uint8_t command[] = {0x03};
    std::uint8_t data[4]{};
    auto r = spi::write_then_read(device, command, data);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind(), spi::error_kind::overrun);
    ASSERT_NE(r.error().bus_error(), nullptr);
    EXPECT_EQ(log.view(), "cs:0 w:03 flush cs:1");
    EXPECT_TRUE(device.chip_select().high());
}

TEST(hal_spi, deselect_drives_chip_select_high_before_first_use) {
    trace log;
    exclusive_spi_device device{recording_spi_bus{log}, recording_pin{log, "cs", false}};
    ASSERT_TRUE(device.deselect());
    EXPECT_TRUE(device.chip_select().high());
    EXPECT_EQ(log.view(), "cs:1");
}

TEST(hal_spi, a_chip_select_failure_is_reported_as_such) {
    trace log;
    recording_pin cs{log, "cs"};
    cs.fail_next_call();
    exclusive_spi_device device{recording_spi_bus{log}, cs};
    const std::uint8_t byte[] = {1};
    auto r = spi::write(device, byte);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().kind(), spi::error_kind::chip_select_fault);
    EXPECT_EQ(log.view(), "");  // nothing reached the bus
}

TEST(hal_spi, shared_bus_devices_take_turns) {
    trace log;
    shared_spi_bus shared{recording_spi_bus{log}};
    shared_spi_device flash{shared, recording_pin{log, "cs_flash"}};
    shared_spi_device display{shared, recording_pin{log, "cs_display"}};
    static_assert(spi_device<decltype(flash)>);

    const std::uint8_t a[] = {0x0a};
    const std::uint8_t b[] = {0x0b};
    ASSERT_TRUE(spi::write(flash, a));
    ASSERT_TRUE(spi::write(display, b));
    EXPECT_FALSE(shared.held());
    EXPECT_EQ(log.view(), "cs_flash:0 w:0a flush cs_flash:1 cs_display:0 w:0b flush cs_display:1");
}

TEST(hal_spi, shared_bus_refuses_a_nested_transaction) {
    trace log;
    shared_spi_bus shared{recording_spi_bus{log}};
    shared_spi_device display{shared, recording_pin{log, "cs_display"}};

    ASSERT_TRUE(shared.try_acquire());  // as if another device were mid-transaction
    const std::uint8_t b[] = {0x0b};
    auto r = spi::write(display, b);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().where(), decltype(r)::error_type::source::bus_busy);
    EXPECT_EQ(r.error().kind(), spi::error_kind::other);
    EXPECT_EQ(log.view(), "");  // its chip select was never touched
    shared.release();
    EXPECT_TRUE(spi::write(display, b));
}

// The whole stack, evaluated by the compiler: no heap, no exceptions.
constexpr bool spi_in_constant_evaluation() {
    trace log;
    const std::uint8_t miso[] = {0x00, 0x42};
    recording_spi_bus bus{log};
    bus.script_miso(miso);
    exclusive_spi_device device{bus, recording_pin{log, "cs"}};
    const std::uint8_t command[] = {0x80};
    std::uint8_t value[1]{};
    return spi::write_then_read(device, command, value).has_value() && value[0] == 0x42 &&
           log.view() == "cs:0 w:80 r:1 flush cs:1";
}
static_assert(spi_in_constant_evaluation());

}  // namespace
