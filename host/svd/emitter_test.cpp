// Emitter tests: names, shared types, arrays and flag masks in the
// generated text. tests/svd compiles and runs the generated API itself.
#include "rivet/svd/emitter.hpp"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rivet/svd/parser.hpp"

namespace rivet::svd {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr const char* emitter_svd = R"(<device><name>My-Dev</name>
<cpu><name>CM0PLUS</name><nvicPrioBits>2</nvicPrioBits></cpu>
<peripherals>
<peripheral><name>UART</name><baseAddress>0x40000000</baseAddress>
  <interrupt><name>UART_IRQ</name><value>3</value></interrupt>
  <interrupt><name>DMA</name><value>1</value></interrupt>
  <registers>
    <register><name>CR</name><addressOffset>0</addressOffset><fields>
      <field><name>CR</name><bitOffset>0</bitOffset><bitWidth>1</bitWidth></field>
      <field><name>DELETE</name><bitOffset>1</bitOffset><bitWidth>1</bitWidth></field>
      <field><name>MODE</name><bitOffset>2</bitOffset><bitWidth>3</bitWidth><access>write-only</access></field>
      <field><name>STAT</name><bitOffset>5</bitOffset><bitWidth>3</bitWidth><access>read-only</access></field>
      <field><name>TOO_WIDE</name><bitOffset>30</bitOffset><bitWidth>4</bitWidth></field>
    </fields></register>
    <register><name>SR</name><addressOffset>4</addressOffset><fields>
      <field><name>F1</name><bitOffset>0</bitOffset><bitWidth>1</bitWidth><modifiedWriteValues>oneToClear</modifiedWriteValues></field>
      <field><name>F2</name><bitOffset>4</bitOffset><bitWidth>1</bitWidth><modifiedWriteValues>zeroToClear</modifiedWriteValues></field>
    </fields></register>
    <register><dim>8</dim><dimIncrement>4</dimIncrement><name>BUF[%s]</name><addressOffset>0x10</addressOffset><size>8</size></register>
    <register><dim>2</dim><dimIncrement>4</dimIncrement><dimIndex>X,Y</dimIndex><name>P%s</name><addressOffset>0x40</addressOffset></register>
  </registers></peripheral>
<peripheral derivedFrom="UART"><name>UART2</name><baseAddress>0x40001000</baseAddress>
  <interrupt><name>UART2_IRQ</name><value>4</value></interrupt></peripheral>
</peripherals></device>)";

std::string file(const std::vector<generated_file>& files, const std::string& path) {
    for (const generated_file& f : files) {
        if (f.path == path) return f.text;
    }
    return "<missing " + path + ">";
}

TEST(svd_emitter, identifiers) {
    EXPECT_EQ(cpp_identifier("USART1"), "usart1");
    EXPECT_EQ(cpp_identifier("delete"), "delete_");
    EXPECT_EQ(cpp_identifier("2ND"), "_2nd");
    EXPECT_EQ(cpp_identifier("A-B.C"), "a_b_c");
    EXPECT_EQ(cpp_identifier("GPIOA", true), "GPIOA");
    EXPECT_EQ(cpp_identifier("TxNotEmpty"), "tx_not_empty");
    EXPECT_EQ(cpp_identifier("B_0x3"), "b_0x3");
    EXPECT_EQ(cpp_identifier("_Reserved", true), "Reserved");
}

