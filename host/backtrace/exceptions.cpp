// Cortex-M exception numbers (ARMv7-M ARM B1.5.2; ARMv6-M has a subset).
#include <rivet/backtrace/exceptions.hpp>

#include <fmt/format.h>

namespace rivet::backtrace {

std::string exception_name(std::uint32_t number) {
    switch (number) {
        case 2:
            return "NMI";
        case 3:
            return "HardFault";
        case 4:
            return "MemManage fault";
        case 5:
            return "BusFault";
        case 6:
            return "UsageFault";
        case 11:
            return "SVCall";
        case 12:
            return "DebugMonitor";
        case 14:
            return "PendSV";
        case 15:
            return "SysTick";
        default:
            return number >= 16 ? fmt::format("interrupt {}", number - 16)
                                : fmt::format("reserved exception {}", number);
    }
}

}  // namespace rivet::backtrace
