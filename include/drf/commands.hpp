// drf/commands.hpp — management commands (django.core.management): Command, the registry, manage() and
// call_command, and the built-in migrate and showmigrations. createuser is in
// <drf/commands/createuser.hpp> (needs drf::auth) and runserver in <drf/commands/runserver.hpp> (needs
// drf::server).
#pragma once

#include <drf/commands/command.hpp>
#include <drf/commands/migrate.hpp>
