#include "services/partner_service.hpp"

#include "domain/enum_names.hpp"
#include "domain/profile_rules.hpp"
#include "services/secrets.hpp"

#include <algorithm>
#include <cctype>
#include <utility>

namespace mm::services {

using boost::asio::awaitable;
using domain::errc;
using domain::fail;
using domain::outcome;

namespace {
std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}
bool contains(std::string_view hay, const std::string& needle) { return lower(hay).find(needle) != std::string::npos; }

// The cursor is the last row's (score, id), base64url: opaque to clients.
std::string encode_cursor(int score, const std::string& id) { return to_base64url(std::to_string(score) + ":" + id); }
std::optional<std::pair<int, std::string>> decode_cursor(const std::string& cursor) {
  auto raw = cursor.size() > 200 ? std::nullopt : from_base64url(cursor);
  if (!raw) return std::nullopt;
  const auto colon = raw->find(':');
  if (colon == std::string::npos || colon == 0 || colon > 3) return std::nullopt;
  int score = 0;
  for (std::size_t i = 0; i < colon; ++i) {
    if (!std::isdigit(static_cast<unsigned char>((*raw)[i]))) return std::nullopt;
    score = score * 10 + ((*raw)[i] - '0');
  }
  return std::pair{score, raw->substr(colon + 1)};
}
} // namespace

awaitable<outcome<partner_page>> partner_service::list(std::string caller_id, partner_query q) {
  std::optional<domain::experience_level> level;
  if (q.level) {
    level = domain::parse_experience_level(*q.level);
    if (!level) co_return fail(errc::validation_failed, "level must be one of student, junior, mid, senior, staff.");
  }
  if (q.limit < 1 || q.limit > 100) co_return fail(errc::validation_failed, "limit must be from 1 to 100.");
  std::optional<std::pair<int, std::string>> after;
  if (q.cursor) {
    after = decode_cursor(*q.cursor);
    if (!after) co_return fail(errc::validation_failed, "cursor is not one this server gave out.");
  }

  struct snapshot {
    domain::profile me;
    std::vector<store::candidate> candidates;
    std::vector<std::string> busy;
  };
  auto snap = co_await ctx_.executor.run([&] {
    snapshot s{ctx_.db.get_profile(caller_id), ctx_.db.partner_candidates(caller_id), {}};
    for (const auto& c : s.candidates)
      if (ctx_.db.active_interview(c.user.id)) s.busy.push_back(c.user.id);
    return s;
  });

  const auto topic = q.topic ? std::optional(lower(*q.topic)) : std::nullopt;
  std::vector<std::string> words; // every word of q must appear in some field
  if (q.text) {
    std::string word;
    for (char ch : lower(*q.text) + " ") {
      if (!std::isspace(static_cast<unsigned char>(ch))) word.push_back(ch);
      else if (!word.empty()) words.push_back(std::exchange(word, {}));
    }
  }
  const auto my_offset = snap.me.timezone ? zones_.offset_minutes(*snap.me.timezone) : std::nullopt;
  std::vector<domain::partner> all;
  for (auto& c : snap.candidates) {
    const auto& p = c.prof;
    if (level && p.level != level) continue;
    if (topic && std::none_of(p.topics.begin(), p.topics.end(), [&](const std::string& t) { return lower(t) == *topic; }))
      continue;
    const bool all_found = std::all_of(words.begin(), words.end(), [&](const std::string& w) {
      return contains(c.user.name, w) || contains(p.headline.value_or(""), w) || contains(p.target_role.value_or(""), w) ||
             contains(p.bio.value_or(""), w) ||
             std::any_of(p.topics.begin(), p.topics.end(), [&](const std::string& t) { return contains(t, w); });
    });
    if (!all_found) continue;
    const auto offset = p.timezone ? zones_.offset_minutes(*p.timezone) : std::nullopt;
    domain::partner item;
    item.id = c.user.id;
    item.name = c.user.name;
    item.match_score = domain::match_score(snap.me, my_offset, p, offset);
    item.online = ctx_.presence.is_online(c.user.id);
    item.busy = std::find(snap.busy.begin(), snap.busy.end(), c.user.id) != snap.busy.end();
    item.prof = std::move(c.prof);
    all.push_back(std::move(item));
  }
  auto before = [](const domain::partner& a, int score, const std::string& id) {
    return a.match_score > score || (a.match_score == score && a.id < id);
  };
  std::sort(all.begin(), all.end(), [&](const auto& a, const auto& b) { return before(a, b.match_score, b.id); });

  partner_page page;
  auto it = all.begin();
  if (after) it = std::find_if(all.begin(), all.end(), [&](const auto& p) { return !before(p, after->first, after->second) && !(p.match_score == after->first && p.id == after->second); });
  for (; it != all.end() && static_cast<int>(page.partners.size()) < q.limit; ++it) page.partners.push_back(*it);
  if (it != all.end() && !page.partners.empty())
    page.next_cursor = encode_cursor(page.partners.back().match_score, page.partners.back().id);
  // Reliability is shown, never part of the order (issue 17): one store query for the page.
  std::vector<std::string> ids;
  for (const auto& p : page.partners) ids.push_back(p.id);
  auto records = co_await ctx_.executor.run([&] { return ctx_.db.reliability_of(ids); });
  for (auto& p : page.partners)
    if (auto found = records.find(p.id); found != records.end()) p.record = found->second;
  co_return page;
}

awaitable<outcome<std::vector<domain::question>>> partner_service::questions(store::question_filter f) {
  if (f.category && *f.category != "algorithms" && *f.category != "system-design" && *f.category != "behavioral")
    co_return fail(errc::validation_failed, "category must be one of algorithms, system-design, behavioral.");
  if (f.difficulty && *f.difficulty != "easy" && *f.difficulty != "medium" && *f.difficulty != "hard")
    co_return fail(errc::validation_failed, "difficulty must be one of easy, medium, hard.");
  co_return co_await ctx_.executor.run([&] { return ctx_.db.list_questions(f); });
}

} // namespace mm::services
