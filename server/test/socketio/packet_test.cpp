#include "socketio/error.hpp"
#include "socketio/packet.hpp"
#include "socketio/packet_decoder.hpp"

#include <boost/json/parse.hpp>
#include <boost/json/serialize.hpp>
#include <gtest/gtest.h>

namespace {
using namespace mm::socketio;
namespace json = boost::json;

packet make(packet_type t, std::string nsp, std::optional<std::uint64_t> id, std::string_view data,
            std::size_t attachments = 0) {
  packet p;
  p.type = t;
  p.nsp = std::move(nsp);
  p.id = id;
  if (!data.empty()) p.data = json::parse(data);
  p.attachments = attachments;
  return p;
}

// Decodes `wire`, re-encodes it, and expects the same string back.
void expect_round_trip(std::string_view wire) {
  auto p = decode_packet(wire);
  ASSERT_TRUE(p) << wire << ": " << p.error().message();
  EXPECT_EQ(encode_packet(*p), wire);
}

TEST(packet_encode, matches_the_reference_wire_strings) {
  EXPECT_EQ(encode_packet(make(packet_type::connect, "/", {}, "")), "0");
  EXPECT_EQ(encode_packet(make(packet_type::connect, "/", {}, R"({"sid":"abc"})")), R"(0{"sid":"abc"})");
  EXPECT_EQ(encode_packet(make(packet_type::connect, "/custom", {}, R"({"sid":"abc"})")), R"(0/custom,{"sid":"abc"})");
  EXPECT_EQ(encode_packet(make(packet_type::disconnect, "/custom", {}, "")), "1/custom,");
  EXPECT_EQ(encode_packet(make(packet_type::event, "/", {}, R"(["auth",{}])")), R"(2["auth",{}])");
  EXPECT_EQ(encode_packet(make(packet_type::event, "/admin", 456, R"(["x"])")), R"(2/admin,456["x"])");
  EXPECT_EQ(encode_packet(make(packet_type::ack, "/", 456, R"([1,"2",{"3":[false]}])")), R"(3456[1,"2",{"3":[false]}])");
  EXPECT_EQ(encode_packet(make(packet_type::connect_error, "/random", {}, R"({"message":"Invalid namespace"})")),
            R"(4/random,{"message":"Invalid namespace"})");
  EXPECT_EQ(encode_packet(make(packet_type::binary_ack, "/", 789,
                               R"([{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}])", 2)),
            R"(62-789[{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}])");
}

TEST(packet_encode, event_fast_path_builds_the_array_in_place) {
  json::array args{1, "2", json::parse(R"({"3":[true]})")};
  std::string out = "4";
  encode_event_packet(out, "/", std::string_view("message-back"), args, {}, 0);
  EXPECT_EQ(out, R"(42["message-back",1,"2",{"3":[true]}])");

  out.clear();
  json::array bin{placeholder(0), placeholder(1)};
  encode_event_packet(out, "/custom", std::string_view("message-back"), bin, 12, 2);
  EXPECT_EQ(out, R"(52-/custom,12["message-back",{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}])");

  out.clear();
  encode_event_packet(out, "/", std::nullopt, json::array{}, 3, 0);
  EXPECT_EQ(out, "33[]");

  out.clear();
  encode_event_packet(out, "/", std::string_view("quote\"d"), json::array{}, {}, 0);
  EXPECT_EQ(out, R"(2["quote\"d"])");
}

TEST(packet_decode, reads_every_part) {
  auto p = decode_packet(R"(52-/custom,789["message",{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}])");
  ASSERT_TRUE(p);
  EXPECT_EQ(p->type, packet_type::binary_event);
  EXPECT_EQ(p->attachments, 2u);
  EXPECT_EQ(p->nsp, "/custom");
  EXPECT_EQ(p->id, 789u);
  EXPECT_EQ(json::serialize(p->data), R"(["message",{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}])");
}

TEST(packet_decode, namespace_runs_to_the_comma_or_the_end) {
  auto a = decode_packet("0/custom");
  ASSERT_TRUE(a);
  EXPECT_EQ(a->nsp, "/custom");
  EXPECT_TRUE(a->data.is_null());
  auto b = decode_packet(R"(0/custom,{"token":"abc"})");
  ASSERT_TRUE(b);
  EXPECT_EQ(b->nsp, "/custom");
  EXPECT_EQ(json::serialize(b->data), R"({"token":"abc"})");
  auto c = decode_packet("1/custom,");
  ASSERT_TRUE(c);
  EXPECT_EQ(c->type, packet_type::disconnect);
}

