// drf/routers.hpp — the router (rest_framework.routers).
#pragma once

#include <drf/routers/router.hpp>
