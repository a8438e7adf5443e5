// Apache ECharts (echarts.min.js from npm), compiled into the binary by
// cmake/embed_file.cmake; empty when the build had no copy of it.
#pragma once

#include <string_view>

namespace brandlens {

std::string_view EmbeddedEcharts();

}  // namespace brandlens
