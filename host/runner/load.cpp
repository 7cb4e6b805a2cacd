#include <rivet/runner/check.hpp>
#include <rivet/runner/load.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <span>

namespace rivet::runner {

std::size_t load(probe::probe& target, const elf::file& firmware, bool verify,
                 const load_progress& progress) {
    std::size_t total = 0;
    for (const auto& segment : firmware.load_segments()) total += segment.data.size();
    auto report = [&](load_phase phase, std::size_t done) {
        if (progress) progress(phase, done, total);
    };

    std::size_t done = 0;
    report(load_phase::write, 0);
    for (const auto& segment : firmware.load_segments()) {
        const std::span<const std::uint8_t> bytes(segment.data);
        for (std::size_t at = 0; at < bytes.size(); at += load_chunk) {
            const auto chunk = bytes.subspan(at, std::min(load_chunk, bytes.size() - at));
            target.write_memory(segment.load_address + static_cast<std::uint32_t>(at), chunk);
            report(load_phase::write, done += chunk.size());
        }
    }
    if (!verify) return total;

    done = 0;
    report(load_phase::verify, 0);
    for (const auto& segment : firmware.load_segments()) {
        for (std::size_t at = 0; at < segment.data.size(); at += load_chunk) {
            const auto length = std::min(load_chunk, segment.data.size() - at);
            const auto address = segment.load_address + static_cast<std::uint32_t>(at);
            const auto back = target.read_memory(address, length);
            const auto ours = segment.data.begin() + static_cast<std::ptrdiff_t>(at);
            auto [mine, theirs] = std::mismatch(ours, ours + static_cast<std::ptrdiff_t>(length),
                                                back.begin(), back.end());
            if (mine != ours + static_cast<std::ptrdiff_t>(length)) {
                throw error(
                    error_kind::io,
                    fmt::format("verify failed: {} holds 0x{:02x} at 0x{:08x}, the ELF 0x{:02x} "
                                "(is the memory writable by the probe?)",
                                target.describe(), theirs == back.end() ? 0 : *theirs,
                                address + static_cast<std::uint32_t>(mine - ours), *mine));
            }
            report(load_phase::verify, done += length);
        }
    }
    return total;
}

void reset(probe::probe& target, const elf::file& firmware, const board::description& board) {
    const auto table = vector_table_address(firmware, board);
    auto sp = firmware.word_at(table);
    auto pc = firmware.word_at(table + 4);
    if (!sp || !pc) {
        throw error(error_kind::bad_input,
                    fmt::format("{}: no vector table at 0x{:08x} (nothing is loaded there)",
                                firmware.path().string(), table));
    }
    // Thread mode on the main stack, Thumb state, as after a real reset.
    if (target.has_register("control")) target.write_register("control", 0);
    if (target.has_register("msp")) target.write_register("msp", *sp);
    target.write_register("sp", *sp);
    target.write_register("lr", 0xffffffff);
    target.write_register("xpsr", 1u << 24);
    target.write_register("pc", *pc & ~1u);
}

}  // namespace rivet::runner
