// `rivet new`: a ready firmware project outside Rivet's tree, written from
// the template files of an installation (templates/ in a clone, or
// <prefix>/share/rivet/templates) for one board.
#pragma once

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rivet::project {

// Where Rivet's CMake package and templates are, found from the running
// `rivet`: <prefix>/bin/rivet next to <prefix>/share/rivet, or a clone's
// build/bin/rivet two folders below the clone.
struct installation {
    std::filesystem::path root;   // holds cmake/RivetConfig.cmake and templates/
    std::filesystem::path rivet;  // the rivet executable the project will use
};

std::optional<installation> find_installation(const std::filesystem::path& executable);

// The templates an installation offers ("async", "blink", "logging").
std::vector<std::string> template_names(const installation& from);

struct request {
    std::string name;   // the project and its firmware target
    std::string board;  // a board Rivet knows
    std::string template_name = "blink";
    std::filesystem::path directory;  // where to write it (created; must be empty)
};

// Refuses a name CMake cannot take as a project and target name.
// Throws rivet::error(usage).
void check_name(std::string_view name);

// Writes the project and returns the files it wrote, relative to the
// directory. Throws rivet::error: usage for a bad name, template or board
// (one the templates have no board file for), or a directory that exists
// and is not empty; io when a file cannot be written.
std::vector<std::filesystem::path> create(const request& what, const installation& from);

// Replaces each @KEY@ of `values` in `text`; `source` names the template in
// the error an unknown @KEY@ raises (rivet::error(bad_input)).
std::string substitute(std::string_view text, const std::map<std::string, std::string>& values,
                       std::string_view source);

}  // namespace rivet::project
