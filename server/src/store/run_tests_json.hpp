#pragma once
// The tests of a run as the store keeps them: a JSON array of {name, passed, input,
// expectedOutput, actualOutput}, as in the contract's `run` object. Both backends use it.
#include "domain/run.hpp"

#include <string>
#include <vector>

namespace mm::store {

std::string run_tests_to_json(const std::vector<domain::run_test>& tests);
// Throws store_error for text that run_tests_to_json did not write (a corrupt row).
std::vector<domain::run_test> run_tests_from_json(const std::string& text);

} // namespace mm::store
