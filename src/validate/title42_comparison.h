#pragma once
// What the arrival fit never sees: the share of processed people expelled under Title 42,
// against the share of encounters CBP published (the arrival table's title42_share).

#include <string>
#include <vector>

#include "model/model_spec.h"
#include "validate/comparison.h"
#include "validate/monthly_outcomes.h"

namespace bf::validate {

struct Title42Row {
  util::YearMonth month;
  double published_share = 0.0;  // of encounters, from the arrival table's title42_share
  Band simulated_share;          // expulsions / people processed
};

// Months of the runs in which the arrival table gives a Title 42 share above 0.
std::vector<Title42Row> compare_title42(const std::vector<ReplicationOutcome>& runs,
                                        const model::ArrivalSpec& arrivals);

std::string title42_text(const std::vector<Title42Row>& rows);

}  // namespace bf::validate
