#include "push/vapid.hpp"

#include "test_support.hpp"

#include <boost/json/parse.hpp>
#include <openssl/evp.h>
#include <openssl/pem.h>

#include <sys/stat.h>

#include <fstream>
#include <sstream>

using namespace mm::push;
using mm::test::b64;
namespace fs = std::filesystem;

namespace {

class temp_dir {
public:
  temp_dir() {
    char pattern[] = "/tmp/mm-vapid-XXXXXX";
    path_ = ::mkdtemp(pattern);
  }
  ~temp_dir() { fs::remove_all(path_); }
  const fs::path& path() const { return path_; }

private:
  fs::path path_;
};

std::string read(const fs::path& p) {
  std::ifstream in(p);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void write(const fs::path& p, std::string_view text) { std::ofstream(p) << text; }

std::string error_of(const fs::path& p) {
  try {
    vapid_key::load_or_create(p);
  } catch (const std::runtime_error& e) {
    return e.what();
  }
  ADD_FAILURE() << "no error for " << p;
  return {};
}

std::vector<std::string> split(const std::string& s, char sep) {
  std::vector<std::string> parts;
  std::stringstream in(s);
  for (std::string part; std::getline(in, part, sep);) parts.push_back(part);
  return parts;
}

const auto now = mm::domain::from_millis(1'790'000'000'123);

} // namespace

TEST(vapid, creates_a_private_key_file_with_mode_0600_and_reuses_it) {
  temp_dir dir;
  const auto path = dir.path() / "vapid.pem";
  const auto first = vapid_key::load_or_create(path);
  struct stat st{};
  ASSERT_EQ(::stat(path.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0600);
  EXPECT_NE(read(path).find("-----BEGIN PRIVATE KEY-----"), std::string::npos);
  const auto second = vapid_key::load_or_create(path);
  EXPECT_EQ(first.public_key(), second.public_key());
  EXPECT_EQ(b64(first.public_key()).size(), 65u);
  EXPECT_EQ(b64(first.public_key())[0], '\x04');
  EXPECT_EQ(std::distance(fs::directory_iterator(dir.path()), fs::directory_iterator()), 1); // no temp file left
}

TEST(vapid, reads_a_key_openssl_wrote) {
  temp_dir dir;
  const auto path = dir.path() / "vapid.pem";
  const auto key = p256_key::generate();
  write(path, key.to_pem());
  EXPECT_EQ(vapid_key::load_or_create(path).public_key(), mm::test::b64_of(key.public_point()));
}

TEST(vapid, refuses_at_start_up_a_file_it_cannot_use) {
  temp_dir dir;
  const auto garbage = dir.path() / "garbage.pem";
  write(garbage, "not a key\n");
  EXPECT_NE(error_of(garbage).find("garbage.pem: holds no P-256 private key"), std::string::npos);

  const auto p384 = dir.path() / "p384.pem";
  EVP_PKEY* other = EVP_EC_gen("P-384");
  ASSERT_NE(other, nullptr);
  FILE* f = std::fopen(p384.c_str(), "w");
  PEM_write_PrivateKey(f, other, nullptr, nullptr, 0, nullptr, nullptr);
  std::fclose(f);
  EVP_PKEY_free(other);
  EXPECT_NE(error_of(p384).find("holds no P-256 private key"), std::string::npos);
  EXPECT_EQ(read(p384).substr(0, 27), "-----BEGIN PRIVATE KEY-----"); // left as it was

  const auto directory = dir.path() / "a-directory";
  fs::create_directory(directory);
  EXPECT_NE(error_of(directory).find("a-directory: is not a regular file"), std::string::npos);

  EXPECT_NE(error_of(dir.path() / "missing" / "vapid.pem").find("cannot be created"), std::string::npos);
}

TEST(vapid, signs_an_es256_jwt_with_the_rfc_8292_claims) {
  const vapid_key key(p256_key::generate());
  const auto token = key.token("https://push.example.net", "mailto:admin@localhost", now);
  const auto parts = split(token, '.');
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(b64(parts[0]), R"({"typ":"JWT","alg":"ES256"})");
  const auto claims = boost::json::parse(b64(parts[1])).as_object();
  EXPECT_EQ(claims.at("aud").as_string(), "https://push.example.net");
  EXPECT_EQ(claims.at("sub").as_string(), "mailto:admin@localhost");
  EXPECT_EQ(claims.at("exp").as_int64(), 1'790'000'000 + 12 * 3600 - 300);
  const auto signature = b64(parts[2]);
  ASSERT_EQ(signature.size(), 64u); // JOSE r || s, not DER
  es256_signature sig{};
  std::copy(signature.begin(), signature.end(), sig.begin());
  EXPECT_TRUE(verify_es256(key.key().public_point(), parts[0] + "." + parts[1], sig));
  EXPECT_FALSE(verify_es256(key.key().public_point(), parts[0] + "." + parts[1] + "x", sig));
}

TEST(vapid, the_authorization_header_carries_the_token_and_the_public_key) {
  const vapid_key key(p256_key::generate());
  const auto header = key.authorization("https://fcm.googleapis.com", "mailto:ops@example.com", now);
  ASSERT_EQ(header.rfind("vapid t=", 0), 0u);
  const auto comma = header.find(", k=");
  ASSERT_NE(comma, std::string::npos);
  EXPECT_EQ(header.substr(comma + 4), key.public_key());
  EXPECT_EQ(split(header.substr(8, comma - 8), '.').size(), 3u);
}

TEST(vapid, the_subject_must_be_a_mailto_or_https_uri) {
  EXPECT_TRUE(check_vapid_subject("mailto:admin@localhost"));
  EXPECT_TRUE(check_vapid_subject("https://mockmate.example/contact"));
  EXPECT_FALSE(check_vapid_subject("admin@localhost"));
  EXPECT_FALSE(check_vapid_subject("http://mockmate.example"));
  EXPECT_FALSE(check_vapid_subject("mailto:"));
  EXPECT_FALSE(check_vapid_subject("mailto:a b@c"));
}
