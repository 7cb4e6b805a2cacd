// The temperature example of every board with a TMP105, written once
// against the HAL's I2C concept: reads the sensor once through the generic
// driver and logs the temperature, or why there is none (no sensor
// acknowledging, an I2C error, a failed read).
#pragma once

#include <rivet/drivers/tmp105.hpp>
#include <rivet/hal/i2c.hpp>
#include <rivet/log/log.hpp>

#include <cstdint>
#include <optional>

namespace rivet::examples {

template <rivet::hal::i2c_bus Bus>
std::optional<std::int32_t> read_temperature(Bus& bus) {
    rivet::drivers::tmp105 sensor{bus};
    if (auto configured = sensor.init(); !configured) {
        if (rivet::hal::i2c::is_no_acknowledge(configured.error())) {
            RIVET_WARN("no TMP105 at {:#x}", sensor.address().bits());
        } else {
            RIVET_ERROR("I2C error {}", static_cast<int>(configured.error()));
        }
        return std::nullopt;
    }
    auto temperature = sensor.read_millicelsius();
    if (!temperature) {
        RIVET_ERROR("TMP105 read failed");
        return std::nullopt;
    }
    RIVET_INFO("temperature {} mC", temperature.value());
    return temperature.value();
}

}  // namespace rivet::examples
