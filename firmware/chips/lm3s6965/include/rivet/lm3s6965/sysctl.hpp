// System control: clock gating of the peripherals (RCGC1, RCGC2). A
// peripheral must be clocked before its registers are touched: the silicon
// faults otherwise (QEMU does not enforce it, so tests would not notice).
#pragma once

#include "lm3s6965/sysctl.hpp"

namespace rivet::lm3s6965::sysctl {

enum class peripheral : unsigned char {
    uart0,
    uart1,
    uart2,
    ssi0,
    i2c0,
    i2c1,
    timer0,
    timer1,
    timer2,
    timer3,
    gpioa,
    gpiob,
    gpioc,
    gpiod,
    gpioe,
    gpiof,
    gpiog,
};

// Turns on the run-mode clock of P. Idempotent.
template <peripheral P>
inline void enable_clock() {
    constexpr auto system = ::lm3s6965::SYSCTL;
    if constexpr (P >= peripheral::gpioa) {
        system.rcgc2().modify([](auto& r) {
            if constexpr (P == peripheral::gpioa) r.gpioa(true);
            if constexpr (P == peripheral::gpiob) r.gpiob(true);
            if constexpr (P == peripheral::gpioc) r.gpioc(true);
            if constexpr (P == peripheral::gpiod) r.gpiod(true);
            if constexpr (P == peripheral::gpioe) r.gpioe(true);
            if constexpr (P == peripheral::gpiof) r.gpiof(true);
            if constexpr (P == peripheral::gpiog) r.gpiog(true);
        });
        // The clock takes a few cycles to reach the block: one read of the
        // gating register is the documented wait.
        (void)system.rcgc2().read();
    } else {
        system.rcgc1().modify([](auto& r) {
            if constexpr (P == peripheral::uart0) r.uart0(true);
            if constexpr (P == peripheral::uart1) r.uart1(true);
            if constexpr (P == peripheral::uart2) r.uart2(true);
            if constexpr (P == peripheral::ssi0) r.ssi0(true);
            if constexpr (P == peripheral::i2c0) r.i2c0(true);
            if constexpr (P == peripheral::i2c1) r.i2c1(true);
            if constexpr (P == peripheral::timer0) r.timer0(true);
            if constexpr (P == peripheral::timer1) r.timer1(true);
            if constexpr (P == peripheral::timer2) r.timer2(true);
            if constexpr (P == peripheral::timer3) r.timer3(true);
        });
        (void)system.rcgc1().read();
    }
}

}  // namespace rivet::lm3s6965::sysctl
