#pragma once
// An atomic result folder. A run writes its files into a temporary sibling of the target
// folder and only a successful commit() moves them into place, so a reader of the target
// sees either the previous complete result or the new complete result, never a half-written
// one; a failed run (error, exception) leaves nothing behind.
//
//   auto out = bf::output::OutputFolder::create("results/baseline");  // throws IoError
//   bf::output::CsvDayWriter csv(out.path());
//   ... run the model ...
//   csv.finish();      // flush and close every file first
//   out.commit();      // fsync, then rename into place
//
// Safety: commit() replaces an existing target only if it is an empty folder or a folder
// this class produced (it carries the marker file kMarkerFileName). It never deletes a folder
// it did not make, so a mistyped target such as $HOME fails loudly instead.
//
// Not thread-safe; one OutputFolder per run. Several runs in one process may each own one
// (temporary names are unique per process id and an attempt counter, checked by mkdir).

#include <cstdint>
#include <filesystem>
#include <string_view>

namespace bf::output {

class OutputFolder {
 public:
  // Written into every result folder; marks it as replaceable by a later run.
  static constexpr std::string_view kMarkerFileName = ".borderflow-result";

  // Creates the temporary folder `<target>.tmp-<pid>-<n>` next to `target` (same parent, so
  // the same filesystem and rename is atomic). Throws IoError, naming the path and the OS
  // reason, when the parent folder is missing or unwritable, when `target` exists and is not
  // a folder, or when it is a non-empty folder that is not a previous result.
  static OutputFolder create(const std::filesystem::path& target);

  OutputFolder(OutputFolder&& other) noexcept;
  OutputFolder& operator=(OutputFolder&& other) noexcept;
  OutputFolder(const OutputFolder&) = delete;
  OutputFolder& operator=(const OutputFolder&) = delete;
  // Without a successful commit(), removes the temporary folder and all it contains.
  ~OutputFolder();

  // Where to write files now: the temporary folder until commit(), the target after it.
  const std::filesystem::path& path() const { return committed_ ? target_ : temp_; }
  const std::filesystem::path& target() const { return target_; }
  // path() / name.
  std::filesystem::path file(std::string_view name) const { return path() / name; }
  bool committed() const { return committed_; }

  // Refuses (IoError, nothing replaced) when another run committed a result into the target
  // since this folder was created: of two concurrent runs into one folder the first to finish
  // keeps its result, and the other says so instead of printing "results in DIR" over a
  // result that is not its own (issue 19).
  //
  // Makes the result durable and visible: fsyncs every file and folder inside the temporary
  // folder, then moves it to the target. If the target is a previous result, the two folders
  // are swapped atomically (Linux renameat2 RENAME_EXCHANGE) and the old one deleted; where
  // the filesystem cannot exchange, the old result is renamed aside to `<target>.old-<pid>-<n>`
  // first, so for the moment between the two renames the target name is absent (a reader sees
  // no result rather than a mixed one; after a crash exactly there, the previous result is
  // intact under the .old- name). Call once, after every writer has been finished. Throws
  // IoError; on failure the temporary folder is still removed by the destructor and any
  // previous result is left in place.
  void commit();

 private:
  OutputFolder(std::filesystem::path target, std::filesystem::path temp)
      : target_(std::move(target)), temp_(std::move(temp)) {}

  std::filesystem::path target_;
  std::filesystem::path temp_;  // empty after a move
  bool committed_ = false;
  // The target's marker file when this folder was created (device and inode; 0 if none):
  // commit() refuses to replace a result another run committed in the meantime.
  std::uint64_t marker_device_ = 0;
  std::uint64_t marker_inode_ = 0;
};

}  // namespace bf::output
