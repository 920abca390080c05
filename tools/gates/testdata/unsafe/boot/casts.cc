// Planted: reinterpret_cast in an allowlisted directory, with and without SAFETY.
int* Documented(unsigned long address) {
  // SAFETY: the boot page tables map `address`.
  return reinterpret_cast<int*>(address);
}

int* DocumentedMultiLine(unsigned long address_of_the_boot_information_with_a_long_name) {
  // SAFETY: as above, for a statement that spans two lines.
  int* boot_information_as_an_integer_pointer =
      reinterpret_cast<int*>(address_of_the_boot_information_with_a_long_name);
  return boot_information_as_an_integer_pointer;
}

int* Undocumented(unsigned long address) { return reinterpret_cast<int*>(address); }

void AsmIsAllowedHere() { asm volatile("nop"); }

int* FromVoid(void* pointer) {
  // SAFETY: the caller passes an int.
  return static_cast<int*>(pointer);
}

int* FromVoidUndocumented(void* pointer) { return static_cast<int*>(pointer); }

int* CStyleEvenHere(unsigned long address) { return (int*)address; }
