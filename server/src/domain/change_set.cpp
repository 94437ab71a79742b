#include "domain/change_set.hpp"

#include "domain/utf16.hpp"

#include <limits>

namespace mm::domain {

namespace {

std::size_t add_saturated(std::size_t a, std::size_t b) {
  return a > std::numeric_limits<std::size_t>::max() - b ? std::numeric_limits<std::size_t>::max() : a + b;
}

std::size_t inserted_length(const change_section& s) {
  std::size_t n = s.lines.empty() ? 0 : s.lines.size() - 1; // the "\n" between lines
  for (const auto& line : s.lines) n = add_saturated(n, line.size());
  return n;
}

// Appends pieces and tells whether a junction between two of them leaves a surrogate unpaired;
// each piece is valid inside (a slice of a valid document or inserted text).
class builder {
public:
  explicit builder(std::size_t capacity) { out_.reserve(capacity); }
  void append(std::u16string_view piece) {
    if (piece.empty()) return;
    const bool open = !out_.empty() && is_high_surrogate(out_.back());
    if (open != is_low_surrogate(piece.front())) split_ = true;
    out_.append(piece);
  }
  bool split() const { return split_ || (!out_.empty() && is_high_surrogate(out_.back())); }
  std::u16string take() { return std::move(out_); }

private:
  std::u16string out_;
  bool split_ = false;
};

} // namespace

std::size_t source_length(const change_set& cs) {
  std::size_t n = 0;
  for (const auto& s : cs.sections) n = add_saturated(n, s.length);
  return n;
}

std::size_t result_length(const change_set& cs) {
  std::size_t n = 0;
  for (const auto& s : cs.sections) {
    if (s.op == change_section::kind::keep) n = add_saturated(n, s.length);
    else if (s.op == change_section::kind::replace) n = add_saturated(n, inserted_length(s));
  }
  return n;
}

outcome<void> apply_changes(std::u16string& doc, const change_set& cs, std::string_view field) {
  const std::size_t covered = source_length(cs);
  if (covered != doc.size())
    return fail(errc::validation_failed, std::string(field) + " cover " + std::to_string(covered) +
                                             " characters (UTF-16 code units), but the document has " +
                                             std::to_string(doc.size()) + ".");
  const std::size_t length = result_length(cs);
  if (length > limits::document_units)
    return fail(errc::payload_too_large, std::string(field) + " would make the document " + std::to_string(length) +
                                             " characters long; at most " + std::to_string(limits::document_units) +
                                             " are allowed.");
  builder b(length);
  const std::u16string_view old = doc;
  std::size_t pos = 0;
  for (const auto& s : cs.sections) {
    if (s.op == change_section::kind::keep) {
      b.append(old.substr(pos, s.length));
    } else if (s.op == change_section::kind::replace) {
      for (std::size_t i = 0; i < s.lines.size(); ++i) {
        if (i > 0) b.append(u"\n");
        b.append(s.lines[i]);
      }
    }
    pos += s.length;
  }
  if (b.split())
    return fail(errc::validation_failed,
                std::string(field) + " would split a surrogate pair (half of an emoji or another character).");
  doc = b.take();
  return {};
}

outcome<void> apply_updates(std::u16string& doc, std::span<const doc_update> updates) {
  std::u16string work = doc;
  for (std::size_t i = 0; i < updates.size(); ++i) {
    auto r = apply_changes(work, updates[i].changes, "updates[" + std::to_string(i) + "].changes");
    if (!r) return r;
  }
  doc.swap(work);
  return {};
}

} // namespace mm::domain
