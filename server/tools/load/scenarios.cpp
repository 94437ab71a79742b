#include "scenarios.hpp"

#include "stats.hpp"

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

#include <sys/resource.h>

#include <charconv>
#include <deque>
#include <map>
#include <functional>
#include <memory>

namespace mm::load {

namespace asio = boost::asio;
namespace json = boost::json;
using asio::awaitable;
using client_ptr = std::shared_ptr<client>;
using std::chrono::milliseconds;

namespace {

milliseconds ms(double seconds) { return milliseconds(static_cast<long long>(seconds * 1000)); }

double self_cpu_seconds() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) / 1e6;
}

awaitable<void> sleep_for(milliseconds d) {
  asio::steady_timer t(co_await asio::this_coro::executor);
  t.expires_after(d);
  co_await t.async_wait(asio::use_awaitable);
}

// Polls `pred` every 5 ms until it holds (true) or `timeout` passes (false).
awaitable<bool> wait_until(const std::function<bool()>& pred, milliseconds timeout) {
  asio::steady_timer t(co_await asio::this_coro::executor);
  const auto deadline = clock::now() + timeout;
  while (!pred()) {
    if (clock::now() >= deadline) co_return false;
    t.expires_after(milliseconds(5));
    co_await t.async_wait(asio::use_awaitable);
  }
  co_return true;
}

std::vector<client_ptr> make_clients(asio::any_io_executor ex, const options& o, std::size_t first, std::size_t count) {
  if (first + count > o.users.size())
    throw std::invalid_argument("the tokens file has " + std::to_string(o.users.size()) + " users, " +
                                std::to_string(first + count) + " needed");
  std::vector<client_ptr> out;
  out.reserve(count);
  for (std::size_t i = 0; i < count; ++i)
    out.push_back(std::make_shared<client>(ex, o.endpoint, first + i, o.users[first + i].first, o.users[first + i].second));
  return out;
}

// Connects clients with at most `limit` handshakes in flight, retrying a failed one up to 4 times.
class connector : public std::enable_shared_from_this<connector> {
public:
  connector(std::vector<client_ptr>& clients, std::size_t limit) : clients_(clients), limit_(limit ? limit : clients.size()) {}

  void start() {
    for (auto& c : clients_) c->reconnect_attempts = 0;
    pump();
  }
  bool done() const { return ok + failed == clients_.size(); }

  std::size_t ok = 0, failed = 0, retries = 0;
  std::int64_t last_ok_ns = 0;
  samples latency; // from this client's connect call to its CONNECT ack

private:
  void pump() {
    while (inflight_ < limit_ && (next_ < clients_.size() || !retry_.empty())) {
      std::size_t i;
      if (!retry_.empty()) {
        i = retry_.front();
        retry_.pop_front();
      } else {
        i = next_++;
      }
      launch(i);
    }
  }

  void launch(std::size_t i) {
    ++inflight_;
    auto self = shared_from_this();
    const auto t0 = now_ns();
    clients_[i]->connect([self, i, t0](client& c, bool good) {
      --self->inflight_;
      if (good) {
        ++self->ok;
        self->last_ok_ns = now_ns();
        self->latency.add(self->last_ok_ns - t0);
      } else if (++c.reconnect_attempts < 5) {
        ++self->retries;
        self->retry_.push_back(i);
      } else {
        ++self->failed;
      }
      self->pump();
    });
  }

  std::vector<client_ptr>& clients_;
  std::size_t limit_;
  std::size_t next_ = 0, inflight_ = 0;
  std::deque<std::size_t> retry_;
};

awaitable<std::shared_ptr<connector>> connect_all(std::vector<client_ptr>& clients, std::size_t limit, milliseconds timeout) {
  auto c = std::make_shared<connector>(clients, limit);
  c->start();
  const std::function<bool()> finished = [&] { return c->done(); };
  co_await wait_until(finished, timeout);
  co_return c;
}

std::size_t count_connected(const std::vector<client_ptr>& clients) {
  std::size_t n = 0;
  for (const auto& c : clients) n += c->current() == client::state::connected;
  return n;
}

void drop_all(std::vector<client_ptr>& clients) {
  for (auto& c : clients) {
    c->on_event = nullptr;
    c->on_closed = nullptr;
    c->drop();
  }
}

json::object base(const options& o) {
  return {{"scenario", o.scenario}, {"server", o.label}};
}

