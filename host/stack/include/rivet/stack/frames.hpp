// `rivet run --measure-stack` for firmware on the async runtime: the pools of
// coroutine frames the firmware reports at rivet_frame_pools
// (contracts/include/rivet/contracts/frames.hpp), read when the run ends,
// with each pool's frame size and high-water use.
#pragma once

#include <rivet/elf/file.hpp>
#include <rivet/probe/service.hpp>

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace rivet::stack {

struct frame_pool {
    std::string name;
    std::uint32_t frame_bytes = 0;  // storage per frame
    std::uint32_t capacity = 0;     // frames
    std::uint32_t largest = 0;      // largest frame asked for
    std::uint32_t in_use = 0;
    std::uint32_t peak = 0;  // most frames in use at once
};

// Reads `length` bytes of target memory at `address` (throws rivet::error).
using memory_reader = std::function<std::vector<std::uint8_t>(std::uint32_t, std::uint32_t)>;

// The pools listed by the table at `table`. Throws rivet::error(bad_input)
// naming the address when the table's magic is wrong or the list does not
// end (a loop, or more records than any firmware could hold).
std::vector<frame_pool> read_frame_pools(std::uint32_t table, const memory_reader& read);

// One line a pool: "frames 'blink': 2 of 2 x 64 bytes used at most, largest frame 52 bytes".
std::vector<std::string> describe(const std::vector<frame_pool>& pools);

// Reads the pools when the run ends; summary() then gives the lines.
class frames_service : public probe::target_service {
public:
    explicit frames_service(std::uint32_t table) : table_(table) {}
    void finish(probe::probe& target) override;
    [[nodiscard]] std::vector<std::string> summary() const;

private:
    std::uint32_t table_;
    std::vector<frame_pool> pools_;
    std::string problem_ = "the run ended before the firmware started";
    bool read_ = false;
};

// The service for a firmware with rivet_frame_pools, else nullptr.
std::unique_ptr<frames_service> frame_pools_of(const elf::file& firmware);

}  // namespace rivet::stack
