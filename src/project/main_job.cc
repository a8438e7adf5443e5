#include "project/main_job.h"

#include <fmt/chrono.h>
#include <fmt/format.h>

#include <chrono>
#include <ctime>

#include "campaigns/campaigns_config.h"
#include "campaigns/campaigns_report.h"
#include "campaigns/journeys_config.h"
#include "core/parallel.h"
#include "listening/facts.h"
#include "listening/listening_config.h"
#include "listening/listening_report.h"
#include "personas/personas_config.h"
#include "personas/personas_report.h"
#include "planning/planning_config.h"
#include "planning/planning_report.h"
#include "project/analyze_job.h"
#include "project/project.h"
#include "project/workspace_analyzer.h"
#include "report/report.h"
#include "text/text_config.h"

namespace brandlens {

namespace {

// Restricts the facts to the days of --from/--to.
Status RestrictToRange(ListeningFacts& facts, const TimestampParser& time, const std::string& from,
                       const std::string& to) {
  if (from.empty() && to.empty()) return Status::Ok();
  auto day = [&](const std::string& date, int32_t fallback) -> Result<int32_t> {
    if (date.empty()) return fallback;
    auto t = time.Parse(date);
    if (!t.ok()) return t.status().WithPrefix("--from/--to: ");
    return DayNumber(time.LocalDate(*t));
  };
  auto first = day(from, facts.first_day), last = day(to, facts.last_day);
  if (!first.ok()) return first.status();
  if (!last.ok()) return last.status();
  if (*first > *last) return Status::InvalidInput(fmt::format("--from {} is after --to {}", from, to));
  RestrictToDays(facts, *first, *last);
  return Status::Ok();
}

}  // namespace

Result<MainJobResult> RunMainJob(const MainJobOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  ProjectOpenOptions open;
  open.store = options.store;
  auto project = OpenConfiguredProject(options.project_dir, open);
  if (!project.ok()) return project.status();
  const ProjectConfig& config = *project->config;
  Store& store = *project->store;
  // Every section is read before any work, so a typo fails fast.
  auto sources = ReadSourcesConfig(config);
  if (!sources.ok()) return sources.status();
  auto listening = ReadListeningConfig(config);
  if (!listening.ok()) return listening.status();
  auto text = ReadTextConfig(config);
  if (!text.ok()) return text.status();
  auto personas = ReadPersonasConfig(config);
  if (!personas.ok()) return personas.status();
  auto planning = ReadPlanningConfig(config);
  if (!planning.ok()) return planning.status();
  auto campaigns = ReadCampaignsConfig(config);
  if (!campaigns.ok()) return campaigns.status();
  auto journeys = ReadJourneysConfig(config);
  if (!journeys.ok()) return journeys.status();
  auto time = TimestampParser::Create(config.time_zone);
  if (!time.ok()) return time.status();

  MainJobResult result;
  result.imports = ImportSources(store, config, *sources, options.import_progress);

  auto text_options = TextAnalyzer::OptionsFor(config);
  if (!text_options.ok()) return text_options.status();
  auto analyzer = CreateWorkspaceAnalyzer(store, config, std::move(text_options.value()), result.learned);
  if (!analyzer.ok()) return analyzer.status();
  const unsigned threads = ThreadsOrCores(options.threads);
  ModelChoice sentiment;
  sentiment.lexicon_only = options.lexicon_only || !text->self_train;
  auto analysed = AnalyzeProjectMentions(*project, **analyzer, sentiment, threads);
  if (!analysed.ok()) return analysed.status();
  result.analysis = analysed->report;
  result.sentiment_model = analysed->model;
  result.spam = analysed->spam;
  if (!analysed->warning.empty()) result.warnings.push_back(analysed->warning);

  std::vector<std::string> brands;
  const BrandConfig* own = config.OwnBrand();
  brands.push_back(own->name);
  for (const auto& b : config.brands)
    if (!b.own) brands.push_back(b.name);
  auto facts = LoadListeningFacts(store, brands, **time, listening->include_spam);
  if (!facts.ok()) return facts.status();
  BRANDLENS_RETURN_IF_ERROR(RestrictToRange(*facts, **time, options.from, options.to));
  result.brand_mentions = static_cast<int64_t>(facts->mentions.size());

  auto segments = BuildPersonas(store, **time, *personas, threads);
  if (!segments.ok()) return segments.status();
  result.personas = std::move(*segments);
  auto planned = BuildPlanning(store, **time, *planning, threads);
  if (!planned.ok()) return planned.status();
  result.planning = std::move(*planned);
  auto measured = AnalyzeCampaigns(store, *campaigns, *journeys, config.time_zone);
  if (!measured.ok()) return measured.status();
  result.campaigns = std::move(*measured);

  Report report;
  report.title = fmt::format("{} · brandlens", config.name.empty() ? own->name : config.name);
  BRANDLENS_RETURN_IF_ERROR(AddListeningSections(*facts, store, *listening, report));
  AddPersonasSection(result.personas, report);
  AddPlanningSection(result.planning, planning->history_days, report);
  AddCampaignsSection(result.campaigns, report);
  const std::filesystem::path dir = options.out_dir.empty() ? config.dir : options.out_dir;
  BRANDLENS_RETURN_IF_ERROR(WriteReport(report, dir));
  result.report_html = std::filesystem::absolute(dir / "report.html").lexically_normal();
  result.report_json = std::filesystem::absolute(dir / "report.json").lexically_normal();
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace brandlens
