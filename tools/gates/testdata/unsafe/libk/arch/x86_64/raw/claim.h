// Planted raw header: the factory that gives a port its number.
#pragma once

namespace libk::x86_64::raw {

// Claims I/O ports [first, first + count).
// Safety: the caller must own the devices behind them.
constexpr int ClaimPorts(int first, int count) { return first + count; }

}  // namespace libk::x86_64::raw