const json::string* string_at(const json::value& v, std::initializer_list<std::string_view> path) {
  const json::value* cur = &v;
  for (auto key : path) {
    const auto* obj = cur->if_object();
    if (!obj) return nullptr;
    cur = obj->if_contains(key);
    if (!cur) return nullptr;
  }
  return cur->if_string();
}

bool ack_ok(const json::array& args) {
  if (args.empty() || !args[0].is_object()) return false;
  const auto* ok = args[0].as_object().if_contains("ok");
  return ok && ok->is_bool() && ok->get_bool();
}

std::string ack_error(const json::array& args) {
  if (args.empty()) return "no_ack_data";
  if (const auto* code = string_at(args[0], {"error", "code"})) return std::string(*code);
  return "unknown";
}

// ---------------------------------------------------------------------------------------------
// idle: N authenticated connections held; server memory growth per connection and CPU per
// heartbeat over a window.

awaitable<json::object> run_idle(const options& o) {
  auto ex = co_await asio::this_coro::executor;
  auto clients = make_clients(ex, o, 0, static_cast<std::size_t>(o.connections));
  const auto before = read_proc(o.server_pid);
  const auto t0 = now_ns();
  auto conn = co_await connect_all(clients, static_cast<std::size_t>(o.connect_concurrency), ms(o.timeout_seconds));
  const double connect_s = static_cast<double>(now_ns() - t0) / 1e9;
  co_await sleep_for(milliseconds(1000)); // let the server finish per-connection work
  const auto held = read_proc(o.server_pid);
  const auto pings0 = client::pings_received;
  const auto w0 = now_ns();
  co_await sleep_for(ms(o.window_seconds));
  const auto after = read_proc(o.server_pid);
  const double window = static_cast<double>(now_ns() - w0) / 1e9;
  const auto pings = client::pings_received - pings0;
  const auto alive = count_connected(clients);
  drop_all(clients);

  auto out = base(o);
  const double n = static_cast<double>(std::max<std::size_t>(conn->ok, 1));
  out["connections"] = conn->ok;
  out["failed"] = conn->failed;
  out["aliveAtEnd"] = alive;
  out["connectSeconds"] = connect_s;
  out["connectLatency"] = conn->latency.summary();
  out["rssBeforeKiB"] = before.rss_kib;
  out["rssHeldKiB"] = held.rss_kib;
  out["rssAfterWindowKiB"] = after.rss_kib;
  out["rssPerConnectionBytes"] = static_cast<double>(held.rss_kib - before.rss_kib) * 1024.0 / n;
  out["windowSeconds"] = window;
  out["heartbeats"] = pings;
  out["serverCpuSeconds"] = after.cpu_seconds - held.cpu_seconds;
  out["serverCpuMicrosPerHeartbeat"] = pings ? (after.cpu_seconds - held.cpu_seconds) * 1e6 / static_cast<double>(pings) : 0.0;
  co_return out;
}

// ---------------------------------------------------------------------------------------------
// invite: pairs doing send -> received -> accept -> accepted, then end-interview; open loop.

struct invite_pair {
  client_ptr inviter, invitee;
  bool busy = false;
  std::int64_t scheduled_ns = 0;
};

struct invite_state {
  std::vector<invite_pair> pairs;
  std::deque<std::size_t> free;
  samples latency;
  std::size_t sent = 0, completed = 0, errors = 0, skipped = 0;
  std::map<std::string, std::size_t> error_codes;

  void error(const std::string& code, std::size_t pair_index) {
    ++errors;
    ++error_codes[code];
    release(pair_index);
  }
  void release(std::size_t i) {
    if (!pairs[i].busy) return;
    pairs[i].busy = false;
    free.push_back(i);
  }
};

