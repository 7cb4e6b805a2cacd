// The generated register API, run on the host: register blocks are placed on
// RAM buffers so every read, write and modify can be observed.
#include <gtest/gtest.h>

#include <array>
#include <concepts>
#include <cstdint>
#include <type_traits>

#include "rivet_test.hpp"
#include "rivet_test/timer.hpp"
#include "rivet_test/uart0.hpp"

namespace {

namespace dev = rivet_test;
using uart = dev::uart0::block;

struct fake_ram {
    alignas(8) std::array<std::uint32_t, 64> words{};
    [[nodiscard]] std::uintptr_t base() const {
        return reinterpret_cast<std::uintptr_t>(words.data());
    }
};

TEST(svd_api, write_starts_from_the_reset_value) {
    fake_ram ram;
    const uart u{ram.base()};
    u.cr().write([](auto& v) { v.en(true).div(16); });
    // reset 0x300 has DIV=3; DIV is replaced, other reset bits kept
    EXPECT_EQ(ram.words[0], (16u << 8) | 1u);
    u.cr().reset();
    EXPECT_EQ(ram.words[0], 0x300u);
}

TEST(svd_api, modify_reads_once_and_writes_once) {
    fake_ram ram;
    const uart u{ram.base()};
    ram.words[0] = 0x80000000u | (5u << 8) | 1u;  // BUSY, DIV=5, EN
    u.cr().modify([](auto& v) { v.parity(dev::uart0::cr::parity_v::odd); });
    EXPECT_EQ(ram.words[0], 0x80000000u | (5u << 8) | (3u << 2) | 1u);
    const auto v = u.cr().read();
    EXPECT_TRUE(v.en());
    EXPECT_EQ(v.div(), 5u);
    EXPECT_TRUE(v.busy());
    EXPECT_EQ(v.parity(), dev::uart0::cr::parity_v::odd);
    // the (read, write) form sees the value read
    u.cr().modify([](const auto& r, auto& w) { w.div_bits(r.div() * 2); });
    EXPECT_EQ(u.cr().read().div(), 10u);
}

TEST(svd_api, modify_never_clears_write_one_to_clear_flags) {
    fake_ram ram;
    const uart u{ram.base()};
    ram.words[1] = 0b111u;  // TXE, RXNE, ORE pending
    u.sr().modify([](auto& v) { v.ie(true); });
    EXPECT_EQ(ram.words[1], 0x101u);  // RXNE/ORE written as 0: nothing cleared
    ram.words[1] = 0b111u;
    u.sr().modify([](auto& v) { v.ore(true); });  // clear ORE on purpose
    EXPECT_EQ(ram.words[1], 0b101u);
    EXPECT_EQ(dev::uart0::sr::value::one_to_modify, 0b110u);
    // write() from reset does not write 1 to the flags either
    u.sr().write([](auto& v) { v.ie(true); });
    EXPECT_EQ(ram.words[1], 0x101u);  // reset 0x1 (TXE) kept, IE set
}

TEST(svd_api, values_can_be_stored_and_written_back) {
    fake_ram ram;
    const uart u{ram.base()};
    dev::uart0::cr::value saved;  // the reset value
    EXPECT_EQ(saved.bits(), 0x300u);
    saved.en(true).parity(dev::uart0::cr::parity_v::even);
    u.cr().write(saved);
    EXPECT_EQ(ram.words[0], 0x300u | (2u << 2) | 1u);
    const dev::uart0::cr::value copy = u.cr().read();
    EXPECT_EQ(copy, saved);
    EXPECT_EQ(dev::uart0::cr::value(0x1234u).bits(), 0x1234u);
}

TEST(svd_api, narrow_registers_use_narrow_accesses) {
    fake_ram ram;
    const uart u{ram.base()};
    static_assert(std::is_same_v<dev::uart0::dr::value::raw_type, std::uint16_t>);
    u.dr().write([](auto& v) { v.data(0x1FF); });
    EXPECT_EQ(ram.words[2], 0x1FFu);
    u.txd().write([](auto& v) { v.byte(0x41); });
    EXPECT_EQ(ram.words[3], 0x41u);
    ram.words[4] = 0xAB01u;
    EXPECT_EQ(u.id().read().bits(), 0xAB01u);
}

TEST(svd_api, register_arrays_clusters_and_field_arrays) {
    fake_ram ram;
    const uart u{ram.base()};
    EXPECT_EQ(u.match<2>().address(), ram.base() + 0x28);
    EXPECT_EQ(u.match(3).address(), ram.base() + 0x2C);
    EXPECT_EQ(uart::match_count, 4u);
    u.match<1>().write([](auto& v) { v.val(7); });
    EXPECT_EQ(ram.words[9], 7u);
    EXPECT_EQ(u.porta().address(), ram.base() + 0x30);  // dimIndex A,B: named
    EXPECT_EQ(u.portb().address(), ram.base() + 0x34);
    EXPECT_EQ(u.ch<1>().cfg().address(), ram.base() + 0x50);
    EXPECT_EQ(u.ch(0).cfg2().address(), ram.base() + 0x44);
    EXPECT_EQ(u.ch<1>().sub().x().address(), ram.base() + 0x58);
    u.ch<1>().cfg2().write([](auto& v) { v.on(true); });  // derivedFrom CFG: same fields
    EXPECT_EQ(ram.words[0x54 / 4], 1u);
    static_assert(
        std::is_same_v<dev::uart0::ch::cfg::value::raw_type, std::uint16_t>);  // cluster size 16
    using mode = dev::uart0::mode::mode_v;
    u.mode().write([](auto& v) { v.mode(2, mode::output).mode3(mode::analog); });
    EXPECT_EQ(ram.words[0x38 / 4], (1u << 4) | (3u << 6));
    EXPECT_EQ(u.mode().read().mode(3), mode::analog);
}

TEST(svd_api, instances_and_derived_peripherals) {
    static_assert(
        std::is_same_v<decltype(dev::UART0), decltype(dev::UART1)>);  // derivedFrom: one type
    EXPECT_EQ(dev::UART0.base_address(), 0x40001000u);
    EXPECT_EQ(dev::UART1.base_address(), 0x40002000u);
    EXPECT_EQ(dev::UART1.cr().address(), 0x40002000u);
    EXPECT_EQ(dev::TIMER.cnt().address(), 0x40003000u);
    EXPECT_EQ(dev::memory_map::TIMER, 0x40003000u);
}

TEST(svd_api, device_header) {
    EXPECT_EQ(static_cast<int>(dev::irq::uart1), 6);
    EXPECT_EQ(static_cast<int>(dev::irq::sys_tick), -1);
    EXPECT_EQ(dev::irq_count, 10u);
    EXPECT_EQ(sizeof(dev::vector_table), (16 + 10) * sizeof(dev::handler));
    EXPECT_EQ(offsetof(dev::vector_table, timer), (16 + 9) * sizeof(dev::handler));
    EXPECT_TRUE(dev::core.fpu_present);
    EXPECT_EQ(dev::core.nvic_prio_bits, 4u);
    EXPECT_STREQ(dev::core.name, "CM4");
}

// What must not compile, checked without a compiler run: tests/svd/compile_fail
// proves the same with real diagnostics.
template <typename R>
concept can_write = requires(R r) {
    r.write(typename R::value_type{});
};
template <typename R>
concept can_read = requires(R r) {
    r.read();
};
template <typename V>
concept busy_settable = requires(V v) {
    v.busy(true);
};
template <typename V>
concept byte_readable = requires(V v) {
    v.byte();
};

static_assert(!can_write<decltype(uart{0}.id())>, "read-only register has no write");
static_assert(!can_read<decltype(uart{0}.txd())>, "write-only register has no read");
static_assert(can_read<decltype(uart{0}.cr())> && can_write<decltype(uart{0}.cr())>);
static_assert(!busy_settable<dev::uart0::cr::value>, "read-only field has no setter");
static_assert(!byte_readable<dev::uart0::txd::value>,
              "write-only register's fields have no getter");

}  // namespace
