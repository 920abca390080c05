// Send: the types whose values may be handed to another CPU or to interrupt context. Most
// types may; a type opts out by specialising kNotSend (Rc, whose counts are not atomic),
// and a wrapper passes its element's answer on (Vector<Rc<T>> is not Send). Code that
// hands values over (a queue read by another CPU, Arc's shared value) requires Send, so
// sending an Rc there does not compile.
#pragma once

#include <type_traits>

namespace libk {

// True for the types that must stay with the CPU (and the context) that made them.
template <typename T>
inline constexpr bool kNotSend = false;

template <typename T>
concept Send = !kNotSend<std::remove_cvref_t<T>>;

}  // namespace libk
