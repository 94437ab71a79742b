# The include check of the layer arrows (DESIGN.md, "Layers"), run as the ctest test
# `layers.includes`:
#   cmake -DTABLE=<file> -DSOURCE_DIR=<server/src> -DTEST_DIR=<server/test> -P check_layers.cmake
#
# TABLE has one line per layer, "name: dep dep ...", the mm_* libraries that mm_layer(name ...)
# in server/CMakeLists.txt links; it is written at configure time from those calls, so the table
# is the build's own. A file under server/src/<layer>/ or server/test/<layer>/ may include
# "<other>/..." of server/src only when <other> is <layer> or one of the layers it depends on,
# directly or through others. It fails on any other include, on a folder of server/src that is
# no layer, and on a dependency cycle (an arrow that runs back up).
cmake_minimum_required(VERSION 3.25)
get_filename_component(SOURCE_DIR "${SOURCE_DIR}" ABSOLUTE)
get_filename_component(TEST_DIR "${TEST_DIR}" ABSOLUTE)
get_filename_component(repo_root "${SOURCE_DIR}/../.." ABSOLUTE) # paths in messages are relative to it
file(RELATIVE_PATH source_shown "${repo_root}" "${SOURCE_DIR}")

file(STRINGS "${TABLE}" rows)
set(layers "")
foreach(row IN LISTS rows)
  if(NOT row MATCHES "^([a-z_]+):(.*)$")
    message(FATAL_ERROR "layer table: bad line \"${row}\"")
  endif()
  set(name "${CMAKE_MATCH_1}")
  string(STRIP "${CMAKE_MATCH_2}" deps)
  separate_arguments(deps UNIX_COMMAND "${deps}")
  list(APPEND layers ${name})
  set(direct_${name} ${deps})
endforeach()

set(failures "")

# Transitive dependencies of every layer; a layer among its own is a cycle.
foreach(name IN LISTS layers)
  set(closure ${direct_${name}})
  set(i 0)
  list(LENGTH closure n)
  while(i LESS n)
    list(GET closure ${i} dep)
    if(NOT dep IN_LIST layers)
      list(APPEND failures "layer ${name} depends on \"${dep}\", which is no layer")
    else()
      foreach(next IN LISTS direct_${dep})
        if(NOT next IN_LIST closure)
          list(APPEND closure ${next})
        endif()
      endforeach()
    endif()
    math(EXPR i "${i} + 1")
    list(LENGTH closure n)
  endwhile()
  if(name IN_LIST closure)
    list(JOIN closure ", " through)
    list(APPEND failures "layer ${name} depends on itself (through ${through}): an arrow runs back up")
  endif()
  set(allowed_${name} ${name} ${closure})
endforeach()

# Every folder of server/src is a layer.
file(GLOB entries LIST_DIRECTORIES true RELATIVE "${SOURCE_DIR}" "${SOURCE_DIR}/*")
foreach(entry IN LISTS entries)
  if(IS_DIRECTORY "${SOURCE_DIR}/${entry}" AND NOT entry IN_LIST layers)
    list(APPEND failures "${source_shown}/${entry}/ is not in the layer table: declare it with mm_layer() in server/CMakeLists.txt")
  endif()
endforeach()

set(checked 0)
foreach(name IN LISTS layers)
  file(GLOB_RECURSE files "${SOURCE_DIR}/${name}/*.hpp" "${SOURCE_DIR}/${name}/*.cpp"
       "${TEST_DIR}/${name}/*.hpp" "${TEST_DIR}/${name}/*.cpp")
  foreach(file IN LISTS files)
    math(EXPR checked "${checked} + 1")
    file(STRINGS "${file}" includes REGEX "^[ \t]*#[ \t]*include[ \t]*\"[^\"]+\"")
    foreach(line IN LISTS includes)
      string(REGEX REPLACE "^[ \t]*#[ \t]*include[ \t]*\"([^\"]+)\".*$" "\\1" target "${line}")
      if(NOT target MATCHES "^([a-z_]+)/" OR NOT EXISTS "${SOURCE_DIR}/${target}")
        continue() # a file beside it or a test helper, not another layer's header
      endif()
      set(other "${CMAKE_MATCH_1}")
      if(NOT other IN_LIST allowed_${name})
        file(RELATIVE_PATH shown "${repo_root}" "${file}")
        list(JOIN allowed_${name} ", " may)
        list(APPEND failures "${shown} includes \"${target}\": ${name} may include only ${may}")
      endif()
    endforeach()
  endforeach()
endforeach()

if(failures)
  list(LENGTH failures count)
  string(REPLACE ";" "\n  " shown "${failures}")
  message(FATAL_ERROR "${count} layer violation(s):\n  ${shown}\n(the table: ${TABLE})")
endif()
list(LENGTH layers count)
message(STATUS "layers: ${checked} files of ${count} layers follow the arrows")
