// The benchmark sequences written with the generated register API
// (stm32f405, stm32-rs patched). raw.cpp does the same with volatile pointers.
#include "stm32f405.hpp"  // the instances (RCC, GPIOA, ...)
#include "stm32f405/exti.hpp"  // and the fields of the registers used
#include "stm32f405/gpioa.hpp"
#include "stm32f405/rcc.hpp"
#include "stm32f405/usart1.hpp"

namespace dev = stm32f405;

extern "C" {

void rivet_bench_enable_gpio_clock() {
    dev::RCC.ahb1enr().modify([](auto& v) { v.gpioaen(dev::rcc::ahb1enr::gpioaen_v::enabled); });
}

void rivet_bench_gpio_modes() {
    using mode = dev::gpioa::moder::moder_v;
    dev::GPIOA.moder().modify(
        [](auto& v) { v.moder5(mode::output).moder2(mode::alternate).moder3(mode::alternate); });
}

void rivet_bench_uart_configure() {
    dev::USART2.brr().write([](auto& v) { v.div_mantissa(22).div_fraction(13); });
    dev::USART2.cr1().write([](auto& v) {
        namespace cr1 = dev::usart1::cr1;
        v.ue(cr1::ue_v::enabled).te(cr1::te_v::enabled).re(cr1::re_v::enabled);
    });
}

void rivet_bench_uart_send(char c) {
    while (dev::USART2.sr().read().txe() != dev::usart1::sr::txe_r::tx_empty) {
    }
    dev::USART2.dr().write([c](auto& v) { v.dr_bits(static_cast<unsigned char>(c)); });
}

void rivet_bench_clear_w1c() {
    dev::EXTI.pr().write([](auto& v) { v.pr5(dev::exti::pr::pr_w::clear); });
}

}  // extern "C"
