#include <rivet/runner/check.hpp>
#include <rivet/runner/load.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>

#include <algorithm>

namespace rivet::runner {

std::size_t load(probe::probe& target, const elf::file& firmware, bool verify) {
    std::size_t total = 0;
    for (const auto& segment : firmware.load_segments()) {
        target.write_memory(segment.load_address, segment.data);
        total += segment.data.size();
    }
    if (!verify) return total;
    for (const auto& segment : firmware.load_segments()) {
        auto back = target.read_memory(segment.load_address, segment.data.size());
        auto [ours, theirs] =
            std::mismatch(segment.data.begin(), segment.data.end(), back.begin(), back.end());
        if (ours != segment.data.end()) {
            auto offset = static_cast<std::uint32_t>(ours - segment.data.begin());
            throw Error(
                ErrorKind::io,
                fmt::format("verify failed: {} holds 0x{:02x} at 0x{:08x}, the ELF 0x{:02x} "
                            "(is the memory writable by the probe?)",
                            target.describe(), theirs == back.end() ? 0 : *theirs,
                            segment.load_address + offset, *ours));
        }
    }
    return total;
}

void reset(probe::probe& target, const elf::file& firmware, const board::description& board) {
    const auto table = vector_table_address(firmware, board);
    auto sp = firmware.word_at(table);
    auto pc = firmware.word_at(table + 4);
    if (!sp || !pc) {
        throw Error(ErrorKind::bad_input,
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
