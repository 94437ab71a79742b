#pragma once
// JSON responses in the contract's shape, and the one place that maps error codes to statuses.
#include "domain/error.hpp"
#include "net/message.hpp"

#include <boost/json/value.hpp>

namespace mm::http {

net::response json_response(int status, const boost::json::value& body);
// {"error": {"code", "message"}} with the code's status, and Retry-After when rate limited.
net::response error_response(const domain::failure& f);
net::response no_content();

} // namespace mm::http
