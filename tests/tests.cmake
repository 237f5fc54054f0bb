# Tests: cmocka unit tests, spec tests as data, replay of the fuzz corpora,
# and the field's gold suites when ../shared is beside the project.
pkg_check_modules(CMOCKA REQUIRED IMPORTED_TARGET cmocka)

file(GLOB DYAD_UNIT_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/unit/test_*.c)
foreach(src ${DYAD_UNIT_TESTS})
  get_filename_component(name ${src} NAME_WE)
  add_executable(${name} ${src})
  target_include_directories(${name} PRIVATE ${CMAKE_SOURCE_DIR}/src)
  target_compile_options(${name} PRIVATE ${DYAD_WARNINGS})
  target_link_libraries(${name} PRIVATE libdyad PkgConfig::CMOCKA)
  add_test(NAME unit/${name} COMMAND ${name})
  set_tests_properties(unit/${name} PROPERTIES ENVIRONMENT
    "DYAD_SHARED=${CMAKE_SOURCE_DIR}/../shared;DYAD_SOURCE=${CMAKE_SOURCE_DIR}")
endforeach()

# Replay each fuzz target's corpus through the same entry point, without libFuzzer.
file(GLOB DYAD_FUZZERS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/fuzz/fuzz_*.c)
foreach(src ${DYAD_FUZZERS})
  get_filename_component(name ${src} NAME_WE)
  add_executable(replay_${name} ${src} ${CMAKE_SOURCE_DIR}/tests/fuzz/replay_main.c)
  target_include_directories(replay_${name} PRIVATE ${CMAKE_SOURCE_DIR}/src)
  target_link_libraries(replay_${name} PRIVATE libdyad)
  add_test(NAME fuzz-replay/${name}
           COMMAND replay_${name} ${CMAKE_SOURCE_DIR}/tests/corpus/${name})
endforeach()

file(GLOB DYAD_CLI_TESTS CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/tests/cli/*.sh)
foreach(script ${DYAD_CLI_TESTS})
  get_filename_component(name ${script} NAME_WE)
  add_test(NAME cli/${name} COMMAND bash ${script} $<TARGET_FILE:dyad>)
  set_tests_properties(cli/${name} PROPERTIES
    ENVIRONMENT "DYAD_SHARED=${CMAKE_SOURCE_DIR}/../shared;DYAD_SOURCE=${CMAKE_SOURCE_DIR}"
    SKIP_RETURN_CODE 77)
endforeach()

# Spec tests as data: tests/spec/*.spec run through the dyad binary.
add_executable(spec_runner ${CMAKE_SOURCE_DIR}/tests/spec/spec_runner.c)
target_compile_options(spec_runner PRIVATE ${DYAD_WARNINGS})
target_link_libraries(spec_runner PRIVATE PkgConfig::JANSSON)
add_test(NAME spec COMMAND spec_runner $<TARGET_FILE:dyad> ${CMAKE_SOURCE_DIR}/tests/spec)
set_tests_properties(spec PROPERTIES
  ENVIRONMENT "DYAD_SHARED=${CMAKE_SOURCE_DIR}/../shared;DYAD_SOURCE=${CMAKE_SOURCE_DIR}")

# Scores `dyad quotes` against PolNeAR dev attributions and times the quotation
# finder against the coder (it uses the library's internals, hence src/).
add_executable(dyad-quotescore ${CMAKE_SOURCE_DIR}/tools/quotescore.c)
target_include_directories(dyad-quotescore PRIVATE ${CMAKE_SOURCE_DIR}/src)
target_compile_options(dyad-quotescore PRIVATE ${DYAD_WARNINGS})
target_link_libraries(dyad-quotescore PRIVATE libdyad PkgConfig::JANSSON)
