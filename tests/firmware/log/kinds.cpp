// Every argument kind, logged from firmware and decoded by `rivet run`.
#include <rivet/log/log.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

enum class color { red, green, blue = 7 };
enum legacy : int { minus_two = -2, zero = 0 };

struct point {
    std::int16_t x;
    std::int16_t y;
};
struct segment {
    point from;
    point to;
    std::uint8_t width;
};

template <>
struct rivet::log::formatter<point> {
    static constexpr char format[] = "({}, {})";
    static constexpr auto fields(const point& p) { return std::tuple{p.x, p.y}; }
};
template <>
struct rivet::log::formatter<segment> {
    static constexpr char format[] = "{} -> {} w={:#x}";
    static constexpr auto fields(const segment& s) { return std::tuple{s.from, s.to, s.width}; }
};

int main() {
    // Through volatile so nothing folds away.
    volatile std::int8_t i8 = -128;
    volatile std::uint64_t u64 = 18446744073709551615ull;
    volatile std::int64_t i64 = -9000000000ll;
    volatile float f = 1.5f;
    volatile double d = -2.25;
    RIVET_INFO("ints {} {} {} {} {}", i8, std::uint16_t{65535}, std::int32_t{-7}, u64, i64);
    RIVET_INFO("hints {:x} {:#X} {:b} {:#o} {:08} {:#010x}", 255u, 255u, 5u, 8u, -42, 0xbeefu);
    RIVET_INFO("bool {} char {} {:?}", true, 'z', 'q');
    RIVET_INFO("float {} {:.3} double {}", static_cast<float>(f), static_cast<float>(f),
               static_cast<double>(d));
    char buffer[8] = {'b', 'u', 'f', '\0', 'x'};
    const char* text = "c-string";
    RIVET_INFO("strings {} {} {:?} {}", buffer, text, std::string_view("quo\"te"),
               RIVET_STR("lit"));
    const std::uint8_t bytes[] = {0xde, 0xad, 0xbe, 0xef};
    RIVET_INFO("bytes {} {:#x} {:?}", std::span<const std::uint8_t>(bytes), bytes,
               std::span<const std::uint8_t>(bytes, 2));
    const std::array<std::int16_t, 3> list{-1, 0, 1};
    RIVET_INFO("list {} {:x}", list, std::array<std::uint32_t, 2>{16, 255});
    RIVET_INFO("enum {} {:?} {} {}", color::green, color::blue, static_cast<color>(3), minus_two);
    RIVET_INFO("pointer {}", reinterpret_cast<const void*>(0x20000010));
    RIVET_INFO("optional {} {:?} {:?}", std::optional<int>(5), std::optional<int>(),
               std::optional<std::uint8_t>(9));
    RIVET_INFO("user {} / {}", point{3, -4}, segment{{0, 0}, {10, 20}, 16});
    return 0;
}
