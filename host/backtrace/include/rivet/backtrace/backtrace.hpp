// Symbolic backtraces of a halted Cortex-M core: unwinding with the DWARF
// call-frame information in .debug_frame (through libdw), across exception
// entries (EXC_RETURN in LR; basic and FPU-extended frames on MSP or PSP),
// and symbolization with demangled names, file:line and inlined frames.
#pragma once

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rivet::backtrace {

// Core registers r0..r15 (r13 = the current SP, r15 = PC) and the banked
// stack pointers, as read from the halted core.
struct registers {
    std::array<std::uint32_t, 16> r{};
    std::optional<std::uint32_t> msp;
    std::optional<std::uint32_t> psp;
};

// One word of target memory, or nullopt when it cannot be read.
using memory_reader = std::function<std::optional<std::uint32_t>(std::uint32_t address)>;

// A source position with the function it lies in.
struct location {
    std::string function;  // demangled; empty when unknown
    std::string file;      // empty when there is no line information
    unsigned line = 0;
    bool inlined = false;  // an inlined call inside the next location's function
};

struct frame {
    std::uint32_t pc = 0;
    std::vector<location> locations;  // innermost first; at least one
    // The core took an exception here: this frame's registers come from the
    // stacked frame, and the frame before it is the handler.
    bool exception_entry = false;
    std::uint32_t exc_return = 0;  // with exception_entry
};

struct trace {
    std::vector<frame> frames;
    // Empty when the unwind ended cleanly at the reset handler; otherwise why
    // it could not go on ("no unwind information for 0x...").
    std::string stopped_because;
};

// The debug information of one firmware image. Never throws on bad DWARF:
// what is missing or corrupt is reported by problem() and the unwinder and
// symbolizer do what they can with the rest (ELF symbols, addresses).
class debug_info {
public:
    // `image` is the whole ELF file; `name` names it in messages.
    debug_info(std::vector<std::uint8_t> image, std::string name);
    ~debug_info();
    debug_info(const debug_info&) = delete;
    debug_info& operator=(const debug_info&) = delete;

    // Reads the file; an unreadable file gives a debug_info with a problem().
    static std::unique_ptr<debug_info> load(const std::string& path);

    // Why debug information is missing or partly unusable; empty if all is well.
    [[nodiscard]] const std::string& problem() const;

    // The source locations of `pc` (innermost, i.e. inlined, first); at
    // least one entry, with an empty function when nothing is known.
    [[nodiscard]] std::vector<location> symbolize(std::uint32_t pc) const;

    // Unwinds from `start`. `start.r[15]` may itself be an EXC_RETURN value
    // (the core halted at the first instruction of an exception handler).
    [[nodiscard]] trace unwind(const registers& start, const memory_reader& read,
                               std::size_t max_frames = 64) const;

    // For static analysis (`rivet stack`): the function symbols, sorted by
    // address, with demangled names.
    struct function {
        std::string name;  // demangled
        std::uint32_t address = 0;
        std::uint32_t size = 0;
    };
    [[nodiscard]] std::vector<function> functions() const;
    // Bytes of an allocated section at [address, address + length), if the
    // ELF holds them all.
    [[nodiscard]] std::optional<std::vector<std::uint8_t>> bytes_at(std::uint32_t address,
                                                                    std::uint32_t length) const;
    // The most stack the function's CFI ever puts between its CFA and SP
    // (its frame, including the saved registers); nullopt without CFI.
    [[nodiscard]] std::optional<std::uint32_t> frame_size(const function& f) const;
    // The value and size of any .symtab symbol (data too), by name.
    [[nodiscard]] std::optional<std::pair<std::uint32_t, std::uint32_t>> find_symbol(
        std::string_view name) const;
    // Where DWARF says the function at `address` is declared (file, line).
    [[nodiscard]] std::optional<std::pair<std::string, unsigned>> declaration(
        std::uint32_t address) const;

    struct impl;

private:
    std::unique_ptr<impl> impl_;
};

// "  #0  0x00000123 in foo(int) at src/a.cpp:12" lines, one per location,
// and the marker where unwinding stopped. Ends without a newline.
std::string format(const trace& t);

// True for an EXC_RETURN value (0xFFFFFFxx) in LR or PC.
constexpr bool is_exc_return(std::uint32_t value) {
    return value >= 0xffffff00u;
}

}  // namespace rivet::backtrace
