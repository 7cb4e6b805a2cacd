// libFuzzer target for the RSP codec: arbitrary bytes through the streaming
// decoder (in two uneven pieces, to exercise split packets) and every decoded
// payload through the stop-reply parser. Only rivet::error may escape parsing.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <rivet/support/error.hpp>

#include "rivet/rsp/packet.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    rivet::rsp::packet_decoder decoder(256);
    std::size_t split = size == 0 ? 0 : data[0] % size;
    decoder.feed(bytes.substr(0, split));
    auto drain = [&] {
        while (auto e = decoder.next()) {
            try {
                (void)rivet::rsp::parse_stop_event(e->payload);
            } catch (const rivet::error&) {
            }
            (void)rivet::rsp::parse_error_reply(e->payload);
            (void)rivet::rsp::printable(e->payload);
        }
    };
    drain();
    decoder.feed(bytes.substr(split));
    drain();
    // The raw input as a payload too, and the encoder must round-trip it.
    try {
        (void)rivet::rsp::parse_stop_event(bytes);
    } catch (const rivet::error&) {
    }
    rivet::rsp::packet_decoder round_trip(2 * size + 16);
    round_trip.feed(rivet::rsp::encode_packet(bytes));
    auto e = round_trip.next();
    if (!e || e->type != rivet::rsp::event::kind::packet || e->payload != bytes) __builtin_trap();
    return 0;
}
