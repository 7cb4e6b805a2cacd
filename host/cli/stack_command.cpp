// `rivet stack ELF`: the static stack report (docs/stack.md).
#include <rivet/elf/file.hpp>
#include <rivet/stack/analysis.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>

#include <filesystem>
#include <memory>

#include "commands.hpp"

namespace rivet::cli {
namespace {

struct stack_arguments {
    std::string elf;
    std::vector<std::string> usage_paths;
};

}  // namespace

void add_stack_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<stack_arguments>();
    auto* command = app.add_subcommand(
        "stack", "Per-function frame sizes and the deepest call path of a firmware ELF");
    command->add_option("elf", args->elf, "The firmware ELF")->required();
    command->add_option("--su", args->usage_paths,
                        ".su files from -fstack-usage, or folders to search for them (default: "
                        "the ELF's CMake target folder)");
    command->callback([args, &exit_code] {
        namespace fs = std::filesystem;
        const fs::path elf = args->elf;
        // The same checks, and the same messages, as every other command.
        (void)elf::file::open(elf);
        std::vector<fs::path> paths(args->usage_paths.begin(), args->usage_paths.end());
        if (paths.empty()) {
            // Where CMake leaves the .su files of rivet_add_firmware(NAME ...).
            auto target_dir = elf.parent_path() / "CMakeFiles" / (elf.stem().string() + ".dir");
            if (fs::is_directory(target_dir)) paths.push_back(target_dir);
        }
        auto report = stack::analyse(elf, stack::read_usage(paths));
        fmt::print("{}", stack::format(report));
        exit_code = 0;
    });
}

}  // namespace rivet::cli
