#include <rivet/contracts/frames.hpp>
#include <rivet/stack/frames.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>

#include <cstring>
#include <set>

namespace rivet::stack {

namespace contract = rivet::contracts::frames;

namespace {

std::uint32_t word_at(const std::vector<std::uint8_t>& bytes, std::uint32_t offset) {
    std::uint32_t value = 0;
    for (unsigned i = 0; i < 4; ++i) value |= std::uint32_t{bytes.at(offset + i)} << (8 * i);
    return value;
}

std::string name_at(std::uint32_t address, const memory_reader& read) {
    if (address == 0) return "?";
    const auto bytes = read(address, contract::max_name_length);
    std::string name;
    for (const auto byte : bytes) {
        if (byte == 0) return name;
        name.push_back(static_cast<char>(byte));
    }
    return name + "...";
}

}  // namespace

std::vector<frame_pool> read_frame_pools(std::uint32_t table, const memory_reader& read) {
    const auto header = read(table, contract::table_bytes);
    if (word_at(header, 0) != contract::magic) {
        throw error(
            error_kind::bad_input,
            fmt::format("{} at 0x{:08x}: magic 0x{:08x}, expected 0x{:08x}", contract::table_symbol,
                        table, word_at(header, 0), contract::magic));
    }
    // No firmware fits more records in its RAM than this.
    constexpr std::size_t most = 4096;
    std::vector<frame_pool> pools;
    std::set<std::uint32_t> seen;
    for (std::uint32_t at = word_at(header, contract::table_first_offset); at != 0;) {
        if (!seen.insert(at).second || pools.size() == most) {
            throw error(error_kind::bad_input,
                        fmt::format("{} at 0x{:08x}: the list of pools does not end (record at "
                                    "0x{:08x})",
                                    contract::table_symbol, table, at));
        }
        const auto record = read(at, contract::record_bytes);
        frame_pool pool;
        pool.name = name_at(word_at(record, contract::record_name_offset), read);
        pool.frame_bytes = word_at(record, contract::record_frame_offset);
        pool.capacity = word_at(record, contract::record_capacity_offset);
        pool.largest = word_at(record, contract::record_largest_offset);
        pool.in_use = word_at(record, contract::record_in_use_offset);
        pool.peak = word_at(record, contract::record_peak_offset);
        pools.push_back(std::move(pool));
        at = word_at(record, contract::record_next_offset);
    }
    // The firmware pushes each pool at the head: oldest first reads better.
    return {pools.rbegin(), pools.rend()};
}

std::vector<std::string> describe(const std::vector<frame_pool>& pools) {
    std::vector<std::string> lines;
    for (const auto& pool : pools) {
        lines.push_back(fmt::format(
            "frames '{}': {} of {} x {} bytes used at most, largest frame {} bytes{}", pool.name,
            pool.peak, pool.capacity, pool.frame_bytes, pool.largest,
            pool.largest < pool.frame_bytes
                ? fmt::format(" ({} bytes a frame to spare)", pool.frame_bytes - pool.largest)
                : ""));
    }
    return lines;
}

void frames_service::finish(probe::probe& target) {
    try {
        pools_ = read_frame_pools(table_, [&](std::uint32_t address, std::uint32_t length) {
            return target.read_memory(address, length);
        });
        read_ = true;
    } catch (const error& e) {
        problem_ = e.what();
    }
}

std::vector<std::string> frames_service::summary() const {
    if (!read_) return {fmt::format("frames: unknown ({})", problem_)};
    if (pools_.empty()) return {"frames: no task frame was taken"};
    return describe(pools_);
}

std::unique_ptr<frames_service> frame_pools_of(const elf::file& firmware) {
    const auto table = firmware.find_symbol(contract::table_symbol);
    if (!table) return nullptr;
    return std::make_unique<frames_service>(table->value);
}

}  // namespace rivet::stack
