#pragma once
// Reading application/x-www-form-urlencoded query strings ("a=1&b=x%20y").
#include <optional>
#include <string>
#include <string_view>

namespace mm::net {

// The first value of parameter `name` in `query` (the part after '?'), percent-decoded with
// '+' as space; a value with a malformed escape is returned as it is (as Node's querystring
// does). An empty string for "name" or "name="; nullopt when absent.
std::optional<std::string> query_param(std::string_view query, std::string_view name);

// Percent-decodes `text` ('+' as space when `plus_as_space`); nullopt for a malformed escape.
std::optional<std::string> percent_decode(std::string_view text, bool plus_as_space);

} // namespace mm::net
