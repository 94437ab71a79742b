#pragma once
// `mockmate admin ...`: operator commands that act on the store directly, without a server.
//
//   mockmate admin create-users --count N [--db URL] [--out FILE] [--password P]
//   mockmate admin reports [--db URL] [--json]
//
// create-users makes N users with complete profiles and one session each, for load tests, and
// writes one line "<userId> <token>" per user (to FILE, or standard output). Every user shares one
// argon2id password hash (computed once), so the command costs N store writes, not N hashes.
// reports lists what users reported (API.md v2), newest first, as text or as JSON.
#include <string>
#include <vector>

namespace mm::app {

// `args` are the words after "admin". Returns the process exit code; throws
// std::invalid_argument for bad usage (exit 2) and std::runtime_error for a store that fails.
int admin_command(const std::vector<std::string>& args);

std::string admin_usage();

} // namespace mm::app
