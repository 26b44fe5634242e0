#pragma once
// What the arrival fit never sees: ICE detention of people Border Patrol transferred,
// against ICE's monthly average daily population (ADP) and average length of stay (ALOS) of
// CBP arrests; and the share of processed people expelled under Title 42 against the share
// CBP published.

#include <map>
#include <string>
#include <vector>

#include "model/model_spec.h"
#include "validate/comparison.h"
#include "validate/monthly_outcomes.h"

namespace bf::validate {

// Share of ICE's "CBP" detainees who were arrested by Border Patrol on the Southwest border.
// ICE's CBP figure also counts Office of Field Operations arrests at ports and Border Patrol
// arrests on the northern and coastal borders; no public series splits them. Assumption:
// 0.90, plausible range 0.80–0.95 (docs/parameters.md).
inline constexpr double kSouthwestBorderPatrolShare = 0.90;

struct DetentionRow {
  util::YearMonth month;
  double published_adp = 0.0;   // ICE, CBP arrests, all criminality
  double expected = 0.0;        // published_adp × the Southwest Border Patrol share
  Band simulated;               // mean daily detention population of the month
  double published_alos = 0.0;  // days; 0 when not published
  Band simulated_stay;          // population / book-ins (Little's law), days
  double error_percent() const {
    return expected > 0.0 ? 100.0 * (simulated.median - expected) / expected : 0.0;
  }
};

// One row per full simulated month ICE published an ADP for.
std::vector<DetentionRow> compare_detention(const std::vector<ReplicationOutcome>& runs,
                                            const std::map<util::YearMonth, double>& adp,
                                            const std::map<util::YearMonth, double>& alos,
                                            double southwest_share);

struct Title42Row {
  util::YearMonth month;
  double published_share = 0.0;  // of encounters, from the arrival table's title42_share
  Band simulated_share;          // expulsions / people processed
};

// Months of the runs in which the arrival table gives a Title 42 share above 0.
std::vector<Title42Row> compare_title42(const std::vector<ReplicationOutcome>& runs,
                                        const model::ArrivalSpec& arrivals);

std::string detention_text(const std::vector<DetentionRow>& rows, double southwest_share);
std::string title42_text(const std::vector<Title42Row>& rows);

}  // namespace bf::validate
