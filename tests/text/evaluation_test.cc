#include "text/evaluation.h"

#include <gtest/gtest.h>

namespace brandlens {
namespace {

TEST(EvaluationTest, LabelSchemes) {
  EXPECT_EQ(DetectScheme({"0", "1", " 1"}), LabelScheme::kBinary);
  EXPECT_EQ(DetectScheme({"1", "5", "3"}), LabelScheme::kThreeClass);
  EXPECT_EQ(MapLabel("5", LabelScheme::kThreeClass), "positive");
  EXPECT_EQ(MapLabel("3", LabelScheme::kThreeClass), "neutral");
  EXPECT_EQ(MapLabel("2", LabelScheme::kThreeClass), "negative");
  EXPECT_EQ(MapLabel("NEG", LabelScheme::kThreeClass), "negative");
  EXPECT_EQ(MapLabel("差评", LabelScheme::kThreeClass), "negative");
  EXPECT_FALSE(MapLabel("7", LabelScheme::kThreeClass).has_value());
  EXPECT_FALSE(MapLabel("maybe", LabelScheme::kBinary).has_value());
}

TEST(EvaluationTest, BinaryNeutralFollowsTheScoreSign) {
  EXPECT_EQ(PredictedClass(SentimentLabel::kNeutral, -0.05f, LabelScheme::kBinary), "0");
  EXPECT_EQ(PredictedClass(SentimentLabel::kNeutral, 0.05f, LabelScheme::kBinary), "1");
  EXPECT_EQ(PredictedClass(SentimentLabel::kNeutral, 0.0f, LabelScheme::kBinary), "1");
  EXPECT_EQ(PredictedClass(SentimentLabel::kNeutral, 0.0f, LabelScheme::kThreeClass), "neutral");
}

TEST(EvaluationTest, MetricsMatchAHandComputation) {
  Evaluation e(LabelScheme::kBinary);
  // truth 1: predicted 1,1,1,0 ; truth 0: predicted 0,1
  for (auto [t, p] : {std::pair{"1", "1"}, {"1", "1"}, {"1", "1"}, {"1", "0"}, {"0", "0"}, {"0", "1"}}) e.Add(t, p);
  const auto j = e.ToJson();
  EXPECT_EQ(j["n"], 6);
  EXPECT_DOUBLE_EQ(j["accuracy"].get<double>(), 4.0 / 6);
  EXPECT_DOUBLE_EQ(j["classes"]["1"]["precision"].get<double>(), 0.75);
  EXPECT_DOUBLE_EQ(j["classes"]["1"]["recall"].get<double>(), 0.75);
  EXPECT_DOUBLE_EQ(j["classes"]["0"]["precision"].get<double>(), 0.5);
  EXPECT_DOUBLE_EQ(j["macro_f1"].get<double>(), (0.75 + 0.5) / 2);
  EXPECT_EQ(j["confusion_matrix"], nlohmann::json({{1, 1}, {1, 3}}));
}

}  // namespace
}  // namespace brandlens

#include "text/analysis_json.h"

namespace brandlens {
namespace {

TEST(AnalysisJsonTest, StringsAreEscapedAndRowsParse) {
  std::string out;
  AppendJsonString(out, "他说\"好喝\"\\\n\t\x01");
  EXPECT_EQ(out, "\"他说\\\"好喝\\\"\\\\\\n\\t\\u0001\"");
  // Every position of an escaped byte in a string scanned 8 bytes at a time
  // round-trips through a JSON parser.
  for (size_t at = 0; at <= 17; ++at) {  // every position before 好喝
    for (const char special : {'"', '\\', '\n', '\x1f', '\x7f'}) {
      std::string text = "abcdefghij0123456好喝xyz";
      text.insert(text.begin() + static_cast<std::ptrdiff_t>(at), special);
      std::string json;
      AppendJsonString(json, text);
      EXPECT_EQ(nlohmann::json::parse(json).get<std::string>(), text) << at;
    }
  }
  std::string row;
  AppendErrorJson(row, 7, "a\"b", "invalid UTF-8 at byte 3");
  const auto j = nlohmann::json::parse(row);
  EXPECT_EQ(j["line"], 7);
  EXPECT_EQ(j["id"], "a\"b");
  EXPECT_EQ(j["error"], "invalid UTF-8 at byte 3");
}

}  // namespace
}  // namespace brandlens
