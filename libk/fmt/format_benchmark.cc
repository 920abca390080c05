// Formatting integers into a buffer: libk::FormatTo against snprintf with the same spec.
//   bazel run -c opt //libk/fmt:format_benchmark
#include "libk/fmt/format.h"

#include <cstdint>
#include <cstdio>
#include <vector>

#include <benchmark/benchmark.h>

namespace {

// Values of every magnitude, so that digit counts vary as in real logs.
std::vector<std::uint64_t> Values() {
  std::vector<std::uint64_t> values;
  std::uint64_t x = 0x9e3779b97f4a7c15;
  for (int i = 0; i < 1024; ++i) {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    values.push_back(x >> (i % 64));
  }
  return values;
}

void BM_FormatDecimal(benchmark::State& state) {
  auto values = Values();
  char out[64];
  std::size_t i = 0;
  while (state.KeepRunning()) {
    benchmark::DoNotOptimize(libk::FormatTo(out, "{}", values[i++ & 1023]));
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_FormatDecimal);

void BM_SnprintfDecimal(benchmark::State& state) {
  auto values = Values();
  char out[64];
  std::size_t i = 0;
  while (state.KeepRunning()) {
    benchmark::DoNotOptimize(std::snprintf(out, sizeof(out), "%llu",
                                           static_cast<unsigned long long>(values[i++ & 1023])));
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_SnprintfDecimal);

void BM_FormatHexWidth(benchmark::State& state) {
  auto values = Values();
  char out[64];
  std::size_t i = 0;
  while (state.KeepRunning()) {
    benchmark::DoNotOptimize(libk::FormatTo(out, "{:#018x}", values[i++ & 1023]));
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_FormatHexWidth);

void BM_SnprintfHexWidth(benchmark::State& state) {
  auto values = Values();
  char out[64];
  std::size_t i = 0;
  while (state.KeepRunning()) {
    benchmark::DoNotOptimize(std::snprintf(out, sizeof(out), "%#018llx",
                                           static_cast<unsigned long long>(values[i++ & 1023])));
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_SnprintfHexWidth);

// A typical log line: text, a signed decimal, a padded hex address.
void BM_FormatLogLine(benchmark::State& state) {
  auto values = Values();
  char out[128];
  std::size_t i = 0;
  while (state.KeepRunning()) {
    const std::uint64_t v = values[i++ & 1023];
    benchmark::DoNotOptimize(libk::FormatTo(out, "frame {} at {:#018x} ({:>6})", "pool", v,
                                            static_cast<std::int32_t>(v)));
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_FormatLogLine);

void BM_SnprintfLogLine(benchmark::State& state) {
  auto values = Values();
  char out[128];
  std::size_t i = 0;
  while (state.KeepRunning()) {
    const std::uint64_t v = values[i++ & 1023];
    benchmark::DoNotOptimize(std::snprintf(out, sizeof(out), "frame %s at %#018llx (%6d)", "pool",
                                           static_cast<unsigned long long>(v),
                                           static_cast<std::int32_t>(v)));
    benchmark::ClobberMemory();
  }
}
BENCHMARK(BM_SnprintfLogLine);

}  // namespace
