# Shared by the installation tests: each is called as
#   bash SCRIPT.sh HOST_BUILD_DIR SOURCE_ROOT
# and installs that build into a fresh prefix ($prefix) in its own
# temporary folder ($WORK), removed at the end.
set -u
build=$1
root=$2
failures=0
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
prefix=$WORK/prefix
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
pass() { echo "ok: $*"; }

# install_prefix: cmake --install of the build into $prefix.
install_prefix() {
    if cmake --install "$build" --prefix "$prefix" >"$WORK/install.log" 2>&1; then
        pass "cmake --install into a fresh prefix"
    else
        fail "cmake --install: $(tail -20 "$WORK/install.log")"
        finish
    fi
}

finish() {
    if [ "$failures" -ne 0 ]; then
        echo "$failures check(s) failed"
        exit 1
    fi
    echo "all checks passed"
}
