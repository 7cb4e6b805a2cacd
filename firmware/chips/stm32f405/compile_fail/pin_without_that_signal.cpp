// PA0 carries TIM2/TIM5 channels and UART4, not USART1's TX (PA9 or PB6).
#include "rivet/stm32f405/gpio.hpp"
using namespace rivet::stm32f405::gpio;
#ifdef RIVET_COMPILE_FAIL
void configure() {
    alternate_pin<pin_id_of(port::a, 0), signal::usart1_tx>::configure();
}
#else
void configure() {
    alternate_pin<pin_id_of(port::a, 9), signal::usart1_tx>::configure();
}
#endif