void wire_invite_pair(const std::shared_ptr<invite_state>& st, std::size_t i) {
  auto& p = st->pairs[i];
  std::weak_ptr<invite_state> weak = st;
  p.invitee->on_event = [weak, i](client& c, std::string_view event, json::array& args) {
    if (event != "interview-invitation-received" || args.empty()) return;
    auto st = weak.lock();
    if (!st) return;
    const auto* room = string_at(args[0], {"interview", "roomId"});
    if (!room) return;
    json::object answer{{"roomId", *room}, {"accept", true}};
    c.emit("respond-to-invitation", std::move(answer), [weak, i](client&, json::array& ack) {
      auto st = weak.lock();
      if (st && !ack_ok(ack)) st->error("accept:" + ack_error(ack), i);
    });
  };
  p.inviter->on_event = [weak, i](client& c, std::string_view event, json::array& args) {
    if (event != "invitation-accepted" || args.empty()) return;
    auto st = weak.lock();
    if (!st || !st->pairs[i].busy) return;
    const auto* inviter = string_at(args[0], {"interview", "inviter", "id"});
    const auto* room = string_at(args[0], {"interview", "roomId"});
    if (!inviter || !room || *inviter != c.user_id()) return;
    st->latency.add(now_ns() - st->pairs[i].scheduled_ns);
    ++st->completed;
    c.emit("end-interview", json::object{{"roomId", *room}}, [weak, i](client&, json::array& ack) {
      auto st = weak.lock();
      if (!st) return;
      if (!ack_ok(ack)) ++st->error_codes["end:" + ack_error(ack)];
      st->release(i);
    });
  };
}

void send_invitation(const std::shared_ptr<invite_state>& st, std::size_t i, std::int64_t scheduled, const options& o) {
  auto& p = st->pairs[i];
  p.busy = true;
  p.scheduled_ns = scheduled;
  ++st->sent;
  json::array questions;
  for (const auto& q : o.question_ids) questions.emplace_back(q);
  json::object payload{{"inviteeId", p.invitee->user_id()}, {"questionIds", std::move(questions)}};
  std::weak_ptr<invite_state> weak = st;
  p.inviter->emit("send-interview-invitation", std::move(payload), [weak, i](client&, json::array& ack) {
    auto st = weak.lock();
    if (st && !ack_ok(ack)) st->error("send:" + ack_error(ack), i);
  });
}

// Sends at `rate`/s for `seconds` (open loop: a send whose time has come and finds no free pair
// counts as skipped), then waits for the ones in flight.
awaitable<void> open_loop(std::function<bool(std::int64_t scheduled)>& send_one, double rate, double seconds) {
  asio::steady_timer t(co_await asio::this_coro::executor);
  const auto start = now_ns();
  const auto total = static_cast<std::size_t>(rate * seconds);
  const double gap_ns = 1e9 / rate;
  std::size_t k = 0;
  while (k < total) {
    const auto now = now_ns();
    while (k < total && start + static_cast<std::int64_t>(static_cast<double>(k) * gap_ns) <= now) {
      send_one(start + static_cast<std::int64_t>(static_cast<double>(k) * gap_ns));
      ++k;
    }
    if (now - start > static_cast<std::int64_t>((seconds + 5) * 1e9)) break; // bounded even if starved
    t.expires_after(std::chrono::microseconds(500));
    co_await t.async_wait(asio::use_awaitable);
  }
}

awaitable<json::object> run_invite(const options& o) {
  auto ex = co_await asio::this_coro::executor;
  auto clients = make_clients(ex, o, 0, static_cast<std::size_t>(o.pairs) * 2);
  auto conn = co_await connect_all(clients, static_cast<std::size_t>(o.connect_concurrency), ms(o.timeout_seconds));
  auto st = std::make_shared<invite_state>();
  for (std::size_t i = 0; i < static_cast<std::size_t>(o.pairs); ++i) {
    st->pairs.push_back(invite_pair{clients[2 * i], clients[2 * i + 1]});
    wire_invite_pair(st, i);
    if (clients[2 * i]->current() == client::state::connected && clients[2 * i + 1]->current() == client::state::connected)
      st->free.push_back(i);
  }
  std::function<bool(std::int64_t)> send_one = [&](std::int64_t scheduled) {
    if (st->free.empty()) {
      ++st->skipped;
      return false;
    }
    const auto i = st->free.front();
    st->free.pop_front();
    send_invitation(st, i, scheduled, o);
    return true;
  };
  const std::function<bool()> drained = [&] {
    for (const auto& p : st->pairs)
      if (p.busy) return false;
    return true;
  };

  if (o.warmup_seconds > 0 && !o.rates.empty()) {
    co_await open_loop(send_one, o.rates.front(), o.warmup_seconds);
    co_await wait_until(drained, milliseconds(5000));
  }
  json::array steps;
  double best_rate = 0;
  for (const double rate : o.rates) {
    st->latency.clear();
    st->sent = st->completed = st->errors = st->skipped = 0;
    st->error_codes.clear();
    const auto cpu0 = read_proc(o.server_pid).cpu_seconds;
    const auto self0 = self_cpu_seconds();
    const auto t0 = now_ns();
    co_await open_loop(send_one, rate, o.step_seconds);
    const double send_s = static_cast<double>(now_ns() - t0) / 1e9;
    co_await wait_until(drained, milliseconds(5000));
    const double cpu = read_proc(o.server_pid).cpu_seconds - cpu0;
    json::object step{{"rate", rate},
                      {"seconds", send_s},
                      {"sent", st->sent},
                      {"completed", st->completed},
                      {"achievedRate", static_cast<double>(st->completed) / send_s},
                      {"errors", st->errors},
                      {"skipped", st->skipped},
                      {"serverCpuSeconds", cpu},
                      {"generatorCpuSeconds", self_cpu_seconds() - self0},
                      {"latency", st->latency.summary()}};
    json::object codes;
    for (const auto& [code, n] : st->error_codes) codes[code] = n;
    step["errorCodes"] = std::move(codes);
    const double offered = rate * o.step_seconds;
    const bool held = static_cast<double>(st->completed) >= 0.99 * offered && st->latency.percentile_ms(99) < o.p99_limit_ms;
    step["held"] = held;
    steps.push_back(std::move(step));
    if (!held) break;
    best_rate = rate;
    // Pairs stuck after the drain window (lost events) are not reused.
  }
  drop_all(clients);
  auto out = base(o);
  out["pairs"] = o.pairs;
  out["connected"] = conn->ok;
  out["p99LimitMs"] = o.p99_limit_ms;
  out["maxRateHeld"] = best_rate;
  out["steps"] = std::move(steps);
  co_return out;
}

