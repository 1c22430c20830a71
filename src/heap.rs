//! The browser build's memory allocator: blocks in power-of-two size classes, each class a
//! free list, carved from the end of linear memory. It replaces Rust's default for wasm32
//! (dlmalloc, about 8 KB of the WASM) with a few hundred bytes.
//!
//! Why it suits the report: it runs single-threaded, its allocations are small and of few
//! sizes, and they repeat (a redraw frees what the last one allocated). A freed block goes
//! back to its class's list and the next allocation of that class takes it, so memory stops
//! growing once the page's working set is reached (`tests` below: many redraw-like rounds add
//! nothing). The cost is the rounding up to a power of two, at most twice the asked size.
//!
//! A block of `2^k` bytes starts at a multiple of `2^k` (up to one memory page, 64 KiB), so
//! any alignment up to its size holds. The block's first word links the free list.
//!
//! The logic is generic over where fresh memory comes from (`Grow`), so native tests run it on
//! a buffer; `web` wires it to `memory.grow`.

use std::alloc::Layout;
use std::ptr;

/// Where new memory comes from: `grow(pages)` adds `pages` of 64 KiB and returns the address
/// of the first new byte, or `None` when no memory is left.
pub trait Grow {
    fn grow(&mut self, pages: usize) -> Option<usize>;
}

pub const PAGE: usize = 64 * 1024;
/// The smallest block: room for the free list's link on any target.
const MIN: usize = 16;
const CLASSES: usize = usize::BITS as usize;

pub struct Heap<G> {
    /// The first free block of each class (`0`: none).
    free: [usize; CLASSES],
    /// Fresh memory: `top..end` has never been handed out.
    top: usize,
    end: usize,
    grow: G,
}

/// The class of a block for `layout`: its size is `2^class` bytes, at least the size and
/// the alignment asked for.
fn class(layout: Layout) -> usize {
    let size = layout.size().max(layout.align()).max(MIN);
    size.next_power_of_two().trailing_zeros() as usize
}

impl<G: Grow> Heap<G> {
    pub const fn new(grow: G) -> Heap<G> {
        Heap {
            free: [0; CLASSES],
            top: 0,
            end: 0,
            grow,
        }
    }

    /// # Safety
    /// As `GlobalAlloc::alloc`; memory from `grow` must be this heap's alone.
    pub unsafe fn alloc(&mut self, layout: Layout) -> *mut u8 {
        let k = class(layout);
        if k >= CLASSES - 1 {
            return ptr::null_mut();
        }
        let head = self.free[k];
        if head != 0 {
            // SAFETY: a free block of class k, whose first word is the next free block.
            self.free[k] = unsafe { (head as *const usize).read() };
            return head as *mut u8;
        }
        self.fresh(k)
    }

    /// A block of class `k` from fresh memory, growing it when needed. The bytes skipped to
    /// reach the block's alignment become free blocks of smaller classes.
    unsafe fn fresh(&mut self, k: usize) -> *mut u8 {
        let size = 1usize << k;
        let align = size.min(PAGE);
        let mut start = self.top.next_multiple_of(align);
        if start.checked_add(size).is_none_or(|e| e > self.end) {
            let pages = size.div_ceil(PAGE) + 1;
            let Some(at) = self.grow.grow(pages) else {
                return ptr::null_mut();
            };
            if at != self.end {
                // Not contiguous (someone else grew the memory): keep what is left as free
                // blocks and continue in the new pages.
                unsafe { self.release(self.top, self.end) };
                self.top = at;
            }
            self.end = at + pages * PAGE;
            start = self.top.next_multiple_of(align);
        }
        unsafe { self.release(self.top, start) };
        self.top = start + size;
        start as *mut u8
    }

    /// Hand `from..to` to the free lists as the largest aligned blocks that tile it.
    unsafe fn release(&mut self, mut from: usize, to: usize) {
        while from + MIN <= to {
            let fits = usize::BITS - 1 - (to - from).leading_zeros();
            let aligned = from.trailing_zeros().min(PAGE.trailing_zeros());
            let k = fits.min(aligned) as usize;
            if k < MIN.trailing_zeros() as usize {
                break;
            }
            unsafe { self.push(from, k) };
            from += 1 << k;
        }
    }

    unsafe fn push(&mut self, block: usize, k: usize) {
        // SAFETY: the block is at least MIN bytes, aligned, and no longer in use.
        unsafe { (block as *mut usize).write(self.free[k]) };
        self.free[k] = block;
    }

    /// # Safety
    /// As `GlobalAlloc::dealloc`.
    pub unsafe fn dealloc(&mut self, ptr: *mut u8, layout: Layout) {
        unsafe { self.push(ptr as usize, class(layout)) };
    }

