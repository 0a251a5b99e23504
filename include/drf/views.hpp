// drf/views.hpp — the request cycle (rest_framework.views.APIView.dispatch) and the Context every view
// of a router is built from.
#pragma once

#include <drf/views/context.hpp>
#include <drf/views/dispatch.hpp>
#include <drf/views/view.hpp>