TEST(packet_decode, round_trips_the_reference_examples) {
  expect_round_trip("0");
  expect_round_trip(R"(0{"token":"123"})");
  expect_round_trip("1");
  expect_round_trip(R"(2["message",1,"2",{"3":[true]}])");
  expect_round_trip(R"(2456["message-with-ack",1,"2",{"3":[false]}])");
  expect_round_trip(R"(3456[1,"2",{"3":[false]}])");
  expect_round_trip(R"(4{"message":"unauthorized"})");
  expect_round_trip(R"(4"plain string error")");
  expect_round_trip(R"(51-["bin",{"_placeholder":true,"num":0}])");
  expect_round_trip(R"(61-/a,5[{"_placeholder":true,"num":0}])");
  expect_round_trip(R"(2[42])");
}

TEST(packet_decode, rejects_what_the_reference_parser_rejects) {
  EXPECT_EQ(decode_packet("").error(), error::invalid_packet_type);
  EXPECT_EQ(decode_packet("abc").error(), error::invalid_packet_type);
  EXPECT_EQ(decode_packet("7").error(), error::invalid_packet_type);
  EXPECT_EQ(decode_packet("2{}").error(), error::invalid_payload);                    // not an array
  EXPECT_EQ(decode_packet("2[]").error(), error::invalid_payload);                    // no event name
  EXPECT_EQ(decode_packet("2[{}]").error(), error::invalid_payload);                  // name not a string
  EXPECT_EQ(decode_packet(R"(2["disconnect"])").error(), error::invalid_payload);     // reserved
  EXPECT_EQ(decode_packet("2").error(), error::invalid_payload);                      // event without data
  EXPECT_EQ(decode_packet(R"(2abc["x"])").error(), error::invalid_payload);           // bad ack id
  EXPECT_EQ(decode_packet(R"(2["x")").error(), error::invalid_payload);               // bad JSON
  EXPECT_EQ(decode_packet("0[]").error(), error::invalid_payload);                    // CONNECT wants an object
  EXPECT_EQ(decode_packet("0\"x\"").error(), error::invalid_payload);
  EXPECT_EQ(decode_packet("1{}").error(), error::invalid_payload);                    // DISCONNECT has no data
  EXPECT_EQ(decode_packet("4[]").error(), error::invalid_payload);
  EXPECT_EQ(decode_packet("3{}").error(), error::invalid_payload);
  EXPECT_EQ(decode_packet(R"(5["x"])").error(), error::invalid_attachments);          // no count
  EXPECT_EQ(decode_packet(R"(5-["x"])").error(), error::invalid_attachments);
  EXPECT_EQ(decode_packet(R"(5a-["x"])").error(), error::invalid_attachments);
  EXPECT_EQ(decode_packet(R"(299999999999999999["x"])").error(), error::invalid_ack_id);
  EXPECT_EQ(decode_packet(R"(2/nsp,["x"] trailing)").error(), error::invalid_payload);
  std::string deep(100, '[');
  EXPECT_EQ(decode_packet("2[\"x\"," + deep).error(), error::invalid_payload);
}

TEST(packet_decoder, reassembles_binary_attachments) {
  packet_decoder d;
  auto first = d.add_text(R"(52-["message",{"_placeholder":true,"num":0},{"_placeholder":true,"num":1}])");
  ASSERT_TRUE(first);
  EXPECT_FALSE(*first);
  EXPECT_TRUE(d.awaiting_attachments());
  auto second = d.add_binary(std::string("\x01\x02\x03", 3));
  ASSERT_TRUE(second);
  EXPECT_FALSE(*second);
  auto done = d.add_binary(std::string("\x04\x05\x06", 3));
  ASSERT_TRUE(done && *done);
  EXPECT_EQ((*done)->attachments.size(), 2u);
  EXPECT_EQ((*done)->attachments[1], std::string("\x04\x05\x06", 3));
  EXPECT_FALSE(d.awaiting_attachments());
}

TEST(packet_decoder, passes_plain_packets_through_and_zero_attachment_binaries) {
  packet_decoder d;
  auto p = d.add_text(R"(2["hi"])");
  ASSERT_TRUE(p && *p);
  auto z = d.add_text(R"(50-["hi"])");
  ASSERT_TRUE(z && *z);
}

TEST(packet_decoder, rejects_out_of_order_messages_and_bad_placeholders) {
  packet_decoder d(2);
  EXPECT_EQ(d.add_binary("x").error(), error::unexpected_binary);
  ASSERT_TRUE(d.add_text(R"(51-["m",{"_placeholder":true,"num":0}])"));
  EXPECT_EQ(d.add_text(R"(2["m"])").error(), error::unexpected_text);
  EXPECT_EQ(d.add_text(R"(53-["m"])").error(), error::too_many_attachments);
  ASSERT_TRUE(d.add_text(R"(51-["m",{"_placeholder":true,"num":1}])"));
  EXPECT_EQ(d.add_binary("x").error(), error::invalid_attachments);
  ASSERT_TRUE(d.add_text(R"(51-["m",{"_placeholder":true}])"));
  EXPECT_EQ(d.add_binary("x").error(), error::invalid_attachments);
}

} // namespace
