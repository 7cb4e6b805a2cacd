# What `cmake --install` (`make install PREFIX=...`) puts where, and the
# Debian package CPack makes of the same files (`make package`):
#
#   bin/rivet, bin/rivet-fontgen   the tools
#   share/rivet/cmake              the CMake package: RivetConfig.cmake, which
#                                  find_package(Rivet) finds under the prefix,
#                                  the toolchain file, rivet_add_firmware,
#                                  rivet_svd_generate
#   share/rivet/firmware           the firmware libraries (headers, sources,
#                                  the chips' SVDs), without their tests
#   share/rivet/boards             the board descriptions and their BSPs
#   share/rivet/contracts          what host and firmware both speak
#   share/rivet/templates          `rivet new`'s project templates
#   share/doc/rivet                the README and docs/
#
# The share/rivet tree has the layout of the source tree, so the package's
# files find each other the same way in a clone and in an installation.
include_guard(GLOBAL)
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

set(RIVET_INSTALL_ROOT "${CMAKE_INSTALL_DATADIR}/rivet")

install(TARGETS rivet rivet-fontgen RUNTIME DESTINATION "${CMAKE_INSTALL_BINDIR}")

# The firmware build's modules; RivetHost, RivetArchitecture and this file
# are Rivet's own build.
install(FILES
    cmake/Rivet.cmake cmake/RivetConfig.cmake cmake/RivetChip.cmake cmake/RivetCompileFail.cmake
    cmake/RivetFlipLink.cmake cmake/RivetRunTest.cmake cmake/RivetTest.cmake
    cmake/RivetDiscoverTests.cmake cmake/RivetSvd.cmake
    cmake/RivetSvdInterrupts.cmake cmake/arm-none-eabi.cmake
    DESTINATION "${RIVET_INSTALL_ROOT}/cmake")
install(DIRECTORY cmake/templates DESTINATION "${RIVET_INSTALL_ROOT}/cmake")
write_basic_package_version_file("${CMAKE_CURRENT_BINARY_DIR}/RivetConfigVersion.cmake"
    VERSION ${PROJECT_VERSION} COMPATIBILITY SameMinorVersion ARCH_INDEPENDENT)
install(FILES "${CMAKE_CURRENT_BINARY_DIR}/RivetConfigVersion.cmake"
    DESTINATION "${RIVET_INSTALL_ROOT}/cmake")

install(DIRECTORY firmware DESTINATION "${RIVET_INSTALL_ROOT}"
    PATTERN test EXCLUDE PATTERN compile_fail EXCLUDE PATTERN simulator EXCLUDE
    PATTERN "*_test.cpp" EXCLUDE PATTERN "*_fuzz.cpp" EXCLUDE PATTERN fuzz_corpus EXCLUDE)
install(DIRECTORY boards DESTINATION "${RIVET_INSTALL_ROOT}")
install(DIRECTORY contracts/include DESTINATION "${RIVET_INSTALL_ROOT}/contracts")
install(DIRECTORY templates DESTINATION "${RIVET_INSTALL_ROOT}")
install(FILES README.md DESTINATION "${CMAKE_INSTALL_DOCDIR}")
install(DIRECTORY docs/ DESTINATION "${CMAKE_INSTALL_DOCDIR}")

# `make package`: rivet_<version>_<arch>.deb, for `apt-get install ./rivet_*.deb`.
# The libraries rivet links come from dpkg-shlibdeps; the firmware build's
# tools are named here.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME rivet)
set(CPACK_PACKAGE_VENDOR "Rivet")
set(CPACK_PACKAGE_CONTACT "Rivet maintainers <rivet@localhost>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY
    "C++20 toolkit for Cortex-M firmware: the rivet tool, firmware libraries, boards")
set(CPACK_PACKAGE_DESCRIPTION "rivet runs firmware under QEMU or on a board through a GDB \
server, streams and decodes its deferred logs, reports faults with a backtrace, generates \
register headers from SVD files and starts new projects (rivet new). The package holds the \
CMake package (find_package(Rivet)) with the arm-none-eabi toolchain file, the firmware \
libraries, chip data and board descriptions.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION devel)
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The tools without their debug info (a RelWithDebInfo build of them carries ~60 MB).
set(CPACK_STRIP_FILES ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "cmake (>= 3.25), ninja-build, gcc-arm-none-eabi, libnewlib-arm-none-eabi, libstdc++-arm-none-eabi-newlib, qemu-system-arm, xfonts-base")
set(CPACK_DEBIAN_PACKAGE_SUGGESTS "gdb-multiarch, openocd, python3-pyocd")
include(CPack)
