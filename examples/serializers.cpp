// examples/serializers.cpp — DRF-style serializers in C++: ProjectCreateSerializer validates a request
// body into a typed struct (or reports every field error, as DRF does), ProjectOutputSerializer renders
// a model, and a PATCH body updates only the fields it carries.
#include <drf/models.hpp>
#include <drf/serializers.hpp>

#include <cstdlib>
#include <iostream>
#include <string>
#include <vector>

namespace s = drf::serializers;
using drf::Json;

// The model: id, created_at and updated_at come from the base, as in Django's usual abstract BaseModel.
struct Project : drf::models::Model<Project> {
    std::string name;
    std::string description;
    std::vector<std::string> tags;
    bool archived = false;
    static constexpr auto meta = drf::models::meta<Project>(
        "projects", drf::models::field<&Project::name>().max_length(200),
        drf::models::field<&Project::description>(), drf::models::field<&Project::archived>());
};

// ProjectCreateSerializer: validated_data is this struct.
struct ProjectCreate {
    std::string name;
    std::string description;
    std::vector<std::string> tags;
    static constexpr auto fields = s::fields(
        s::char_field<&ProjectCreate::name>().max_length(200),
        s::char_field<&ProjectCreate::description>().optional("").allow_blank(),
        s::list_field<&ProjectCreate::tags>(s::char_field().max_length(20)).optional());
    // DRF's validate(self, attrs): runs once every field is valid.
    static void validate(ProjectCreate& data) {
        if (data.name == data.description) throw drf::ValidationError("Name and description must differ.");
    }
};

// ProjectOutputSerializer over the model itself.
struct ProjectOutput {
    static constexpr auto fields =
        s::fields(s::uuid_field<&Project::id>(), s::char_field<&Project::name>(),
                  s::char_field<&Project::description>(),
                  s::list_field<&Project::tags>(s::char_field()), s::boolean_field<&Project::archived>(),
                  s::datetime_field<&Project::created_at>(),
                  s::datetime_field<&Project::updated_at>());
};

// The PATCH serializer binds straight to the model: fields absent from the body keep their values.
struct ProjectUpdate {
    static constexpr auto fields = s::fields(s::char_field<&Project::name>().max_length(200),
                                             s::char_field<&Project::description>().allow_blank());
};

namespace {
int failures = 0;
void expect(bool ok, const std::string& what) {
    std::cout << (ok ? "  ok: " : "  FAILED: ") << what << "\n";
    if (!ok) ++failures;
}
}  // namespace

int main() {
    std::cout << "POST /projects/ with a bad body reports every error at once:\n";
    const Json bad = Json::parse(R"({"name": "", "tags": ["ok", "this tag is far too long to keep", 7]})");
    s::Serializer<ProjectCreate> invalid(bad);
    if (!invalid.is_valid()) std::cout << "  400 " << invalid.errors().dump() << "\n";
    expect(invalid.errors() == Json::parse(R"({"name": ["This field may not be blank."],
                                              "tags": {"1": ["Ensure this field has no more than 20 characters."]}})"),
           "DRF's error body");

    std::cout << "POST /projects/ with a good body gives a typed struct:\n";
    s::Serializer<ProjectCreate> serializer(Json::parse(R"({"name": "  Apollo ", "tags": ["space"], "id": "ignored"})"));
    serializer.is_valid(true);  // raise_exception=True: a ValidationError would become a 400
    const ProjectCreate& data = serializer.validated_data();
    expect(data.name == "Apollo" && data.description.empty() && data.tags.size() == 1, "validated_data");

    Project project;
    project.name = data.name;
    project.description = data.description;
    project.tags = data.tags;
    const Json output = s::render<ProjectOutput>(project);
    std::cout << "  201 " << output.dump() << "\n";
    expect(output.begin().key() == "id" && output["name"] == "Apollo", "fields rendered in declaration order");

    std::cout << "PATCH /projects/{id}/ changes only what the body carries:\n";
    auto patched = s::validate<ProjectUpdate>(Json::parse(R"({"description": "To the moon"})"), project, s::partial);
    expect(patched && patched->name == "Apollo" && patched->description == "To the moon", "partial update");
    expect(patched.fields_set().names() == std::vector<std::string_view>{"description"}, "update_fields = [description]");

    std::cout << "The object-level validate hook reports under non_field_errors:\n";
    auto same = s::validate<ProjectCreate>(Json::parse(R"({"name": "x", "description": "x"})"));
    std::cout << "  400 " << same.errors().dump() << "\n";
    expect(same.errors() == Json::parse(R"({"non_field_errors": ["Name and description must differ."]})"),
           "non_field_errors");

    if (failures != 0) {
        std::cerr << failures << " check(s) failed\n";
        return EXIT_FAILURE;
    }
    return EXIT_SUCCESS;
}
