#pragma once
// Which round's document a workspace event addresses, and which rounds have a document to show
// (API.md, "Shared code editor": one document per round; `round` defaults to the current round).
// Pure.
#include "domain/error.hpp"
#include "domain/types.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace mm::domain {

// The round of `iv` that workspace events without `round` address: the current round
// (domain::current_round: round 1 until round 2 starts). A given `round` must be 1 or 2, else
// validation_failed naming `round`; round 2's document may be written before round 2 starts
// (a participant may prepare it), and GET shows it once it is stored.
outcome<int> workspace_round(const interview& iv, std::optional<std::int64_t> requested);

// The rounds whose document GET /api/interviews/:roomId shows even when nobody wrote in them:
// none before the interview was accepted (pending, rejected, cancelled, expired), else 1 up to
// the current round (workspace_round). Rounds with a stored document are shown besides.
std::vector<int> workspace_rounds(const interview& iv);

} // namespace mm::domain
