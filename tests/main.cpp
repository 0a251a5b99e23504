// tests/main.cpp — the Catch2 v2 main, compiled once into drf_catch_main and linked into drf_tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
