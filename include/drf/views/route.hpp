// drf/views/route.hpp — what the router matched for a request: which of a viewset's routes, its pk and
// the extra action's url_path. Apart from view.hpp so that the negotiation can read it.
#pragma once

#include <string_view>

namespace drf::views {

// Which of a viewset's routes a request is for: ^prefix/$, ^prefix/{pk}/$ or an extra action's.
enum class RouteKind { list, detail, list_action, detail_action };

// What the router matched: the route, the pk when there is one, and the extra action's url_path.
struct Match {
    RouteKind kind;
    std::string_view pk;
    std::string_view url_path;
};

}  // namespace drf::views
