#include "push/vapid.hpp"

#include "push/base64url.hpp"

#include <boost/json/object.hpp>
#include <boost/json/serialize.hpp>
#include <spdlog/spdlog.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <random>
#include <stdexcept>

namespace mm::push {
namespace {

[[noreturn]] void fail_file(const std::filesystem::path& path, std::string_view what, int err = 0) {
  std::string message = "VAPID key file " + path.string() + ": " + std::string(what);
  if (err != 0) message += std::string(" (") + std::strerror(err) + ")";
  throw std::runtime_error(message);
}

class fd_guard {
public:
  explicit fd_guard(int fd) : fd_(fd) {}
  ~fd_guard() { if (fd_ >= 0) ::close(fd_); }
  fd_guard(const fd_guard&) = delete;
  fd_guard& operator=(const fd_guard&) = delete;
  int get() const { return fd_; }

private:
  int fd_;
};

// The file's content; nullopt when it does not exist.
std::optional<std::string> read_key_file(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
  if (fd < 0) {
    if (errno == ENOENT) return std::nullopt;
    fail_file(path, "cannot be read", errno);
  }
  fd_guard guard(fd);
  struct stat st{};
  if (::fstat(fd, &st) != 0) fail_file(path, "cannot be read", errno);
  if (!S_ISREG(st.st_mode)) fail_file(path, "is not a regular file");
  if (st.st_size > 64 * 1024) fail_file(path, "is too large to be a PEM key");
  if ((st.st_mode & 077) != 0)
    spdlog::warn("VAPID key file {} is readable by group or others (mode {:o}); it should be 0600", path.string(),
                 st.st_mode & 0777);
  std::string content;
  char buf[4096];
  for (;;) {
    const ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      fail_file(path, "cannot be read", errno);
    }
    if (n == 0) break;
    content.append(buf, static_cast<std::size_t>(n));
  }
  return content;
}

// Writes `pem` to a private temporary file beside `path`, then links it at `path`: the key
// appears whole or not at all, and a file another process linked first is kept (false).
bool create_key_file(const std::filesystem::path& path, const std::string& pem) {
  std::random_device rd;
  auto temp = path;
  temp += ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(rd());
  const int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) fail_file(path, "cannot be created", errno);
  {
    fd_guard guard(fd);
    std::size_t done = 0;
    while (done < pem.size()) {
      const ssize_t n = ::write(fd, pem.data() + done, pem.size() - done);
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) {
        const int err = errno;
        ::unlink(temp.c_str());
        fail_file(path, "cannot be written", err);
      }
      done += static_cast<std::size_t>(n);
    }
    if (::fsync(fd) != 0) {
      const int err = errno;
      ::unlink(temp.c_str());
      fail_file(path, "cannot be written", err);
    }
  }
  const int linked = ::link(temp.c_str(), path.c_str());
  const int err = errno;
  ::unlink(temp.c_str());
  if (linked == 0) return true;
  if (err == EEXIST) return false;
  fail_file(path, "cannot be created", err);
}

std::string_view view(const auto& array) { return {reinterpret_cast<const char*>(array.data()), array.size()}; }

} // namespace

domain::outcome<std::string> check_vapid_subject(std::string_view subject) {
  const bool mailto = subject.starts_with("mailto:") && subject.size() > 7;
  const bool https = subject.starts_with("https://") && subject.size() > 8;
  const bool printable = std::all_of(subject.begin(), subject.end(), [](char c) { return c > 0x20 && c < 0x7f; });
  if (!(mailto || https) || !printable || subject.size() > 256)
    return domain::fail(domain::errc::validation_failed, "the VAPID subject must be a mailto: or https: URI");
  return std::string(subject);
}

vapid_key vapid_key::load_or_create(const std::filesystem::path& path) {
  for (int round = 0; round < 2; ++round) {
    if (auto pem = read_key_file(path)) {
      auto key = p256_key::from_pem(*pem);
      if (!key) fail_file(path, "holds no P-256 private key in PEM form");
      return vapid_key(std::move(*key));
    }
    auto key = p256_key::generate();
    if (create_key_file(path, key.to_pem())) {
      spdlog::info("created VAPID key file {}", path.string());
      return vapid_key(std::move(key));
    }
    // Another process created the file between our look and our link: use its key.
  }
  fail_file(path, "appeared and disappeared while being created");
}

vapid_key::vapid_key(p256_key key) : key_(std::move(key)), public_key_(base64url_encode(as_bytes(key_.public_point()))) {}

std::string vapid_key::token(std::string_view audience, std::string_view subject, domain::time_point now) const {
  using namespace std::chrono;
  const auto exp = duration_cast<seconds>(now.time_since_epoch()).count() + vapid_token_lifetime.count();
  boost::json::object claims;
  claims["aud"] = audience;
  claims["exp"] = exp;
  claims["sub"] = subject;
  std::string signing_input = base64url_encode(R"({"typ":"JWT","alg":"ES256"})");
  signing_input += '.';
  signing_input += base64url_encode(boost::json::serialize(claims));
  const auto signature = key_.sign_es256(signing_input);
  return signing_input + '.' + base64url_encode(view(signature));
}

std::string vapid_key::authorization(std::string_view audience, std::string_view subject, domain::time_point now) const {
  return "vapid t=" + token(audience, subject, now) + ", k=" + public_key_;
}

} // namespace mm::push
