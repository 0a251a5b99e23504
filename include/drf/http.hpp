// drf/http.hpp — the wire vocabulary: Request, Response, status codes, methods and DRF's exceptions
// with the responses they become (rest_framework.request, .response, .status, .exceptions).
#pragma once

#include <drf/http/exceptions.hpp>
#include <drf/http/handler.hpp>
#include <drf/http/method.hpp>
#include <drf/http/request.hpp>
#include <drf/http/response.hpp>
#include <drf/http/status.hpp>
#include <drf/http/url.hpp>
#include <drf/http/user.hpp>
