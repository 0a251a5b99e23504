# tests/cmake/install.cmake — fixture for cmake.find_package: a fresh `cmake --install` of the drf
# build tree into PREFIX, so the consumer sees exactly what an install ships and nothing stale.
#   cmake -DBUILD_DIR=<drf build> -DPREFIX=<dir> -DINCLUDEDIR=include -DCMAKEDIR=share/cmake/drf
#         [-DCONFIG=<config>] -P install.cmake
cmake_minimum_required(VERSION 3.21)
file(REMOVE_RECURSE "${PREFIX}")
set(config_args "")
if(CONFIG)
    set(config_args --config "${CONFIG}")
endif()
execute_process(
    COMMAND "${CMAKE_COMMAND}" --install "${BUILD_DIR}" --prefix "${PREFIX}" ${config_args}
    RESULT_VARIABLE result)
if(NOT result EQUAL 0)
    message(FATAL_ERROR "cmake --install ${BUILD_DIR} --prefix ${PREFIX} failed (${result})")
endif()
foreach(file IN ITEMS ${INCLUDEDIR}/drf/core.hpp ${CMAKEDIR}/drfConfig.cmake ${CMAKEDIR}/drfConfigVersion.cmake)
    if(NOT EXISTS "${PREFIX}/${file}")
        message(FATAL_ERROR "the install is missing ${file}")
    endif()
endforeach()
