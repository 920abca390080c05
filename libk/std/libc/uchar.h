/* <uchar.h> for the kernel: mbstate_t only, which libc++ looks for here when wide characters
 * are off (its <iosfwd> names std::fpos<mbstate_t>). The kernel converts no multibyte text,
 * so no conversion function is declared. */
#ifndef KEEL_LIBC_UCHAR_H_
#define KEEL_LIBC_UCHAR_H_

typedef struct {
  unsigned int __state[2];
} mbstate_t;

#endif /* KEEL_LIBC_UCHAR_H_ */
