#include <rivet/probe/qmp_monitor.hpp>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <sys/socket.h>
#include <unistd.h>
#include <array>
#include <cerrno>
#include <charconv>

namespace rivet::probe {
namespace {

// No QMP message is this long without a newline.
constexpr std::size_t longest_line = std::size_t{64} * 1024;

}  // namespace

std::optional<std::uint32_t> parse_xp_word(std::string_view text) {
    const auto colon = text.find(':');
    if (colon == std::string_view::npos) return std::nullopt;
    auto value = text.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.remove_prefix(1);
    if (!value.starts_with("0x")) return std::nullopt;
    value.remove_prefix(2);
    std::uint32_t word = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), word, 16);
    if (error != std::errc{} || end == value.data()) return std::nullopt;
    return word;
}

bool qmp_monitor::receive() {
    if (fd_ < 0) return false;
    std::array<char, 4096> chunk{};
    ssize_t n = 0;
    do {
        n = ::recv(fd_, chunk.data(), chunk.size(), MSG_DONTWAIT);
    } while (n < 0 && errno == EINTR);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK)) return true;
    if (n <= 0) return fail();
    input_.append(chunk.data(), static_cast<std::size_t>(n));
    for (auto end = input_.find('\n'); end != std::string::npos; end = input_.find('\n')) {
        const std::string line = input_.substr(0, end);
        input_.erase(0, end + 1);
        if (!take_line(line)) return fail();
    }
    if (input_.size() > longest_line) return fail();
    return true;
}

bool qmp_monitor::wake() {
    if (fd_ < 0) return false;
    if (state_ != state::ready || outstanding_ != request::none) return true;
    if (!send("{\"execute\":\"query-status\"}\n")) return fail();
    outstanding_ = request::status;
    return true;
}

bool qmp_monitor::read_word(std::uint32_t address) {
    if (fd_ < 0) return false;
    if (state_ != state::ready || outstanding_ != request::none) return true;
    const auto command = fmt::format(
        R"({{"execute":"human-monitor-command","arguments":{{"command-line":"xp /1wx 0x{:x}"}}}})"
        "\n",
        address);
    if (!send(command)) return fail();
    outstanding_ = request::word;
    return true;
}

bool qmp_monitor::ask(std::string_view command) {
    if (fd_ < 0 || state_ != state::ready || outstanding_ != request::none) return false;
    if (!send(command) || !send("\n")) return fail();
    outstanding_ = request::other;
    return true;
}

bool qmp_monitor::take_line(std::string_view line) {
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.remove_suffix(1);
    if (line.empty()) return true;
    const auto message = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!message.is_object()) return false;
    const bool reply = message.contains("return") || message.contains("error");
    switch (state_) {
        case state::greeting:
            if (!message.contains("QMP")) return false;
            state_ = state::negotiating;
            return send("{\"execute\":\"qmp_capabilities\"}\n");
        case state::negotiating:
            if (!reply) return true;  // an event
            if (!message.contains("return")) return false;
            state_ = state::ready;
            return true;
        case state::ready:
            if (!reply) return true;
            // An error reply still means the main loop ran.
            if (outstanding_ == request::word) {
                const auto& value = message.value("return", nlohmann::json());
                last_word_ = value.is_string() ? parse_xp_word(value.get<std::string>())
                                               : std::nullopt;
            }
            if (outstanding_ == request::other) {
                last_return_ = message.value("return", nlohmann::json());
            }
            outstanding_ = request::none;
            ++answered_;
            return true;
    }
    return false;
}

bool qmp_monitor::send(std::string_view text) const {
    while (!text.empty()) {
        // MSG_NOSIGNAL: a QEMU that died must not take rivet with it.
        const ssize_t n = ::send(fd_, text.data(), text.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
        if (n < 0 && errno == EINTR) continue;
        // A full socket buffer means QEMU has stopped reading: give up
        // rather than block the caller.
        if (n <= 0) return false;
        text.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

bool qmp_monitor::fail() {
    close();
    return false;
}

void qmp_monitor::close() {
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
}

}  // namespace rivet::probe
