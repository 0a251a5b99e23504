// tests/signals/signals_test.cpp — the signal bus: Signal<Args...> as Django's django.dispatch, and the
// model signals pre_save, post_save, pre_delete and post_delete.
#include <drf/signals.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <atomic>
#include <chrono>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace signals_test {

using drf::signals::any_sender;
using drf::signals::ConnectOptions;
using drf::signals::Connection;
using drf::signals::DispatchTrace;
using drf::signals::post_delete;
using drf::signals::post_save;
using drf::signals::pre_delete;
using drf::signals::pre_save;
using drf::signals::ReceiverFor;
using drf::signals::SaveInfo;
using drf::signals::ScopedConnection;
using drf::signals::Sender;
using drf::signals::sender_of;
using drf::signals::Signal;

struct Note : drf::models::Model<Note> {
    std::string text;
};

struct Tag : drf::models::Model<Tag> {
    std::string label;
};

struct User {};
struct Group {};

namespace billing {
struct Payment {};
template <class T>
struct Box {};
}  // namespace billing

// Restores tracing as it was, even when a REQUIRE fails inside the test.
struct TraceGuard {
    explicit TraceGuard(drf::signals::TraceHook hook) : previous(drf::signals::set_trace(std::move(hook))) {}
    ~TraceGuard() { drf::signals::set_trace(std::move(previous)); }
    TraceGuard(const TraceGuard&) = delete;
    TraceGuard& operator=(const TraceGuard&) = delete;
    drf::signals::TraceHook previous;
};

struct SendWelcomeEmail {
    void operator()(int) const {}
};

void free_receiver(int) {}

struct Invoice : drf::models::Model<Invoice> {};
int invoices_saved = 0;

// Connected while static objects are initialized, before main. The model signals are constinit, so
// this works whatever order the translation units are initialized in.
const Connection count_invoices_at_startup = post_save<Invoice>.connect(
    [](const Invoice&, const SaveInfo&) { ++invoices_saved; }, {.dispatch_uid = "count_invoices"});

TEST_CASE("Receivers are called in the order they were connected", "[signals]") {
    Signal<int> signal{"numbers"};
    std::vector<std::string> calls;
    signal.connect([&](int n) { calls.push_back("first " + std::to_string(n)); });
    signal.connect([&](int n) { calls.push_back("second " + std::to_string(n)); });
    signal.connect([&](int n) { calls.push_back("third " + std::to_string(n)); });

    signal.send(7);

    CHECK(calls == std::vector<std::string>{"first 7", "second 7", "third 7"});
}

TEST_CASE("Sending a signal with no receivers does nothing", "[signals]") {
    Signal<int> signal;
    CHECK_NOTHROW(signal.send(1));
    CHECK_NOTHROW(signal.send(sender_of<User>(), 1));
    CHECK(signal.send_robust(1).empty());
}

TEST_CASE("A receiver connected with a sender filter hears only that sender", "[signals]") {
    Signal<int> signal;
    int from_user = 0;
    int from_anyone = 0;
    signal.connect([&](int) { ++from_user; }, {.sender = sender_of<User>()});
    signal.connect([&](int) { ++from_anyone; });

    SECTION("a send from the filtered sender reaches both receivers") {
        signal.send(sender_of<User>(), 1);
        CHECK(from_user == 1);
        CHECK(from_anyone == 1);
    }
    SECTION("a send from another sender skips the filtered receiver") {
        signal.send(sender_of<Group>(), 1);
        CHECK(from_user == 0);
        CHECK(from_anyone == 1);
    }
    SECTION("a send without a sender skips the filtered receiver, as Django's sender=None") {
        signal.send(1);
        CHECK(from_user == 0);
        CHECK(from_anyone == 1);
    }
}

TEST_CASE("A sender is identified by its key, not by its name", "[signals]") {
    int object = 0;
    const Sender custom{&object, "the object"};
    CHECK(sender_of<User>() == sender_of<User>("renamed"));
    CHECK_FALSE(sender_of<User>() == sender_of<Group>());
    CHECK(custom == Sender{&object, "another name"});
    CHECK(sender_of<const User&>() == sender_of<User>());
}

