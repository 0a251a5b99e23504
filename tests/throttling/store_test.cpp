// tests/throttling/store_test.cpp — the sliding log DRF's SimpleRateThrottle keeps per key, as the
// LocalStore keeps it: what is accepted and refused, DRF's wait, the remaining count and the reset,
// exactness under 64 threads, and the bound on keys (fail closed when every key is live).
#include <drf/core/clock.hpp>
#include <drf/throttling/store.hpp>

#include <catch2/catch.hpp>

#include <atomic>
#include <cstdint>
#include <string>
#include <thread>
#include <vector>

namespace store_test {

using drf::DateTime;
using drf::throttling::Decision;
using drf::throttling::LocalStore;
using drf::throttling::Rate;

const DateTime t0 = drf::from_unix_micros(1'800'000'000'000'000);
DateTime at(double seconds) { return t0 + boost::posix_time::microseconds(static_cast<std::int64_t>(seconds * 1e6)); }
std::int64_t micros(double seconds) { return drf::to_unix_micros(at(seconds)); }

TEST_CASE("A key accepts num_requests in its window, then refuses until its oldest request leaves it", "[throttling]") {
    LocalStore store;
    const Rate rate("3/minute");
    CHECK(store.hit("throttle_anon_1.2.3.4", rate, at(0)).allowed);
    CHECK(store.hit("throttle_anon_1.2.3.4", rate, at(10)).allowed);
    CHECK(store.hit("throttle_anon_1.2.3.4", rate, at(20)).allowed);
    const Decision refused = store.hit("throttle_anon_1.2.3.4", rate, at(30));
    CHECK_FALSE(refused.allowed);
    CHECK(refused.wait == Approx(30.0));  // DRF: duration - (now - history[-1])
    CHECK(refused.remaining == 0);
    CHECK(refused.reset == 30);
    CHECK_FALSE(store.hit("throttle_anon_1.2.3.4", rate, at(59.9)).allowed);
    // DRF drops a time once it is at or before now - duration: at 60 the request at 0 has left.
    CHECK(store.hit("throttle_anon_1.2.3.4", rate, at(60)).allowed);
    CHECK_FALSE(store.hit("throttle_anon_1.2.3.4", rate, at(65)).allowed);
    // Another key has its own history.
    CHECK(store.hit("throttle_anon_5.6.7.8", rate, at(65)).allowed);
}

TEST_CASE("Refused requests are not counted: only accepted ones are recorded, as DRF's throttle_success", "[throttling]") {
    LocalStore store;
    const Rate rate("1/minute");
    CHECK(store.hit("k", rate, at(0)).allowed);
    for (int s = 1; s < 60; ++s) CHECK_FALSE(store.hit("k", rate, at(s)).allowed);
    CHECK(store.hit("k", rate, at(60)).allowed);  // the refusals did not extend the window
}

TEST_CASE("An accepted request reports the requests still available and when one more returns", "[throttling]") {
    LocalStore store;
    const Rate rate("3/minute");
    const Decision first = store.hit("k", rate, at(0));
    CHECK(first.allowed);
    CHECK(first.wait == 0);
    CHECK(first.remaining == 2);
    CHECK(first.reset == 60);
    const Decision second = store.hit("k", rate, at(15.5));
    CHECK(second.remaining == 1);
    CHECK(second.reset == 45);  // the request at 0 leaves at 60: 44.5 s, rounded up
    const Decision third = store.hit("k", rate, at(20));
    CHECK(third.remaining == 0);
    CHECK(third.reset == 40);
}

TEST_CASE("A rate of 0 refuses every request, waiting a whole window as DRF does", "[throttling]") {
    LocalStore store;
    const Decision d = store.hit("k", Rate("0/hour"), at(0));
    CHECK_FALSE(d.allowed);
    CHECK(d.wait == Approx(3600.0));
    CHECK(d.reset == 3600);
}

TEST_CASE("A new key refused at once takes no room in the LocalStore", "[throttling]") {
    LocalStore store(1);
    CHECK_FALSE(store.hit("blocked", Rate("0/day"), at(0)).allowed);
    CHECK(store.size() == 0);
    CHECK(store.hit("other", Rate("1/day"), at(0)).allowed);
    CHECK(store.size() == 1);
}

TEST_CASE("decide() is DRF's wait over a history read from elsewhere, and exact when the history is over the rate",
          "[throttling]") {
    using drf::throttling::decide;
    const std::vector<std::int64_t> history{micros(0), micros(10), micros(20)};
    SECTION("under the rate: allowed") {
        const Decision d = decide(history, Rate("4/minute"), at(30));
        CHECK(d.allowed);
        CHECK(d.remaining == 0);
        CHECK(d.reset == 30);
    }
    SECTION("exactly full: DRF's remaining_duration / 1") {
        const Decision d = decide(history, Rate("3/minute"), at(30));
        CHECK_FALSE(d.allowed);
        CHECK(d.wait == Approx(30.0));
    }
    SECTION("times before the window are not counted") {
        CHECK(decide(history, Rate("3/minute"), at(60)).allowed);  // the request at 0 has left
        CHECK_FALSE(decide(history, Rate("2/minute"), at(60)).allowed);
        CHECK(decide(history, Rate("2/minute"), at(70)).allowed);
    }
    SECTION("over the rate (lowered since): until enough have left, where DRF gives no wait") {
        const Decision d = decide(history, Rate("1/minute"), at(30));
        CHECK_FALSE(d.allowed);
        CHECK(d.wait == Approx(50.0));  // the request at 10 must leave too: at 70
        CHECK(d.reset == 50);
    }
}

TEST_CASE("One key hammered by 64 threads accepts exactly num_requests, every time", "[throttling]") {
    constexpr int threads = 64;
    constexpr int per_thread = 20;
    for (int round = 0; round < 5; ++round) {
        LocalStore store;
        const Rate rate(500, 60);
        std::atomic<int> accepted{0};
        std::atomic<bool> go{false};
        std::vector<std::thread> pool;
        for (int i = 0; i < threads; ++i)
            pool.emplace_back([&] {
                while (!go.load()) std::this_thread::yield();
                for (int n = 0; n < per_thread; ++n)
                    if (store.hit("throttle_user_42", rate, at(n * 0.001)).allowed) accepted.fetch_add(1);
            });
        go = true;
        for (auto& t : pool) t.join();
        CHECK(accepted.load() == 500);
    }
}

TEST_CASE("The LocalStore holds at most max_keys keys: a new key over it is refused until a key expires", "[throttling]") {
    LocalStore store(4);
    const Rate rate("1/minute");
    for (int i = 0; i < 4; ++i) CHECK(store.hit("key" + std::to_string(i), rate, at(i)).allowed);
    CHECK(store.size() == 4);
    SECTION("full of live keys: a new key fails closed, waiting until the first key expires") {
        const Decision d = store.hit("key4", rate, at(10));
        CHECK_FALSE(d.allowed);
        CHECK(d.wait == Approx(50.0));  // key0's request at 0 leaves at 60
        CHECK(d.reset == 50);
        CHECK(store.size() == 4);
        // The keys it holds are served as before.
        CHECK_FALSE(store.hit("key1", rate, at(10)).allowed);
        CHECK(store.hit("key1", rate, at(61)).allowed);
    }
    SECTION("expired keys are swept to make room") {
        CHECK(store.hit("key4", rate, at(61.5)).allowed);  // key0 and key1 have expired
        CHECK(store.size() == 3);                          // key2, key3, key4
        CHECK(store.hit("key5", rate, at(61.5)).allowed);
        CHECK(store.size() == 4);
        CHECK_FALSE(store.hit("key6", rate, at(61.5)).allowed);
    }
}

TEST_CASE("Under many new keys from many threads the LocalStore never holds more than max_keys", "[throttling]") {
    LocalStore store(100);
    std::atomic<int> accepted{0};
    std::vector<std::thread> pool;
    for (int i = 0; i < 8; ++i)
        pool.emplace_back([&, i] {
            for (int n = 0; n < 50; ++n)
                if (store.hit("t" + std::to_string(i) + "_" + std::to_string(n), Rate("5/minute"), at(0)).allowed)
                    accepted.fetch_add(1);
        });
    for (auto& t : pool) t.join();
    CHECK(accepted.load() == 100);
    CHECK(store.size() == 100);
}

}  // namespace store_test
