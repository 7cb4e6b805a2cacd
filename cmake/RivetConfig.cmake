# find_package(Rivet) entry for out-of-tree firmware projects:
#   find_package(Rivet REQUIRED PATHS /path/to/rivet/cmake)
# gives rivet_add_firmware() and the boards. Configure the project with
# -DCMAKE_TOOLCHAIN_FILE=/path/to/rivet/cmake/arm-none-eabi.cmake.
if(NOT CMAKE_CROSSCOMPILING)
    message(FATAL_ERROR "Rivet firmware needs the arm-none-eabi toolchain: configure with -DCMAKE_TOOLCHAIN_FILE=${CMAKE_CURRENT_LIST_DIR}/arm-none-eabi.cmake")
endif()
enable_language(ASM)
include("${CMAKE_CURRENT_LIST_DIR}/Rivet.cmake")
