// socketio-echo: the server profile the official Engine.IO and Socket.IO protocol test suites
// expect, built on net and socketio only.
//
//   socketio-echo [--port N] [--host H] [--web-root DIR] [--ping-interval MS] [--ping-timeout MS]
//   (default 127.0.0.1:3000; port 0 picks a free one; DIR's files are served at /, e.g. a page
//   for a browser test)
//
// - Socket.IO at /socket.io/, namespaces "/" and "/custom": on connection emits "auth" with the
//   handshake's auth; "message" is echoed as "message-back" (binary attachments included);
//   "message-with-ack" is acknowledged with its own arguments.
//   Beyond the official suites, for the interop tests: "request-ack" makes the server emit
//   "ack-request" with the same arguments and an acknowledgement (1 s timeout), then report the
//   client's answer (or {"error": ...}) as "ack-response"; "join" puts the socket in a room and
//   "broadcast" (room, ...args) emits "broadcast" with args to the room's other sockets.
// - Raw Engine.IO at /engine.io/: every message is echoed back.
// - pingInterval 300 ms, pingTimeout 200 ms, maxPayload 1000000, connectTimeout 1000 ms, CORS
//   for any origin.
// Prints "listening on http://HOST:PORT" once accepting; SIGINT/SIGTERM stop it gracefully.
#include "net/router.hpp"
#include "net/server.hpp"
#include "net/spawn.hpp"
#include "net/static_files.hpp"
#include "socketio/engine_server.hpp"
#include "socketio/server.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <spdlog/spdlog.h>

#include <charconv>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>

namespace {
using namespace mm;

struct args {
  std::string host = "127.0.0.1";
  unsigned short port = 3000;
  std::string web_root;
  unsigned ping_interval_ms = 300;
  unsigned ping_timeout_ms = 200;
};

// Serves files from a directory; 404 for anything else.
class static_handler final : public net::handler {
public:
  explicit static_handler(std::string root) : files_(std::move(root)) {}
  boost::asio::awaitable<net::response> handle(net::request req) override {
    if (auto res = files_.serve(req)) co_return std::move(*res);
    co_return net::response::text(404, "not found\n");
  }

private:
  net::static_files files_;
};

bool parse_args(int argc, char** argv, args& out) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if ((a == "--port" || a == "--host" || a == "--web-root" || a == "--ping-interval" || a == "--ping-timeout") &&
        i + 1 < argc) {
      const std::string_view v = argv[++i];
      if (a == "--host") {
        out.host = std::string(v);
        continue;
      }
      if (a == "--web-root") {
        out.web_root = std::string(v);
        continue;
      }
      unsigned value = 0;
      auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), value);
      if (ec != std::errc() || p != v.data() + v.size()) return false;
      if (a == "--ping-interval") out.ping_interval_ms = value;
      else if (a == "--ping-timeout") out.ping_timeout_ms = value;
      else if (value > 65535) return false;
      else out.port = static_cast<unsigned short>(value);
    } else {
      return false;
    }
  }
  return true;
}

socketio::engine_options echo_engine_options(const args& a) {
  socketio::engine_options o;
  o.ping_interval = std::chrono::milliseconds(a.ping_interval_ms);
  o.ping_timeout = std::chrono::milliseconds(a.ping_timeout_ms);
  o.max_payload = 1'000'000;
  o.allow_origin = [](std::string_view) { return true; };
  return o;
}

void echo_socket(const std::shared_ptr<socketio::socket>& s) {
  s->emit("auth", boost::json::array{s->handshake().auth});
  s->on("message", [weak = std::weak_ptr<socketio::socket>(s)](socketio::message msg, socketio::ack) {
    if (auto self = weak.lock()) self->emit("message-back", std::move(msg.args), std::move(msg.attachments));
  });
  s->on("message-with-ack", [](socketio::message msg, socketio::ack reply) {
    reply(std::move(msg.args), std::move(msg.attachments));
  });
  s->on("request-ack", [weak = std::weak_ptr<socketio::socket>(s)](socketio::message msg, socketio::ack) {
    auto self = weak.lock();
    if (!self) return;
    self->emit_with_ack(
        "ack-request", std::move(msg.args),
        [weak](boost::system::error_code ec, socketio::message reply) {
          auto self = weak.lock();
          if (!self) return;
          if (ec) self->emit("ack-response", boost::json::array{boost::json::object{{"error", ec.message()}}});
          else self->emit("ack-response", std::move(reply.args), std::move(reply.attachments));
        },
        std::chrono::seconds(1), std::move(msg.attachments));
  });
  s->on("join", [weak = std::weak_ptr<socketio::socket>(s)](socketio::message msg, socketio::ack reply) {
    auto self = weak.lock();
    if (!self || msg.args.empty() || !msg.args[0].is_string()) return;
    self->join(std::string(msg.args[0].get_string()));
    if (reply) reply();
  });
  s->on("broadcast", [weak = std::weak_ptr<socketio::socket>(s)](socketio::message msg, socketio::ack reply) {
    auto self = weak.lock();
    if (!self || msg.args.empty() || !msg.args[0].is_string()) return;
    const std::string room(msg.args[0].get_string());
    msg.args.erase(msg.args.begin());
    const auto n = self->space().emit_to_room(room, "broadcast", msg.args, std::move(msg.attachments), self.get());
    if (reply) reply(boost::json::array{n});
  });
}

