// The STM32F405 has USART1, 2, 3 and 6 (and UART4, 5): no USART9 interrupt.
#include "rivet/cortex_m/nvic.hpp"
#include "rivet/stm32f405/interrupts.hpp"
using irq = rivet::stm32f405::irq;
void start() {
#ifdef RIVET_COMPILE_FAIL
    rivet::cortex_m::nvic::enable<irq::usart9>();
#else
    rivet::cortex_m::nvic::enable<irq::usart6>();
#endif
}
