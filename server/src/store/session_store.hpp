#pragma once
// Sessions (by token digest) and the failed logins that throttle an account.
#include "domain/time.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mm::store {

struct session_record {
  std::string user_id;
  domain::time_point created_at;
  domain::time_point last_seen_at;
  domain::time_point expires_at; // absolute end
};

class session_store {
public:
  virtual ~session_store() = default;
  virtual void create_session(const std::string& token_hash, const session_record& s) = 0;
  virtual std::optional<session_record> find_session(const std::string& token_hash) = 0;
  virtual void touch_session(const std::string& token_hash, domain::time_point at) = 0;
  virtual void delete_session(const std::string& token_hash) = 0;
  virtual void record_login_failure(const std::string& email, domain::time_point at) = 0;
  // Failures since `since`, oldest first.
  virtual std::vector<domain::time_point> login_failures(const std::string& email, domain::time_point since) = 0;
  virtual void clear_login_failures(const std::string& email) = 0;
};

} // namespace mm::store
