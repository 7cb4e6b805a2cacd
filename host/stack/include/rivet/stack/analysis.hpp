// `rivet stack ELF`: a static stack report for any Cortex-M firmware, linked
// by Rivet or not. Per-function frame sizes from GCC's -fstack-usage (.su)
// files, else the ELF's call-frame information (libraries' too), else the
// function's own pushes and SP adjustments; the call graph from the Thumb
// code's direct calls and tail branches; and the deepest call path from each
// entry point: the reset handler and every exception handler of the ELF's
// vector table, then each function whose address is stored (thread entries,
// callbacks). Recursion, indirect calls and dynamic frames make a path
// unbounded, and the report names the functions that do.
#pragma once

#include <rivet/backtrace/backtrace.hpp>

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace rivet::stack {

// One line of a .su file: "file:line:column:name<TAB>bytes<TAB>qualifiers".
struct usage_entry {
    std::string file;
    unsigned line = 0;
    std::string name;
    std::uint32_t bytes = 0;
    bool dynamic = false;  // "dynamic" without "bounded": alloca or a VLA
};

// Parses one .su file's text; malformed lines are skipped.
std::vector<usage_entry> parse_usage(std::string_view text);

// Reads the .su files under each path (a file or a folder, searched recursively).
std::vector<usage_entry> read_usage(const std::vector<std::filesystem::path>& paths);

// Decoded from Thumb code: where a function calls or branches to. A BLX or
// BX through a register right after the register was loaded from a literal
// in the same code (`ldr r3, =f; blx r3`) is a call of that literal.
struct call_site {
    std::uint32_t from = 0;     // the instruction's address
    std::uint32_t target = 0;   // 0 for indirect
    bool tail = false;          // a branch that leaves the function
    bool indirect = false;      // BLX/BX through a register of unknown value
    std::uint32_t literal = 0;  // where the target was loaded from, for a resolved BLX/BX
};
std::vector<call_site> decode_calls(const std::vector<std::uint8_t>& code, std::uint32_t address);

// The stack a function's code reserves itself: every PUSH, VPUSH, pre-indexed
// store to SP and SUB SP in it, summed (an upper bound when it pushes on
// several paths). For code without call-frame information (assembly) and
// naked functions, whose CFI does not see their own pushes.
std::uint32_t frame_from_code(const std::vector<std::uint8_t>& code);

struct function_report {
    std::string name;
    std::uint32_t address = 0;
    std::optional<std::uint32_t> frame;  // nullopt: unknown
    std::string frame_source;            // "su", "cfi", "code" or "?"
    bool dynamic_frame = false;
    std::vector<std::uint32_t> callees;         // function addresses
    std::vector<std::uint32_t> indirect_calls;  // where it calls through a register
    bool address_taken = false;                 // its address is stored in code or data
};

struct path_report {
    std::string root;         // the entry point
    std::string entry_for;    // "reset", "NMI, HardFault, ...", "address taken"
    std::uint32_t bytes = 0;  // the deepest proven path
    bool bounded = true;
    std::vector<std::string> path;     // root first, with each frame's size
    std::vector<std::string> reasons;  // why unbounded, by function name
};

struct report {
    std::vector<function_report> functions;
    std::vector<path_report> paths;
    std::string vector_table;  // where it was found, or why there is none
};

// Throws rivet::error(bad_input) when the ELF cannot be read.
report analyse(const std::filesystem::path& elf, const std::vector<usage_entry>& usage);
// The same on an image already read; `name` names it in the error.
report analyse(const backtrace::debug_info& info_ref, const std::string& name,
               const std::vector<usage_entry>& usage);

// The report as text, ending with a newline.
std::string format(const report& r);

}  // namespace rivet::stack
