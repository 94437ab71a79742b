// The question bank.
#include "http/responses.hpp"
#include "http/routes.hpp"
#include "services/views.hpp"

#include <array>

namespace mm::http {
namespace {

namespace json = boost::json;
using boost::asio::awaitable;
using services::service_set;

awaitable<net::response> questions(service_set& s, call& c) {
  store::question_filter filter{c.query("category"), c.query("difficulty"), c.query("q")};
  auto result = co_await s.partners.questions(std::move(filter));
  if (!result) co_return error_response(result.error());
  json::array out;
  for (const auto& q : *result) out.push_back(services::question_json(q));
  co_return json_response(200, json::object{{"questions", std::move(out)}});
}

constexpr std::array routes{
    route{"GET", "/api/questions", true, questions},
};

} // namespace

std::span<const route> question_routes() { return routes; }

} // namespace mm::http
