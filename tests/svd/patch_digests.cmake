# `rivet svd patch` writes, for every device of the corpus that stm32-rs
# patches, the SVD it wrote when the digests were recorded, byte for byte
# (plain and --expand): the patcher may get faster, never different. The
# recorded SHA-256 are in DIGESTS, one line per device:
#   <device> <sha256 of `rivet svd patch`> <sha256 of `rivet svd patch --expand`>
# With -DUPDATE=ON the file is rewritten instead (after a change that is
# meant to change the output, or to the corpus).
#   cmake -DTOOL=rivet -DCORPUS=../shared/svd -DDIGESTS=file -DOUT=dir [-DUPDATE=ON] -P patch_digests.cmake
file(GLOB svds ${CORPUS}/stm32/*.svd)
file(MAKE_DIRECTORY ${OUT})
set(recorded "")
if(EXISTS ${DIGESTS})
    file(STRINGS ${DIGESTS} recorded REGEX "^[a-z0-9_]+ [0-9a-f]+ [0-9a-f]+$")
endif()
set(lines "")
set(differ "")
set(devices 0)
foreach(svd IN LISTS svds)
    get_filename_component(dev ${svd} NAME_WE)
    set(yaml ${CORPUS}/stm32-rs-devices/${dev}.yaml)
    if(NOT EXISTS ${yaml})
        continue()
    endif()
    math(EXPR devices "${devices} + 1")
    set(line "${dev}")
    foreach(mode plain expand)
        set(flags "")
        if(mode STREQUAL "expand")
            set(flags --expand)
        endif()
        execute_process(COMMAND ${TOOL} svd patch ${yaml} --svd-root ${CORPUS}/stm32 ${flags}
                -o ${OUT}/${dev}.${mode}.svd
            ERROR_VARIABLE err RESULT_VARIABLE rc)
        if(NOT rc EQUAL 0)
            message(FATAL_ERROR "rivet svd patch ${yaml} ${flags} failed (exit ${rc}):\n${err}")
        endif()
        file(SHA256 ${OUT}/${dev}.${mode}.svd sum)
        string(APPEND line " ${sum}")
    endforeach()
    list(APPEND lines "${line}")
    list(FIND recorded "${line}" at)
    if(at EQUAL -1)
        list(APPEND differ "${dev}")
    endif()
endforeach()
if(devices EQUAL 0)
    message(FATAL_ERROR "no stm32-rs device patch with its SVD in ${CORPUS}")
endif()
list(LENGTH recorded n)
if(UPDATE)
    list(JOIN lines "\n" text)
    file(WRITE ${DIGESTS} "${text}\n")
    message(STATUS "recorded ${devices} devices in ${DIGESTS}")
elseif(differ OR NOT n EQUAL devices)
    list(JOIN differ ", " differ)
    message(FATAL_ERROR "`rivet svd patch` output differs from the recorded digests "
        "(${DIGESTS}, ${n} devices recorded, ${devices} patched) for: ${differ}; outputs in ${OUT}. "
        "If the change is meant, record again with -DUPDATE=ON")
endif()
message(STATUS "${devices} devices: patched output as recorded")
