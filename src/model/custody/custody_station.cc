#include "model/custody/custody_station.h"

#include <algorithm>

namespace bf::model {

int CustodyStation::processing_class(Demographic d) {
  switch (d) {
    case Demographic::kUnaccompaniedChild:
      return 0;
    case Demographic::kFamilyUnitMember:
    case Demographic::kAccompaniedMinor:
      return 1;
    case Demographic::kSingleAdult:
      return 2;
  }
  return 2;
}

SectorDay CustodyStation::sector_day(std::int64_t holding_capacity, std::int64_t held_over_standard,
                                     double agents_on_patrol) const {
  SectorDay out = today_;
  out.custody_time = custody_time();
  out.in_custody = in_custody_;
  out.over_capacity = std::max<std::int64_t>(0, in_custody_ - holding_capacity);
  out.held_over_72h = held_over_standard;
  out.awaiting_processing = awaiting_processing_;
  out.holding_capacity = holding_capacity;
  out.processing_agents = processing_.servers();
  out.agents_on_patrol = agents_on_patrol;
  return out;
}

void CustodyStation::fill_port_day(PortDay& out) const {
  out.encounters = today_.encounters;
  out.processed = today_.processed;
  out.in_custody = in_custody_;
  out.released = today_.released;
  out.returned_to_mexico = today_.returned_to_mexico;
  out.transferred_to_ice = today_.transferred_to_ice;
  out.transferred_to_orr = today_.transferred_to_orr;
}

}  // namespace bf::model
