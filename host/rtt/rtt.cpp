#include <rivet/rtt/rtt.hpp>
#include <rivet/support/error.hpp>

#include <fmt/format.h>

#include <poll.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace rivet::rtt {
namespace {

namespace layout = contracts::rtt;

constexpr std::int32_t most_channels = 16;
constexpr std::size_t scan_chunk = 4096;

std::uint32_t u32(const std::vector<std::uint8_t>& bytes, std::size_t offset) {
    std::uint32_t value = 0;
    std::memcpy(&value, bytes.data() + offset, 4);
    return value;
}

std::string read_name(probe::probe& target, std::uint32_t address) {
    if (address == 0) return {};
    try {
        auto bytes = target.read_memory(address, 32);
        std::string name;
        for (auto b : bytes) {
            if (b == 0) break;
            name += static_cast<char>(b);
        }
        return name;
    } catch (const error&) {
        return {};  // a name the probe cannot read is no reason to give up
    }
}

bool has_id(std::span<const std::uint8_t> bytes) {
    return bytes.size() >= sizeof layout::id &&
           std::memcmp(bytes.data(), layout::id, sizeof layout::id) == 0;
}

}  // namespace

std::optional<control_block> control_block::at(probe::probe& target, std::uint32_t address) {
    auto head = target.read_memory(address, layout::descriptors_offset);
    if (!has_id(head)) return std::nullopt;
    const auto max_up = static_cast<std::int32_t>(u32(head, layout::max_up_offset));
    const auto max_down = static_cast<std::int32_t>(u32(head, layout::max_down_offset));
    if (max_up < 0 || max_down < 0 || max_up > most_channels || max_down > most_channels) {
        throw error(error_kind::io, fmt::format("RTT control block at 0x{:08x} claims {} up and {} "
                                                "down channels",
                                                address, max_up, max_down));
    }
    const auto count = static_cast<std::size_t>(max_up) + static_cast<std::size_t>(max_down);
    auto descriptors = target.read_memory(address + layout::descriptors_offset,
                                          count * sizeof(layout::buffer_descriptor));
    control_block block;
    block.address_ = address;
    for (std::size_t i = 0; i < count; ++i) {
        const auto at = i * sizeof(layout::buffer_descriptor);
        channel c;
        c.descriptor = address + layout::descriptors_offset + static_cast<std::uint32_t>(at);
        c.name_address = u32(descriptors, at);
        c.buffer = u32(descriptors, at + 4);
        c.size = u32(descriptors, at + 8);
        c.name = read_name(target, c.name_address);
        (i < static_cast<std::size_t>(max_up) ? block.up_ : block.down_).push_back(std::move(c));
    }
    return block;
}

std::optional<control_block> control_block::find(probe::probe& target, const location& where) {
    if (where.address) return at(target, *where.address);
    for (const auto& range : where.scan) {
        // Chunks overlap by the ID's length so an ID across a boundary is found.
        for (std::uint32_t offset = 0; offset < range.length;
             offset += scan_chunk - layout::id_size) {
            const auto length = std::min<std::uint32_t>(scan_chunk, range.length - offset);
            auto bytes = target.read_memory(range.start + offset, length);
            for (std::size_t i = 0; i + sizeof layout::id <= bytes.size(); i += 4) {
                if (has_id(std::span(bytes).subspan(i))) {
                    if (auto block =
                            at(target, range.start + offset + static_cast<std::uint32_t>(i))) {
                        return block;
                    }
                }
            }
            if (length < scan_chunk) break;
        }
    }
    return std::nullopt;
}

std::pair<std::uint32_t, std::uint32_t> control_block::refresh(probe::probe& target, channel& c,
                                                               std::string_view direction,
                                                               std::size_t index) const {
    const auto fields = target.read_memory(c.descriptor, sizeof(layout::buffer_descriptor));
    if (const auto name_address = u32(fields, 0); name_address != c.name_address) {
        c.name_address = name_address;
        c.name = read_name(target, name_address);
    }
    c.buffer = u32(fields, 4);
    c.size = u32(fields, 8);
    const auto write = u32(fields, layout::write_offset_field);
    const auto read = u32(fields, layout::read_offset_field);
    if (c.configured() && (write >= c.size || read >= c.size)) {
        throw error(error_kind::io,
                    fmt::format("RTT {} channel {} at 0x{:08x}: offsets {} / {} outside "
                                "its {}-byte buffer",
                                direction, index, c.descriptor, write, read, c.size));
    }
    return {write, read};
}

