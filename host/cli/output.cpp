#include "output.hpp"

#include <fmt/format.h>

#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

namespace rivet::cli::output {
namespace {

std::mutex lock;  // guards everything below and every write to stdout
bool as_json = false;
// JSON mode: partial lines per source (console, each RTT channel).
std::map<std::pair<std::string, std::size_t>, std::string> partial;

// Text mode: firmware text and rendered lines come from different
// channels (a UART, RTT polled now and then), so a log line may arrive
// while the console is in the middle of a line. It waits for that line's
// end, or at most `line_wait`, so that neither is cut in two by the other.
constexpr auto line_wait = std::chrono::milliseconds(250);
bool stream_mid_line = false;  // the last firmware text did not end a line
std::string held_lines;        // rendered lines waiting for it
std::condition_variable_any held_changed;
std::jthread held_timer;

void write_all(int fd, std::string_view text) {
    while (!text.empty()) {
        const ssize_t n = ::write(fd, text.data(), text.size());
        if (n <= 0) return;  // nobody is reading
        text.remove_prefix(static_cast<std::size_t>(n));
    }
}

// Firmware text may be any bytes: invalid UTF-8 becomes U+FFFD rather
// than an exception.
// The "type" member first, for people reading the stream.
std::string dump(const nlohmann::json& value) {
    nlohmann::ordered_json ordered;
    if (value.is_object() && value.contains("type")) ordered["type"] = value["type"];
    for (const auto& [key, member] : value.items()) {
        if (key != "type") ordered[key] = member;
    }
    return ordered.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

nlohmann::json text_object(const std::pair<std::string, std::size_t>& source,
                           const std::string& text) {
    if (source.first == "console") return {{"type", "console"}, {"text", text}};
    return {{"type", "rtt"}, {"channel", source.second}, {"name", source.first}, {"text", text}};
}

// Holds a source's bytes until each newline; emits the whole lines.
void split_lines(const std::pair<std::string, std::size_t>& source, std::string_view text) {
    auto& held = partial[source];
    held.append(text);
    std::string lines;
    for (auto end = held.find('\n'); end != std::string::npos; end = held.find('\n')) {
        std::string one = held.substr(0, end);
        if (!one.empty() && one.back() == '\r') one.pop_back();
        lines += dump(text_object(source, one));
        held.erase(0, end + 1);
    }
    write_all(STDOUT_FILENO, lines);
}

void write_held() {
    write_all(STDOUT_FILENO, held_lines);
    held_lines.clear();
}

// Firmware text in text mode: as it is, at once (a prompt without its
// newline shows), with held lines written after the first line it ends.
void write_stream(std::string_view text) {
    if (text.empty()) return;
    const bool ends_line = text.back() == '\n';
    if (!held_lines.empty()) {
        if (auto end = text.find('\n'); end != std::string_view::npos) {
            write_all(STDOUT_FILENO, text.substr(0, end + 1));
            write_held();
            text.remove_prefix(end + 1);
        }
    }
    write_all(STDOUT_FILENO, text);
    stream_mid_line = !ends_line;
    if (held_lines.empty()) held_changed.notify_all();
}

// Writes held lines after `line_wait` even when the firmware's line never
// ends (a prompt waiting for input): on a line of their own.
void start_held_timer() {
    if (held_timer.joinable()) return;
    held_timer = std::jthread([](const std::stop_token& stop) {
        std::unique_lock guard(lock);
        while (held_changed.wait(guard, stop, [] { return !held_lines.empty(); })) {
            const auto deadline = std::chrono::steady_clock::now() + line_wait;
            const bool written =
                held_changed.wait_until(guard, stop, deadline, [] { return held_lines.empty(); });
            if (!written && !stop.stop_requested()) {
                write_all(STDOUT_FILENO, "\n");
                stream_mid_line = false;
                write_held();
            }
        }
    });
}

}  // namespace

void set_json(bool json) {
    std::lock_guard guard(lock);
    as_json = json;
}

bool json() {
    std::lock_guard guard(lock);
    return as_json;
}

void console(std::string_view text) {
    std::lock_guard guard(lock);
    if (!as_json) return write_stream(text);
    split_lines({"console", 0}, text);
}

void rtt_text(std::size_t channel, std::string_view name, std::string_view text) {
    std::lock_guard guard(lock);
    if (!as_json) return write_stream(text);
    split_lines({std::string(name), channel}, text);
}

void line(std::string_view text) {
    std::lock_guard guard(lock);
    if (as_json || (!stream_mid_line && held_lines.empty())) return write_all(STDOUT_FILENO, text);
    held_lines.append(text);
    start_held_timer();
    held_changed.notify_all();
}

void object(const nlohmann::json& value) {
    std::lock_guard guard(lock);
    write_all(STDOUT_FILENO, dump(value));
}

void flush() {
    std::lock_guard guard(lock);
    if (!held_lines.empty()) {
        if (stream_mid_line) write_all(STDOUT_FILENO, "\n");
        stream_mid_line = false;
        write_held();
    }
    for (auto& [source, held] : partial) {
        if (!held.empty()) write_all(STDOUT_FILENO, dump(text_object(source, held)));
        held.clear();
    }
}

void error(std::string_view kind, int code, std::string_view message) {
    flush();
    {
        std::lock_guard guard(lock);
        write_all(STDERR_FILENO, fmt::format("rivet: error: {}\n", message));
        if (!as_json) return;
        // The first line: what follows it (a fault report, a backtrace) went
        // out as objects of its own.
        const auto first_line = message.substr(0, message.find('\n'));
        write_all(
            STDOUT_FILENO,
            dump({{"type", "error"}, {"kind", kind}, {"code", code}, {"message", first_line}}));
    }
    exit(code);
}

void warning(std::string_view message) {
    std::lock_guard guard(lock);
    write_all(STDERR_FILENO, fmt::format("rivet: warning: {}\n", message));
    if (as_json) write_all(STDOUT_FILENO, dump({{"type", "warning"}, {"message", message}}));
}

void exit(int code) {
    flush();
    std::lock_guard guard(lock);
    if (as_json) write_all(STDOUT_FILENO, dump({{"type", "exit"}, {"code", code}}));
}

}  // namespace rivet::cli::output
