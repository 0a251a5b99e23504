// drf/openapi/detail/views_pages.hpp — the HTML of the Swagger UI and Redoc pages, drf-spectacular's
// templates (swagger_ui.html, swagger_ui.js, redoc.html) with their values escaped as Django escapes them.
#pragma once

#include <drf/core/json.hpp>

#include <cstdio>
#include <string>
#include <string_view>

namespace drf::openapi::detail {

// Django's escape filter (autoescaping): for text and attribute values.
inline std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#x27;"; break;
            default: out += c;
        }
    }
    return out;
}

// Django's escapejs filter: safe inside a JavaScript string literal within a <script> element.
inline std::string escape_js(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        // U+2028 and U+2029 (E2 80 A8/A9) end a line in JavaScript.
        if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
            (static_cast<unsigned char>(text[i + 2]) == 0xA8 || static_cast<unsigned char>(text[i + 2]) == 0xA9)) {
            out += static_cast<unsigned char>(text[i + 2]) == 0xA8 ? "\\u2028" : "\\u2029";
            i += 2;
            continue;
        }
        if (c < 0x20 || c == '\\' || c == '\'' || c == '"' || c == '>' || c == '<' || c == '&' || c == '=' ||
            c == '-' || c == ';' || c == '`') {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\u%04X", static_cast<unsigned>(c));
            out += buffer;
        } else {
            out += static_cast<char>(c);
        }
    }
    return out;
}

// The settings object as drf-spectacular writes it (json.dumps(settings, indent=2)), with '<', '>' and
// '&' escaped so that no value can close the <script> element it is written into.
inline std::string settings_script(const Json& settings) {
    const std::string dumped = settings.dump(2, ' ', true, Json::error_handler_t::replace);
    std::string out;
    out.reserve(dumped.size());
    for (char c : dumped) {
        if (c == '<')
            out += "\\u003c";
        else if (c == '>')
            out += "\\u003e";
        else if (c == '&')
            out += "\\u0026";
        else
            out += c;
    }
    return out;
}

struct SwaggerPage {
    std::string title;  // "" → "Swagger", as drf-spectacular's template defaults it
    std::string schema_url;
    std::string css;
    std::string bundle;
    std::string standalone_preset;
    std::string favicon;  // "" → no icon link
    Json settings;        // SWAGGER_UI_SETTINGS
};

// swagger_ui.html with swagger_ui.js inlined. The schema is served to anyone (drf-spectacular's
// SERVE_PUBLIC), so the script's schema-credentials plugin and interceptors have nothing to do and are
// left out; there is no session, so no CSRF header either.
inline std::string swagger_ui_html(const SwaggerPage& page) {
    std::string out;
    out += "<!DOCTYPE html>\n<html>\n  <head>\n    <title>";
    out += html_escape(page.title.empty() ? "Swagger" : page.title);
    out += "</title>\n    <meta charset=\"utf-8\">\n";
    out += "    <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    if (!page.favicon.empty()) out += "    <link rel=\"icon\" href=\"" + html_escape(page.favicon) + "\">\n";
    out += "    <link rel=\"stylesheet\" href=\"" + html_escape(page.css) + "\">\n";
    out += "    <style>\n"
           "      html { box-sizing: border-box; overflow-y: scroll; }\n"
           "      *, *:after, *:before { box-sizing: inherit; }\n"
           "      body { background: #fafafa; margin: 0; }\n"
           "    </style>\n  </head>\n  <body>\n    <div id=\"swagger-ui\"></div>\n";
    out += "    <script src=\"" + html_escape(page.bundle) + "\"></script>\n";
    out += "    <script src=\"" + html_escape(page.standalone_preset) + "\"></script>\n";
    out += "    <script>\n\"use strict\";\n\nconst swaggerSettings = " + settings_script(page.settings) + ";\n\n";
    out += "const ui = SwaggerUIBundle({\n";
    out += "  url: \"" + escape_js(page.schema_url) + "\",\n";
    out += "  dom_id: \"#swagger-ui\",\n"
           "  presets: [SwaggerUIBundle.presets.apis],\n"
           "  plugins: [],\n"
           "  layout: \"BaseLayout\",\n"
           "  ...swaggerSettings,\n"
           "});\n    </script>\n  </body>\n</html>\n";
    return out;
}

struct RedocPage {
    std::string title;  // "" → "Redoc"
    std::string schema_url;
    std::string standalone;
    Json settings;  // REDOC_UI_SETTINGS; empty → the <redoc spec-url> element, as drf-spectacular writes it
};

inline std::string redoc_html(const RedocPage& page) {
    std::string out;
    out += "<!DOCTYPE html>\n<html>\n  <head>\n    <title>";
    out += html_escape(page.title.empty() ? "Redoc" : page.title);
    out += "</title>\n    <meta charset=\"utf-8\">\n";
    out += "    <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    out += "    <style>\n      body { margin: 0; padding: 0; }\n    </style>\n  </head>\n  <body>\n";
    if (page.settings.is_object() && !page.settings.empty()) {
        out += "    <div id=\"redoc-container\"></div>\n";
        out += "    <script src=\"" + html_escape(page.standalone) + "\"></script>\n";
        out += "    <script>\n      const redocSettings = " + settings_script(page.settings) + ";\n";
        out += "      Redoc.init(\"" + escape_js(page.schema_url) +
               "\", redocSettings, document.getElementById('redoc-container'))\n    </script>\n";
    } else {
        out += "    <redoc spec-url=\"" + html_escape(page.schema_url) + "\"></redoc>\n";
        out += "    <script src=\"" + html_escape(page.standalone) + "\"></script>\n";
    }
    out += "  </body>\n</html>\n";
    return out;
}

}  // namespace drf::openapi::detail