TEST(svd_emitter, two_headers_per_block_type_and_one_per_device) {
    const auto files = emit_cpp(parse_svd_string(emitter_svd, "my.svd"), {});
    ASSERT_EQ(files.size(), 3u);  // UART2 shares UART's block
    // The layout: value classes declared, the block, the instances.
    const std::string layout = file(files, "my_dev/blocks/uart.hpp");
    EXPECT_THAT(layout, HasSubstr("namespace my_dev::uart {"));
    EXPECT_THAT(layout, HasSubstr("namespace cr { class value; }"));
    EXPECT_THAT(layout, HasSubstr("class basic_block : public ::rivet::registers::block_base<T>"));
    EXPECT_THAT(layout, HasSubstr("constexpr auto cr() const { return this->template "
                                  "register_at<::my_dev::uart::cr::value>(0x0); }"));
    EXPECT_THAT(layout, HasSubstr("inline constexpr uart::block UART{0x40000000ull};"));
    EXPECT_THAT(layout, HasSubstr("inline constexpr uart::block UART2{0x40001000ull};"));
    EXPECT_THAT(layout, Not(HasSubstr("class value :")));
    // The fields, after the layout.
    const std::string uart = file(files, "my_dev/uart.hpp");
    EXPECT_THAT(uart, HasSubstr("#include \"blocks/uart.hpp\""));
    EXPECT_THAT(uart,
                HasSubstr("class value : public ::rivet::registers::value<value, std::uint32_t>"));
    EXPECT_THAT(uart, Not(HasSubstr("class basic_block")));
    // The device header: every layout, no fields.
    const std::string dev = file(files, "my_dev.hpp");
    EXPECT_THAT(dev, HasSubstr("#include \"my_dev/blocks/uart.hpp\""));
    EXPECT_THAT(dev, Not(HasSubstr("#include \"my_dev/uart.hpp\"")));
    EXPECT_THAT(dev, HasSubstr("uart_irq = 3,"));
    EXPECT_THAT(dev, HasSubstr("hard_fault = -13,"));
    EXPECT_THAT(dev, HasSubstr("inline constexpr std::size_t irq_count = 5;"));
    EXPECT_THAT(dev, HasSubstr("handler reserved_irq0;  // 0"));
    EXPECT_THAT(dev, HasSubstr("handler uart2_irq;  // 4"));
    EXPECT_THAT(dev, HasSubstr("\"CM0PLUS\""));
    EXPECT_THAT(dev, HasSubstr("inline constexpr std::uintptr_t UART2 = 0x40001000ull;"));
}

TEST(svd_emitter, fields_follow_access_and_names) {
    const std::string uart =
        file(emit_cpp(parse_svd_string(emitter_svd, "my.svd"), {"chip"}), "my_dev/uart.hpp");
    EXPECT_THAT(uart, HasSubstr("namespace chip::uart {"));
    EXPECT_THAT(uart, HasSubstr("constexpr bool cr() const"));  // field named like its register
    EXPECT_THAT(uart, HasSubstr("constexpr value& delete_(bool v)"));
    // write-only field: setter only; read-only field: getter only
    EXPECT_THAT(uart, HasSubstr("constexpr value& mode(::rivet::registers::checked<3> v)"));
    EXPECT_THAT(uart, Not(HasSubstr("std::uint32_t mode() const")));
    EXPECT_THAT(uart, HasSubstr("std::uint32_t stat() const"));
    EXPECT_THAT(uart, Not(HasSubstr("value& stat(")));
    EXPECT_THAT(uart, Not(HasSubstr("too_wide")));  // outside the register: left out
    // flags that act on write are kept by modify
    EXPECT_THAT(uart, HasSubstr("one_to_modify = 0x1u;"));
    EXPECT_THAT(uart, HasSubstr("zero_to_modify = 0x10u;"));
    // arrays: indexed when 0..n-1, expanded otherwise
    EXPECT_THAT(uart, HasSubstr("std::uint8_t"));
    const std::string layout =
        file(emit_cpp(parse_svd_string(emitter_svd, "my.svd"), {"chip"}), "my_dev/blocks/uart.hpp");
    EXPECT_THAT(layout, HasSubstr("static_assert(I < 8, \"buf: index out of range\");"));
    EXPECT_THAT(layout, HasSubstr("px() const"));
    EXPECT_THAT(layout, HasSubstr("py() const"));
}

TEST(svd_emitter, cmsis_header) {
    const auto files = emit_cmsis(parse_svd_string(emitter_svd, "my.svd"));
    ASSERT_EQ(files.size(), 1u);
    EXPECT_EQ(files[0].path, "My_Dev.h");
    const std::string& h = files[0].text;
    EXPECT_THAT(
        h,
        HasSubstr(
            "typedef struct {\n    __IO uint32_t CR;  /* 0x0 */\n    __IO uint32_t SR;  /* 0x4 */\n"
            "    uint8_t RESERVED0[0x8];\n    __IO uint8_t BUF0;  /* 0x10 */\n"
            "    uint8_t RESERVED1[0x3];\n    __IO uint8_t BUF1;  /* 0x14 */\n"));  // stride 4: no
                                                                                    // C array
    EXPECT_THAT(h, HasSubstr("__IO uint32_t PX;  /* 0x40 */"));
    EXPECT_THAT(h, HasSubstr("} UART_TypeDef;"));
    EXPECT_THAT(h, HasSubstr("#define UART2 ((UART_TypeDef *) UART2_BASE)"));
    EXPECT_THAT(h, HasSubstr("UART_IRQ_IRQn = 3,"));
    EXPECT_THAT(h, HasSubstr("#define UART_SR_F2_Pos 4U"));
    EXPECT_THAT(h, HasSubstr("#define UART_SR_F2_Msk (0x1ULL << UART_SR_F2_Pos)"));
}

}  // namespace
}  // namespace rivet::svd
