// C++ register-header emitter: turns a Device model into one header per
// register-block type (peripheral) and one device header, for the
// rivet/registers/register.hpp target library; or a CMSIS-style C header.
#pragma once

#include <string>
#include <vector>

#include "rivet/svd/model.hpp"

namespace rivet::svd {

struct EmitOptions {
    std::string ns;  // C++ namespace; empty = lower-case device name
};

struct GeneratedFile {
    std::string path;  // relative to the output directory
    std::string text;
};

// Files: "<dev>.hpp" (memory map, interrupts, vector table, core config) and
// "<dev>/<block>.hpp" per register-block type.
[[nodiscard]] std::vector<GeneratedFile> emit_cpp(const Device& device, const EmitOptions& options);

// One "<DEV>.h": CMSIS-style structs, base-address macros, _Pos/_Msk macros.
[[nodiscard]] std::vector<GeneratedFile> emit_cmsis(const Device& device);

// Writes files under dir (creating folders); unchanged files are not touched
// so that build systems do not rebuild. Throws Error(io) on failure.
void write_files(const std::string& dir, const std::vector<GeneratedFile>& files);

// A valid, non-reserved C++ identifier (lower-case unless keep_case).
[[nodiscard]] std::string cpp_identifier(const std::string& name, bool keep_case = false);

}  // namespace rivet::svd
