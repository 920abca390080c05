// TextScreen against a simple model: the screen shows the last 25 rows of an unbounded
// list of rows, where each row remembers the colour its blanks were created with, and the
// cursor sits where the model's next character goes (on the last cell of a full line).
#include "kernel/drivers/vga_text/text_screen.h"

#include <algorithm>
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
  std::size_t* cursor;
  void Set(std::size_t index, std::uint16_t value) const { cells->at(index) = value; }
  std::uint16_t Get(std::size_t index) const { return cells->at(index); }
  void SetCursor(std::size_t index) const {
    ASSERT_LT(index, kRows * kColumns);
    *cursor = index;
  }
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
    if (c == '\b') {
      if (column_ > 0) --column_;
      return;
    }
    if (column_ == kColumns) {
      NewRow();
    }
    const bool printable = byte >= 0x20 && byte <= 0x7e;
    rows_[row_][column_++] = Cell(printable ? byte : 0xfe, attribute_);
  }

  // Returns the cursor's cell: the visible row of the current row, and the column of the
  // next character, or the last column of a full line.
  std::size_t Cursor() const {
    const std::size_t visible_row = row_ - (rows_.size() - kRows);
    return (visible_row * kColumns) + std::min(column_, kColumns - 1);
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
  std::string text;  // Written with Put when it is one character, with Write otherwise.
  std::uint8_t foreground;
  std::uint8_t background;
};

rc::Gen<Op> GenOp() {
  const auto character = [](char c) { return Op{false, std::string(1, c), 0, 0}; };
  return rc::gen::oneOf(
      rc::gen::map(rc::gen::arbitrary<char>(), character),
      rc::gen::map(rc::gen::element('\n', '\b', 'a', 'Z', ' '), character),
      // Runs around a line's length, so that lines fill up exactly and wrap.
      rc::gen::map(rc::gen::container<std::string>(*rc::gen::inRange<std::size_t>(70, 90),
                                                   rc::gen::element('x', 'y')),
                   [](std::string text) { return Op{false, std::move(text), 0, 0}; }),
      rc::gen::map(
          rc::gen::pair(rc::gen::inRange<std::uint8_t>(0, 16),
                        rc::gen::inRange<std::uint8_t>(0, 16)),
          [](std::pair<std::uint8_t, std::uint8_t> p) { return Op{true, "", p.first, p.second}; }));
}

TEST(TextScreenTest, MatchesModelIncludingScrolling) {
  const bool ok = rc::check("TextScreen matches the row-list model", [] {
    // Long enough sequences to scroll many times.
    const auto ops =
        *rc::gen::container<std::vector<Op>>(*rc::gen::inRange<std::size_t>(0, 6000), GenOp());
    std::array<std::uint16_t, kRows * kColumns> cells{};
    std::size_t cursor = kRows * kColumns;  // Not shown yet.
    TextScreen<ArrayCells> screen{ArrayCells{&cells, &cursor}};
    screen.Clear();
    RC_ASSERT(cursor == 0U);
    Model model(screen.attribute());
    for (const Op& op : ops) {
      if (op.set_colors) {
        screen.SetColors(static_cast<Color>(op.foreground), static_cast<Color>(op.background));
        model.SetAttribute(
            Attribute(static_cast<Color>(op.foreground), static_cast<Color>(op.background)));
      } else if (op.text.size() == 1) {
        screen.Put(op.text[0]);
        model.Put(op.text[0]);
      } else {
        screen.Write(op.text.data(), op.text.size());
        for (const char c : op.text) model.Put(c);
      }
      RC_ASSERT(screen.row() < kRows);
      RC_ASSERT(screen.column() <= kColumns);
      RC_ASSERT(cursor == model.Cursor());
      RC_ASSERT((screen.cursor().row * kColumns) + screen.cursor().column == cursor);
    }
    const std::vector<std::uint16_t> actual(cells.begin(), cells.end());
    RC_ASSERT(actual == model.Screen());
  });
  EXPECT_TRUE(ok);
}

