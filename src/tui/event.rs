//! Everything that can wake the event loop, from its own threads: terminal
//! input and OS signals feed one channel, and so do the library's loader
//! and quotations threads (through [`AppEvent::from`] a [`LibraryEvent`]).

use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

use crossterm::event::{self, Event};

use crate::corpus::LoadEvent;
use crate::library::LibraryEvent;
use crate::quotes::{ArticleQuotes, SpeakerIndex};
use crate::search::FilterEvent;

use super::input_gate::InputGate;

/// How often the input thread checks whether it should pause (while an
/// external program such as $EDITOR owns the terminal).
const INPUT_POLL: Duration = Duration::from_millis(50);

/// One thing that happened.
#[derive(Debug)]
pub enum AppEvent {
    Terminal(Event),
    Load(LoadEvent),
    /// Results from the filter worker.
    Filter(FilterEvent),
    /// Quotations found: (article index, its quotations).
    Quotes(Vec<(usize, Arc<ArticleQuotes>)>),
    /// Every article's quotations are in: the speakers of the corpus.
    Speakers(Box<SpeakerIndex>),
    /// Saving the reading state ran into a problem.
    StateWarning(crate::state::Warning),
    /// A signal asked us to stop (SIGTERM, SIGHUP, SIGINT, SIGQUIT).
    Stop,
    /// Reading the terminal failed; the loop ends with this error.
    InputFailed(String),
}

impl From<LibraryEvent> for AppEvent {
    fn from(ev: LibraryEvent) -> Self {
        match ev {
            LibraryEvent::Load(e) => AppEvent::Load(e),
            LibraryEvent::Quotes(found) => AppEvent::Quotes(found),
            LibraryEvent::Speakers(index) => AppEvent::Speakers(index),
        }
    }
}

/// Read terminal events until the receiver goes away. While the gate is
/// paused the thread parks between two polls and leaves the terminal to
/// the program that has it.
pub fn spawn_input(tx: Sender<AppEvent>, gate: Arc<InputGate>) -> std::io::Result<()> {
    thread::Builder::new()
        .name("input".into())
        .spawn(move || {
            loop {
                gate.wait_while_paused();
                let event = match event::poll(INPUT_POLL) {
                    Ok(true) => event::read(),
                    Ok(false) => continue,
                    Err(e) => Err(e),
                };
                let msg = match event {
                    Ok(ev) => AppEvent::Terminal(ev),
                    Err(e) => AppEvent::InputFailed(e.to_string()),
                };
                let failed = matches!(msg, AppEvent::InputFailed(_));
                if tx.send(msg).is_err() || failed {
                    return;
                }
            }
        })
        .map(drop)
}

/// Turn termination signals into a clean stop, so the terminal is restored.
/// While another program has the terminal (the gate is paused), Ctrl-C
/// and Ctrl-\ are that program's: its SIGINT and SIGQUIT reach us too,
/// as the terminal's foreground group, and are ignored, even when this
/// thread only gets to them after the program has ended (the gate knows:
/// see [`InputGate::interrupt_was_theirs`]).
pub fn spawn_signals(tx: Sender<AppEvent>, gate: Arc<InputGate>) -> anyhow::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGQUIT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT, SIGQUIT])?;
    for interrupt in [SIGINT, SIGQUIT] {
        signal_hook::flag::register(interrupt, Arc::clone(&gate.interrupted))?;
    }
    thread::Builder::new()
        .name("signals".into())
        .spawn(move || {
            for signal in signals.forever() {
                if matches!(signal, SIGINT | SIGQUIT) && gate.interrupt_was_theirs() {
                    continue;
                }
                let _ = tx.send(AppEvent::Stop);
                return;
            }
        })?;
    Ok(())
}
