#include <rivet/log/printer.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <iterator>

namespace rivet::log {
namespace {

std::string json_string(std::string_view text) {
    std::string out = "\"";
    for (char c : text) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"')
            out += "\\\"";
        else if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else if (u < 0x20 || u >= 0x7f)
            out += fmt::format("\\u{:04x}", u);
        else
            out += c;
    }
    return out + "\"";
}

const char* color_of(level severity) {
    switch (severity) {
        case level::trace:
            return "\x1b[2m";
        case level::debug:
            return "\x1b[36m";
        case level::info:
            return "\x1b[32m";
        case level::warn:
            return "\x1b[33m";
        case level::error:
            return "\x1b[31m";
        case level::panic:
            return "\x1b[1;31m";
        case level::println:
            return "";
    }
    return "";
}

std::string upper_level(level severity) {
    std::string name = level_name(severity);
    for (auto& c : name) c = static_cast<char>(c - 'a' + 'A');
    return name;
}

// The level as the text layout shows it: upper case, padded to 5; made
// once, not per line.
std::string_view padded_level(level severity) {
    static const auto names = [] {
        std::array<std::string, static_cast<std::size_t>(level::panic) + 1> out;
        for (std::size_t i = 0; i < out.size(); ++i) {
            out[i] = fmt::format("{:<5}", upper_level(static_cast<level>(i)));
        }
        return out;
    }();
    const auto at = static_cast<std::size_t>(severity);
    return at < names.size() ? std::string_view(names[at]) : std::string_view("?    ");
}

constexpr std::array<std::string_view, 6> placeholders = {"level", "message",  "file",
                                                          "line",  "location", "timestamp"};

std::string fill_template(std::string_view format, const record& r, bool color,
                          std::optional<std::uint32_t> hz) {
    std::string out;
    for (std::size_t i = 0; i < format.size(); ++i) {
        if (format[i] == '{') {
            const auto close = format.find('}', i);
            if (close != std::string_view::npos) {
                const auto name = format.substr(i + 1, close - i - 1);
                std::string value;
                bool known = true;
                if (name == "level") {
                    value = color ? fmt::format("{}{}\x1b[0m", color_of(r.severity),
                                                upper_level(r.severity))
                                  : upper_level(r.severity);
                } else if (name == "message")
                    value = r.message;
                else if (name == "file")
                    value = r.file;
                else if (name == "line")
                    value = std::to_string(r.line);
                else if (name == "location")
                    value = fmt::format("{}:{}", r.file, r.line);
                else if (name == "timestamp")
                    value = r.timestamp ? format_timestamp(*r.timestamp, hz) : "";
                else
                    known = false;
                if (known) {
                    out += value;
                    i = close;
                    continue;
                }
            }
        }
        out += format[i];
    }
    return out;
}

}  // namespace

std::string format_timestamp(std::uint64_t ticks, std::optional<std::uint32_t> hz) {
    if (!hz || *hz == 0) return std::to_string(ticks);
    int decimals = 0;
    std::uint64_t scale = 1;
    while (scale < *hz) {
        scale *= 10;
        ++decimals;
    }
    const auto whole = ticks / *hz;
    if (decimals == 0) return std::to_string(whole);
    // The remainder in units of 10^-decimals s, rounded down (never ahead of time).
    const auto fraction =
        static_cast<std::uint64_t>(static_cast<unsigned __int128>(ticks % *hz) * scale / *hz);
    return fmt::format("{}.{:0{}}", whole, fraction, decimals);
}

std::optional<std::string> template_error(std::string_view format) {
    for (auto open = format.find('{'); open != std::string_view::npos;
         open = format.find('{', open + 1)) {
        const auto close = format.find('}', open);
        if (close == std::string_view::npos) break;
        const auto name = format.substr(open + 1, close - open - 1);
        if (std::find(placeholders.begin(), placeholders.end(), name) != placeholders.end())
            continue;
        std::string known;
        for (auto p : placeholders) known += fmt::format("{}{{{}}}", known.empty() ? "" : " ", p);
        return fmt::format("unknown placeholder {{{}}} (known: {})", name, known);
    }
    return std::nullopt;
}

void render_to(std::string& out, const record& r, const print_options& options) {
    const bool always = r.severity == level::println || r.severity == level::panic;
    if (!always && r.severity < options.min_level) return;
    if (options.json) {
        out += fmt::format(R"({{"type":"log","level":"{}","message":{},"file":{},"line":{})",
                           level_name(r.severity), json_string(r.message), json_string(r.file),
                           r.line);
        if (r.timestamp) {
            out += fmt::format(",\"timestamp\":{}", *r.timestamp);
            if (options.timestamp_hz) {
                out += fmt::format(",\"seconds\":{}",
                                   format_timestamp(*r.timestamp, options.timestamp_hz));
            }
        }
        out += "}\n";
        return;
    }
    if (options.format) {
        out += fill_template(*options.format, r, options.color, options.timestamp_hz);
        out += '\n';
        return;
    }
    if (r.severity == level::println) {
        out += r.message;
        out += '\n';
        return;
    }
    // The common line, appended piece by piece (no temporaries): it is what
    // `rivet run` prints for every frame.
    if (r.timestamp) {
        fmt::format_to(std::back_inserter(out), "{:>10} ",
                       format_timestamp(*r.timestamp, options.timestamp_hz));
    }
    if (options.color) out += color_of(r.severity);
    out += padded_level(r.severity);
    if (options.color) out += "\x1b[0m";
    out += ' ';
    out += r.message;
    out += "  (";
    out += r.file;
    out += ':';
    const fmt::format_int line(r.line);
    out.append(line.data(), line.size());
    out += ")\n";
}

std::string render(const record& r, const print_options& options) {
    std::string out;
    render_to(out, r, options);
    return out;
}

}  // namespace rivet::log