TEST_CASE("sender_of<T> is named after T without its namespaces", "[signals]") {
    CHECK(sender_of<User>().name == "User");
    CHECK(sender_of<billing::Payment>().name == "Payment");
    CHECK(sender_of<billing::Box<int>>().name == "Box<int>");
    CHECK(sender_of<std::string>("str").name == "str");
}

TEST_CASE("A receiver connected with a dispatch_uid is connected only once", "[signals]") {
    Signal<int> signal;
    int calls = 0;
    const Connection first = signal.connect([&](int) { ++calls; }, {.dispatch_uid = "count_calls"});
    const Connection second = signal.connect([&](int) { calls += 100; }, {.dispatch_uid = "count_calls"});

    signal.send(1);

    CHECK(calls == 1);
    CHECK(first.connected());
    CHECK_FALSE(second.connected());  // the second connect was a no-op and returned an empty handle
    CHECK(signal.receivers().size() == 1);
}

TEST_CASE("The same dispatch_uid with another sender filter is another connection, as in Django", "[signals]") {
    Signal<int> signal;
    int calls = 0;
    signal.connect([&](int) { ++calls; }, {.sender = sender_of<User>(), .dispatch_uid = "audit"});
    signal.connect([&](int) { ++calls; }, {.sender = sender_of<Group>(), .dispatch_uid = "audit"});

    signal.send(sender_of<User>(), 1);
    signal.send(sender_of<Group>(), 1);

    CHECK(calls == 2);
    CHECK(signal.receivers().size() == 2);
}

TEST_CASE("Without a dispatch_uid every connect adds a receiver", "[signals]") {
    Signal<int> signal;
    int calls = 0;
    const auto receiver = [&](int) { ++calls; };
    signal.connect(receiver);
    signal.connect(receiver);

    signal.send(1);

    CHECK(calls == 2);
}

TEST_CASE("disconnect by dispatch_uid removes the receiver and says whether it found one", "[signals]") {
    Signal<int> signal;
    int calls = 0;
    signal.connect([&](int) { ++calls; }, {.sender = sender_of<User>(), .dispatch_uid = "audit"});

    SECTION("by dispatch_uid alone, whatever the sender filter") {
        CHECK(signal.disconnect("audit"));
        CHECK_FALSE(signal.disconnect("audit"));
    }
    SECTION("by dispatch_uid and sender, as Django's disconnect(sender=..., dispatch_uid=...)") {
        CHECK_FALSE(signal.disconnect("audit", sender_of<Group>()));
        CHECK(signal.disconnect("audit", sender_of<User>()));
    }
    signal.send(sender_of<User>(), 1);
    CHECK(calls == 0);
    CHECK_FALSE(signal.has_listeners());
}

TEST_CASE("A Connection disconnects its receiver through any copy", "[signals]") {
    Signal<int> signal;
    int calls = 0;
    const Connection connection = signal.connect([&](int) { ++calls; });
    Connection copy = connection;
    CHECK(connection.connected());

    CHECK(copy.disconnect());
    signal.send(1);

    CHECK(calls == 0);
    CHECK_FALSE(connection.connected());
    CHECK_FALSE(Connection{}.connected());
}

TEST_CASE("A ScopedConnection disconnects its receiver when it is destroyed", "[signals]") {
    Signal<int> signal;
    int calls = 0;
    {
        const ScopedConnection scoped = signal.connect([&](int) { ++calls; });
        signal.send(1);
        CHECK(scoped.connected());
    }
    signal.send(1);

    CHECK(calls == 1);
    CHECK_FALSE(signal.has_listeners());
}

TEST_CASE("A released ScopedConnection leaves its receiver connected for good", "[signals]") {
    Signal<int> signal;
    int calls = 0;
    Connection kept;
    {
        ScopedConnection scoped = signal.connect([&](int) { ++calls; });
        kept = scoped.release();
        CHECK_FALSE(scoped.connected());
    }
    signal.send(1);

    CHECK(calls == 1);
    CHECK(kept.connected());
}

