// examples/projects/main.cpp — the "projects" service: `projects migrate`, `projects createuser
// --username alice`, `projects runserver --port 8000`, `projects cleanup_inactive --dry-run`. The server
// it runs is compiled in server.cpp (DRF_SEPARATE_COMPILATION): this file does not compile Boost.Beast.
#include "app.hpp"

#include <iostream>

int main(int argc, char** argv) {
    try {
        projects::App app;
        return drf::commands::manage(app.commands(), argc, argv);
    } catch (const projects::ConfigurationError& e) {
        // Settings that cannot be used stop every command, as Django's ImproperlyConfigured does.
        std::cerr << "ImproperlyConfigured: " << e.what() << '\n';
        return 1;
    }
}
