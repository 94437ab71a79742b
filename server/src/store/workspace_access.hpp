#pragma once
// What both backends' workspace calls do the same way inside their transactions: the access
// rule and the round (store/workspace_store.hpp), and a push applied to a stored document.
#include "store/workspace_store.hpp"

#include <optional>
#include <span>
#include <string>

namespace mm::store {

// not_found when there is no interview or `t.user_id` is no participant; conflict unless
// accepted or in_progress (domain::check, action::signal); then domain::workspace_round.
domain::outcome<int> workspace_access(const std::optional<domain::interview>& iv, const workspace_target& t);

// `doc` (UTF-8, as stored) after `updates`: domain::apply_updates' failures. Throws
// std::runtime_error for a stored document that is not valid UTF-8 (a broken database).
domain::outcome<std::string> apply_to_stored(const std::string& doc, std::span<const domain::doc_update> updates);

} // namespace mm::store