TEST_CASE("Moving a ScopedConnection moves the ownership of its receiver", "[signals]") {
    Signal<int> signal;
    int calls = 0;
    ScopedConnection outer;
    {
        ScopedConnection inner = signal.connect([&](int) { ++calls; });
        outer = std::move(inner);
    }
    signal.send(1);
    CHECK(calls == 1);

    outer = ScopedConnection{};  // assigning over a ScopedConnection disconnects what it held
    signal.send(1);
    CHECK(calls == 1);
}

TEST_CASE("A disconnected receiver releases what it captured", "[signals]") {
    Signal<int> signal;
    auto resource = std::make_shared<int>(42);
    const std::weak_ptr<int> watch = resource;
    Connection connection = signal.connect([resource](int) {});
    resource.reset();
    REQUIRE_FALSE(watch.expired());

    connection.disconnect();

    CHECK(watch.expired());
}

TEST_CASE("A receiver that disconnects itself mid-send is released when the send returns", "[signals]") {
    Signal<int> signal;
    auto resource = std::make_shared<int>(42);
    const std::weak_ptr<int> watch = resource;
    bool alive_during_call = false;
    signal.connect(
        [&signal, &alive_during_call, &watch, resource](int) {
            signal.disconnect("once");
            alive_during_call = !watch.expired();  // the send still holds it: this lambda is running
        },
        {.dispatch_uid = "once"});
    resource.reset();

    signal.send(1);

    CHECK(alive_during_call);
    CHECK(watch.expired());
}

TEST_CASE("An exception from a receiver stops the dispatch and reaches the caller of send", "[signals]") {
    Signal<int> signal;
    std::vector<std::string> calls;
    signal.connect([&](int) { calls.push_back("before"); });
    signal.connect([&](int) -> void { throw std::runtime_error("receiver failed"); });
    signal.connect([&](int) { calls.push_back("after"); });

    CHECK_THROWS_WITH(signal.send(1), "receiver failed");
    CHECK(calls == std::vector<std::string>{"before"});
}

TEST_CASE("send_robust calls every receiver and returns each one's exception", "[signals]") {
    Signal<int> signal;
    std::vector<std::string> calls;
    signal.connect([&](int) { calls.push_back("first"); }, {.name = "first"});
    signal.connect([&](int) -> void { throw std::runtime_error("second failed"); }, {.name = "second"});
    signal.connect([&](int) { calls.push_back("third"); }, {.name = "third"});

    const auto results = signal.send_robust(1);

    CHECK(calls == std::vector<std::string>{"first", "third"});
    REQUIRE(results.size() == 3);
    CHECK(results[0].receiver.name == "first");
    CHECK(results[0].error == nullptr);
    CHECK(results[1].receiver.name == "second");
    REQUIRE(results[1].error != nullptr);
    CHECK_THROWS_WITH(std::rethrow_exception(results[1].error), "second failed");
    CHECK(results[2].error == nullptr);
}

TEST_CASE("send_robust reports only the receivers the sender reaches", "[signals]") {
    Signal<int> signal;
    signal.connect([](int) {}, {.sender = sender_of<User>(), .name = "users only"});
    signal.connect([](int) {}, {.name = "everyone"});

    const auto results = signal.send_robust(sender_of<Group>(), 1);

    REQUIRE(results.size() == 1);
    CHECK(results[0].receiver.name == "everyone");
}

TEST_CASE("has_listeners says whether anyone would hear a send", "[signals]") {
    Signal<int> signal;
    CHECK_FALSE(signal.has_listeners());

    ScopedConnection connection = signal.connect([](int) {}, {.sender = sender_of<User>()});

    CHECK(signal.has_listeners());
    CHECK(signal.has_listeners(sender_of<User>()));
    CHECK_FALSE(signal.has_listeners(sender_of<Group>()));
    CHECK_FALSE(signal.has_listeners(any_sender));

    connection.disconnect();
    CHECK_FALSE(signal.has_listeners());
}

