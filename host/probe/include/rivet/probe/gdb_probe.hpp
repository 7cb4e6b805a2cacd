// A probe over the GDB remote serial protocol: any GDB server, including
// QEMU's built-in stub (the QEMU probe is this plus a QEMU it owns).
#pragma once

#include <rivet/probe/probe.hpp>
#include <rivet/rsp/client.hpp>

#include <chrono>
#include <memory>
#include <string>

namespace rivet::probe {

class gdb_probe : public probe {
public:
    // Takes a connected client and runs the RSP handshake.
    gdb_probe(std::unique_ptr<rsp::client> client, std::string description, output_sink output);

    [[nodiscard]] std::string describe() const override { return description_; }
    [[nodiscard]] std::vector<std::uint8_t> read_memory(std::uint32_t address,
                                                        std::size_t length) override;
    void write_memory(std::uint32_t address, std::span<const std::uint8_t> data) override;
    [[nodiscard]] std::uint32_t read_register(std::string_view name) override;
    [[nodiscard]] std::vector<std::uint8_t> read_register_bytes(std::string_view name) override;
    void write_register(std::string_view name, std::uint32_t value) override;
    [[nodiscard]] bool has_register(std::string_view name) const override;
    void set_breakpoint(std::uint32_t address) override;
    void clear_breakpoint(std::uint32_t address) override;
    void run() override;
    void step() override;
    void halt() override;
    [[nodiscard]] std::optional<stop_event> wait_stop(std::chrono::milliseconds timeout) override;
    void detach() override;

    [[nodiscard]] rsp::client& client() { return *client_; }

private:
    std::unique_ptr<rsp::client> client_;
    std::string description_;
    output_sink output_;
};

// Connects to a GDB server at host:port (the `gdb://HOST:PORT` probe).
std::unique_ptr<gdb_probe> connect_gdb_server(const std::string& host, std::uint16_t port,
                                              std::chrono::milliseconds timeout,
                                              output_sink output);

}  // namespace rivet::probe
