// examples/projects/main.cpp — the "projects" service: `projects migrate`, `projects createuser
// --username alice`, `projects runserver --port 8000`, `projects cleanup_inactive --dry-run`.
#include "app.hpp"

int main(int argc, char** argv) {
    projects::App app;
    return drf::commands::manage(app.commands(), argc, argv);
}
