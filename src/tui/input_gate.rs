//! Stopping the input thread while another program ($EDITOR, $PAGER)
//! owns the terminal, so that it reads none of that program's keys.
//!
//! A flag alone is not enough: the input thread could be inside a
//! `poll` when the flag is set and read the child's first keys. So
//! [`InputGate::pause`] waits until the thread says it has parked, and
//! the thread parks between two polls, holding nothing.
//!
//! The gate also tells the signal thread which Ctrl-C (SIGINT, SIGQUIT)
//! was the other program's: the terminal sends it to us too. One that
//! arrives while paused is ignored even when the signal thread only gets
//! to it after the program has ended (under load it can be that late).

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::{Duration, Instant};

/// Longest wait for the input thread to park (it polls in 50 ms steps);
/// past it (the thread has ended, say) the caller goes on.
const PARK_PATIENCE: Duration = Duration::from_millis(500);

#[derive(Debug, Default)]
struct State {
    paused: bool,
    /// The input thread is waiting for `paused` to clear.
    parked: bool,
    /// The signal thread has ignored an interrupt during this pause.
    interrupt_ignored: bool,
    /// An interrupt came during the last pause and the signal thread has
    /// not seen it yet: ignore the next one.
    interrupt_owed: bool,
}

/// Shared by the event loop and the input thread.
#[derive(Debug, Default)]
pub struct InputGate {
    state: Mutex<State>,
    changed: Condvar,
    /// Set by a signal handler when SIGINT or SIGQUIT arrives (see
    /// `event::spawn_signals`); cleared by `pause`.
    pub interrupted: Arc<AtomicBool>,
}

impl InputGate {
    fn lock(&self) -> MutexGuard<'_, State> {
        // A poisoned lock still holds a consistent pair of flags.
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Ask the input thread to stop reading, and wait until it has.
    /// Returns whether it parked in time.
    pub fn pause(&self) -> bool {
        let deadline = Instant::now() + PARK_PATIENCE;
        let mut s = self.lock();
        s.paused = true;
        s.interrupt_ignored = false;
        self.interrupted.store(false, Ordering::SeqCst);
        self.changed.notify_all();
        while !s.parked {
            let Some(left) = deadline.checked_duration_since(Instant::now()) else {
                return false;
            };
            s = self
                .changed
                .wait_timeout(s, left)
                .unwrap_or_else(|e| e.into_inner())
                .0;
        }
        true
    }

    /// Let the input thread read again.
    pub fn resume(&self) {
        let mut s = self.lock();
        s.interrupt_owed = self.interrupted.swap(false, Ordering::SeqCst) && !s.interrupt_ignored;
        s.paused = false;
        self.changed.notify_all();
    }

    /// For the signal thread, on SIGINT or SIGQUIT: true when it was the
    /// other program's and is to be ignored.
    pub fn interrupt_was_theirs(&self) -> bool {
        let mut s = self.lock();
        if s.paused {
            s.interrupt_ignored = true;
            true
        } else {
            std::mem::take(&mut s.interrupt_owed)
        }
    }

    /// True while another program owns the terminal.
    pub fn is_paused(&self) -> bool {
        self.lock().paused
    }

    /// Called by the input thread between two polls: returns at once
    /// unless paused, else parks until resumed.
    pub fn wait_while_paused(&self) {
        let mut s = self.lock();
        if !s.paused {
            return;
        }
        s.parked = true;
        self.changed.notify_all();
        while s.paused {
            s = self.changed.wait(s).unwrap_or_else(|e| e.into_inner());
        }
        s.parked = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::thread;

    #[test]
    fn pause_returns_only_once_the_reader_has_parked() {
        let gate = Arc::new(InputGate::default());
        let polls = Arc::new(AtomicUsize::new(0));
        let (g, p) = (Arc::clone(&gate), Arc::clone(&polls));
        let reader = thread::spawn(move || {
            for _ in 0..200 {
                g.wait_while_paused();
                p.fetch_add(1, Ordering::SeqCst);
                thread::sleep(Duration::from_millis(2));
            }
        });
        for _ in 0..5 {
            assert!(gate.pause());
            let before = polls.load(Ordering::SeqCst);
            thread::sleep(Duration::from_millis(20));
            assert_eq!(polls.load(Ordering::SeqCst), before, "read while paused");
            gate.resume();
            thread::sleep(Duration::from_millis(10));
        }
        assert!(!gate.is_paused());
        reader.join().unwrap();
    }

    #[test]
    fn an_interrupt_during_a_pause_is_theirs_even_when_seen_late() {
        let gate = InputGate::default();
        // Seen while paused.
        gate.pause();
        gate.interrupted.store(true, Ordering::SeqCst);
        assert!(gate.interrupt_was_theirs());
        gate.resume();
        assert!(!gate.interrupt_was_theirs(), "a later one is ours");
        // Seen only after the pause.
        gate.pause();
        gate.interrupted.store(true, Ordering::SeqCst);
        gate.resume();
        assert!(gate.interrupt_was_theirs());
        assert!(!gate.interrupt_was_theirs());
        // None during the pause.
        gate.pause();
        gate.resume();
        assert!(!gate.interrupt_was_theirs());
    }

    #[test]
    fn pause_gives_up_when_nobody_reads() {
        let gate = InputGate::default();
        assert!(!gate.pause());
        assert!(gate.is_paused());
    }
}
