// drf/commands.hpp — management commands (django.core.management): Command, the registry, manage() and
// call_command, the built-in migrate and showmigrations, and generateschema (the OpenAPI document).
// createuser is in <drf/commands/createuser.hpp> (needs drf::auth) and runserver in
// <drf/commands/runserver.hpp> (needs drf::server).
#pragma once

// Through CMake, drf::drf defines DRF_COMPONENT_CHECKS and drf::commands DRF_HAS_COMMANDS: a missing
// component is this message, not a wall of undefined references at link time.
#if defined(DRF_COMPONENT_CHECKS) && !defined(DRF_HAS_COMMANDS)
#error "drf: <drf/commands.hpp> needs the drf::commands component: target_link_libraries(... drf::commands) (or drf::all)"
#endif

#include <drf/commands/command.hpp>
#include <drf/commands/generateschema.hpp>
#include <drf/commands/migrate.hpp>
