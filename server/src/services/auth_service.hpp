#pragma once
// Accounts and sessions (API.md, Conventions "Auth"): register, log in with per-account
// throttling, log out, and resolve a token to its user with sliding expiry.
#include "services/context.hpp"
#include "services/password_hasher.hpp"

#include <boost/asio/awaitable.hpp>

namespace mm::services {

struct signed_in {
  domain::user user;
  std::string token;
};

struct session_user {
  std::string user_id;
  std::string token_hash;
};

struct auth_policy {
  domain::milliseconds idle{14LL * 24 * 3600 * 1000};
  domain::milliseconds absolute{30LL * 24 * 3600 * 1000};
  int max_failures = 10;
  domain::milliseconds failure_window{15 * 60 * 1000};
};

class auth_service {
public:
  auth_service(context& ctx, password_hasher& hasher, auth_policy policy = {}) : ctx_(ctx), hasher_(hasher), policy_(policy) {}

  // validation_failed (email, password, name), conflict (email taken).
  boost::asio::awaitable<domain::outcome<signed_in>> register_user(std::string email, std::string password, std::string name);
  // unauthorized (wrong email or password, same answer), rate_limited (10 failures in 15 min).
  boost::asio::awaitable<domain::outcome<signed_in>> login(std::string email, std::string password);
  // Revokes the session and tells the user's sockets (topic control:<user>).
  boost::asio::awaitable<void> logout(const session_user& s);
  // The live session of `token`, sliding its idle expiry; nullopt when unknown or expired.
  boost::asio::awaitable<std::optional<session_user>> authenticate(std::string token);

private:
  boost::asio::awaitable<signed_in> open_session(domain::user u);

  context& ctx_;
  password_hasher& hasher_;
  auth_policy policy_;
};

} // namespace mm::services
