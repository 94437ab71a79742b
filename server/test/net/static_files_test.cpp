#include "net/static_files.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace {
namespace fs = std::filesystem;
using mm::net::request;
using mm::net::static_files;

class static_files_test : public ::testing::Test {
protected:
  void SetUp() override {
    root = fs::temp_directory_path() / ("mm-static-" + std::to_string(::getpid()) + "-" +
                                        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    fs::create_directories(root / "assets");
    write(root / "index.html", "<html>app</html>");
    write(root / "assets" / "app-3f9a.js", "console.log(1)");
    write(root / "favicon.ico", "ico");
    write(root / ".env", "SECRET");
    write(root.parent_path() / "outside.txt", "outside");
  }
  void TearDown() override { fs::remove_all(root); }
  static void write(const fs::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }
  static request get(std::string path) {
    request r;
    r.method = "GET";
    r.path = path;
    r.target = path;
    return r;
  }
  fs::path root;
};

TEST_F(static_files_test, serves_index_for_root_with_no_cache) {
  static_files files(root);
  auto res = files.serve(get("/"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->body, "<html>app</html>");
  EXPECT_EQ(res->header_value("Content-Type"), "text/html; charset=utf-8");
  EXPECT_EQ(res->header_value("Cache-Control"), "no-cache");
}

TEST_F(static_files_test, serves_hashed_assets_as_immutable) {
  static_files files(root);
  auto res = files.serve(get("/assets/app-3f9a.js"));
  ASSERT_TRUE(res);
  EXPECT_EQ(res->body, "console.log(1)");
  EXPECT_EQ(res->header_value("Content-Type"), "text/javascript; charset=utf-8");
  EXPECT_EQ(res->header_value("Cache-Control"), "public, max-age=31536000, immutable");
}

TEST_F(static_files_test, falls_back_to_index_for_extensionless_paths_only) {
  static_files files(root);
  auto spa = files.serve(get("/interview/42"));
  ASSERT_TRUE(spa);
  EXPECT_EQ(spa->body, "<html>app</html>");
  EXPECT_EQ(spa->header_value("Cache-Control"), "no-cache");
  EXPECT_FALSE(files.serve(get("/missing.js")));
}

TEST_F(static_files_test, never_leaves_the_root_nor_shows_hidden_files) {
  static_files files(root);
  EXPECT_FALSE(files.serve(get("/../outside.txt")));
  EXPECT_FALSE(files.serve(get("/%2e%2e/outside.txt")));
  EXPECT_FALSE(files.serve(get("/assets/..%2f..%2foutside.txt")));
  EXPECT_FALSE(files.serve(get("/.env")));
  EXPECT_FALSE(files.serve(get("/a%00b.js")));
  EXPECT_FALSE(files.serve(get("/bad%zz.js")));
  EXPECT_FALSE(files.serve(get("/bad%2")));
  EXPECT_FALSE(files.serve(get("/..\\outside.txt")));
}

TEST_F(static_files_test, answers_only_get_and_head) {
  static_files files(root);
  auto post = get("/favicon.ico");
  post.method = "POST";
  EXPECT_FALSE(files.serve(post));
  auto head = get("/favicon.ico");
  head.method = "HEAD";
  auto res = files.serve(head);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->header_value("Content-Type"), "image/x-icon");
}

TEST_F(static_files_test, answers_304_when_the_etag_matches) {
  static_files files(root);
  auto first = files.serve(get("/favicon.ico"));
  ASSERT_TRUE(first);
  auto again = get("/favicon.ico");
  again.headers.push_back({"If-None-Match", std::string(first->header_value("ETag"))});
  auto res = files.serve(again);
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 304);
  EXPECT_TRUE(res->body.empty());
}

TEST(content_type_for, knows_the_web_clients_types) {
  using mm::net::content_type_for;
  EXPECT_EQ(content_type_for(".css"), "text/css; charset=utf-8");
  EXPECT_EQ(content_type_for(".SVG"), "image/svg+xml");
  EXPECT_EQ(content_type_for(".png"), "image/png");
  EXPECT_EQ(content_type_for(".json"), "application/json");
  EXPECT_EQ(content_type_for(".woff2"), "font/woff2");
  EXPECT_EQ(content_type_for(".map"), "application/json");
  EXPECT_EQ(content_type_for(".bin"), "application/octet-stream");
}

} // namespace
