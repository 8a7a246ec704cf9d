//! One sort for the crate's lists. A sort is compiled once per element type and comparison,
//! about 2.4 KB of wasm each; so lists are ordered here, through a sort of `(u128, usize)` pairs
//! (an element's key and its place), and the wasm carries one copy of that code instead of one
//! per list. (`entities::sorted`, which orders the many candidates, keeps its own.)

use std::hash::Hasher;

use crate::scan::FastHasher;

/// Sorts `v` by `key`, stably: elements with equal keys keep their order.
pub fn by_key<T>(v: &mut Vec<T>, mut key: impl FnMut(&T) -> u128) {
    if v.len() < 2 {
        return;
    }
    let mut order: Vec<(u128, usize)> = v.iter().enumerate().map(|(i, x)| (key(x), i)).collect();
    if order.windows(2).all(|w| w[0].0 <= w[1].0) {
        return; // in order already, as most lists of blocks are
    }
    pairs(&mut order);
    let mut slots: Vec<Option<T>> = v.drain(..).map(Some).collect();
    v.extend(order.iter().filter_map(|&(_, i)| slots.get_mut(i).and_then(Option::take)));
}

/// The one sort (each pair is distinct: an unstable sort gives the one order).
#[inline(never)]
fn pairs(order: &mut [(u128, usize)]) {
    order.sort_unstable();
}

/// A key that is the same for equal byte strings: their [`FastHasher`] hash and their length.
pub fn hash(bytes: &[u8]) -> u128 {
    let mut h = FastHasher::default();
    h.write(bytes);
    (h.finish() as u128) << 64 | bytes.len() as u128
}

/// The key that orders spans by start, the longer (enclosing) first at one start.
pub fn outer_first(start: usize, end: usize) -> u128 {
    (start as u128) << 64 | (u64::MAX - end as u64) as u128
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn by_key_as_a_stable_sort() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        for len in 0..60 {
            let v: Vec<(u64, usize)> = (0..len).map(|i| (next(8), i)).collect();
            let mut got = v.clone();
            by_key(&mut got, |&(k, _)| u128::from(k));
            let mut want = v;
            want.sort_by_key(|&(k, _)| k);
            assert_eq!(got, want);
        }
    }

    #[test]
    fn equal_names_come_together() {
        let mut names = vec!["Bessho", "Koro Bessho", "King", "Bessho", "", "King", "Bessho", ""];
        by_key(&mut names, |n| hash(n.as_bytes()));
        names.dedup();
        let mut want = vec!["Bessho", "Koro Bessho", "King", ""];
        want.sort_unstable();
        names.sort_unstable();
        assert_eq!(names, want);
        assert_ne!(hash(b"ab"), hash(b"ba"));
    }

    #[test]
    fn outer_first_orders_by_start_then_longer() {
        let mut spans = vec![(3, 4), (0, 9), (3, 9), (0, 2), (usize::MAX - 1, usize::MAX), (3, 3)];
        by_key(&mut spans, |&(s, e)| outer_first(s, e));
        assert_eq!(spans, [(0, 9), (0, 2), (3, 9), (3, 4), (3, 3), (usize::MAX - 1, usize::MAX)]);
    }
}
