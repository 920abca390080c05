// TextScreen against a simple model: the screen shows the last 25 rows of an unbounded
// list of rows, where each row remembers the colour its blanks were created with.
#include "kernel/drivers/vga_text/text_screen.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

#include <gtest/gtest.h>
#include <rapidcheck.h>

namespace kernel::drivers::vga_text {
namespace {

constexpr std::size_t kRows = 25;
constexpr std::size_t kColumns = 80;

struct ArrayCells {
  std::array<std::uint16_t, kRows * kColumns>* cells;
  void Set(std::size_t index, std::uint16_t value) const { cells->at(index) = value; }
  std::uint16_t Get(std::size_t index) const { return cells->at(index); }
};

class Model {
 public:
  explicit Model(std::uint8_t attribute) : attribute_(attribute) {
    for (std::size_t i = 0; i < kRows; ++i) {
      rows_.emplace_back(kColumns, Cell(' ', attribute_));
    }
  }

  void SetAttribute(std::uint8_t attribute) { attribute_ = attribute; }

  void Put(char c) {
    const auto byte = static_cast<std::uint8_t>(c);
    if (c == '\n') {
      NewRow();
      return;
    }
    if (column_ == kColumns) {
      NewRow();
    }
    const bool printable = byte >= 0x20 && byte <= 0x7e;
    rows_[row_][column_++] = Cell(printable ? byte : 0xfe, attribute_);
  }

  std::vector<std::uint16_t> Screen() const {
    std::vector<std::uint16_t> out;
    for (std::size_t r = rows_.size() - kRows; r < rows_.size(); ++r) {
      out.insert(out.end(), rows_[r].begin(), rows_[r].end());
    }
    return out;
  }

 private:
  void NewRow() {
    column_ = 0;
    ++row_;
    if (row_ == rows_.size()) {
      rows_.emplace_back(kColumns, Cell(' ', attribute_));
    }
  }

  std::vector<std::vector<std::uint16_t>> rows_;
  std::size_t row_ = 0;
  std::size_t column_ = 0;
  std::uint8_t attribute_;
};

struct Op {
  bool set_colors;
  char c;
  std::uint8_t foreground;
  std::uint8_t background;
};

rc::Gen<Op> GenOp() {
  return rc::gen::oneOf(
      rc::gen::map(rc::gen::arbitrary<char>(), [](char c) { return Op{false, c, 0, 0}; }),
      rc::gen::map(rc::gen::element('\n', 'a', 'Z', ' '),
                   [](char c) { return Op{false, c, 0, 0}; }),
      rc::gen::map(
          rc::gen::pair(rc::gen::inRange<std::uint8_t>(0, 16),
                        rc::gen::inRange<std::uint8_t>(0, 16)),
          [](std::pair<std::uint8_t, std::uint8_t> p) { return Op{true, 0, p.first, p.second}; }));
}

TEST(TextScreenTest, MatchesModelIncludingScrolling) {
  const bool ok = rc::check("TextScreen matches the row-list model", [] {
    // Long enough sequences to scroll many times.
    const auto ops =
        *rc::gen::container<std::vector<Op>>(*rc::gen::inRange<std::size_t>(0, 6000), GenOp());
    std::array<std::uint16_t, kRows * kColumns> cells{};
    TextScreen<ArrayCells> screen{ArrayCells{&cells}};
    screen.Clear();
    Model model(screen.attribute());
    for (const Op& op : ops) {
      if (op.set_colors) {
        screen.SetColors(static_cast<Color>(op.foreground), static_cast<Color>(op.background));
        model.SetAttribute(
            Attribute(static_cast<Color>(op.foreground), static_cast<Color>(op.background)));
      } else {
        screen.Put(op.c);
        model.Put(op.c);
      }
      RC_ASSERT(screen.row() < kRows);
      RC_ASSERT(screen.column() <= kColumns);
    }
    const std::vector<std::uint16_t> actual(cells.begin(), cells.end());
    RC_ASSERT(actual == model.Screen());
  });
  EXPECT_TRUE(ok);
}

TEST(TextScreenTest, HelloWorldOnRowZero) {
  std::array<std::uint16_t, kRows * kColumns> cells{};
  TextScreen<ArrayCells> screen{ArrayCells{&cells}};
  screen.Clear();
  const std::string text = "Hello World!\n";
  screen.Write(text.data(), text.size());
  for (std::size_t i = 0; i < 12; ++i) {
    EXPECT_EQ(cells[i] & 0xff, static_cast<std::uint8_t>(text[i]));
    EXPECT_EQ(cells[i] >> 8, Attribute(Color::kLightGray, Color::kBlack));
  }
  EXPECT_EQ(screen.row(), 1U);
  EXPECT_EQ(screen.column(), 0U);
}

TEST(TextScreenTest, NonPrintableBytesShowAsASquare) {
  std::array<std::uint16_t, kRows * kColumns> cells{};
  TextScreen<ArrayCells> screen{ArrayCells{&cells}};
  screen.Clear();
  screen.Put('\x07');
  screen.Put('\xff');
  screen.Put('\t');
  EXPECT_EQ(cells[0] & 0xff, 0xfe);
  EXPECT_EQ(cells[1] & 0xff, 0xfe);
  EXPECT_EQ(cells[2] & 0xff, 0xfe);
}

}  // namespace
}  // namespace kernel::drivers::vga_text
