// I2C transactions against a register-map target: the wire conditions of
// write, read, write_read and multi-operation transactions, and NACKs.
#include <gtest/gtest.h>

#include <array>
#include <cstdint>

#include "rivet/hal/fakes/i2c.hpp"
#include "rivet/hal/i2c.hpp"

namespace {

using namespace rivet::hal;
using rivet::hal::fakes::register_map_i2c;
using rivet::hal::fakes::trace;

constexpr i2c::address sensor{0x48};

TEST(hal_i2c, addresses_are_seven_bits) {
    static_assert(sensor.bits() == 0x48);
    EXPECT_TRUE(i2c::address::from_bits(0x7f).has_value());
    EXPECT_FALSE(i2c::address::from_bits(0x80).has_value());
    EXPECT_EQ(i2c::address::from_bits(0x48), sensor);
}

TEST(hal_i2c, write_sets_the_pointer_then_registers) {
    trace log;
    register_map_i2c bus{log, sensor};
    const std::uint8_t bytes[] = {0x10, 0xaa, 0xbb};
    ASSERT_TRUE(i2c::write(bus, sensor, bytes));
    EXPECT_EQ(bus.reg(0x10), 0xaa);
    EXPECT_EQ(bus.reg(0x11), 0xbb);
    EXPECT_EQ(log.view(), "S 48W 10aabb P");
}

TEST(hal_i2c, write_read_uses_a_repeated_start) {
    trace log;
    register_map_i2c bus{log, sensor};
    bus.reg(0x00) = 0x19;
    bus.reg(0x01) = 0x80;
    const std::uint8_t pointer[] = {0x00};
    std::array<std::uint8_t, 2> temperature{};
    ASSERT_TRUE(i2c::write_read(bus, sensor, pointer, temperature));
    EXPECT_EQ(temperature, (std::array<std::uint8_t, 2>{0x19, 0x80}));
    EXPECT_EQ(log.view(), "S 48W 00 SR 48R 2 P");
    EXPECT_EQ(bus.transactions(), 1u);
}

TEST(hal_i2c, read_continues_from_the_pointer) {
    trace log;
    register_map_i2c bus{log, sensor};
    bus.reg(0x05) = 0x55;
    const std::uint8_t pointer[] = {0x05};
    ASSERT_TRUE(i2c::write(bus, sensor, pointer));
    std::uint8_t one[1]{};
    ASSERT_TRUE(i2c::read(bus, sensor, one));
    EXPECT_EQ(one[0], 0x55);
    EXPECT_EQ(log.view(), "S 48W 05 P S 48R 1 P");
}

TEST(hal_i2c, same_direction_operations_merge_without_restart) {
    trace log;
    register_map_i2c bus{log, sensor};
    // A header and a payload from two buffers: one continuous write.
    const std::uint8_t header[] = {0x20};
    const std::uint8_t payload[] = {1, 2, 3};
    std::uint8_t first[2]{};
    std::uint8_t second[1]{};
    const std::uint8_t again[] = {0x20};
    i2c::operation ops[] = {
        i2c::operation::write(header), i2c::operation::write(payload),
        i2c::operation::write(again),  // same write phase: stored at 0x23
        i2c::operation::read(first),   i2c::operation::read(second),
    };
    ASSERT_TRUE(bus.transaction(sensor, ops));
    EXPECT_EQ(log.view(), "S 48W 20 010203 20 SR 48R 2 1 P");
    EXPECT_EQ(bus.reg(0x22), 3);
    EXPECT_EQ(bus.reg(0x23), 0x20);
}

TEST(hal_i2c, an_absent_target_is_a_nack_of_the_address) {
    trace log;
    register_map_i2c bus{log, sensor};
    const std::uint8_t bytes[] = {0};
    auto r = i2c::write(bus, i2c::address{0x50}, bytes);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error(), i2c::error_kind::no_acknowledge_address);
    EXPECT_EQ(log.view(), "S 50W NACK P");
}

TEST(hal_i2c, probe_tells_absence_from_failure) {
    trace log;
    register_map_i2c bus{log, sensor};
    auto present = i2c::probe(bus, sensor);
    ASSERT_TRUE(present);
    EXPECT_TRUE(*present);
    auto absent = i2c::probe(bus, i2c::address{0x49});
    ASSERT_TRUE(absent);
    EXPECT_FALSE(*absent);
    bus.fail_next(i2c::error_kind::arbitration_loss);
    auto lost = i2c::probe(bus, sensor);
    ASSERT_FALSE(lost);
    EXPECT_EQ(lost.error(), i2c::error_kind::arbitration_loss);
}

// A bus with its own write_read (hardware that does it in one go) is used
// through that method instead of transaction().
struct fast_write_read_bus {
    using error_type = i2c::error_kind;
    int transactions = 0;
    int write_reads = 0;
    result<void, error_type> transaction(i2c::address, std::span<i2c::operation>) {
        ++transactions;
        return success;
    }
    result<void, error_type> write_read(i2c::address, std::span<const std::uint8_t>,
                                        std::span<std::uint8_t>) {
        ++write_reads;
        return success;
    }
};

TEST(hal_i2c, helpers_prefer_a_types_own_faster_method) {
    fast_write_read_bus bus;
    const std::uint8_t pointer[] = {0};
    std::uint8_t in[1]{};
    ASSERT_TRUE(i2c::write_read(bus, sensor, pointer, in));
    ASSERT_TRUE(i2c::write(bus, sensor, pointer));
    EXPECT_EQ(bus.write_reads, 1);
    EXPECT_EQ(bus.transactions, 1);
}

}  // namespace
