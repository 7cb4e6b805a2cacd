// A probe for unit tests of what drives one (the runner, RTT, stack
// measurement): RAM regions as byte arrays, registers by name, breakpoints
// recorded, and a core whose stops are scripted. One fake for every test,
// so each does not write its own.
#pragma once

#include <rivet/probe/probe.hpp>

#include <chrono>
#include <cstdint>
#include <deque>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace rivet::probe {

class fake_probe : public probe {
public:
    // Memory the target has; accesses outside every region throw
    // error(io), as a real probe's would.
    void add_memory(std::uint32_t base, std::size_t size);
    void put32(std::uint32_t address, std::uint32_t value);
    [[nodiscard]] std::uint32_t get32(std::uint32_t address);
    void put(std::uint32_t address, std::string_view bytes);

    // Registers read as 0 until set; has_register is true for those set.
    void set_register(std::string_view name, std::uint32_t value);

    // The core's script: it stops `after` the first run() following the
    // previous stop (pc set first, when given), however often it is halted
    // and resumed meanwhile. With the script empty the core runs for ever.
    // A halt() stops it at once with SIGINT unless `ignore_halts` is set.
    struct scripted_stop {
        std::chrono::milliseconds after{0};
        stop_event event{};
        std::optional<std::uint32_t> pc{};
        // Also set when the stop comes: other registers (r0 at an exit
        // trap), and the instruction counter.
        std::map<std::string, std::uint32_t, std::less<>> registers{};
        std::optional<std::uint64_t> instructions{};
    };
    void script(scripted_stop stop) { script_.push_back(stop); }
    bool ignore_halts = false;
    // Called before every write; returning false drops it (memory that a
    // probe cannot write, such as flash without a flash algorithm).
    std::function<bool(std::uint32_t address, std::span<const std::uint8_t> data)> write_hook;

    [[nodiscard]] const std::set<std::uint32_t>& breakpoints() const { return breakpoints_; }
    [[nodiscard]] bool running() const { return running_; }
    [[nodiscard]] int runs() const { return runs_; }
    [[nodiscard]] int halts() const { return halts_; }
    [[nodiscard]] int steps() const { return steps_; }
    [[nodiscard]] bool detached() const { return detached_; }
    [[nodiscard]] int system_resets() const { return system_resets_; }
    // What instructions_executed() says; nullopt: the probe cannot count.
    std::optional<std::uint64_t> instruction_count;

    // probe
    [[nodiscard]] std::string describe() const override { return "fake probe"; }
    [[nodiscard]] std::vector<std::uint8_t> read_memory(std::uint32_t address,
                                                        std::size_t length) override;
    void write_memory(std::uint32_t address, std::span<const std::uint8_t> data) override;
    [[nodiscard]] std::uint32_t read_register(std::string_view name) override;
    // Little-endian, as wide as set_register_bytes made it (4 bytes otherwise).
    [[nodiscard]] std::vector<std::uint8_t> read_register_bytes(std::string_view name) override;
    void set_register_bytes(std::string_view name, std::vector<std::uint8_t> bytes);
    void write_register(std::string_view name, std::uint32_t value) override;
    [[nodiscard]] bool has_register(std::string_view name) const override;
    void set_breakpoint(std::uint32_t address) override { breakpoints_.insert(address); }
    void clear_breakpoint(std::uint32_t address) override { breakpoints_.erase(address); }
    void run() override;
    // One instruction is two bytes here: pc advances by 2 and the core
    // stops with SIGTRAP.
    void step() override;
    void halt() override;
    [[nodiscard]] std::optional<stop_event> wait_stop(std::chrono::milliseconds timeout) override;
    // Counted; the core stays halted (the script goes on).
    void reset_system() override;
    [[nodiscard]] std::optional<std::uint64_t> instructions_executed() override {
        return instruction_count;
    }
    // As a GDB server does on D: breakpoints removed, the core resumed.
    void detach() override;

private:
    struct region {
        std::uint32_t base;
        std::vector<std::uint8_t> bytes;
    };
    std::uint8_t* bytes_at(std::uint32_t address, std::size_t length);

    std::vector<region> memory_;
    std::map<std::string, std::uint32_t, std::less<>> registers_;
    std::map<std::string, std::vector<std::uint8_t>, std::less<>> wide_registers_;
    std::set<std::uint32_t> breakpoints_;
    bool detached_ = false;
    std::deque<scripted_stop> script_;
    std::optional<stop_event> pending_;
    std::chrono::steady_clock::time_point stops_at_{};
    bool armed_ = false;
    bool running_ = false;
    int runs_ = 0;
    int halts_ = 0;
    int system_resets_ = 0;
    int steps_ = 0;
};

}  // namespace rivet::probe
