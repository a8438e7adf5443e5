// Spam detection: advertising per text, coordinated clusters over a corpus,
// and the near-misses real customers produce that must stay clean.
#include "text/spam.h"

#include <fmt/format.h>
#include <gtest/gtest.h>

namespace brandlens {
namespace {

class SpamTest : public ::testing::Test {
 protected:
  static bool IsAd(std::string_view text) { return !SpamDetector::AdvertisingReason(text).empty(); }

  // Holds the texts the posts view.
  struct Corpus {
    std::vector<std::string> texts, authors;
    std::vector<int64_t> times;
    void Add(std::string text, std::string author, int64_t time) {
      texts.push_back(std::move(text));
      authors.push_back(std::move(author));
      times.push_back(time);
    }
    std::vector<SpamPost> Posts() const {
      std::vector<SpamPost> posts;
      for (size_t i = 0; i < texts.size(); ++i) posts.push_back({texts[i], authors[i], times[i]});
      return posts;
    }
  };
  static SpamReport Detect(const Corpus& c) { return SpamDetector().Detect(c.Posts(), 2); }
};

constexpr int64_t kDay = 1'750'000'000;

TEST_F(SpamTest, AdvertisingSolicitsContactOrSells) {
  EXPECT_TRUE(IsAd("【福利】奶茶券免费领，加V：tea4821"));
  EXPECT_TRUE(IsAd("代金券低价出，需要的私我，ＶＸ8823"));  // full-width letters are folded
  EXPECT_TRUE(IsAd("有需要的联系13812345678"));
  EXPECT_TRUE(IsAd("免费喝！关注+转发抽10人 http://t.cn/R1234"));
  EXPECT_TRUE(IsAd("代购优惠券，口令 ab12345 领券"));
}

TEST_F(SpamTest, CustomersTalkingAboutCouponsAndMessagesAreNotAds) {
  EXPECT_FALSE(IsAd("奶茶加微糖刚刚好"));         // 加微 is not 加微信
  EXPECT_FALSE(IsAd("老板扣扣搜搜的，分量越来越少"));  // stingy, not QQ
  EXPECT_FALSE(IsAd("怀疑店家刷单，好评都是假的"));    // an accusation
  EXPECT_TRUE(IsAd("複製這段打開淘寶，優惠券領券"));    // traditional script
  EXPECT_FALSE(IsAd("私信客服半天没人回，差评"));
  EXPECT_FALSE(IsAd("领了优惠券才二十块，很划算"));
  EXPECT_FALSE(IsAd("订单号202312345678，到现在还没发货"));  // 12 digits: not a mobile number
  EXPECT_FALSE(IsAd("打了400-820-8820也没人接"));
  EXPECT_FALSE(IsAd("看到微博上的链接 http://t.cn/abc 说他家出新品了"));  // a link alone
}

TEST_F(SpamTest, ACoordinatedBurstIsFoundDespiteEmojiPunctuationAndSynonyms) {
  Corpus c;
  const char* wow[] = {"绝了", "太绝了", "绝绝子"};
  const char* who[] = {"姐妹们", "家人们"};
  const char* emoji[] = {"", "😍", "🔥🔥", "✨"};
  for (int i = 0; i < 24; ++i)
    c.Add(fmt::format("{}青柠社新品真的{}，果肉满满一大杯{}性价比超高，{}冲就完事了！", emoji[i % 4], wow[i % 3],
                      i % 2 ? "，" : " ", who[i % 2]),
          fmt::format("用户{}", 9000 + i), kDay + i * 1800);
  // Real customers on other days, each with a few posts.
  for (int i = 0; i < 40; ++i)
    c.Add(fmt::format("第{}次来了，今天的柠檬茶有点酸，但是服务很好", i), fmt::format("老顾客{}", i % 8),
          kDay + 10 * 86400 + i * 3600);
  const SpamReport r = Detect(c);
  EXPECT_EQ(r.coordinated, 24);
  ASSERT_EQ(r.clusters.size(), 1u);
  EXPECT_EQ(r.clusters[0].authors, 24);
  for (int i = 24; i < 64; ++i) EXPECT_EQ(r.verdicts[static_cast<size_t>(i)].kind, SpamKind::kNone) << i;
  EXPECT_NE(r.verdicts[0].reason.find("24 near-identical posts by 24 authors"), std::string::npos)
      << r.verdicts[0].reason;
}

TEST_F(SpamTest, ShortAgreementIsNotCoordination) {
  Corpus c;
  for (int i = 0; i < 50; ++i) c.Add(i % 2 ? "很好吃！" : "很好吃😋", fmt::format("新用户{}", i), kDay + i * 60);
  EXPECT_EQ(Detect(c).coordinated, 0);
}

TEST_F(SpamTest, ACrisisBurstFromRealCustomersIsNotCoordination) {
  Corpus c;
  // The same outrage in near-identical words, in a burst, from accounts
  // that also post about other things.
  for (int i = 0; i < 20; ++i) {
    const std::string author = fmt::format("老粉{}", i);
    c.Add("山茶集又食品安全？操作台也太脏了吧，以后不敢喝了", author, kDay + i * 600);
    for (int k = 0; k < 3; ++k) c.Add(fmt::format("今天第{}杯，{}号店的杨枝甘露还是那么好喝", k, i), author, kDay - k * 86400);
  }
  EXPECT_EQ(Detect(c).coordinated, 0);
}

TEST_F(SpamTest, RepostsAreJudgedByTheirOwnWords) {
  Corpus c;
  const std::string original = "山茶集新出的桂花乌龙真的很香，推荐大家去试试，不甜不腻";
  c.Add(original, "原作者", kDay);
  for (int i = 0; i < 10; ++i) c.Add("转发微博//@原作者: " + original, fmt::format("路人{}", i), kDay + i * 60);
  EXPECT_EQ(Detect(c).coordinated, 0);
}

TEST_F(SpamTest, WithoutAuthorsOnlyALargeClusterCounts) {
  Corpus few, many;
  for (int i = 0; i < 5; ++i) few.Add(fmt::format("这家店的芝士奶盖绝了，每次来都要点两杯{}", i % 2 ? "！" : ""), "", 0);
  for (int i = 0; i < 12; ++i) many.Add(fmt::format("这家店的芝士奶盖绝了，每次来都要点两杯{}", i % 2 ? "！" : ""), "", 0);
  EXPECT_EQ(Detect(few).coordinated, 0);
  EXPECT_EQ(Detect(many).coordinated, 12);
}

TEST_F(SpamTest, AScrapedPageFooterDoesNotMakeReviewsCopies) {
  Corpus c;
  const std::string footer = "免费注册网站导航宾馆索引服务说明关于我们诚聘英才代理合作广告业务联系我们Copyright2008";
  const char* reviews[] = {"地理位置不错，停车场很大", "离公司近，餐饮价格实惠", "房间安静，早餐一般",
                           "前台很热情，办理入住很快", "空调有点吵，其他还好"};
  for (int i = 0; i < 15; ++i) c.Add(fmt::format("{}{}{}", reviews[i % 5], i, footer), "", 0);
  EXPECT_EQ(Detect(c).coordinated, 0);
}

TEST_F(SpamTest, InvalidUtf8AndEmptyTextsAreJudgedClean) {
  Corpus c;
  c.Add("", "a", kDay);
  c.Add("\xff\xfe 加V", "b", kDay);
  const SpamReport r = Detect(c);
  EXPECT_EQ(r.verdicts[0].kind, SpamKind::kNone);
  EXPECT_EQ(r.verdicts[1].kind, SpamKind::kNone);
}

}  // namespace
}  // namespace brandlens
