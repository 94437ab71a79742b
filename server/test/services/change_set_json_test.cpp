// ChangeSet.toJSON() and collab updates as JSON (services/change_set_json.hpp): golden wire
// strings read and written back byte for byte, every malformed shape refused naming the field,
// and the push limits.
#include "services/change_set_json.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

#include <string>

namespace {

namespace json = boost::json;
using namespace mm::services;
using mm::domain::change_section;
using mm::domain::errc;
using kind = change_section::kind;

template <class T>
void expect_invalid(const mm::domain::outcome<T>& r, std::string_view field, std::string_view input) {
  ASSERT_FALSE(r) << input << ": accepted";
  EXPECT_EQ(r.error().code, errc::validation_failed) << input;
  EXPECT_EQ(r.error().message.rfind(std::string(field) + " ", 0), 0u) << input << ": " << r.error().message;
}

TEST(change_set_json, golden_shapes_read_and_written_back_identically) {
  const char* golden[] = {
      "[]",
      "[5]",
      "[0,[0,\"hello\"]]",
      "[[0,\"hello\"]]",
      "[3,[2],4]",
      "[[2]]",
      "[6,[5,\"there\"]]",
      "[1,[0,\"1\",\"2\",\"3\"],1]",
      "[1,[0,\"\",\"\"],1]",
      "[2,[1,\"\"]]",
      "[1,2,[0],0]",
      "[3,[0,\"\xF0\x9F\x98\x80\"],1]",
      "[[3,\"\\\"quoted\\\" \\\\ back\\tslash\"]]",
  };
  for (const char* text : golden) {
    auto cs = parse_change_set(json::parse(text));
    ASSERT_TRUE(cs) << text << ": " << cs.error().message;
    EXPECT_EQ(json::serialize(to_json(*cs)), text);
  }
}

TEST(change_set_json, reads_items_into_sections) {
  auto cs = parse_change_set(json::parse(R"([3,[2],[1,"a","b\u00e9"],[0,"\ud83d\ude00"]])"));
  ASSERT_TRUE(cs);
  ASSERT_EQ(cs->sections.size(), 4u);
  EXPECT_EQ(cs->sections[0], (change_section{kind::keep, 3, {}}));
  EXPECT_EQ(cs->sections[1], (change_section{kind::remove, 2, {}}));
  EXPECT_EQ(cs->sections[2], (change_section{kind::replace, 1, {u"a", u"b\u00E9"}}));
  EXPECT_EQ(cs->sections[3], (change_section{kind::replace, 0, {u"\xD83D\xDE00"}}));
  EXPECT_EQ(mm::domain::source_length(*cs), 6u);
  EXPECT_EQ(mm::domain::result_length(*cs), 3u + 4u + 2u);
}

TEST(change_set_json, whole_numbers_written_with_a_fraction_are_lengths) {
  auto cs = parse_change_set(json::parse("[3.0,[1.0]]"));
  ASSERT_TRUE(cs);
  EXPECT_EQ(json::serialize(to_json(*cs)), "[3,[1]]");
}

TEST(change_set_json, refuses_malformed_shapes_naming_the_item) {
  struct row {
    const char* json;
    const char* field;
  };
  const row rows[] = {
      {"5", "changes"},
      {"null", "changes"},
      {"{\"0\":1}", "changes"},
      {"\"abc\"", "changes"},
      {"[-1]", "changes[0]"},
      {"[2,-3]", "changes[1]"},
      {"[1.5]", "changes[0]"},
      {"[1e300]", "changes[0]"},
      {"[9007199254740992]", "changes[0]"}, // 2^53
      {"[18446744073709551615]", "changes[0]"},
      {"[[-1]]", "changes[0]"},
      {"[[0.5,\"a\"]]", "changes[0]"},
      {"[[]]", "changes[0]"},
      {"[[\"a\"]]", "changes[0]"},
      {"[[\"a\",1]]", "changes[0]"},
      {"[1,[[1]]]", "changes[1]"},
      {"[[[1,\"a\"]]]", "changes[0]"},
      {"[[1,[\"a\"]]]", "changes[0]"},
      {"[[1,\"a\",2]]", "changes[0]"},
      {"[[1,null]]", "changes[0]"},
      {"[[1,true]]", "changes[0]"},
      {"[[1,{\"a\":1}]]", "changes[0]"},
      {"[true]", "changes[0]"},
      {"[null]", "changes[0]"},
      {"[\"3\"]", "changes[0]"},
      {"[{\"keep\":3}]", "changes[0]"},
      {"[[0,\"a\\nb\"]]", "changes[0]"},
      {"[[0,\"a\\r\"]]", "changes[0]"},
  };
  for (const auto& r : rows) expect_invalid(parse_change_set(json::parse(r.json)), r.field, r.json);
}

TEST(change_set_json, names_the_field_it_is_given) {
  expect_invalid(parse_change_set(json::parse("[1,-1]"), "updates[3].changes"), "updates[3].changes[1]", "[1,-1]");
}

TEST(change_set_json, refuses_invalid_utf8_in_a_line) {
  json::array item{0, json::string("\xC3")};
  expect_invalid(parse_change_set(json::array{item}), "changes[0]", "a truncated UTF-8 sequence");
}

TEST(update_json, reads_and_writes_client_id_and_changes) {
  const std::string text = R"({"clientID":"k3x9","changes":[2,[0,"ab"]]})";
  auto u = parse_update(json::parse(text));
  ASSERT_TRUE(u) << u.error().message;
  EXPECT_EQ(u->client_id, "k3x9");
  EXPECT_EQ(json::serialize(to_json(*u)), text);
}

TEST(update_json, refuses_a_bad_client_id_or_missing_changes) {
  expect_invalid(parse_update(json::parse(R"({"changes":[]})")), "update.clientID", "no clientID");
  expect_invalid(parse_update(json::parse(R"({"clientID":null,"changes":[]})")), "update.clientID", "null");
  expect_invalid(parse_update(json::parse(R"({"clientID":7,"changes":[]})")), "update.clientID", "a number");
  const std::string long_id(65, 'x');
  expect_invalid(parse_update(json::object{{"clientID", long_id}, {"changes", json::array{}}}), "update.clientID", "65");
  EXPECT_TRUE(parse_update(json::object{{"clientID", std::string(64, 'x')}, {"changes", json::array{}}}));
  // 64 characters that are more than 64 bytes.
  std::string accents;
  for (int i = 0; i < 64; ++i) accents += "\xC3\xA9";
  EXPECT_TRUE(parse_update(json::object{{"clientID", accents}, {"changes", json::array{}}}));
  expect_invalid(parse_update(json::parse(R"({"clientID":"a"})")), "update.changes", "no changes");
  expect_invalid(parse_update(json::parse(R"({"clientID":"a","changes":{}})")), "update.changes", "an object");
  expect_invalid(parse_update(json::parse("[1]")), "update", "an array");
}

TEST(updates_json, reads_a_push_and_names_the_failing_update) {
  auto ok = parse_updates(json::parse(R"([{"clientID":"a","changes":[[0,"x"]]},{"clientID":"a","changes":[1,[0,"y"]]}])"));
  ASSERT_TRUE(ok);
  ASSERT_EQ(ok->size(), 2u);
  EXPECT_EQ(json::serialize(to_json(*ok)),
            R"([{"clientID":"a","changes":[[0,"x"]]},{"clientID":"a","changes":[1,[0,"y"]]}])");
  expect_invalid(parse_updates(json::parse(R"([{"clientID":"a","changes":[]},{"clientID":"a","changes":[[1,2]]}])")),
                 "updates[1].changes[0]", "a number as a line");
  expect_invalid(parse_updates(json::parse(R"({"clientID":"a"})")), "updates", "an object");
}

TEST(updates_json, holds_at_most_100_updates_and_64_KiB) {
  json::array hundred;
  for (int i = 0; i < 100; ++i) hundred.push_back(json::object{{"clientID", "a"}, {"changes", json::array{}}});
  EXPECT_TRUE(parse_updates(hundred));
  hundred.push_back(json::object{{"clientID", "a"}, {"changes", json::array{}}});
  auto over = parse_updates(hundred);
  ASSERT_FALSE(over);
  EXPECT_EQ(over.error().code, errc::payload_too_large);

  const std::string prefix = R"([{"clientID":"a","changes":[[0,")", suffix = R"("]]}])";
  const auto fill = mm::domain::limits::push_bytes - prefix.size() - suffix.size();
  EXPECT_TRUE(parse_updates(json::parse(prefix + std::string(fill, 'x') + suffix)));
  auto big = parse_updates(json::parse(prefix + std::string(fill + 1, 'x') + suffix));
  ASSERT_FALSE(big);
  EXPECT_EQ(big.error().code, errc::payload_too_large);
}

TEST(doc_json, writes_a_document_as_utf8) {
  EXPECT_EQ(json::serialize(doc_to_json(u"a\xD83D\xDE00\n\u00E9")), "\"a\xF0\x9F\x98\x80\\n\xC3\xA9\"");
}

} // namespace
