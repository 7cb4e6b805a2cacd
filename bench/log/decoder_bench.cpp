// Host decoder throughput: frames/s through stream_decoder, alone and with
// the text layout, for the frame of calls.cpp's integer message.
#include <rivet/log/decoder.hpp>
#include <rivet/log/printer.hpp>

#include <chrono>
#include <cstdio>

#include "../../host/log/test_metadata.hpp"

int main() {
    using namespace rivet::log;
    testing::section_builder s;
    const auto site = s.call(level::info, "t={} C, n={}", "iu", 12);
    const auto meta = metadata::parse(s.bytes, "bench");
    std::vector<std::uint8_t> stream;
    constexpr int frames = 1'000'000;
    for (int i = 0; i < frames; ++i) {
        std::vector<std::uint8_t> data;
        auto varint = [&](std::uint64_t v) {
            while (v >= 0x80) {
                data.push_back(static_cast<std::uint8_t>(v | 0x80));
                v >>= 7;
            }
            data.push_back(static_cast<std::uint8_t>(v));
        };
        varint(site);
        varint(static_cast<std::uint64_t>(i % 100) * 2 + 1);
        varint(static_cast<std::uint64_t>(i));
        auto f = testing::cobs_frame(data);
        stream.insert(stream.end(), f.begin(), f.end());
    }
    for (bool render_text : {false, true}) {
        std::size_t chars = 0;
        stream_decoder decoder(meta, [&](const record& r) {
            if (render_text)
                chars += render(r, {}).size();
            else
                chars += r.message.size();
        });
        const auto start = std::chrono::steady_clock::now();
        decoder.feed(stream);
        const std::chrono::duration<double> took = std::chrono::steady_clock::now() - start;
        std::printf("%s %.0f %zu %zu\n", render_text ? "decode+render" : "decode",
                    frames / took.count(), stream.size(), chars);
    }
}
