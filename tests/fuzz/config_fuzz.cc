// The project config (TOML) and every module's section reader: any file
// loads or gives an error, never an exception or a crash.
#include <unistd.h>

#include <fstream>

#include "campaigns/campaigns_config.h"
#include "campaigns/journeys_config.h"
#include "core/config.h"
#include "fuzz_util.h"
#include "ingest/sources_config.h"
#include "listening/listening_config.h"
#include "text/text_config.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace brandlens;
  static const std::string path = "/tmp/brandlens-config-fuzz-" + std::to_string(::getpid()) + ".toml";
  {
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
  }
  auto config = LoadConfig(path);
  if (!config.ok()) return 0;
  if (config->OwnBrand() == nullptr) __builtin_trap();  // a loaded config has its own brand
  (void)ReadTextConfig(*config);
  (void)ReadSourcesConfig(*config);
  (void)ReadListeningConfig(*config);
  (void)ReadCampaignsConfig(*config);
  if (auto journeys = ReadJourneysConfig(*config); journeys.ok())
    for (const JourneyConfig& j : journeys->journeys) (void)j.text.Render({{"user_id", "U1"}, {"city", "杭州"}});
  return 0;
}
