// tests/openapi/kitchen_sink.hpp — an API that uses every serializer field kind and option, every filter
// lookup, search and ordering, each paginator and extend_schema, so that its OpenAPI document holds every
// shape drf writes: kitchen_sink.cpp prints the document for the OpenAPI 3.1 linter, and
// kitchen_sink_test.cpp checks that each of its $refs resolves.
#pragma once

#include <drf/auth.hpp>
#include <drf/db/sqlite.hpp>
#include <drf/filters.hpp>
#include <drf/models.hpp>
#include <drf/openapi.hpp>
#include <drf/pagination.hpp>
#include <drf/permissions.hpp>
#include <drf/resources.hpp>
#include <drf/routers.hpp>
#include <drf/serializers.hpp>
#include <drf/viewsets.hpp>

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace kitchen_sink {

namespace s = drf::serializers;
namespace f = drf::filters;
namespace lk = drf::filters::lookups;
namespace oa = drf::openapi;
using drf::Json;
using drf::http::Method;
using drf::http::Request;
using drf::http::Response;

enum class Priority { low, normal, high };

// Reached through a source path (gadget.maker.name), not a column.
struct Maker {
    std::string name;
};

struct Part {
    std::string label;
    std::int32_t count = 0;
};

// "Part": the component is named without the suffix, as drf-spectacular names PartSerializer.
struct PartSerializer {
    static constexpr auto fields = s::fields(s::char_field<&Part::label>().max_length(40),
                                             s::integer_field<&Part::count>().min_value(0));
};

struct Gadget : drf::models::Model<Gadget> {
    std::string name;
    std::string email;
    std::string status = "draft";
    std::int16_t rank = 0;
    std::int32_t quantity = 0;
    std::int64_t serial = 0;
    double price = 0;
    float weight = 0;
    bool active = true;
    drf::Uuid maker_id;
    std::optional<drf::DateTime> released_at;
    std::optional<std::string> nickname;
    Priority priority = Priority::normal;
    // Not columns: loaded beside the row, as a selector would.
    std::shared_ptr<const Maker> maker;
    std::optional<Part> main_part;
    std::vector<Part> parts;
    std::vector<std::string> tags;
    std::vector<std::int32_t> scores;

    static constexpr auto meta = drf::models::meta<Gadget>(
        "kitchen_sink_gadget", drf::models::field<&Gadget::name>().max_length(100), drf::models::field<&Gadget::email>(),
        drf::models::field<&Gadget::status>(), drf::models::field<&Gadget::rank>(),
        drf::models::field<&Gadget::quantity>(), drf::models::field<&Gadget::serial>(),
        drf::models::field<&Gadget::price>(), drf::models::field<&Gadget::weight>(),
        drf::models::field<&Gadget::active>(), drf::models::field<&Gadget::maker_id>(),
        drf::models::field<&Gadget::released_at>(), drf::models::field<&Gadget::nickname>(),
        drf::models::field<&Gadget::priority>());
};

inline constexpr auto statuses = s::choices("draft", "published", "retired");
inline constexpr auto priorities =
    s::choices(s::choice("low", Priority::low), s::choice("normal", Priority::normal), s::choice("high", Priority::high));

// The method fields' functions (DRF's get_<name>); named functions, not lambdas, so that the serializer
// can live in a header.
inline std::string gadget_label(const Gadget& g) { return g.name + " (" + g.status + ")"; }
inline std::int64_t gadget_part_count(const Gadget& g) { return static_cast<std::int64_t>(g.parts.size()); }
inline std::vector<std::string> gadget_part_labels(const Gadget& g) {
    std::vector<std::string> labels;
    for (const auto& p : g.parts) labels.push_back(p.label);
    return labels;
}

// Every kind as the API renders it: read-only and nullable fields, a source path, nested one and many,
// lists of scalars and method fields.
struct GadgetOutput {
    static constexpr auto fields = s::fields(
        s::uuid_field<&Gadget::id>().read_only(),
        s::char_field<&Gadget::name>().max_length(100).help_text("What the gadget is called."),
        s::email_field<&Gadget::email>(),
        s::choice_field<&Gadget::status>(statuses).help_text("Where the gadget is in its life."),
        s::choice_field<&Gadget::priority>(priorities),
        s::integer_field<&Gadget::rank>(),
        s::integer_field<&Gadget::quantity>().min_value(0).max_value(1000),
        s::integer_field<&Gadget::serial>(),
        s::float_field<&Gadget::price>().min_value(0).max_value(99999.5),
        s::float_field<&Gadget::weight>(),
        s::boolean_field<&Gadget::active>(),
        s::uuid_field<&Gadget::maker_id>(),
        s::datetime_field<&Gadget::released_at>().allow_null(),
        s::char_field<&Gadget::nickname>().allow_null(),
        s::datetime_field<&Gadget::created_at>().read_only(),
        s::datetime_field<&Gadget::updated_at>().read_only(),
        s::char_field("maker", s::source(&Gadget::maker, &Maker::name)).allow_null(),
        s::nested<PartSerializer, &Gadget::main_part>().allow_null(),
        s::nested<PartSerializer, &Gadget::parts>(),
        s::list_field<&Gadget::tags>(s::char_field().max_length(20)),
        s::list_field<&Gadget::scores>(s::integer_field<std::int32_t>().min_value(0)).max_length(10),
        s::method_field<Gadget>("label", &gadget_label), s::method_field<Gadget>("part_count", &gadget_part_count),
        s::method_field<Gadget>("part_labels", &gadget_part_labels));
};

// What a client sends: lengths, bounds, blanks, nulls, write-only and defaults, every integer width.
struct GadgetInput {
    std::string name;
    std::string email;
    std::string status = "draft";
    std::string description;
    std::string secret;
    Priority priority = Priority::normal;
    std::int16_t rank = 0;
    std::int32_t quantity = 0;
    std::int64_t serial = 0;
    std::uint8_t shelf = 0;
    std::uint64_t barcode = 0;
    double price = 0;
    float weight = 0;
    bool active = true;
    drf::Uuid maker_id;
    std::optional<drf::DateTime> released_at;
    std::optional<std::string> nickname;
    std::vector<Part> parts;
    std::optional<Part> main_part;
    std::vector<std::string> tags;
    std::vector<float> readings;

    static constexpr auto fields = s::fields(
        s::char_field<&GadgetInput::name>().min_length(2).max_length(100).help_text("What the gadget is called."),
        s::email_field<&GadgetInput::email>().max_length(254).allow_blank().optional(""),
        s::choice_field<&GadgetInput::status>(statuses).optional("draft"),
        s::char_field<&GadgetInput::description>().allow_blank().trim_whitespace(false).optional(""),
        s::char_field<&GadgetInput::secret>().min_length(8).write_only().help_text("Never rendered back."),
        s::choice_field<&GadgetInput::priority>(priorities).optional(Priority::normal),
        s::integer_field<&GadgetInput::rank>().optional(0),
        s::integer_field<&GadgetInput::quantity>().min_value(0).max_value(1000),
        s::integer_field<&GadgetInput::serial>(),
        s::integer_field<&GadgetInput::shelf>().max_value(99),
        s::integer_field<&GadgetInput::barcode>().optional(),
        s::float_field<&GadgetInput::price>().min_value(0).max_value(99999.5),
        s::float_field<&GadgetInput::weight>().min_value(0.5).optional(1.5F),
        s::boolean_field<&GadgetInput::active>().optional(true),
        s::uuid_field<&GadgetInput::maker_id>(),
        s::datetime_field<&GadgetInput::released_at>().allow_null().optional(),
        s::char_field<&GadgetInput::nickname>().allow_null().allow_blank().optional(),
        s::nested<PartSerializer, &GadgetInput::parts>().allow_empty(false),
        s::nested<PartSerializer, &GadgetInput::main_part>().allow_null().optional(),
        s::list_field<&GadgetInput::tags>(s::char_field().max_length(20)).min_length(1).max_length(5).optional(),
        s::list_field<&GadgetInput::readings>(s::float_field<float>().min_value(-1)).allow_empty(false).optional());
};

// One output serializer per paginator: each gives its page a component of its own
// (Paginated<Name>List), and two paginators cannot share one name.
struct CatalogueEntry {
    static constexpr auto fields =
        s::fields(s::uuid_field<&Gadget::id>().read_only(), s::char_field<&Gadget::name>(), s::float_field<&Gadget::price>());
};
struct ArchiveEntry {
    static constexpr auto fields =
        s::fields(s::uuid_field<&Gadget::id>().read_only(), s::char_field<&Gadget::name>(),
                  s::datetime_field<&Gadget::released_at>().allow_null());
};
struct LedgerEntry {
    static constexpr auto fields =
        s::fields(s::uuid_field<&Gadget::id>().read_only(), s::integer_field<&Gadget::serial>(),
                  s::integer_field<&Gadget::quantity>());
};

inline drf::db::QuerySet<Gadget> made_by(drf::db::QuerySet<Gadget> query, drf::Uuid maker) {
    return query.filter(drf::db::eq(&Gadget::maker_id, maker));
}

using GadgetPagination = drf::pagination::CursorPagination<drf::pagination::Options{
    .page_size = 20, .ordering = "-created_at", .page_size_query_param = "page_size", .max_page_size = 100}>;
using GadgetResource = drf::resources::Resource<Gadget, GadgetInput, GadgetOutput, GadgetPagination,
                                                drf::permissions::IsAuthenticatedOrReadOnly{}>;

// Every standard action, an extra action per scope, and every filter lookup over a member that takes it.
struct GadgetViewSet : drf::resources::ResourceViewSet<GadgetViewSet, GadgetResource> {
    using ResourceViewSet::ResourceViewSet;

    static constexpr auto filter_backends = f::backends(
        f::filters<Gadget>(
            f::filter<&Gadget::name>({lk::exact, lk::iexact, lk::contains, lk::icontains, lk::startswith,
                                      lk::istartswith, lk::endswith, lk::iendswith, lk::in}),
            f::filter<&Gadget::quantity>({lk::exact, lk::gt, lk::gte, lk::lt, lk::lte, lk::in, lk::range}),
            f::filter<&Gadget::price>({lk::gt, lk::lt, lk::range}),
            f::filter<&Gadget::active>(),
            f::filter<&Gadget::maker_id>({lk::exact, lk::in}),
            f::filter<&Gadget::released_at>({lk::gte, lk::lte, lk::range, lk::isnull}),
            f::filter<&Gadget::nickname>({lk::exact, lk::isnull}),
            f::method<&made_by>("made_by")),
        f::search_fields(&Gadget::name, f::starts_with(&Gadget::email), f::exact_match(&Gadget::status)),
        f::ordering_fields(&Gadget::name, &Gadget::price, &Gadget::created_at)
            .ordering(drf::models::desc(&Gadget::created_at)));

    Response list(Request& request) { return paginate(request, filter_queryset(request, objects().all())); }
    Response create(Request& request) {
        (void)validate(request);
        return Response(Json::object(), 201);
    }
    Response retrieve(Request& request, drf::Uuid pk) { return Response(render(get_object(request, pk))); }
    Response update(Request& request, drf::Uuid pk) {
        (void)get_object(request, pk);
        (void)validate(request);
        return Response(Json::object());
    }
    Response partial_update(Request& request, drf::Uuid pk) { return retrieve(request, pk); }
    Response destroy(Request& request, drf::Uuid pk) {
        objects().remove(get_object(request, pk));
        return Response::no_content();
    }
    Response publish(Request& request, drf::Uuid pk) { return retrieve(request, pk); }
    Response duplicate(Request& request, drf::Uuid pk) { return retrieve(request, pk); }
    Response recent(Request&) { return Response(Json::array()); }

    static constexpr auto extra_actions = drf::viewsets::actions(
        drf::viewsets::action<&GadgetViewSet::publish>("publish", drf::viewsets::detail, {Method::post}),
        drf::viewsets::action<&GadgetViewSet::duplicate>("duplicate", drf::viewsets::detail, {Method::post}),
        drf::viewsets::action<&GadgetViewSet::recent>("recent", drf::viewsets::list, {Method::get}));

    // publish: described in full; duplicate: drf-spectacular's default for an extra action (the input
    // serializer in, the output serializer out).
    static constexpr auto schema = oa::extend_schema(
        oa::action<&GadgetViewSet::publish>(oa::no_body, oa::responses(oa::response<GadgetOutput>(200), oa::no_content(204)),
                                            oa::summary("Publish a gadget"),
                                            oa::description("Publishes the gadget; 204 when it already was.")),
        oa::action<&GadgetViewSet::recent>(oa::responses(oa::response<GadgetOutput>(200, oa::many, "The newest gadgets.")),
                                           oa::operation_id("gadgets_newest")));
};

// DRF's PageNumberPagination with a count and a client-chosen page size.
using CataloguePagination = drf::pagination::PageNumberPagination<drf::pagination::PageNumberOptions{
    .page_size = 10, .page_size_query_param = "page_size", .max_page_size = 50}>;
struct CatalogueViewSet
    : drf::resources::ResourceViewSet<CatalogueViewSet, drf::resources::Resource<Gadget, CatalogueEntry, CatalogueEntry,
                                                                                 CataloguePagination>> {
    using ResourceViewSet::ResourceViewSet;
    static constexpr auto filter_backends = f::backends(f::ordering_fields(&Gadget::name, &Gadget::price));
    Response list(Request& request) { return paginate(request, filter_queryset(request, objects().all())); }
    Response retrieve(Request& request, drf::Uuid pk) { return Response(render(get_object(request, pk))); }
};

// Page numbers without a count (no COUNT query; the page has no "count").
using ArchivePagination =
    drf::pagination::PageNumberPagination<drf::pagination::PageNumberOptions{.page_size = 10, .count = false}>;
struct ArchiveViewSet
    : drf::resources::ResourceViewSet<ArchiveViewSet, drf::resources::Resource<Gadget, ArchiveEntry, ArchiveEntry,
                                                                               ArchivePagination,
                                                                               drf::permissions::IsAuthenticated{}>> {
    using ResourceViewSet::ResourceViewSet;
    static constexpr auto filter_backends = f::backends(f::search_fields(f::full_text(&Gadget::name)));
    Response list(Request& request) { return paginate(request, filter_queryset(request, objects().all())); }
};

// DRF's LimitOffsetPagination, for staff only.
using LedgerPagination =
    drf::pagination::LimitOffsetPagination<drf::pagination::LimitOffsetOptions{.default_limit = 50, .max_limit = 500}>;
struct LedgerViewSet
    : drf::resources::ResourceViewSet<LedgerViewSet, drf::resources::Resource<Gadget, LedgerEntry, LedgerEntry,
                                                                              LedgerPagination, drf::permissions::IsAdminUser{}>> {
    using ResourceViewSet::ResourceViewSet;
    static constexpr auto filter_backends =
        f::backends(f::filters<Gadget>(f::filter<&Gadget::serial>({lk::gte, lk::lte})), f::search_fields(f::regex(&Gadget::name)));
    Response list(Request& request) { return paginate(request, filter_queryset(request, objects().all())); }
    Response destroy(Request& request, drf::Uuid pk) {
        objects().remove(get_object(request, pk));
        return Response::no_content();
    }
};

// A plain ViewSet, described by extend_schema alone: a body in, many out, any JSON, tags for the whole
// viewset, an operationId of its own, and an action left out of the document.
struct ToolViewSet : drf::viewsets::ViewSet<ToolViewSet> {
    static constexpr auto permission_classes = drf::permissions::AllowAny{};
    Response list(Request&) { return Response(Json::array()); }
    Response create(Request&) { return Response(Json::object(), 201); }
    Response retrieve(Request&, const std::string&) { return Response(Json::object()); }
    Response destroy(Request&, const std::string&) { return Response::no_content(); }
    Response sharpen(Request&, const std::string&) { return Response(Json::object()); }

    static constexpr auto extra_actions = drf::viewsets::actions(
        drf::viewsets::action<&ToolViewSet::sharpen>("sharpen", drf::viewsets::detail, {Method::put, Method::patch}));

    static constexpr auto schema = oa::extend_schema(
        oa::tags("tools", "workshop"),
        oa::action<&ToolViewSet::list>(oa::responses(oa::response<PartSerializer>(200, oa::many))),
        oa::action<&ToolViewSet::create>(oa::request<PartSerializer>(),
                                         oa::responses(oa::response<PartSerializer>(201, "The part, as saved.")),
                                         oa::operation_id("tools_add")),
        oa::action<&ToolViewSet::retrieve>(oa::responses(oa::any_json(200, "Whatever the tool reports."))),
        oa::action<&ToolViewSet::destroy>(oa::responses(oa::no_content(204)), oa::exclude),
        oa::action<&ToolViewSet::sharpen>(oa::request<PartSerializer>(), oa::responses(oa::response<PartSerializer>(200))));
};

// Left out of the document altogether.
struct InternalViewSet : drf::viewsets::ViewSet<InternalViewSet> {
    Response list(Request&) { return Response(Json::array()); }
    static constexpr auto schema = oa::extend_schema(oa::exclude);
};

inline oa::Info api_info() { return {"Kitchen sink", "0.1.0", "Every shape drf's OpenAPI document can hold."}; }

// The router with every viewset, served with token authentication (the document's security scheme).
struct Service {
    drf::db::Databases databases{[] { return drf::db::sqlite::open(":memory:"); }};
    drf::routers::Router router{drf::views::Context{
        .databases = &databases, .authenticators = {std::make_shared<drf::auth::TokenAuthentication>(databases)}}};

    Service() {
        router.register_viewset<GadgetViewSet>("api/gadgets");
        router.register_viewset<CatalogueViewSet>("api/catalogue");
        router.register_viewset<ArchiveViewSet>("api/archive");
        router.register_viewset<LedgerViewSet>("api/ledger");
        router.register_viewset<ToolViewSet>("api/tools");
        router.register_viewset<InternalViewSet>("api/internal");
    }

    // The document, and what the generator could not describe exactly (nothing, here).
    Json document(std::vector<std::string>* warnings = nullptr) const {
        oa::SchemaGenerator generator(api_info());
        Json doc = generator.get_schema(router.endpoints(), router.context().authenticators);
        if (warnings) *warnings = generator.warnings();
        return doc;
    }
};

}  // namespace kitchen_sink
