// tests/permissions/permissions_test.cpp — permissions as rest_framework.permissions: what a permission
// is, the built-ins, `&`, `|` and `~` with DRF >= 3.14 semantics (truth tables at both levels), the
// messages a denial carries, and the 401-versus-403 rule of check_permissions.
#include <drf/auth/user.hpp>
#include <drf/permissions.hpp>

#include <catch2/catch.hpp>

#include <functional>
#include <string>
#include <string_view>
#include <type_traits>

namespace permissions_test_adl {

namespace permissions_test {

using drf::auth::User;
using drf::http::Method;
using drf::http::Request;
using drf::permissions::AllowAny;
using drf::permissions::And;
using drf::permissions::BasePermission;
using drf::permissions::check_object_permissions;
using drf::permissions::check_permissions;
using drf::permissions::Decision;
using drf::permissions::evaluate;
using drf::permissions::evaluate_object;
using drf::permissions::IsAdminUser;
using drf::permissions::IsAuthenticated;
using drf::permissions::IsAuthenticatedOrReadOnly;
using drf::permissions::Not;
using drf::permissions::Or;
using drf::permissions::Permission;

// Combining two permission types of this file (none of them from drf::permissions) needs the operators
// in scope; one built-in operand would be enough for argument-dependent lookup.
using namespace drf::permissions::operators;

// ---- small permissions with fixed answers --------------------------------------------------------

// Answers both questions, each with a fixed value.
struct Answers {
    bool request = true;
    bool object = true;
    bool has_permission(const Request&) const { return request; }
    template <class Obj>
    bool has_object_permission(const Request&, const Obj&) const {
        return object;
    }
};

// Defines only has_permission: DRF's BasePermission default (allow) answers at object level.
struct RequestOnly {
    bool answer = true;
    bool has_permission(const Request&) const { return answer; }
};

// Defines only has_object_permission (the view-taking form): the request level allows.
struct ObjectOnly {
    bool answer = true;
    template <class View, class Obj>
    bool has_object_permission(const Request&, const View&, const Obj&) const {
        return answer;
    }
};

// Denies with a message of its own, at both levels.
struct DeniesA {
    static constexpr std::string_view message = "A says no.";
    bool request = false;
    bool object = false;
    bool has_permission(const Request&) const { return request; }
    template <class Obj>
    bool has_object_permission(const Request&, const Obj&) const {
        return object;
    }
};

// The same, with the message as a const char*.
struct DeniesB {
    static constexpr const char* message = "B says no.";
    bool request = false;
    bool object = false;
    bool has_permission(const Request&) const { return request; }
    template <class Obj>
    bool has_object_permission(const Request&, const Obj&) const {
        return object;
    }
};

// Counts its calls, to show short-circuiting.
struct Counting {
    int* calls = nullptr;
    bool answer = true;
    bool has_permission(const Request&) const {
        ++*calls;
        return answer;
    }
};

// A view and an object; permissions in this file ignore both unless they say otherwise.
struct View {};
struct Doc {};

// Models and custom permissions as a typical DRF project has them (core/permissions.py).
struct Project {
    drf::Uuid owner_id = drf::nil_uuid();
};
struct Task {
    drf::Uuid assignee_id = drf::nil_uuid();
};

struct IsOwner {
    bool has_object_permission(const Request& request, const Project& project) const {
        return project.owner_id == request.user().id;
    }
};

struct IsAdminOrReadOnly {
    bool has_permission(const Request& request) const {
        if (drf::http::is_safe(request.method())) return true;
        return request.user().is_staff;
    }
};

struct ProjectViewSet {
    static constexpr auto permission_classes = IsAuthenticated{} & IsOwner{};
};

// ---- helpers --------------------------------------------------------------------------------------

User make_user(std::string name, bool staff = false) {
    User user;  // a fresh id: authenticated
    user.username = std::move(name);
    user.is_staff = staff;
    return user;
}

Request anonymous_request(Method method = Method::get) { return Request(method, "/x/"); }

Request request_by(const User& user, Method method = Method::get) {
    Request request(method, "/x/");
    request.set_user(user, "token");
    request.set_has_authenticators(true);
    return request;
}

bool at_request(const auto& permission) { return evaluate(permission, anonymous_request(), View{}).allowed; }
bool at_object(const auto& permission) { return evaluate_object(permission, anonymous_request(), View{}, Doc{}).allowed; }

std::string_view message_at_request(const auto& permission) {
    return evaluate(permission, anonymous_request(), View{}).message;
}
std::string_view message_at_object(const auto& permission) {
    return evaluate_object(permission, anonymous_request(), View{}, Doc{}).message;
}

// What a check throws: its status and detail; {0, ""} when it does not throw.
struct Outcome {
    int status = 0;
    std::string detail;
};
Outcome outcome_of(const std::function<void()>& check) {
    try {
        check();
    } catch (const drf::http::APIException& e) {
        return {e.status_code(), e.detail()};
    }
    return {};
}

constexpr std::string_view default_denial = "You do not have permission to perform this action.";

// ---- what a permission is -------------------------------------------------------------------------

struct WithTemplate {
    template <class View>
    bool has_permission(const Request&, const View&) const {
        return true;
    }
};
struct WithOverloads {
    bool has_object_permission(const Request&, const Project&) const { return true; }
    bool has_object_permission(const Request&, const Task&) const { return true; }
};
struct FinalPlain final {
    bool has_permission(const Request&) const { return true; }
};
struct FinalTemplate final {
    template <class Obj>
    bool has_object_permission(const Request&, const Obj&) const {
        return true;
    }
};
struct FinalTemplateMarked final : BasePermission {
    template <class Obj>
    bool has_object_permission(const Request&, const Obj&) const {
        return true;
    }
};
struct Typo {
    bool has_permissions(const Request&) const { return true; }
};

TEST_CASE("A permission is a type declaring has_permission or has_object_permission, in any form", "[permissions]") {
    STATIC_REQUIRE(Permission<RequestOnly>);
    STATIC_REQUIRE(Permission<ObjectOnly>);  // a member template
    STATIC_REQUIRE(Permission<Answers>);
    STATIC_REQUIRE(Permission<WithTemplate>);
    STATIC_REQUIRE(Permission<WithOverloads>);  // an overload set
    STATIC_REQUIRE(Permission<IsOwner>);
    STATIC_REQUIRE(Permission<FinalPlain>);
    STATIC_REQUIRE(Permission<const IsAuthenticated&>);  // cv and references are ignored
    STATIC_REQUIRE(Permission<decltype(ProjectViewSet::permission_classes)>);
}

TEST_CASE("A type with neither function is not a permission, unless it derives from BasePermission", "[permissions]") {
    STATIC_REQUIRE_FALSE(Permission<int>);
    STATIC_REQUIRE_FALSE(Permission<Doc>);
    STATIC_REQUIRE_FALSE(Permission<Typo>);
    // A final class cannot be probed for a member template; deriving from BasePermission marks it.
    STATIC_REQUIRE_FALSE(Permission<FinalTemplate>);
    STATIC_REQUIRE(Permission<FinalTemplateMarked>);
    STATIC_REQUIRE(Permission<BasePermission>);
    CHECK(at_request(BasePermission{}));  // DRF's BasePermission allows everything
    CHECK(at_object(BasePermission{}));
}

TEST_CASE("A missing has_permission or has_object_permission allows, as DRF's BasePermission", "[permissions]") {
    CHECK(at_object(RequestOnly{false}));
    CHECK(at_request(ObjectOnly{false}));
    CHECK_FALSE(at_request(RequestOnly{false}));
    CHECK_FALSE(at_object(ObjectOnly{false}));
}

struct TakesView {
    bool has_permission(const Request&, const View&) const { return false; }
    bool has_object_permission(const Request&, const View&, const Doc&) const { return false; }
};
struct NoView {
    bool has_permission(const Request&) const { return false; }
    bool has_object_permission(const Request&, const Doc&) const { return false; }
};

TEST_CASE("has_permission and has_object_permission may take the view or leave it out", "[permissions]") {
    CHECK_FALSE(at_request(TakesView{}));
    CHECK_FALSE(at_object(TakesView{}));
    CHECK_FALSE(at_request(NoView{}));
    CHECK_FALSE(at_object(NoView{}));
}

// One permission for two object types says so: overloads, or a template.
struct IsOwnerOrAssignee {
    bool has_object_permission(const Request& request, const Project& project) const {
        return project.owner_id == request.user().id;
    }
    bool has_object_permission(const Request& request, const Task& task) const {
        return task.assignee_id == request.user().id;
    }
};
struct Note {
    drf::Uuid owner_id = drf::nil_uuid();
};
struct IsOwnerOfAny {
    template <class Obj>
        requires requires(const Obj& obj) { obj.owner_id; }
    bool has_object_permission(const Request& request, const Obj& obj) const {
        return obj.owner_id == request.user().id;
    }
};

// (A has_object_permission that cannot take the view's object does not compile: tests/compile_fail/.)
TEST_CASE("A permission for several object types declares overloads or a template, and judges each type",
          "[permissions]") {
    const User alice = make_user("alice");
    const Request request = request_by(alice);
    Project hers;
    hers.owner_id = alice.id;
    Task assigned;
    assigned.assignee_id = alice.id;
    Note noted;
    noted.owner_id = alice.id;

    SECTION("overloads") {
        CHECK(evaluate_object(IsOwnerOrAssignee{}, request, View{}, hers).allowed);
        CHECK(evaluate_object(IsOwnerOrAssignee{}, request, View{}, assigned).allowed);
        CHECK_FALSE(evaluate_object(IsOwnerOrAssignee{}, request, View{}, Project{}).allowed);
        CHECK_FALSE(evaluate_object(IsOwnerOrAssignee{}, request, View{}, Task{}).allowed);
    }
    SECTION("a template") {
        CHECK(evaluate_object(IsOwnerOfAny{}, request, View{}, hers).allowed);
        CHECK(evaluate_object(IsOwnerOfAny{}, request, View{}, noted).allowed);
        CHECK_FALSE(evaluate_object(IsOwnerOfAny{}, request, View{}, Note{}).allowed);
    }
    SECTION("composed") {
        CHECK(evaluate_object(IsAuthenticated{} & IsOwnerOrAssignee{}, request, View{}, assigned).allowed);
        CHECK_FALSE(evaluate_object(IsAuthenticated{} & IsOwnerOrAssignee{}, request, View{}, Task{}).allowed);
        CHECK(evaluate_object(IsAdminUser{} | IsOwnerOfAny{}, request, View{}, noted).allowed);
        CHECK_FALSE(evaluate_object(IsAdminUser{} | IsOwnerOfAny{}, request, View{}, Note{}).allowed);
    }
}

// ---- AND ------------------------------------------------------------------------------------------

struct TwoOperands {
    bool a;
    bool b;
    bool expected;
};

TEST_CASE("AND at request level allows only when both operands allow", "[permissions]") {
    const TwoOperands rows[] = {
        {false, false, false},
        {false, true, false},
        {true, false, false},
        {true, true, true},
    };
    for (const auto& row : rows) {
        INFO("A.has_permission=" << row.a << " B.has_permission=" << row.b);
        CHECK(at_request(RequestOnly{row.a} & RequestOnly{row.b}) == row.expected);
    }
}

TEST_CASE("AND at object level allows only when both object checks allow, whatever the request checks say",
          "[permissions]") {
    // DRF's AND.has_object_permission asks only has_object_permission: the view already ran the request check.
    const TwoOperands rows[] = {
        {false, false, false},
        {false, true, false},
        {true, false, false},
        {true, true, true},
    };
    for (const auto& row : rows) {
        INFO("A.has_object_permission=" << row.a << " B.has_object_permission=" << row.b);
        CHECK(at_object(Answers{true, row.a} & Answers{true, row.b}) == row.expected);
        CHECK(at_object(Answers{false, row.a} & Answers{false, row.b}) == row.expected);
        CHECK(at_object(ObjectOnly{row.a} & ObjectOnly{row.b}) == row.expected);
    }
}

TEST_CASE("AND does not ask the second operand once the first has denied", "[permissions]") {
    int calls = 0;
    CHECK_FALSE(at_request(Counting{&calls, false} & Counting{&calls, true}));
    CHECK(calls == 1);
    calls = 0;
    CHECK(at_request(Counting{&calls, true} & Counting{&calls, true}));
    CHECK(calls == 2);
}

// ---- OR -------------------------------------------------------------------------------------------

TEST_CASE("OR at request level allows when either operand allows", "[permissions]") {
    const TwoOperands rows[] = {
        {false, false, false},
        {false, true, true},
        {true, false, true},
        {true, true, true},
    };
    for (const auto& row : rows) {
        INFO("A.has_permission=" << row.a << " B.has_permission=" << row.b);
        CHECK(at_request(RequestOnly{row.a} | RequestOnly{row.b}) == row.expected);
    }
}

TEST_CASE("OR does not ask the second operand once the first has allowed", "[permissions]") {
    int calls = 0;
    CHECK(at_request(Counting{&calls, true} | Counting{&calls, false}));
    CHECK(calls == 1);
}

TEST_CASE("OR at object level needs one operand to pass both its request and its object check (DRF #7522)",
          "[permissions]") {
    struct Row {
        bool a_request, a_object, b_request, b_object, expected;
    };
    // expected = (A.has_permission && A.has_object_permission) || (B.has_permission && B.has_object_permission)
    const Row rows[] = {
        {false, false, false, false, false}, {false, false, false, true, false}, {false, false, true, false, false},
        {false, false, true, true, true},    {false, true, false, false, false}, {false, true, false, true, false},
        {false, true, true, false, false},   {false, true, true, true, true},    {true, false, false, false, false},
        {true, false, false, true, false},   {true, false, true, false, false},  {true, false, true, true, true},
        {true, true, false, false, true},    {true, true, false, true, true},    {true, true, true, false, true},
        {true, true, true, true, true},
    };
    for (const auto& r : rows) {
        INFO("A=(" << r.a_request << ", " << r.a_object << ") B=(" << r.b_request << ", " << r.b_object << ")");
        CHECK(at_object(Answers{r.a_request, r.a_object} | Answers{r.b_request, r.b_object}) == r.expected);
    }
}

TEST_CASE("OR at object level does not let one operand's request check vouch for the other's object",
          "[permissions]") {
    // DRF < 3.14 computed A.hop || B.hop: IsAdminOrReadOnly (no object check, so True) | IsOwner let
    // anyone edit anyone's project. Here the staff-less POST fails IsAdminOrReadOnly's request check,
    // so only IsOwner can grant, and it does not.
    const User alice = make_user("alice");
    const Request post = request_by(alice, Method::post);
    Project bobs;
    bobs.owner_id = drf::uuid4();
    CHECK_FALSE(evaluate_object(IsAdminOrReadOnly{} | IsOwner{}, post, View{}, bobs).allowed);

    Project alices;
    alices.owner_id = alice.id;
    CHECK(evaluate_object(IsAdminOrReadOnly{} | IsOwner{}, post, View{}, alices).allowed);
}

// ---- NOT ------------------------------------------------------------------------------------------

TEST_CASE("NOT inverts the operand's answer at each level", "[permissions]") {
    CHECK(at_request(~RequestOnly{false}));
    CHECK_FALSE(at_request(~RequestOnly{true}));
    CHECK(at_object(~ObjectOnly{false}));
    CHECK_FALSE(at_object(~ObjectOnly{true}));
    CHECK(at_object(~Answers{true, false}));
    CHECK_FALSE(at_object(~Answers{false, true}));
}

TEST_CASE("NOT of a permission without has_object_permission denies at object level, as in DRF", "[permissions]") {
    // The operand's default object answer is "allow", so its negation is "deny".
    CHECK(at_request(~IsAuthenticated{}));  // anonymous
    CHECK_FALSE(at_object(~IsAuthenticated{}));
    CHECK_FALSE(at_request(~ObjectOnly{false}));  // likewise at request level
}

// ---- precedence -----------------------------------------------------------------------------------

// g++'s -Wparentheses warns about `&` inside `|` even for overloaded operators; here the point is the
// precedence itself, so the warning is silenced. In real code, write the parentheses.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wparentheses"

TEST_CASE("Precedence is C++'s: ~ binds tighter than &, which binds tighter than |", "[permissions]") {
    using R = RequestOnly;
    STATIC_REQUIRE(std::is_same_v<decltype(R{} | R{} & R{}), Or<R, And<R, R>>>);
    STATIC_REQUIRE(std::is_same_v<decltype(R{} & R{} | R{}), Or<And<R, R>, R>>);
    STATIC_REQUIRE(std::is_same_v<decltype(~R{} & R{}), And<Not<R>, R>>);
    STATIC_REQUIRE(std::is_same_v<decltype(~R{} | R{} & ~R{}), Or<Not<R>, And<R, Not<R>>>>);

    for (const bool a : {false, true})
        for (const bool b : {false, true})
            for (const bool c : {false, true}) {
                INFO("a=" << a << " b=" << b << " c=" << c);
                CHECK(at_request(R{a} | R{b} & R{c}) == (a || (b && c)));
                CHECK(at_request(~R{a} & R{b}) == (!a && b));
            }
}

#pragma GCC diagnostic pop

// ---- messages -------------------------------------------------------------------------------------

TEST_CASE("A denial carries the permission's message, or none so that DRF's default is used", "[permissions]") {
    CHECK(message_at_request(DeniesA{}) == "A says no.");
    CHECK(message_at_object(DeniesB{}) == "B says no.");
    CHECK(message_at_request(RequestOnly{false}).empty());
    CHECK(evaluate(DeniesA{true, true}, anonymous_request(), View{}).message.empty());  // allowed: no message
}

TEST_CASE("AND reports the message of the first operand that denied", "[permissions]") {
    CHECK(message_at_request(DeniesA{} & DeniesB{}) == "A says no.");
    CHECK(message_at_request(DeniesA{true, true} & DeniesB{}) == "B says no.");
    CHECK(message_at_request(RequestOnly{false} & DeniesB{}).empty());  // the first denier has none
    CHECK(message_at_object(DeniesA{true, true} & DeniesB{true, false}) == "B says no.");
    CHECK(message_at_request(IsAuthenticated{} & DeniesA{}).empty());  // anonymous: IsAuthenticated decided
}

TEST_CASE("OR, when both operands deny, reports the left message if it has one, else the right", "[permissions]") {
    CHECK(message_at_request(DeniesA{} | DeniesB{}) == "A says no.");
    CHECK(message_at_request(RequestOnly{false} | DeniesB{}) == "B says no.");
    CHECK(message_at_request(DeniesA{} | RequestOnly{false}) == "A says no.");
    CHECK(message_at_request(RequestOnly{false} | RequestOnly{false}).empty());
    // At object level an operand denies through its request or its object check; the message is its own either way.
    CHECK(message_at_object(DeniesA{false, true} | DeniesB{true, false}) == "A says no.");
    CHECK(message_at_object(Answers{true, false} | DeniesB{true, false}) == "B says no.");
}

TEST_CASE("Messages survive nesting, and NOT reports DRF's default", "[permissions]") {
    CHECK(message_at_request((RequestOnly{false} | DeniesB{}) & DeniesA{}) == "B says no.");
    CHECK(message_at_request(RequestOnly{false} | (DeniesA{} & DeniesB{})) == "A says no.");
    CHECK(message_at_request(~DeniesA{true, true}).empty());
}

// ---- the built-ins --------------------------------------------------------------------------------

TEST_CASE("The built-ins answer as DRF's for anonymous, authenticated and staff users", "[permissions]") {
    const User alice = make_user("alice");
    const User admin = make_user("admin", true);
    struct Row {
        const char* who;
        Request request;
        bool allow_any, is_authenticated, is_admin_user;
    };
    const Row rows[] = {
        {"anonymous", anonymous_request(), true, false, false},
        {"authenticated", request_by(alice), true, true, false},
        {"staff", request_by(admin), true, true, true},
    };
    for (const auto& row : rows) {
        INFO(row.who);
        CHECK(evaluate(AllowAny{}, row.request, View{}).allowed == row.allow_any);
        CHECK(evaluate(IsAuthenticated{}, row.request, View{}).allowed == row.is_authenticated);
        CHECK(evaluate(IsAdminUser{}, row.request, View{}).allowed == row.is_admin_user);
    }
}

TEST_CASE("IsAuthenticatedOrReadOnly lets anyone use GET, HEAD and OPTIONS and only users the rest",
          "[permissions]") {
    const User alice = make_user("alice");
    for (const Method method : drf::http::all_methods) {
        INFO(drf::http::to_string(method));
        const bool safe = method == Method::get || method == Method::head || method == Method::options;
        CHECK(evaluate(IsAuthenticatedOrReadOnly{}, anonymous_request(method), View{}).allowed == safe);
        CHECK(evaluate(IsAuthenticatedOrReadOnly{}, request_by(alice, method), View{}).allowed);
    }
}

TEST_CASE("IsAdminUser refuses a staff flag on a user who is not authenticated", "[permissions]") {
    User ghost;
    ghost.id = drf::nil_uuid();
    ghost.is_staff = true;
    CHECK_FALSE(evaluate(IsAdminUser{}, request_by(ghost), View{}).allowed);
}

// ---- the classic DRF custom permissions ----------------------------------------------------------

TEST_CASE("The classic DRF IsOwner and IsAdminOrReadOnly permissions work alone and composed", "[permissions]") {
    const User alice = make_user("alice");
    const User admin = make_user("admin", true);
    Project alices;
    alices.owner_id = alice.id;

    SECTION("IsOwner compares the object's owner with the request's user") {
        CHECK(evaluate_object(IsOwner{}, request_by(alice), View{}, alices).allowed);
        CHECK_FALSE(evaluate_object(IsOwner{}, request_by(admin), View{}, alices).allowed);
    }
    SECTION("IsAdminOrReadOnly lets anyone read and only staff write") {
        CHECK(evaluate(IsAdminOrReadOnly{}, anonymous_request(Method::get), View{}).allowed);
        CHECK_FALSE(evaluate(IsAdminOrReadOnly{}, request_by(alice, Method::post), View{}).allowed);
        CHECK(evaluate(IsAdminOrReadOnly{}, request_by(admin, Method::remove), View{}).allowed);
    }
    SECTION("IsAuthenticated & IsOwner, as a view's permission_classes") {
        const auto& permissions = ProjectViewSet::permission_classes;
        const ProjectViewSet view;
        CHECK_FALSE(evaluate(permissions, anonymous_request(), view).allowed);
        CHECK(evaluate(permissions, request_by(alice), view).allowed);
        CHECK(evaluate_object(permissions, request_by(alice), view, alices).allowed);
        CHECK_FALSE(evaluate_object(permissions, request_by(admin), view, alices).allowed);
    }
}

// ---- 401 or 403 -----------------------------------------------------------------------------------

TEST_CASE("A denial is 401 when authenticators exist but none authenticated the request", "[permissions]") {
    Request request(Method::post, "/x/");
    request.set_has_authenticators(true);  // anonymous: no authenticator succeeded
    const Outcome result = outcome_of([&] { check_permissions(IsAuthenticated{}, request, View{}); });
    CHECK(result.status == 401);
    CHECK(result.detail == "Authentication credentials were not provided.");

    // The permission's own message is not used: the missing credentials are the client's problem.
    const Outcome with_message = outcome_of([&] { check_permissions(DeniesA{}, request, View{}); });
    CHECK(with_message.status == 401);
    CHECK(with_message.detail == "Authentication credentials were not provided.");
}

TEST_CASE("A denial is 403 with DRF's default message for an authenticated user", "[permissions]") {
    Request request(Method::post, "/x/");
    request.set_user(make_user("alice"), "token");
    request.set_has_authenticators(true);
    const Outcome result = outcome_of([&] { check_permissions(IsAdminUser{}, request, View{}); });
    CHECK(result.status == 403);
    CHECK(result.detail == default_denial);
}

TEST_CASE("A denial is 403 with the deciding permission's message when it has one", "[permissions]") {
    const Request request = request_by(make_user("alice"));
    const Outcome result = outcome_of([&] { check_permissions(IsAuthenticated{} & DeniesA{}, request, View{}); });
    CHECK(result.status == 403);
    CHECK(result.detail == "A says no.");
}

TEST_CASE("A denial is 403 when no authenticator is configured, even for an anonymous user", "[permissions]") {
    const Request request = anonymous_request(Method::post);  // has_authenticators() is false
    const Outcome result = outcome_of([&] { check_permissions(IsAuthenticated{}, request, View{}); });
    CHECK(result.status == 403);
    CHECK(result.detail == default_denial);
}

TEST_CASE("check_object_permissions follows the same rule and passes when allowed", "[permissions]") {
    const User alice = make_user("alice");
    Project alices;
    alices.owner_id = alice.id;
    Project bobs;
    bobs.owner_id = drf::uuid4();
    const ProjectViewSet view;

    const Request request = request_by(alice, Method::post);
    CHECK(outcome_of([&] { check_object_permissions(ProjectViewSet::permission_classes, request, view, alices); })
              .status == 0);
    const Outcome denied =
        outcome_of([&] { check_object_permissions(ProjectViewSet::permission_classes, request, view, bobs); });
    CHECK(denied.status == 403);
    CHECK(denied.detail == default_denial);

    Request anonymous(Method::post, "/x/");
    anonymous.set_has_authenticators(true);
    CHECK(outcome_of([&] { check_object_permissions(IsOwner{}, anonymous, view, bobs); }).status == 401);
    CHECK(outcome_of([&] { check_permissions(AllowAny{}, anonymous, view); }).status == 0);
}

// ---- compile time ---------------------------------------------------------------------------------

TEST_CASE("Compositions are constexpr values whose types are the expression", "[permissions]") {
    constexpr auto rule = (IsAuthenticated{} & IsOwner{}) | ~IsAdminUser{};
    STATIC_REQUIRE(std::is_same_v<decltype(rule), const Or<And<IsAuthenticated, IsOwner>, Not<IsAdminUser>>>);
    STATIC_REQUIRE(Permission<decltype(rule)>);

    constexpr auto configured = Answers{true, false} & RequestOnly{false};  // values travel in the type's members
    STATIC_REQUIRE(configured.op1.request && !configured.op1.object && !configured.op2.answer);

    // Stateless operands take no room ([[no_unique_address]]): the composite is an empty object.
    STATIC_REQUIRE(sizeof(Or<And<IsAuthenticated, IsOwner>, Not<IsAdminUser>>) == 1);

    constexpr Decision denied{false, "no"};
    STATIC_REQUIRE(!denied && denied.message == "no");
}

TEST_CASE("Composites are permissions with DRF's has_permission and has_object_permission", "[permissions]") {
    const auto rule = Answers{true, false} | RequestOnly{false};
    const Request request = anonymous_request();
    CHECK(rule.has_permission(request, View{}));
    CHECK_FALSE(rule.has_object_permission(request, View{}, Doc{}));
}

struct OwnBaseA : BasePermission {
    bool has_permission(const Request&) const { return true; }
};
struct OwnBaseB : BasePermission {
    bool has_permission(const Request&) const { return false; }
};

}  // namespace permissions_test

// No using-directive here: deriving from BasePermission is enough for `&` to be found.
TEST_CASE("Two permissions of your own compose when one derives from BasePermission", "[permissions]") {
    constexpr auto rule = permissions_test::OwnBaseA{} & permissions_test::OwnBaseB{};
    CHECK_FALSE(permissions_test::at_request(rule));
    CHECK(permissions_test::at_request(~rule));
}

}  // namespace permissions_test_adl
