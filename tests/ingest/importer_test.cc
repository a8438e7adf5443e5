#include "ingest/importer.h"

#include <gtest/gtest.h>

#include "project/project.h"
#include "test_util.h"

namespace brandlens {
namespace {

using testing::QueryInt;
using testing::QueryText;
using testing::TempDir;
using testing::WriteFile;

class ImporterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    db_ = dir_ / "workspace.db";
    store_ = std::move(OpenWorkspace(db_).value());
  }
  Result<ImportReport> Import(const std::string& kind, const std::string& name, const std::string& bytes,
                              ImportOptions options = {}) {
    return ImportFile(*store_, kind, WriteFile(dir_ / name, bytes), options);
  }
  int64_t Count(const std::string& table) { return QueryInt(db_, "SELECT count(*) FROM " + table); }

  TempDir dir_;
  std::filesystem::path db_;
  std::unique_ptr<Store> store_;
};

// A Xiaohongshu export: Chinese headers, 万 counts, ISO times with offset.
const std::string kXhs =
    "笔记id,昵称,发布时间,内容,点赞数\n"
    "n1,小鱼,2025-06-18T20:15:00+08:00,山茶集的奶盖很好喝，但是有点贵😍,1.2万\n"
    "n2,阿猫,2025-06-19 09:00,\"排队太久了,\"\"避雷\"\"\",35\n"
    "n3,Lily,2025-06-20 10:00,Tried ShanCha today. Great taste!,0\n";

ImportOptions Platform(const std::string& p) {
  ImportOptions o;
  o.defaults["platform"] = p;
  return o;
}

TEST_F(ImporterTest, ImportsAPlatformExportWithChineseHeaders) {
  auto r = Import("mentions", "xhs.csv", kXhs, Platform("xiaohongshu"));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->rows_read, 3);
  EXPECT_EQ(r->rows_inserted, 3);
  EXPECT_EQ(r->rows_rejected, 0);
  EXPECT_EQ(QueryText(db_, "SELECT text FROM mentions WHERE source_id = 'n2'"), "排队太久了,\"避雷\"");
  EXPECT_EQ(QueryInt(db_, "SELECT likes FROM mentions WHERE source_id = 'n1'"), 12000);
  EXPECT_EQ(QueryInt(db_, "SELECT posted_at FROM mentions WHERE source_id = 'n1'"), 1750248900);
  EXPECT_EQ(QueryText(db_, "SELECT platform FROM mentions WHERE source_id = 'n1'"), "xiaohongshu");
  EXPECT_EQ(QueryText(db_, "SELECT language FROM mentions WHERE source_id = 'n1'"), "zh");
  EXPECT_EQ(QueryText(db_, "SELECT language FROM mentions WHERE source_id = 'n3'"), "en");
  EXPECT_EQ(QueryText(db_, "SELECT rating FROM mentions WHERE source_id = 'n1'"), "NULL");
  EXPECT_EQ(QueryText(db_, "SELECT rows_inserted FROM imports"), "3");
}

TEST_F(ImporterTest, ImportingTheSameFileTwiceAddsNothing) {
  ASSERT_TRUE(Import("mentions", "xhs.csv", kXhs, Platform("xiaohongshu")).ok());
  auto again = Import("mentions", "xhs.csv", kXhs, Platform("xiaohongshu"));
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(again->rows_inserted, 0);
  EXPECT_EQ(again->rows_duplicate, 3);
  EXPECT_EQ(Count("mentions"), 3);
  // The same post id on another platform is another mention.
  ASSERT_TRUE(Import("mentions", "xhs.csv", kXhs, Platform("weibo")).ok());
  EXPECT_EQ(Count("mentions"), 6);
}

