#!/usr/bin/env bash
# Installs what building and testing Rivet needs, and nothing that is
# already there: a second run installs nothing. Debian 12 packages only.
set -euo pipefail

packages=(
    # build
    cmake ninja-build g++ pkg-config
    # firmware toolchain and emulator
    gcc-arm-none-eabi libnewlib-arm-none-eabi libstdc++-arm-none-eabi-newlib qemu-system-arm
    # host libraries
    libcli11-dev libfmt-dev nlohmann-json3-dev libelf-dev libdw-dev libpugixml-dev libyaml-dev
    libssl-dev libpng-dev zlib1g-dev
    # fonts rivet-fontgen turns into rivet::gfx fonts (misc-fixed, public domain)
    xfonts-base
    # make package (CPack's Debian generator runs dpkg-shlibdeps and fakeroot)
    dpkg-dev fakeroot
    # tests, fuzzing and benchmarks
    libgtest-dev libgmock-dev libbenchmark-dev clang libclang-rt-14-dev gdb-multiarch python3
)

missing=()
for package in "${packages[@]}"; do
    status=$(dpkg-query -W -f='${Status}' "$package" 2>/dev/null || true)
    [ "$status" = "install ok installed" ] || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "rivet setup: installing ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
# --no-install-recommends: the toolchain's recommends pull in a desktop stack.
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
