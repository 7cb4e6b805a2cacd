// The benchmark sequences written by hand with volatile pointers, as
// firmware without generated headers would.
#include <cstdint>

namespace {
inline volatile std::uint32_t& reg32(std::uintptr_t a) {
    return *reinterpret_cast<volatile std::uint32_t*>(a);
}
inline volatile std::uint16_t& reg16(std::uintptr_t a) {
    return *reinterpret_cast<volatile std::uint16_t*>(a);
}
constexpr std::uintptr_t rcc = 0x40023800, gpioa = 0x40020000, usart2 = 0x40004400,
                         exti = 0x40013C00;
}  // namespace

extern "C" {

void rivet_bench_enable_gpio_clock() {
    reg32(rcc + 0x30) = reg32(rcc + 0x30) | 1u;
}

void rivet_bench_gpio_modes() {
    std::uint32_t v = reg32(gpioa + 0x00);
    v = (v & ~(3u << 10)) | (1u << 10);
    v = (v & ~(3u << 4)) | (2u << 4);
    v = (v & ~(3u << 6)) | (2u << 6);
    reg32(gpioa + 0x00) = v;
}

void rivet_bench_uart_configure() {
    reg16(usart2 + 0x08) = static_cast<std::uint16_t>((22u << 4) | 13u);
    reg16(usart2 + 0x0C) = static_cast<std::uint16_t>((1u << 13) | (1u << 3) | (1u << 2));
}

void rivet_bench_uart_send(char c) {
    while ((reg16(usart2 + 0x00) & (1u << 7)) == 0) {
    }
    reg16(usart2 + 0x04) = static_cast<unsigned char>(c);
}

void rivet_bench_clear_w1c() {
    reg32(exti + 0x14) = 1u << 5;
}

}  // extern "C"
