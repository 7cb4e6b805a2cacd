#include <rivet/probe/gdb_probe.hpp>
#include <rivet/rsp/transport.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>

namespace rivet::probe {

gdb_probe::gdb_probe(std::unique_ptr<rsp::client> client, std::string description,
                     output_sink output)
    : client_(std::move(client)), description_(std::move(description)), output_(std::move(output)) {
    client_->handshake();
}

std::vector<std::uint8_t> gdb_probe::read_memory(std::uint32_t address, std::size_t length) {
    return client_->read_memory(address, length);
}

void gdb_probe::write_memory(std::uint32_t address, std::span<const std::uint8_t> data) {
    client_->write_memory(address, data);
}

std::uint32_t gdb_probe::read_register(std::string_view name) {
    return client_->read_register(name);
}

std::vector<std::uint8_t> gdb_probe::read_register_bytes(std::string_view name) {
    return client_->read_register_bytes(name);
}

void gdb_probe::write_register(std::string_view name, std::uint32_t value) {
    client_->write_register(name, value);
}

bool gdb_probe::has_register(std::string_view name) const {
    return client_->find_register(name) != nullptr;
}

void gdb_probe::set_breakpoint(std::uint32_t address) {
    // Hardware breakpoints work from flash on real chips; QEMU accepts both.
    client_->insert_breakpoint(address, true);
}

void gdb_probe::clear_breakpoint(std::uint32_t address) {
    client_->remove_breakpoint(address, true);
}

void gdb_probe::run() {
    client_->cont();
}

void gdb_probe::step() {
    client_->step();
}

void gdb_probe::halt() {
    client_->interrupt();
}

void gdb_probe::reset_system() {
    client_->monitor("reset halt");
}

void gdb_probe::detach() {
    // RSP's D: the server removes its breakpoints and resumes the core
    // (QEMU's stub does both), then the link can close.
    client_->detach();
}

std::optional<stop_event> gdb_probe::wait_stop(std::chrono::milliseconds timeout) {
    auto reply = client_->wait_stop(timeout, output_);
    if (!reply) return std::nullopt;
    stop_event event;
    switch (reply->type) {
        case rsp::stop_reply::kind::signal:
            event.type = stop_event::kind::halted;
            event.signal = reply->code;
            break;
        case rsp::stop_reply::kind::exited:
            event.type = stop_event::kind::exited;
            event.exit_code = reply->code;
            break;
        case rsp::stop_reply::kind::terminated:
            throw error(error_kind::io, fmt::format("{}: the target was terminated by signal {}",
                                                    describe(), reply->code));
    }
    return event;
}

std::unique_ptr<gdb_probe> connect_gdb_server(const std::string& host, std::uint16_t port,
                                              std::chrono::milliseconds timeout,
                                              output_sink output) {
    auto link = rsp::connect_tcp(host, port, timeout);
    rsp::client_options options;
    options.timeout = timeout;
    auto client = std::make_unique<rsp::client>(std::move(link), options);
    return std::make_unique<gdb_probe>(
        std::move(client), fmt::format("gdb server at {}:{}", host, port), std::move(output));
}

}  // namespace rivet::probe
