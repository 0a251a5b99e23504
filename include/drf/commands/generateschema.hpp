// drf/commands/generateschema.hpp — the generateschema command (DRF's generateschema, with
// drf-spectacular's options): writes the router's OpenAPI 3.1 document as JSON to --file or stdout;
// the generator's warnings go to stderr, and --fail-on-warn makes them a CommandError.
#pragma once

#include <drf/commands/command.hpp>
#include <drf/openapi/generator.hpp>

#include <fstream>
#include <string>
#include <utility>

namespace drf::commands {

// Router: anything with endpoints() and context() (drf::routers::Router), which must
// outlive the command.
template <class Router>
class GenerateSchemaCommand : public Command {
public:
    GenerateSchemaCommand(const Router& router, openapi::Info info) : router_(router), info_(std::move(info)) {}

    std::string help() const override { return "Writes the API's OpenAPI 3.1 document (JSON) to stdout or --file."; }
    void add_arguments(CLI::App& parser) override {
        parser.add_option("--file", file_, "Write the document to this file instead of stdout.");
        parser.add_flag("--fail-on-warn", fail_on_warn_, "Exit with an error when the generator warns.");
    }
    void handle() override {
        openapi::SchemaGenerator generator(info_);
        const Json document = generator.get_schema(router_.endpoints(), router_.context());
        const auto& warnings = generator.warnings();
        for (std::size_t i = 0; i < warnings.size(); ++i) err() << "Warning #" << i << ": " << warnings[i] << '\n';
        if (!warnings.empty())
            err() << "\nSchema generation summary:\nWarnings: " << warnings.size() << "\n";
        // drf-spectacular's words for the same refusal.
        if (fail_on_warn_ && !warnings.empty()) throw CommandError("Failing as requested due to warnings");
        const std::string text = openapi::render_json(document) + "\n";  // the bytes GET /api/schema/ serves
        if (file_.empty()) {
            out() << text;
            return;
        }
        std::ofstream stream(file_, std::ios::binary | std::ios::trunc);
        if (!stream) throw CommandError("cannot write the schema to '" + file_ + "'");
        stream << text;
        stream.close();
        if (!stream) throw CommandError("cannot write the schema to '" + file_ + "'");
    }

private:
    const Router& router_;
    openapi::Info info_;
    std::string file_;
    bool fail_on_warn_ = false;
};

}  // namespace drf::commands
