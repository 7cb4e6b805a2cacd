# `rivet svd facts` from the outside, on the test SVD in the tree: the
# header names the source with its SHA-256 (checked against CMake's own),
# the patch and the command; no prose is left; `gen` takes the result;
# -P keeps the other peripherals' interrupts; bad names and files fail with
# the documented codes.
include(${CMAKE_CURRENT_LIST_DIR}/cli_run.cmake)

file(REMOVE_RECURSE ${OUT})
file(MAKE_DIRECTORY ${OUT})
set(svd ${DATA}/rivet_test.svd)
file(SHA256 ${svd} svd_hash)

run(0 svd facts ${svd} -o ${OUT}/test.facts.svd)
file(READ ${OUT}/test.facts.svd facts)
expect_match("${facts}" "^<\\?xml [^\n]*\n<!--\n")
expect_match("${facts}" "\n  Source: ${svd} \\(SHA-256 ${svd_hash}\\)\n")
expect_match("${facts}" "\n  Made by: rivet svd facts ${svd}\n")
foreach(prose IN ITEMS "<description>" "Serial port" "<vendor>" "A small hand-written device")
    string(FIND "${facts}" "${prose}" at)
    if(NOT at EQUAL -1)
        message(FATAL_ERROR "the facts file still holds '${prose}'")
    endif()
endforeach()
expect_match("${facts}" "<enumeratedValue>[ \n]*<name>Even</name>[ \n]*<value>2</value>")
run(0 svd gen ${OUT}/test.facts.svd -o ${OUT}/gen)
run(0 svd gen ${svd} -o ${OUT}/gen-vendor)
file(GLOB_RECURSE made RELATIVE ${OUT}/gen ${OUT}/gen/*.hpp)
file(GLOB_RECURSE expected RELATIVE ${OUT}/gen-vendor ${OUT}/gen-vendor/*.hpp)
if(NOT made STREQUAL expected OR NOT made)
    message(FATAL_ERROR "gen made ${made} from the facts, ${expected} from the SVD")
endif()

# A patch first, and only TIMER's registers (UART1 derives from UART0,
# whose registers go; every interrupt stays). To stdout without -o.
file(WRITE ${OUT}/added.yaml "TIMER:\n  _add:\n    EXTRA:\n      description: Added by the test patch\n      addressOffset: 0x80\n      access: read-write\n")
file(SHA256 ${OUT}/added.yaml patch_hash)
run(0 svd facts ${svd} -p ${OUT}/added.yaml -P TIMER)
expect_match("${last_out}" "\n  Patch:  ${OUT}/added.yaml \\(SHA-256 ${patch_hash}\\)\n")
expect_match("${last_out}" "\n  Made by: rivet svd facts ${svd} -p ${OUT}/added.yaml -P TIMER\n")
expect_match("${last_out}" "<name>EXTRA</name>")
string(REGEX MATCHALL "<registers>" blocks "${last_out}")
list(LENGTH blocks blocks)
if(NOT blocks EQUAL 1)
    message(FATAL_ERROR "-P TIMER left ${blocks} register blocks:\n${last_out}")
endif()
file(READ ${svd} vendor)
string(REGEX MATCHALL "<interrupt>" vendor_irqs "${vendor}")
string(REGEX MATCHALL "<interrupt>" facts_irqs "${last_out}")
if(NOT vendor_irqs STREQUAL facts_irqs)
    message(FATAL_ERROR "-P lost interrupts:\n${last_out}")
endif()

run(64 svd facts ${svd} -P TIMER,NOPE)
expect_match("${last_err}" "rivet: error: [^\n]*rivet_test.svd: no peripheral NOPE \\(-P\\)")
run(66 svd facts ${OUT}/missing.svd)
expect_match("${last_err}" "missing.svd: cannot open")
run(64 svd facts)
