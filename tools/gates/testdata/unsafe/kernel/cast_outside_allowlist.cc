// Planted: reinterpret_cast outside raw/, in a file that is not allowlisted.
unsigned long Address(int* p) {
  // SAFETY: documented, but kernel/ is not allowed to cast.
  return reinterpret_cast<unsigned long>(p);
}
