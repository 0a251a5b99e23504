// examples/signals.cpp — the classic Django signal: a post_save<User> receiver that creates the user's Profile,
// connected once with dispatch_uid "create_user_profile", listed and traced.
//
// Build: g++ -std=c++20 -Iinclude examples/signals.cpp -o signals && ./signals
#include <drf/models/model.hpp>
#include <drf/signals.hpp>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace signals = drf::signals;

struct User : drf::models::Model<User> {
    std::string username;
};

struct Profile : drf::models::Model<Profile> {
    drf::Uuid user_id;
    std::string bio;
};

// A tiny in-memory store in place of the database layer, written when drf::db did not exist yet; it
// keeps this example free of SQLite. It sends the model signals as drf::db's Manager does: pre_save,
// write, post_save; pre_delete, delete, post_delete; always with sender_of<T>().
template <class T>
class Store {
public:
    void save(T& object, std::span<const std::string_view> update_fields = {}) {
        const auto row = find(object.id);
        const signals::SaveInfo info{.created = row == rows_.end(), .update_fields = update_fields};
        signals::pre_save<T>.send(signals::sender_of<T>(), object, info);
        object.updated_at = drf::now();
        if (info.created)
            rows_.push_back(object);
        else
            *row = object;
        signals::post_save<T>.send(signals::sender_of<T>(), object, info);
    }

    void remove(const T& object) {
        signals::pre_delete<T>.send(signals::sender_of<T>(), object);
        rows_.erase(find(object.id));
        signals::post_delete<T>.send(signals::sender_of<T>(), object);
    }

    const std::vector<T>& all() const { return rows_; }

private:
    typename std::vector<T>::iterator find(const drf::Uuid& id) {
        return std::find_if(rows_.begin(), rows_.end(), [&](const T& row) { return row.id == id; });
    }

    std::vector<T> rows_;
};

Store<User> users;
Store<Profile> profiles;

// The Django receiver it mirrors:
//   @receiver(post_save, sender=User)
//   def create_user_profile(sender, instance, created, **kwargs):
//       if created:
//           Profile.objects.create(user=instance)
void create_user_profile(const User& user, const signals::SaveInfo& info) {
    if (!info.created) return;
    Profile profile;
    profile.user_id = user.id;
    profiles.save(profile);
}

// Cross-cutting cleanup, the other kind of work signals are for.
void delete_user_profile(const User& user) {
    for (const Profile& profile : std::vector<Profile>(profiles.all()))
        if (profile.user_id == user.id) profiles.remove(profile);
}

// An app's ready() may run more than once (tests, reloads): the dispatch_uid keeps it to one receiver.
void connect_receivers() {
    signals::post_save<User>.connect(&create_user_profile, {.sender = signals::sender_of<User>(),
                                                           .dispatch_uid = "create_user_profile"});
    signals::post_delete<User>.connect(&delete_user_profile, {.sender = signals::sender_of<User>(),
                                                             .dispatch_uid = "delete_user_profile"});
    // pre_save receivers get the instance by reference and may change it before it is written.
    signals::pre_save<User>.connect(
        [](User& user, const signals::SaveInfo&) {
            std::transform(user.username.begin(), user.username.end(), user.username.begin(),
                           [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        },
        {.dispatch_uid = "normalize_username"});
}

int main() {
    int failures = 0;
    const auto expect = [&](bool ok, const char* what) {
        std::printf("  %s %s\n", ok ? "ok  " : "FAIL", what);
        if (!ok) ++failures;
    };

    connect_receivers();
    connect_receivers();

    // Unlike Django's, these signals can say who listens.
    std::printf("receivers of %.*s:\n", static_cast<int>(signals::post_save<User>.name().size()),
                signals::post_save<User>.name().data());
    for (const auto& r : signals::post_save<User>.receivers())
        std::printf("  #%llu %s (sender %.*s)\n", static_cast<unsigned long long>(r.order), r.name.c_str(),
                    static_cast<int>(r.sender.name.size()), r.sender.name.data());
    expect(signals::post_save<User>.receivers().size() == 1, "connecting twice with one dispatch_uid connects once");

    // ...and every dispatch can be traced.
    signals::set_trace([](const signals::DispatchTrace& t) {
        std::printf("  [trace] %.*s sender=%.*s receiver=%.*s %lldns%s\n", static_cast<int>(t.signal.size()),
                    t.signal.data(), static_cast<int>(t.sender.size()), t.sender.data(),
                    static_cast<int>(t.receiver.size()), t.receiver.data(),
                    static_cast<long long>(t.duration.count()), t.threw ? " threw" : "");
    });

    std::printf("saving a new user:\n");
    User ada;
    ada.username = "Ada";
    users.save(ada);
    expect(profiles.all().size() == 1 && profiles.all()[0].user_id == ada.id, "a Profile was created for the new user");
    expect(ada.username == "ada", "pre_save normalized the username before it was written");

    std::printf("saving the same user again:\n");
    constexpr std::array<std::string_view, 1> username_only{"username"};
    ada.username = "Ada L";
    users.save(ada, username_only);
    expect(profiles.all().size() == 1, "no second Profile: created is false on update");

    std::printf("deleting the user:\n");
    users.remove(ada);
    expect(profiles.all().empty(), "post_delete removed the user's Profile");

    signals::set_trace(nullptr);
    std::printf("%s\n", failures == 0 ? "all good" : "some checks failed");
    // The usual Django advice stands: prefer explicit service calls over signals for business logic.
    return failures == 0 ? 0 : 1;
}
