// tests/server/separate_compilation_src_test.cpp — the one source file that compiles the server's
// definitions for separate_compilation_test.cpp, as a program built with DRF_SEPARATE_COMPILATION does
// (named *_test.cpp so the test build picks it up; it holds no test case). The other server tests are
// header-only: the separately compiled Server lives in its own inline namespace, so both coexist here.
#ifndef DRF_SEPARATE_COMPILATION
#define DRF_SEPARATE_COMPILATION
#endif

#include <drf/server/src.hpp>
