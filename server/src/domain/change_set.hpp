#pragma once
// Change sets of `@codemirror/state` (API.md, "Shared code editor"): the items of
// ChangeSet.toJSON() and their application to a round's document. Positions and lengths count
// UTF-16 code units, as JavaScript strings do, so the document is held as UTF-16 (an emoji is
// two units). Pure; services/change_set_json reads and writes the JSON shape.
#include "domain/error.hpp"

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace mm::domain {

namespace limits {
inline constexpr std::size_t document_units = 200'000; // UTF-16 code units in one document
inline constexpr std::size_t push_updates = 100;       // updates in one workspace-push
inline constexpr std::size_t push_bytes = 64 * 1024;   // one push's updates, as JSON
inline constexpr std::size_t client_id = 64;           // characters of an update's clientID
} // namespace limits

// One item of ChangeSet.toJSON(): a number keeps `length` units, `[n]` deletes them, and
// `[n, line, ...]` replaces them by the lines joined with "\n" (n may be 0: an insertion).
struct change_section {
  enum class kind { keep, remove, replace };
  kind op = kind::keep;
  std::size_t length = 0;
  std::vector<std::u16string> lines; // replace: at least one line, none holding '\n' or '\r'
  friend bool operator==(const change_section&, const change_section&) = default;
};

// Kept as parsed (no merging of neighbours), so it serializes back to the same JSON.
struct change_set {
  std::vector<change_section> sections;
  friend bool operator==(const change_set&, const change_set&) = default;
};

// One update of `@codemirror/collab`: `{clientID, changes}`.
struct doc_update {
  std::string client_id;
  change_set changes;
  friend bool operator==(const doc_update&, const doc_update&) = default;
};

// The length of the document `cs` applies to: its kept, deleted and replaced units (saturates
// at SIZE_MAX rather than wrapping).
std::size_t source_length(const change_set& cs);
// The length of the document it produces (saturating too).
std::size_t result_length(const change_set& cs);

// Applies `cs` to `doc`, a valid UTF-16 string (not `apply`: ADL would find std::apply). On
// failure `doc` is unchanged:
// - validation_failed naming `field` when source_length(cs) != doc.size(), or when the result
//   would hold an unpaired surrogate (a boundary inside an emoji with a change beside it): the
//   document must stay valid Unicode to be stored and sent as JSON, and editors never split one;
// - payload_too_large when the result would exceed limits::document_units.
outcome<void> apply_changes(std::u16string& doc, const change_set& cs, std::string_view field = "changes");

// Applies `updates` in order, all or nothing (a push). Failures as apply_changes', naming
// "updates[i].changes"; an intermediate document over the limit fails too.
outcome<void> apply_updates(std::u16string& doc, std::span<const doc_update> updates);

} // namespace mm::domain
