# The property suite's shared code (issue 4): generators and test-only oracles, compiled once
# and linked into every tests/property/*_test.cpp. Included from tests/CMakeLists.txt after
# the test executables exist.
add_library(leastpriv_property_support STATIC
  ${CMAKE_CURRENT_LIST_DIR}/generators.cpp
  ${CMAKE_CURRENT_LIST_DIR}/oracles.cpp)
target_include_directories(leastpriv_property_support PUBLIC ${PROJECT_SOURCE_DIR})
target_link_libraries(leastpriv_property_support PUBLIC leastpriv_engine leastpriv_spec rapidcheck)

file(GLOB property_test_sources CONFIGURE_DEPENDS ${CMAKE_CURRENT_LIST_DIR}/*_test.cpp)
foreach(property_source ${property_test_sources})
  get_filename_component(property_test ${property_source} NAME_WE)
  target_link_libraries(${property_test} PRIVATE leastpriv_property_support)
endforeach()
