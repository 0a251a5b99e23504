# cmake/drfCompileFail.cmake — `cmake -P` script behind each compile-fail test: compiles SOURCE with
# -fsyntax-only and passes only when the compile fails AND its output matches the CMake regex
# written on the file's first line, `// expect: <regex>`.
#   cmake -DCOMPILER=<c++> -DSOURCE=<file.cpp> -DFLAGS_FILE=<compile_fail_flags-<config>.cmake> -P drfCompileFail.cmake
cmake_minimum_required(VERSION 3.21)

foreach(var IN ITEMS COMPILER SOURCE FLAGS_FILE)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "drfCompileFail.cmake: -D${var}=... is required")
    endif()
endforeach()
include("${FLAGS_FILE}")

file(STRINGS "${SOURCE}" first_line LIMIT_COUNT 1)
if(NOT first_line MATCHES "^[ \t]*//[ \t]*expect:[ \t]*(.*[^ \t])[ \t]*$")
    message(FATAL_ERROR "${SOURCE}: the first line must be `// expect: <regex>`, the error the compiler must report; it is: ${first_line}")
endif()
set(expect "${CMAKE_MATCH_1}")

set(args ${DRF_CF_STANDARD} -fsyntax-only -fdiagnostics-color=never)
foreach(dir IN LISTS DRF_CF_INCLUDES)
    # -I on a system directory (/usr/include) would break libstdc++'s #include_next.
    if(dir AND NOT dir IN_LIST DRF_CF_IMPLICIT_INCLUDES)
        list(APPEND args "-I${dir}")
    endif()
endforeach()
foreach(definition IN LISTS DRF_CF_DEFINITIONS)
    list(APPEND args "-D${definition}")
endforeach()
list(APPEND args ${DRF_CF_OPTIONS})

execute_process(
    COMMAND "${COMPILER}" ${args} "${SOURCE}"
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)

list(JOIN args " " shown_args)
if(result EQUAL 0)
    message(FATAL_ERROR "${SOURCE} compiled, but it must fail with an error matching: ${expect}\n"
                        "command: ${COMPILER} ${shown_args} ${SOURCE}")
endif()
if(NOT output MATCHES "${expect}")
    message(FATAL_ERROR "${SOURCE} failed to compile, but not with an error matching: ${expect}\n"
                        "command: ${COMPILER} ${shown_args} ${SOURCE}\n"
                        "compiler output:\n${output}")
endif()
message(STATUS "${SOURCE}: fails to compile, as expected, with: ${expect}")
