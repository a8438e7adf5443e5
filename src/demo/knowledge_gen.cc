#include "demo/knowledge_gen.h"

#include <fmt/format.h>

namespace brandlens::demo {

namespace {

struct Faq {
  const char* id;
  const char* question;
  const char* answer;
  std::vector<const char*> paraphrases;
};

// Written for the demo's fictional brand 山茶集; the paraphrases avoid the
// FAQ's own wording where a real customer would.
const std::vector<Faq>& Faqs() {
  static const std::vector<Faq> kFaqs = {
      {"faq-hours", "门店营业时间是几点到几点？", "山茶集门店营业时间为每天 10:00–22:00，商场店以商场营业时间为准。",
       {"你们几点开门", "晚上十点以后还能买到吗", "周末营业到几点"}},
      {"faq-delivery-range", "外卖配送范围有多大？", "外卖配送范围为门店周边 3 公里，高峰时段可能缩小到 2 公里。",
       {"离店五公里能送吗", "我家比较远能点外卖吗", "配送距离是多少"}},
      {"faq-delivery-time", "外卖多久能送到？", "一般 30 分钟内送达，雨天和高峰时段可能延迟 10–20 分钟。",
       {"点了外卖要等多久", "为什么我的奶茶还没送到", "下雨天送餐会慢吗"}},
      {"faq-refund", "饮品有问题可以退款吗？", "饮品出现质量问题（异物、变质、错单）可在下单后 24 小时内通过小程序申请退款，审核通过后 1–3 个工作日原路退回。",
       {"喝出异物怎么办", "做错了能退钱吗", "退款多久到账"}},
      {"faq-points", "会员积分怎么获得和使用？", "每消费 1 元积 1 分，100 积分可抵扣 1 元，积分有效期为 12 个月。",
       {"积分能抵钱吗", "积分会过期吗", "怎么攒积分"}},
      {"faq-membership", "如何成为会员？", "在小程序或 App 注册即可成为会员，注册当天赠送一张 8 折券。",
       {"怎么注册会员", "新会员有什么福利", "入会送什么"}},
      {"faq-sugar", "可以选择甜度吗？", "所有饮品支持无糖、三分糖、五分糖、七分糖和全糖，默认七分糖。",
       {"能做无糖的吗", "可以少放点糖吗", "默认甜度是多少"}},
      {"faq-ice", "可以去冰或做热饮吗？", "多数饮品支持去冰、少冰、常温和热饮；含奶盖和冰沙的饮品不支持热饮。",
       {"能做热的吗", "冬天有热饮吗", "可以不加冰吗"}},
      {"faq-caffeine", "饮品含咖啡因吗？", "茶底和咖啡类饮品含咖啡因；孕妇和对咖啡因敏感的人可选择无咖啡因的果饮系列。",
       {"孕妇能喝吗", "晚上喝会失眠吗", "哪些饮品没有咖啡因"}},
      {"faq-allergen", "饮品含过敏原吗？", "部分饮品含乳制品、坚果和麸质，详细过敏原信息见每款产品的说明，点单时可告知店员。",
       {"我对牛奶过敏能喝什么", "有坚果吗", "乳糖不耐受怎么选"}},
      {"faq-milk", "奶茶用的是什么奶？", "鲜奶茶系列使用当日配送的巴氏鲜牛奶，不使用植脂末。",
       {"有没有植脂末", "是真牛奶吗", "用的奶新鲜吗"}},
      {"faq-coupon", "优惠券怎么使用？", "优惠券在小程序下单结算页选择使用，每单限用一张，不与其他满减活动同享。",
       {"券在哪里用", "两张券能一起用吗", "优惠券和满减能叠加吗"}},
      {"faq-invoice", "可以开发票吗？", "可在小程序订单详情页申请电子发票，下单后 30 天内有效。",
       {"怎么开票", "能开公司抬头的发票吗", "发票在哪申请"}},
      {"faq-group-order", "可以团购或大批量订购吗？", "20 杯以上的团购请提前一天通过小程序“企业订购”预约，可享 9 折。",
       {"公司下午茶能订50杯吗", "批量订有折扣吗", "团单要提前多久"}},
      {"faq-store", "附近的门店怎么找？", "在小程序首页点击“门店”即可按距离查看附近门店及排队情况。",
       {"最近的店在哪", "怎么看哪家店人少", "哪里有你们的店"}},
      {"faq-complaint", "怎么投诉或反馈问题？", "可拨打客服热线 400-000-0000（9:00–21:00）或在小程序“意见反馈”提交，我们会在 24 小时内回复。",
       {"客服电话多少", "我要投诉店员", "在哪里提意见"}},
      {"faq-cup", "可以自带杯子吗？", "支持自带杯，自带杯购买饮品立减 2 元（杯子需干净且容量合适）。",
       {"带自己的杯子有优惠吗", "环保杯能用吗", "自带杯减多少"}},
      {"faq-preorder", "可以提前下单到店自取吗？", "支持在小程序提前下单并选择到店自取时间，到店出示取餐码即可。",
       {"能先点单再去拿吗", "到店自取怎么弄", "不想排队怎么办"}},
      {"faq-new-product", "新品什么时候上市？", "新品一般每月第一周上市，关注公众号或小程序首页获取上新信息。",
       {"最近出什么新品了", "多久上一次新", "在哪看新品"}},
      {"faq-shelf-life", "饮品买了多久内要喝完？", "建议制作后 2 小时内饮用，鲜奶和鲜果类饮品不建议隔夜饮用。",
       {"奶茶能放到明天喝吗", "买完放冰箱可以吗", "多久要喝掉"}},
  };
  return kFaqs;
}

}  // namespace

Knowledge GenerateKnowledge(const std::vector<DemoProduct>& products) {
  Knowledge k;
  for (const auto& f : Faqs()) {
    k.documents.push_back({f.id, "faq", f.question, f.answer});
    for (const char* q : f.paraphrases) k.questions.push_back({q, f.id});
  }
  for (const auto& p : products) {
    k.documents.push_back({fmt::format("product-{}", p.id), "product", p.name,
                           fmt::format("{}，建议零售价 {:.0f} 元，支持甜度和冰量调整。", p.name, p.price)});
  }
  k.documents.push_back({"policy-privacy", "policy", "隐私政策",
                         "我们仅为完成订单和会员服务收集手机号与订单信息，不向第三方出售个人信息；可在小程序申请注销账号和删除数据。"});
  k.documents.push_back({"policy-pricing", "policy", "价格与优惠政策",
                         "门店与小程序价格一致；优惠以小程序公布的活动为准，客服不能承诺未公布的折扣。"});
  return k;
}

}  // namespace brandlens::demo
