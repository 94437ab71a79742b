#pragma once
// net::static_files: serves the built web client from a directory.
#include "net/message.hpp"

#include <filesystem>
#include <optional>
#include <string_view>

namespace mm::net {

// The Content-Type for a file extension such as ".js" (case-insensitive);
// application/octet-stream when unknown.
std::string_view content_type_for(std::string_view extension);

class static_files {
public:
  explicit static_files(std::filesystem::path root) : root_(std::move(root)) {}

  // Answers a GET or HEAD for `req.path` (percent-decoded here):
  // - "/" and, as the single-page-app fallback, any extension-less path that names no file:
  //   root/index.html with Cache-Control: no-cache;
  // - a file under root: 200 with its Content-Type; Cache-Control "public, max-age=31536000,
  //   immutable" under /assets/ (hashed names), no-cache elsewhere; ETag, and 304 when
  //   If-None-Match matches.
  // nullopt when there is nothing to serve (other methods, missing files, dot segments, hidden
  // files, malformed escapes): the caller answers 404 in its own shape. Never reads outside root.
  // Reads the file synchronously on the calling thread: meant for small files.
  std::optional<response> serve(const request& req) const;

  const std::filesystem::path& root() const noexcept { return root_; }

private:
  std::optional<response> file_response(const std::filesystem::path& file, const request& req,
                                        std::string cache_control) const;
  std::filesystem::path root_;
};

} // namespace mm::net
