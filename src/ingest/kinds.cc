#include "ingest/kinds.h"

namespace brandlens {

namespace {

using T = FieldType;

// Synonyms are compiled from the column names of common Chinese platform
// exports (Weibo, Xiaohongshu, Douyin, Dianping, JD/Tmall review exports,
// Qianchuan / Juliang / Tencent ad reports) and their English counterparts.
std::vector<KindSpec> BuildKinds() {
  return {
      {"mentions",
       "mentions",
       {
           {"platform", T::kToken, true, {"source", "channel", "平台", "来源", "渠道"}},
           {"source_id", T::kShort, false, {"id", "mid", "post_id", "note_id", "comment_id", "review_id", "微博id", "评论id", "笔记id"}},
           {"author", T::kShort, false, {"user", "username", "user_name", "nickname", "screen_name", "用户", "用户名", "昵称", "作者"}},
           {"posted_at", T::kTimestamp, true, {"time", "created_at", "create_time", "publish_time", "pub_time", "date", "datetime", "timestamp", "发布时间", "评论时间", "时间", "日期"}},
           {"text", T::kText, true, {"content", "review", "comment", "body", "message", "内容", "正文", "微博正文", "评论", "评论内容", "评价内容"}},
           {"rating", T::kReal, false, {"score", "star", "stars", "评分", "星级", "打分"}, {}, 0, 100},
           {"likes", T::kCount, false, {"like_count", "likes_count", "attitudes_count", "digg_count", "点赞", "点赞数"}},
           {"shares", T::kCount, false, {"reposts", "reposts_count", "share_count", "shares_count", "转发", "转发数", "分享数"}},
           {"comments", T::kCount, false, {"comments_count", "comment_count", "评论数"}},
           {"url", T::kShort, false, {"link", "href", "链接", "网址"}},
           {"language", T::kLanguage, false, {"lang", "语言"}},
       },
       {"platform", "source_id"},
       {"platform", "author", "posted_at", "text"}},
      {"users",
       "users",
       {
           {"user_id", T::kShort, true, {"uid", "id", "customer_id", "member_id", "用户id", "会员id"}},
           {"signup_at", T::kTimestamp, false, {"registered_at", "register_time", "created_at", "注册时间"}},
           {"gender", T::kShort, false, {"sex", "性别"}},
           {"age", T::kInteger, false, {"年龄"}, {}, 0, 130},
           {"city", T::kShort, false, {"城市", "所在城市"}},
           {"channel", T::kShort, false, {"source", "acquisition_channel", "注册渠道", "渠道"}},
           {"email", T::kShort, false, {"mail", "e-mail", "邮箱", "电子邮箱"}},
           {"phone", T::kShort, false, {"mobile", "phone_number", "手机", "手机号", "电话"}},
           {"timezone", T::kShort, false, {"time_zone", "tz", "时区"}},
           {"consent", T::kBool, false, {"marketing_consent", "opt_in", "subscribed", "营销授权", "同意营销"}},
       },
       {"user_id"}},
      {"events",
       "events",
       {
           {"user_id", T::kShort, true, {"uid", "customer_id", "member_id", "用户id"}},
           {"occurred_at", T::kTimestamp, true, {"time", "ts", "timestamp", "event_time", "created_at", "时间", "发生时间"}},
           {"type", T::kToken, true, {"event", "event_type", "action", "行为", "事件"}},
           {"item_id", T::kShort, false, {"item", "product_id", "sku", "sku_id", "商品id"}},
           {"category", T::kShort, false, {"category_name", "类目", "品类"}},
           {"amount", T::kMoney, false, {"value", "price", "金额"}},
           {"channel", T::kShort, false, {"source", "渠道"}},
       },
       {}},
      {"products",
       "products",
       {
           {"product_id", T::kShort, true, {"id", "sku", "sku_id", "item_id", "商品id"}},
           {"name", T::kShort, true, {"title", "product_name", "商品名称", "名称"}},
           {"brand", T::kShort, false, {"品牌"}},
           {"category", T::kShort, false, {"类目", "品类"}},
           {"price", T::kMoney, false, {"list_price", "价格", "售价"}, {}, 0, 1e12},
       },
       {"product_id"}},
      {"orders",
       "orders",
       {
           {"order_id", T::kShort, true, {"id", "订单号", "订单id", "订单编号"}},
           {"user_id", T::kShort, true, {"uid", "customer_id", "member_id", "用户id", "买家id"}},
           {"ordered_at", T::kTimestamp, true, {"time", "created_at", "order_time", "pay_time", "下单时间", "支付时间"}},
           {"product_id", T::kShort, false, {"item_id", "sku", "sku_id", "商品id"}},
           {"quantity", T::kInteger, false, {"qty", "count", "数量"}, {}, 0, 1e9},
           {"amount", T::kMoney, true, {"total", "revenue", "paid", "实付金额", "金额", "订单金额"}, {}, -1e12, 1e12},
           {"channel", T::kShort, false, {"source", "渠道"}},
       },
       {"order_id"}},
      {"spend",
       "channel_daily",
       {
           {"day", T::kDate, true, {"date", "日期"}},
           {"channel", T::kShort, true, {"media", "platform", "渠道", "媒体"}},
           {"campaign", T::kShort, false, {"campaign_name", "计划", "计划名称", "活动"}, ""},
           {"spend", T::kMoney, true, {"cost", "消耗", "花费"}, {}, 0, 1e12},
           {"impressions", T::kCount, false, {"impr", "views", "展示", "展现", "曝光"}},
           {"clicks", T::kCount, false, {"点击", "点击数"}},
           {"conversions", T::kCount, false, {"conv", "转化", "转化数"}},
           {"revenue", T::kMoney, false, {"gmv", "sales", "成交金额", "销售额"}, {}, 0, 1e13},
       },
       {"day", "channel", "campaign"}},
      {"kb",
       "kb_documents",
       {
           {"doc_id", T::kShort, true, {"id", "文档id", "编号"}},
           {"kind", T::kToken, false, {"type", "类型"}, "faq"},
           {"title", T::kShort, false, {"question", "标题", "问题"}},
           {"body", T::kText, true, {"answer", "content", "text", "答案", "内容", "正文"}},
           {"url", T::kShort, false, {"link", "链接"}},
           {"updated_at", T::kTimestamp, false, {"updated", "更新时间"}},
       },
       {"doc_id"}},
      {"experiments",
       "experiment_exposures",
       {
           {"experiment", T::kShort, true, {"test", "experiment_id", "实验"}},
           {"arm", T::kShort, true, {"variant", "group", "分组"}},
           {"user_id", T::kShort, true, {"uid", "用户id"}},
           {"exposed_at", T::kTimestamp, true, {"time", "timestamp", "曝光时间"}},
           {"converted", T::kBool, true, {"conversion", "是否转化"}},
           {"revenue", T::kMoney, false, {"amount", "金额"}, {}, 0, 1e12},
       },
       {"experiment", "user_id"}},
  };
}

}  // namespace

const std::vector<KindSpec>& AllKinds() {
  static const std::vector<KindSpec> kKinds = BuildKinds();
  return kKinds;
}

const KindSpec* FindKind(std::string_view kind) {
  for (const auto& k : AllKinds())
    if (k.kind == kind) return &k;
  return nullptr;
}

std::string KindNames() {
  std::string names;
  for (const auto& k : AllKinds()) names.append(names.empty() ? "" : ", ").append(k.kind);
  return names;
}

}  // namespace brandlens
