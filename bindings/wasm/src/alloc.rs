//! The global allocator on wasm32: `lol_alloc`'s free list instead of the default
//! dlmalloc, for size (dlmalloc alone is about 7 KiB of code, a tenth of the budget).
//! The engine allocates a handful of blocks per call (the body, a few header values),
//! all freed before it returns, so a simple free list does not fragment.

use lol_alloc::{AssumeSingleThreaded, FreeListAllocator};

// SAFETY: wasm32-unknown-unknown without the `atomics` feature has exactly one thread,
// which is the condition `AssumeSingleThreaded` asks for.
#[allow(unsafe_code)]
#[global_allocator]
static ALLOCATOR: AssumeSingleThreaded<FreeListAllocator> =
    unsafe { AssumeSingleThreaded::new(FreeListAllocator::new()) };