TEST(TextScreenTest, HelloWorldOnRowZero) {
  std::array<std::uint16_t, kRows * kColumns> cells{};
  std::size_t cursor = 0;
  TextScreen<ArrayCells> screen{ArrayCells{&cells, &cursor}};
  screen.Clear();
  const std::string text = "Hello World!\n";
  screen.Write(text.data(), text.size());
  for (std::size_t i = 0; i < 12; ++i) {
    EXPECT_EQ(cells[i] & 0xff, static_cast<std::uint8_t>(text[i]));
    EXPECT_EQ(cells[i] >> 8, Attribute(Color::kLightGray, Color::kBlack));
  }
  EXPECT_EQ(screen.row(), 1U);
  EXPECT_EQ(screen.column(), 0U);
  EXPECT_EQ(screen.cursor(), (ScreenPosition{1, 0}));
  EXPECT_EQ(cursor, kColumns);
}

TEST(TextScreenTest, AFullLineKeepsTheCursorOnItsLastCellUntilTheNextCharacter) {
  std::array<std::uint16_t, kRows * kColumns> cells{};
  std::size_t cursor = 0;
  TextScreen<ArrayCells> screen{ArrayCells{&cells, &cursor}};
  screen.Clear();
  const std::string line(kColumns, '=');
  screen.Write(line.data(), line.size());
  EXPECT_EQ(screen.cursor(), (ScreenPosition{0, kColumns - 1}));
  EXPECT_EQ(cursor, kColumns - 1);
  screen.Put('x');
  EXPECT_EQ(screen.cursor(), (ScreenPosition{1, 1}));
  EXPECT_EQ(cursor, kColumns + 1);
}

TEST(TextScreenTest, NonPrintableBytesShowAsASquare) {
  std::array<std::uint16_t, kRows * kColumns> cells{};
  std::size_t cursor = 0;
  TextScreen<ArrayCells> screen{ArrayCells{&cells, &cursor}};
  screen.Clear();
  screen.Put('\x07');
  screen.Put('\x7f');
  screen.Put('\b');
  screen.Put('\xff');
  screen.Put('\t');
  EXPECT_EQ(cells[0] & 0xff, 0xfe);
  EXPECT_EQ(cells[1] & 0xff, 0xfe);
  EXPECT_EQ(cells[2] & 0xff, 0xfe);
}

TEST(TextScreenTest, AStatusRowStaysPutWhileTheTextAboveItScrolls) {
  std::array<std::uint16_t, kRows * kColumns> cells{};
  std::size_t cursor = 0;
  TextScreen<ArrayCells> screen{ArrayCells{&cells, &cursor}};
  screen.Clear();
  screen.ReserveStatusRow();
  const std::string status = "up 3s";
  screen.WriteStatusRow(status.data(), status.size());
  EXPECT_EQ(cursor, 0U);  // Drawing the status row does not move the cursor.
  for (int line = 0; line < 60; ++line) {
    const std::string text = "line " + std::to_string(line) + "\n";
    screen.Write(text.data(), text.size());
    EXPECT_LT(screen.row(), kRows - 1);
  }
  const std::size_t bottom = (kRows - 1) * kColumns;
  for (std::size_t i = 0; i < kColumns; ++i) {
    const char expected = i < status.size() ? status[i] : ' ';
    EXPECT_EQ(cells[bottom + i] & 0xff, static_cast<std::uint8_t>(expected)) << i;
  }
  // The last text line sits right above the status row; the cursor below it, blank.
  const std::string last = "line 59";
  for (std::size_t i = 0; i < last.size(); ++i) {
    EXPECT_EQ(cells[bottom - (2 * kColumns) + i] & 0xff, static_cast<std::uint8_t>(last[i]));
  }
  EXPECT_EQ(screen.cursor(), (ScreenPosition{kRows - 2, 0}));
}

}  // namespace
}  // namespace kernel::drivers::vga_text
