//! The two threads that turn the outside world into [`Msg`]s on the
//! runtime's channel: terminal input and OS signals. (The library's
//! loader and quotations threads feed the same channel, through
//! `Msg::from` a `LibraryEvent`; the filter worker through `Msg::Filter`.)

use std::sync::Arc;
use std::sync::mpsc::Sender;
use std::thread;
use std::time::Duration;

use crossterm::event;

use super::input_gate::InputGate;
use super::msg::Msg;

/// How often the input thread checks whether it should pause (while an
/// external program such as $EDITOR owns the terminal).
const INPUT_POLL: Duration = Duration::from_millis(50);

/// Read terminal events until the receiver goes away. While the gate is
/// paused the thread parks between two polls and leaves the terminal to
/// the program that has it.
pub fn spawn_input(tx: Sender<Msg>, gate: Arc<InputGate>) -> std::io::Result<()> {
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
                    Ok(ev) => Msg::Terminal(ev),
                    Err(e) => Msg::InputFailed(e.to_string()),
                };
                let failed = matches!(msg, Msg::InputFailed(_));
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
pub fn spawn_signals(tx: Sender<Msg>, gate: Arc<InputGate>) -> anyhow::Result<()> {
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
                let _ = tx.send(Msg::Stop(signal));
                return;
            }
        })?;
    Ok(())
}
