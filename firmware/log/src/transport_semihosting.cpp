// Frames through semihosting SYS_WRITE to the host's stdout (":tt"); slow
// (one debugger trap per frame) but needs nothing but a debugger.
#include <rivet/runtime/semihosting.hpp>

#include <cstdint>

#include <rivet/log/transport.hpp>

namespace rivet::log::transport {
namespace {

constexpr std::uint32_t sys_open = 0x01;
constexpr std::uint32_t sys_write = 0x05;
int handle = -1;

}  // namespace

[[gnu::weak]] bool write(std::span<const std::uint8_t> frame) noexcept {
    if (handle < 0) {
        // ":tt" opened for writing binary ("wb" = mode 5) is the host's stdout.
        const std::uint32_t open_block[3] = {reinterpret_cast<std::uint32_t>(":tt"), 5, 3};
        handle = static_cast<int>(semihosting::call(sys_open, open_block));
        if (handle < 0) return false;
    }
    const std::uint32_t block[3] = {static_cast<std::uint32_t>(handle),
                                    reinterpret_cast<std::uint32_t>(frame.data()),
                                    static_cast<std::uint32_t>(frame.size())};
    return semihosting::call(sys_write, block) == 0;
}

}  // namespace rivet::log::transport
