// The vertical slice: integers and strings logged over RTT, decoded live by
// `rivet run`.
#include <rivet/log/log.hpp>

#include <cstdint>
#include <string_view>

int main() {
    const int temperature = -12;
    const std::uint32_t count = 300000;
    const char* name = "sensor-a";
    RIVET_INFO("t={} C", temperature);
    RIVET_WARN("count={} hex={:#x} name={}", count, count, name);
    RIVET_ERROR("view={} {}", std::string_view("abc"), RIVET_STR("interned"));
    RIVET_PRINTLN("bare line {}", 7);
    return 0;
}
