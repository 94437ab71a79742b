// Applying @codemirror/state change sets (domain/change_set.hpp): golden documents for inserts,
// deletes, replacements, several lines, surrogate pairs and both ends of the document; wrong
// lengths, split pairs and oversize results refused with the document untouched; pushes all or
// nothing.
#include "domain/change_set.hpp"

#include <gtest/gtest.h>

namespace {

using namespace mm::domain;
using kind = change_section::kind;

change_section keep(std::size_t n) { return {kind::keep, n, {}}; }
change_section del(std::size_t n) { return {kind::remove, n, {}}; }
change_section rep(std::size_t n, std::vector<std::u16string> lines) { return {kind::replace, n, std::move(lines)}; }
change_set set(std::vector<change_section> s) { return change_set{std::move(s)}; }

std::u16string applied(std::u16string doc, const change_set& cs) {
  auto r = apply_changes(doc, cs);
  EXPECT_TRUE(r) << (r ? "" : r.error().message);
  return doc;
}

TEST(change_set_apply, golden_documents) {
  struct row {
    const char* what;
    std::u16string doc;
    change_set cs;
    std::u16string expected;
  };
  const row rows[] = {
      {"keep all", u"hello", set({keep(5)}), u"hello"},
      {"insert at the start", u"world", set({rep(0, {u"hello "}), keep(5)}), u"hello world"},
      {"insert at the end", u"hello", set({keep(5), rep(0, {u"!"})}), u"hello!"},
      {"insert in the middle", u"helo", set({keep(2), rep(0, {u"l"}), keep(2)}), u"hello"},
      {"delete at the start", u"hello", set({del(2), keep(3)}), u"llo"},
      {"delete at the end", u"hello", set({keep(3), del(2)}), u"hel"},
      {"delete everything", u"hello", set({del(5)}), u""},
      {"replace a word", u"hello world", set({keep(6), rep(5, {u"there"})}), u"hello there"},
      {"replace everything", u"abc", set({rep(3, {u"xyz", u""})}), u"xyz\n"},
      {"several changes in one set", u"abcdef", set({rep(1, {u"A"}), keep(2), del(1), keep(1), rep(1, {u"F", u"G"})}),
       u"Abce" u"F\nG"},
      {"insert lines", u"ab", set({keep(1), rep(0, {u"1", u"2", u"3"}), keep(1)}), u"a1\n2\n3b"},
      {"insert an empty line pair", u"ab", set({keep(1), rep(0, {u"", u""}), keep(1)}), u"a\nb"},
      {"delete across lines", u"one\ntwo\nthree", set({keep(2), del(7), keep(4)}), u"onhree"},
      {"empty document: insert", u"", set({rep(0, {u"def f():", u"    pass"})}), u"def f():\n    pass"},
      {"empty document: empty set", u"", set({}), u""},
      {"an empty replacement is a deletion", u"abc", set({keep(1), rep(1, {u""}), keep(1)}), u"ac"},
      {"zero-length items change nothing", u"abc", set({keep(0), del(0), keep(3), keep(0)}), u"abc"},
      {"emoji counts two units", u"a\xD83D\xDE00" u"b", set({keep(3), rep(0, {u"!"}), keep(1)}), u"a\xD83D\xDE00!b"},
      {"delete an emoji", u"a\xD83D\xDE00" u"b", set({keep(1), del(2), keep(1)}), u"ab"},
      {"insert an emoji", u"ab", set({keep(1), rep(0, {u"\xD83D\xDC4D\xD83C\xDFFD"}), keep(1)}), u"a\xD83D\xDC4D\xD83C\xDFFD" u"b"},
      {"keep across a pair boundary", u"\xD83D\xDE00", set({keep(1), keep(1)}), u"\xD83D\xDE00"},
      {"replace between two emoji", u"\xD83D\xDE00\xD83D\xDE00", set({keep(2), rep(0, {u"x"}), keep(2)}),
       u"\xD83D\xDE00x\xD83D\xDE00"},
  };
  for (const auto& r : rows) EXPECT_EQ(applied(r.doc, r.cs), r.expected) << r.what;
}

TEST(change_set_apply, lengths_count_what_they_cover) {
  const auto cs = set({keep(2), del(3), rep(1, {u"ab", u"c"}), rep(0, {u""})});
  EXPECT_EQ(source_length(cs), 6u);
  EXPECT_EQ(result_length(cs), 2u + 4u);
  EXPECT_EQ(source_length(set({keep(SIZE_MAX), keep(5)})), SIZE_MAX);
}

TEST(change_set_apply, refuses_a_set_of_the_wrong_length_and_changes_nothing) {
  struct row {
    std::u16string doc;
    change_set cs;
  };
  const row rows[] = {
      {u"hello", set({keep(4)})},
      {u"hello", set({keep(6)})},
      {u"hello", set({keep(5), del(1)})},
      {u"hello", set({rep(0, {u"x"})})},                  // an insertion alone covers nothing
      {u"", set({keep(1)})},
      {u"", set({del(1)})},
      {u"a\xD83D\xDE00", set({keep(2)})},                 // the emoji is two units, not one
      {u"abc", set({keep(SIZE_MAX), keep(4)})},           // no wrap-around
  };
  for (const auto& r : rows) {
    auto doc = r.doc;
    auto result = apply_changes(doc, r.cs);
    ASSERT_FALSE(result);
    EXPECT_EQ(result.error().code, errc::validation_failed);
    EXPECT_EQ(result.error().message.rfind("changes ", 0), 0u) << result.error().message;
    EXPECT_EQ(doc, r.doc);
  }
}

TEST(change_set_apply, the_message_says_both_lengths) {
  std::u16string doc = u"abc";
  auto r = apply_changes(doc, set({keep(2)}));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().message, "changes cover 2 characters (UTF-16 code units), but the document has 3.");
}

