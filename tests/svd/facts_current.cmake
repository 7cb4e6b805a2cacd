# The facts files the chips build from (firmware/chips/*/*.facts.svd) are
# what their own "Made by:" command makes from the corpus today: each command
# runs again in CORPUS and the output must be the shipped file, byte for
# byte. With -DUPDATE=ON the shipped files are rewritten instead (after a
# change to `rivet svd facts` or to the corpus).
#   cmake -DTOOL=rivet -DCORPUS=../shared/svd -DROOT=. -DOUT=dir [-DUPDATE=ON] -P facts_current.cmake
file(GLOB shipped ${ROOT}/firmware/chips/*/*.facts.svd)
if(NOT shipped)
    message(FATAL_ERROR "no facts files in ${ROOT}/firmware/chips")
endif()
file(MAKE_DIRECTORY ${OUT})
set(stale "")
foreach(file IN LISTS shipped)
    get_filename_component(name ${file} NAME)
    file(STRINGS ${file} made REGEX "^  Made by: rivet svd facts " LIMIT_COUNT 1)
    if(NOT made)
        message(FATAL_ERROR "${file}: no \"Made by: rivet svd facts ...\" line")
    endif()
    string(REGEX REPLACE "^  Made by: rivet " "" arguments "${made}")
    separate_arguments(arguments UNIX_COMMAND "${arguments}")
    execute_process(COMMAND ${TOOL} ${arguments} WORKING_DIRECTORY ${CORPUS}
        OUTPUT_FILE ${OUT}/${name} ERROR_VARIABLE err RESULT_VARIABLE rc)
    if(NOT rc EQUAL 0)
        message(FATAL_ERROR "${file}: `${made}` in ${CORPUS} failed (exit ${rc}):\n${err}")
    endif()
    execute_process(COMMAND ${CMAKE_COMMAND} -E compare_files ${OUT}/${name} ${file}
        RESULT_VARIABLE differ)
    if(differ AND UPDATE)
        file(COPY_FILE ${OUT}/${name} ${file})
        message(STATUS "updated ${file}")
    elseif(differ)
        list(APPEND stale "${file}")
    endif()
endforeach()
if(stale)
    list(JOIN stale "\n  " stale)
    message(FATAL_ERROR "not what their commands make from ${CORPUS} now (new files in ${OUT}; "
        "refresh with cmake -DTOOL=... -DCORPUS=... -DROOT=... -DOUT=... -DUPDATE=ON -P "
        "${CMAKE_CURRENT_LIST_FILE}):\n  ${stale}")
endif()