// ---------------------------------------------------------------------------------------------
// signal: pairs in rooms relaying webrtc-offer/answer/ice-candidate.

struct signal_state {
  std::vector<std::pair<client_ptr, client_ptr>> pairs;
  std::vector<std::string> rooms;
  std::size_t joined = 0, setup_errors = 0;
  std::map<std::string, std::size_t> error_codes;
  samples latency;
  std::size_t sent = 0, relayed = 0, acked = 0, errors = 0;
};

std::int64_t leading_number(std::string_view s) {
  const auto colon = s.find(':');
  if (colon != std::string_view::npos && colon < 12) s.remove_prefix(colon + 1);
  std::int64_t v = 0;
  std::from_chars(s.data(), s.data() + s.size(), v);
  return v;
}

void on_signal_event(const std::shared_ptr<signal_state>& st, std::string_view event, json::array& args) {
  if (args.empty() || !args[0].is_object()) return;
  const auto& obj = args[0].as_object();
  std::int64_t sent_at = 0;
  if (event == "webrtc-offer" || event == "webrtc-answer") {
    if (const auto* sdp = obj.if_contains("sdp"); sdp && sdp->is_string()) sent_at = leading_number(sdp->get_string());
  } else if (event == "webrtc-ice-candidate") {
    if (const auto* cand = string_at(args[0], {"candidate", "candidate"})) sent_at = leading_number(*cand);
  } else {
    return;
  }
  ++st->relayed;
  if (sent_at > 0) st->latency.add(now_ns() - sent_at);
}

void wire_signal_pair(const std::shared_ptr<signal_state>& st, std::size_t i) {
  std::weak_ptr<signal_state> weak = st;
  auto join = [weak, i](client& c, const std::string& room) {
    c.emit("join-room", json::object{{"roomId", room}}, [weak](client&, json::array& ack) {
      auto st = weak.lock();
      if (!st) return;
      if (ack_ok(ack))
        ++st->joined;
      else
        ++st->error_codes["join:" + ack_error(ack)], ++st->setup_errors;
    });
  };
  st->pairs[i].second->on_event = [weak, i](client& c, std::string_view event, json::array& args) {
    auto st = weak.lock();
    if (!st) return;
    if (event == "interview-invitation-received" && !args.empty()) {
      if (const auto* room = string_at(args[0], {"interview", "roomId"})) {
        c.emit("respond-to-invitation", json::object{{"roomId", *room}, {"accept", true}}, [weak](client&, json::array& ack) {
          auto st = weak.lock();
          if (st && !ack_ok(ack)) ++st->error_codes["accept:" + ack_error(ack)], ++st->setup_errors;
        });
      }
      return;
    }
    on_signal_event(st, event, args);
  };
  st->pairs[i].first->on_event = [weak, i, join](client& c, std::string_view event, json::array& args) {
    auto st = weak.lock();
    if (!st) return;
    if (event == "invitation-accepted" && !args.empty()) {
      if (const auto* room = string_at(args[0], {"interview", "roomId"})) {
        st->rooms[i] = std::string(*room);
        join(*st->pairs[i].first, st->rooms[i]);
        join(*st->pairs[i].second, st->rooms[i]);
      }
      return;
    }
    on_signal_event(st, event, args);
  };
}

