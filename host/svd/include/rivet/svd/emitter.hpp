// C++ register-header emitter: turns a Device model into one header per
// register-block type (peripheral) and one device header, for the
// rivet/registers/register.hpp target library; or a CMSIS-style C header.
#pragma once

#include <string>
#include <vector>

#include "rivet/svd/model.hpp"

namespace rivet::svd {

struct emit_options {
    std::string ns;  // C++ namespace; empty = lower-case device name
};

struct generated_file {
    std::string path;  // relative to the output directory
    std::string text;
};

// Files: "<dev>.hpp" (memory map, interrupts, vector table, core config) and
// "<dev>/<block>.hpp" per register-block type.
[[nodiscard]] std::vector<generated_file> emit_cpp(const svd_device& device,
                                                   const emit_options& options);

// One "<DEV>.h": CMSIS-style structs, base-address macros, _Pos/_Msk macros.
[[nodiscard]] std::vector<generated_file> emit_cmsis(const svd_device& device);

// Writes files under dir (creating folders); unchanged files are not touched
// so that build systems do not rebuild. Throws error(io) on failure.
void write_files(const std::string& dir, const std::vector<generated_file>& files);

// A valid, non-reserved C++ identifier (lower-case unless keep_case).
[[nodiscard]] std::string cpp_identifier(const std::string& name, bool keep_case = false);

}  // namespace rivet::svd
