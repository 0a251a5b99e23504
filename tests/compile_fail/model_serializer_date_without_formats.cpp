// expect: kind_needs_the_formats_header<
// A Date member's kind (DRF's DateField) parses with std::regex and is defined by
// <drf/serializers/formats.hpp>: model_serializer over it without that header does not compile.
#include <drf/serializers.hpp>

struct Event : drf::models::Model<Event> {
    drf::Date day;
    static constexpr auto meta = drf::models::meta<Event>("events", drf::models::field<&Event::day>());
};

struct EventOutput {
    static constexpr auto fields = drf::serializers::model_serializer<Event, &Event::day>();
};

int main() { return static_cast<int>(decltype(EventOutput::fields)::size); }
