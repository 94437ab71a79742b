#include "net/websocket_handshake.hpp"

#include <openssl/evp.h>

#include <array>
#include <stdexcept>

namespace mm::net::websocket {

namespace {
constexpr std::string_view guid = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

bool is_base64_char(char c) noexcept {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '/';
}
} // namespace

bool is_valid_key(std::string_view key) noexcept {
  if (key.size() != 24 || key.substr(22) != "==") return false;
  for (std::size_t i = 0; i < 22; ++i)
    if (!is_base64_char(key[i])) return false;
  return true;
}

std::string accept_value(std::string_view key) {
  std::string input(key);
  input.append(guid);
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int size = 0;
  if (EVP_Digest(input.data(), input.size(), digest.data(), &size, EVP_sha1(), nullptr) != 1 || size != 20)
    throw std::runtime_error("SHA-1 unavailable"); // broken infrastructure, not input
  std::array<unsigned char, 4 * ((20 + 2) / 3) + 1> encoded{};
  const int n = EVP_EncodeBlock(encoded.data(), digest.data(), 20);
  return std::string(reinterpret_cast<const char*>(encoded.data()), static_cast<std::size_t>(n));
}

std::string switching_protocols(std::string_view key, std::string_view request_id) {
  std::string out = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    "Sec-WebSocket-Accept: ";
  out += accept_value(key);
  out += "\r\nX-Request-Id: ";
  out += request_id;
  out += "\r\n\r\n";
  return out;
}

} // namespace mm::net::websocket
