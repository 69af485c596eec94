# Compile options for our own code: warnings are errors, Qt string hygiene on.
function(gw_target_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Werror)
  target_compile_definitions(${target} PRIVATE
    QT_NO_CAST_FROM_ASCII QT_NO_CAST_TO_ASCII QT_USE_QSTRINGBUILDER QT_NO_FOREACH
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT)
  if(GW_SANITIZE)
    target_compile_options(${target} PRIVATE -fsanitize=address,undefined -fno-omit-frame-pointer)
    target_link_options(${target} PRIVATE -fsanitize=address,undefined)
  endif()
endfunction()

# gw_add_library(name folder-relative sources... DEPS libs...)
function(gw_add_library name)
  cmake_parse_arguments(ARG "" "" "SOURCES;DEPS" ${ARGN})
  add_library(${name} STATIC ${ARG_SOURCES})
  target_include_directories(${name} PUBLIC ${PROJECT_SOURCE_DIR})
  target_link_libraries(${name} PUBLIC ${ARG_DEPS})
  gw_target_defaults(${name})
  set_property(GLOBAL APPEND PROPERTY GW_LIBRARIES ${name})
endfunction()

# gw_add_test(tst_name SOURCES files... [DEPS libs...] [LABELS labels...] [TIMEOUT s])
# One line per test: a QtTest executable registered with ctest, run offscreen.
function(gw_add_test name)
  cmake_parse_arguments(ARG "" "TIMEOUT" "SOURCES;DEPS;LABELS" ${ARGN})
  if(NOT ARG_SOURCES)
    set(ARG_SOURCES ${name}.cpp)
  endif()
  add_executable(${name} ${ARG_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test ${ARG_DEPS})
  target_compile_definitions(${name} PRIVATE
    GW_SOURCE_DIR="${PROJECT_SOURCE_DIR}"
    GW_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared"
    GW_BINARY_DIR="${PROJECT_BINARY_DIR}")
  gw_target_defaults(${name})
  add_test(NAME ${name} COMMAND ${name})
  if(NOT ARG_TIMEOUT)
    set(ARG_TIMEOUT 120)
  endif()
  set_tests_properties(${name} PROPERTIES TIMEOUT ${ARG_TIMEOUT}
    ENVIRONMENT "QT_QPA_PLATFORM=offscreen;QTEST_DISABLE_STACK_DUMP=1;GW_CLI=$<TARGET_FILE:gatewright-cli>")
  if(ARG_LABELS)
    set_tests_properties(${name} PROPERTIES LABELS "${ARG_LABELS}")
  endif()
endfunction()

# gw_add_folder_library(name DEPS libs...): a static library of every .cpp below this folder.
# Globbing keeps each concern's build file free of churn while several people add files.
function(gw_add_folder_library name)
  cmake_parse_arguments(ARG "" "" "DEPS" ${ARGN})
  file(GLOB_RECURSE srcs CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/*.cpp ${CMAKE_CURRENT_SOURCE_DIR}/*.h)
  gw_add_library(${name} SOURCES ${srcs} DEPS ${ARG_DEPS})
endfunction()

# gw_add_tests_in_folder(DEPS libs... [LABELS l] [TIMEOUT s]): one test per tst_*.cpp here;
# support/*.cpp (servers and helpers the tests start) is linked into each.
function(gw_add_tests_in_folder)
  cmake_parse_arguments(ARG "" "TIMEOUT" "DEPS;LABELS" ${ARGN})
  file(GLOB tests CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/tst_*.cpp)
  file(GLOB support CONFIGURE_DEPENDS ${CMAKE_CURRENT_SOURCE_DIR}/support/*.cpp ${CMAKE_CURRENT_SOURCE_DIR}/support/*.h)
  get_filename_component(folder ${CMAKE_CURRENT_SOURCE_DIR} NAME)
  set(support_lib "")
  if(support)
    set(support_lib gwtest_support_${folder})
    add_library(${support_lib} STATIC ${support})
    target_link_libraries(${support_lib} PUBLIC Qt6::Test ${ARG_DEPS})
    target_include_directories(${support_lib} PUBLIC ${CMAKE_CURRENT_SOURCE_DIR} ${CMAKE_CURRENT_SOURCE_DIR}/support ${PROJECT_SOURCE_DIR})
    target_compile_definitions(${support_lib} PRIVATE GW_SOURCE_DIR="${PROJECT_SOURCE_DIR}" GW_SHARED_DIR="${PROJECT_SOURCE_DIR}/../shared")
    gw_target_defaults(${support_lib})
  endif()
  foreach(src ${tests})
    get_filename_component(name ${src} NAME_WE)
    gw_add_test(${name} SOURCES ${src} DEPS ${ARG_DEPS} ${support_lib}
                LABELS ${folder} ${ARG_LABELS} TIMEOUT ${ARG_TIMEOUT})
  endforeach()
endfunction()
