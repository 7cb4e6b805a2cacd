# CMake toolchain file for bare-metal Arm Cortex-M with the GNU Arm toolchain
# (Debian: gcc-arm-none-eabi, libnewlib-arm-none-eabi,
# libstdc++-arm-none-eabi-newlib). CPU flags are set per board by
# rivet_add_firmware, so one build can target several boards.
set(CMAKE_SYSTEM_NAME Generic)
set(CMAKE_SYSTEM_PROCESSOR arm)
set(CMAKE_CROSSCOMPILING ON)

set(RIVET_TOOLCHAIN_PREFIX "arm-none-eabi-" CACHE STRING "Prefix of the cross tools")
set(CMAKE_C_COMPILER ${RIVET_TOOLCHAIN_PREFIX}gcc)
set(CMAKE_CXX_COMPILER ${RIVET_TOOLCHAIN_PREFIX}g++)
set(CMAKE_ASM_COMPILER ${RIVET_TOOLCHAIN_PREFIX}gcc)
set(CMAKE_OBJCOPY ${RIVET_TOOLCHAIN_PREFIX}objcopy CACHE FILEPATH "")
set(CMAKE_SIZE ${RIVET_TOOLCHAIN_PREFIX}size CACHE FILEPATH "")

# There is no OS to run a test executable on while configuring.
set(CMAKE_TRY_COMPILE_TARGET_TYPE STATIC_LIBRARY)

set(CMAKE_FIND_ROOT_PATH_MODE_PROGRAM NEVER)
set(CMAKE_FIND_ROOT_PATH_MODE_LIBRARY ONLY)
set(CMAKE_FIND_ROOT_PATH_MODE_INCLUDE ONLY)