// Graceful stop: Socket.IO and Engine.IO sessions first (waiting polls answered), then the
// HTTP server (WebSockets closed with 1001, in-flight requests finished).
boost::asio::awaitable<void> shut_down(boost::asio::io_context& io, socketio::server& sio, socketio::engine_server& raw,
                                       net::server& http) {
  sio.close();
  raw.close();
  co_await http.stop();
  // Let the closed connections unwind before the io_context goes away.
  boost::asio::steady_timer pause(io);
  for (int i = 0; i < 200 && (http.open_connections() > 0 || sio.client_count() > 0 || raw.session_count() > 0); ++i) {
    pause.expires_after(std::chrono::milliseconds(10));
    co_await pause.async_wait(boost::asio::use_awaitable);
  }
  pause.expires_after(std::chrono::milliseconds(10));
  co_await pause.async_wait(boost::asio::use_awaitable);
  io.stop();
}

} // namespace

int main(int argc, char** argv) {
  args a;
  if (!parse_args(argc, argv, a)) {
    std::fprintf(stderr, "usage: socketio-echo [--port N] [--host H] [--web-root DIR] [--ping-interval MS] [--ping-timeout MS]\n");
    return 2;
  }
  spdlog::set_level(std::getenv("MM_LOG_REQUESTS") ? spdlog::level::info : spdlog::level::warn);

  boost::asio::io_context io(1);

  socketio::server_options sio_opts;
  sio_opts.engine = echo_engine_options(a);
  sio_opts.path = "/socket.io/";
  sio_opts.connect_timeout = std::chrono::milliseconds(1000);
  socketio::server sio(io.get_executor(), sio_opts);
  sio.of("/").on_connection(echo_socket);
  sio.of("/custom").on_connection(echo_socket);

  socketio::engine_server raw(io.get_executor(), echo_engine_options(a));
  raw.on_connection([](std::shared_ptr<socketio::engine_socket> conn) {
    std::weak_ptr<socketio::engine_socket> weak = conn;
    conn->on_message = [weak](std::string_view data, bool binary) {
      auto self = weak.lock();
      if (!self) return;
      if (binary) self->send({std::make_shared<const std::string>(data), true});
      else self->send_text(data);
    };
  });

  net::router routes;
  routes.add("/socket.io/", sio);
  routes.add("/engine.io/", raw);
  std::unique_ptr<static_handler> files;
  if (!a.web_root.empty()) {
    files = std::make_unique<static_handler>(a.web_root);
    routes.fallback(*files);
  }

  net::server_options net_opts;
  net_opts.websocket_max_message = sio_opts.engine.max_payload;
  net_opts.body_limit = sio_opts.engine.max_payload + 1024;
  net::server http(io.get_executor(), routes, net_opts);

  boost::system::error_code ec;
  const auto address = boost::asio::ip::make_address(a.host, ec);
  if (ec) {
    std::fprintf(stderr, "socketio-echo: bad host %s\n", a.host.c_str());
    return 2;
  }
  auto bound = http.listen({address, a.port});
  if (!bound) {
    std::fprintf(stderr, "socketio-echo: cannot listen on %s:%u: %s\n", a.host.c_str(), a.port,
                 bound.error().message().c_str());
    return 1;
  }
  std::printf("listening on http://%s:%u\n", a.host.c_str(), bound->port());
  std::fflush(stdout);

  boost::asio::signal_set signals(io, SIGINT, SIGTERM);
  signals.async_wait([&](boost::system::error_code, int) {
    net::spawn_logged(io.get_executor(), shut_down(io, sio, raw, http), "shutdown");
  });
  io.run();
  return 0;
}
