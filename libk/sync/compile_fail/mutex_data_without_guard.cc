// Misuse: reading a Mutex's data without taking its lock.
#include "libk/sync/mutex.h"

int Peek(libk::Mutex<int>& number) { return number.data_; }
