// drf/http.hpp — the wire vocabulary: Request, Response, status codes, methods and DRF's exceptions
// with the responses they become (rest_framework.request, .response, .status, .exceptions), and the
// renderers, parsers and content negotiation (.renderers, .parsers, .negotiation).
#pragma once

#include <drf/http/exceptions.hpp>
#include <drf/http/handler.hpp>
#include <drf/http/method.hpp>
#include <drf/http/negotiation.hpp>
#include <drf/http/parsers.hpp>
#include <drf/http/renderers.hpp>
#include <drf/http/request.hpp>
#include <drf/http/response.hpp>
#include <drf/http/status.hpp>
#include <drf/http/url.hpp>
#include <drf/http/user.hpp>
