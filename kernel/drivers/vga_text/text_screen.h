// The VGA text-mode writer as a pure model: an 80x25 grid of (character, attribute)
// cells with a cursor, newlines, scrolling and colours. It knows nothing of 0xb8000 or of
// the CRT controller; the cell storage is a template parameter that also shows the cursor,
// so host tests run it over an array and the kernel over the memory-mapped screen and the
// hardware cursor (vga_screen.h).
#pragma once

#include <cstddef>
#include <cstdint>
#include <utility>

namespace kernel::drivers::vga_text {

enum class Color : std::uint8_t {
  kBlack = 0,
  kBlue = 1,
  kGreen = 2,
  kCyan = 3,
  kRed = 4,
  kMagenta = 5,
  kBrown = 6,
  kLightGray = 7,
  kDarkGray = 8,
  kLightBlue = 9,
  kLightGreen = 10,
  kLightCyan = 11,
  kLightRed = 12,
  kPink = 13,
  kYellow = 14,
  kWhite = 15,
};

// Returns the attribute byte for `foreground` on `background`.
constexpr std::uint8_t Attribute(Color foreground, Color background) {
  return static_cast<std::uint8_t>((static_cast<std::uint8_t>(background) << 4) |
                                   static_cast<std::uint8_t>(foreground));
}

// Returns the 16-bit cell value of `character` drawn with `attribute`.
constexpr std::uint16_t Cell(std::uint8_t character, std::uint8_t attribute) {
  return static_cast<std::uint16_t>((attribute << 8) | character);
}

// Storage of the cells: `cells.Set(index, value)` and `cells.Get(index)`, index in
// [0, kRows * kColumns), row-major; `cells.SetCursor(index)` shows the cursor on a cell.
template <typename T>
concept CellStorage = requires(T& cells, std::size_t index, std::uint16_t value) {
  cells.Set(index, value);
  static_cast<std::uint16_t>(cells.Get(index));
  cells.SetCursor(index);
};

// A cell of the screen, by row and column.
struct ScreenPosition {
  std::size_t row;
  std::size_t column;

  constexpr bool operator==(const ScreenPosition&) const = default;
};

// Writes text onto the grid. Invariant: 0 <= row_ < text_rows_ <= kRows and 0 <= column_ <=
// kColumns (column_ == kColumns means the line is full and the next character wraps), and after
// every public call the storage shows the cursor at cursor().
template <CellStorage Cells>
class TextScreen {
 public:
  static constexpr std::size_t kRows = 25;
  static constexpr std::size_t kColumns = 80;
  // Printable ASCII is drawn as is; any other byte as this code page 437 square.
  static constexpr std::uint8_t kNonPrintable = 0xfe;

  explicit constexpr TextScreen(Cells cells) : cells_(std::move(cells)) {}

  // Blanks the screen in the current colours and moves the cursor to the top left.
  void Clear() {
    for (std::size_t i = 0; i < kRows * kColumns; ++i) {
      cells_.Set(i, Blank());
    }
    row_ = 0;
    column_ = 0;
    ShowCursor();
  }

  // Sets the colours of the characters written from now on.
  void SetColors(Color foreground, Color background) {
    attribute_ = Attribute(foreground, background);
  }

  // Writes one byte: '\n' starts a new line, '\b' moves back one cell within the line,
  // printable ASCII is drawn, anything else is drawn as a square. Lines wrap at the right edge; the
  // screen scrolls at the bottom.
  void Put(char c) {
    Draw(c);
    ShowCursor();
  }

  // Writes `size` bytes from `text`.
  void Write(const char* text, std::size_t size) {
    for (std::size_t i = 0; i < size; ++i) {
      Draw(text[i]);
    }
    ShowCursor();
  }

  // Keeps the bottom row out of the text area from now on: text scrolls above it, and only
  // WriteStatusRow draws on it. Call while the cursor is above the bottom row (after Clear).
  void ReserveStatusRow() { text_rows_ = kRows - 1; }

  // Draws `text` on the reserved bottom row (cut at kColumns, padded with blanks) in the
  // current colours, leaving the cursor and the text area alone. Does nothing unless
  // ReserveStatusRow was called.
  void WriteStatusRow(const char* text, std::size_t size) {
    if (text_rows_ == kRows) return;
    for (std::size_t i = 0; i < kColumns; ++i) {
      const auto byte = i < size ? static_cast<std::uint8_t>(text[i]) : std::uint8_t{' '};
      const std::uint8_t shown = (byte >= 0x20 && byte < 0x7f) ? byte : kNonPrintable;
      cells_.Set(((kRows - 1) * kColumns) + i, Cell(shown, attribute_));
    }
  }

  // Returns where the cursor is: the cell the next character goes to, or, on a full line,
  // its last cell (the next character wraps first, as a terminal's pending wrap).
  ScreenPosition cursor() const { return {row_, column_ < kColumns ? column_ : kColumns - 1}; }

  std::size_t row() const { return row_; }
  std::size_t column() const { return column_; }
  std::uint8_t attribute() const { return attribute_; }
  Cells& cells() { return cells_; }

 private:
  std::uint16_t Blank() const { return Cell(' ', attribute_); }

  // Shows the cursor at cursor().
  void ShowCursor() {
    const ScreenPosition at = cursor();
    cells_.SetCursor((at.row * kColumns) + at.column);
  }

  // Draws `c` as Put describes, without moving the hardware cursor.
  void Draw(char c) {
    const auto byte = static_cast<std::uint8_t>(c);
    if (byte == '\n') {
      NewLine();
      return;
    }
    if (byte == '\b') {  // Back one cell, within the line: "\b \b" erases a character.
      if (column_ > 0) --column_;
      return;
    }
    if (column_ == kColumns) {
      NewLine();
    }
    const std::uint8_t shown = (byte >= 0x20 && byte < 0x7f) ? byte : kNonPrintable;
    cells_.Set((row_ * kColumns) + column_, Cell(shown, attribute_));
    ++column_;
  }

  void NewLine() {
    column_ = 0;
    if (row_ + 1 < text_rows_) {
      ++row_;
      return;
    }
    for (std::size_t i = 0; i < (text_rows_ - 1) * kColumns; ++i) {
      cells_.Set(i, cells_.Get(i + kColumns));
    }
    for (std::size_t i = 0; i < kColumns; ++i) {
      cells_.Set(((text_rows_ - 1) * kColumns) + i, Blank());
    }
  }

  Cells cells_;
  std::size_t row_ = 0;
  std::size_t column_ = 0;
  std::size_t text_rows_ = kRows;  // Rows text scrolls in: kRows, or kRows - 1 with a status row.
  std::uint8_t attribute_ = Attribute(Color::kLightGray, Color::kBlack);
};

}  // namespace kernel::drivers::vga_text
