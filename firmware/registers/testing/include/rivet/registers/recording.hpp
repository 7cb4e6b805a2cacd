// A register recorder for host tests: with RIVET_REGISTERS_RECORDING every
// reg<R> access calls rivet::registers::recording::load()/store(); this
// library defines them to log the access (address, width, value, load or
// store) in the recorder in scope and to keep a map of register values, so
// a test can assert the exact register sequence a HAL produces.
//
//   rivet::registers::testing::recorder regs;
//   regs.on_load(0x40023800, [](std::uint32_t v) { return v | 1u << 1; });  // HSIRDY
//   hal_under_test();
//   EXPECT_THAT(regs.stores(), ElementsAre(store(0x40023830, 4, 0x1), ...));
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <ostream>
#include <vector>

namespace rivet::registers::testing {

struct access {
    enum class kind : unsigned char { load, store };
    kind what;
    std::uintptr_t address;
    unsigned width_bytes;
    std::uint32_t value;  // what was read, or what was written
    bool operator==(const access&) const = default;
};

constexpr access load(std::uintptr_t address, unsigned width, std::uint32_t value) {
    return {access::kind::load, address, width, value};
}
constexpr access store(std::uintptr_t address, unsigned width, std::uint32_t value) {
    return {access::kind::store, address, width, value};
}

// GoogleTest prints accesses with this: "store32 0x40023830 = 0x00000001".
void PrintTo(const access& a, std::ostream* out);
std::ostream& operator<<(std::ostream& out, const access& a);

// Records while it is alive (the most recent one wins; they nest). Not
// thread-safe: HAL tests run single-threaded.
class recorder {
public:
    // What a load returns: given the value the map holds, the value read.
    using load_hook = std::function<std::uint32_t(std::uint32_t stored)>;
    // Runs after a store has updated the map (to model write-1-to-clear
    // registers or a register that mirrors another).
    using store_hook = std::function<void(recorder&, std::uint32_t written)>;

    recorder();
    ~recorder();
    recorder(const recorder&) = delete;
    recorder& operator=(const recorder&) = delete;

    // Every access since construction or the last clear_log().
    const std::vector<access>& log() const { return log_; }
    std::vector<access> stores() const;
    std::vector<access> accesses_to(std::uintptr_t address) const;
    void clear_log() { log_.clear(); }

    // The register map: value() of an address never written is 0 (or what
    // set() put there); set() changes it without logging.
    std::uint32_t value(std::uintptr_t address) const;
    void set(std::uintptr_t address, std::uint32_t v) { memory_[address] = v; }

    void on_load(std::uintptr_t address, load_hook hook) { load_hooks_[address] = std::move(hook); }
    void on_store(std::uintptr_t address, store_hook hook) {
        store_hooks_[address] = std::move(hook);
    }
    // The common hook: `mask` always reads as set at `address` (a ready or
    // empty flag the HAL waits for).
    void reads_as_set(std::uintptr_t address, std::uint32_t mask) {
        on_load(address, [mask](std::uint32_t v) { return v | mask; });
    }

    // Called by the seam.
    std::uint32_t do_load(std::uintptr_t address, unsigned width);
    void do_store(std::uintptr_t address, unsigned width, std::uint32_t v);

    static recorder* current();

private:
    std::vector<access> log_;
    std::map<std::uintptr_t, std::uint32_t> memory_;
    std::map<std::uintptr_t, load_hook> load_hooks_;
    std::map<std::uintptr_t, store_hook> store_hooks_;
    recorder* previous_;
};

}  // namespace rivet::registers::testing
