// tests/core/member_name_test.cpp — a data member's name read from its member pointer at compile time.
#include <drf/core/member_name.hpp>
#include <drf/models/model.hpp>

#include <catch2/catch.hpp>

#include <array>
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

namespace member_name_test {

using drf::member_name;

namespace app::inner {

struct Task {
    std::string title;
    int priority = 0;
    bool done = false;
};

struct Project : drf::models::Model<Project> {
    std::string name;
    std::optional<std::string> description;
};

struct Outer {
    struct Nested {
        int deep = 0;
        struct Deeper {
            double deepest = 0;
        };
    };
};

template <class T>
struct Box {
    T value;
};

template <class K, class V>
struct Pair {
    std::map<K, V> entries;
};

// The owner's spelling holds "::", a member pointer and angle brackets of its own.
template <auto P>
struct Tagged {
    int tag = 0;
};

template <std::size_t N>
struct Fixed {
    char text[N] = {};
};

}  // namespace app::inner

struct Spelling {
    int _;
    int _leading;
    int trailing_;
    int snake_case_name;
    int camelCase;
    int PascalCase;
    int x1;
    int v2_3;
    int a1b2c3d4;
    int __double_leading;
    int class_;
};

union Number {
    int as_int;
    float as_float;
};

// A member whose own type mentions "::", a member pointer and brackets.
struct Tricky {
    int app::inner::Task::*pointer;
    std::array<std::map<int, std::string>, 2> maps;
    void (*callback)(int, int);
    int matrix[2][3];
};

template <class T>
constexpr std::string_view name_of_value() {
    return member_name<&T::value>();
}

struct Wide {
    int f00, f01, f02, f03, f04, f05, f06, f07, f08, f09;
    int f10, f11, f12, f13, f14, f15, f16, f17, f18, f19;
    int f20, f21, f22, f23, f24, f25, f26, f27, f28, f29;
    int f30, f31, f32, f33, f34, f35, f36, f37, f38, f39;
};

template <auto... Ms>
constexpr bool names_are(std::array<std::string_view, sizeof...(Ms)> expected) {
    const std::array<std::string_view, sizeof...(Ms)> got{member_name<Ms>()...};
    return got == expected;
}

TEST_CASE("member_name gives a struct member's name as declared, at compile time", "[core]") {
    STATIC_REQUIRE(member_name<&app::inner::Task::title>() == "title");
    STATIC_REQUIRE(member_name<&app::inner::Task::priority>() == "priority");
    STATIC_REQUIRE(member_name<&app::inner::Task::done>() == "done");
    STATIC_REQUIRE(member_name<&app::inner::Project::description>() == "description");
    STATIC_REQUIRE(std::is_same_v<decltype(member_name<&app::inner::Task::title>()), std::string_view>);
}

TEST_CASE("member_name keeps underscores, digits and capitals of the member's name", "[core]") {
    STATIC_REQUIRE(member_name<&Spelling::_>() == "_");
    STATIC_REQUIRE(member_name<&Spelling::_leading>() == "_leading");
    STATIC_REQUIRE(member_name<&Spelling::trailing_>() == "trailing_");
    STATIC_REQUIRE(member_name<&Spelling::snake_case_name>() == "snake_case_name");
    STATIC_REQUIRE(member_name<&Spelling::camelCase>() == "camelCase");
    STATIC_REQUIRE(member_name<&Spelling::PascalCase>() == "PascalCase");
    STATIC_REQUIRE(member_name<&Spelling::x1>() == "x1");
    STATIC_REQUIRE(member_name<&Spelling::v2_3>() == "v2_3");
    STATIC_REQUIRE(member_name<&Spelling::a1b2c3d4>() == "a1b2c3d4");
    STATIC_REQUIRE(member_name<&Spelling::__double_leading>() == "__double_leading");
    STATIC_REQUIRE(member_name<&Spelling::class_>() == "class_");
}

TEST_CASE("A member inherited from the model's base is named as the base declares it", "[core]") {
    // &Project::id is `drf::Uuid drf::models::Model<Project>::*`: the pointer names the base's member.
    STATIC_REQUIRE(member_name<&app::inner::Project::id>() == "id");
    STATIC_REQUIRE(member_name<&app::inner::Project::created_at>() == "created_at");
    STATIC_REQUIRE(member_name<&app::inner::Project::updated_at>() == "updated_at");
    STATIC_REQUIRE(member_name<&app::inner::Project::name>() == "name");
    STATIC_REQUIRE(std::is_same_v<drf::member_owner_t<&app::inner::Project::id>, drf::models::Model<app::inner::Project>>);
    STATIC_REQUIRE(std::is_same_v<drf::member_owner_t<&app::inner::Project::name>, app::inner::Project>);
}

namespace docs_core_member_names {
struct Project : drf::models::Model<Project> {
    std::string name;
};
}  // namespace docs_core_member_names

TEST_CASE("docs/core.md: the member-name example holds", "[core]") {
    using docs_core_member_names::Project;
    STATIC_REQUIRE(drf::member_name<&Project::name>() == "name");
    STATIC_REQUIRE(drf::member_name<&Project::id>() == "id");  // declared in the base
    STATIC_REQUIRE(std::is_same_v<drf::member_owner_t<&Project::id>, drf::models::Model<Project>>);
    STATIC_REQUIRE(std::is_same_v<drf::member_type_t<&Project::name>, std::string>);
}

TEST_CASE("member_name reads members of nested structs, namespaces, unions and local structs", "[core]") {
    STATIC_REQUIRE(member_name<&app::inner::Outer::Nested::deep>() == "deep");
    STATIC_REQUIRE(member_name<&app::inner::Outer::Nested::Deeper::deepest>() == "deepest");
    STATIC_REQUIRE(member_name<&Spelling::x1>() == "x1");  // an anonymous namespace
    STATIC_REQUIRE(member_name<&Number::as_int>() == "as_int");
    STATIC_REQUIRE(member_name<&Number::as_float>() == "as_float");
    struct Local {
        int inside_a_function;
    };
    STATIC_REQUIRE(member_name<&Local::inside_a_function>() == "inside_a_function");
}

TEST_CASE("member_name reads members of class templates, whatever their arguments spell", "[core]") {
    using namespace app::inner;
    STATIC_REQUIRE(member_name<&Box<int>::value>() == "value");
    STATIC_REQUIRE(member_name<&Box<Box<std::string>>::value>() == "value");
    STATIC_REQUIRE(member_name<&Pair<std::string, Outer::Nested>::entries>() == "entries");
    STATIC_REQUIRE(member_name<&Tagged<&Task::priority>::tag>() == "tag");
    STATIC_REQUIRE(member_name<&Tagged<&Outer::Nested::deep>::tag>() == "tag");
    STATIC_REQUIRE(member_name<&Fixed<3>::text>() == "text");
    STATIC_REQUIRE(name_of_value<Box<double>>() == "value");
    STATIC_REQUIRE(name_of_value<Box<Tagged<&Task::done>>>() == "value");
}

TEST_CASE("member_name reads members whose types are pointers, arrays and templates", "[core]") {
    STATIC_REQUIRE(member_name<&Tricky::pointer>() == "pointer");
    STATIC_REQUIRE(member_name<&Tricky::maps>() == "maps");
    STATIC_REQUIRE(member_name<&Tricky::callback>() == "callback");
    STATIC_REQUIRE(member_name<&Tricky::matrix>() == "matrix");
}

TEST_CASE("member_name names every member of a struct with forty members", "[core]") {
    STATIC_REQUIRE(names_are<&Wide::f00, &Wide::f01, &Wide::f02, &Wide::f03, &Wide::f04, &Wide::f05, &Wide::f06,
                             &Wide::f07, &Wide::f08, &Wide::f09, &Wide::f10, &Wide::f11, &Wide::f12, &Wide::f13,
                             &Wide::f14, &Wide::f15, &Wide::f16, &Wide::f17, &Wide::f18, &Wide::f19, &Wide::f20,
                             &Wide::f21, &Wide::f22, &Wide::f23, &Wide::f24, &Wide::f25, &Wide::f26, &Wide::f27,
                             &Wide::f28, &Wide::f29, &Wide::f30, &Wide::f31, &Wide::f32, &Wide::f33, &Wide::f34,
                             &Wide::f35, &Wide::f36, &Wide::f37, &Wide::f38, &Wide::f39>(
        {"f00", "f01", "f02", "f03", "f04", "f05", "f06", "f07", "f08", "f09", "f10", "f11", "f12", "f13",
         "f14", "f15", "f16", "f17", "f18", "f19", "f20", "f21", "f22", "f23", "f24", "f25", "f26", "f27",
         "f28", "f29", "f30", "f31", "f32", "f33", "f34", "f35", "f36", "f37", "f38", "f39"}));
}

TEST_CASE("A member's name is usable at run time and outlives the expression that read it", "[core]") {
    constexpr std::string_view name = member_name<&app::inner::Task::priority>();
    const std::string copy(name);
    CHECK(copy == "priority");
    CHECK(name.data()[name.size()] == '\0');
}

TEST_CASE("member_owner_t and member_type_t split a data member pointer", "[core]") {
    using app::inner::Project;
    using app::inner::Task;
    STATIC_REQUIRE(std::is_same_v<drf::member_owner_t<&Task::title>, Task>);
    STATIC_REQUIRE(std::is_same_v<drf::member_type_t<&Task::title>, std::string>);
    STATIC_REQUIRE(std::is_same_v<drf::member_type_t<&Project::description>, std::optional<std::string>>);
    STATIC_REQUIRE(std::is_same_v<drf::member_type_t<&Project::id>, drf::Uuid>);
    STATIC_REQUIRE(std::is_same_v<drf::member_type_t<&Tricky::matrix>, int[2][3]>);
}

struct WithFunction {
    int field;
    static int shared;
    void method() {}
};
int WithFunction::shared = 0;

template <auto M>
concept nameable = requires { member_name<M>(); };

TEST_CASE("member_name takes data member pointers only", "[core]") {
    STATIC_REQUIRE(drf::DataMemberPointer<&WithFunction::field>);
    STATIC_REQUIRE_FALSE(drf::DataMemberPointer<&WithFunction::method>);
    STATIC_REQUIRE_FALSE(drf::DataMemberPointer<&WithFunction::shared>);  // a plain int*
    STATIC_REQUIRE_FALSE(drf::DataMemberPointer<0>);
    STATIC_REQUIRE(nameable<&WithFunction::field>);
    STATIC_REQUIRE_FALSE(nameable<&WithFunction::method>);
    STATIC_REQUIRE_FALSE(nameable<&WithFunction::shared>);
}

TEST_CASE("The name is read from both compilers' spellings and never guessed from another", "[core]") {
    using drf::detail::member_name_from;
    STATIC_REQUIRE(member_name_from("constexpr const char* drf::detail::member_pretty_function() "
                                    "[with auto M = &app::Task::title]") == "title");
    STATIC_REQUIRE(member_name_from("const char *drf::detail::member_pretty_function() "
                                    "[M = &app::Task::title]") == "title");
    STATIC_REQUIRE(member_name_from("[with auto M = &(anonymous namespace)::S::x]") == "x");
    STATIC_REQUIRE(member_name_from("[with auto M = &{anonymous}::S::x]") == "x");
    STATIC_REQUIRE(member_name_from("[M = &Tagged<&ns::X::y>::tag]") == "tag");
    // A null member pointer: GCC spells it -1, Clang nullptr.
    STATIC_REQUIRE(member_name_from("[with auto M = -1]").empty());
    STATIC_REQUIRE(member_name_from("[M = nullptr]").empty());
    // An offset, as MSVC spells a member pointer, or no brackets at all.
    STATIC_REQUIRE(member_name_from("[M = pointer-to-member(0x8)]").empty());
    STATIC_REQUIRE(member_name_from("member_pretty_function").empty());
    STATIC_REQUIRE(member_name_from("").empty());
}

}  // namespace member_name_test