std::vector<std::uint8_t> control_block::read(probe::probe& target, std::size_t up_channel) {
    auto& c = up_.at(up_channel);
    const auto [write, read] = refresh(target, c, "up", up_channel);
    if (!c.configured() || write == read) return {};
    std::vector<std::uint8_t> out;
    if (write > read) {
        out = target.read_memory(c.buffer + read, write - read);
    } else {
        out = target.read_memory(c.buffer + read, c.size - read);
        if (write > 0) {
            auto rest = target.read_memory(c.buffer, write);
            out.insert(out.end(), rest.begin(), rest.end());
        }
    }
    std::uint8_t new_read[4];
    std::memcpy(new_read, &write, 4);
    target.write_memory(c.descriptor + layout::read_offset_field, new_read);
    return out;
}

std::size_t control_block::write(probe::probe& target, std::size_t down_channel,
                                 std::span<const std::uint8_t> bytes) {
    auto& c = down_.at(down_channel);
    const auto [write, read] = refresh(target, c, "down", down_channel);
    if (!c.configured()) return 0;
    // One byte stays free so that a full ring differs from an empty one.
    const std::uint32_t room = (read + c.size - write - 1) % c.size;
    const auto count = std::min<std::size_t>(room, bytes.size());
    if (count == 0) return 0;
    const auto up_to_end = std::min<std::size_t>(count, c.size - write);
    target.write_memory(c.buffer + write, bytes.first(up_to_end));
    if (count > up_to_end)
        target.write_memory(c.buffer, bytes.subspan(up_to_end, count - up_to_end));
    const auto new_write = static_cast<std::uint32_t>((write + count) % c.size);
    std::uint8_t field[4];
    std::memcpy(field, &new_write, 4);
    target.write_memory(c.descriptor + layout::write_offset_field, field);
    return count;
}

contracts::rtt::mode control_block::mode(probe::probe& target, std::size_t up_channel) const {
    auto flags = target.read_memory(up_.at(up_channel).descriptor + layout::flags_field, 4);
    return static_cast<layout::mode>(u32(flags, 0) & layout::mode_mask);
}

void control_block::set_mode(probe::probe& target, std::size_t up_channel,
                             contracts::rtt::mode mode) const {
    const auto address = up_.at(up_channel).descriptor + layout::flags_field;
    auto bytes = target.read_memory(address, 4);
    auto flags = (u32(bytes, 0) & ~layout::mode_mask) | static_cast<std::uint32_t>(mode);
    std::memcpy(bytes.data(), &flags, 4);
    target.write_memory(address, bytes);
}

std::string_view mode_name(contracts::rtt::mode mode) {
    switch (mode) {
        case layout::mode::no_block_skip:
            return "no-block-skip";
        case layout::mode::no_block_trim:
            return "no-block-trim";
        case layout::mode::block_if_full:
            return "block-if-full";
    }
    return "mode 3 (reserved)";
}

service::service(options opts, sink out)
    : options_(std::move(opts)), sink_(std::move(out)), interval_(options_.poll_fast) {}

void service::attach(probe::probe& target) {
    if (!options_.start_mode_address || !options_.start_mode) return;
    const auto mode = static_cast<std::uint32_t>(*options_.start_mode);
    std::uint8_t bytes[4];
    std::memcpy(bytes, &mode, 4);
    try {
        target.write_memory(*options_.start_mode_address, bytes);
    } catch (const error&) {
        // A probe that cannot write flash: the firmware starts in the mode
        // it was built with.
    }
}

