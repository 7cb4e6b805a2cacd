// Work the runner does for the firmware while it runs, beside waiting for it
// to stop: draining RTT log buffers, servicing host requests. Services see
// the target only while the core is halted.
#pragma once

#include <rivet/probe/probe.hpp>

#include <chrono>

namespace rivet::probe {

class target_service {
public:
    virtual ~target_service() = default;

    // Once, after the image is loaded and before the core first runs.
    virtual void attach(probe& /*target*/) {}

    // How often poll() should run while the firmware runs; zero: never. The
    // runner halts the core for each poll (QEMU's stub cannot read memory
    // of a running core), so this trades latency against guest speed.
    [[nodiscard]] virtual std::chrono::milliseconds poll_interval() const { return {}; }
    virtual void poll(probe& /*target*/) {}

    // Once, with the core halted, when the run ends for any reason (exit,
    // fault, timeout, interrupt), to drain what is left.
    virtual void finish(probe& /*target*/) {}
};

}  // namespace rivet::probe
