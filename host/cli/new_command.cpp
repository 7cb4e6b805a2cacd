// `rivet new NAME --board B`: a ready firmware project from the installed
// templates (host/project), and `rivet boards`, which lists what to pass.
#include <rivet/board/description.hpp>
#include <rivet/project/generator.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <filesystem>
#include <memory>

#include "commands.hpp"

namespace rivet::cli {
namespace {

namespace fs = std::filesystem;

struct new_arguments {
    std::string name;
    std::string board;
    std::string template_name = "blink";
    std::string directory;
};

project::installation installation_of_this_rivet() {
    const auto executable = fs::read_symlink("/proc/self/exe");
    if (auto found = project::find_installation(executable)) return *found;
    throw error(error_kind::unavailable,
                fmt::format("no Rivet package beside {} (looked for ../share/rivet and the clone "
                            "two folders up: cmake/RivetConfig.cmake and templates/)",
                            executable.string()));
}

void print_board(const board::description& board) {
    std::vector<std::string> memory;
    for (const auto& region : board.memory)
        memory.push_back(fmt::format("{} {} KiB", region.name, region.length / 1024));
    fmt::print("{:<14} {:<10} {:<26} {}\n", board.name, board.cpu,
               fmt::format("{}", fmt::join(memory, ", ")), board.summary);
    const auto examples = board::builtin_examples(board.name);
    if (!examples.empty()) fmt::print("{:<14} examples: {}\n", "", fmt::join(examples, " "));
}

}  // namespace

void add_new_command(CLI::App& app, int& exit_code) {
    auto args = std::make_shared<new_arguments>();
    auto* command = app.add_subcommand("new",
                                       "Write a new firmware project for a board, outside Rivet's "
                                       "tree (docs/guide/first-project.md)");
    command->add_option("name", args->name, "The project's name (and its firmware's)")->required();
    command->add_option("--board", args->board, "The board it runs on (rivet boards)")->required();
    command->add_option("--template", args->template_name, "blink (default), logging or async");
    command->add_option("--dir", args->directory, "Where to write it (default: ./NAME)");
    command->callback([args, &exit_code] {
        project::check_name(args->name);
        if (!board::find_builtin(args->board)) {
            throw error(error_kind::usage,
                        fmt::format("unknown board '{}' (known: {})", args->board,
                                    fmt::join(board::builtin_names(), ", ")));
        }
        const fs::path directory =
            args->directory.empty() ? fs::path(args->name) : fs::path(args->directory);
        const auto from = installation_of_this_rivet();
        const auto files =
            project::create({args->name, args->board, args->template_name, directory}, from);
        fmt::print("Created {} ({} on {}) in {}:\n", args->name, args->template_name, args->board,
                   directory.string());
        for (const auto& file : files) fmt::print("  {}\n", file.string());
        fmt::print(
            "Build and run it:  cd {} && cmake --workflow --preset run\n"
            "Test it:           cmake --workflow --preset test\n",
            directory.string());
        exit_code = 0;
    });

    app.add_subcommand("boards", "List the built-in boards: CPU, memory, examples")->callback([] {
        for (const auto& name : board::builtin_names()) print_board(*board::find_builtin(name));
    });
}

}  // namespace rivet::cli
