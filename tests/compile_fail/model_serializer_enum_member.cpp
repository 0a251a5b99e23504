// expect: no default serializer field for this member type
// model_serializer has no kind for an enum member: it must be declared, e.g. with choice_field.
#include <drf/serializers.hpp>

#include <string>

enum class Status { draft, live };

struct Post : drf::models::Model<Post> {
    Status status = Status::draft;
    static constexpr auto meta = drf::models::meta<Post>("posts", drf::models::field<&Post::status>());
};

struct PostOutput {
    static constexpr auto fields = drf::serializers::model_serializer<Post, &Post::status>();
};

int main() { return static_cast<int>(decltype(PostOutput::fields)::size); }
