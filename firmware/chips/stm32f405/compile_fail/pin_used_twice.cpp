// PA10 is the Netduino Plus 2's LED and USART1's RX: not both at once.
#include "rivet/hal/pins.hpp"
#include "rivet/stm32f405/gpio.hpp"
#include "rivet/stm32f405/usart.hpp"
using namespace rivet::stm32f405;
using gpio::pin_id_of;
using gpio::port;
using led = gpio::output_pin<port::a, 10>;
#ifdef RIVET_COMPILE_FAIL
using console = usart::usart<1, pin_id_of(port::a, 9), pin_id_of(port::a, 10), 16'000'000, 115200>;
#else
using console = usart::usart<1, pin_id_of(port::b, 6), pin_id_of(port::b, 7), 16'000'000, 115200>;
#endif
void take_them() {
    auto [serial, light] = rivet::hal::take<console, led>();
    (void)serial;
    (void)light;
}
