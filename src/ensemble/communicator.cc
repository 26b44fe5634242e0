#include "ensemble/communicator.h"

#include <cstdlib>
#include <stdexcept>

#ifdef BORDERFLOW_HAVE_MPI
#include <mpi.h>
#endif

namespace bf::ensemble {

bool Communicator::launched_by_mpi() {
  for (const char* name : {"OMPI_COMM_WORLD_SIZE", "PMI_SIZE", "PMIX_RANK", "MPI_LOCALNRANKS"}) {
    if (std::getenv(name) != nullptr) return true;
  }
  return false;
}

bool Communicator::built_with_mpi() {
#ifdef BORDERFLOW_HAVE_MPI
  return true;
#else
  return false;
#endif
}

#ifdef BORDERFLOW_HAVE_MPI

Communicator::Communicator() {
  if (!launched_by_mpi()) return;
  int provided = 0;
  if (MPI_Init_thread(nullptr, nullptr, MPI_THREAD_FUNNELED, &provided) != MPI_SUCCESS) {
    throw std::runtime_error("MPI initialisation failed");
  }
  mpi_ = true;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank_);
  MPI_Comm_size(MPI_COMM_WORLD, &size_);
}

Communicator::~Communicator() {
  if (mpi_) MPI_Finalize();
}

void Communicator::broadcast(std::string& bytes) const {
  if (!mpi_) return;
  unsigned long long n = bytes.size();
  MPI_Bcast(&n, 1, MPI_UNSIGNED_LONG_LONG, 0, MPI_COMM_WORLD);
  bytes.resize(n);
  // Large messages in chunks: MPI counts are int.
  constexpr std::size_t kChunk = 1 << 30;
  for (std::size_t off = 0; off < n; off += kChunk) {
    const int len = static_cast<int>(std::min<std::size_t>(kChunk, n - off));
    MPI_Bcast(bytes.data() + off, len, MPI_CHAR, 0, MPI_COMM_WORLD);
  }
}

std::vector<std::string> Communicator::gather(const std::string& bytes) const {
  if (!mpi_) return {bytes};
  std::vector<std::string> out;
  constexpr std::size_t kChunk = 1 << 30;
  if (rank_ != 0) {
    unsigned long long n = bytes.size();
    MPI_Send(&n, 1, MPI_UNSIGNED_LONG_LONG, 0, 1, MPI_COMM_WORLD);
    for (std::size_t off = 0; off < n; off += kChunk) {
      const int len = static_cast<int>(std::min<std::size_t>(kChunk, n - off));
      MPI_Send(bytes.data() + off, len, MPI_CHAR, 0, 2, MPI_COMM_WORLD);
    }
    return out;
  }
  out.push_back(bytes);
  // Received in rank order (not arrival order), so the merge order is fixed.
  for (int r = 1; r < size_; ++r) {
    unsigned long long n = 0;
    MPI_Recv(&n, 1, MPI_UNSIGNED_LONG_LONG, r, 1, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    std::string b(n, '\0');
    for (std::size_t off = 0; off < n; off += kChunk) {
      const int len = static_cast<int>(std::min<std::size_t>(kChunk, n - off));
      MPI_Recv(b.data() + off, len, MPI_CHAR, r, 2, MPI_COMM_WORLD, MPI_STATUS_IGNORE);
    }
    out.push_back(std::move(b));
  }
  return out;
}

int Communicator::max(int value) const {
  if (!mpi_) return value;
  int out = value;
  MPI_Allreduce(&value, &out, 1, MPI_INT, MPI_MAX, MPI_COMM_WORLD);
  return out;
}

#else

Communicator::Communicator() = default;
Communicator::~Communicator() = default;
void Communicator::broadcast(std::string&) const {}
std::vector<std::string> Communicator::gather(const std::string& bytes) const { return {bytes}; }
int Communicator::max(int value) const { return value; }

#endif

}  // namespace bf::ensemble
