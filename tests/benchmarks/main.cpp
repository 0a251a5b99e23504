// tests/benchmarks/main.cpp — the Google Benchmark main shared by every tests/benchmarks/*_bench.cpp.
#include <benchmark/benchmark.h>

BENCHMARK_MAIN();
