// ARM semihosting calls: a `bkpt 0xab` with the operation in r0 and its
// argument in r1, serviced by a debugger or by QEMU (-semihosting).
#pragma once

#include <cstdint>

namespace rivet::semihosting {

inline std::uintptr_t call(std::uint32_t operation, const void* argument) noexcept {
    register std::uint32_t r0 asm("r0") = operation;
    register const void* r1 asm("r1") = argument;
    asm volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
    return r0;
}

}  // namespace rivet::semihosting
