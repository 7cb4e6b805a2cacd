// rivet::console on the Netduino Plus 2, through the register recorder: the
// console must leave USART1 usable on the board, not only under QEMU (whose
// RCC and GPIO are stubs). That takes GPIOB clocked and PB6 (TX) / PB7 (RX)
// switched to alternate function 7, besides USART1 itself (RM0090: RCC at
// 0x40023800, GPIOB at 0x40020400, USART1 at 0x40011000).
#include <gtest/gtest.h>

#include <rivet/console/console.hpp>
#include <rivet/registers/recording.hpp>

#include <cstdint>

namespace {

using rivet::registers::testing::recorder;

constexpr std::uintptr_t rcc_ahb1enr = 0x40023830, rcc_apb2enr = 0x40023844;
constexpr std::uintptr_t gpiob_moder = 0x40020400, gpiob_afrl = 0x40020420;
constexpr std::uintptr_t usart1_sr = 0x40011000, usart1_dr = 0x40011004, usart1_cr1 = 0x4001100C;

// One recorder for the whole test program: the console configures the UART
// once, on first use, and remembers it.
recorder& registers() {
    static recorder regs;
    return regs;
}

class netduino_console : public ::testing::Test {
protected:
    void SetUp() override {
        registers().reads_as_set(usart1_sr, 0xC0);  // TXE and TC: the transmitter keeps up
        rivet::console::write("hi");
    }
};

TEST_F(netduino_console, clocks_usart1_and_enables_it) {
    EXPECT_NE(registers().value(rcc_apb2enr) & (1u << 4), 0u);    // USART1EN
    EXPECT_EQ(registers().value(usart1_cr1) & 0x200Cu, 0x200Cu);  // UE, TE, RE
}

TEST_F(netduino_console, clocks_gpio_b_and_routes_pb6_pb7_to_usart1) {
    EXPECT_NE(registers().value(rcc_ahb1enr) & (1u << 1), 0u) << "GPIOB is not clocked";
    EXPECT_EQ(registers().value(gpiob_moder) & 0xF000u, 0xA000u)
        << "PB6/PB7 are not in alternate-function mode";
    EXPECT_EQ(registers().value(gpiob_afrl) & 0xFF000000u, 0x77000000u)
        << "PB6/PB7 do not select AF7 (USART1)";
}

TEST_F(netduino_console, sends_the_text_through_the_data_register) {
    registers().clear_log();
    rivet::console::write("ok");
    const auto sent = registers().accesses_to(usart1_dr);
    ASSERT_EQ(sent.size(), 2u);
    EXPECT_EQ(sent[0].value, static_cast<std::uint32_t>('o'));
    EXPECT_EQ(sent[1].value, static_cast<std::uint32_t>('k'));
}

}  // namespace
