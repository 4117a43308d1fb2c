//! Work on every core, results in input order, a bounded number in flight:
//! what a stream needs to keep both cores busy without holding the input.
//!
//! A reader thread pulls the items (it may block on a pipe) and hands
//! each to rayon's pool as soon as it arrives, first in, first started.
//! The caller takes the results in input order. At most `window` items
//! are between the reader and the caller, read but not yet taken: the
//! reader waits for the caller beyond that, so memory is bounded by the
//! window times the largest item (and its result), never by the input.
//! An item read is worked on at once, not when a window fills, so a slow
//! producer sees its first result before it sends the second.

use std::thread;

use crossbeam_channel::{Receiver, bounded};

/// The results of [`ordered_map`], in input order.
pub struct Ordered<R> {
    /// One receiver per item, in input order; each gets its result.
    slots: Receiver<Receiver<R>>,
    /// The next slot, taken out of `slots` to look at.
    head: Option<Receiver<R>>,
}

/// `work` applied to every item of `items` on rayon's pool, at most
/// `window` items in flight; the results in input order. Reading stops
/// when the [`Ordered`] is dropped (at the next item the reader gets).
/// A panic in `work` ends the process, as rayon does for spawned work.
pub fn ordered_map<T, R, I, F>(items: I, window: usize, work: F) -> Ordered<R>
where
    I: Iterator<Item = T> + Send + 'static,
    T: Send + 'static,
    R: Send + 'static,
    F: Fn(T) -> R + Send + Sync + 'static,
{
    let (slot_tx, slots) = bounded::<Receiver<R>>(window.max(1));
    let work = std::sync::Arc::new(work);
    // Not joined: a reader blocked on a pipe must not keep the process
    // alive once the caller is done (the output's reader went away).
    thread::spawn(move || {
        for item in items {
            let (tx, rx) = bounded(1);
            if slot_tx.send(rx).is_err() {
                return;
            }
            let work = work.clone();
            rayon::spawn_fifo(move || {
                // The caller may have gone: nobody to tell.
                let _ = tx.send(work(item));
            });
        }
    });
    Ordered { slots, head: None }
}

impl<R> Ordered<R> {
    /// The next result is there to take without waiting (a writer
    /// flushes what it holds before it waits).
    pub fn ready(&mut self) -> bool {
        if self.head.is_none() {
            self.head = self.slots.try_recv().ok();
        }
        self.head.as_ref().is_some_and(|r| !r.is_empty())
    }
}

impl<R> Iterator for Ordered<R> {
    type Item = R;

    /// The next result in input order, waiting for it; None after the last.
    fn next(&mut self) -> Option<R> {
        let slot = match self.head.take() {
            Some(s) => s,
            None => self.slots.recv().ok()?,
        };
        slot.recv().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, mpsc};
    use std::time::Duration;

    #[test]
    fn results_come_in_input_order_whatever_order_they_finish_in() {
        // Earlier items take longer, so they finish last.
        let out: Vec<usize> = ordered_map(0..40usize, 8, |i| {
            thread::sleep(Duration::from_micros(((40 - i) * 50) as u64));
            i * 2
        })
        .collect();
        assert_eq!(out, (0..40).map(|i| i * 2).collect::<Vec<_>>());
    }

    #[test]
    fn no_more_than_the_window_is_read_ahead_of_the_caller() {
        let read = Arc::new(AtomicUsize::new(0));
        let counted = read.clone();
        let items = (0..1000usize).inspect(move |_| {
            counted.fetch_add(1, Ordering::SeqCst);
        });
        let mut out = ordered_map(items, 4, |i| i);
        assert_eq!(out.next(), Some(0));
        thread::sleep(Duration::from_millis(100));
        // Four waiting in the window, one handed out, one read and
        // blocked on the full window: nothing like the thousand.
        let n = read.load(Ordering::SeqCst);
        assert!(n <= 6, "{n} items read");
    }

    #[test]
    fn an_item_is_worked_on_before_the_next_arrives() {
        // The items come from a channel that gives the second only after
        // the first's result is seen: a window-at-a-time design hangs.
        let (tx, rx) = mpsc::channel::<usize>();
        let mut out = ordered_map(rx.into_iter(), 16, |i| i + 1);
        tx.send(1).unwrap();
        assert_eq!(out.next(), Some(2));
        tx.send(2).unwrap();
        assert_eq!(out.next(), Some(3));
        drop(tx);
        assert_eq!(out.next(), None);
    }
}
