# cmake/drfCompileFail.cmake — the compile-fail check. As a `cmake -P` script it is the command behind
# each compile-fail test: compiles SOURCE with -fsyntax-only and passes only when the compile fails AND
# its output matches the CMake regex written on the file's first line, `// expect: <regex>`.
#   cmake -DCOMPILER=<c++> -DSOURCE=<file.cpp> -DFLAGS_FILE=<compile_fail_flags-<config>.cmake>
#         [-DBATCH_OUTPUT=<batch.out>] -P drfCompileFail.cmake
# Batches (g++ only): the files that include exactly the same headers are compiled as one translation
# unit, each file #included inside a namespace of its own, so the headers are parsed once for all of
# them; the batch's own test writes the compiler's output:
#   cmake -DCOMPILER=... -DFLAGS_FILE=... -DBATCH_SOURCE=<batch.cpp> -DBATCH_OUTPUT=<batch.out> -P drfCompileFail.cmake
# A file's test then reads the diagnostics that the batch's output attributes to the file (g++ names the
# file on the line that starts each diagnostic's context: "file.cpp:12:5:   required from here", or on
# the error itself). It passes when they hold an error matching its regex; when they hold none (the
# file compiled in the batch, an error g++ reported once for an earlier file, a file whose #include
# lines changed since CMake ran or that changed after its batch ran), the file is compiled alone, as
# without batches. A batch can thus only
# decide that a file fails as it expects, never that it compiles.
# Included (not -P), it only defines drf_compile_fail_includes() for tests/compile_fail/CMakeLists.txt.
cmake_minimum_required(VERSION 3.21)

# The sorted #include lines of FILE, joined by "\n": files with equal ones can share a batch.
function(drf_compile_fail_includes file out_var)
    file(STRINGS "${file}" lines REGEX "^[ \t]*#[ \t]*include")
    list(SORT lines)
    list(JOIN lines "\n" joined)
    set(${out_var} "${joined}" PARENT_SCOPE)
endfunction()

if(NOT CMAKE_SCRIPT_MODE_FILE OR NOT CMAKE_SCRIPT_MODE_FILE STREQUAL CMAKE_CURRENT_LIST_FILE)
    return()
endif()

foreach(var IN ITEMS COMPILER FLAGS_FILE)
    if(NOT DEFINED ${var})
        message(FATAL_ERROR "drfCompileFail.cmake: -D${var}=... is required")
    endif()
endforeach()
if(NOT DEFINED SOURCE AND NOT DEFINED BATCH_SOURCE)
    message(FATAL_ERROR "drfCompileFail.cmake: -DSOURCE=<file.cpp> (a test) or -DBATCH_SOURCE=<batch.cpp> (a batch) is required")
endif()
include("${FLAGS_FILE}")

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
list(JOIN args " " shown_args)

if(DEFINED BATCH_SOURCE)
    if(NOT DEFINED BATCH_OUTPUT)
        message(FATAL_ERROR "drfCompileFail.cmake: -DBATCH_OUTPUT=<batch.out> is required with -DBATCH_SOURCE")
    endif()
    file(REMOVE "${BATCH_OUTPUT}")
    execute_process(
        COMMAND "${COMPILER}" ${args} "${BATCH_SOURCE}"
        RESULT_VARIABLE result
        OUTPUT_VARIABLE output
        ERROR_VARIABLE output)
    file(WRITE "${BATCH_OUTPUT}" "${output}")
    message(STATUS "${BATCH_SOURCE}: compiled as one unit (exit ${result}); its files' tests read ${BATCH_OUTPUT}")
    return()
endif()

file(STRINGS "${SOURCE}" first_line LIMIT_COUNT 1)
if(NOT first_line MATCHES "^[ \t]*//[ \t]*expect:[ \t]*(.*[^ \t])[ \t]*$")
    message(FATAL_ERROR "${SOURCE}: the first line must be `// expect: <regex>`, the error the compiler must report; it is: ${first_line}")
