// USART2's TX is PA2 or PD5; PA9 belongs to USART1.
#include "rivet/stm32f405/usart.hpp"
using namespace rivet::stm32f405;
using gpio::pin_id_of;
using gpio::port;
#ifdef RIVET_COMPILE_FAIL
using serial = usart::usart<2, pin_id_of(port::a, 9), pin_id_of(port::a, 3), 16'000'000, 115200>;
#else
using serial = usart::usart<2, pin_id_of(port::a, 2), pin_id_of(port::a, 3), 16'000'000, 115200>;
#endif
static_assert(serial::brr == 139);
