# cmake/drfHelpers.cmake — the functions drf's own CMakeLists use: optional components, which source
# file needs which component, and the flags for drf's own programs. Not installed; consumers never see it.
include_guard(GLOBAL)

# The third-party headers that need an optional component's dependency linked, as
# "<regex on the included path>=<component>" pairs. drf_components_used() reads them.
set(DRF_HEADER_COMPONENTS
    "^openssl/=crypto"
    "^sqlite3\\.h$=sqlite"
    "^libpq-fe\\.h$=postgresql"
    "^CLI/=commands"
    "^boost/(beast|asio)[/.]=server")

# drf_add_component(<name> ENABLED <bool> [FOUND <bool> WHY <text>] [NEEDS <components>...] [LINK <targets>...])
# Creates the INTERFACE target drf_<name> (alias drf::<name>, exported as drf::<name>) linking
# drf::drf, the components it NEEDS and LINK, when ENABLED, FOUND (default true: a dependency's
# find_package result, WHY saying what is missing otherwise) and every needed component exists;
# records it in DRF_COMPONENTS or DRF_COMPONENTS_SKIPPED. The target defines DRF_HAS_<NAME>=1: without
# it, the component's headers #error (drf::drf defines DRF_COMPONENT_CHECKS, which turns the check on).
function(drf_add_component name)
    cmake_parse_arguments(PARSE_ARGV 1 arg "" "ENABLED;FOUND;WHY" "NEEDS;LINK")
    if(NOT DEFINED arg_FOUND AND NOT "FOUND" IN_LIST arg_KEYWORDS_MISSING_VALUES)
        set(arg_FOUND TRUE)  # no FOUND at all: nothing to find (FOUND "" is an unset variable: not found)
    endif()
    set(missing_need "")
    foreach(need IN LISTS arg_NEEDS)
        if(NOT TARGET drf_${need})
            set(missing_need "${need}")
            break()
        endif()
    endforeach()
    if(NOT arg_ENABLED)
        string(TOUPPER "${name}" option)
        list(APPEND DRF_COMPONENTS_SKIPPED "${name} (DRF_WITH_${option} is OFF)")
    elseif(NOT arg_FOUND)
        list(APPEND DRF_COMPONENTS_SKIPPED "${name} (${arg_WHY})")
    elseif(missing_need)
        list(APPEND DRF_COMPONENTS_SKIPPED "${name} (needs drf::${missing_need})")
    else()
        add_library(drf_${name} INTERFACE)
        add_library(drf::${name} ALIAS drf_${name})
        set_target_properties(drf_${name} PROPERTIES EXPORT_NAME ${name})
        list(TRANSFORM arg_NEEDS PREPEND "drf::" OUTPUT_VARIABLE needed_targets)
        target_link_libraries(drf_${name} INTERFACE drf::drf ${needed_targets} ${arg_LINK})
        string(TOUPPER "${name}" upper)
        target_compile_definitions(drf_${name} INTERFACE DRF_HAS_${upper}=1)
        list(APPEND DRF_COMPONENTS ${name})
    endif()
    set(DRF_COMPONENTS "${DRF_COMPONENTS}" PARENT_SCOPE)
    set(DRF_COMPONENTS_SKIPPED "${DRF_COMPONENTS_SKIPPED}" PARENT_SCOPE)
endfunction()

# drf_components_used(<out-var> <source-file>)
# Sets <out-var> to the optional components a source file needs: those whose dependency's headers it
# includes, directly or through the drf headers it includes (followed transitively through
# include/drf/). Each file is read once per CMake run.
function(drf_components_used out file)
    set(queue "${file}")
    set(seen "${file}")
    set(components "")
    while(queue)
        list(POP_FRONT queue current)
        get_property(known GLOBAL PROPERTY "DRF_SCAN_${current}" SET)
        if(NOT known)
            file(STRINGS "${current}" lines REGEX "^[ \t]*#[ \t]*include[ \t]*<")
            set(drf_headers "")
            set(needs "")
            foreach(line IN LISTS lines)
                if(NOT line MATCHES "<([^>]+)>")
                    continue()
                endif()
                set(header "${CMAKE_MATCH_1}")
                if(header MATCHES "^drf/")
                    list(APPEND drf_headers "${header}")
                endif()
                foreach(pair IN LISTS DRF_HEADER_COMPONENTS)
                    string(FIND "${pair}" "=" at REVERSE)
                    string(SUBSTRING "${pair}" 0 ${at} regex)
                    math(EXPR at "${at} + 1")
                    string(SUBSTRING "${pair}" ${at} -1 component)
                    if(header MATCHES "${regex}")
                        list(APPEND needs ${component})
                    endif()
                endforeach()
            endforeach()
            set_property(GLOBAL PROPERTY "DRF_SCAN_${current}" "${drf_headers}")
            set_property(GLOBAL PROPERTY "DRF_NEEDS_${current}" "${needs}")
        endif()
        get_property(drf_headers GLOBAL PROPERTY "DRF_SCAN_${current}")
        get_property(needs GLOBAL PROPERTY "DRF_NEEDS_${current}")
        list(APPEND components ${needs})
        foreach(header IN LISTS drf_headers)
            set(path "${PROJECT_SOURCE_DIR}/include/${header}")
            if(EXISTS "${path}" AND NOT path IN_LIST seen)
                list(APPEND seen "${path}")
                list(APPEND queue "${path}")
            endif()
        endforeach()
    endwhile()
    list(REMOVE_DUPLICATES components)
    set(${out} "${components}" PARENT_SCOPE)
endfunction()

# drf_missing_components(<out-var> <source-file>)
# Sets <out-var> to the components the file needs (drf_components_used) that this build does not
# provide; empty when everything it needs is there.
function(drf_missing_components out file)
    drf_components_used(used "${file}")
    set(missing "")
    foreach(component IN LISTS used)
        if(NOT component IN_LIST DRF_COMPONENTS)
            list(APPEND missing ${component})
        endif()
    endforeach()
    set(${out} "${missing}" PARENT_SCOPE)
endfunction()

# drf_unity_build(<target> <files-per-unit>)
# A unity build of one of drf's own programs (drf_tests, docs_pages, drf_benchmarks): its sources are
# compiled <files-per-unit> at a time as one translation unit. g++ takes a file #included by the unit
# for a header, and warns when a template instantiated there holds a closure type from it (a lambda in a
# test's serializer): in a header that would break the one-definition rule across translation units;
# a source file is in one unit only.
function(drf_unity_build target batch)
    set_target_properties(${target} PROPERTIES UNITY_BUILD ON UNITY_BUILD_BATCH_SIZE ${batch})
    if(CMAKE_CXX_COMPILER_ID STREQUAL "GNU")
        target_compile_options(${target} PRIVATE -Wno-subobject-linkage)
    endif()
endfunction()

# drf_program(<target>)
# What every drf-owned program gets: the library with every provided component, warnings as errors,
# and the sanitizers when DRF_SANITIZE is on.
function(drf_program target)
    target_link_libraries(${target} PRIVATE drf::all drf_dev_flags)
endfunction()