TEST_CASE("receivers() lists each receiver's name, dispatch_uid, sender filter and order", "[signals]") {
    Signal<int> signal;
    signal.connect([](int) {}, {.sender = sender_of<User>(), .dispatch_uid = "audit_user", .name = "write audit log"});
    signal.connect([](int) {}, {.dispatch_uid = "count"});
    const Connection gone = signal.connect([](int) {}, {.name = "short lived"});
    signal.connect(&free_receiver);
    Connection(gone).disconnect();

    const auto listed = signal.receivers();

    REQUIRE(listed.size() == 3);
    CHECK(listed[0].name == "write audit log");
    CHECK(listed[0].dispatch_uid == "audit_user");
    CHECK(listed[0].sender == sender_of<User>());
    CHECK(listed[0].sender.name == "User");
    CHECK(listed[0].order == 0);
    CHECK(listed[1].name == "count");
    CHECK(listed[1].sender.key == nullptr);
    CHECK(listed[1].order == 1);
    CHECK(listed[2].order == 3);
}

TEST_CASE("A receiver's name defaults to its dispatch_uid, then its type, then its position", "[signals]") {
    Signal<int> signal;
    signal.connect(SendWelcomeEmail{}, {.dispatch_uid = "welcome"});
    signal.connect(SendWelcomeEmail{});
    signal.connect(&free_receiver);

    const auto listed = signal.receivers();

    REQUIRE(listed.size() == 3);
    CHECK(listed[0].name == "welcome");
    CHECK(listed[1].name == "SendWelcomeEmail");
    CHECK(listed[2].name == "receiver #2");
}

TEST_CASE("A receiver may take the sender as its first parameter", "[signals]") {
    Signal<int> signal;
    std::string heard;
    signal.connect([&](const Sender& sender, int n) { heard = std::string(sender.name) + " " + std::to_string(n); });

    signal.send(sender_of<User>(), 3);

    CHECK(heard == "User 3");
}

TEST_CASE("Receiver types are checked at compile time", "[signals]") {
    STATIC_REQUIRE(ReceiverFor<void (*)(int), int>);
    STATIC_REQUIRE(ReceiverFor<void (*)(const Sender&, int), int>);
    STATIC_REQUIRE(ReceiverFor<void (*)(long), int>);  // as a function call would convert
    STATIC_REQUIRE_FALSE(ReceiverFor<void (*)(std::string), int>);
    STATIC_REQUIRE_FALSE(ReceiverFor<void (*)(int&), int>);  // a value argument arrives as const int&
    STATIC_REQUIRE_FALSE(ReceiverFor<bool (*)(int), int>);   // a result would be silently dropped
    STATIC_REQUIRE(ReceiverFor<void (*)(Note&, const SaveInfo&), Note&, const SaveInfo&>);
    STATIC_REQUIRE_FALSE(ReceiverFor<void (*)(Note&, const SaveInfo&), const Note&, const SaveInfo&>);
}

TEST_CASE("A receiver can disconnect itself during a send", "[signals]") {
    Signal<int> signal;
    int once = 0;
    int always = 0;
    auto self = std::make_shared<Connection>();
    *self = signal.connect([&once, self](int) {
        ++once;
        self->disconnect();
    });
    signal.connect([&](int) { ++always; });

    signal.send(1);
    signal.send(1);

    CHECK(once == 1);
    CHECK(always == 2);
    CHECK(signal.receivers().size() == 1);
}

TEST_CASE("A receiver disconnected by an earlier receiver is not called in the same send", "[signals]") {
    Signal<int> signal;
    int later_calls = 0;
    Connection later;
    signal.connect([&](int) { later.disconnect(); });
    later = signal.connect([&](int) { ++later_calls; });

    signal.send(1);

    CHECK(later_calls == 0);
}

TEST_CASE("A receiver connected during a send is first called by the next send", "[signals]") {
    Signal<int> signal;
    int added_calls = 0;
    bool added = false;
    signal.connect([&](int) {
        if (!std::exchange(added, true)) signal.connect([&](int) { ++added_calls; });
    });

    signal.send(1);
    CHECK(added_calls == 0);
    signal.send(1);
    CHECK(added_calls == 1);
}

TEST_CASE("A receiver may send the signal it is receiving", "[signals]") {
    Signal<int> signal;
    std::vector<int> heard;
    signal.connect([&](int n) {
        heard.push_back(n);
        if (n > 0) signal.send(n - 1);
    });

    signal.send(2);

    CHECK(heard == std::vector<int>{2, 1, 0});
}

