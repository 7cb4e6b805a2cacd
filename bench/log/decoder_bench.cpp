// Host decoder throughput (Google Benchmark): frames/s through
// stream_decoder, alone and with the text layout, for the frame of
// calls.cpp's two-integer message. Built in the host build
// (build/host/bench/log_decoder_bench); bench/log/run.sh runs it.
#include <rivet/log/decoder.hpp>
#include <rivet/log/printer.hpp>

#include <benchmark/benchmark.h>

#include "../../host/log/test_metadata.hpp"

namespace {

using namespace rivet::log;

constexpr int frames_per_stream = 100'000;

struct fixture {
    metadata meta;
    std::vector<std::uint8_t> stream;
};

const fixture& frames() {
    static const fixture f = [] {
        testing::section_builder s;
        const auto site = s.call(level::info, "t={} C, n={}", "iu", 12);
        fixture out{metadata::parse(s.bytes, "bench"), {}};
        for (int i = 0; i < frames_per_stream; ++i) {
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
            varint(static_cast<std::uint64_t>(i) * 3);
            auto encoded = testing::cobs_frame(data);
            out.stream.insert(out.stream.end(), encoded.begin(), encoded.end());
        }
        return out;
    }();
    return f;
}

void run(benchmark::State& state, bool render_text) {
    const auto& f = frames();
    std::size_t chars = 0;
    std::string line;
    for (auto _ : state) {
        stream_decoder decoder(f.meta, [&](const record& r) {
            if (render_text) {
                // As rivet run does: lines appended to one output buffer.
                render_to(line, r, {});
                if (line.size() > 60000) {
                    chars += line.size();
                    line.clear();
                }
            } else {
                chars += r.message.size();
            }
        });
        // In chunks, as rivet run reads them from the probe.
        for (std::size_t at = 0; at < f.stream.size(); at += 4096) {
            decoder.feed(
                std::span(f.stream).subspan(at, std::min<std::size_t>(4096, f.stream.size() - at)));
        }
        if (decoder.stats().records != frames_per_stream) state.SkipWithError("frames lost");
    }
    benchmark::DoNotOptimize(chars);
    state.SetItemsProcessed(state.iterations() * frames_per_stream);
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * f.stream.size()));
}

void decode(benchmark::State& state) {
    run(state, false);
}
void decode_render(benchmark::State& state) {
    run(state, true);
}

}  // namespace

BENCHMARK(decode)->Unit(benchmark::kMillisecond);
BENCHMARK(decode_render)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
