#include <rivet/project/generator.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <sstream>

namespace rivet::project {
namespace fs = std::filesystem;

namespace {

// The common files every template starts from, and the board files.
constexpr std::string_view common_folder = "project";
constexpr std::string_view boards_folder = "boards";
// A template's list of extra libraries to link (one line), and of the only
// boards it runs on (one a line, when present); neither is copied.
constexpr std::string_view libraries_file = "libraries";
constexpr std::string_view boards_file = "boards";

bool is_installation(const fs::path& root) {
    std::error_code ignored;
    return fs::is_regular_file(root / "cmake" / "RivetConfig.cmake", ignored) &&
           fs::is_directory(root / "templates", ignored);
}

std::string read_text(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw error(error_kind::no_input, fmt::format("{}: cannot read", path.string()));
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

void write_text(const fs::path& path, const std::string& text) {
    std::error_code status;
    fs::create_directories(path.parent_path(), status);
    std::ofstream out(path, std::ios::binary);
    if (status || !out || !(out << text) || !out.flush())
        throw error(error_kind::io, fmt::format("{}: cannot write", path.string()));
}

// Where a template file lands: without ".in", and "gitignore" and
// "vscode/" as the dot-names they stand for (a dot-file in the templates
// folder would hide from a listing, and from some packagers).
fs::path destination_of(const fs::path& relative) {
    fs::path out;
    for (auto part : relative) {
        auto text = part.string();
        if (text == "gitignore") text = ".gitignore";
        if (text == "vscode") text = ".vscode";
        out /= text;
    }
    if (out.extension() == ".in") out.replace_extension();
    return out;
}

std::string trimmed(std::string text) {
    const auto blank = [](char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; };
    while (!text.empty() && blank(text.back())) text.pop_back();
    text.erase(text.begin(), std::find_if_not(text.begin(), text.end(), blank));
    return text;
}

std::string c_identifier(std::string_view text) {
    std::string id(text);
    std::replace_if(
        id.begin(), id.end(), [](char c) { return !std::isalnum(static_cast<unsigned char>(c)); },
        '_');
    return id;
}

bool is_placeholder_char(char c) {
    return (c >= 'A' && c <= 'Z') || c == '_';
}

}  // namespace

std::optional<installation> find_installation(const fs::path& executable) {
    const auto bin = executable.parent_path();
    for (const auto& root : {bin / ".." / "share" / "rivet", bin / ".." / ".."}) {
        if (is_installation(root)) return installation{fs::weakly_canonical(root), executable};
    }
    return std::nullopt;
}

std::vector<std::string> template_names(const installation& from) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(from.root / "templates")) {
        const auto name = entry.path().filename().string();
        if (entry.is_directory() && name != common_folder && name != boards_folder)
            names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

void check_name(std::string_view name) {
    const bool ok = !name.empty() && name.size() <= 64 &&
                    std::isalpha(static_cast<unsigned char>(name.front())) &&
                    std::all_of(name.begin(), name.end(), [](char c) {
                        return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '-';
                    });
    if (!ok) {
        throw error(error_kind::usage,
                    fmt::format("bad project name '{}': a letter, then letters, digits, '_' or "
                                "'-', at most 64 (it names the CMake project and the firmware)",
                                name));
    }
}

std::string substitute(std::string_view text, const std::map<std::string, std::string>& values,
                       std::string_view source) {
    std::string out;
    std::size_t line = 1;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '\n') ++line;
        if (text[i] == '@') {
            auto end = i + 1;
            while (end < text.size() && is_placeholder_char(text[end])) ++end;
            if (end < text.size() && text[end] == '@' && end > i + 1) {
                const std::string key(text.substr(i + 1, end - i - 1));
                const auto value = values.find(key);
                if (value == values.end()) {
                    throw error(error_kind::bad_input,
                                fmt::format("{}:{}: unknown placeholder @{}@", source, line, key));
                }
                out += value->second;
                i = end;
                continue;
            }
        }
        out += text[i];
    }
    return out;
}

std::vector<fs::path> create(const request& what, const installation& from) {
    check_name(what.name);
    const auto templates = from.root / "templates";
    const auto names = template_names(from);
    if (std::find(names.begin(), names.end(), what.template_name) == names.end()) {
        throw error(error_kind::usage, fmt::format("unknown template '{}' (templates: {})",
                                                   what.template_name, fmt::join(names, ", ")));
    }
    const auto board_file = templates / boards_folder / (what.board + ".hpp");
    if (!fs::is_regular_file(board_file)) {
        throw error(error_kind::usage, fmt::format("no project template for board '{}' ({} is "
                                                   "missing)",
                                                   what.board, board_file.string()));
    }
    std::error_code status;
    if (fs::exists(what.directory, status) &&
        (!fs::is_directory(what.directory, status) || !fs::is_empty(what.directory, status))) {
        throw error(error_kind::usage,
                    fmt::format("{} exists and is not an empty folder: rivet new writes a new "
                                "project only where nothing would be overwritten",
                                what.directory.string()));
    }

    const auto chosen = templates / what.template_name;
    if (fs::exists(chosen / boards_file)) {
        std::istringstream lines(read_text(chosen / boards_file));
        std::vector<std::string> boards;
        for (std::string line; std::getline(lines, line);)
            if (!trimmed(line).empty()) boards.push_back(trimmed(line));
        if (std::find(boards.begin(), boards.end(), what.board) == boards.end()) {
            throw error(error_kind::usage,
                        fmt::format("the {} template runs on {}, not on '{}'", what.template_name,
                                    fmt::join(boards, ", "), what.board));
        }
    }
    std::string libraries;
    if (fs::exists(chosen / libraries_file))
        libraries = " " + trimmed(read_text(chosen / libraries_file));
    const std::map<std::string, std::string> values{
        {"NAME", what.name},
        {"BOARD", what.board},
        {"BSP", c_identifier(what.board)},
        {"TEMPLATE", what.template_name},
        {"LIBRARIES", libraries},
        {"RIVET", fs::weakly_canonical(from.rivet).string()},
        {"RIVET_CMAKE_DIR", (from.root / "cmake").string()},
    };

    // The common files, then the template's own (which may replace them),
    // then the board's view for the sources.
    std::map<fs::path, fs::path> files;  // destination -> template file
    for (const auto& folder : {templates / common_folder, chosen}) {
        for (const auto& entry : fs::recursive_directory_iterator(folder)) {
            const auto relative = entry.path().lexically_relative(folder);
            if (entry.is_regular_file() && relative != libraries_file && relative != boards_file)
                files[destination_of(relative)] = entry.path();
        }
    }
    files[fs::path("src") / "board.hpp"] = board_file;

    std::vector<fs::path> written;
    for (const auto& [destination, source] : files) {
        const auto source_name = source.lexically_relative(from.root).string();
        write_text(what.directory / destination,
                   substitute(read_text(source), values, source_name));
        written.push_back(destination);
    }
    return written;
}

}  // namespace rivet::project
