// The project config: core's [project] and [[brands]], and each module's
// own section read through ConfigSection.
#include "core/config.h"

#include <gtest/gtest.h>

#include "ingest/sources_config.h"
#include "listening/listening_config.h"
#include "test_util.h"
#include "text/text_config.h"

namespace brandlens {
namespace {

using testing::TempDir;
using testing::WriteFile;

constexpr const char* kBrands = "[[brands]]\nname = \"A\"\nown = true\n";

TEST(ConfigTest, TheExampleConfigLoadsWithEveryModuleSection) {
  TempDir dir;
  auto c = LoadConfig(WriteFile(dir / "brandlens.toml", ExampleConfigToml()));
  ASSERT_TRUE(c.ok()) << c.status().message();
  ASSERT_NE(c->OwnBrand(), nullptr);
  EXPECT_EQ(c->OwnBrand()->name, "山茶集");
  EXPECT_EQ(c->brands.size(), 2u);
  EXPECT_EQ(c->industry, "food_and_drink");
  EXPECT_EQ(c->time_zone, "Asia/Shanghai");
  EXPECT_EQ(c->WorkspacePath(), dir.path() / "workspace.db");
  auto sources = ReadSourcesConfig(*c);
  ASSERT_TRUE(sources.ok()) << sources.status().message();
  ASSERT_EQ(sources->sources.size(), 1u);
  EXPECT_EQ(sources->sources[0].mapping.at("text"), "微博正文");
  auto text = ReadTextConfig(*c);
  ASSERT_TRUE(text.ok()) << text.status().message();
  EXPECT_EQ(text->user_dictionary, dir.path() / "dictionary.txt");
  EXPECT_TRUE(text->learn_new_words);
  auto listening = ReadListeningConfig(*c);
  ASSERT_TRUE(listening.ok()) << listening.status().message();
  EXPECT_EQ(listening->spikes.min_negatives, 8);
}

std::string LoadError(const std::string& toml) {
  TempDir dir;
  auto c = LoadConfig(WriteFile(dir / "brandlens.toml", toml));
  EXPECT_FALSE(c.ok());
  return c.status().message();
}

// The error a module's reader gives for a config core accepts.
template <typename Reader>
std::string SectionError(const std::string& toml, Reader read) {
  TempDir dir;
  auto c = LoadConfig(WriteFile(dir / "brandlens.toml", toml));
  EXPECT_TRUE(c.ok()) << c.status().message();
  if (!c.ok()) return "";
  auto got = read(*c);
  EXPECT_FALSE(got.ok());
  return got.status().message();
}

TEST(ConfigTest, ErrorsNameTheFileAndTheProblem) {
  EXPECT_NE(LoadError("[project]\nname = 1\n").find("brandlens.toml"), std::string::npos);
  EXPECT_NE(LoadError("[project]\nname = 1\n").find("line 2"), std::string::npos);
  EXPECT_NE(LoadError("[[brands]]\nname = \"A\"\n").find("own = true"), std::string::npos);
  EXPECT_NE(LoadError("[[brands]]\nname = \"A\"\nown = true\n[[brands]]\nname = \"A\"\n").find("twice"),
            std::string::npos);
  EXPECT_NE(LoadError("[[brands]]\nname = \"A\"\nown = true\naliases = [\"\"]\n").find("empty alias"),
            std::string::npos);
  EXPECT_NE(LoadError("[[brands]\nname = ").find("brandlens.toml"), std::string::npos);  // syntax error
  // A typo in a key is caught, not silently ignored.
  EXPECT_NE(LoadError(std::string("[project]\ntime_zon = \"UTC\"\n") + kBrands).find("time_zon"), std::string::npos);
}

TEST(ConfigTest, ModulesValidateTheirOwnSections) {
  // The one list of industries is the text module's (its aspect lexicon).
  EXPECT_NE(SectionError(std::string("[project]\nindustry = \"mining\"\n") + kBrands, ReadTextConfig).find("mining"),
            std::string::npos);
  // The one list of kinds is ingest's.
  EXPECT_NE(SectionError(std::string(kBrands) + "[[sources]]\nkind = \"tweets\"\npath = \"x\"\n", ReadSourcesConfig)
                .find("tweets"),
            std::string::npos);
  EXPECT_NE(SectionError(std::string(kBrands) + "[mapping.tweets]\ntext = \"t\"\n", ReadSourcesConfig).find("tweets"),
            std::string::npos);
  EXPECT_NE(SectionError(std::string(kBrands) + "[text]\nlearn_new_words = \"yes\"\n", ReadTextConfig)
                .find("learn_new_words"),
            std::string::npos);
  EXPECT_NE(SectionError(std::string(kBrands) + "[listening]\ncrisis_max_p = 2\n", ReadListeningConfig)
                .find("crisis_max_p"),
            std::string::npos);
  EXPECT_NE(SectionError(std::string(kBrands) + "[listening]\ncrisis_min_zz = 2\n", ReadListeningConfig)
                .find("crisis_min_zz"),
            std::string::npos);
}

TEST(ConfigTest, OlderConfigsKeepTextKeysInProject) {
  TempDir dir;
  auto c = LoadConfig(WriteFile(dir / "brandlens.toml",
                                std::string("[project]\nuser_dictionary = \"words.txt\"\nlearn_new_words = false\n") +
                                    kBrands));
  ASSERT_TRUE(c.ok()) << c.status().message();
  auto text = ReadTextConfig(*c);
  ASSERT_TRUE(text.ok());
  EXPECT_EQ(text->user_dictionary, dir.path() / "words.txt");
  EXPECT_FALSE(text->learn_new_words);
}

TEST(ConfigTest, RefusesSecretsAnywhereInTheFile) {
  std::string msg = LoadError(std::string(kBrands) +
                              "[llm]\nbase_url = \"http://x\"\nmodel = \"m\"\napi_key = \"sk-1\"\n");
  EXPECT_NE(msg.find("api_key_env"), std::string::npos);
  EXPECT_EQ(msg.find("sk-1"), std::string::npos);
  msg = LoadError(std::string(kBrands) + "[smtp]\nhost = \"h\"\npassword = \"hunter2\"\n");
  EXPECT_NE(msg.find("smtp.password"), std::string::npos);
  EXPECT_EQ(msg.find("hunter2"), std::string::npos);
  // Naming the variable is how secrets are configured.
  TempDir dir;
  EXPECT_TRUE(LoadConfig(WriteFile(dir / "brandlens.toml",
                                   std::string(kBrands) + "[llm]\napi_key_env = \"QWEN_KEY\"\n"))
                  .ok());
}

TEST(ConfigTest, ReadsMappingsPerKind) {
  TempDir dir;
  auto c = LoadConfig(WriteFile(dir / "brandlens.toml", std::string(kBrands) + "[mapping.orders]\namount = \"实付金额\"\n"));
  ASSERT_TRUE(c.ok()) << c.status().message();
  auto sources = ReadSourcesConfig(*c);
  ASSERT_TRUE(sources.ok()) << sources.status().message();
  EXPECT_EQ(sources->mappings.at("orders").at("amount"), "实付金额");
}

// Found by fuzzing: toml11 read past its buffer on invalid bytes in a
// quoted key. Files that are not UTF-8 are refused before parsing.
TEST(ConfigTest, BytesThatAreNotUtf8AreAClearErrorNotACrash) {
  const std::string crash("'\xa5\x9d'\xa5\x9d" "n\0crn\0cr*", 15);
  EXPECT_NE(LoadError(crash).find("brandlens.toml:1: not valid UTF-8"), std::string::npos);
  EXPECT_NE(LoadError(std::string(kBrands) + std::string("name2 = \"a\0b\"\n", 13)).find(":4: a NUL byte"),
            std::string::npos);
}

TEST(ConfigTest, MissingFileSaysHowToCreateOne) {
  auto c = LoadConfig("/nonexistent/brandlens.toml");
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.status().message().find("brandlens init"), std::string::npos);
}

}  // namespace
}  // namespace brandlens
