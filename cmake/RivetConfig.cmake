# find_package(Rivet) entry for projects outside Rivet's tree, from an
# installed package (<prefix>/lib/cmake/Rivet) or a clone (-DRivet_DIR=<clone>/cmake).
# In a firmware build, configured with -DCMAKE_TOOLCHAIN_FILE=${RIVET_TOOLCHAIN_FILE}
# (cmake/arm-none-eabi.cmake): rivet_add_firmware(), rivet_svd_generate(),
# the boards and the firmware libraries. In a host build (your drivers'
# unit tests): rivet_hal and rivet_hal_fakes, the HAL concepts and their fakes.
get_filename_component(RIVET_ROOT "${CMAKE_CURRENT_LIST_DIR}/.." ABSOLUTE)
set(RIVET_TOOLCHAIN_FILE "${CMAKE_CURRENT_LIST_DIR}/arm-none-eabi.cmake")
list(APPEND CMAKE_MODULE_PATH "${CMAKE_CURRENT_LIST_DIR}")
if(NOT CMAKE_CROSSCOMPILING)
    if(NOT TARGET rivet_hal)
        add_subdirectory("${RIVET_ROOT}/firmware/hal" "${CMAKE_BINARY_DIR}/rivet/hal")
    endif()
    function(rivet_add_firmware name)
        message(FATAL_ERROR "rivet_add_firmware(${name}): firmware needs the arm-none-eabi "
            "toolchain: configure with -DCMAKE_TOOLCHAIN_FILE=${RIVET_TOOLCHAIN_FILE}")
    endfunction()
    return()
endif()
enable_language(ASM)
include("${CMAKE_CURRENT_LIST_DIR}/Rivet.cmake")
