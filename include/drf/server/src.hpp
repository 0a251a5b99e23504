// drf/server/src.hpp — the server's definitions (Server, serve(), Boost.Beast and Asio with them) for a
// program built with DRF_SEPARATE_COMPILATION: include it in exactly one of its source files, as
// Boost.Beast's <boost/beast/src.hpp>. docs/server.md, "Separate compilation", says when it pays.
#pragma once

// Without the macro this file would compile nothing of its own (<drf/server.hpp> is then header-only
// and defines everything inline), and the source files that do define it would fail to link far from
// the cause: say it here.
#if !defined(DRF_SEPARATE_COMPILATION)
#error "drf: <drf/server/src.hpp> is for separate compilation: define DRF_SEPARATE_COMPILATION in every source file of the program (CMake: target_compile_definitions(<target> PRIVATE DRF_SEPARATE_COMPILATION)), or drop this include to keep the server header-only"
#endif

#include <drf/server.hpp>
#include <drf/server/impl/server.ipp>
