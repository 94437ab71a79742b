// The route matcher: the raw request path (not percent-decoded, as net hands it over) against
// every pattern of the route table, and against a pattern from the input ("pattern\npath").
#include "http/routes.hpp"

#include <cstdint>
#include <string_view>

using namespace mm::http;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  std::vector<std::pair<std::string, std::string>> params;
  for (auto table : route_tables())
    for (const auto& r : table) (void)match_path(r.pattern, input, params);
  if (const auto nl = input.find('\n'); nl != std::string_view::npos)
    (void)match_path(input.substr(0, nl), input.substr(nl + 1), params);
  return 0;
}