    /// # Safety
    /// As `GlobalAlloc::realloc`. A block that keeps its class stays where it is.
    pub unsafe fn realloc(&mut self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: the caller guarantees a valid layout for the new size.
        let new = unsafe { Layout::from_size_align_unchecked(new_size, layout.align()) };
        if class(new) == class(layout) {
            return ptr;
        }
        let moved = unsafe { self.alloc(new) };
        if !moved.is_null() {
            unsafe {
                ptr::copy_nonoverlapping(ptr, moved, layout.size().min(new_size));
                self.dealloc(ptr, layout);
            }
        }
        moved
    }

    /// Bytes taken from `grow` so far (for tests).
    pub fn reserved(&self) -> usize {
        self.end
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Memory from a buffer, page by page, as `memory.grow` gives it.
    struct Buffer {
        base: usize,
        pages: usize,
        max: usize,
    }

    impl Grow for Buffer {
        fn grow(&mut self, pages: usize) -> Option<usize> {
            if self.pages + pages > self.max {
                return None;
            }
            let at = self.base + self.pages * PAGE;
            self.pages += pages;
            Some(at)
        }
    }

    fn heap(max: usize) -> (Heap<Buffer>, Vec<u8>) {
        // The buffer is over-allocated by a page so its usable part starts page-aligned.
        let buf = vec![0u8; (max + 1) * PAGE];
        let base = (buf.as_ptr() as usize).next_multiple_of(PAGE);
        (
            Heap::new(Buffer {
                base,
                pages: 0,
                max,
            }),
            buf,
        )
    }

    fn layout(size: usize, align: usize) -> Layout {
        Layout::from_size_align(size, align).unwrap()
    }

    #[test]
    fn blocks_are_aligned_distinct_and_writable() {
        let (mut h, _buf) = heap(64);
        let mut live: Vec<(usize, usize)> = Vec::new();
        for (i, size) in [1, 7, 16, 17, 100, 4096, 5000, 70_000, 3, 64]
            .iter()
            .enumerate()
        {
            let align = [1, 2, 4, 8, 16, 32, 64][i % 7];
            let p = unsafe { h.alloc(layout(*size, align)) } as usize;
            assert_ne!(p, 0);
            assert_eq!(p % align, 0, "size {size} align {align}");
            unsafe { ptr::write_bytes(p as *mut u8, i as u8, *size) };
            for (q, qs) in &live {
                assert!(
                    p + size <= *q || q + qs <= p,
                    "{p}+{size} overlaps {q}+{qs}"
                );
            }
            live.push((p, *size));
        }
        for (i, (p, size)) in live.iter().enumerate() {
            let bytes = unsafe { std::slice::from_raw_parts(*p as *const u8, *size) };
            assert!(
                bytes.iter().all(|b| *b == i as u8),
                "block {i} kept its bytes"
            );
        }
    }

    #[test]
    fn a_freed_block_is_reused_and_memory_stops_growing() {
        let (mut h, _buf) = heap(64);
        let a = unsafe { h.alloc(layout(40, 8)) };
        unsafe { h.dealloc(a, layout(40, 8)) };
        let b = unsafe { h.alloc(layout(33, 8)) };
        assert_eq!(a, b, "same class, same block");
        // Rounds of a redraw: many sizes allocated, then all freed.
        let round = |h: &mut Heap<Buffer>| {
            let blocks: Vec<_> = (1..300)
                .map(|i| {
                    let l = layout(i * 13 % 2000 + 1, 8);
                    (unsafe { h.alloc(l) }, l)
                })
                .collect();
            for (p, l) in blocks {
                unsafe { h.dealloc(p, l) };
            }
        };
        round(&mut h);
        let after_one = h.reserved();
        for _ in 0..100 {
            round(&mut h);
        }
        assert_eq!(h.reserved(), after_one);
    }

    #[test]
    fn realloc_keeps_the_bytes_and_stays_within_a_class() {
        let (mut h, _buf) = heap(64);
        let l = layout(20, 4);
        let p = unsafe { h.alloc(l) };
        unsafe { ptr::copy_nonoverlapping(b"abcdefghijklmnopqrst".as_ptr(), p, 20) };
        let same = unsafe { h.realloc(p, l, 30) };
        assert_eq!(same, p, "20 and 30 bytes are both in the 32-byte class");
        let moved = unsafe { h.realloc(same, layout(30, 4), 100) };
        assert_ne!(moved, p);
        let bytes = unsafe { std::slice::from_raw_parts(moved, 20) };
        assert_eq!(bytes, b"abcdefghijklmnopqrst");
        // The old block went back to its list.
        assert_eq!(unsafe { h.alloc(layout(32, 4)) }, p);
    }

    #[test]
    fn out_of_memory_is_a_null_pointer_not_a_crash() {
        let (mut h, _buf) = heap(2);
        assert!(unsafe { h.alloc(layout(3 * PAGE, 8)) }.is_null());
        assert!(!unsafe { h.alloc(layout(100, 8)) }.is_null());
    }
}