void send_signal(const std::shared_ptr<signal_state>& st, std::size_t k, std::int64_t scheduled, const options& o,
                 const std::string& padding) {
  const auto pair = k % st->pairs.size();
  const bool forward = (k / st->pairs.size()) % 2 == 0;
  auto& from = forward ? *st->pairs[pair].first : *st->pairs[pair].second;
  const auto& room = st->rooms[pair];
  const auto kind = k % 10;
  json::object payload{{"roomId", room}};
  std::string_view event;
  if (kind == 0 || kind == 5) {
    event = kind == 0 ? "webrtc-offer" : "webrtc-answer";
    payload["sdp"] = std::to_string(scheduled) + "\r\n" + padding;
  } else {
    event = "webrtc-ice-candidate";
    payload["candidate"] = json::object{
        {"candidate", "candidate:" + std::to_string(scheduled) + " 1 udp 2122260223 192.168.1.20 54321 typ host generation 0"},
        {"sdpMid", "0"},
        {"sdpMLineIndex", 0}};
  }
  ++st->sent;
  std::weak_ptr<signal_state> weak = st;
  from.emit(event, std::move(payload), [weak](client&, json::array& ack) {
    auto st = weak.lock();
    if (!st) return;
    if (ack_ok(ack)) {
      ++st->acked;
    } else {
      ++st->errors;
      ++st->error_codes["relay:" + ack_error(ack)];
    }
  });
}

awaitable<json::object> run_signal(const options& o) {
  auto ex = co_await asio::this_coro::executor;
  auto clients = make_clients(ex, o, 0, static_cast<std::size_t>(o.pairs) * 2);
  auto conn = co_await connect_all(clients, static_cast<std::size_t>(o.connect_concurrency), ms(o.timeout_seconds));
  auto st = std::make_shared<signal_state>();
  st->rooms.resize(static_cast<std::size_t>(o.pairs));
  for (std::size_t i = 0; i < static_cast<std::size_t>(o.pairs); ++i) {
    st->pairs.emplace_back(clients[2 * i], clients[2 * i + 1]);
    wire_signal_pair(st, i);
  }
  // Set up the rooms, a few at a time.
  const std::function<bool()> joined_or_failed = [&] { return st->joined + st->setup_errors >= 2 * st->pairs.size(); };
  for (std::size_t i = 0; i < st->pairs.size(); ++i) {
    json::array questions;
    for (const auto& q : o.question_ids) questions.emplace_back(q);
    json::object payload{{"inviteeId", st->pairs[i].second->user_id()}, {"questionIds", std::move(questions)}};
    std::weak_ptr<signal_state> weak = st;
    st->pairs[i].first->emit("send-interview-invitation", std::move(payload), [weak](client&, json::array& ack) {
      auto st = weak.lock();
      if (st && !ack_ok(ack)) ++st->error_codes["send:" + ack_error(ack)], st->setup_errors += 2;
    });
    if (i % 50 == 49) co_await sleep_for(milliseconds(20));
  }
  co_await wait_until(joined_or_failed, ms(o.timeout_seconds));
  const auto setup_errors = st->error_codes;
  std::vector<std::size_t> ready;
  for (std::size_t i = 0; i < st->rooms.size(); ++i)
    if (!st->rooms[i].empty()) ready.push_back(i);

  json::array steps;
  json::object best;
  const std::string padding(static_cast<std::size_t>(std::max(0, o.sdp_bytes - 20)), 'a');
  std::function<bool(std::int64_t)> send_one = [&, k = std::size_t{0}](std::int64_t scheduled) mutable {
    send_signal(st, k++, scheduled, o, padding);
    return true;
  };
  const std::function<bool()> drained = [&] { return st->relayed >= st->sent && st->acked + st->errors >= st->sent; };
  if (st->joined < 2 * st->pairs.size()) {
    // Only complete rooms take part.
    std::vector<std::pair<client_ptr, client_ptr>> kept;
    std::vector<std::string> rooms;
    for (auto i : ready) kept.push_back(st->pairs[i]), rooms.push_back(st->rooms[i]);
    st->pairs = std::move(kept);
    st->rooms = std::move(rooms);
  }
  if (o.warmup_seconds > 0 && !o.rates.empty() && !st->pairs.empty()) {
    co_await open_loop(send_one, o.rates.front(), o.warmup_seconds);
    co_await wait_until(drained, milliseconds(5000));
  }
  for (const double rate : st->pairs.empty() ? std::vector<double>{} : o.rates) {
    st->latency.clear();
    st->sent = st->relayed = st->acked = st->errors = 0;
    st->error_codes.clear();
    const auto cpu0 = read_proc(o.server_pid).cpu_seconds;
    const auto self0 = self_cpu_seconds();
    const auto t0 = now_ns();
    co_await open_loop(send_one, rate, o.step_seconds);
    co_await wait_until(drained, milliseconds(5000));
    const double seconds = static_cast<double>(now_ns() - t0) / 1e9;
    const double cpu = read_proc(o.server_pid).cpu_seconds - cpu0;
    json::object step{{"rate", rate},
                      {"seconds", seconds},
                      {"sent", st->sent},
                      {"relayed", st->relayed},
                      {"acked", st->acked},
                      {"errors", st->errors},
                      {"relayedPerSecond", static_cast<double>(st->relayed) / seconds},
                      {"serverCpuSeconds", cpu},
                      {"relayedPerServerCpuSecond", cpu > 0 ? static_cast<double>(st->relayed) / cpu : 0.0},
                      {"generatorCpuSeconds", self_cpu_seconds() - self0},
                      {"latency", st->latency.summary()}};
    json::object codes;
    for (const auto& [code, n] : st->error_codes) codes[code] = n;
    step["errorCodes"] = std::move(codes);
    const bool held = static_cast<double>(st->relayed) >= 0.99 * rate * o.step_seconds &&
                      st->latency.percentile_ms(99) < o.p99_limit_ms;
    step["held"] = held;
    if (held || best.empty()) best = step;
    steps.push_back(std::move(step));
    if (!held) break;
  }
  drop_all(clients);
  auto out = base(o);
  out["pairs"] = o.pairs;
  out["connected"] = conn->ok;
  out["rooms"] = st->pairs.size();
  json::object codes;
  for (const auto& [code, n] : setup_errors) codes[code] = n;
  out["setupErrorCodes"] = std::move(codes);
  out["best"] = std::move(best);
  out["steps"] = std::move(steps);
  co_return out;
}

