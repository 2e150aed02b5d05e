// Workload by owner, as Markdown, CSV and JSON.
#pragma once

#include <string>

#include "bvplan/reports/workload.hpp"

namespace bvplan {

std::string render_workload_markdown(const Workload& workload);
std::string render_workload_csv(const Workload& workload);
std::string render_workload_json(const Workload& workload);

}  // namespace bvplan
