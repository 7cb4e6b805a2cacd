// GCC's -fstack-usage output: one .su line per function.
#include <rivet/stack/analysis.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <sstream>

namespace rivet::stack {

std::vector<usage_entry> parse_usage(std::string_view text) {
    std::vector<usage_entry> out;
    while (!text.empty()) {
        auto end = text.find('\n');
        auto line = text.substr(0, end);
        text = end == std::string_view::npos ? std::string_view{} : text.substr(end + 1);
        // file:line:column:name \t bytes \t qualifiers; the file may hold ':'.
        auto tab = line.find('\t');
        if (tab == std::string_view::npos) continue;
        auto location = line.substr(0, tab);
        auto rest = line.substr(tab + 1);
        auto tab2 = rest.find('\t');
        if (tab2 == std::string_view::npos) continue;
        auto bytes_text = rest.substr(0, tab2);
        auto qualifiers = rest.substr(tab2 + 1);
        // Find "file:line:col:" by scanning for two numeric fields.
        usage_entry entry;
        bool found = false;
        for (std::size_t colon = location.find(':'); colon != std::string_view::npos;
             colon = location.find(':', colon + 1)) {
            auto second = location.find(':', colon + 1);
            if (second == std::string_view::npos) break;
            auto third = location.find(':', second + 1);
            if (third == std::string_view::npos) break;
            auto line_text = location.substr(colon + 1, second - colon - 1);
            auto column_text = location.substr(second + 1, third - second - 1);
            auto numeric = [](std::string_view s) {
                return !s.empty() && s.size() < 9 &&
                       std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
            };
            if (numeric(line_text) && numeric(column_text)) {
                entry.file = std::string(location.substr(0, colon));
                entry.line = static_cast<unsigned>(std::stoul(std::string(line_text)));
                entry.name = std::string(location.substr(third + 1));
                found = true;
                break;
            }
        }
        if (!found || bytes_text.empty() || bytes_text.size() > 9 ||
            !std::all_of(bytes_text.begin(), bytes_text.end(),
                         [](char c) { return c >= '0' && c <= '9'; })) {
            continue;
        }
        entry.bytes = static_cast<std::uint32_t>(std::stoul(std::string(bytes_text)));
        entry.dynamic = qualifiers.find("dynamic") != std::string_view::npos &&
                        qualifiers.find("bounded") == std::string_view::npos;
        out.push_back(std::move(entry));
    }
    return out;
}

std::vector<usage_entry> read_usage(const std::vector<std::filesystem::path>& paths) {
    namespace fs = std::filesystem;
    std::vector<usage_entry> out;
    auto read_one = [&](const fs::path& file) {
        std::ifstream in(file);
        std::stringstream text;
        text << in.rdbuf();
        auto entries = parse_usage(text.str());
        out.insert(out.end(), entries.begin(), entries.end());
    };
    for (const auto& path : paths) {
        std::error_code ec;
        if (fs::is_directory(path, ec)) {
            for (auto it = fs::recursive_directory_iterator(path, ec);
                 !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
                if (it->is_regular_file(ec) && it->path().extension() == ".su")
                    read_one(it->path());
            }
        } else if (fs::is_regular_file(path, ec)) {
            read_one(path);
        } else {
            throw error(error_kind::no_input,
                        fmt::format("{}: no such .su file or folder", path.string()));
        }
    }
    return out;
}

}  // namespace rivet::stack
