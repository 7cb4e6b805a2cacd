// `rivet stack ELF`: a static stack report. Per-function frame sizes from
// GCC's -fstack-usage (.su) files, or from the ELF's call-frame information
// where no .su entry matches; the call graph from the Thumb code's direct
// calls and tail branches; and the deepest call path from each entry point
// (reset and each exception handler). Recursion, indirect calls and
// dynamic frames make a path unbounded, and the report says so.
#pragma once

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

// Decoded from Thumb code: where a function calls or branches to.
struct call_site {
    std::uint32_t from = 0;    // the instruction's address
    std::uint32_t target = 0;  // 0 for indirect
    bool tail = false;         // a branch that leaves the function
    bool indirect = false;     // BLX/BX through a register
};
std::vector<call_site> decode_calls(const std::vector<std::uint8_t>& code, std::uint32_t address);

struct function_report {
    std::string name;
    std::uint32_t address = 0;
    std::optional<std::uint32_t> frame;  // nullopt: unknown
    std::string frame_source;            // "su", "cfi" or "?"
    bool dynamic_frame = false;
    std::vector<std::uint32_t> callees;  // function addresses
    bool indirect_calls = false;
};

struct path_report {
    std::string root;         // the entry point
    std::uint32_t bytes = 0;  // the deepest proven path
    bool bounded = true;
    std::vector<std::string> path;     // root first, with each frame's size
    std::vector<std::string> reasons;  // why unbounded
};

struct report {
    std::vector<function_report> functions;
    std::vector<path_report> paths;
};

// Throws rivet::Error(bad_input) when the ELF cannot be read.
report analyse(const std::filesystem::path& elf, const std::vector<usage_entry>& usage);

// The report as text, ending with a newline.
std::string format(const report& r);

}  // namespace rivet::stack
