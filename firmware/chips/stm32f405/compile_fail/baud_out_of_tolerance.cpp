// 16 MHz / 115200 = 138.9: BRR 139 gives 115108 Bd, 0.08 % slow. Fine for
// the 2 % default, not for a link partner that wants 0.05 %.
#include "rivet/stm32f405/usart.hpp"
using namespace rivet::stm32f405;
using gpio::pin_id_of;
using gpio::port;
#ifdef RIVET_COMPILE_FAIL
using console =
    usart::usart<1, pin_id_of(port::b, 6), pin_id_of(port::b, 7), 16'000'000, 115'200, 500>;
#else
using console =
    usart::usart<1, pin_id_of(port::b, 6), pin_id_of(port::b, 7), 16'000'000, 115'200, 1'000>;
#endif
static_assert(console::baud_error_ppm > 0);
