#pragma once
// Accounts and interview profiles.
#include "domain/error.hpp"
#include "domain/types.hpp"

#include <optional>
#include <string>
#include <vector>

namespace mm::store {

struct credentials {
  domain::user user;
  std::string password_hash;
};

struct candidate {
  domain::user user;
  domain::profile prof;
};

class user_store {
public:
  virtual ~user_store() = default;
  // conflict when the (normalized) email is taken.
  virtual domain::outcome<domain::user> create_user(const domain::user& u, const std::string& password_hash) = 0;
  virtual std::optional<credentials> find_credentials(const std::string& email) = 0;
  virtual std::optional<domain::user> find_user(const std::string& id) = 0;
  virtual domain::profile get_profile(const std::string& user_id) = 0;
  virtual void put_profile(const std::string& user_id, const domain::profile& p) = 0;
  // Users with complete profiles who are available, except `exclude_id` and the users blocked with
  // them (either way).
  virtual std::vector<candidate> partner_candidates(const std::string& exclude_id) = 0;
  // The users among `ids` that exist, with their profiles.
  virtual std::vector<candidate> find_users(const std::vector<std::string>& ids) = 0;
};

} // namespace mm::store
