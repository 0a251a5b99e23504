// drf/core/exceptions.hpp — ValidationError (rest_framework.exceptions.ValidationError). It lives in
// core, not beside the other API exceptions in drf/http/exceptions.hpp, because the serializers raise
// it and sit below http; http names it as drf::http::ValidationError too, and answers it with a 400.
#pragma once

#include <drf/core/detail/error_details.hpp>
#include <drf/core/json.hpp>

#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

namespace drf {

// DRF's ValidationError: raised by validators and by `is_valid(true)`; the view answers it with a 400
// whose body is detail().
class ValidationError : public std::runtime_error {
public:
    // A single message: becomes ["message"] under the field, or under non_field_errors at object level.
    explicit ValidationError(std::string message, std::string code = "invalid")
        : std::runtime_error(message), tree_(Json::array({detail::make_detail(std::move(message), std::move(code))})) {}

    explicit ValidationError(const char* message, std::string code = "invalid")
        : ValidationError(std::string(message), std::move(code)) {}

    // A dict of field -> message(s), e.g. {{"name", "Already taken."}}, or a full error tree.
    explicit ValidationError(const Json& detail, std::string_view code = "invalid")
        : std::runtime_error("validation failed"), tree_(normalise(detail, code)) {}

    // Messages only: {"name": ["This field is required."]} or ["message"].
    Json detail() const { return detail::messages_of(tree_); }
    // With codes: {"name": [{"message": "This field is required.", "code": "required"}]}.
    const Json& full_details() const noexcept { return tree_; }

private:
    static Json normalise(const Json& value, std::string_view code) {
        Json d = detail::to_details(value, code);
        return detail::is_detail(d) ? Json::array({d}) : d;
    }
    Json tree_;
};

}  // namespace drf
