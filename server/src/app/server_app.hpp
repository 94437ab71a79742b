#pragma once
// The composition root: builds the store, bus, services, adapters and the network server from a
// config, runs until SIGTERM or SIGINT, then stops gracefully.
#include "app/config.hpp"

#include <string>

namespace mm::app {

// Returns the process exit code. Throws for bad start-up configuration (unopenable database...).
int serve(const config& cfg, const std::string& argv0);

} // namespace mm::app