TEST_CASE("A receiver disconnected on another thread is not called by later sends", "[signals]") {
    Signal<int> signal;
    std::atomic<int> calls{0};
    Connection connection = signal.connect([&](int) { ++calls; });

    std::thread([&] { connection.disconnect(); }).join();
    signal.send(1);

    CHECK(calls == 0);
}

TEST_CASE("Connecting and disconnecting on other threads while a thread sends neither crashes nor deadlocks",
          "[signals]") {
    Signal<int> signal{"busy"};
    std::atomic<long> steady_calls{0};
    std::atomic<long> churn_calls{0};
    signal.connect([&](int) { steady_calls.fetch_add(1, std::memory_order_relaxed); });
    constexpr int sends = 20000;
    constexpr int churns = 2000;
    std::atomic<bool> start{false};

    std::thread sender([&] {
        while (!start.load()) std::this_thread::yield();
        for (int i = 0; i < sends; ++i) signal.send(i);
    });
    std::thread scoped_churn([&] {
        while (!start.load()) std::this_thread::yield();
        for (int i = 0; i < churns; ++i) {
            const ScopedConnection c = signal.connect([&](int) { churn_calls.fetch_add(1, std::memory_order_relaxed); });
        }
    });
    std::thread uid_churn([&] {
        while (!start.load()) std::this_thread::yield();
        for (int i = 0; i < churns; ++i) {
            signal.connect([&](int) { churn_calls.fetch_add(1, std::memory_order_relaxed); },
                           {.dispatch_uid = "churn"});
            (void)signal.receivers();
            signal.disconnect("churn");
        }
    });
    start = true;
    sender.join();
    scoped_churn.join();
    uid_churn.join();

    CHECK(steady_calls == sends);  // the receiver connected throughout heard every send
    CHECK(signal.receivers().size() == 1);
}

TEST_CASE("A connection handle that outlives its signal is harmless", "[signals]") {
    Connection connection;
    ScopedConnection scoped;
    {
        Signal<int> signal;
        connection = signal.connect([](int) {});
        scoped = signal.connect([](int) {});
        CHECK(connection.connected());
    }
    CHECK_FALSE(connection.connected());
    CHECK_FALSE(connection.disconnect());
    CHECK_NOTHROW(scoped.disconnect());
}

TEST_CASE("The trace hook sees every receiver call with signal, sender, receiver, duration and outcome",
          "[signals]") {
    Signal<int> signal{"order_paid"};
    signal.connect([](int) {}, {.name = "send receipt"});
    signal.connect([](int n) {
        if (n < 0) throw std::runtime_error("negative");
    }, {.name = "update ledger"});
    std::vector<DispatchTrace> seen;
    std::vector<std::string> names;  // the views in a DispatchTrace live only during the hook call
    const TraceGuard tracing{[&](const DispatchTrace& trace) {
        seen.push_back(trace);
        names.push_back(std::string(trace.signal) + "/" + std::string(trace.sender) + "/" + std::string(trace.receiver));
    }};

    SECTION("a send that succeeds") {
        signal.send(sender_of<User>(), 1);
        REQUIRE(seen.size() == 2);
        CHECK(names == std::vector<std::string>{"order_paid/User/send receipt", "order_paid/User/update ledger"});
        CHECK_FALSE(seen[0].threw);
        CHECK_FALSE(seen[1].threw);
        CHECK(seen[0].duration >= std::chrono::nanoseconds{0});
    }
    SECTION("a receiver that throws is traced as having thrown") {
        CHECK_THROWS(signal.send(-1));
        REQUIRE(seen.size() == 2);
        CHECK(names[1] == "order_paid//update ledger");
        CHECK(seen[1].threw);
    }
    SECTION("send_robust is traced too") {
        (void)signal.send_robust(-1);
        REQUIRE(seen.size() == 2);
        CHECK(seen[1].threw);
    }
}

TEST_CASE("A trace hook that sends a signal is not traced recursively", "[signals]") {
    Signal<int> audit{"audit"};
    Signal<int> signal{"work"};
    int audited = 0;
    audit.connect([&](int) { ++audited; });
    signal.connect([](int) {});
    std::vector<std::string> traced;
    const TraceGuard tracing{[&](const DispatchTrace& trace) {
        traced.emplace_back(trace.signal);
        audit.send(1);
    }};

    signal.send(1);

    CHECK(traced == std::vector<std::string>{"work"});
    CHECK(audited == 1);
}