TEST_F(ImporterTest, WithoutSourceIdsContentIdentifiesAMention) {
  const std::string csv =
      "platform,author,time,content,likes\n"
      "dianping,u1,2025/6/18 20:15,味道不错,1\n"
      "dianping,u1,2025/6/18 20:15,味道不错,7\n"  // the same review seen later with more likes
      "dianping,u2,2025/6/18 20:15,味道不错,1\n";
  auto r = Import("mentions", "dp.csv", csv);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->rows_inserted, 2);
  EXPECT_EQ(r->rows_duplicate, 1);
}

TEST_F(ImporterTest, BadRowsAreSkippedWithFileLineAndField) {
  const std::string csv =
      "笔记id,昵称,发布时间,内容,点赞数\n"
      "a1,x,2025-06-18 20:15,好喝,1\n"
      "a2,x,last tuesday,好喝,1\n"
      "a3,x,2025-06-18 20:15,,1\n"
      "a4,x,2025-06-18 20:15,\xD6\xD0\xCE\xC4,1\n"
      "a5,x,2025-06-18 20:15,好喝\n"
      "a6,x,2025-06-18 20:15,好喝,lots\n"
      "a7,x,2025-06-18 20:15,\"好\"喝,1\n"
      "a8,x,2025-06-18 20:15,好喝,2\n";
  auto r = Import("mentions", "bad.csv", csv, Platform("xiaohongshu"));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->rows_read, 8);
  EXPECT_EQ(r->rows_inserted, 2);
  EXPECT_EQ(r->rows_rejected, 6);
  ASSERT_EQ(r->errors.size(), 6u);
  const std::string file = (dir_ / "bad.csv").string();
  EXPECT_EQ(r->errors[0], file + ":3: field 'posted_at' (column '发布时间'): cannot read 'last tuesday' as a timestamp: "
                                 "expected a four-digit year first");
  EXPECT_EQ(r->errors[1], file + ":4: field 'text' (column '内容'): required but empty");
  EXPECT_NE(r->errors[2].find(":5: field 'text' (column '内容'): invalid UTF-8"), std::string::npos);
  EXPECT_NE(r->errors[3].find(":6: expected 5 fields as in the header, found 4"), std::string::npos);
  EXPECT_NE(r->errors[4].find(":7: field 'likes' (column '点赞数'): 'lots' is not a count"), std::string::npos);
  EXPECT_NE(r->errors[5].find(":8: unexpected character after a closing quote in field 4"), std::string::npos);
  EXPECT_EQ(QueryInt(db_, "SELECT rows_rejected FROM imports"), 6);
}

TEST_F(ImporterTest, StrictModeAbortsAndWritesNothing) {
  ASSERT_TRUE(Import("mentions", "ok.csv", kXhs, Platform("xiaohongshu")).ok());
  const std::string csv = kXhs + "n9,x,not a time,好喝,1\n" + "n10,y,2025-06-18 20:15,好喝,1\n";
  ImportOptions strict = Platform("weibo");
  strict.strict = true;
  auto r = Import("mentions", "strict.csv", csv, strict);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("strict.csv:5: field 'posted_at'"), std::string::npos);
  EXPECT_NE(r.status().message().find("nothing from this file"), std::string::npos);
  EXPECT_EQ(Count("mentions"), 3);  // only the earlier file
  EXPECT_EQ(Count("imports"), 1);
}

TEST_F(ImporterTest, GbkExportIsDetectedAndConverted) {
  // 评论id,评论内容,评论时间 / d1,很好喝,2025/6/18 20:15 in GBK.
  const std::string gbk =
      "\xC6\xC0\xC2\xDB" "id,\xC6\xC0\xC2\xDB\xC4\xDA\xC8\xDD,\xC6\xC0\xC2\xDB\xCA\xB1\xBC\xE4\n"
      "d1,\xBA\xDC\xBA\xC3\xBA\xC8,2025/6/18 20:15\n";
  auto r = Import("mentions", "dianping.csv", gbk, Platform("dianping"));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->encoding, "gb18030");
  EXPECT_EQ(r->rows_inserted, 1);
  EXPECT_EQ(QueryText(db_, "SELECT text FROM mentions"), "很好喝");
  EXPECT_EQ(QueryText(db_, "SELECT encoding FROM imports"), "gb18030");
}

