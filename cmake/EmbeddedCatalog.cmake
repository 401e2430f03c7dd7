# EmbeddedCatalog.cmake — builds the catalog snapshot into a target as pre-sorted constant data,
# for include() from the top-level CMakeLists.txt:
#
#   include(cmake/EmbeddedCatalog.cmake)
#   leastpriv_embed_catalog(leastpriv_model ${PROJECT_SOURCE_DIR}/spec/catalog/aws-catalog.txt)
#
# Tested by: tests/unit/embedded_catalog_test.cpp (the embedded layout equals the snapshot file
# parsed at run time: same actions, same identity, same canonical hash).
#
# IMPLEMENTATION: a custom command runs leastpriv_catalog_layout_generator (model/, a host tool
# that links the catalog reader) on the snapshot and writes embedded_catalog_data.cpp into the
# target's build folder (model/embedded_catalog.h says what it holds and why). The command
# depends on the snapshot and on the generator, so an edited snapshot or a changed reader (its
# sort order, its validation) regenerates the data; the generator leaves an unchanged output
# untouched, and Ninja's restat then rebuilds nothing. (Until issue 14 the snapshot text was
# pulled in with `.incbin` and parsed on every start, ~20 ms.)

include_guard(GLOBAL)

# leastpriv_embed_catalog(<target> <snapshot_path>)
# Adds model/embedded_catalog.cpp and the generated layout of <snapshot_path> (relative paths are
# taken from the calling directory) to <target>; Catalog::embedded() then returns that catalog.
# The leastpriv_catalog_layout_generator target must exist. <target> must have the repository
# root on its include path (#include "model/...").
function(leastpriv_embed_catalog target snapshot_path)
  if(NOT TARGET ${target})
    message(FATAL_ERROR "leastpriv_embed_catalog: `${target}` is not a target")
  endif()
  if(NOT TARGET leastpriv_catalog_layout_generator)
    message(FATAL_ERROR "leastpriv_embed_catalog: define leastpriv_catalog_layout_generator (model/) first")
  endif()
  get_filename_component(snapshot "${snapshot_path}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  if(NOT EXISTS "${snapshot}" OR IS_DIRECTORY "${snapshot}")
    message(FATAL_ERROR "leastpriv_embed_catalog: snapshot `${snapshot}` is not a file")
  endif()
  set(generated "${CMAKE_CURRENT_BINARY_DIR}/embedded_catalog_data.cpp")
  add_custom_command(
    OUTPUT "${generated}"
    COMMAND leastpriv_catalog_layout_generator "${snapshot}" "${generated}"
    DEPENDS leastpriv_catalog_layout_generator "${snapshot}"
    COMMENT "embedded catalog: the pre-sorted layout of ${snapshot_path}"
    VERBATIM)
  target_sources(${target} PRIVATE "${PROJECT_SOURCE_DIR}/model/embedded_catalog.cpp" "${generated}")
endfunction()
