// The dispatcher: each command reaches its provider, help lists them all, and anything
// else gets one line of error.
#include "kernel/async/shell/commands.h"

#include <string>

#include <gtest/gtest.h>

#include "libk/fmt/sink.h"

namespace kernel::async::shell {
namespace {

class StringSink final : public libk::Sink {
 public:
  void Write(libk::StringView text) override { out.append(text.data(), text.size()); }
  std::string out;
};

class FakeContext final : public ShellContext {
 public:
  void Uptime(libk::Sink& out) override { out.Write("uptime!\n"); }
  void Memory(libk::Sink& out) override { out.Write("mem!\n"); }
  void Heap(libk::Sink& out) override { out.Write("heap!\n"); }
  void Tasks(libk::Sink& out) override { out.Write("tasks!\n"); }
  void Ticks(libk::Sink& out) override { out.Write("ticks!\n"); }
  void Stats(libk::Sink& out) override { out.Write("stats!\n"); }
};

std::string RunLine(const char* line) {
  FakeContext context;
  StringSink out;
  RunCommand(line, context, out);
  return out.out;
}

TEST(CommandsTest, EachCommandAsksItsProvider) {
  EXPECT_EQ(RunLine("uptime"), "uptime!\n");
  EXPECT_EQ(RunLine("mem"), "mem!\n");
  EXPECT_EQ(RunLine("heap"), "heap!\n");
  EXPECT_EQ(RunLine("tasks"), "tasks!\n");
  EXPECT_EQ(RunLine("  ticks\t "), "ticks!\n");
  EXPECT_EQ(RunLine("stats"), "stats!\n");
}

TEST(CommandsTest, HelpListsEveryCommand) {
  const std::string help = RunLine("help");
  EXPECT_EQ(help.rfind("commands:\n", 0), 0U);
  for (const char* name : {"help", "uptime", "mem", "heap", "tasks", "ticks", "stats"}) {
    EXPECT_NE(help.find(std::string("  ") + name + " "), std::string::npos) << name;
  }
}

TEST(CommandsTest, AnEmptyLineDoesNothing) {
  EXPECT_EQ(RunLine(""), "");
  EXPECT_EQ(RunLine("   "), "");
}

TEST(CommandsTest, UnknownCommandsAndArgumentsGetOneLineOfError) {
  EXPECT_EQ(RunLine("reboot now"), "unknown command 'reboot'; type help for the list\n");
  EXPECT_EQ(RunLine("helpme"), "unknown command 'helpme'; type help for the list\n");
  EXPECT_EQ(RunLine("heap please"), "heap: takes no arguments\n");
  EXPECT_EQ(RunLine("stats -a"), "stats: takes no arguments\n");
}

}  // namespace
}  // namespace kernel::async::shell