TEST_F(ImporterTest, JsonLinesWithNestedKeysNumbersAndBadLines) {
  const std::string jsonl =
      R"({"mid": 4900000001, "user": {"screen_name": "小鱼"}, "created_at": "2025-06-18 20:15:00", "text": "好喝", "attitudes_count": 12})"
      "\n\n"
      R"({"mid": "4900000002", "user": {"screen_name": "阿猫"}, "created_at": 1750248900, "text": "太甜了"})"
      "\n"
      R"({"mid": "4900000003", "text": "x", "created_at": )"
      "\n"
      R"(["not", "an", "object"])"
      "\n"
      R"({"mid": "4900000005", "created_at": "2025-06-18", "text": {"nested": true}})"
      "\n";
  ImportOptions o = Platform("weibo");
  o.mapping["author"] = "user.screen_name";
  auto r = Import("mentions", "weibo.jsonl", jsonl, o);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->rows_read, 5);
  EXPECT_EQ(r->rows_inserted, 2);
  ASSERT_EQ(r->errors.size(), 3u);
  EXPECT_NE(r->errors[0].find("weibo.jsonl:4: not valid JSON"), std::string::npos);
  EXPECT_NE(r->errors[1].find("weibo.jsonl:5: expected a JSON object"), std::string::npos);
  EXPECT_NE(r->errors[2].find("weibo.jsonl:6: key 'text' holds a JSON object"), std::string::npos);
  EXPECT_EQ(QueryText(db_, "SELECT author FROM mentions WHERE source_id = '4900000001'"), "小鱼");
  EXPECT_EQ(QueryInt(db_, "SELECT likes FROM mentions WHERE source_id = '4900000001'"), 12);
}

TEST_F(ImporterTest, MissingColumnsAreFileErrorsThatListTheHeader) {
  auto r = Import("mentions", "x.csv", "id,body_text,time\n1,好喝,2025-06-18\n", Platform("weibo"));
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("no column for required field 'text'"), std::string::npos);
  EXPECT_NE(r.status().message().find("columns: id, body_text, time"), std::string::npos);
  EXPECT_NE(r.status().message().find("--map text=COLUMN"), std::string::npos);

  ImportOptions mapped = Platform("weibo");
  mapped.mapping["text"] = "body_text";
  auto ok = Import("mentions", "x.csv", "id,body_text,time\n1,好喝,2025-06-18\n", mapped);
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok->rows_inserted, 1);

  mapped.mapping["text"] = "nope";
  auto bad = Import("mentions", "x.csv", "id,body_text,time\n1,好喝,2025-06-18\n", mapped);
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("column 'nope' (mapped to field 'text') is not in the header"),
            std::string::npos);

  ImportOptions unknown;
  unknown.mapping["sentiment"] = "x";
  auto bad_field = Import("mentions", "x.csv", "id\n1\n", unknown);
  ASSERT_FALSE(bad_field.ok());
  EXPECT_NE(bad_field.status().message().find("no field 'sentiment'"), std::string::npos);
  EXPECT_EQ(Count("mentions"), 1);
}

TEST_F(ImporterTest, EmptyFilesAndUnknownKinds) {
  auto empty = Import("mentions", "empty.csv", "");
  ASSERT_FALSE(empty.ok());
  EXPECT_NE(empty.status().message().find("empty"), std::string::npos);
  auto kind = Import("tweets", "x.csv", "a\n1\n");
  ASSERT_FALSE(kind.ok());
  EXPECT_NE(kind.status().message().find("unknown kind 'tweets'"), std::string::npos);
  auto header_only = Import("mentions", "h.csv", "platform,time,text\n");
  ASSERT_TRUE(header_only.ok());
  EXPECT_EQ(header_only->rows_read, 0);
}

