// drf/filters/detail/members.hpp — what the filters need to know of a member pointer: its model, its
// type, and its meta field's name, checked while the filter's constexpr value is built.
#pragma once

#include <drf/core/member_name.hpp>
#include <drf/db/query.hpp>
#include <drf/models/meta.hpp>

#include <string_view>

namespace drf::filters::detail {

template <class P>
using member_owner = typename drf::detail::member_pointer_parts<P>::owner;
template <class P>
using member_type = typename drf::detail::member_pointer_parts<P>::type;

// The model a member pointer belongs to (&User::id, declared by Model<User>, is User's).
template <class P>
using model_of_member = models::model_of_t<member_owner<P>>;

// The meta field name of `member`; when it is no meta field, `report` (a function whose name says so)
// is called, which is not a constant expression, so a constexpr filter fails to build naming it.
template <class C, class M>
constexpr std::string_view checked_column(M C::*member, void (*report)()) {
    const std::string_view name = models::column_name(member);
    if (name.empty()) {
        report();
        throw db::FieldError("drf::filters: the member is not one of its model's meta fields");
    }
    return name;
}

}  // namespace drf::filters::detail
