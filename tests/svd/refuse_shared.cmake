# The guard of cmake/RivetSvd.cmake (CMake wraps the message, hence
# [ \n]+ between its words): configuring a project whose target or
# generated registers read ../shared beside Rivet's repository stops with an
# error naming the target; the same project on a folder of its own
# configures. The corpus need not exist: the guard goes by path.
#   cmake -DRIVET_CMAKE=<repo>/cmake -DOUT=dir -P refuse_shared.cmake
get_filename_component(shared "${RIVET_CMAKE}/../../shared" ABSOLUTE)
file(REMOVE_RECURSE ${OUT})
function(configure name body expect_rc expect_regex)
    file(WRITE ${OUT}/${name}/CMakeLists.txt
        "cmake_minimum_required(VERSION 3.25)\nproject(${name} LANGUAGES NONE)\n"
        "list(APPEND CMAKE_MODULE_PATH \"${RIVET_CMAKE}\")\ninclude(RivetSvd)\n"
        "rivet_refuse_shared_targets()\n${body}\n")
    execute_process(COMMAND ${CMAKE_COMMAND} -S ${OUT}/${name} -B ${OUT}/${name}/build
        -DRIVET_SVD_COMMAND=true RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL expect_rc OR NOT "${out}${err}" MATCHES "${expect_regex}")
        message(FATAL_ERROR "${name}: exit ${rc}, expected ${expect_rc} and '${expect_regex}':\n${out}${err}")
    endif()
endfunction()
configure(generate "rivet_svd_generate(regs SVD \"${shared}/svd/nordic/nrf51.svd\")" 1
    "rivet_svd_generate\\(regs\\)[ \n]+reads[ \n]+[^ \n]*shared/svd/nordic/nrf51.svd,[ \n]+which[ \n]+is[ \n]+in")
configure(include_folder "add_library(hal INTERFACE)\ntarget_include_directories(hal INTERFACE \"${shared}/svd\")" 1
    "target[ \n]+hal[ \n]+\\(INTERFACE_INCLUDE_DIRECTORIES\\)[ \n]+reads[ \n]+[^ \n]*shared/svd")
configure(own "rivet_svd_generate(regs SVD \"${OUT}/own/chip.facts.svd\")" 0 "Generating done")
