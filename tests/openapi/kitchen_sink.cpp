// tests/openapi/kitchen_sink.cpp — writes the OpenAPI document of kitchen_sink.hpp's API (every field
// kind, filter lookup, paginator and extend_schema form) to a file, or to stdout, for the OpenAPI 3.1
// linter. It also takes the example service's command line, so that tests/openapi/tools/openapi_check.py
// lint runs it as it runs `projects`:
//     openapi_kitchen_sink [FILE]
//     openapi_kitchen_sink generateschema --file FILE
// Exit status 1 when the generator warns, since every operation here is described; 2 on a bad command line.
#include "kitchen_sink.hpp"

#include <exception>
#include <fstream>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace {

// The output file, "" for stdout; nullopt for a command line that is neither form.
std::optional<std::string> output_path(int argc, char** argv) {
    if (argc == 1) return std::string();
    if (argc == 2 && std::string_view(argv[1]).substr(0, 1) != "-") return std::string(argv[1]);
    if (argc == 4 && std::string_view(argv[1]) == "generateschema" && std::string_view(argv[2]) == "--file")
        return std::string(argv[3]);
    return std::nullopt;
}

}  // namespace

int main(int argc, char** argv) {
    const auto path = output_path(argc, argv);
    if (!path) {
        std::cerr << "usage: openapi_kitchen_sink [FILE]\n       openapi_kitchen_sink generateschema --file FILE\n";
        return 2;
    }
    try {
        std::vector<std::string> warnings;
        const std::string text = drf::openapi::render_json(kitchen_sink::Service().document(&warnings)) + "\n";
        for (const auto& w : warnings) std::cerr << "openapi_kitchen_sink: warning: " << w << '\n';
        if (path->empty()) {
            std::cout << text;
        } else {
            std::ofstream out(*path, std::ios::binary);
            out << text;
            if (!out) {
                std::cerr << "openapi_kitchen_sink: cannot write " << *path << '\n';
                return 1;
            }
        }
        return warnings.empty() ? 0 : 1;
    } catch (const std::exception& e) {
        std::cerr << "openapi_kitchen_sink: " << e.what() << '\n';
        return 1;
    }
}
