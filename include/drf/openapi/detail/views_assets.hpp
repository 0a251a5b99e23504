// drf/openapi/detail/views_assets.hpp — the Swagger UI and Redoc files the documentation pages load
// from a local directory laid out as drf-spectacular-sidecar's static files (or an npm install's
// node_modules: the same layout), read once when the views are added.
#pragma once

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <memory>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace drf::openapi::detail {

// One file a page loads: its path under the assets directory and the Content-Type it is served with
// (Django's static serve: mimetypes.guess_type).
struct AssetFile {
    std::string_view path;
    std::string_view content_type;
};

inline constexpr AssetFile swagger_ui_css{"swagger-ui-dist/swagger-ui.css", "text/css"};
inline constexpr AssetFile swagger_ui_bundle{"swagger-ui-dist/swagger-ui-bundle.js", "text/javascript"};
inline constexpr AssetFile swagger_ui_standalone{"swagger-ui-dist/swagger-ui-standalone-preset.js", "text/javascript"};
inline constexpr AssetFile swagger_ui_favicon{"swagger-ui-dist/favicon-32x32.png", "image/png"};
inline constexpr AssetFile redoc_standalone{"redoc/bundles/redoc.standalone.js", "text/javascript"};

struct LoadedAsset {
    AssetFile file;
    std::shared_ptr<const std::string> content;
};

// The file's bytes; std::runtime_error naming the file and the layout expected when it cannot be read,
// so that a wrong directory stops the service at start instead of answering 404 to the browser later.
inline LoadedAsset load_asset(const std::filesystem::path& dir, AssetFile file) {
    const std::filesystem::path path = dir / std::filesystem::path(std::string(file.path));
    std::error_code error;
    const bool regular = std::filesystem::is_regular_file(path, error);
    std::ifstream in;
    if (regular) in.open(path, std::ios::binary);
    if (!regular || !in) {
        const std::string reason = regular ? std::strerror(errno) : "no such file";
        throw std::runtime_error("drf::openapi: cannot read " + path.string() + " (" + reason +
                                 "): the assets directory " + dir.string() +
                                 " must hold swagger-ui-dist/ and redoc/bundles/ as drf-spectacular-sidecar's static "
                                 "files (or node_modules after npm install swagger-ui-dist redoc) do");
    }
    auto content = std::make_shared<std::string>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) throw std::runtime_error("drf::openapi: cannot read " + path.string() + ": " + std::strerror(errno));
    return {file, std::move(content)};
}

}  // namespace drf::openapi::detail
