// With 16x oversampling a 16 MHz clock makes at most 1 MBd (USARTDIV 1).
#include "rivet/stm32f405/usart.hpp"
using namespace rivet::stm32f405;
using gpio::pin_id_of;
using gpio::port;
#ifdef RIVET_COMPILE_FAIL
using console =
    usart::usart<1, pin_id_of(port::b, 6), pin_id_of(port::b, 7), 16'000'000, 2'000'000>;
#else
using console =
    usart::usart<1, pin_id_of(port::b, 6), pin_id_of(port::b, 7), 16'000'000, 1'000'000>;
#endif
static_assert(console::brr == 16);
