// Where to look for a firmware's RTT control block, from its ELF.
#include <rivet/rtt/rtt.hpp>

#include <string>

namespace rivet::rtt {

std::optional<location> location_in(const elf::file& firmware) {
    location where;
    if (auto symbol = firmware.find_symbol(contracts::rtt::symbol)) {
        where.address = symbol->value;
        return where;
    }
    // No symbol (stripped, or another RTT implementation under another
    // name): the control block is a static, so scan the writable sections
    // (.data, .bss and their kin), which are small, rather than all of RAM,
    // which is slow while nothing is found. Stacks and heaps never hold it.
    for (const auto& section : firmware.allocated_sections()) {
        const bool stack_or_heap = section.name.find("stack") != std::string::npos ||
                                   section.name.find("heap") != std::string::npos;
        if (section.writable && !section.executable && section.size > 0 && !stack_or_heap)
            where.scan.push_back({section.address, section.size});
    }
    // Without section headers: the segments copied to RAM at start-up.
    if (where.scan.empty()) {
        for (const auto& segment : firmware.load_segments()) {
            if (segment.virtual_address != segment.load_address)
                where.scan.push_back({segment.virtual_address, segment.memory_size});
        }
    }
    if (where.scan.empty()) return std::nullopt;
    return where;
}

}  // namespace rivet::rtt
