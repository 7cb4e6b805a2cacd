#include <rivet/probe/qemu.hpp>
#include <rivet/probe/qmp_monitor.hpp>
#include <rivet/rsp/transport.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>

#include <poll.h>
#include <cerrno>
#include <thread>

namespace rivet::probe {
namespace {

// Holds QEMU as the first base so it is started before, and killed after, the
// GDB connection to it.
struct qemu_holder {
    std::shared_ptr<qemu_process> qemu;
};

class qemu_probe final : private qemu_holder, public gdb_probe {
public:
    qemu_probe(std::shared_ptr<qemu_process> qemu, std::unique_ptr<rsp::client> client,
               std::string description, output_sink output)
        : qemu_holder{std::move(qemu)},
          gdb_probe(std::move(client), std::move(description), std::move(output)),
          control_(qemu_holder::qemu->take_control_monitor()) {}

    // QEMU's own reset of the machine: the core reloads SP and PC from the
    // vector table, the NVIC forgets active and pending exceptions, and
    // the guest stays stopped for the debugger.
    void reset_system() override { client().monitor("system_reset"); }

    // QEMU's instruction counter (QMP query-replay; it counts under
    // -icount whether or not record/replay is on).
    std::optional<std::uint64_t> instructions_executed() override {
        if (control_.fd() < 0) return std::nullopt;
        const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
        bool asked = false;
        while (std::chrono::steady_clock::now() < deadline) {
            if (!asked && control_.ready()) {
                if (!control_.ask(R"({"execute":"query-replay"})")) break;
                asked = true;
            }
            const auto answered = control_.answered();
            pollfd readable{control_.fd(), POLLIN, 0};
            if (::poll(&readable, 1, 100) < 0 && errno != EINTR) break;
            if (!control_.receive()) break;
            if (asked && control_.answered() != answered) {
                const auto& reply = control_.last_return();
                if (!reply.is_object() || !reply.contains("icount")) break;
                return reply["icount"].get<std::uint64_t>();
            }
        }
        throw error(error_kind::io,
                    fmt::format("{} did not say how many instructions ran", describe()));
    }

    // A dropped connection usually means QEMU died (e.g. a core lockup);
    // what QEMU said is the useful part of the report.
    std::optional<stop_event> wait_stop(std::chrono::milliseconds timeout) override {
        try {
            return gdb_probe::wait_stop(timeout);
        } catch (const error& e) {
            if (e.kind() != error_kind::io) throw;
            for (int i = 0; i < 50; ++i) {
                if (auto report = qemu->exit_report(); !report.empty()) {
                    throw error(error_kind::io, fmt::format("{} {}", describe(), report));
                }
                std::this_thread::sleep_for(std::chrono::milliseconds(10));
            }
            throw;
        }
    }

private:
    qmp_monitor control_;
};

}  // namespace

std::unique_ptr<probe> start_qemu(const board::description& board, output_sink serial,
                                  const qemu_options& options, std::chrono::milliseconds timeout) {
    auto qemu = std::make_shared<qemu_process>(board, serial, options);
    const std::string description = fmt::format("QEMU {}", board.qemu_machine);
    try {
        auto link = rsp::connect_tcp("127.0.0.1", qemu->gdb_port(), timeout);
        rsp::client_options client_options;
        client_options.timeout = timeout;
        auto client = std::make_unique<rsp::client>(std::move(link), client_options);
        auto probe =
            std::make_unique<qemu_probe>(qemu, std::move(client), description, std::move(serial));
        qemu->started();  // the stub answered: QEMU is up
        return probe;
    } catch (const error&) {
        // When QEMU itself failed (bad machine, bad option), say so rather
        // than report the broken connection that followed.
        for (int i = 0; i < 20; ++i) {
            if (auto report = qemu->exit_report(); !report.empty()) {
                throw error(error_kind::unavailable, fmt::format("{} {}", description, report));
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(10));
        }
        throw;
    }
}

}  // namespace rivet::probe
