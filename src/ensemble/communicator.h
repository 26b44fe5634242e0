#pragma once
// The processes of an ensemble: one process alone, or the ranks of an MPI job. Wraps the few
// collective operations the ensemble needs so that nothing else includes mpi.h, and so that
// the build works without MPI (BORDERFLOW_MPI=OFF): then there is always one rank.
//
// MPI is initialised only when the program was started by an MPI launcher (mpirun, srun:
// detected from their environment variables), never for a plain run. Only the thread that
// created the Communicator may call its methods (MPI_THREAD_FUNNELED).

#include <string>
#include <vector>

namespace bf::ensemble {

class Communicator {
 public:
  // Joins the MPI job if launched by one; otherwise a single rank. Throws std::runtime_error
  // if MPI initialisation fails.
  Communicator();
  ~Communicator();
  Communicator(const Communicator&) = delete;
  Communicator& operator=(const Communicator&) = delete;

  int rank() const { return rank_; }
  int size() const { return size_; }
  bool is_root() const { return rank_ == 0; }
  bool uses_mpi() const { return mpi_; }

  // Rank 0's `bytes` replaces every rank's.
  void broadcast(std::string& bytes) const;
  // Every rank's `bytes`, in rank order, at rank 0 (empty elsewhere).
  std::vector<std::string> gather(const std::string& bytes) const;
  // The largest of every rank's `value`, at every rank (to agree on an exit code).
  int max(int value) const;

  // True if this program was started by an MPI launcher.
  static bool launched_by_mpi();
  // Whether this build has MPI.
  static bool built_with_mpi();

 private:
  int rank_ = 0;
  int size_ = 1;
  bool mpi_ = false;
};

}  // namespace bf::ensemble
