#include "text/new_word_learning.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "ingest/importer.h"
#include "project/project.h"
#include "test_util.h"
#include "text/workspace_analysis.h"

namespace brandlens {
namespace {

using testing::TempDir;
using testing::WriteFile;

// 120 short drink reviews; a drink nickname no dictionary has (芋泥啵啵)
// appears in 24 of them, in varied company.
std::string DrinkReviews() {
  const char* before[] = {"今天喝了", "朋友推荐", "第一次点", "排队买到", "终于喝到", "外卖点了",
                          "同事请喝", "周末买了", "路过顺手买", "下班去喝", "又点了", "女朋友爱喝"};
  const char* after[] = {"，味道不错", "真的好喝", "有点甜", "值得一试", "太腻了", "还会再来",
                         "分量很足", "价格实惠", "小料很多", "口感顺滑", "冰的更好", "热的也行"};
  const char* others[] = {"门店环境", "店员态度", "奶茶", "水果茶", "柠檬水", "冰淇淋", "咖啡", "蛋糕"};
  std::ostringstream csv;
  csv << "id,time,text\n";
  int id = 0;
  for (int a = 0; a < 12; ++a)
    for (int b = 0; b < 2; ++b) csv << ++id << ",2025-06-18," << before[a] << "芋泥啵啵" << after[(a * 5 + b * 7) % 12] << '\n';
  for (int a = 0; a < 12; ++a)
    for (int o = 0; o < 8; ++o) csv << ++id << ",2025-06-18," << before[a] << others[o] << after[(a + o) % 12] << '\n';
  return csv.str();
}

// The new words among the store's unanalysed mentions, seen 5 times or more.
std::vector<NewWord> FindSeenFiveTimes(Store& store, const TextAnalyzer& analyzer) {
  NewWordLearning options;
  options.min_count = 5;
  auto learned = FindNewWordsInUnanalysed(store, analyzer, options);
  EXPECT_TRUE(learned.ok()) << learned.status().message();
  return learned.ok() ? std::move(learned.value()) : std::vector<NewWord>();
}

bool Contains(const std::vector<NewWord>& words, std::string_view w) {
  for (const auto& x : words)
    if (x.word == w) return true;
  return false;
}

TEST(NewWordLearningTest, AdvertisingTeachesNoWords) {
  // The same reviews, plus 40 ads whose made-up sale name (嗨购节) is as
  // cohesive and as freely placed as any new word: ads are skipped, so it
  // is not learned.
  TempDir dir;
  auto store = std::move(OpenWorkspace(dir / "w.db").value());
  std::string csv = DrinkReviews();
  const char* before[] = {"福利来了", "限时", "新店开业", "粉丝专享", "今日"};
  const char* after[] = {"全场五折", "买一送一", "第二杯半价", "满减", "送杯套", "抽免单", "新品尝鲜", "会员加倍"};
  for (int i = 0; i < 40; ++i)
    csv += std::to_string(1000 + i) + ",2025-06-18," + before[i % 5] + "嗨购节" + after[(i / 5 + i) % 8] +
           "，加微信tea" + std::to_string(4821 + i) + "\n";
  ImportOptions o;
  o.defaults["platform"] = "weibo";
  ASSERT_TRUE(ImportFile(*store, "mentions", WriteFile(dir / "m.csv", csv), o).ok());
  auto analyzer = std::move(TextAnalyzer::Create({"food_and_drink", {}}).value());
  const auto learned = FindSeenFiveTimes(*store, *analyzer);
  EXPECT_TRUE(Contains(learned, "芋泥啵啵"));
  for (const auto& w : learned) EXPECT_EQ(w.word.find("嗨购"), std::string::npos) << w.word;
}

TEST(NewWordLearningTest, LearnsFromUnanalysedMentionsAndTheSegmenterKeepsTheWordWhole) {
  TempDir dir;
  auto store = std::move(OpenWorkspace(dir / "w.db").value());
  ImportOptions o;
  o.defaults["platform"] = "weibo";
  ASSERT_TRUE(ImportFile(*store, "mentions", WriteFile(dir / "m.csv", DrinkReviews()), o).ok());
  auto analyzer = std::move(TextAnalyzer::Create({"food_and_drink", {}}).value());

  const auto learned = FindSeenFiveTimes(*store, *analyzer);
  EXPECT_TRUE(Contains(learned, "芋泥啵啵"));
  // Nothing that would hide words the analysis reads (不错, 好喝, 很足).
  for (const auto& w : learned) {
    EXPECT_EQ(w.word.find("不错"), std::string::npos) << w.word;
    EXPECT_EQ(w.word.find("好喝"), std::string::npos) << w.word;
  }

  const auto dict = dir / "dictionary.txt";
  WriteFile(dict, "山茶集\n");
  ASSERT_TRUE(AppendToUserDictionary(dict, learned, "learned by a test").ok());
  std::ifstream in(dict);
  std::string first, note, word;
  std::getline(in, first);
  std::getline(in, note);
  std::getline(in, word);
  EXPECT_EQ(first, "山茶集");  // what the user wrote stays
  EXPECT_EQ(note, "# learned by a test");
  ASSERT_FALSE(learned.empty());
  EXPECT_EQ(word, learned.front().word);

  TextAnalyzer::Options with_words{"food_and_drink", {}};
  for (const auto& w : learned) with_words.extra_words.push_back(w.word);
  auto learned_analyzer = std::move(TextAnalyzer::Create(with_words).value());
  Analysis a;
  ASSERT_TRUE(learned_analyzer->Analyze("今天喝了芋泥啵啵，味道不错", a).ok());
  EXPECT_NE(std::find(a.keywords.begin(), a.keywords.end(), "芋泥啵啵"), a.keywords.end());
  EXPECT_EQ(a.label, SentimentLabel::kPositive);

  // Once analysed, the mentions teach nothing more.
  ASSERT_TRUE(AnalyzeWorkspace(*store, *learned_analyzer, SentimentModel(), 2).ok());
  EXPECT_TRUE(FindSeenFiveTimes(*store, *learned_analyzer).empty());
}

TEST(NewWordLearningTest, CandidatesAreNeitherPhrasesNorWordsTheScorerReads) {
  auto analyzer = std::move(TextAnalyzer::Create({"hotel_travel", {}}).value());
  EXPECT_TRUE(analyzer->IsNewWordCandidate("芋泥啵啵"));
  EXPECT_FALSE(analyzer->IsNewWordCandidate("房间很大"));  // hides 很 and 大
  EXPECT_FALSE(analyzer->IsNewWordCandidate("服务不错"));  // hides 不错
  EXPECT_FALSE(analyzer->IsNewWordCandidate("在酒店"));    // starts with a stop word
  EXPECT_FALSE(analyzer->IsNewWordCandidate("终于喝到"));  // two known words: a phrase
  EXPECT_FALSE(analyzer->IsNewWordCandidate("酒店"));      // known already
}

TEST(NewWordLearningTest, NothingToAppendWritesNothing) {
  TempDir dir;
  const auto dict = dir / "dictionary.txt";
  ASSERT_TRUE(AppendToUserDictionary(dict, {}, "unused").ok());
  EXPECT_FALSE(std::filesystem::exists(dict));
}

}  // namespace
}  // namespace brandlens
