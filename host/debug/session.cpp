#include <rivet/debug/session.hpp>
#include <rivet/rsp/packet.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace rivet::debug {
namespace {

using clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

// The longest wait for one thing, so the debugger's Ctrl-C, the run's
// timeout and the user's Ctrl-C are each seen within it.
constexpr milliseconds slice{20};
// How long a halt request may take.
constexpr milliseconds halt_patience{500};
// The largest packet the debugger may send; m replies fit it too.
constexpr std::size_t packet_size = 4096;

constexpr std::uint8_t sigtrap = 5;
constexpr std::uint8_t sigsegv = 11;

// "ADDR,LEN" of m, M, X and Z packets.
std::optional<std::pair<std::uint32_t, std::size_t>> address_and_length(std::string_view text) {
    const auto comma = text.find(',');
    if (comma == std::string_view::npos) return std::nullopt;
    const auto address = rsp::parse_hex_number(text.substr(0, comma));
    const auto length = rsp::parse_hex_number(text.substr(comma + 1));
    if (!address || !length || *address > 0xffffffffu || *length > 0xffffffffu) return std::nullopt;
    return std::pair{static_cast<std::uint32_t>(*address), static_cast<std::size_t>(*length)};
}

std::string error_reply() {
    return "E01";
}

}  // namespace

session::session(probe::probe& target, const runner::traps& ends,
                 const runner::run_options& options, std::optional<clock::time_point> deadline,
                 std::function<void()> reset)
    : target_(target),
      ends_(ends),
      options_(options),
      deadline_(deadline),
      reset_(std::move(reset)),
      registers_(registers_of(target)),
      target_xml_(target_xml(registers_)) {}

bool session::deadline_passed() const {
    return deadline_ && clock::now() >= *deadline_;
}

bool session::interrupted() const {
    return options_.interrupted && options_.interrupted->load();
}

session_end session::finish(runner::wait_result::ending how, bool running) {
    session_end end;
    end.wait.how = how;
    if (running) {
        try {
            target_.halt();
            end.wait.stop = target_.wait_stop(halt_patience);
        } catch (const error&) {
            return end;  // the ending is the news; the core's state a bonus
        }
    } else {
        end.wait.stop = last_stop_;
    }
    if (end.wait.stop && end.wait.stop->type == probe::stop_event::kind::halted) {
        for (auto* service : options_.services) service->finish(target_);
    }
    return end;
}

session_end session::end_at_fault() {
    for (auto* service : options_.services) service->finish(target_);
    return {session_end::how::ended, {runner::wait_result::ending::stopped, last_stop_}};
}

session_end session::serve(connection& gdb) {
    for (;;) {
        if (interrupted()) return finish(runner::wait_result::ending::interrupted, false);
        if (deadline_passed()) return finish(runner::wait_result::ending::timeout, false);
        auto in = gdb.next(slice);
        if (!in || in->type == incoming::kind::interrupt) continue;  // halted already
        if (in->type == incoming::kind::closed) {
            // Gone without a word: as if it had killed the target.
            if (faulted_) return end_at_fault();
            return finish(runner::wait_result::ending::interrupted, false);
        }
        resume_ = resume::none;
        if (auto end = handle(gdb, in->payload)) return *end;
        if (resume_ == resume::none) continue;
        if (auto end = run_until_stop(gdb, resume_ == resume::step)) return *end;
    }
}

std::optional<session_end> session::run_until_stop(connection& gdb, bool single_step) {
    if (faulted_) {
        // The firmware cannot go on from its fault trap: the run ends there.
        gdb.send(fmt::format("X{:02x}", sigsegv));
        return end_at_fault();
    }
    if (single_step) {
        target_.step();
    } else {
        target_.run();
    }
    auto poll_interval = runner::shortest_poll_interval(options_);
    auto next_poll = clock::now() + poll_interval;
    const auto own_stop = [this](std::uint32_t pc) {
        return ends_.at(pc) || breakpoints_.contains(pc);
    };
    for (;;) {
        if (interrupted()) return finish(runner::wait_result::ending::interrupted, true);
        if (deadline_passed()) return finish(runner::wait_result::ending::timeout, true);
        if (auto in = gdb.next(milliseconds(0))) {
            if (in->type == incoming::kind::closed)
                return finish(runner::wait_result::ending::interrupted, true);
            if (in->type == incoming::kind::interrupt) {
                target_.halt();
                if (auto stopped = target_.wait_stop(halt_patience)) return report(gdb, *stopped);
            }
            // A packet while running is not all-stop GDB; it waits for the stop.
        }
        auto wait = slice;
        if (poll_interval.count() > 0) {
            const auto until_poll = std::chrono::ceil<milliseconds>(next_poll - clock::now());
            wait = std::clamp(until_poll, milliseconds(0), slice);
        }
        auto stopped = target_.wait_stop(wait);
        if (!stopped && poll_interval.count() > 0 && clock::now() >= next_poll) {
            stopped = runner::poll_services(target_, options_, own_stop);
            if (auto shortest = runner::shortest_poll_interval(options_); shortest.count() > 0)
                poll_interval = shortest;
            next_poll = clock::now() + poll_interval;
        }
        if (stopped) return report(gdb, *stopped);
    }
}

