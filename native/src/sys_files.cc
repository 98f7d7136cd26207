#include "sys_files.h"

#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>

#ifndef _WIN32
#include <dirent.h>
#include <limits.h>
#include <unistd.h>
#endif

namespace hearth {

std::optional<std::string> ReadTextFile(const std::string& path) {
  std::ifstream in(path, std::ios::in | std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return std::nullopt;
  std::string value = text.str();
  while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back()))) value.pop_back();
  return value;
}

std::optional<long long> ReadIntegerFile(const std::string& path) {
  const auto text = ReadTextFile(path);
  if (!text || text->empty()) return std::nullopt;
  errno = 0;
  char* end = nullptr;
  const long long value = std::strtoll(text->c_str(), &end, 0);
  if (errno != 0 || end == text->c_str() || *end != '\0') return std::nullopt;
  return value;
}

std::vector<std::string> ListDirectory(const std::string& path) {
  std::vector<std::string> names;
#ifndef _WIN32
  DIR* dir = opendir(path.c_str());
  if (dir == nullptr) return names;
  while (const dirent* entry = readdir(dir)) {
    const std::string name = entry->d_name;
    if (name != "." && name != "..") names.push_back(name);
  }
  closedir(dir);
#else
  (void)path;
#endif
  return names;
}

std::optional<std::string> SymlinkTargetName(const std::string& path) {
#ifndef _WIN32
  char target[PATH_MAX];
  const ssize_t length = readlink(path.c_str(), target, sizeof(target) - 1);
  if (length <= 0) return std::nullopt;
  const std::string text(target, static_cast<size_t>(length));
  const size_t slash = text.find_last_of('/');
  const std::string name = slash == std::string::npos ? text : text.substr(slash + 1);
  if (name.empty()) return std::nullopt;
  return name;
#else
  (void)path;
  return std::nullopt;
#endif
}

std::optional<std::string> CanonicalPath(const std::string& path) {
#ifndef _WIN32
  char resolved[PATH_MAX];
  if (realpath(path.c_str(), resolved) == nullptr) return std::nullopt;
  return std::string(resolved);
#else
  (void)path;
  return std::nullopt;
#endif
}

std::vector<int> ParseCpuList(const std::string& text) {
  std::vector<int> ids;
  std::stringstream parts(text);
  std::string part;
  while (std::getline(parts, part, ',')) {
    char* end = nullptr;
    const long first = std::strtol(part.c_str(), &end, 10);
    if (end == part.c_str() || first < 0) continue;
    long last = first;
    if (*end == '-') {
      const char* rest = end + 1;
      last = std::strtol(rest, &end, 10);
      if (end == rest || last < first) continue;
    }
    // A CPU list never names more than a few thousand CPUs; the cap keeps a corrupt file harmless.
    if (last - first > 65536) continue;
    for (long id = first; id <= last; ++id) ids.push_back(static_cast<int>(id));
  }
  return ids;
}

std::optional<int> NumberedEntry(const std::string& name, const std::string& prefix) {
  if (name.size() <= prefix.size() || name.compare(0, prefix.size(), prefix) != 0) return std::nullopt;
  int value = 0;
  for (size_t i = prefix.size(); i < name.size(); ++i) {
    if (!std::isdigit(static_cast<unsigned char>(name[i]))) return std::nullopt;
    if (value > 1000000) return std::nullopt;
    value = value * 10 + (name[i] - '0');
  }
  return value;
}

}  // namespace hearth
