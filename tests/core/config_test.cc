#include "core/config.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace brandlens {
namespace {

using testing::TempDir;
using testing::WriteFile;

TEST(ConfigTest, TheExampleConfigLoads) {
  TempDir dir;
  auto c = LoadConfig(WriteFile(dir / "brandlens.toml", ExampleConfigToml()));
  ASSERT_TRUE(c.ok()) << c.status().message();
  ASSERT_NE(c->OwnBrand(), nullptr);
  EXPECT_EQ(c->OwnBrand()->name, "山茶集");
  EXPECT_EQ(c->brands.size(), 2u);
  EXPECT_EQ(c->industry, "food_and_drink");
  EXPECT_EQ(c->time_zone, "Asia/Shanghai");
  ASSERT_EQ(c->sources.size(), 1u);
  EXPECT_EQ(c->sources[0].mapping.at("text"), "微博正文");
  EXPECT_EQ(c->WorkspacePath(), dir.path() / "workspace.db");
  EXPECT_FALSE(c->llm.has_value());
}

std::string LoadError(const std::string& toml) {
  TempDir dir;
  auto c = LoadConfig(WriteFile(dir / "brandlens.toml", toml));
  EXPECT_FALSE(c.ok());
  return c.status().message();
}

TEST(ConfigTest, ErrorsNameTheFileAndTheProblem) {
  EXPECT_NE(LoadError("[project]\nname = 1\n").find("brandlens.toml"), std::string::npos);
  EXPECT_NE(LoadError("[[brands]]\nname = \"A\"\n").find("own = true"), std::string::npos);
  EXPECT_NE(LoadError("[[brands]]\nname = \"A\"\nown = true\n[[brands]]\nname = \"A\"\n").find("twice"),
            std::string::npos);
  EXPECT_NE(LoadError("[project]\nindustry = \"mining\"\n[[brands]]\nname = \"A\"\nown = true\n").find("mining"),
            std::string::npos);
  EXPECT_NE(LoadError("[[brands]]\nname = \"A\"\nown = true\n[[sources]]\nkind = \"tweets\"\npath = \"x\"\n")
                .find("tweets"),
            std::string::npos);
  EXPECT_NE(LoadError("[[brands]]\nname = \"A\"\nown = true\naliases = [\"\"]\n").find("empty alias"),
            std::string::npos);
  EXPECT_NE(LoadError("[[brands]\nname = ").find("brandlens.toml"), std::string::npos);  // syntax error
}

TEST(ConfigTest, RefusesAnApiKeyInTheFile) {
  const std::string msg = LoadError(
      "[[brands]]\nname = \"A\"\nown = true\n[llm]\nbase_url = \"http://x\"\nmodel = \"m\"\napi_key = \"sk-1\"\n");
  EXPECT_NE(msg.find("api_key_env"), std::string::npos);
  EXPECT_EQ(msg.find("sk-1"), std::string::npos);
}

TEST(ConfigTest, ReadsTheLlmProviderAndMappings) {
  TempDir dir;
  auto c = LoadConfig(WriteFile(dir / "brandlens.toml", R"(
[[brands]]
name = "A"
own = true
[llm]
base_url = "http://127.0.0.1:8000/v1"
model = "qwen"
api_key_env = "QWEN_KEY"
[mapping.orders]
amount = "实付金额"
)"));
  ASSERT_TRUE(c.ok()) << c.status().message();
  ASSERT_TRUE(c->llm.has_value());
  EXPECT_EQ(c->llm->api_key_env, "QWEN_KEY");
  EXPECT_EQ(c->mappings.at("orders").at("amount"), "实付金额");
}

TEST(ConfigTest, MissingFileSaysHowToCreateOne) {
  auto c = LoadConfig("/nonexistent/brandlens.toml");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("brandlens init"), std::string::npos);
}

}  // namespace
}  // namespace brandlens
