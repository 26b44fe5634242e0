#include "apps/exit_codes.h"

#include <cstdio>

namespace bf::apps {

void print_error(const char* message) { std::fprintf(stderr, "borderflow: error: %s\n", message); }

}  // namespace bf::apps
