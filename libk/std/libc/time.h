/* <time.h> for the kernel: the type only. libc++'s std::chrono::system_clock declares
 * conversions to and from time_t, and <atomic> reaches <chrono>'s declarations; the kernel
 * has no calendar clock, so no function is declared. */
#ifndef KEEL_LIBC_TIME_H_
#define KEEL_LIBC_TIME_H_

typedef long time_t;

#endif /* KEEL_LIBC_TIME_H_ */