std::optional<session_end> session::report(connection& gdb, const probe::stop_event& event) {
    last_stop_ = event;
    if (event.type == probe::stop_event::kind::exited) {
        gdb.send(fmt::format("W{:02x}", event.exit_code & 0xff));
        return session_end{session_end::how::ended, {runner::wait_result::ending::stopped, event}};
    }
    const auto pc = target_.read_register("pc");
    if (ends_.exit && pc == *ends_.exit) {
        for (auto* service : options_.services) service->finish(target_);
        gdb.send(fmt::format("W{:02x}", target_.read_register("r0") & 0xff));
        return session_end{session_end::how::ended, {runner::wait_result::ending::stopped, event}};
    }
    // Logs up to the stop are shown before the debugger's prompt.
    for (auto* service : options_.services) service->poll(target_);
    std::uint8_t signal = event.signal != 0 ? static_cast<std::uint8_t>(event.signal) : sigtrap;
    if (ends_.fault && pc == *ends_.fault) {
        faulted_ = true;
        signal = sigsegv;
    } else if (breakpoints_.contains(pc)) {
        signal = sigtrap;
    }
    last_stop_.signal = signal;
    gdb.send(fmt::format("S{:02x}", signal));
    return std::nullopt;
}

std::optional<session_end> session::handle(connection& gdb, const std::string& packet) {
    const std::string_view p = packet;
    const auto reply = [&](std::string_view text) {
        gdb.send(text);
        return std::optional<session_end>{};
    };
    if (p == "?") return reply(fmt::format("S{:02x}", last_stop_.signal));
    if (p.starts_with("qSupported")) {
        return reply(fmt::format(
            "PacketSize={:x};qXfer:features:read+;QStartNoAckMode+;vContSupported+", packet_size));
    }
    if (p == "QStartNoAckMode") {
        gdb.send("OK");
        gdb.stop_acks();
        return std::nullopt;
    }
    if (p.starts_with("qXfer:features:read:")) return reply(features(p.substr(20)));
    if (p == "qAttached") return reply("0");  // quitting the debugger ends the run
    if (p == "qC") return reply("QC1");
    if (p == "qfThreadInfo") return reply("m1");
    if (p == "qsThreadInfo") return reply("l");
    if (p.starts_with("qSymbol")) return reply("OK");
    if (p.starts_with("qRcmd,")) {
        monitor(gdb, p.substr(6));
        return std::nullopt;
    }
    if (p.starts_with('H') || p.starts_with('T')) return reply("OK");
    if (p == "g") return reply(read_registers());
    if (p.starts_with('p')) return reply(read_register(p.substr(1)));
    if (p.starts_with('P')) return reply(write_register(p.substr(1)));
    if (p.starts_with('m')) return reply(read_memory(p.substr(1)));
    if (p.starts_with('M')) return reply(write_memory(p.substr(1)));
    if (p.starts_with("Z0,") || p.starts_with("Z1,")) return reply(breakpoint(p.substr(3), true));
    if (p.starts_with("z0,") || p.starts_with("z1,")) return reply(breakpoint(p.substr(3), false));
    if (p == "vCont?") return reply("vCont;c;C;s;S");
    if (p.starts_with("vCont;")) {
        // All-stop with one core: the first action is the one.
        resume_ = p.size() > 6 && (p[6] == 's' || p[6] == 'S') ? resume::step : resume::cont;
        return std::nullopt;
    }
    if (p.starts_with('c') || p.starts_with('C') || p.starts_with('s') || p.starts_with('S')) {
        // c[ADDR], s[ADDR] resume at ADDR; C/S SIG[;ADDR]: no signals to deliver on a core.
        const auto semicolon = p.find(';');
        std::string_view address;
        if (p[0] == 'c' || p[0] == 's') address = p.substr(1);
        if (semicolon != std::string_view::npos) address = p.substr(semicolon + 1);
        if (!address.empty()) {
            const auto pc = rsp::parse_hex_number(address);
            if (!pc) return reply(error_reply());
            target_.write_register("pc", static_cast<std::uint32_t>(*pc));
        }
        resume_ = p[0] == 's' || p[0] == 'S' ? resume::step : resume::cont;
        return std::nullopt;
    }
    if (p == "D" || p.starts_with("D;")) {
        gdb.send("OK");
        for (auto address : breakpoints_)
            if (!ends_.at(address)) target_.clear_breakpoint(address);
        breakpoints_.clear();
        if (faulted_) return end_at_fault();
        return session_end{session_end::how::detached, {}};
    }
    if (p == "k" || p.starts_with("vKill")) {
        if (p[0] == 'v') gdb.send("OK");
        if (faulted_) return end_at_fault();
        return finish(runner::wait_result::ending::interrupted, false);
    }
    return reply("");  // not supported: the debugger finds another way
}

