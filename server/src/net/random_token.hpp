#pragma once
// Unguessable identifiers (session ids, socket ids) from the operating system's CSPRNG.
#include <cstddef>
#include <string>

namespace mm::net {

// `bytes` random bytes as unpadded base64url (4 characters per 3 bytes). Throws
// std::system_error only if the kernel's random source is unavailable.
std::string random_token(std::size_t bytes);

} // namespace mm::net
