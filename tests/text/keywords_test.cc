#include "text/keywords.h"

#include <gtest/gtest.h>

#include <cmath>

#include "text/new_words.h"

namespace brandlens {
namespace {

TEST(KeywordsTest, TfIdfFavoursWhatIsDistinctiveForAGroup) {
  KeywordIndex index;
  for (int i = 0; i < 10; ++i) {
    index.Add("a", {"奶茶", "排队"});
    index.Add("b", {"奶茶", "配送"});
  }
  index.Add("a", {"奶茶", "排队", "排队"});
  const auto top = index.Top("a", 2);
  ASSERT_EQ(top.size(), 2u);
  EXPECT_EQ(top[0].term, "排队");  // rarer across the corpus than 奶茶
  EXPECT_EQ(top[0].count, 12);
  EXPECT_TRUE(index.Top("missing", 5).empty());
  EXPECT_EQ(index.documents(), 21);
}

TEST(KeywordsTest, ADocumentInSeveralGroupsCountsOnceInTheCorpus) {
  KeywordIndex index;
  const std::string_view both[] = {"山茶集", "青柠社"};
  index.Add(both, {"排队", "排队"});
  index.Add("山茶集", {"奶茶"});
  EXPECT_EQ(index.documents(), 2);  // not 3: the comparison is one document
  EXPECT_EQ(index.Top("青柠社", 1).at(0).count, 2);
  EXPECT_EQ(index.Top("山茶集", 2).size(), 2u);
  // df(排队) = 1 of N = 2: idf = log(3/2) + 1, tf = 2.
  EXPECT_NEAR(index.Top("青柠社", 1).at(0).score, 2 * (std::log(1.5) + 1), 1e-9);
}

TEST(KeywordsTest, TextRankRanksTheConnectedTerm) {
  const auto top = TextRank({"价格", "奶茶", "口味", "奶茶", "服务", "奶茶", "包装"}, 1);
  ASSERT_EQ(top.size(), 1u);
  EXPECT_EQ(top[0].term, "奶茶");
  EXPECT_EQ(top[0].count, 3);
}

TEST(NewWordsTest, FindsACoinedWordAndSkipsKnownOnes) {
  NewWordFinder finder(4, 5);
  std::vector<std::string> texts;
  const char* before[] = {"今天", "终于", "周末", "同事", "下班", "朋友"};
  const char* after[] = {"太好喝", "排队", "上新", "真香", "打卡", "回购"};
  for (int i = 0; i < 36; ++i) texts.push_back(std::string(before[i % 6]) + "多肉葡萄" + after[i / 6]);
  // Unrelated text, so that the corpus is large enough for chance
  // co-occurrence to be rare.
  const char* filler[] = {"山川河流", "日月星辰", "风雨雷电", "春夏秋冬", "东西南北", "金木水火", "梅兰竹菊", "琴棋书画"};
  for (int i = 0; i < 400; ++i) texts.push_back(std::string(filler[i % 8]) + filler[(i / 8) % 8]);
  for (const auto& t : texts) finder.Count(t);
  for (const auto& t : texts) finder.Neighbours(t);
  const auto words = finder.Find(100, [](std::string_view w) { return w == "葡萄" || w == "今天"; });
  ASSERT_FALSE(words.empty());
  bool found = false;
  for (const auto& w : words) {
    EXPECT_NE(w.word, "葡萄");
    found |= w.word == "多肉葡萄";
  }
  EXPECT_TRUE(found);
}

}  // namespace
}  // namespace brandlens
