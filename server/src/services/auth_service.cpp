#include "services/auth_service.hpp"

#include "domain/profile_rules.hpp"
#include "services/secrets.hpp"

namespace mm::services {

using boost::asio::awaitable;
using domain::errc;
using domain::fail;
using domain::outcome;

awaitable<outcome<signed_in>> auth_service::register_user(std::string email, std::string password, std::string name) {
  if (auto f = domain::check_email("email", email)) co_return *f;
  if (auto f = domain::check_password("password", password)) co_return *f;
  if (auto f = domain::check_text("name", name, 1, domain::limits::name)) co_return *f;
  auto hash = co_await hasher_.hash(std::move(password));
  if (!hash) co_return hash.error();
  domain::user u{new_id("u"), domain::normalize_email(email), name, ctx_.clock.now()};
  auto created = co_await ctx_.executor.run([&] { return ctx_.db.create_user(u, *hash); });
  if (!created) co_return created.error();
  ctx_.counters.add("mockmate_registrations_total", "");
  co_return co_await open_session(std::move(*created));
}

awaitable<outcome<signed_in>> auth_service::login(std::string email, std::string password) {
  const auto key = domain::normalize_email(email);
  const auto now = ctx_.clock.now();
  const auto window_start = now - policy_.failure_window;
  auto failures = co_await ctx_.executor.run([&] { return ctx_.db.login_failures(key, window_start); });
  if (static_cast<int>(failures.size()) >= policy_.max_failures) {
    const auto free_at = failures[failures.size() - static_cast<std::size_t>(policy_.max_failures)] + policy_.failure_window;
    auto f = fail(errc::rate_limited, "Too many failed logins for this account; try again later.");
    f.retry_after_seconds = std::max(1.0, static_cast<double>((free_at - now).count()) / 1000.0);
    co_return f;
  }
  auto creds = co_await ctx_.executor.run([&] { return ctx_.db.find_credentials(key); });
  std::optional<std::string> stored;
  if (creds) stored = creds->password_hash;
  auto ok = co_await hasher_.verify(std::move(stored), std::move(password));
  if (!ok) co_return ok.error();
  if (!*ok) {
    co_await ctx_.executor.run([&] { ctx_.db.record_login_failure(key, now); });
    ctx_.counters.add("mockmate_login_failures_total", "");
    co_return fail(errc::unauthorized, "Wrong email or password.");
  }
  if (!failures.empty()) co_await ctx_.executor.run([&] { ctx_.db.clear_login_failures(key); });
  co_return co_await open_session(std::move(creds->user));
}

awaitable<signed_in> auth_service::open_session(domain::user u) {
  const auto now = ctx_.clock.now();
  auto token = new_token();
  store::session_record record{u.id, now, now, now + policy_.absolute};
  const auto digest = token_digest(token);
  co_await ctx_.executor.run([&] { ctx_.db.create_session(digest, record); });
  co_return signed_in{std::move(u), std::move(token)};
}

awaitable<void> auth_service::logout(const session_user& s) {
  co_await ctx_.executor.run([&] { ctx_.db.delete_session(s.token_hash); });
  ctx_.events.publish({bus::control_topic{s.user_id}, "session-revoked", "\"" + s.token_hash + "\""});
}

awaitable<std::optional<session_user>> auth_service::authenticate(std::string token) {
  if (token.empty() || token.size() > 128) co_return std::nullopt;
  auto digest = token_digest(token);
  const auto now = ctx_.clock.now();
  const auto idle = policy_.idle;
  co_return co_await ctx_.executor.run([&]() -> std::optional<session_user> {
    auto s = ctx_.db.find_session(digest);
    if (!s) return std::nullopt;
    if (now >= s->expires_at || now >= s->last_seen_at + idle) {
      ctx_.db.delete_session(digest);
      return std::nullopt;
    }
    if (now - s->last_seen_at > domain::milliseconds{60'000}) ctx_.db.touch_session(digest, now);
    return session_user{s->user_id, digest};
  });
}

} // namespace mm::services
