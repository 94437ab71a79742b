// IANA zone names checked against the system's zoneinfo, and their standard offsets.
#include "services/timezone.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

namespace {

using namespace mm::services;

const timezone_db zones("/usr/share/zoneinfo");

// valid(), reporting an exception as a failure of this check only: a name is valid or not,
// the check itself never throws.
bool is_valid(const timezone_db& db, std::string_view name) {
  try {
    return db.valid(name);
  } catch (const std::exception& e) {
    ADD_FAILURE() << '"' << name << "\" threw instead of answering: " << e.what();
    return false;
  }
}

struct zone_row {
  const char* name;
  int offset;
};

TEST(timezone_db, knows_the_standard_offsets_of_real_zones) {
  for (auto [name, offset] : {zone_row{"Europe/Berlin", 60}, zone_row{"America/Sao_Paulo", -180},
                              zone_row{"Asia/Kolkata", 330}, zone_row{"UTC", 0}, zone_row{"Etc/UTC", 0},
                              zone_row{"America/New_York", -300}, zone_row{"Asia/Kathmandu", 345},
                              zone_row{"America/St_Johns", -210}, zone_row{"Asia/Tokyo", 540},
                              zone_row{"Pacific/Kiritimati", 840}, zone_row{"Europe/London", 0},
                              zone_row{"Etc/GMT+5", -300}}) {
    EXPECT_TRUE(is_valid(zones, name)) << name;
    EXPECT_EQ(zones.offset_minutes(name), offset) << name;
  }
}

TEST(timezone_db, answers_the_same_the_second_time) {
  EXPECT_EQ(zones.offset_minutes("Asia/Kolkata"), 330);
  EXPECT_EQ(zones.offset_minutes("Asia/Kolkata"), 330);
  EXPECT_FALSE(zones.offset_minutes("Mars/Olympus_Mons"));
  EXPECT_FALSE(zones.offset_minutes("Mars/Olympus_Mons"));
}

TEST(timezone_db, refuses_unknown_names) {
  for (const char* name : {"", "Mars/Olympus_Mons", "Europe/Atlantis", "europe/berlin", "Berlin", "GMT+25", "CEST"})
    EXPECT_FALSE(is_valid(zones, name)) << '"' << name << '"';
}

TEST(timezone_db, refuses_the_name_of_a_folder) {
  for (const char* name : {"Europe", "Europe/", "America", "Etc"}) EXPECT_FALSE(is_valid(zones, name)) << name;
}

TEST(timezone_db, refuses_paths_that_leave_the_zoneinfo_folder) {
  for (const char* name : {"../etc/passwd", "../../../../etc/passwd", "/etc/passwd", "/usr/share/zoneinfo/UTC",
                           "Europe/../UTC", "Europe/../../../etc/passwd", "./UTC", "..", "Europe/Berlin/..",
                           "zone.tab", "tzdata.zi", "Europe\\Berlin", "UTC\n", "Europe/Berlin "})
    EXPECT_FALSE(is_valid(zones, name)) << '"' << name << '"';
  EXPECT_FALSE(is_valid(zones, std::string_view("UTC\0/x", 6)));
}

TEST(timezone_db, refuses_names_longer_than_64_characters) {
  EXPECT_FALSE(is_valid(zones, std::string(65, 'A')));
  EXPECT_FALSE(is_valid(zones, "America/" + std::string(60, 'x')));
}

TEST(timezone_db, reads_the_offset_from_the_tzif_footer_and_refuses_other_files) {
  const auto dir = std::filesystem::temp_directory_path() / ("mm_zoneinfo_" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir / "Test");
  {
    std::ofstream good(dir / "Test" / "Plus_Three", std::ios::binary);
    good << "TZif2" << std::string(60, '\0') << "\n<+03>-3\n";
    std::ofstream not_tzif(dir / "Test" / "Text", std::ios::binary);
    not_tzif << "This is not a TZif file, although it is long enough.\n<+03>-3\n";
    std::ofstream no_footer(dir / "Test" / "No_Footer", std::ios::binary);
    no_footer << "TZif2" << std::string(60, '\0');
  }
  const timezone_db local(dir.string());
  EXPECT_TRUE(is_valid(local, "Test/Plus_Three"));
  EXPECT_EQ(local.offset_minutes("Test/Plus_Three"), 180);
  EXPECT_FALSE(is_valid(local, "Test/Text"));
  EXPECT_FALSE(is_valid(local, "Test/No_Footer"));
  EXPECT_FALSE(is_valid(local, "Test/Missing"));
  std::filesystem::remove_all(dir);
}

struct posix_row {
  const char* tz;
  int offset;
};

TEST(posix_tz_offset, reads_the_standard_offset_east_of_utc) {
  for (auto [tz, offset] : {posix_row{"CET-1CEST,M3.5.0,M10.5.0/3", 60}, posix_row{"<-03>3", -180},
                            posix_row{"IST-5:30", 330}, posix_row{"UTC0", 0}, posix_row{"EST5EDT,M3.2.0,M11.1.0", -300},
                            posix_row{"<+0545>-5:45", 345}, posix_row{"NST3:30NDT,M3.2.0,M11.1.0", -210},
                            posix_row{"JST-9", 540}, posix_row{"<+14>-14", 840}, posix_row{"<-05>+5", -300},
                            posix_row{"<+1030>-10:30<+11>-11,M10.1.0,M4.1.0", 630}})
    EXPECT_EQ(posix_tz_offset(tz), offset) << tz;
}

TEST(posix_tz_offset, refuses_what_does_not_parse) {
  for (const char* tz : {"", "CET", "AB-1", "<-03", "<+03>", "123", "CET-"})
    EXPECT_EQ(posix_tz_offset(tz), std::nullopt) << '"' << tz << '"';
}

} // namespace
