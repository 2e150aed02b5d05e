// Across plans: who is loaded when, whether the promised savings arrive, and which body
// expects which report when; one header for the three.
#pragma once

#include "bvplan/reports/calendar.hpp"
#include "bvplan/reports/savings.hpp"
#include "bvplan/reports/workload.hpp"
