// tests/models/models_test.cpp — the base model and its compile-time field list.
#include <drf/core/json.hpp>
#include <drf/models.hpp>

#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <type_traits>
#include <vector>

namespace models_test {

struct Project : drf::models::Model<Project> {
    std::string name;
    std::string description;
    drf::Uuid owner_id;
    bool archived = false;
    std::optional<drf::DateTime> archived_at;
    static constexpr auto meta = drf::models::meta<Project>(
        "projects", drf::models::field<&Project::name>().max_length(200),
        drf::models::field<&Project::description>(),
        drf::models::field<&Project::owner_id>().db_index(),
        drf::models::field<&Project::archived>(),
        drf::models::field<&Project::archived_at>());
};

struct Cached : drf::models::Model<Cached> {
    std::string name;
    std::string label;  // computed, not stored
    static constexpr auto meta = drf::models::meta<Cached>("cached", drf::models::field<&Cached::name>());
};

struct Product : drf::models::Model<Product> {
    drf::Decimal price;
    std::optional<drf::Decimal> discount;
    drf::Date released;
    drf::Time opens;
    drf::Duration warranty;
    drf::Json specs;
    std::string server;
    static constexpr auto meta = drf::models::meta<Product>(
        "products", drf::models::field<&Product::price>().max_digits(10).decimal_places(2),
        drf::models::field<&Product::discount>().max_digits(5).decimal_places(5),
        drf::models::field<&Product::released>(), drf::models::field<&Product::opens>(),
        drf::models::field<&Product::warranty>(), drf::models::field<&Product::specs>(),
        drf::models::field<&Product::server>().ip_address());
};

template <class F>
concept HasMaxDigits = requires(F f) { f.max_digits(3); };
template <class F>
concept HasDecimalPlaces = requires(F f) { f.decimal_places(3); };
template <class F>
concept HasIpAddress = requires(F f) { f.ip_address(); };

TEST_CASE("Every model gets id, created_at and updated_at first in its field list", "[models]") {
    STATIC_REQUIRE(drf::models::ModelType<Project>);
    STATIC_REQUIRE(Project::meta.field_count == 8);
    constexpr auto names = Project::meta.names();
    STATIC_REQUIRE(names[0] == "id");
    STATIC_REQUIRE(names[1] == "created_at");
    STATIC_REQUIRE(names[2] == "updated_at");
    STATIC_REQUIRE(names[3] == "name");
    STATIC_REQUIRE(Project::meta.table == "projects");
}

TEST_CASE("A new model instance has a random id and both timestamps set from the clock", "[models]") {
    drf::FrozenClock clock(*drf::parse_datetime("2026-11-23T19:43:37.727356Z"));
    drf::ClockOverride use(clock);
    Project a;
    Project b;
    CHECK(a.id != b.id);
    CHECK(a.id.version() == boost::uuids::uuid::version_random_number_based);
    CHECK(drf::to_iso8601(a.created_at) == "2026-11-23T19:43:37.727356Z");
    CHECK(a.updated_at == a.created_at);
}

TEST_CASE("A model built with no_init skips the random id and the clock", "[models]") {
    struct Row : drf::models::Model<Row> {
        Row() : Model(drf::models::no_init) {}
    };
    Row r;
    CHECK(r.id.is_nil());
    CHECK(r.created_at.is_not_a_date_time());
}

TEST_CASE("make_no_init builds an aggregate model's base with no_init, and value-initializes any other", "[models]") {
    drf::FrozenClock clock(*drf::parse_datetime("2026-11-23T19:43:37.727356Z"));
    drf::ClockOverride use(clock);
    const Project aggregate = drf::models::make_no_init<Project>();
    CHECK(aggregate.id.is_nil());
    CHECK(aggregate.created_at.is_not_a_date_time());
    CHECK(aggregate.updated_at.is_not_a_date_time());
    CHECK(aggregate.name.empty());
    CHECK_FALSE(aggregate.archived);

    struct WithConstructor : drf::models::Model<WithConstructor> {
        WithConstructor() {}
    };
    const auto other = drf::models::make_no_init<WithConstructor>();  // T{}: the base's own defaults
    CHECK_FALSE(other.id.is_nil());
    CHECK(drf::to_iso8601(other.created_at) == "2026-11-23T19:43:37.727356Z");
}

TEST_CASE("A model field takes its name from the member: field<&Project::name>() is the column \"name\"", "[models]") {
    constexpr auto f = drf::models::field<&Project::name>().max_length(200);
    STATIC_REQUIRE(f.name == "name");
    STATIC_REQUIRE(f.member == &Project::name);
    STATIC_REQUIRE(f.max_length_ == 200);
    STATIC_REQUIRE(std::is_same_v<decltype(f), const drf::models::Field<Project, std::string>>);
}

TEST_CASE("A base-model member such as id is named as declared in Model<T>", "[models]") {
    constexpr auto f = drf::models::field<&Project::id>();
    STATIC_REQUIRE(f.name == "id");
    STATIC_REQUIRE(std::is_same_v<decltype(f), const drf::models::Field<drf::models::Model<Project>, drf::Uuid>>);
    STATIC_REQUIRE(drf::models::field<&Project::created_at>().name == "created_at");
}

TEST_CASE("A column named otherwise than its member is given by field<&T::member>(\"column\")", "[models]") {
    struct Renamed : drf::models::Model<Renamed> {
        std::string displayName;
    };
    constexpr auto f = drf::models::field<&Renamed::displayName>("display_name");
    STATIC_REQUIRE(f.name == "display_name");
    Renamed r;
    r.displayName = "Ada";
    CHECK(f.get(r) == "Ada");
}

TEST_CASE("A model's field is found by its member pointer at compile time and read through it", "[models]") {
    STATIC_REQUIRE(Project::meta.index_of("owner_id") == 5);
    STATIC_REQUIRE(Project::meta.has_field("archived"));
    STATIC_REQUIRE_FALSE(Project::meta.has_field("nme"));
    STATIC_REQUIRE(drf::models::column_name(&Project::owner_id) == "owner_id");
    STATIC_REQUIRE(drf::models::column_name(&Project::id) == "id");
    Project p;
    p.name = "Apollo";
    CHECK(drf::models::get_field<&Project::name>().get(p) == "Apollo");
    CHECK(drf::models::get_field<&Project::id>().get(p) == p.id);
}

TEST_CASE("A member that is not one of the model's fields has no column", "[models]") {
    STATIC_REQUIRE(drf::models::column_name(&Cached::name) == "name");
    STATIC_REQUIRE(drf::models::column_name(&Cached::label).empty());
}

TEST_CASE("Field options record what the database needs: max_length, index, nullability", "[models]") {
    constexpr auto& name = drf::models::get_field<&Project::name>();
    constexpr auto& owner = drf::models::get_field<&Project::owner_id>();
    constexpr auto& archived_at = drf::models::get_field<&Project::archived_at>();
    STATIC_REQUIRE(name.max_length_ == 200);
    STATIC_REQUIRE(owner.is_indexed);
    STATIC_REQUIRE(archived_at.nullable());
    STATIC_REQUIRE_FALSE(name.nullable());
    STATIC_REQUIRE(drf::models::get_field<&Project::id>().is_unique);
}

TEST_CASE("The default ordering is newest first: -created_at", "[models]") {
    const auto& term = std::get<0>(Project::meta.ordering_terms);
    CHECK(term.descending);
    Project p;
    CHECK(&(p.*term.member) == &p.created_at);
}

TEST_CASE("for_each_field visits the fields in declaration order", "[models]") {
    std::vector<std::string> seen;
    Project::meta.for_each_field([&](const auto& f) { seen.emplace_back(f.name); });
    CHECK(seen == std::vector<std::string>{"id", "created_at", "updated_at", "name", "description", "owner_id",
                                           "archived", "archived_at"});
}

TEST_CASE("Only supported member types can be model fields", "[models]") {
    STATIC_REQUIRE(drf::models::FieldType<std::string>);
    STATIC_REQUIRE(drf::models::FieldType<std::int64_t>);
    STATIC_REQUIRE(drf::models::FieldType<double>);
    STATIC_REQUIRE(drf::models::FieldType<bool>);
    STATIC_REQUIRE(drf::models::FieldType<drf::Uuid>);
    STATIC_REQUIRE(drf::models::FieldType<drf::DateTime>);
    STATIC_REQUIRE(drf::models::FieldType<std::optional<std::string>>);
    STATIC_REQUIRE(drf::models::FieldType<drf::Decimal>);
    STATIC_REQUIRE(drf::models::FieldType<drf::Date>);
    STATIC_REQUIRE(drf::models::FieldType<drf::Time>);
    STATIC_REQUIRE(drf::models::FieldType<drf::Duration>);
    STATIC_REQUIRE(drf::models::FieldType<drf::Json>);
    STATIC_REQUIRE(drf::models::FieldType<std::optional<drf::Date>>);
    STATIC_REQUIRE_FALSE(drf::models::FieldType<std::vector<int>>);
    STATIC_REQUIRE_FALSE(drf::models::FieldType<const char*>);
}

TEST_CASE("Two instances of a model are equal when their ids are, as in Django", "[models]") {
    Project a;
    Project b = a;
    b.name = "changed";
    CHECK(static_cast<const drf::models::Model<Project>&>(a) == b);
    CHECK_FALSE(static_cast<const drf::models::Model<Project>&>(a) == Project{});
}

TEST_CASE("A Decimal field records Django's max_digits and decimal_places", "[models]") {
    constexpr auto& price = drf::models::get_field<&Product::price>();
    STATIC_REQUIRE(price.max_digits_ == 10);
    STATIC_REQUIRE(price.decimal_places_ == 2);
    constexpr auto& discount = drf::models::get_field<&Product::discount>();
    STATIC_REQUIRE(discount.max_digits_ == 5);
    STATIC_REQUIRE(discount.decimal_places_ == 5);  // as many places as digits: 0.12345
    STATIC_REQUIRE(discount.nullable());
    // Fields of other types leave them unset.
    STATIC_REQUIRE(drf::models::get_field<&Product::released>().max_digits_ == 0);
    STATIC_REQUIRE(drf::models::get_field<&Product::released>().decimal_places_ == -1);
}

TEST_CASE("max_digits and decimal_places are offered on Decimal members only", "[models]") {
    STATIC_REQUIRE(HasMaxDigits<decltype(drf::models::field<&Product::price>())>);
    STATIC_REQUIRE(HasDecimalPlaces<decltype(drf::models::field<&Product::discount>())>);
    STATIC_REQUIRE_FALSE(HasMaxDigits<decltype(drf::models::field<&Product::opens>())>);
    STATIC_REQUIRE_FALSE(HasDecimalPlaces<decltype(drf::models::field<&Product::server>())>);
}

TEST_CASE("ip_address() marks a text field as Django's GenericIPAddressField, and is offered on text only", "[models]") {
    STATIC_REQUIRE(drf::models::get_field<&Product::server>().is_ip_address);
    STATIC_REQUIRE_FALSE(drf::models::get_field<&Product::specs>().is_ip_address);
    STATIC_REQUIRE(HasIpAddress<decltype(drf::models::field<&Product::server>())>);
    STATIC_REQUIRE_FALSE(HasIpAddress<decltype(drf::models::field<&Product::price>())>);
    STATIC_REQUIRE_FALSE(HasIpAddress<decltype(drf::models::field<&Product::warranty>())>);
}

}  // namespace models_test
