// The query decoder: "name\nquery" looks `name` up in `query`; the whole input is also
// percent-decoded both ways. A decoded text is never longer than its source.
#include "net/query.hpp"

#include <cstdint>
#include <cstdlib>
#include <string_view>

using namespace mm::net;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  for (bool plus : {false, true})
    if (auto d = percent_decode(input, plus); d && d->size() > input.size()) std::abort();
  const auto nl = input.find('\n');
  const auto name = nl == std::string_view::npos ? std::string_view{} : input.substr(0, nl);
  const auto query = nl == std::string_view::npos ? input : input.substr(nl + 1);
  if (auto v = query_param(query, name); v && v->size() > query.size()) std::abort();
  for (auto n : {"topic", "level", "q", "limit", "cursor", "status", "role", "scope", "EIO", "transport", "sid"})
    (void)query_param(query, n);
  return 0;
}