endif()
set(expect "${CMAKE_MATCH_1}")

# The lines of the batch's output that belong to SOURCE. A line that starts with a test file's path
# names the file whose code the diagnostic comes from; an error or note in a header belongs to the file
# named last; context lines before it ("In file included from", "In instantiation of", "required from"
# in a header) belong to the file named next.
function(drf_compile_fail_attributed output source out_var)
    get_filename_component(dir "${source}" DIRECTORY)
    # CMake lists split on ';' and keep '[' ... ']' together: hide them while splitting into lines.
    string(REPLACE ";" "<drf-semicolon>" output "${output}")
    string(REPLACE "[" "<drf-open>" output "${output}")
    string(REPLACE "]" "<drf-close>" output "${output}")
    string(REPLACE "\n" ";" lines "${output}")
    set(current "")
    set(pending "")
    set(mine "")
    foreach(line IN LISTS lines)
        set(named "")
        string(FIND "${line}" "${dir}/" at)
        if(at EQUAL 0)
            string(LENGTH "${dir}/" skip)
            string(SUBSTRING "${line}" ${skip} -1 rest)
            if(rest MATCHES "^([A-Za-z0-9_]+\\.cpp):")
                set(named "${dir}/${CMAKE_MATCH_1}")
            endif()
        endif()
        if(named)
            set(current "${named}")
        endif()
        if(named OR line MATCHES ": (error|warning|note): " OR line MATCHES "^ +[0-9]* \\|")
            if(current STREQUAL source)
                string(APPEND mine "${pending}${line}\n")
            endif()
            set(pending "")
        else()
            string(APPEND pending "${line}\n")
        endif()
    endforeach()
    string(REPLACE "<drf-semicolon>" ";" mine "${mine}")
    string(REPLACE "<drf-open>" "[" mine "${mine}")
    string(REPLACE "<drf-close>" "]" mine "${mine}")
    set(${out_var} "${mine}" PARENT_SCOPE)
endfunction()

if(DEFINED BATCH_OUTPUT)
    set(undecided "")
    if(NOT EXISTS "${BATCH_OUTPUT}")
        set(undecided "its batch wrote no output")
    elseif(NOT DEFINED BATCH_INCLUDES OR NOT EXISTS "${BATCH_INCLUDES}")
        set(undecided "its batch's #include lines are not known")
    else()
        drf_compile_fail_includes("${SOURCE}" includes)
        file(READ "${BATCH_INCLUDES}" batch_includes)
        file(TIMESTAMP "${SOURCE}" source_time "%s")
        file(TIMESTAMP "${BATCH_OUTPUT}" batch_time "%s")
        if(NOT includes STREQUAL batch_includes)
            set(undecided "its #include lines are no longer its batch's (run CMake again)")
        elseif(source_time GREATER batch_time)
            set(undecided "it changed after its batch was compiled")
        else()
            file(READ "${BATCH_OUTPUT}" batch_output)
            drf_compile_fail_attributed("${batch_output}" "${SOURCE}" attributed)
            # The batch's namespace is not the file's: names read as they do when it is compiled alone.
            get_filename_component(name "${SOURCE}" NAME_WE)
            string(REPLACE "drf_compile_fail_${name}::" "" attributed "${attributed}")
            if(NOT attributed MATCHES ": error: ")
                set(undecided "no error of its own in its batch")
            elseif(NOT attributed MATCHES "${expect}")
                set(undecided "its errors in its batch do not match")
            else()
                message(STATUS "${SOURCE}: fails to compile, as expected (in its batch, ${BATCH_OUTPUT}), with: ${expect}")
                return()
            endif()
        endif()
    endif()
    message(STATUS "${SOURCE}: not decided by its batch (${undecided}); compiled alone")
endif()

execute_process(
    COMMAND "${COMPILER}" ${args} "${SOURCE}"
    RESULT_VARIABLE result
    OUTPUT_VARIABLE output
    ERROR_VARIABLE output)

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
