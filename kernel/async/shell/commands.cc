#include "kernel/async/shell/commands.h"

#include <cstddef>

#include "libk/fmt/format.h"

namespace kernel::async::shell {
namespace {

struct Command {
  libk::StringView name;
  libk::StringView summary;
  void (ShellContext::*report)(libk::Sink&) = nullptr;  // Null for help.
};

constexpr Command kCommands[] = {
    {"help", "list the commands", nullptr},
    {"uptime", "time since boot", &ShellContext::Uptime},
    {"mem", "physical memory (the boot loader's map)", &ShellContext::Memory},
    {"heap", "heap statistics", &ShellContext::Heap},
    {"tasks", "the executor's tasks", &ShellContext::Tasks},
    {"ticks", "timer ticks and rate", &ShellContext::Ticks},
    {"stats", "interrupts and input dropped or ignored", &ShellContext::Stats},
};

bool IsSpace(char c) { return c == ' ' || c == '\t'; }

libk::StringView Trim(libk::StringView text) {
  std::size_t begin = 0;
  std::size_t end = text.size();
  while (begin < end && IsSpace(text[begin])) ++begin;
  while (end > begin && IsSpace(text[end - 1])) --end;
  return text.Substr(begin, end - begin);
}

bool Equal(libk::StringView a, libk::StringView b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] != b[i]) return false;
  }
  return true;
}

void Help(libk::Sink& out) {
  out.Write("commands:\n");
  for (const Command& command : kCommands) {
    libk::Format(out, "  {:<8}{}\n", command.name, command.summary);
  }
}

}  // namespace

void RunCommand(libk::StringView line, ShellContext& context, libk::Sink& out) {
  const libk::StringView trimmed = Trim(line);
  if (trimmed.empty()) return;
  std::size_t name_end = 0;
  while (name_end < trimmed.size() && !IsSpace(trimmed[name_end])) ++name_end;
  const libk::StringView name = trimmed.Substr(0, name_end);
  for (const Command& command : kCommands) {
    if (!Equal(name, command.name)) continue;
    if (name_end != trimmed.size()) {
      libk::Format(out, "{}: takes no arguments\n", name);
    } else if (command.report == nullptr) {
      Help(out);
    } else {
      (context.*command.report)(out);
    }
    return;
  }
  libk::Format(out, "unknown command '{}'; type help for the list\n", name);
}

}  // namespace kernel::async::shell
