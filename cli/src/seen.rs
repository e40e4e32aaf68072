//! The idempotency keys `listen` has acknowledged, so that a replay is answered as a
//! duplicate: at most `capacity` of them, the oldest forgotten first, so that a receiver
//! left running for days keeps a bounded amount of memory.

use std::collections::{HashSet, VecDeque};
use std::sync::Arc;

/// A set that remembers its `capacity` most recently inserted keys.
pub struct Seen {
    keys: HashSet<Arc<str>>,
    /// Insertion order, oldest first: the next key to forget is at the front.
    order: VecDeque<Arc<str>>,
    capacity: usize,
}

impl Seen {
    /// `capacity` is at least 1 (a receiver that remembers nothing sees no replay).
    pub fn new(capacity: usize) -> Seen {
        let capacity = capacity.max(1);
        // Grow with use rather than up front: most runs see a handful of deliveries.
        Seen {
            keys: HashSet::new(),
            order: VecDeque::new(),
            capacity,
        }
    }

    /// Remembers `key`; true when it was not remembered already. A duplicate does not
    /// move its key: a key is forgotten `capacity` insertions after it was first seen.
    pub fn insert(&mut self, key: &str) -> bool {
        if self.keys.contains(key) {
            return false;
        }
        if self.order.len() == self.capacity {
            if let Some(oldest) = self.order.pop_front() {
                self.keys.remove(&oldest);
            }
        }
        let key: Arc<str> = Arc::from(key);
        self.order.push_back(Arc::clone(&key));
        self.keys.insert(key);
        true
    }

    #[cfg(test)]
    fn len(&self) -> usize {
        self.keys.len()
    }
}

#[cfg(test)]
mod tests {
    use super::Seen;

    #[test]
    fn a_key_is_a_duplicate_until_capacity_newer_keys_arrive() {
        let mut seen = Seen::new(3);
        assert!(seen.insert("a"));
        assert!(!seen.insert("a"));
        assert!(seen.insert("b"));
        assert!(seen.insert("c"));
        assert!(seen.insert("d"), "a fourth key");
        assert_eq!(seen.len(), 3);
        assert!(seen.insert("a"), "the oldest was forgotten");
        assert!(!seen.insert("c"));
        assert!(!seen.insert("d"));
        assert!(seen.insert("b"), "b was the oldest after a came back");
    }

    #[test]
    fn stays_at_capacity() {
        let mut seen = Seen::new(100);
        for i in 0..10_000 {
            seen.insert(&i.to_string());
        }
        assert_eq!(seen.len(), 100);
        assert_eq!(seen.order.len(), 100);
    }
}
