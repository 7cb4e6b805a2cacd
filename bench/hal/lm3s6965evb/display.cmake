# Included by this folder's CMakeLists.txt: the raw twin of
# examples/lm3s6965evb/display.cpp (SSI0 and the SSD0323 by hand).
rivet_add_firmware(bench-lm3s6965evb-display-raw BOARD lm3s6965evb SOURCES display_raw.cpp)
