// Planted: the pointer casts that stay inside raw/, next to control cases that are fine.
#include <bit>
#include <cstdint>

struct Device;
using DevicePointer = Device*;

Device* FromContext(void* context) { return static_cast<Device*>(context); }

const char* ThroughVoid(const unsigned char* bytes) {
  return static_cast<const char*>(static_cast<const void*>(bytes));
}

int* FromBits(std::uintptr_t bits) { return std::bit_cast<int*>(bits); }

DevicePointer FromAlias(std::uintptr_t bits) {
  return __builtin_bit_cast(DevicePointer,
                            bits);
}

volatile unsigned short* VgaBuffer() { return (volatile unsigned short*)0xb8000; }

// Control cases: none of these is a pointer cast the lint rejects.
std::uintptr_t AddressOf(const int* p) { return std::bit_cast<std::uintptr_t>(p); }
const void* Erase(const int* p) { return static_cast<const void*>(p); }
unsigned long Size() { return sizeof(int*) * 2; }
void Declared(int*);
const char* kCast = "(int*)0x1000 in a string";  // and (char*)p in a comment
