# `rivet new` from an installed prefix (issue 12): a project for every
# board, each template on at least one, each run with exactly the commands
# its README shows (its ```sh blocks), from outside the source tree; and
# the inputs rivet new refuses, with their exit code (docs/exit-codes.md).
# Called as: bash new_projects.sh HOST_BUILD_DIR SOURCE_ROOT
source "$(dirname "$0")/lib.sh"
install_prefix
rivet=$prefix/bin/rivet
cd "$WORK" || exit 1

# What each template's firmware prints when `run` ends well.
declare -A template_of=([lm3s6965evb]=logging [mps2-an385]=async)
declare -A done_line=([blink]="5 beats" [logging]="beat 3 done" [async]="both tasks done")

for board in $("$rivet" boards | awk '/^[a-z]/ {print $1}'); do
    template=${template_of[$board]:-blink}
    name=app-$board
    if ! "$rivet" new "$name" --board "$board" --template "$template" >"$WORK/new.log" 2>&1; then
        fail "$board: rivet new: $(cat "$WORK/new.log")"
        continue
    fi
    for file in CMakeLists.txt CMakePresets.json README.md .gitignore src/main.cpp src/board.hpp \
        tests/main_test.cpp .vscode/tasks.json .vscode/launch.json; do
        [ -f "$name/$file" ] || fail "$board: no $file"
    done
    python3 -m json.tool "$name/.vscode/launch.json" >/dev/null &&
        python3 -m json.tool "$name/.vscode/tasks.json" >/dev/null &&
        python3 -m json.tool "$name/CMakePresets.json" >/dev/null ||
        fail "$board: a JSON file of the project does not parse"
    grep -rqF "$root" "$name" && fail "$board: the project names the source tree $root"
    # The README's commands, in order, each in the project folder.
    mapfile -t commands < <(awk '/^```sh$/ {on=1; next} /^```/ {on=0} on' "$name/README.md")
    [ ${#commands[@]} = 2 ] || fail "$board: the README shows ${#commands[@]} commands, expected 2"
    i=0
    for command in "${commands[@]}"; do
        i=$((i + 1))
        if (cd "$name" && bash -c "$command") >"$WORK/$name-$i.log" 2>&1; then
            pass "$board ($template): $command"
        else
            fail "$board ($template): $command: $(tail -25 "$WORK/$name-$i.log")"
        fi
    done
    grep -q "${done_line[$template]}" "$WORK/$name-1.log" && pass "$board: the firmware ran" ||
        fail "$board: no '${done_line[$template]}' in the run: $(tail -15 "$WORK/$name-1.log")"
    grep -rlIF "$root" "$name/build" >/dev/null 2>&1 &&
        fail "$board: the build names the source tree: $(grep -rlIF "$root" "$name/build" | head -3)"
done

# Refused input: one line naming the mistake, exit 64, nothing written.
refuse() {
    local what=$1 regex=$2
    shift 2
    "$rivet" "$@" >"$WORK/out" 2>"$WORK/err"
    local code=$?
    if [ "$code" != 64 ]; then
        fail "$what: exit $code, expected 64 ($(cat "$WORK/err"))"
    elif ! grep -Eq "^rivet: error: .*$regex" "$WORK/err"; then
        fail "$what: stderr does not match '$regex': $(cat "$WORK/err")"
    else
        pass "$what: exit 64, $(head -1 "$WORK/err")"
    fi
}
refuse "unknown board" "unknown board 'pdp11' \(known: .*microbit" new x --board pdp11
[ -e x ] && fail "unknown board: x was written"
mkdir taken && echo mine >taken/notes.txt
refuse "non-empty folder" "taken exists and is not an empty folder" new taken --board microbit
[ "$(ls taken)" = notes.txt ] && pass "the folder is left alone" || fail "taken/ was changed: $(ls taken)"
refuse "bad name" "bad project name '1st app'" new "1st app" --board microbit
refuse "unknown template" "unknown template 'rtos' \(templates: async, blink, logging\)" \
    new y --board microbit --template rtos
refuse "async on a board without a time driver" "the async template runs on .*, not on 'lm3s811evb'" \
    new z --board lm3s811evb --template async

finish
