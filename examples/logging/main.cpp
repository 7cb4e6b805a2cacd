// Deferred logging, end to end: levels, every kind of argument, a user
// type, and a panic. `rivet run` decodes the frames live; the format
// strings never reach flash (they live in the ELF's .rivet.log section).
#include <rivet/log/log.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

namespace {

enum class motor_state { idle, spinning, stalled };

struct vector3 {
    std::int16_t x, y, z;
};
struct imu_sample {
    vector3 accel;
    vector3 gyro;
    std::uint32_t sequence;
};

// Reading the temperature sensor, for the sake of the example.
std::int32_t read_millicelsius(std::uint32_t i) {
    return 21500 + static_cast<std::int32_t>(i) * 125;
}

}  // namespace

// User types take part through one customisation point, and compose.
template <>
struct rivet::log::formatter<vector3> {
    static constexpr char format[] = "({}, {}, {})";
    static constexpr auto fields(const vector3& v) { return std::tuple{v.x, v.y, v.z}; }
};
template <>
struct rivet::log::formatter<imu_sample> {
    static constexpr char format[] = "#{} accel={} gyro={}";
    static constexpr auto fields(const imu_sample& s) {
        return std::tuple{s.sequence, s.accel, s.gyro};
    }
};

int main() {
    RIVET_PRINTLN("deferred logging example");

    // Levels (filter at compile time with RIVET_LOG_LEVEL, at run time with --level).
    RIVET_TRACE("trace: the finest detail");
    RIVET_DEBUG("debug: {} bytes free", 1024u);
    RIVET_INFO("info: t={} mC", read_millicelsius(3));
    RIVET_WARN("warn: fan at {}%", 97);
    RIVET_ERROR("error: sensor {} not responding", RIVET_STR("bme280"));

    // Every kind of argument.
    RIVET_INFO("integers {} {} {} {}", std::int8_t{-5}, std::uint16_t{60000}, -123456789,
               1ull << 40);
    RIVET_INFO("hints {:#x} {:b} {:08} {:#o}", 48879u, 10u, 42, 8u);
    RIVET_INFO("bool {} char {:?} float {:.2} double {}", true, 'k', 3.14159f, 2.718281828);
    RIVET_INFO("strings {} {:?} {}", "runtime C string", std::string_view("a view"),
               RIVET_STR("an interned literal"));
    const std::array<std::uint8_t, 4> packet{0xca, 0xfe, 0x00, 0x01};
    RIVET_INFO("bytes {} as list {:#x}", std::span<const std::uint8_t>(packet), packet);
    RIVET_INFO("array {}", std::array<std::int32_t, 3>{-1, 0, 1});
    RIVET_INFO("enum {} {:?}", motor_state::spinning, motor_state::stalled);
    static std::uint32_t register_file[4];
    RIVET_INFO("pointer {}", static_cast<const void*>(register_file));
    RIVET_INFO("optional {:?} {:?}", std::optional<std::uint8_t>(7), std::optional<std::uint8_t>());
    RIVET_INFO("user type {}", imu_sample{{1, -2, 980}, {0, 0, -3}, 42});

    // A failed check ends the program with the panic exit code (101).
    const std::uint32_t expected_id = 0x60;
    const std::uint32_t chip_id = 0x58;
    RIVET_ASSERT_EQ(chip_id, expected_id, "wrong chip on the bus");
    return 0;
}