// Switches every configured up channel not yet seen to the mode the user
// asked for, remembering what it was.
void service::apply_mode(probe::probe& target) {
    if (!options_.up_mode) return;
    changed_modes_.resize(block_->up().size());
    for (std::size_t i = 0; i < block_->up().size(); ++i) {
        const auto& c = block_->up()[i];
        if (!c.configured() || changed_modes_[i]) continue;
        const auto before = block_->mode(target, i);
        changed_modes_[i] = before;
        if (before == *options_.up_mode) continue;
        block_->set_mode(target, i, *options_.up_mode);
        if (options_.note) {
            options_.note(
                fmt::format("RTT up channel {} '{}': mode {} -> {} (--rtt-mode); switched "
                            "back when rivet is done",
                            i, c.name, mode_name(before), mode_name(*options_.up_mode)));
        }
    }
}

void service::restore_modes(probe::probe& target) {
    for (std::size_t i = 0; i < changed_modes_.size(); ++i) {
        if (!changed_modes_[i] || *changed_modes_[i] == options_.up_mode) continue;
        try {
            block_->set_mode(target, i, *changed_modes_[i]);
        } catch (const error&) {
            // The target went away: nothing is left to restore.
            return;
        }
    }
    changed_modes_.clear();
}

void service::drain(probe::probe& target) {
    if (!block_) {
        block_ = control_block::find(target, options_.where);
        if (!block_) {
            interval_ = std::min(options_.poll_absent, interval_ * 2);
            return;
        }
        bad_reads_.assign(block_->up().size(), 0);
    }
    ++polls_;
    bool any = false;
    bool busy = false;
    for (std::size_t i = 0; i < block_->up().size(); ++i) {
        std::vector<std::uint8_t> bytes;
        try {
            bytes = block_->read(target, i);
            bad_reads_[i] = 0;
        } catch (const error&) {
            // A firmware may be halted half way through configuring the
            // channel; offsets that stay wrong are corruption.
            constexpr int most_bad_reads = 3;
            if (++bad_reads_[i] >= most_bad_reads) throw;
            continue;
        }
        if (bytes.empty()) continue;
        any = true;
        busy = busy || bytes.size() * 2 > block_->up()[i].size;
        bytes_ += bytes.size();
        sink_(i, block_->up()[i].name, bytes);
    }
    apply_mode(target);
    feed(target);
    if (busy || !input_.empty()) {
        interval_ = std::chrono::milliseconds(1);
    } else if (any) {
        interval_ = options_.poll_fast;
    } else {
        interval_ = std::min(options_.poll_idle, interval_ * 2);
    }
}

void service::take_input() {
    // Bounded so that a firmware that never reads cannot make rivet hoard
    // all of a piped file: the rest waits in the pipe.
    constexpr std::size_t most_pending = std::size_t{64} * 1024;
    if (options_.input_fd < 0 || !input_open_) return;
    pollfd ready{options_.input_fd, POLLIN, 0};
    while (input_.size() < most_pending && ::poll(&ready, 1, 0) > 0) {
        std::uint8_t chunk[4096];
        const auto n = ::read(options_.input_fd, chunk, sizeof chunk);
        if (n < 0 && (errno == EINTR || errno == EAGAIN)) break;
        if (n <= 0) {
            input_open_ = false;  // end of input (or an error): nothing more will come
            break;
        }
        input_.insert(input_.end(), chunk, chunk + n);
    }
}

void service::feed(probe::probe& target) {
    take_input();
    if (input_.empty() || !block_ || block_->down().empty()) return;
    const auto sent = block_->write(target, 0, input_);
    input_.erase(input_.begin(), input_.begin() + static_cast<std::ptrdiff_t>(sent));
}

void service::poll(probe::probe& target) {
    drain(target);
}

void service::finish(probe::probe& target) {
    // The core is halted for good: read until every channel is empty.
    for (int round = 0; round < 4; ++round) {
        const auto before = bytes_;
        drain(target);
        if (!block_ || bytes_ == before) break;
    }
    if (block_) restore_modes(target);
}

}  // namespace rivet::rtt
