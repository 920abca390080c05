// Saving and resuming a call context (setjmp/longjmp without a C library). The in-kernel
// test runner uses it to regain control after a test panics.
#pragma once

#include <cstdint>

namespace libk::x86_64::raw {

// The callee-saved registers of the System V ABI, the stack pointer and the resume address.
struct SavedContext {
  std::uint64_t rbx;
  std::uint64_t rbp;
  std::uint64_t r12;
  std::uint64_t r13;
  std::uint64_t r14;
  std::uint64_t r15;
  std::uint64_t rsp;
  std::uint64_t rip;
};
static_assert(sizeof(SavedContext) == 64, "context.S relies on this layout");

extern "C" {
// Saves the caller's context in `context` and returns 0; returns again, with the value
// given to ResumeContext, each time the context is resumed.
// Safety: as for setjmp: the caller's frame must still be live when the context is
// resumed, and locals modified after the save must be volatile to be read reliably.
[[gnu::returns_twice]] std::uint64_t KeelSaveContext(SavedContext* context);

// Resumes `context`, making its KeelSaveContext return `value` (must not be 0).
// Safety: `context` must have been filled by KeelSaveContext in a frame that is still
// live; every frame above it is abandoned without running destructors, so nothing in
// them may own a resource (a held lock, for example) that is needed afterwards.
[[noreturn]] void KeelResumeContext(const SavedContext* context, std::uint64_t value);
}

}  // namespace libk::x86_64::raw
