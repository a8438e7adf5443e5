# Fails the build when a module includes a header of a module it does not
# declare as a dependency (see brandlens_module in src/CMakeLists.txt).
# Every module shares the include root src/, so the compiler alone would let
# any module reach into any other; this check keeps the layering honest.
# Inputs: MODULE, ALLOWED (;-separated module names), FILES (;-separated
# sources and headers), STAMP (written on success).
cmake_minimum_required(VERSION 3.25)
set(violations "")
foreach(file IN LISTS FILES)
  file(STRINGS "${file}" includes REGEX "^[ \t]*#[ \t]*include[ \t]+\"[a-z_]+/")
  foreach(line IN LISTS includes)
    string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]+\"([a-z_]+)/.*" "\\1" used "${line}")
    if(NOT used STREQUAL MODULE AND NOT used IN_LIST ALLOWED)
      string(APPEND violations "  ${file}: includes ${used}/, which module ${MODULE} does not depend on\n")
    endif()
  endforeach()
endforeach()
if(violations)
  message(FATAL_ERROR "layering violation in module ${MODULE} (allowed: ${ALLOWED}):\n${violations}"
                      "Add the dependency to brandlens_module(${MODULE} ...) in src/CMakeLists.txt if it is intended.")
endif()
file(WRITE "${STAMP}" "ok\n")
