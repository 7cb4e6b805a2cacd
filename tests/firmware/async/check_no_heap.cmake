# Fails when the linked firmware ELF has a heap: any symbol of malloc and
# its family, or of the global operator new / delete (Itanium names, 32-bit
# size_t: _Znwj, _Znaj, _ZdlPv...). -DNM=arm-none-eabi-nm -DELF=...
execute_process(COMMAND "${NM}" "${ELF}" RESULT_VARIABLE code OUTPUT_VARIABLE symbols
    ERROR_VARIABLE err)
if(NOT code EQUAL 0)
    message(FATAL_ERROR "${NM} ${ELF}: ${err}")
endif()
string(REGEX MATCHALL "[ \n][A-Za-z] (_?_?(malloc|calloc|realloc|free|_malloc_r|_free_r|_calloc_r|_realloc_r|sbrk|_sbrk|_sbrk_r)|_Znw[jm][A-Za-z0-9_]*|_Zna[jm][A-Za-z0-9_]*|_Zdl[A-Za-z0-9_]*|_Zda[A-Za-z0-9_]*)(@[^\n]*)?\n"
    heap "${symbols}")
if(heap)
    string(REPLACE "\n" " " heap "${heap}")
    message(FATAL_ERROR "${ELF} links a heap: ${heap}")
endif()
string(REGEX MATCHALL "\n[0-9a-f]+ [A-Za-z] [^\n]*frames[^\n]*storage[^\n]*" pools "${symbols}")
list(LENGTH pools count)
message("${ELF}: no heap symbols; ${count} frame pool storage symbols")
if(count EQUAL 0)
    message(FATAL_ERROR "${ELF}: no frame pool storage found, so this check proves nothing")
endif()
