# tests/docs/compile_errors.cmake — `cmake -P` script behind docs.<page>.compile_errors: every block
# of a page marked <!-- compile-error: <regex> --> (written by extract.py next to the page's unit as
# <unit>.error_<line>.cpp) must fail to compile with that error; cmake/drfCompileFail.cmake checks each.
#   cmake -DCOMPILER=<c++> -DUNIT=<docs_page.cpp> -DFLAGS_FILE=<flags> -DCHECK=<drfCompileFail.cmake> -P compile_errors.cmake
cmake_minimum_required(VERSION 3.21)

string(REGEX REPLACE "\\.cpp$" "" stem "${UNIT}")
file(GLOB sources "${stem}.error_*.cpp")
if(NOT sources)
    message(FATAL_ERROR "no ${stem}.error_*.cpp: build the page's target first (it writes them)")
endif()
set(failed "")
foreach(source IN LISTS sources)
    execute_process(
        COMMAND "${CMAKE_COMMAND}" -DCOMPILER=${COMPILER} -DSOURCE=${source} -DFLAGS_FILE=${FLAGS_FILE} -P "${CHECK}"
        RESULT_VARIABLE result)
    if(NOT result EQUAL 0)
        list(APPEND failed "${source}")
    endif()
endforeach()
if(failed)
    message(FATAL_ERROR "these blocks compiled, or failed with another error: ${failed}")
endif()
