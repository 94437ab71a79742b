#include "net/static_files.hpp"

#include <fmt/format.h>

#include <array>
#include <fstream>
#include <iterator>
#include <utility>

namespace mm::net {
namespace fs = std::filesystem;

std::string_view content_type_for(std::string_view extension) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 19> types{{
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".ico", "image/x-icon"},
      {".json", "application/json"},
      {".map", "application/json"},
      {".woff2", "font/woff2"},
      {".woff", "font/woff"},
      {".txt", "text/plain; charset=utf-8"},
      {".webmanifest", "application/manifest+json"},
      {".jpg", "image/jpeg"},
      {".jpeg", "image/jpeg"},
      {".webp", "image/webp"},
      {".gif", "image/gif"},
      {".wasm", "application/wasm"},
      {".xml", "application/xml"},
  }};
  for (const auto& [ext, type] : types)
    if (iequals(ext, extension)) return type;
  return "application/octet-stream";
}

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Percent-decodes a path; nullopt for a malformed escape or a NUL byte.
std::optional<std::string> decode_path(std::string_view path) {
  std::string out;
  out.reserve(path.size());
  for (std::size_t i = 0; i < path.size(); ++i) {
    char c = path[i];
    if (c == '%') {
      if (i + 2 >= path.size()) return std::nullopt;
      const int hi = hex_value(path[i + 1]), lo = hex_value(path[i + 2]);
      if (hi < 0 || lo < 0) return std::nullopt;
      c = static_cast<char>(hi * 16 + lo);
      i += 2;
    }
    if (c == '\0') return std::nullopt;
    out += c;
  }
  return out;
}

// The safe relative path for a decoded URL path; nullopt if any segment is "..", ".", hidden
// (starts with '.') or holds a backslash.
std::optional<fs::path> relative_path(std::string_view decoded) {
  fs::path rel;
  std::size_t pos = 0;
  while (pos <= decoded.size()) {
    const auto end = std::min(decoded.find('/', pos), decoded.size());
    const auto segment = decoded.substr(pos, end - pos);
    if (!segment.empty()) {
      if (segment.front() == '.' || segment.find('\\') != std::string_view::npos) return std::nullopt;
      rel /= std::string(segment);
    }
    pos = end + 1;
  }
  return rel;
}

} // namespace

std::optional<response> static_files::serve(const request& req) const {
  if (req.method != "GET" && req.method != "HEAD") return std::nullopt;
  if (req.path.empty() || req.path.front() != '/') return std::nullopt;
  const auto decoded = decode_path(req.path);
  if (!decoded) return std::nullopt;
  const auto rel = relative_path(*decoded);
  if (!rel) return std::nullopt;

  std::error_code ec;
  if (!rel->empty()) {
    const auto file = root_ / *rel;
    if (fs::is_regular_file(file, ec)) {
      const bool index = rel->filename() == "index.html";
      const bool hashed = decoded->starts_with("/assets/");
      return file_response(file, req, index || !hashed ? "no-cache" : "public, max-age=31536000, immutable");
    }
    if (rel->has_extension()) return std::nullopt;
  }
  return file_response(root_ / "index.html", req, "no-cache");
}

std::optional<response> static_files::file_response(const fs::path& file, const request& req,
                                                    std::string cache_control) const {
  std::error_code ec;
  const auto size = fs::file_size(file, ec);
  if (ec) return std::nullopt;
  const auto mtime = fs::last_write_time(file, ec);
  if (ec) return std::nullopt;
  const auto etag = fmt::format("W/\"{:x}-{:x}\"", size, mtime.time_since_epoch().count());

  response res;
  res.set("Cache-Control", std::move(cache_control));
  res.set("ETag", etag);
  res.set("X-Content-Type-Options", "nosniff");
  if (req.header_value("If-None-Match") == etag) {
    res.status = 304;
    return res;
  }
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  res.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  res.set("Content-Type", std::string(content_type_for(file.extension().string())));
  return res;
}

} // namespace mm::net
