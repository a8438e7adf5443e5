#include "core/timestamp.h"

#include <gtest/gtest.h>

namespace brandlens {
namespace {

class TimestampTest : public ::testing::Test {
 protected:
  void SetUp() override {
    auto p = TimestampParser::Create("Asia/Shanghai");
    ASSERT_TRUE(p.ok()) << p.status().message();
    parser_ = std::move(p.value());
  }
  int64_t Parse(std::string_view s) {
    auto r = parser_->Parse(s);
    EXPECT_TRUE(r.ok()) << s << ": " << r.status().message();
    return r.ok() ? *r : -1;
  }
  std::string Error(std::string_view s) {
    auto r = parser_->Parse(s);
    EXPECT_FALSE(r.ok()) << s << " parsed as " << (r.ok() ? *r : 0);
    return r.status().message();
  }
  std::unique_ptr<TimestampParser> parser_;
};

// 2024-06-18 20:15:00 in Shanghai (UTC+8) is 12:15:00 UTC.
constexpr int64_t k618 = 1718712900;

TEST_F(TimestampTest, ReadsTheFormatsExportsUse) {
  EXPECT_EQ(Parse("2024-06-18 20:15:00"), k618);
  EXPECT_EQ(Parse("2024-06-18T20:15:00"), k618);
  EXPECT_EQ(Parse("2024-06-18T12:15:00Z"), k618);
  EXPECT_EQ(Parse("2024-06-18T20:15:00+08:00"), k618);
  EXPECT_EQ(Parse("2024-06-18T04:15:00-08:00"), k618);
  EXPECT_EQ(Parse("2024-06-18 20:15:00.123"), k618);
  EXPECT_EQ(Parse("2024/6/18 20:15"), k618);
  EXPECT_EQ(Parse("2024.06.18 20:15:00"), k618);
  EXPECT_EQ(Parse("2024年6月18日 20:15"), k618);
  EXPECT_EQ(Parse("2024年6月18日20时15分"), k618);
  EXPECT_EQ(Parse("  2024-06-18 20:15  "), k618);
  EXPECT_EQ(Parse("1718712900"), k618);
  EXPECT_EQ(Parse("1718712900000"), k618);
}

TEST_F(TimestampTest, ADateAloneIsLocalMidnight) {
  EXPECT_EQ(Parse("2024-06-18"), k618 - (20 * 3600 + 15 * 60));
  EXPECT_EQ(parser_->LocalDate(k618), "2024-06-18");
  // 23:30 UTC on the 17th is already the 18th in Shanghai.
  EXPECT_EQ(parser_->LocalDate(k618 - 12 * 3600 - 45 * 60 - 60), "2024-06-18");
}

TEST_F(TimestampTest, RejectsWhatIsNotATimestamp) {
  EXPECT_NE(Error("").find("empty"), std::string::npos);
  EXPECT_NE(Error("2024-13-01").find("month"), std::string::npos);
  EXPECT_NE(Error("2023-02-29").find("day"), std::string::npos);
  EXPECT_NE(Error("2024-06-18 25:00").find("time of day"), std::string::npos);
  EXPECT_NE(Error("yesterday").find("'yesterday'"), std::string::npos);
  EXPECT_NE(Error("12345").find("digits"), std::string::npos);
  EXPECT_NE(Error("1960-01-01").find("1970"), std::string::npos);
  EXPECT_NE(Error("2024-06-18 20:15 tomorrow").find("unexpected"), std::string::npos);
  Error("2024-06-18 20:15:00+8");
  // Found by fuzzing: 20 digits overflowed a 64-bit integer before the
  // length check.
  EXPECT_NE(Error("17118712987121900000").find("digits"), std::string::npos);
  EXPECT_NE(Error("24444444444444444402").find("digits"), std::string::npos);
}

TEST_F(TimestampTest, LeapDayIsValidInLeapYears) { EXPECT_EQ(Parse("2024-02-29"), 1709136000); }

TEST(TimestampZoneTest, DaylightSavingZonesUseTheOffsetInForceThatDay) {
  auto ny = TimestampParser::Create("America/New_York");
  ASSERT_TRUE(ny.ok());
  EXPECT_EQ(*(*ny)->Parse("2024-01-15 12:00"), 1705338000);  // EST, UTC-5
  EXPECT_EQ(*(*ny)->Parse("2024-07-15 12:00"), 1721059200);  // EDT, UTC-4
}

TEST(TimestampZoneTest, UnknownZoneIsAnError) {
  auto bad = TimestampParser::Create("Mars/Olympus");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("Mars/Olympus"), std::string::npos);
}

TEST(CivilDaysTest, RoundTrips) {
  for (int64_t d : {-1000, 0, 1, 19892, 20000, 50000}) {
    const std::string date = CivilFromDays(d);
    EXPECT_EQ(DaysFromCivil(std::stoi(date.substr(0, 4)), static_cast<unsigned>(std::stoi(date.substr(5, 2))),
                            static_cast<unsigned>(std::stoi(date.substr(8, 2)))),
              d);
  }
  EXPECT_EQ(CivilFromDays(0), "1970-01-01");
}

}  // namespace
}  // namespace brandlens
