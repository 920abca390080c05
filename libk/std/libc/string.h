/* <string.h> for the kernel: the memory functions that the compiler and libc++ call, defined
 * by libk (//libk/std:mem_runtime). The string functions of the C library are not declared:
 * nothing in the kernel defines them. */
#ifndef KEEL_LIBC_STRING_H_
#define KEEL_LIBC_STRING_H_

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

void* memcpy(void* __restrict dest, const void* __restrict src, size_t n);
void* memmove(void* dest, const void* src, size_t n);
void* memset(void* dest, int value, size_t n);
int memcmp(const void* a, const void* b, size_t n);
void* memchr(const void* s, int c, size_t n);

#ifdef __cplusplus
}
#endif

#endif /* KEEL_LIBC_STRING_H_ */
