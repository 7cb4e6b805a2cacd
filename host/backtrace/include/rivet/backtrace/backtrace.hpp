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
    // With exception_entry: where the core stacked the frame (the MSP or
    // PSP value then), when it is known.
    std::optional<std::uint32_t> stacked_at;
};

// How an unwind ended. The first three are the bottom of a call chain.
enum class ending {
    reset_handler,  // the function the reset vector points to
    chain_end,      // LR held its reset value 0xffffffff
    thread_start,   // a return address that is a function's first instruction: an RTOS seeded it
    process_stack,  // the rest is on the process stack, which the probe does not show
    stopped,        // anything else: stopped_because says why
};

// The thread an RTOS says is running, read through its current-thread
// pointer (FreeRTOS pxCurrentTCB, ThreadX _tx_thread_current_ptr) and the
// DWARF description of its control block; what the block does not hold is
// empty.
struct thread_info {
    std::string rtos;                         // "FreeRTOS", "ThreadX"
    std::uint32_t control_block = 0;          // the TCB's address
    std::string name;                         // the task's name
    std::optional<std::uint32_t> entry;       // its entry function's address
    std::string entry_function;               // and name
    std::optional<std::uint32_t> saved_sp;    // the SP saved at its last context switch
    std::optional<std::uint32_t> stack_base;  // the lowest address of its stack
};

struct trace {
    std::vector<frame> frames;
    ending end = ending::stopped;
    // Why the unwind could not go on (ending::stopped, ::process_stack) or
    // how the chain ends (::thread_start); empty for the clean endings
    // reset_handler and chain_end.
    std::string stopped_because;
    // Frames past unwind()'s max_frames: counted (up to a limit), not kept.
    std::size_t frames_left_out = 0;
    bool left_out_is_lower_bound = false;  // "more than frames_left_out"
    // The running RTOS thread, when the chain runs into the process stack
    // and a known RTOS symbol says which thread that is.
    std::optional<thread_info> thread;
};

// An allocated ELF section.
struct section {
    std::string name;
    std::uint32_t address = 0;
    std::uint32_t size = 0;
    bool executable = false;
    bool writable = false;
    bool has_bytes = false;  // the file holds its contents (not .bss or NOLOAD)
};

// The vector table of a firmware image, as the core sees it at reset.
struct vector_table {
    std::uint32_t address = 0;
    std::uint32_t initial_sp = 0;
    // handlers[n]: the address of exception n's handler (Thumb bit cleared),
    // 0 for an empty slot; handlers[0] and handlers[1] are the initial SP's
    // slot (0) and the reset handler.
    std::vector<std::uint32_t> handlers;
    std::string found_by;  // "symbol rivet_vector_table", "section .isr_vector", ...
};

// The debug information of one firmware image. Never throws on bad DWARF:
// what is missing or corrupt is reported by problem() and the unwinder and
// symbolizer do what they can with the rest (ELF symbols, addresses).
//
// Firmware linked with --gc-sections keeps the DWARF of the functions the
// linker discarded, at address 0, over real code: lines, call-frame entries
// and functions that start where no code is are ignored.
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

    // Unwinds from `start`, keeping at most `max_frames` frames and counting
    // the rest. `start.r[15]` may itself be an EXC_RETURN value (the core
    // halted at the first instruction of an exception handler).
    [[nodiscard]] trace unwind(const registers& start, const memory_reader& read,
                               std::size_t max_frames = default_max_frames) const;
    static constexpr std::size_t default_max_frames = 64;

    // The image's vector table: Rivet's rivet_vector_table, else the one at
    // `boot_address` (where the core fetches it at reset, e.g. the board's
    // flash), else a section or symbol vendors name so (.isr_vector,
    // g_pfnVectors, __Vectors, ...), else the start of the lowest executable
    // load segment; each candidate must hold a plausible reset vector.
    [[nodiscard]] std::optional<vector_table> find_vector_table(
        std::optional<std::uint32_t> boot_address = std::nullopt) const;

    // The running thread of a known RTOS (see thread_info), if the image has
    // one and the memory can be read.
    [[nodiscard]] std::optional<thread_info> current_thread(const memory_reader& read) const;

    // For static analysis (`rivet stack`): the function symbols, sorted by
    // address, with demangled names. A symbol without a size (assembly) gets
    // the range of its call-frame entry, or reaches to the next symbol.
    struct function {
        std::string name;  // demangled
        std::uint32_t address = 0;
        std::uint32_t size = 0;
    };
    [[nodiscard]] std::vector<function> functions() const;
    // The allocated sections, in address order.
    [[nodiscard]] const std::vector<section>& sections() const;
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
// the exception entries, and how the unwind ended. Ends without a newline.
std::string format(const trace& t);

// A valid EXC_RETURN value (0xFFFFFFE1, ..., 0xFFFFFFFD) in LR or PC. The
// reset value of LR, 0xFFFFFFFF, is not one: it ends a call chain.
constexpr bool is_exc_return(std::uint32_t value) {
    if ((value & 0xffffffe0u) != 0xffffffe0u) return false;
    const std::uint32_t low = value & 0x1fu;
    return low == 0x01u || low == 0x09u || low == 0x0du || low == 0x11u || low == 0x19u ||
           low == 0x1du;
}

// The words for an EXC_RETURN value: "thread mode, PSP, basic frame".
std::string exc_return_words(std::uint32_t exc_return);

}  // namespace rivet::backtrace