TEST_CASE("Turning the trace hook off stops tracing", "[signals]") {
    Signal<int> signal;
    signal.connect([](int) {});
    int traced = 0;
    {
        const TraceGuard tracing{[&](const DispatchTrace&) { ++traced; }};
        signal.send(1);
    }
    signal.send(1);

    CHECK(traced == 1);
}

TEST_CASE("Each model signal is named after its model, like post_save<Note>", "[signals]") {
    CHECK(pre_save<Note>.name() == "pre_save<Note>");
    CHECK(post_save<Note>.name() == "post_save<Note>");
    CHECK(pre_delete<Note>.name() == "pre_delete<Note>");
    CHECK(post_delete<Note>.name() == "post_delete<Note>");
}

TEST_CASE("post_save<T> tells receivers whether the row was created and which fields were written",
          "[signals]") {
    std::vector<std::string> heard;
    const ScopedConnection connection = post_save<Note>.connect(
        [&](const Note& note, const SaveInfo& info) {
            heard.push_back(note.text + (info.created ? " created" : " updated") +
                            (info.update_fields.empty() ? " all" : " " + std::string(info.update_fields[0])));
        },
        {.sender = sender_of<Note>(), .dispatch_uid = "record_saves"});
    Note note;
    note.text = "hello";
    constexpr std::array<std::string_view, 1> text_only{"text"};

    post_save<Note>.send(sender_of<Note>(), note, {.created = true});
    post_save<Note>.send(sender_of<Note>(), note, {.created = false, .update_fields = text_only});

    CHECK(heard == std::vector<std::string>{"hello created all", "hello updated text"});
}

TEST_CASE("SaveInfo::updates is true for every field when update_fields is empty", "[signals]") {
    constexpr std::array<std::string_view, 1> text_only{"text"};
    CHECK(SaveInfo{}.updates("text"));
    CHECK(SaveInfo{.update_fields = text_only}.updates("text"));
    CHECK_FALSE(SaveInfo{.update_fields = text_only}.updates("updated_at"));
}

TEST_CASE("pre_save<T> receivers may modify the instance before it is written", "[signals]") {
    const ScopedConnection connection = pre_save<Note>.connect([](Note& note, const SaveInfo&) {
        if (note.text.empty()) note.text = "(untitled)";
    });
    Note note;

    pre_save<Note>.send(sender_of<Note>(), note, {.created = true});

    CHECK(note.text == "(untitled)");
}

TEST_CASE("pre_delete<T> and post_delete<T> receive the instance being deleted", "[signals]") {
    std::vector<std::string> heard;
    const ScopedConnection before = pre_delete<Note>.connect([&](const Note& n) { heard.push_back("pre " + n.text); });
    const ScopedConnection after = post_delete<Note>.connect([&](const Note& n) { heard.push_back("post " + n.text); });
    Note note;
    note.text = "bye";

    pre_delete<Note>.send(sender_of<Note>(), note);
    post_delete<Note>.send(sender_of<Note>(), note);

    CHECK(heard == std::vector<std::string>{"pre bye", "post bye"});
}

TEST_CASE("A receiver can be connected to a model signal from a static initializer", "[signals]") {
    const Invoice invoice;
    post_save<Invoice>.send(sender_of<Invoice>(), invoice, {.created = true});
    CHECK(invoices_saved == 1);
    CHECK(count_invoices_at_startup.connected());
}

TEST_CASE("Model signals of different models are separate signals", "[signals]") {
    int note_saves = 0;
    const ScopedConnection connection =
        post_save<Note>.connect([&](const Note&, const SaveInfo&) { ++note_saves; });
    Tag tag;

    post_save<Tag>.send(sender_of<Tag>(), tag, {.created = true});

    CHECK(note_saves == 0);
    CHECK_FALSE(post_save<Tag>.has_listeners());
    CHECK(post_save<Note>.has_listeners(sender_of<Note>()));
}

}  // namespace signals_test
