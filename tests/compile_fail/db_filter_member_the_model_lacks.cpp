// expect: Condition<Announcement>
// A filter on a member Project lacks (Announcement's title) cannot be passed to Project's QuerySet: the
// condition's type names the model it was built for, so the mistake is a type error, not empty results.
#include <drf/db.hpp>
#include <drf/db/sqlite.hpp>

#include <string>

struct Project : drf::models::Model<Project> {
    std::string name;
    static constexpr auto meta = drf::models::meta<Project>("projects", drf::models::field<&Project::name>());
};

struct Announcement : drf::models::Model<Announcement> {
    std::string title;
    static constexpr auto meta =
        drf::models::meta<Announcement>("announcements", drf::models::field<&Announcement::title>());
};

int main() {
    auto db = drf::db::sqlite::open(":memory:");
    return drf::db::objects<Project>(db).filter(drf::db::eq(&Announcement::title, std::string("x"))).count() == 0;
}
