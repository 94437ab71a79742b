#include "cluster/leases.hpp"

#include <spdlog/spdlog.h>

namespace mm::cluster {

namespace {

const std::string prefix = "mockmate:";

// Atomically: every registered node whose alive key expired is removed, tombstoned, and returned
// as "n:<node>", followed by its places ("p:<room>\n<user>") that no live node holds.
constexpr const char* claim_script = R"lua(
local prefix = ARGV[1]
local live, dead = {}, {}
for _, n in ipairs(redis.call('SMEMBERS', prefix .. 'nodes')) do
  if redis.call('EXISTS', prefix .. 'alive:' .. n) == 1 then live[#live + 1] = n else dead[#dead + 1] = n end
end
local out = {}
for _, n in ipairs(dead) do
  redis.call('SREM', prefix .. 'nodes', n)
  redis.call('SET', prefix .. 'claimed:' .. n, '1', 'EX', 3600)
  out[#out + 1] = 'n:' .. n
  for _, p in ipairs(redis.call('SMEMBERS', prefix .. 'places:' .. n)) do
    local held = false
    for _, l in ipairs(live) do
      if redis.call('SISMEMBER', prefix .. 'places:' .. l, p) == 1 then held = true; break end
    end
    if not held then out[#out + 1] = 'p:' .. p end
  end
  redis.call('DEL', prefix .. 'places:' .. n)
end
return out
)lua";

} // namespace

std::string leases::encode(const place& p) { return p.room_id + '\n' + p.user_id; }

std::optional<place> leases::parse(std::string_view member) {
  const auto nl = member.find('\n');
  if (nl == std::string_view::npos || nl == 0 || nl + 1 == member.size()) return std::nullopt;
  return place{std::string(member.substr(0, nl)), std::string(member.substr(nl + 1))};
}

bus::redis_bus::reply_handler leases::checked(std::string what, std::function<void(const bus::redis_reply&)> next) {
  return [what = std::move(what), next = std::move(next)](const bus::redis_reply& r) {
    if (!r.ok()) {
      if (!bus::is_unreachable(r)) spdlog::error("cluster: {}: {}", what, r.text);
      return;
    }
    if (next) next(r);
  };
}

void leases::renew(std::function<void(bool newly)> done) {
  bus_.command({"SET", prefix + "alive:" + node_, "1", "PX", std::to_string(lease_time.count())}, checked("renew the lease"));
  bus_.command({"SADD", prefix + "nodes", node_}, checked("register", [done = std::move(done)](const bus::redis_reply& r) {
                 done(r.type == bus::redis_reply::kind::integer && r.integer == 1);
               }));
}

void leases::reregister(const std::set<place>& held, std::function<void(bool claimed)> done) {
  bus_.command({"DEL", prefix + "places:" + node_}, checked("clear the places"));
  if (!held.empty()) {
    std::vector<std::string> argv{"SADD", prefix + "places:" + node_};
    for (const auto& p : held) argv.push_back(encode(p));
    bus_.command(std::move(argv), checked("write the places"));
  }
  bus_.command({"SET", prefix + "alive:" + node_, "1", "PX", std::to_string(lease_time.count())}, checked("renew the lease"));
  bus_.command({"SADD", prefix + "nodes", node_}, checked("register"));
  bus_.command({"GETDEL", prefix + "claimed:" + node_}, checked("read the tombstone", [done = std::move(done)](const bus::redis_reply& r) {
                 done(r.type == bus::redis_reply::kind::text);
               }));
}

void leases::hold(const place& p) { bus_.command({"SADD", prefix + "places:" + node_, encode(p)}, checked("hold a place")); }

void leases::release(const place& p) { bus_.command({"SREM", prefix + "places:" + node_, encode(p)}, checked("release a place")); }

void leases::claim(std::function<void(std::vector<claimed_node>)> done) {
  bus_.command({"EVAL", claim_script, "0", prefix}, checked("claim script", [done = std::move(done)](const bus::redis_reply& r) {
                 std::vector<claimed_node> out;
                 for (const auto& item : r.elements) {
                   if (item.starts_with("n:") && item.size() > 2) {
                     out.push_back({item.substr(2), {}});
                   } else if (auto p = item.starts_with("p:") ? parse(std::string_view(item).substr(2)) : std::nullopt;
                              p && !out.empty()) {
                     out.back().orphaned.push_back(std::move(*p));
                   } else {
                     spdlog::error("cluster: the claim script answered an item that is neither a node nor its place");
                   }
                 }
                 if (!out.empty()) done(std::move(out));
               }));
}

void leases::end() { bus_.command({"DEL", prefix + "alive:" + node_}, checked("end the lease")); }

} // namespace mm::cluster
