# EmbeddedCatalog.cmake — builds the catalog snapshot into a target, for include() from the
# top-level CMakeLists.txt:
#
#   include(cmake/EmbeddedCatalog.cmake)
#   leastpriv_embed_catalog(leastpriv_model ${PROJECT_SOURCE_DIR}/spec/catalog/aws-catalog.txt)
#
# Tested by: tests/unit/catalog_test.cpp (the embedded bytes equal the snapshot file, and parse as
# the default catalog).
#
# IMPLEMENTATION: model/embedded_catalog.S pulls the file in with `.incbin` (see there for why).
# Three things make that work in CMake:
# - the ASM language must be enabled (for .S files CMake drives the C compiler, gcc, which runs
#   the preprocessor first); enable_language() is only allowed at file scope, so it is done here
#   when the file is included, not inside the function. Listing ASM in project() is cleaner.
# - the path reaches the assembler as the quoted define LEASTPRIV_CATALOG_PATH, set on the .S
#   file only, so changing it rebuilds one object rather than the whole target.
# - OBJECT_DEPENDS on the snapshot: neither the compiler's -MD output nor Ninja's depfile sees an
#   `.incbin`, so without it an edited snapshot would not be re-embedded.
# Source-file properties are scoped to a directory; TARGET_DIRECTORY (CMake 3.18) sets them where
# the target was created, so the function may be called from any directory.

include_guard(GLOBAL)

if(CMAKE_VERSION VERSION_LESS 3.18)
  message(FATAL_ERROR "EmbeddedCatalog.cmake needs CMake 3.18 or newer (set_source_files_properties TARGET_DIRECTORY)")
endif()

get_property(_leastpriv_enabled_languages GLOBAL PROPERTY ENABLED_LANGUAGES)
if(NOT "ASM" IN_LIST _leastpriv_enabled_languages)
  enable_language(ASM)
endif()
unset(_leastpriv_enabled_languages)

set(_LEASTPRIV_EMBEDDED_CATALOG_DIR "${CMAKE_CURRENT_LIST_DIR}/../model")

# leastpriv_embed_catalog(<target> <snapshot_path>)
# Adds embedded_catalog.S and embedded_catalog.cpp to <target>; embedded_catalog_text() then
# returns the bytes of <snapshot_path> (relative paths are taken from the calling directory).
# <target> must have the repository root on its include path (#include "model/...").
function(leastpriv_embed_catalog target snapshot_path)
  if(NOT TARGET ${target})
    message(FATAL_ERROR "leastpriv_embed_catalog: `${target}` is not a target")
  endif()
  get_filename_component(snapshot "${snapshot_path}" ABSOLUTE BASE_DIR "${CMAKE_CURRENT_SOURCE_DIR}")
  if(NOT EXISTS "${snapshot}" OR IS_DIRECTORY "${snapshot}")
    message(FATAL_ERROR "leastpriv_embed_catalog: snapshot `${snapshot}` is not a file")
  endif()
  # The path becomes a string in assembler source: a quote, backslash or newline would break it.
  if(snapshot MATCHES "[\"\\\\\n]")
    message(FATAL_ERROR "leastpriv_embed_catalog: snapshot path `${snapshot}` contains a quote, backslash or newline")
  endif()

  set(asm_source "${_LEASTPRIV_EMBEDDED_CATALOG_DIR}/embedded_catalog.S")
  target_sources(${target} PRIVATE
    "${asm_source}"
    "${_LEASTPRIV_EMBEDDED_CATALOG_DIR}/embedded_catalog.cpp")
  set_source_files_properties("${asm_source}" TARGET_DIRECTORY ${target} PROPERTIES
    COMPILE_DEFINITIONS "LEASTPRIV_CATALOG_PATH=\"${snapshot}\""
    OBJECT_DEPENDS "${snapshot}")
endfunction()
