#include "app/server_app.hpp"

#include "bus/bus.hpp"
#include "bus/redis_bus.hpp"
#include "http/api.hpp"
#include "http/responses.hpp"
#include "net/random_token.hpp"
#include "net/router.hpp"
#include "net/server.hpp"
#include "net/spawn.hpp"
#include "cluster/membership.hpp"
#include "push/sender.hpp"
#include "push/vapid.hpp"
#include "realtime/gateway.hpp"
#include "services/deadlines.hpp"
#include "services/push_service.hpp"
#include "sandbox/pool.hpp"
#include "services/service_set.hpp"
#include "store/store.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <spdlog/spdlog.h>

#include <filesystem>
#include <sys/resource.h>
#include <unistd.h>
#include <mutex>
#include <thread>
#include <iostream>

namespace mm::app {

namespace asio = boost::asio;

namespace {
std::optional<std::filesystem::path> web_root(const config& cfg, const std::string& argv0) {
  if (cfg.web_root) return std::filesystem::path(*cfg.web_root);
  std::error_code ec;
  const auto exe = std::filesystem::canonical("/proc/self/exe", ec);
  for (const auto& candidate : {exe.parent_path() / ".." / "web" / "dist", std::filesystem::path("web/dist")})
    if (std::filesystem::exists(candidate / "index.html", ec)) return std::filesystem::weakly_canonical(candidate, ec);
  return std::nullopt;
}

services::service_config service_config_of(const config& cfg) {
  services::service_config s;
  s.invitation_ttl = domain::seconds_to_ms(cfg.invitation_ttl);
  s.rejoin_grace = domain::seconds_to_ms(cfg.rejoin_grace);
  s.invitation_rate_count = cfg.invitation_rate_count;
  s.invitation_rate_window = domain::seconds_to_ms(cfg.invitation_rate_window);
  s.stun_uris = cfg.stun_uris;
  s.turn_uris = cfg.turn_uris;
  s.turn_secret = cfg.turn_secret;
  s.turn_ttl = std::chrono::seconds{cfg.turn_ttl};
  s.round_minutes = cfg.round_minutes;
  return s;
}
// The other nodes are told first (with --redis), the bus stopped last (it sends what is queued).
asio::awaitable<void> shut_down(asio::io_context& io, net::server& server, realtime::gateway& gateway,
                                services::timers& deadlines, realtime::presence_registry& presence,
                                cluster::membership& cluster, bus::redis_bus* redis, services::run_service& runs) {
  cluster.stop();
  gateway.close();
  co_await server.stop();
  deadlines.cancel_all();
  presence.stop();
  if (redis) redis->stop();
  io.stop();
}
} // namespace

int serve(const config& cfg, const std::string& argv0) {
  asio::io_context io{1};
  // Alone (no --redis), the node holds its SQLite file exclusively; nodes sharing one need locks.
  auto db = store::create_store(cfg.db, {.exclusive = !cfg.redis});
  db->migrate();
  // SQLite: 1 thread and group commit; PostgreSQL: its pool, each call committing by itself.
  services::db_executor executor{db->preferred_threads(), db->batching()};
  // --redis: several nodes sharing the database and Redis act as one service.
  std::unique_ptr<bus::bus> events;
  bus::redis_bus* redis = nullptr;
  if (cfg.redis) {
    auto r = bus::create_redis_bus(io.get_executor(), *cfg.redis, net::random_token(9));
    redis = r.get();
    events = std::move(r);
  } else {
    events = bus::create_local_bus(io.get_executor());
  }
  domain::system_clock clock;
  services::metrics counters;
  services::timers deadlines{io.get_executor(), clock};
  realtime::gateway_options rt_options;
  rt_options.allowed_origins = cfg.allowed_origins;
  rt_options.ping_interval = std::chrono::milliseconds{cfg.ping_interval_ms};
  rt_options.ping_timeout = std::chrono::milliseconds{cfg.ping_timeout_ms};
  rt_options.max_sockets_per_user = static_cast<std::size_t>(cfg.max_sockets_per_user);
  rt_options.max_payload = static_cast<std::size_t>(cfg.max_payload);
  rt_options.connect_timeout = std::chrono::milliseconds{static_cast<long long>(cfg.connect_timeout * 1000)};
  rt_options.message_burst = static_cast<std::size_t>(cfg.message_burst);
  rt_options.message_rate = cfg.message_window > 0 ? cfg.message_burst / cfg.message_window : 0;
  // The only place that chooses how this node takes part: alone, or with the others through Redis.
  auto membership = redis ? cluster::create_redis_membership(io.get_executor(), *redis, clock) : cluster::create_local_membership();
  realtime::presence_registry presence{io.get_executor(), *membership};

  services::context ctx{io.get_executor(), *db, executor, *events, clock, presence, deadlines, counters, service_config_of(cfg)};
  services::timezone_db zones{ctx.config.zoneinfo_dir};
  services::password_hasher hasher{2};
  services::auth_service auth{ctx, hasher};
  services::profile_service profiles{ctx, zones};
  services::partner_service partners{ctx, zones};
  services::invitation_service invitations{ctx, zones};
  services::room_service rooms{ctx};
  services::trust_service trust{ctx};
  services::round_service rounds{ctx};
  services::workspace_service workspaces{ctx};
  services::chat_service chat{ctx};
  services::run_service runs{ctx};
  services::service_set set{ctx, auth, profiles, partners, invitations, rooms, trust, rounds, workspaces, chat, runs};
  // Web Push: the VAPID key (a start-up error when it cannot be read or created), the sender on its
  // own thread, and the service the routes and the notifier use (ctx.push).
  std::optional<push::vapid_key> vapid;
  std::unique_ptr<push::sender> push_sender;
  services::push_setup push_setup;
  if (cfg.push) {
    auto subject = push::check_vapid_subject(cfg.vapid_subject);
    if (!subject) throw std::invalid_argument("--vapid-subject: " + subject.error().message);
    const std::filesystem::path key_path = vapid_key_path(cfg);
    if (key_path.has_parent_path()) std::filesystem::create_directories(key_path.parent_path());
    vapid.emplace(push::vapid_key::load_or_create(key_path));
    push::sender_options push_options;
    push_options.subject = *subject;
    push_options.allowed = push::origin_allow_list(cfg.push_allow_origins);
    push_setup.allowed = push_options.allowed;
    push_setup.public_key = vapid->public_key();
    push_sender = std::make_unique<push::sender>(*vapid, clock, std::move(push_options));
    push_setup.sender = push_sender.get();
    counters.gauge("mockmate_push_pending", [s = push_sender.get()] { return static_cast<double>(s->pending()); });
  }
  services::push_service push_service{ctx, std::move(push_setup)};
  ctx.push = &push_service;
  // Code runs: the sandbox's start-up check takes a few seconds (a compile among its trials), so
  // it runs on a thread of its own; runs wait for its report and are `unavailable` when it
  // fails. A lone node finishes the runs a stopped or dead process left unfinished.
  if (!cfg.redis) db->finish_orphaned_runs("The server restarted before this run finished; run it again.", clock.now());
  // The check thread sets up the sandbox too (cgroups are probed there), so none of it delays
  // the listening socket, and it runs at the lowest priority. It posts the report to the I/O
  // executor, where the pool is made. A check still under way at exit is abandoned, not waited
  // for (a quick restart must not linger with its sockets closed): it owns its runner, and it
  // neither logs nor posts once `check->abandoned` is set.
  struct check_state {
    std::mutex mutex;
    bool abandoned = false, done = false;
  };
  auto check = std::make_shared<check_state>();
  std::shared_ptr<sandbox::runner> sandbox_runner;
  std::unique_ptr<sandbox::pool> run_pool;
  runs.checking();
  const auto workers = cfg.run_workers > 0 ? static_cast<std::size_t>(cfg.run_workers) : sandbox::pool::default_workers();
  auto check_sandbox = [check, &io, &runs, &run_pool, &sandbox_runner, workers] {
    ::setpriority(PRIO_PROCESS, static_cast<id_t>(::gettid()), 19); // its sandboxes inherit it
    sandbox::self_test_report report;
    std::shared_ptr<sandbox::runner> runner;
    try {
      runner = sandbox::create_sandbox({});
      report = runner->self_test();
    } catch (const std::exception& e) {
      report = {};
      report.problems.push_back(std::string("the sandbox cannot be set up: ") + e.what());
    }
    std::lock_guard lock(check->mutex);
    check->done = true;
    if (check->abandoned) return;
    for (const auto& problem : report.problems) spdlog::warn("sandbox check: {}", problem);
    if (report.confined) spdlog::info("code runs: {} workers, {}", workers, report.enforcement);
    else spdlog::warn("code runs are off: the sandbox failed its start-up check");
    asio::post(io, [&runs, &run_pool, &sandbox_runner, runner, workers, report = std::move(report)]() mutable {
      sandbox_runner = runner;
      if (report.confined && runner) run_pool = std::make_unique<sandbox::pool>(*runner, workers);
      runs.attach(run_pool.get(), std::move(report));
    });
  };
  std::thread sandbox_check; // started once the server listens

  http::api api{set, {cfg.allowed_origins, web_root(cfg, argv0), cfg.auth_rate_count, cfg.auth_rate_window}};
  services::follow_deadlines(ctx);
  realtime::gateway gateway{io.get_executor(), set, presence, *membership, rt_options};
  if (membership->shared()) spdlog::info("cluster node {}: sharing Redis with the other nodes", membership->node_id());
  net::router router;
  router.add("/socket.io/", gateway.handler());
  router.fallback(api);

  net::server_options net_options;
  net_options.max_connections = static_cast<std::size_t>(cfg.max_connections);
  net_options.websocket_max_message = static_cast<std::size_t>(cfg.max_payload); // = the Engine.IO maxPayload
  net_options.error_response = [](int status, std::string_view message) {
    auto code = status == 413 ? domain::errc::payload_too_large
              : status >= 500 ? domain::errc::internal
                              : domain::errc::validation_failed;
    auto r = http::error_response(domain::fail(code, std::string(message)));
    r.status = status;
    return r;
  };
  net::server server{io.get_executor(), router, net_options};
  counters.gauge("mockmate_open_connections", [&server] { return static_cast<double>(server.open_connections()); });
  counters.gauge("mockmate_sockets_connected", [&gateway] { return static_cast<double>(gateway.connected_sockets()); });
  if (auto* batching = db->batching()) {
    counters.gauge("mockmate_db_commits", [batching] { return static_cast<double>(batching->commits()); });
    counters.gauge("mockmate_db_batches", [&executor] { return static_cast<double>(executor.batches()); });
    counters.gauge("mockmate_db_batched_calls", [&executor] { return static_cast<double>(executor.batched_calls()); });
  }

  auto bound = server.listen({asio::ip::make_address(cfg.listen_host), cfg.listen_port});
  if (!bound) throw std::runtime_error("cannot listen on " + cfg.listen_host + ":" + std::to_string(cfg.listen_port) + ": " +
                                       bound.error().message());

  net::spawn_logged(io.get_executor(), services::restore_deadlines(ctx, !membership->shared()), "restore deadlines");
  net::spawn_logged(io.get_executor(), services::sweep_deadlines(ctx, domain::milliseconds{1000}), "deadline sweep");

  asio::signal_set signals{io, SIGINT, SIGTERM};
  signals.async_wait([&](const boost::system::error_code& ec, int sig) {
    if (ec) return;
    spdlog::info("signal {}: shutting down", sig);
    net::spawn_logged(io.get_executor(), shut_down(io, server, gateway, deadlines, presence, *membership, redis, runs), "shutdown");
  });

  const auto ep = *bound;
  const auto host = ep.address().is_v6() ? "[" + ep.address().to_string() + "]" : ep.address().to_string();
  std::cout << "listening on http://" << host << ":" << ep.port() << std::endl;
  spdlog::info("serving {} with {}", "http://" + host + ":" + std::to_string(ep.port()), cfg.db.substr(0, cfg.db.find(':')));
  sandbox_check = std::thread(check_sandbox);
  io.run();
  if (push_sender) push_sender->stop(); // pushes under way are abandoned; their completions never run
  if (run_pool) run_pool->shutdown();
  {
    std::lock_guard lock(check->mutex);
    check->abandoned = true;
    if (check->done) sandbox_check.join();
    else sandbox_check.detach();
  }
  executor.stop(); // every acknowledged change is committed before the process exits
  spdlog::info("stopped");
  return 0;
}

} // namespace mm::app
