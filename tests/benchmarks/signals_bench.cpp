// tests/benchmarks/signals_bench.cpp — the cost of Signal::send with 0, 1 and 8 receivers, against
// boost::signals2 (thread-safe by default, as ours is) and a plain loop over std::function.
// Every receiver adds its argument to a sink through type erasure, so all three pay one indirect call
// per receiver and differ only in dispatch.
#include <drf/signals/signal.hpp>

#include <benchmark/benchmark.h>
#include <boost/signals2/signal.hpp>

#include <functional>
#include <vector>

namespace {

struct Sink {
    long total = 0;
};

void BM_drf_signal_send(benchmark::State& state) {
    drf::signals::Signal<int> signal{"bench"};
    Sink sink;
    for (long i = 0; i < state.range(0); ++i) signal.connect([&sink](int n) { sink.total += n; });
    int n = 1;
    for (auto _ : state) {
        benchmark::DoNotOptimize(n);
        signal.send(n);
        benchmark::DoNotOptimize(sink.total);
    }
}

void BM_drf_signal_send_with_sender(benchmark::State& state) {
    drf::signals::Signal<int> signal{"bench"};
    Sink sink;
    struct User {};
    for (long i = 0; i < state.range(0); ++i)
        signal.connect([&sink](int n) { sink.total += n; }, {.sender = drf::signals::sender_of<User>()});
    int n = 1;
    for (auto _ : state) {
        benchmark::DoNotOptimize(n);
        signal.send(drf::signals::sender_of<User>(), n);
        benchmark::DoNotOptimize(sink.total);
    }
}

void BM_boost_signals2(benchmark::State& state) {
    boost::signals2::signal<void(int)> signal;
    Sink sink;
    for (long i = 0; i < state.range(0); ++i) signal.connect([&sink](int n) { sink.total += n; });
    int n = 1;
    for (auto _ : state) {
        benchmark::DoNotOptimize(n);
        signal(n);
        benchmark::DoNotOptimize(sink.total);
    }
}

void BM_std_function_vector(benchmark::State& state) {
    std::vector<std::function<void(int)>> receivers;
    Sink sink;
    for (long i = 0; i < state.range(0); ++i) receivers.emplace_back([&sink](int n) { sink.total += n; });
    int n = 1;
    for (auto _ : state) {
        benchmark::DoNotOptimize(n);
        for (const auto& receiver : receivers) receiver(n);
        benchmark::DoNotOptimize(sink.total);
    }
}

}  // namespace

BENCHMARK(BM_drf_signal_send)->Arg(0)->Arg(1)->Arg(8);
BENCHMARK(BM_drf_signal_send_with_sender)->Arg(1)->Arg(8);
BENCHMARK(BM_boost_signals2)->Arg(0)->Arg(1)->Arg(8);
BENCHMARK(BM_std_function_vector)->Arg(0)->Arg(1)->Arg(8);