TEST_F(ImporterTest, HugeFieldsAreRejectedAndTheRestKept) {
  const std::string huge(300 * 1024, 'x');
  const std::string csv = "platform,time,text\nweibo,2025-06-18,\"" + huge + "\"\nweibo,2025-06-18,好喝\n";
  auto r = Import("mentions", "huge.csv", csv);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->rows_inserted, 1);
  ASSERT_EQ(r->errors.size(), 1u);
  EXPECT_NE(r->errors[0].find("307200 bytes long, over the 262144-byte limit"), std::string::npos);
}

TEST_F(ImporterTest, AnUnclosedQuoteSwallowingTheFileIsStopped) {
  std::string csv = "platform,time,text\nweibo,2025-06-18,\"never closed\n";
  csv += std::string(17 << 20, 'y');
  auto r = Import("mentions", "runaway.csv", csv);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("line 2: record is over 16 MiB"), std::string::npos);
  EXPECT_EQ(Count("mentions"), 0);
}

TEST_F(ImporterTest, OtherKindsValidateTheirOwnFields) {
  const std::string spend =
      "日期,渠道,计划名称,消耗,展示,点击,转化,成交金额\n"
      "2025/6/18,douyin,618大促,\"¥12,000.50\",1.5万,300,12,4800\n"
      "2025-06-18,wechat,,800,,,,\n"
      "2025-06-19,wechat,,-5,,,,\n";
  auto r = Import("spend", "spend.csv", spend);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->rows_inserted, 2);
  ASSERT_EQ(r->errors.size(), 1u);
  EXPECT_NE(r->errors[0].find("field 'spend' (column '消耗'): -5 is outside"), std::string::npos);
  EXPECT_EQ(QueryText(db_, "SELECT day FROM channel_daily WHERE channel = 'douyin'"), "2025-06-18");
  EXPECT_EQ(QueryText(db_, "SELECT spend FROM channel_daily WHERE channel = 'douyin'"), "12000.5");
  EXPECT_EQ(QueryInt(db_, "SELECT impressions FROM channel_daily WHERE channel = 'douyin'"), 15000);
  EXPECT_EQ(QueryText(db_, "SELECT campaign FROM channel_daily WHERE channel = 'wechat'"), "");

  auto exp = Import("experiments", "exp.csv",
                    "experiment,arm,user_id,exposed_at,converted\nt1,A,u1,2025-06-18,是\nt1,B,u2,2025-06-18,maybe\n");
  ASSERT_TRUE(exp.ok());
  EXPECT_EQ(exp->rows_inserted, 1);
  EXPECT_NE(exp->errors[0].find("field 'converted': 'maybe' is not a yes/no value"), std::string::npos);

  auto events = Import("events", "ev.csv", "user_id,event_time,event\nu1,2025-06-18 10:00,View\nu1,2025-06-18 10:01,add to cart\n");
  ASSERT_TRUE(events.ok());
  EXPECT_EQ(QueryText(db_, "SELECT type FROM events"), "view");
  EXPECT_NE(events->errors[0].find("field 'type' (column 'event')"), std::string::npos);

  auto kb = Import("kb", "kb.jsonl", R"({"doc_id": "faq-1", "question": "几点开门", "answer": "10点"})" "\n");
  ASSERT_TRUE(kb.ok());
  EXPECT_EQ(QueryText(db_, "SELECT kind || '|' || title || '|' || body FROM kb_documents"), "faq|几点开门|10点");
}

TEST_F(ImporterTest, TimeZoneOptionAppliesToNaiveTimestamps) {
  ImportOptions utc = Platform("weibo");
  utc.time_zone = "UTC";
  ASSERT_TRUE(Import("mentions", "a.csv", "id,time,text\n1,2025-06-18 20:15,好喝\n", utc).ok());
  EXPECT_EQ(QueryInt(db_, "SELECT posted_at FROM mentions"), 1750277700);
}

}  // namespace
}  // namespace brandlens