// ---------------------------------------------------------------------------------------------
// storm: N connected, all dropped at once, all reconnect at once.

awaitable<json::object> run_storm(const options& o) {
  auto ex = co_await asio::this_coro::executor;
  auto clients = make_clients(ex, o, 0, static_cast<std::size_t>(o.connections));
  auto first = co_await connect_all(clients, static_cast<std::size_t>(o.connect_concurrency), ms(o.timeout_seconds));
  co_await sleep_for(milliseconds(1000));
  const auto cpu0 = read_proc(o.server_pid).cpu_seconds;
  const auto t0 = now_ns();
  for (auto& c : clients)
    if (c->current() == client::state::connected) c->drop();
  auto again = co_await connect_all(clients, static_cast<std::size_t>(o.storm_concurrency), ms(o.timeout_seconds));
  const double seconds = static_cast<double>((again->ok == clients.size() ? again->last_ok_ns : now_ns()) - t0) / 1e9;
  const double cpu = read_proc(o.server_pid).cpu_seconds - cpu0;
  co_await sleep_for(milliseconds(500));
  const auto alive = count_connected(clients);
  drop_all(clients);
  auto out = base(o);
  out["clients"] = clients.size();
  out["connectedBefore"] = first->ok;
  out["reconnected"] = again->ok;
  out["failed"] = again->failed;
  out["retries"] = again->retries;
  out["allBack"] = again->ok == clients.size();
  out["secondsUntilAllBack"] = seconds;
  out["aliveAfter"] = alive;
  out["serverCpuSeconds"] = cpu;
  out["reconnectLatency"] = again->latency.summary();
  co_return out;
}

} // namespace

awaitable<json::object> run_scenario(const options& o) {
  if (o.scenario == "idle") co_return co_await run_idle(o);
  if (o.scenario == "invite") co_return co_await run_invite(o);
  if (o.scenario == "signal") co_return co_await run_signal(o);
  if (o.scenario == "storm") co_return co_await run_storm(o);
  throw std::invalid_argument("unknown scenario '" + o.scenario + "'");
}

} // namespace mm::load
