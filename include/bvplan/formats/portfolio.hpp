// The portfolio reports as text: workload by owner, financial benefits and the monitoring
// calendar; one header for the three.
#pragma once

#include "bvplan/formats/calendar.hpp"
#include "bvplan/formats/savings.hpp"
#include "bvplan/formats/workload.hpp"
