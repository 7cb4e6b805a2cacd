# rivet_check_layers(): after the whole project is configured, writes every
# target's direct links to link_graph.txt in the build tree ("target<TAB>
# linked item" per line) and registers the CTest test that checks them, and
# every #include of the modules' sources, against docs/architecture.md.
include_guard(GLOBAL)

function(rivet_collect_targets dir out)
    get_property(targets DIRECTORY "${dir}" PROPERTY BUILDSYSTEM_TARGETS)
    get_property(subdirs DIRECTORY "${dir}" PROPERTY SUBDIRECTORIES)
    foreach(sub IN LISTS subdirs)
        rivet_collect_targets("${sub}" more)
        list(APPEND targets ${more})
    endforeach()
    set(${out} ${targets} PARENT_SCOPE)
endfunction()

function(rivet_write_link_graph)
    rivet_collect_targets("${PROJECT_SOURCE_DIR}" targets)
    set(lines "")
    foreach(target IN LISTS targets)
        get_target_property(type ${target} TYPE)
        set(links "")
        if(NOT type STREQUAL "INTERFACE_LIBRARY")
            get_target_property(links ${target} LINK_LIBRARIES)
        endif()
        get_target_property(interface_links ${target} INTERFACE_LINK_LIBRARIES)
        foreach(item IN LISTS links interface_links)
            if(item AND NOT item MATCHES "NOTFOUND$" AND NOT item MATCHES "^\\$<")
                string(APPEND lines "${target}\t${item}\n")
            endif()
        endforeach()
    endforeach()
    file(WRITE "${CMAKE_BINARY_DIR}/link_graph.txt" "${lines}")
endfunction()

function(rivet_check_layers)
    find_package(Python3 REQUIRED COMPONENTS Interpreter)
    cmake_language(DEFER DIRECTORY "${PROJECT_SOURCE_DIR}" CALL rivet_write_link_graph)
    add_test(NAME architecture.layers
        COMMAND Python3::Interpreter "${PROJECT_SOURCE_DIR}/tests/architecture/layers.py"
                --root "${PROJECT_SOURCE_DIR}" --link-graph "${CMAKE_BINARY_DIR}/link_graph.txt")
    set_tests_properties(architecture.layers PROPERTIES LABELS architecture TIMEOUT 60)
endfunction()
