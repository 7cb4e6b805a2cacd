#include <rivet/probe/fake_probe.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>

#include <cstring>
#include <thread>
#include <utility>

namespace rivet::probe {

void fake_probe::add_memory(std::uint32_t base, std::size_t size) {
    memory_.push_back({base, std::vector<std::uint8_t>(size)});
}

std::uint8_t* fake_probe::bytes_at(std::uint32_t address, std::size_t length) {
    for (auto& r : memory_) {
        if (address >= r.base && address - r.base + length <= r.bytes.size())
            return r.bytes.data() + (address - r.base);
    }
    throw error(
        error_kind::io,
        fmt::format("fake probe: {} bytes at 0x{:08x} are outside its memory", length, address));
}

std::vector<std::uint8_t> fake_probe::read_memory(std::uint32_t address, std::size_t length) {
    const auto* from = bytes_at(address, length);
    return {from, from + length};
}

void fake_probe::write_memory(std::uint32_t address, std::span<const std::uint8_t> data) {
    if (write_hook && !write_hook(address, data)) return;
    std::memcpy(bytes_at(address, data.size()), data.data(), data.size());
}

void fake_probe::put32(std::uint32_t address, std::uint32_t value) {
    std::memcpy(bytes_at(address, 4), &value, 4);
}

std::uint32_t fake_probe::get32(std::uint32_t address) {
    std::uint32_t value;
    std::memcpy(&value, bytes_at(address, 4), 4);
    return value;
}

void fake_probe::put(std::uint32_t address, std::string_view bytes) {
    std::memcpy(bytes_at(address, bytes.size()), bytes.data(), bytes.size());
}

void fake_probe::set_register(std::string_view name, std::uint32_t value) {
    registers_.insert_or_assign(std::string(name), value);
}

std::uint32_t fake_probe::read_register(std::string_view name) {
    if (running_) throw error(error_kind::io, "fake probe: registers read while the core runs");
    auto it = registers_.find(name);
    return it == registers_.end() ? 0 : it->second;
}

std::vector<std::uint8_t> fake_probe::read_register_bytes(std::string_view name) {
    if (auto wide = wide_registers_.find(name); wide != wide_registers_.end()) return wide->second;
    const auto value = read_register(name);
    return {static_cast<std::uint8_t>(value), static_cast<std::uint8_t>(value >> 8),
            static_cast<std::uint8_t>(value >> 16), static_cast<std::uint8_t>(value >> 24)};
}

void fake_probe::set_register_bytes(std::string_view name, std::vector<std::uint8_t> bytes) {
    wide_registers_.insert_or_assign(std::string(name), std::move(bytes));
}

void fake_probe::write_register(std::string_view name, std::uint32_t value) {
    set_register(name, value);
}

bool fake_probe::has_register(std::string_view name) const {
    return registers_.contains(name) || wide_registers_.contains(name);
}

void fake_probe::run() {
    running_ = true;
    ++runs_;
    // The next stop's time counts from the first run() after it was
    // scripted (or after the previous stop), not from every resume.
    if (!script_.empty() && !armed_) {
        stops_at_ = std::chrono::steady_clock::now() + script_.front().after;
        armed_ = true;
    }
}

void fake_probe::reset_system() {
    if (running_) throw error(error_kind::io, "fake probe: reset while the core runs");
    ++system_resets_;
}

void fake_probe::step() {
    if (running_) throw error(error_kind::io, "fake probe: step while the core runs");
    ++steps_;
    set_register("pc", read_register("pc") + 2);
    pending_ = stop_event{stop_event::kind::halted, 5, 0};
}

void fake_probe::detach() {
    breakpoints_.clear();
    running_ = true;
    detached_ = true;
}

void fake_probe::halt() {
    ++halts_;
    if (!running_ || ignore_halts) return;
    running_ = false;
    pending_ = stop_event{stop_event::kind::halted, 2, 0};
}

std::optional<stop_event> fake_probe::wait_stop(std::chrono::milliseconds timeout) {
    if (pending_) return std::exchange(pending_, std::nullopt);
    if (!running_) return std::nullopt;
    const auto deadline = std::chrono::steady_clock::now() + timeout;
    if (script_.empty() || stops_at_ > deadline) {
        std::this_thread::sleep_until(deadline);
        return std::nullopt;
    }
    std::this_thread::sleep_until(stops_at_);
    auto next = script_.front();
    script_.pop_front();
    armed_ = false;
    running_ = false;
    if (next.pc) set_register("pc", *next.pc);
    for (const auto& [name, value] : next.registers) set_register(name, value);
    if (next.instructions) instruction_count = next.instructions;
    return next.event;
}

}  // namespace rivet::probe
