// STM32F4 USART (USART1 on the Netduino Plus 2). Clock gating through RCC is
// real on hardware and a stub under QEMU; both accept the same sequence.
#include <rivet/board/config.hpp>
#include <rivet/console/console.hpp>

#include "stm32f405/rcc.hpp"
#include "stm32f405/usart1.hpp"

namespace rivet::console {
namespace {
constexpr auto usart = ::stm32f405::usart1::block{board::console_base};
namespace cr1 = ::stm32f405::usart1::cr1;
namespace sr = ::stm32f405::usart1::sr;
}  // namespace

void init() noexcept {
    ::stm32f405::RCC.apb2enr().modify(
        [](auto& r) { r.usart1en(::stm32f405::rcc::apb2enr::tim1en_v::enabled); });
    usart.brr().write([](auto& r) {
        r.set_bits(static_cast<std::uint16_t>((board::clock_hz + 115200u / 2u) / 115200u));
    });
    usart.cr1().write(
        [](auto& r) { r.ue(cr1::ue_v::enabled).te(cr1::te_v::enabled).re(cr1::re_v::enabled); });
}

void put(char c) noexcept {
    while (usart.sr().read().txe() != sr::txe_r::tx_empty) {
    }
    usart.dr().write(::stm32f405::usart1::dr::value{static_cast<unsigned char>(c)});
}

bool get(char& c) noexcept {
    const auto status = usart.sr().read();
    if (status.rxne() != sr::rxner_r::data_ready) return false;
    c = static_cast<char>(usart.dr().read().bits() & 0xff);
    return true;
}

}  // namespace rivet::console
