#include "ingest/field_parser.h"

#include <gtest/gtest.h>

namespace brandlens {
namespace {

class FieldParserTest : public ::testing::Test {
 protected:
  void SetUp() override { time_ = std::move(TimestampParser::Create("Asia/Shanghai").value()); }

  Value Ok(FieldType type, std::string_view raw, double min = -1e300, double max = 1e300) {
    FieldSpec spec{"f", type, false, {}, {}, min, max};
    Value v;
    Status s = ParseField(spec, raw, *time_, v, scratch_);
    EXPECT_TRUE(s.ok()) << raw << ": " << s.message();
    return v;
  }
  std::string Error(FieldType type, std::string_view raw, double min = -1e300, double max = 1e300) {
    FieldSpec spec{"f", type, false, {}, {}, min, max};
    Value v;
    Status s = ParseField(spec, raw, *time_, v, scratch_);
    EXPECT_FALSE(s.ok()) << raw;
    return s.message();
  }
  std::unique_ptr<TimestampParser> time_;
  std::string scratch_;
};

TEST_F(FieldParserTest, CountsInChineseExportForms) {
  EXPECT_EQ(std::get<int64_t>(Ok(FieldType::kCount, "1234")), 1234);
  EXPECT_EQ(std::get<int64_t>(Ok(FieldType::kCount, "1,234")), 1234);
  EXPECT_EQ(std::get<int64_t>(Ok(FieldType::kCount, "1.2万")), 12000);
  EXPECT_EQ(std::get<int64_t>(Ok(FieldType::kCount, "10w+")), 100000);
  EXPECT_EQ(std::get<int64_t>(Ok(FieldType::kCount, "3k")), 3000);
  EXPECT_EQ(std::get<int64_t>(Ok(FieldType::kCount, "2亿")), 200000000);
  EXPECT_NE(Error(FieldType::kCount, "-5").find("count"), std::string::npos);
  EXPECT_NE(Error(FieldType::kCount, "many").find("'many'"), std::string::npos);
}

TEST_F(FieldParserTest, MoneyWithCurrencyMarks) {
  EXPECT_DOUBLE_EQ(std::get<double>(Ok(FieldType::kMoney, "¥1,299.50")), 1299.5);
  EXPECT_DOUBLE_EQ(std::get<double>(Ok(FieldType::kMoney, "￥16")), 16);
  EXPECT_DOUBLE_EQ(std::get<double>(Ok(FieldType::kMoney, "28.8元")), 28.8);
  EXPECT_NE(Error(FieldType::kMoney, "free").find("amount"), std::string::npos);
  EXPECT_NE(Error(FieldType::kMoney, "-3", 0, 10).find("outside"), std::string::npos);
}

TEST_F(FieldParserTest, IntegersAndReals) {
  EXPECT_EQ(std::get<int64_t>(Ok(FieldType::kInteger, " 42 ")), 42);
  EXPECT_NE(Error(FieldType::kInteger, "4.5").find("integer"), std::string::npos);
  EXPECT_NE(Error(FieldType::kInteger, "200", 0, 130).find("outside"), std::string::npos);
  EXPECT_DOUBLE_EQ(std::get<double>(Ok(FieldType::kReal, "4.5")), 4.5);
  EXPECT_NE(Error(FieldType::kReal, "nan").find("number"), std::string::npos);
  EXPECT_NE(Error(FieldType::kReal, "five").find("number"), std::string::npos);
}

TEST_F(FieldParserTest, EmptyIsNullNotAnError) {
  EXPECT_TRUE(std::holds_alternative<std::monostate>(Ok(FieldType::kInteger, "")));
  EXPECT_TRUE(std::holds_alternative<std::monostate>(Ok(FieldType::kText, "  \t ")));
}

TEST_F(FieldParserTest, TextMustBeValidUtf8AndWithinLimits) {
  EXPECT_EQ(std::get<std::string_view>(Ok(FieldType::kText, "好喝😍")), "好喝😍");
  EXPECT_NE(Error(FieldType::kText, "\xD6\xD0\xCE\xC4").find("invalid UTF-8 at byte 0"), std::string::npos);
  EXPECT_NE(Error(FieldType::kShort, std::string(kMaxShortBytes + 1, 'x')).find("limit"), std::string::npos);
  EXPECT_NE(Error(FieldType::kText, std::string(kMaxTextBytes + 1, 'x')).find("limit"), std::string::npos);
}

TEST_F(FieldParserTest, TokensAreLowercasedIdentifiers) {
  EXPECT_EQ(std::get<std::string_view>(Ok(FieldType::kToken, "Purchase")), "purchase");
  EXPECT_NE(Error(FieldType::kToken, "add to cart").find("identifier"), std::string::npos);
}

TEST_F(FieldParserTest, DatesAndBooleans) {
  EXPECT_EQ(std::get<std::string_view>(Ok(FieldType::kDate, "2024/6/18")), "2024-06-18");
  EXPECT_EQ(std::get<int64_t>(Ok(FieldType::kBool, "是")), 1);
  EXPECT_EQ(std::get<int64_t>(Ok(FieldType::kBool, "false")), 0);
  EXPECT_NE(Error(FieldType::kBool, "maybe").find("yes/no"), std::string::npos);
}

}  // namespace
}  // namespace brandlens