TEST(change_set_apply, refuses_to_split_a_surrogate_pair) {
  const std::u16string smile = u"\xD83D\xDE00"; // one emoji
  const change_set splits[] = {
      set({keep(1), rep(0, {u"x"}), keep(1)}), // an insertion between the halves
      set({keep(1), del(1)}),                  // delete the low half
      set({del(1), keep(1)}),                  // delete the high half
      set({keep(1), rep(1, {u"x"})}),          // replace the low half
      set({rep(1, {u"x"}), keep(1)}),
  };
  for (const auto& cs : splits) {
    auto doc = smile;
    auto r = apply_changes(doc, cs);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, errc::validation_failed);
    EXPECT_EQ(doc, smile);
  }
  // The same boundaries are fine where nothing changes beside them.
  EXPECT_EQ(applied(smile, set({keep(1), del(0), keep(1)})), smile);
  EXPECT_EQ(applied(smile, set({keep(1), keep(1), rep(0, {u"!"})})), smile + u"!");
}

TEST(change_set_apply, holds_at_most_the_document_limit) {
  const std::u16string almost(limits::document_units - 1, u'a');
  EXPECT_EQ(applied(almost, set({keep(almost.size()), rep(0, {u"b"})})).size(), limits::document_units);
  auto doc = almost;
  auto r = apply_changes(doc, set({keep(almost.size()), rep(0, {u"bc"})}));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, errc::payload_too_large);
  EXPECT_EQ(doc, almost);
  auto emoji_over = apply_changes(doc, set({keep(almost.size()), rep(0, {u"\xD83D\xDE00"})})); // two units
  ASSERT_FALSE(emoji_over);
  EXPECT_EQ(emoji_over.error().code, errc::payload_too_large);
  // A set that shrinks a document stays allowed whatever came before.
  EXPECT_EQ(applied(almost, set({del(almost.size())})), u"");
}

TEST(change_set_apply_all, applies_updates_in_order) {
  std::u16string doc = u"";
  const std::vector<doc_update> push = {
      {"c1", set({rep(0, {u"ab"})})},
      {"c1", set({keep(1), rep(0, {u"X", u"Y"}), keep(1)})}, // "aX\nYb"
      {"c2", set({del(1), keep(4)})},                        // "X\nYb"
  };
  ASSERT_TRUE(apply_updates(doc, push));
  EXPECT_EQ(doc, u"X\nYb");
}

TEST(change_set_apply_all, is_all_or_nothing_and_names_the_failing_update) {
  std::u16string doc = u"abc";
  const std::vector<doc_update> push = {
      {"c1", set({keep(3), rep(0, {u"d"})})},
      {"c1", set({keep(4), rep(0, {u"e"})})},
      {"c1", set({keep(4)})}, // the document has 5 units by now
  };
  auto r = apply_updates(doc, push);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, errc::validation_failed);
  EXPECT_EQ(r.error().message.rfind("updates[2].changes ", 0), 0u) << r.error().message;
  EXPECT_EQ(doc, u"abc");
}

TEST(change_set_apply_all, refuses_an_intermediate_document_over_the_limit) {
  std::u16string doc(limits::document_units, u'a');
  const std::vector<doc_update> push = {
      {"c1", set({keep(limits::document_units), rep(0, {u"b"})})},
      {"c1", set({del(limits::document_units + 1)})},
  };
  auto r = apply_updates(doc, push);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, errc::payload_too_large);
  EXPECT_EQ(doc.size(), limits::document_units);
}

TEST(change_set_apply_all, an_empty_push_changes_nothing) {
  std::u16string doc = u"abc";
  EXPECT_TRUE(apply_updates(doc, {}));
  EXPECT_EQ(doc, u"abc");
}

} // namespace
