# DependencyRule.cmake — the layout's dependency rule (DESIGN §7) as a build fact, not a review
# habit:
#
#   spec/      includes nothing of ours
#   support/   includes nothing of ours (process, parallel_for)
#   model/     may include spec/ and model/
#   engine/    may include model/, spec/, support/ and engine/ — never verifier/
#   verifier/  may include model/, spec/, support/ and verifier/ — never engine/
#
# leastpriv_dependency_rule(<target> <folder> ALLOW <folder>...) adds a check that runs before
# <target> is compiled, on every build: every `#include "x/..."` in <folder>, and every `<x/...>` that
# names one of our folders, must name an allowed folder. A forbidden include fails the build with the file and line.
#
# Tested by: tests/layout/dependency_rule_test.sh (a forbidden include in a scratch copy fails)
#
# IMPLEMENTATION: a custom target per library runs cmake -P on this file in script mode, which
# scans the folder's .h/.cpp files with a regular expression; cheap (a few hundred files).

if(CMAKE_SCRIPT_MODE_FILE)
  cmake_policy(VERSION 3.25)
  # Script mode: FOLDER, ALLOWED (a ;-list, passed as a |-list) and SOURCE_DIR are defined.
  string(REPLACE "|" ";" allowed "${ALLOWED}")
  set(our_folders account batch bench cli engine gate iac model proofs spec support tests verifier)
  file(GLOB_RECURSE sources "${SOURCE_DIR}/${FOLDER}/*.h" "${SOURCE_DIR}/${FOLDER}/*.cpp")
  set(violations "")
  foreach(source ${sources})
    # Both include forms count: `#include <engine/x.h>` finds our headers too.
    file(STRINGS "${source}" includes REGEX "^[ \t]*#[ \t]*include[ \t]+[\"<][a-z_]+/")
    foreach(line ${includes})
      string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]+[\"<]([a-z_]+)/.*" "\\1" folder "${line}")
      # <nlohmann/json.hpp>, <sys/wait.h>: a system header, unless it names one of our folders.
      string(REGEX MATCH "^[ \t]*#[ \t]*include[ \t]+<" angle "${line}")
      if(angle AND NOT folder IN_LIST our_folders)
        continue()
      endif()
      if(NOT folder IN_LIST allowed)
        file(RELATIVE_PATH relative "${SOURCE_DIR}" "${source}")
        string(APPEND violations "\n  ${relative}: ${line}")
      endif()
    endforeach()
  endforeach()
  if(violations)
    message(FATAL_ERROR "dependency rule: ${FOLDER}/ may include only ${allowed}/ (DESIGN §7):${violations}")
  endif()
  return()
endif()

function(leastpriv_dependency_rule target folder)
  cmake_parse_arguments(PARSE_ARGV 2 rule "" "" "ALLOW")
  list(JOIN rule_ALLOW "|" allowed)
  add_custom_target(${target}_dependency_rule
    COMMAND ${CMAKE_COMMAND} -DFOLDER=${folder} "-DALLOWED=${allowed}" -DSOURCE_DIR=${PROJECT_SOURCE_DIR}
            -P ${CMAKE_CURRENT_FUNCTION_LIST_FILE}
    COMMENT "dependency rule: ${folder}/ includes only ${allowed}"
    VERBATIM)
  add_dependencies(${target} ${target}_dependency_rule)
endfunction()
