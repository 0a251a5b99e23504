// tests/filters/backends_test.cpp — filter_backends: the backends applied in order to a queryset, and a
// ResourceViewSet's filter_queryset applying its own (or none), down to a paginated list. On every
// backend (tests/support/database.hpp).
#include "../support/database.hpp"

#include <drf/db.hpp>
#include <drf/filters/backends.hpp>
#include <drf/filters/ordering.hpp>
#include <drf/filters/search.hpp>
#include <drf/http.hpp>
#include <drf/pagination.hpp>
#include <drf/resources.hpp>
#include <drf/serializers.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace backends_test {

namespace db = drf::db;
namespace f = drf::filters;
namespace s = drf::serializers;
using drf::Json;
using drf::http::Method;
using drf::http::Request;
using drf::http::Response;
using drf::models::asc;
using drf::models::desc;

struct Book : drf::models::Model<Book> {
    std::string title;
    std::string author;
    std::int64_t year = 0;
    static constexpr auto meta = drf::models::meta<Book>("backend_books", drf::models::field<&Book::title>(),
                                                         drf::models::field<&Book::author>(),
                                                         drf::models::field<&Book::year>());
};

struct BookInput : s::model_serializer<Book, &Book::title> {};
struct BookOutput : s::model_serializer<Book, &Book::title> {};
using Pages = drf::pagination::CursorPagination<drf::pagination::Options{.page_size = 2}>;
using BookResource = drf::resources::Resource<Book, BookInput, BookOutput, Pages>;

// Only a year filter of its own, to show any type with filter_queryset is a backend.
struct RecentOnly {
    template <class T>
    db::QuerySet<T> filter_queryset(const Request& request, db::QuerySet<T> query) const {
        if (request.query_param("recent") != std::optional<std::string_view>("1")) return query;
        return query.filter(db::ge(&Book::year, std::int64_t{1950}));
    }
};

struct BookViewSet : drf::resources::ResourceViewSet<BookViewSet, BookResource> {
    using ResourceViewSet::ResourceViewSet;
    static constexpr auto filter_backends =
        f::backends(RecentOnly{}, f::search_fields(f::starts_with(&Book::title), &Book::author),
                    f::ordering_fields(&Book::title, &Book::year).ordering(desc(&Book::year)));
    Response list(Request& request) { return paginate(request, filter_queryset(request, objects().all())); }
};

struct PlainViewSet : drf::resources::ResourceViewSet<PlainViewSet, BookResource> {
    using ResourceViewSet::ResourceViewSet;
    Response list(Request& request) { return paginate(request, filter_queryset(request, objects().all())); }
};

struct Library {
    db::Databases databases{[] { return drf_test::open_database(); }};
    Library() {
        auto& database = databases.get();
        for (const auto& sql : db::create_table_sql<Book>(database.dialect())) database.connection().execute(sql);
        add("Dune", "Herbert", 1965);
        add("Emma", "Austen", 1815);
        add("Persuasion", "Austen", 1817);
        add("Neuromancer", "Gibson", 1984);
    }
    void add(std::string title, std::string author, std::int64_t year) {
        Book b;
        b.title = std::move(title);
        b.author = std::move(author);
        b.year = year;
        db::objects<Book>(databases.get()).create(b);
    }
};

Request get(const std::string& target) {
    drf::http::Headers h;
    h.add("Host", "api.example.com");
    Request request(Method::get, target, h);
    drf::http::HostSettings hosts;
    hosts.allowed_hosts = {"api.example.com"};
    request.set_host_settings(std::make_shared<const drf::http::HostSettings>(std::move(hosts)));
    return request;
}

std::vector<std::string> titles(const Json& body) {
    std::vector<std::string> out;
    for (const auto& r : body["results"]) out.push_back(r["title"]);
    return out;
}
using Titles = std::vector<std::string>;

TEST_CASE("filter_backends apply in the order given: filter, search, then ordering", "[filters]") {
    Library library;
    BookViewSet view(library.databases);
    auto request = get("/books?search=austen,p&ordering=title");
    CHECK(titles(*view.list(request).data()) == Titles{"Persuasion"});
    request = get("/books?search=austen");
    CHECK(titles(*view.list(request).data()) == Titles{"Persuasion", "Emma"});  // the default ordering, -year
    request = get("/books?recent=1&ordering=title");
    CHECK(titles(*view.list(request).data()) == Titles{"Dune", "Neuromancer"});
}

TEST_CASE("A list under a client's ordering pages by it: the next link keeps the ordering", "[filters]") {
    Library library;
    BookViewSet view(library.databases);
    auto request = get("/books?ordering=title");
    const auto first = *view.list(request).data();
    CHECK(titles(first) == Titles{"Dune", "Emma"});
    const std::string next = first["next"];
    CHECK(next.find("ordering=title") != std::string::npos);
    request = get(next.substr(next.find("/books")));
    CHECK(titles(*view.list(request).data()) == Titles{"Neuromancer", "Persuasion"});
}

TEST_CASE("A viewset without filter_backends lists the queryset unfiltered", "[filters]") {
    Library library;
    PlainViewSet view(library.databases);
    auto request = get("/books?search=austen&ordering=title");
    const auto query = view.filter_queryset(request, view.objects().all());
    CHECK(query.count() == 4);
    CHECK(query.explicit_ordering().empty());
}

TEST_CASE("f::backends is a constexpr value whose filter_queryset runs each backend in turn", "[filters]") {
    Library library;
    constexpr auto both = f::backends(f::ordering_fields(&Book::year), f::ordering_fields(&Book::title).param("sort"));
    // The second ordering replaces the first, as a second order_by does in Django.
    const auto query = both.filter_queryset(get("/books?ordering=year&sort=-title"), db::objects<Book>(library.databases.get()).all());
    REQUIRE(query.explicit_ordering().size() == 1);
    CHECK(query.explicit_ordering()[0].column == "title");
    STATIC_REQUIRE(f::FilterBackend<RecentOnly, Book>);
    STATIC_REQUIRE(f::FilterBackend<decltype(f::search_fields(&Book::title)), Book>);
    STATIC_REQUIRE_FALSE(f::FilterBackend<int, Book>);
}

// A pagination with no ordering of its own (page numbers, limit/offset): a Resource accepts it.
struct NoOrderingPagination {
    template <class S, class T, class Prepare = void (*)(std::vector<T>&)>
    static Response paginate(const Request&, const db::QuerySet<T>& query, Prepare = [](std::vector<T>&) {}) {
        return Response(Json{{"count", query.count()}});
    }
};

TEST_CASE("A Resource takes a pagination without an ordering, such as page-number pagination", "[filters]") {
    using Unordered = drf::resources::Resource<Book, BookInput, BookOutput, NoOrderingPagination>;
    struct View : drf::resources::ResourceViewSet<View, Unordered> {
        using ResourceViewSet::ResourceViewSet;
    };
    Library library;
    View view(library.databases);
    CHECK(*view.paginate(get("/books"), view.objects().all()).data() == Json{{"count", 4}});
}

}  // namespace backends_test
