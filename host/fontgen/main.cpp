// rivet-fontgen FONT --name NAME [--chars SPEC] -o HEADER: a PCF or BDF
// bitmap font (gzip or not) as a constexpr rivet::gfx::mono_font. The build
// runs it on fonts of Debian's xfonts-base, so no font table is copied by
// hand. Errors: one line on stderr; exit 66 when the font cannot be read,
// 65 when it is not a usable font, 64 for bad arguments.
#include <fmt/format.h>
#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>

#include "rivet/fontgen/font.hpp"

int main(int argc, char** argv) {
    CLI::App app{"Turns a PCF or BDF bitmap font into a rivet::gfx font header"};
    std::string input, name, output, chars = "32-126,160-255";
    app.add_option("font", input, "PCF (.pcf, .pcf.gz) or BDF file")->required();
    app.add_option("--name", name, "C++ name of the font, e.g. font_6x10")->required();
    app.add_option("--chars", chars,
                   "code points: ranges A-B (decimal or 0x), or literal characters; "
                   "default Latin-1 (32-126,160-255)");
    app.add_option("-o,--output", output, "header to write")->required();
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        if (e.get_exit_code() == 0) return app.exit(e);
        fmt::print(stderr, "rivet-fontgen: error: {} (see rivet-fontgen --help)\n", e.what());
        return 64;
    }
    const auto selected = rivet::fontgen::parse_chars(chars);
    if (!selected) {
        fmt::print(stderr, "rivet-fontgen: error: {}\n", selected.failure.message);
        return 64;
    }
    const auto bytes = rivet::fontgen::read_file(input);
    if (!bytes) {
        fmt::print(stderr, "rivet-fontgen: error: {}\n", bytes.failure.message);
        return 66;
    }
    const auto font = rivet::fontgen::parse(*bytes.value, input);
    if (!font) {
        fmt::print(stderr, "rivet-fontgen: error: {}\n", font.failure.message);
        return 65;
    }
    const auto header = rivet::fontgen::emit_header(
        *font.value, name, *selected.value, std::filesystem::path(input).filename().string());
    if (!header) {
        fmt::print(stderr, "rivet-fontgen: error: {}\n", header.failure.message);
        return 65;
    }
    std::ofstream out(output);
    out << *header.value;
    if (!out) {
        fmt::print(stderr, "rivet-fontgen: error: {}: cannot write\n", output);
        return 73;
    }
    return 0;
}