std::string session::features(std::string_view request) {
    // "target.xml:OFFSET,LENGTH"
    const auto colon = request.find(':');
    if (colon == std::string_view::npos || request.substr(0, colon) != "target.xml") return "E00";
    const auto range = address_and_length(request.substr(colon + 1));
    if (!range || range->first > target_xml_.size()) return "E01";
    const auto chunk = std::string_view(target_xml_).substr(range->first, range->second);
    const bool last = range->first + chunk.size() >= target_xml_.size();
    return fmt::format("{}{}", last ? 'l' : 'm', chunk);
}

std::string session::read_registers() {
    std::string out;
    for (const auto& reg : registers_) {
        try {
            out += rsp::to_hex(target_.read_register_bytes(reg.name));
        } catch (const error&) {
            out += std::string(reg.bits / 4, 'x');  // unavailable
        }
    }
    return out;
}

std::string session::read_register(std::string_view number) {
    const auto n = rsp::parse_hex_number(number);
    if (!n || *n >= registers_.size()) return error_reply();
    const auto& reg = registers_[*n];
    try {
        return rsp::to_hex(target_.read_register_bytes(reg.name));
    } catch (const error&) {
        return std::string(reg.bits / 4, 'x');
    }
}

std::string session::write_register(std::string_view assignment) {
    const auto equals = assignment.find('=');
    if (equals == std::string_view::npos) return error_reply();
    const auto n = rsp::parse_hex_number(assignment.substr(0, equals));
    const auto bytes = rsp::from_hex(assignment.substr(equals + 1));
    if (!n || *n >= registers_.size() || !bytes || bytes->size() != 4) return error_reply();
    std::uint32_t value = 0;
    for (std::size_t i = 0; i < 4; ++i) value |= std::uint32_t{(*bytes)[i]} << (8 * i);
    try {
        target_.write_register(registers_[*n].name, value);
    } catch (const error&) {
        return error_reply();
    }
    return "OK";
}

std::string session::read_memory(std::string_view request) {
    const auto range = address_and_length(request);
    if (!range) return error_reply();
    try {
        return rsp::to_hex(
            target_.read_memory(range->first, std::min(range->second, packet_size / 2)));
    } catch (const error&) {
        return error_reply();
    }
}

std::string session::write_memory(std::string_view request) {
    const auto colon = request.find(':');
    if (colon == std::string_view::npos) return error_reply();
    const auto range = address_and_length(request.substr(0, colon));
    const auto bytes = rsp::from_hex(request.substr(colon + 1));
    if (!range || !bytes || bytes->size() != range->second) return error_reply();
    try {
        target_.write_memory(range->first, *bytes);
    } catch (const error&) {
        return error_reply();
    }
    return "OK";
}

std::string session::breakpoint(std::string_view request, bool insert) {
    // "ADDR,KIND[;cond...]"
    const auto range = address_and_length(request.substr(0, request.find(';')));
    if (!range) return error_reply();
    const auto address = range->first & ~1u;
    try {
        // A trap is Rivet's own breakpoint: it stays whatever the debugger does.
        if (insert && !breakpoints_.contains(address)) {
            if (!ends_.at(address)) target_.set_breakpoint(address);
            breakpoints_.insert(address);
        } else if (!insert && breakpoints_.contains(address)) {
            if (!ends_.at(address)) target_.clear_breakpoint(address);
            breakpoints_.erase(address);
        }
    } catch (const error&) {
        return error_reply();
    }
    return "OK";
}

void session::monitor(connection& gdb, std::string_view hex_command) {
    const auto bytes = rsp::from_hex(hex_command);
    const std::string command = bytes ? std::string(bytes->begin(), bytes->end()) : std::string();
    std::string said;
    if (command == "reset" || command == "reset halt") {
        reset_();
        last_stop_ = {probe::stop_event::kind::halted, sigtrap, 0};
        faulted_ = false;
        said = "rivet: reset from the vector table; the core is halted\n";
    } else {
        said = fmt::format("rivet: unknown monitor command '{}'; known: reset\n", command);
    }
    gdb.send("O" + rsp::to_hex(said));
    gdb.send("OK");
}

}  // namespace rivet::debug
