// tests/benchmarks/throttling_bench.cpp — one throttle check in the LocalStore: a hot key accepting, a
// hot key over its rate (a client hammering), many keys in turn, from one thread and from two; and a
// whole check_throttles (AnonRateThrottle: the key built from the address, then the store).
#include <drf/auth/user.hpp>
#include <drf/core/datetime.hpp>
#include <drf/throttling.hpp>

#include <benchmark/benchmark.h>

#include <cstdint>
#include <string>
#include <vector>

namespace {

namespace th = drf::throttling;

const drf::DateTime t0 = drf::from_unix_micros(1'800'000'000'000'000);

// A store shared by the benchmark's threads, fresh for each benchmark.
template <int Tag>
th::LocalStore& shared_store() {
    static th::LocalStore store;
    return store;
}

// Every check accepted: 10000/second with a request every 200 µs keeps 5000 times in the window.
template <int Tag>
void BM_local_store_hot_key_accepted(benchmark::State& state) {
    th::LocalStore& store = shared_store<Tag>();
    const th::Rate rate(10000, 1);
    std::int64_t step = 0;
    for (auto _ : state) {
        const auto d = store.hit("throttle_anon_203.0.113.7", rate, t0 + boost::posix_time::microseconds(200 * ++step));
        benchmark::DoNotOptimize(d);
    }
}

// Every check refused: the client is over 10/minute and keeps asking.
template <int Tag>
void BM_local_store_hot_key_refused(benchmark::State& state) {
    th::LocalStore& store = shared_store<Tag>();
    const th::Rate rate(10, 60);
    for (auto _ : state) {
        const auto d = store.hit("throttle_anon_203.0.113.7", rate, t0);
        benchmark::DoNotOptimize(d);
    }
}

// 10000 clients in turn, each under its rate: one request a second each (a check every 100 µs), 100/minute.
template <int Tag>
void BM_local_store_many_keys(benchmark::State& state) {
    th::LocalStore& store = shared_store<Tag>();
    std::vector<std::string> keys;
    for (int i = 0; i < 10000; ++i) keys.push_back("throttle_anon_10." + std::to_string(i / 256) + "." + std::to_string(i % 256) + ".1");
    const th::Rate rate(100, 60);
    std::size_t i = static_cast<std::size_t>(state.thread_index()) * 5000;
    std::int64_t step = 0;
    for (auto _ : state) {
        const auto d = store.hit(keys[i++ % keys.size()], rate, t0 + boost::posix_time::microseconds(100 * ++step));
        benchmark::DoNotOptimize(d);
    }
}

struct PingView {
    static constexpr auto throttle_classes = th::throttles(th::AnonRateThrottle{});
    std::string_view action = "list";
};

// DRF's check_throttles for one anonymous request: its key, then the store.
void BM_check_throttles_anon(benchmark::State& state) {
    th::Settings settings{.rates = {{"anon", th::Rate(1'000'000'000, 86400)}}};
    drf::http::Request request(drf::http::Method::get, "/api/projects/");
    request.set_remote_addr("203.0.113.7");
    drf::FrozenClock clock(t0);
    drf::ClockOverride frozen(clock);
    std::int64_t n = 0;
    for (auto _ : state) {
        // A fresh second every 1000 requests keeps the key's window small.
        if (++n % 1000 == 0) clock.advance(boost::posix_time::hours(25));
        const th::Outcome outcome = th::check_throttles(PingView{}, request, &settings);
        benchmark::DoNotOptimize(outcome);
    }
}

}  // namespace

BENCHMARK(BM_local_store_hot_key_accepted<0>)->Name("throttling/local_store/hot_key_accepted");
BENCHMARK(BM_local_store_hot_key_accepted<1>)->Name("throttling/local_store/hot_key_accepted")->Threads(2)->UseRealTime();
BENCHMARK(BM_local_store_hot_key_refused<0>)->Name("throttling/local_store/hot_key_refused");
BENCHMARK(BM_local_store_hot_key_refused<1>)->Name("throttling/local_store/hot_key_refused")->Threads(2)->UseRealTime();
BENCHMARK(BM_local_store_many_keys<0>)->Name("throttling/local_store/10000_keys");
BENCHMARK(BM_local_store_many_keys<1>)->Name("throttling/local_store/10000_keys")->Threads(2)->UseRealTime();
BENCHMARK(BM_check_throttles_anon)->Name("throttling/check_throttles/anon");
