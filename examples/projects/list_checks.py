"""examples/projects/list_checks.py — for e2e_test.py: the lists' query parameters over HTTP, as DRF with
django-filter answers them. GET /api/projects/ (DjangoFilterBackend, SearchFilter, OrderingFilter,
CursorPagination) and GET /api/users/ (the same backends, PageNumberPagination, IsAdminUser): each
parameter, its errors, and every combination of search, filter, ordering and page size, with every page
walked and compared with what the parameters select (no row skipped or repeated).

Where drf means to differ from DRF, the checks say so: the cursor is keyed on every ordering term plus
the id and is signed, so a cursor made under one ordering is refused under another (DRF would misplace
the page), and a search of more than 10 terms is a 400 (DRF has no bound)."""

import functools
import itertools
import urllib.parse
from datetime import datetime, timedelta, timezone


def parse_time(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def iso(moment):
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def query(params):
    return "?" + urllib.parse.urlencode(params) if params else ""


class Lists:
    def __init__(self, check, request, base):
        self.check = check
        self.request = request
        self.base = base

    def get(self, path, token):
        status, headers, body = self.request(self.base, "GET", path, token)
        return status, headers, body

    def follow(self, link, token):
        assert link.startswith(self.base), link
        return self.get(link[len(self.base):], token)

    def walk(self, path, token, key, limit=200):
        """Every page from `path` on through the next links: (rows, pages, links ok, statuses)."""
        rows, pages, links = [], [], []
        status, _, body = self.get(path, token)
        while True:
            if status != 200:
                return rows, pages, links, status
            pages.append(body)
            rows.extend(r[key] for r in body["results"])
            if not body["next"] or len(pages) > limit:
                return rows, pages, links, status
            links.append(body["next"])
            status, _, body = self.follow(body["next"], token)


# --- GET /api/projects/ -------------------------------------------------------------------------------

PROJECT_ORDERINGS = [None, "name", "-name", "created_at", "-created_at", "updated_at", "-updated_at",
                     "name,-updated_at", "-name,created_at"]


def ordered(rows, ordering, default="-created_at"):
    """The rows as ORDER BY the ordering's terms then id (in the last term's direction) puts them; text
    compares bytewise (SQLite, and PostgreSQL with locale C)."""
    allowed = ("name", "created_at", "updated_at")
    terms = [t.strip() for t in (ordering or "").split(",") if t.strip().lstrip("-") in allowed] or default.split(",")
    keys = []
    for term in terms:
        keys.append((term.lstrip("-"), term.startswith("-")))
    keys.append(("id", keys[-1][1]))

    def value(row, field):
        v = row[field]
        return parse_time(v) if field in ("created_at", "updated_at") else v.encode() if isinstance(v, str) else v

    def compare(a, b):
        for field, descending in keys:
            x, y = value(a, field), value(b, field)
            if x != y:
                return (1 if x > y else -1) * (-1 if descending else 1)
        return 0

    return sorted(rows, key=functools.cmp_to_key(compare))


def project_matches(row, search, filters):
    for term in (search or "").replace(",", " ").split():
        if not any(term.lower() in row[f].lower() for f in ("name", "description")):
            return False
    for name, value in filters.items():
        if name == "archived" and row["archived"] != (value == "true"):
            return False
        if name == "created_at__gte" and parse_time(row["created_at"]) < parse_time(value):
            return False
        if name == "created_at__lte" and parse_time(row["created_at"]) > parse_time(value):
            return False
        if name == "name" and row["name"] != value:
            return False
        if name == "name__icontains" and value.lower() not in row["name"].lower():
            return False
    return True


def make_projects(lists, token):
    """40 projects: names repeating (ties for the ordering), some with "moon" in the description, some
    archived, some updated after creation (updated_at differs from created_at's order)."""
    names = ["apollo", "gemini", "mercury", "Apollo", "artemis"]
    ids = []
    for i in range(40):
        description = "to the moon" if i % 3 == 0 else ("mooncake" if i % 7 == 0 else "")
        status, _, body = lists.request(lists.base, "POST", "/api/projects/", token,
                                        {"name": names[i % len(names)], "description": description})
        assert status == 201, (status, body)
        ids.append(body["id"])
    for i, pid in enumerate(ids):
        if i % 4 == 1:
            lists.request(lists.base, "POST", "/api/projects/%s/archive/" % pid, token)
    for pid in ids[::-1][::5]:  # newest first: updated_at order is no longer created_at order
        lists.request(lists.base, "PATCH", "/api/projects/%s/" % pid, token, {"description": "moon base"})
    status, _, body = lists.get("/api/projects/?page_size=100", token)
    assert status == 200 and body["next"] is None and len(body["results"]) == 40, (status, len(body["results"]))
    return body["results"]


def project_parameter_checks(lists, token, other_token, everything):
    check, get = lists.check, lists.get
    by_id = {r["id"]: r for r in everything}
    times = sorted(parse_time(r["created_at"]) for r in everything)
    middle = [r for r in everything if parse_time(r["created_at"]) == times[len(times) // 2]][0]

    def names(path):
        status, _, body = get(path, token)
        return status, body, [r["id"] for r in body["results"]] if status == 200 else None

    def expect(params, what):
        status, body, got = names("/api/projects/" + query(dict(params, page_size=100)))
        search = params.get("search")
        filters = {k: v for k, v in params.items() if k not in ("search", "ordering")}
        want = [r["id"] for r in ordered([r for r in everything if project_matches(r, search, filters)],
                                         params.get("ordering"))]
        check(status == 200 and got == want, what if got == want else "%s (got %s %r)" % (what, status, body))
        return got

    # Filters
    archived = expect({"archived": "true"}, "?archived=true lists only the archived projects")
    check(len(archived) == 10 and all(by_id[i]["archived"] for i in archived), "ten of the forty are archived")
    expect({"archived": "false"}, "?archived=false lists the others")
    for spelling in ("True", "1", "False", "0"):
        want = spelling in ("True", "1")
        _, _, got = names("/api/projects/?page_size=100&archived=" + spelling)
        check(got is not None and all(by_id[i]["archived"] == want for i in got) and len(got) == (10 if want else 30),
              "?archived=%s is read as django-filter's BooleanWidget reads it" % spelling)
    for bad in ("maybe", "yes", "null"):
        status, _, body = get("/api/projects/?archived=" + bad, token)
        check(status == 400 and body == {"archived": ["Must be a valid boolean."]},
              "?archived=%s is 400 Must be a valid boolean. (django-filter would ignore the filter)" % bad)
    status, _, got = names("/api/projects/?page_size=100&archived=")
    check(status == 200 and len(got) == 40, "an empty ?archived= filters nothing, as django-filter does")
    expect({"created_at__gte": middle["created_at"]}, "?created_at__gte=<a project's created_at> includes it")
    expect({"created_at__lte": middle["created_at"]}, "?created_at__lte=<a project's created_at> includes it")
    expect({"created_at__gte": iso(times[10]), "created_at__lte": iso(times[20])}, "created_at__gte and __lte together")
    offset = parse_time(middle["created_at"]).astimezone(timezone(timedelta(hours=2))).isoformat()
    expect({"created_at__gte": offset}, "an ISO 8601 time with a +02:00 offset is the same instant")
    status, _, body = get("/api/projects/?created_at__gte=nope", token)
    check(status == 400 and body == {"created_at__gte": ["Enter a valid date/time."]},
          "an invalid created_at__gte is 400 with django-filter's body")
    status, _, body = get("/api/projects/?created_at__gte=nope&created_at__lte=2026-13-01T00:00:00Z&archived=x", token)
    check(status == 400 and body == {"archived": ["Must be a valid boolean."],
                                     "created_at__gte": ["Enter a valid date/time."],
                                     "created_at__lte": ["Enter a valid date/time."]},
          "every invalid filter is named at once, as django-filter names them")
    status, _, body = get("/api/projects/?created_at__lte=2026-01-02", token)
    check(status == 400 and body == {"created_at__lte": ["Enter a valid date/time."]},
          "a date without a time is not a date/time (django-filter's IsoDateTimeField)")
    status, _, got = names("/api/projects/?page_size=100&created_at__gte=")
    check(status == 200 and len(got) == 40, "an empty created_at__gte filters nothing, as django-filter does")
    expect({"name": "apollo"}, "?name= is exact and case-sensitive")
    check(len(expect({"name": "APOLLO"}, "?name=APOLLO matches no project")) == 0, "?name= matches case")
    check(len(expect({"name__icontains": "POLL"}, "?name__icontains ignores case")) == 16,
          "name__icontains=POLL finds both apollos")
    status, _, got = names("/api/projects/?page_size=100&name__contains=apollo&owner=x&description=moon")
    check(status == 200 and len(got) == 40, "parameters no filter declares are ignored, as django-filter does")

    # Search
    expect({"search": "moon"}, "?search= looks in name and description, ignoring case")
    expect({"search": "MOON apollo"}, "every search term must match (an AND of the terms)")
    expect({"search": "moon,artemis"}, "commas separate search terms as spaces do")
    expect({"search": "cake"}, "a search term matches inside a word (icontains)")
    status, _, got = names("/api/projects/?page_size=100&search=%20")
    check(status == 200 and len(got) == 40, "a blank search filters nothing")
    check(len(expect({"search": "zeppelin"}, "a search matching nothing is an empty page")) == 0, "no zeppelin")
    status, _, body = get("/api/projects/?search=" + "+".join("t%d" % i for i in range(11)), token)
    check(status == 400 and body == {"search": ["Ensure this field has no more than 10 elements."]},
          "more than 10 search terms is a 400 (drf bounds what DRF does not)")
    status, _, body = get("/api/projects/?search=" + "+".join("moon" for _ in range(10)), token)
    check(status == 200, "10 search terms are fine")

    # Ordering
    for ordering in PROJECT_ORDERINGS[1:]:
        expect({"ordering": ordering}, "?ordering=%s orders the list (then by id)" % ordering)
    default = [r["id"] for r in ordered(everything, None)]
    for ignored in ("owner", "description", "nope", "", "-", "id"):
        _, _, got = names("/api/projects/?page_size=100&ordering=" + urllib.parse.quote(ignored))
        check(got == default, "?ordering=%r names no allowed field: the default, newest first" % ignored)
    expect({"ordering": "nope,-name"}, "an unknown ordering term is dropped, the valid ones kept")
    _, _, got = names("/api/projects/?page_size=100&ordering=%20-name%20,%20created_at")
    check(got == [r["id"] for r in ordered(everything, "-name,created_at")], "spaces around ordering terms are ignored")

    # The owner filter holds under every parameter
    status, _, body = get("/api/projects/?search=apollo&archived=false&ordering=name", other_token)
    check(status == 200 and body["results"] == [], "another user's search finds none of these projects")
    return middle, times


def project_walk_checks(lists, token, everything, times):
    """Every combination: each walked to its end through the next links, then back through previous."""
    check = lists.check
    searches = [None, "moon", "apollo moon", "OLL"]
    filter_sets = [{}, {"archived": "false"}, {"archived": "true"}, {"created_at__gte": iso(times[13])},
                   {"created_at__lte": iso(times[25])}, {"created_at__gte": iso(times[5]), "created_at__lte": iso(times[30])},
                   {"name": "gemini"}, {"name__icontains": "oLL", "archived": "false"}]
    failed = 0
    walks = 0
    for search, filters, ordering in itertools.product(searches, filter_sets, PROJECT_ORDERINGS):
        params = dict(filters)
        if search is not None:
            params["search"] = search
        if ordering is not None:
            params["ordering"] = ordering
        want = [r["id"] for r in ordered([r for r in everything if project_matches(r, search, filters)], ordering)]
        for size in (7, None) if not filters and search is None else (7,):
            walks += 1
            p = dict(params, page_size=size) if size else params
            rows, pages, links, status = lists.walk("/api/projects/" + query(p), token, "id")
            ok = status == 200 and rows == want
            ok = ok and all(len(page["results"]) == (size or 25) for page in pages[:-1])
            # Links keep every parameter but the cursor.
            for link in links:
                kept = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(link).query, keep_blank_values=True))
                ok = ok and "cursor" in kept and {k: v for k, v in kept.items() if k != "cursor"} == \
                    {k: str(v) for k, v in p.items()}
            # Back from the last page through the previous links: the same rows, none twice.
            if ok and len(pages) > 1:
                back, page = [], pages[-1]
                while page["previous"]:
                    status, _, page = lists.follow(page["previous"], token)
                    if status != 200:
                        ok = False
                        break
                    back = [r["id"] for r in page["results"]] + back
                ok = ok and back + [r["id"] for r in pages[-1]["results"]] == want
            if not ok:
                failed += 1
                if failed <= 5:
                    print("     walk %s: got %d rows (status %s), want %d" % (query(p), len(rows), status, len(want)))
    check(failed == 0, "%d walks of every search x filter x ordering x page size: each row once, in order, both "
                       "ways (%d failed)" % (walks, failed))


def project_cursor_checks(lists, token):
    check, get = lists.check, lists.get
    _, _, by_name = get("/api/projects/?ordering=name&page_size=5", token)
    cursor = dict(urllib.parse.parse_qsl(urllib.parse.urlsplit(by_name["next"]).query))["cursor"]
    for other in ("-name", "created_at", "", "updated_at"):
        status, _, body = get("/api/projects/" + query({"ordering": other, "page_size": 5, "cursor": cursor}), token)
        check(status == 404 and body == {"detail": "Invalid cursor"},
              "a cursor made under ordering=name is refused under ordering=%r (drf keys it on the ordering)" % other)
    status, _, body = get("/api/projects/" + query({"ordering": "name", "page_size": 5, "cursor": cursor}), token)
    check(status == 200 and len(body["results"]) == 5, "the same cursor under its own ordering is fine")
    status, _, body = get("/api/projects/" + query({"ordering": "name", "page_size": 5, "cursor": cursor,
                                                    "archived": "true", "search": "apollo"}), token)
    check(status == 200, "a cursor stays valid when the filters change (as in DRF)")
    status, _, body = get("/api/projects/" + query({"ordering": "name", "cursor": cursor[:-6] + "AAAAAA"}), token)
    check(status == 404 and body == {"detail": "Invalid cursor"}, "a tampered cursor is 404 Invalid cursor")


def project_checks(lists, token, other_token):
    everything = make_projects(lists, token)
    _, times = project_parameter_checks(lists, token, other_token, everything)
    project_walk_checks(lists, token, everything, times)
    project_cursor_checks(lists, token)


# --- GET /api/users/ ----------------------------------------------------------------------------------

def user_matches(user, search, filters):
    for term in (search or "").replace(",", " ").split():
        t = term.lower()
        if not (user["username"].lower().startswith(t) or t in user["email"].lower()):
            return False
    for name, value in filters.items():
        if user[name] != (value in ("true", "True", "1")):
            return False
    return True


def users_ordered(users, ordering):
    terms = [t for t in (ordering or "username").split(",")]
    result = list(users)
    for term in reversed(terms):  # stable sorts, last key first; every key here is unique at the end
        result.sort(key=lambda u: u[term.lstrip("-")].encode(), reverse=term.startswith("-"))
    return result


def user_checks(lists, staff, non_staff, users):
    """`users`: every user there is, as the list renders them (usernames and emails unique, so every
    ordering is decided without the id)."""
    check, get = lists.check, lists.get
    base = lists.base

    status, headers, body = get("/api/users/", None)
    check(status == 401 and body == {"detail": "Authentication credentials were not provided."}
          and headers.get("WWW-Authenticate") == "Token", "anonymous GET /api/users/ is 401 (IsAdminUser)")
    status, _, body = get("/api/users/", non_staff)
    check(status == 403 and body == {"detail": "You do not have permission to perform this action."},
          "a non-staff user's GET /api/users/ is 403 with DRF's body")
    status, _, body = lists.request(base, "POST", "/api/users/", staff, {"username": "x"})
    check(status == 405 and body == {"detail": 'Method "POST" not allowed.'}, "the user list is read-only")

    status, _, body = get("/api/users/", staff)
    want = users_ordered(users, None)
    check(status == 200 and list(body.keys()) == ["count", "next", "previous", "results"],
          "the user list is DRF's page-number body")
    check(body["count"] == len(users) and body["results"] == want[:10] and body["previous"] is None
          and body["next"] == base + "/api/users/?page=2",
          "page 1: ten users by username, each {username, email, is_staff, is_active}, DRF's next link")
    status, _, body = get("/api/users/?page=2", staff)
    check(status == 200 and body["results"] == want[10:20] and body["previous"] == base + "/api/users/",
          "page 2's previous link drops the page parameter, as DRF's does")
    pages = (len(users) + 9) // 10
    status, _, body = get("/api/users/?page=last", staff)
    check(status == 200 and body["results"] == want[(pages - 1) * 10:] and body["next"] is None,
          "?page=last is the last page")
    for bad in ("0", "-1", "abc", "", "1.0", str(pages + 1), "99999999999999999999999"):
        status, _, body = get("/api/users/?page=" + urllib.parse.quote(bad), staff)
        check(status == 404 and body == {"detail": "Invalid page."}, "?page=%r is 404 Invalid page." % bad)
    status, _, body = get("/api/users/?page=%202", staff)
    check(status == 200 and body["results"] == want[10:20], "?page= is read as Python's int() reads it (spaces)")
    status, _, body = get("/api/users/?page_size=100", staff)
    check(status == 200 and len(body["results"]) == min(50, len(users)), "page_size is capped at 50")
    for ignored in ("0", "-3", "abc", ""):
        status, _, body = get("/api/users/?page_size=" + urllib.parse.quote(ignored), staff)
        check(status == 200 and len(body["results"]) == 10, "?page_size=%r is the default 10" % ignored)
    status, _, body = get("/api/users/?page=2&page_size=5&ordering=-email", staff)
    check(status == 200 and body["next"] == base + "/api/users/?ordering=-email&page=3&page_size=5"
          and body["previous"] == base + "/api/users/?ordering=-email&page_size=5",
          "the links are DRF's: the parameters sorted by key, page 1's without the page")

    for spelling, want_staff in (("true", True), ("True", True), ("1", True), ("false", False), ("0", False)):
        status, _, body = get("/api/users/?page_size=50&is_staff=" + spelling, staff)
        check(status == 200 and body["count"] == sum(u["is_staff"] == want_staff for u in users)
              and all(u["is_staff"] == want_staff for u in body["results"]), "?is_staff=%s filters" % spelling)
    status, _, body = get("/api/users/?is_staff=", staff)
    check(status == 200 and body["count"] == len(users), "an empty ?is_staff= filters nothing")
    status, _, body = get("/api/users/?is_staff=yes&is_active=unknown", staff)
    check(status == 400 and body == {"is_staff": ["Must be a valid boolean."], "is_active": ["Must be a valid boolean."]},
          "?is_staff=yes is 400 Must be a valid boolean. (django-filter would ignore it)")
    for ignored in ("is_staff", "id", "nope"):
        status, _, body = get("/api/users/?page_size=50&ordering=" + ignored, staff)
        check(status == 200 and body["results"] == want[:50], "?ordering=%s is not allowed: by username" % ignored)
    status, _, body = get("/api/users/?search=" + "+".join("x%d" % i for i in range(11)), staff)
    check(status == 400 and body == {"search": ["Ensure this field has no more than 10 elements."]},
          "more than 10 search terms is a 400 here too")

    searches = [None, "ro", "MAIL", "a mail", "a,example", "zz"]
    filter_sets = [{}, {"is_staff": "true"}, {"is_staff": "false"}, {"is_active": "false"},
                   {"is_active": "true", "is_staff": "false"}]
    orderings = [None, "username", "-username", "email", "-email", "email,-username"]
    failed = walks = 0
    for search, filters, ordering, size in itertools.product(searches, filter_sets, orderings, (None, 3)):
        params = dict(filters)
        if search is not None:
            params["search"] = search
        if ordering is not None:
            params["ordering"] = ordering
        if size:
            params["page_size"] = size
        want = users_ordered([u for u in users if user_matches(u, search, filters)], ordering)
        walks += 1
        rows, pages, links, status = lists.walk("/api/users/" + query(params), staff, "username")
        ok = status == 200 and rows == [u["username"] for u in want]
        ok = ok and all(p["count"] == len(want) for p in pages) and pages[0]["results"] == want[:size or 10]
        for number, link in enumerate(links, start=2):
            # Byte for byte DRF's replace_query_param: the keys sorted, a space as "+".
            want_link = base + "/api/users/?" + urllib.parse.urlencode(
                sorted([(k, str(v)) for k, v in params.items()] + [("page", str(number))]))
            ok = ok and link == want_link
        if not ok:
            failed += 1
            if failed <= 5:
                print("     walk %s: got %r (status %s), want %r" % (query(params), rows, status,
                                                                     [u["username"] for u in want]))
    check(failed == 0, "%d walks of every search x filter x ordering x page size of /api/users/: each user once, "
                       "in order, with the links (%d failed)" % (walks, failed))
