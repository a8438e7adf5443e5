#include "project/workspace_sentiment.h"

#include <fmt/chrono.h>
#include <fmt/format.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <nlohmann/json.hpp>

#include "core/hash.h"
#include "text/lexicon_data.h"
#include "text/workspace_analysis.h"

namespace brandlens {

namespace {

struct ModelInfo {
  int64_t mentions = 0;  // in the workspace when the model was learned
  int64_t texts = 0;     // the model learned from
  std::string lexicon;   // LexiconFingerprint() of the brandlens that taught it
};

// A model is taught by the lexicon's verdicts: after an upgrade whose
// lexicon differs, it is learned again rather than kept.
std::string LexiconFingerprint() {
  uint64_t h = 0;
  for (std::string_view name : EmbeddedLexiconNames()) h = MixBits(h ^ StableHash({name, EmbeddedLexicon(name)}));
  return fmt::format("{:016x}", h);
}

std::optional<ModelInfo> ReadModelInfo(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return std::nullopt;
  const auto json = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!json.is_object() || !json.contains("mentions") || !json["mentions"].is_number_integer() ||
      !json.contains("texts") || !json["texts"].is_number_integer() || !json.contains("lexicon") ||
      !json["lexicon"].is_string())
    return std::nullopt;
  return ModelInfo{json["mentions"].get<int64_t>(), json["texts"].get<int64_t>(), json["lexicon"].get<std::string>()};
}

// Writes the model and its description under temporary names, then renames
// both into place: a reader never sees half a file.
Status SaveWorkspaceModel(const Project& project, const HashedClassifier& model, const ModelInfo& info) {
  const auto model_path = WorkspaceModelPath(project), info_path = WorkspaceModelInfoPath(project);
  const std::string suffix = fmt::format(".tmp-{}", ::getpid());
  BRANDLENS_RETURN_IF_ERROR(model.Save(model_path.string() + suffix));
  {
    std::ofstream out(info_path.string() + suffix, std::ios::trunc);
    const nlohmann::json json = {
        {"mentions", info.mentions},
        {"texts", info.texts},
        {"lexicon", info.lexicon},
        {"trained_at", fmt::format("{:%Y-%m-%dT%H:%M:%SZ}", fmt::gmtime(std::time(nullptr)))}};
    out << json.dump(2) << '\n';
    if (!out) return Status::IoError(fmt::format("{}: cannot write", info_path.string()));
  }
  std::error_code ec;
  std::filesystem::rename(model_path.string() + suffix, model_path, ec);
  if (!ec) std::filesystem::rename(info_path.string() + suffix, info_path, ec);
  if (ec) return Status::IoError(fmt::format("{}: cannot save the model: {}", model_path.string(), ec.message()));
  return Status::Ok();
}


}  // namespace

std::filesystem::path WorkspaceModelPath(const Project& project) {
  return project.workspace.string() + ".sentiment.bin";
}

std::filesystem::path WorkspaceModelInfoPath(const Project& project) {
  return project.workspace.string() + ".sentiment.json";
}

Result<ChosenModel> WorkspaceSentimentModel(Project& project, const TextAnalyzer& analyzer, const ModelChoice& choice,
                                            unsigned threads) {
  if (!choice.trained_model.empty() || choice.lexicon_only) return ChooseSentimentModel(analyzer, choice, {}, threads);
  auto mentions = project.store->CountRows("mentions");
  if (!mentions.ok()) return mentions.status();

  if (const auto info = ReadModelInfo(WorkspaceModelInfoPath(project));
      info && info->lexicon == LexiconFingerprint() &&
      static_cast<double>(*mentions) < kRelearnGrowth * static_cast<double>(info->mentions)) {
    auto kept = HashedClassifier::Load(WorkspaceModelPath(project));
    if (kept.ok() && IsSelfTrainedShape(*kept))
      return ChosenModel{SentimentModel(std::make_shared<const HashedClassifier>(std::move(kept.value()))),
                         fmt::format("self-trained on {} texts (kept from an earlier run)", info->texts), ""};
  }

  // Up to kSelfTrainTexts mentions spread evenly over the whole corpus, so
  // that a model learned again sees the new mentions as well as the old.
  std::vector<std::string> texts;
  const int64_t stride = std::max<int64_t>(1, (*mentions + kSelfTrainTexts - 1) / kSelfTrainTexts);
  int64_t seen = 0;
  BRANDLENS_RETURN_IF_ERROR(ForEachMentionText(*project.store, [&](std::string_view text) {
    if (seen++ % stride == 0) texts.emplace_back(text);
  }));
  const std::vector<std::string_view> views(texts.begin(), texts.end());
  auto chosen = ChooseSentimentModel(analyzer, choice, views, threads);
  if (!chosen.ok() || chosen->model.self_trained() == nullptr) return chosen;
  const Status saved =
      SaveWorkspaceModel(project, *chosen->model.self_trained(), {*mentions, static_cast<int64_t>(texts.size()), LexiconFingerprint()});
  if (!saved.ok()) chosen->warning = fmt::format("the self-trained model is used but not kept: {}", saved.message());
  return chosen;
}

}  // namespace brandlens
