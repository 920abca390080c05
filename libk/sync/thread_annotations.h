// Clang thread-safety attributes under LIBK_ names. Locks are "capabilities"; data members
// name the lock that guards them; the compiler (-Wthread-safety) then proves, function by
// function, that guarded data is only touched with its lock held. No-ops on other compilers.
#pragma once

#if defined(__clang__)
#define LIBK_THREAD_ANNOTATION(x) __attribute__((x))
#else
#define LIBK_THREAD_ANNOTATION(x)
#endif

// Marks a class as a lock; `name` appears in diagnostics ("requires holding mutex 'm'").
#define LIBK_CAPABILITY(name) LIBK_THREAD_ANNOTATION(capability(name))

// Marks an RAII class that holds a capability from its constructor to its destructor.
#define LIBK_SCOPED_CAPABILITY LIBK_THREAD_ANNOTATION(scoped_lockable)

// Declares that a data member may only be read or written with `lock` held.
#define LIBK_GUARDED_BY(lock) LIBK_THREAD_ANNOTATION(guarded_by(lock))

// Declares that the data a pointer member points to may only be accessed with `lock` held.
#define LIBK_PT_GUARDED_BY(lock) LIBK_THREAD_ANNOTATION(pt_guarded_by(lock))

// Declares lock-ordering constraints between locks.
#define LIBK_ACQUIRED_BEFORE(...) LIBK_THREAD_ANNOTATION(acquired_before(__VA_ARGS__))
#define LIBK_ACQUIRED_AFTER(...) LIBK_THREAD_ANNOTATION(acquired_after(__VA_ARGS__))

// Declares that the caller must hold (exclusively / shared) the given locks.
#define LIBK_REQUIRES(...) LIBK_THREAD_ANNOTATION(requires_capability(__VA_ARGS__))
#define LIBK_REQUIRES_SHARED(...) LIBK_THREAD_ANNOTATION(requires_shared_capability(__VA_ARGS__))

// Declares that the function acquires the given locks (or `this` when none are named) and
// returns with them held.
#define LIBK_ACQUIRE(...) LIBK_THREAD_ANNOTATION(acquire_capability(__VA_ARGS__))
#define LIBK_ACQUIRE_SHARED(...) LIBK_THREAD_ANNOTATION(acquire_shared_capability(__VA_ARGS__))

// Declares that the function releases the given locks (or `this`), which must be held.
#define LIBK_RELEASE(...) LIBK_THREAD_ANNOTATION(release_capability(__VA_ARGS__))
#define LIBK_RELEASE_SHARED(...) LIBK_THREAD_ANNOTATION(release_shared_capability(__VA_ARGS__))

// Declares that the function acquires the locks iff it returns `success` (true/false).
#define LIBK_TRY_ACQUIRE(...) LIBK_THREAD_ANNOTATION(try_acquire_capability(__VA_ARGS__))

// Declares that the caller must NOT hold the given locks (the function takes them itself).
#define LIBK_EXCLUDES(...) LIBK_THREAD_ANNOTATION(locks_excluded(__VA_ARGS__))

// Declares that the function checks at run time that the lock is held; afterwards the
// analysis assumes it is.
#define LIBK_ASSERT_CAPABILITY(lock) LIBK_THREAD_ANNOTATION(assert_capability(lock))

// Declares that the function returns a reference to the given lock.
#define LIBK_RETURN_CAPABILITY(lock) LIBK_THREAD_ANNOTATION(lock_returned(lock))

// Turns the analysis off for one function. Every use needs a comment saying why the
// function is correct although the analysis cannot see it.
#define LIBK_NO_THREAD_SAFETY_ANALYSIS LIBK_THREAD_ANNOTATION(no_thread_safety_analysis)
