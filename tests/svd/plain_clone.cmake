# A plain clone builds and runs the boards whose chips came from vendor SVDs:
# the tracked files of the work tree (uncommitted edits included, untracked
# files not, as a commit would have them) go to OUT/rivet, whose ../shared
# does not exist; the firmware is configured there with `rivet` of this
# build, one example per facts-built chip is built, and they run under QEMU
# through the clone's own CTest tests.
#   cmake -DROOT=<repo> -DTOOL=rivet -DCTEST=ctest -DOUT=dir -P plain_clone.cmake
file(REMOVE_RECURSE ${OUT})
set(clone ${OUT}/rivet)
file(MAKE_DIRECTORY ${clone})
if(EXISTS ${OUT}/shared)
    message(FATAL_ERROR "${OUT}/shared exists: not a plain clone")
endif()
function(step)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "${ARGN}: exit ${rc}\n${out}\n${err}")
    endif()
    set(step_out "${out}" PARENT_SCOPE)
endfunction()
# `git stash create` commits the work tree's tracked files without touching
# anything (nothing when there are no edits: then HEAD is the clone).
step(git -C ${ROOT} stash create)
string(STRIP "${step_out}" commit)
if(NOT commit)
    set(commit HEAD)
endif()
step(git -C ${ROOT} archive --format=tar -o ${OUT}/clone.tar ${commit})
step(${CMAKE_COMMAND} -E chdir ${clone} ${CMAKE_COMMAND} -E tar xf ${OUT}/clone.tar)
set(examples microbit-blink netduinoplus2-blink mps2-an385-blink)
step(${CMAKE_COMMAND} -S ${clone} -B ${clone}/build/firmware -G Ninja
    -DCMAKE_TOOLCHAIN_FILE=${clone}/cmake/arm-none-eabi.cmake -DCMAKE_BUILD_TYPE=MinSizeRel
    -DRIVET_WERROR=ON -DRIVET_EXECUTABLE=${TOOL})
step(${CMAKE_COMMAND} --build ${clone}/build/firmware -j 2 --target ${examples})
list(JOIN examples "|" names)
step(${CTEST} --test-dir ${clone}/build/firmware -R "^(${names})$" --output-on-failure)
if(NOT step_out MATCHES "100% tests passed, 0 tests failed out of 3")
    message(FATAL_ERROR "expected 3 examples to run:\n${step_out}")
endif()
file(REMOVE_RECURSE ${OUT})
