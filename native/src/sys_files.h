// Small, failure-tolerant readers for /sys and /proc style files. Every function answers "nothing"
// (empty string, empty list, nullopt) instead of throwing, so a missing file or a kernel without
// a feature never reaches JavaScript as an error.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace hearth {

// The file's text without trailing whitespace; nullopt when it cannot be read.
std::optional<std::string> ReadTextFile(const std::string& path);

// The file parsed as a decimal or 0x-prefixed integer; nullopt when missing or not a number.
std::optional<long long> ReadIntegerFile(const std::string& path);

// Names in a directory (no "." or ".."); empty when the directory cannot be opened.
std::vector<std::string> ListDirectory(const std::string& path);

// The last path component of a symlink's target ("…/drivers/intel_vpu" -> "intel_vpu").
std::optional<std::string> SymlinkTargetName(const std::string& path);

// Canonical path, for telling two names of one device apart; nullopt when it does not resolve.
std::optional<std::string> CanonicalPath(const std::string& path);

// Parses the kernel's CPU list format ("0-3,8,10-11") into ids; malformed parts are skipped.
std::vector<int> ParseCpuList(const std::string& text);

// "cpu12" -> 12; nullopt for anything else ("cpufreq", "cpuidle").
std::optional<int> NumberedEntry(const std::string& name, const std::string& prefix);

}  // namespace hearth
