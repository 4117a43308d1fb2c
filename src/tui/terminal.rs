//! Taking the terminal over and always giving it back.
//!
//! Raw mode, the alternate screen and mouse capture are undone when the
//! session is dropped (normal quit or error), from the panic hook, and on
//! SIGTERM/SIGHUP/SIGINT (see `event`). A panic never prints Rust's own
//! message over a garbled screen: the terminal is restored first, then one
//! plain line is printed.

use std::io::{self, IsTerminal, Stdout, stdout};
use std::sync::atomic::{AtomicBool, Ordering};

use anyhow::{Context, bail};
use crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use crossterm::execute;
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

/// True while the terminal is in our hands; restoring is a no-op otherwise,
/// so headless commands never get stray escape sequences on stdout.
static ACTIVE: AtomicBool = AtomicBool::new(false);

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// The terminal in raw mode on the alternate screen, restored on drop.
pub struct TerminalSession {
    pub terminal: Term,
    /// Mouse events are asked for (the wheel, clicks); without, the
    /// terminal keeps the mouse for its own text selection.
    mouse: bool,
}

impl TerminalSession {
    pub fn enter(mouse: bool) -> anyhow::Result<Self> {
        if !stdout().is_terminal() {
            bail!(
                "the reader needs a terminal on standard output (for scripts, use `saidso list`, `saidso quotes` or `saidso search`)"
            );
        }
        enable_raw_mode().context("cannot switch the terminal to raw mode")?;
        ACTIVE.store(true, Ordering::SeqCst);
        // No `Terminal::clear`: it asks the terminal for the cursor position,
        // which some terminals never answer. Clearing ourselves needs no reply.
        let setup = (|| -> io::Result<Term> {
            execute!(
                stdout(),
                EnterAlternateScreen,
                EnableBracketedPaste,
                Clear(ClearType::All)
            )?;
            if mouse {
                execute!(stdout(), EnableMouseCapture)?;
            }
            let mut terminal = Terminal::new(CrosstermBackend::new(stdout()))?;
            terminal.hide_cursor()?;
            Ok(terminal)
        })();
        match setup {
            Ok(terminal) => Ok(Self { terminal, mouse }),
            Err(e) => {
                restore();
                Err(anyhow::Error::new(e).context("cannot set up the terminal"))
            }
        }
    }

    /// Hand the terminal to another program ($EDITOR, $PAGER) for a while.
    pub fn suspend(&mut self) -> io::Result<()> {
        execute!(
            stdout(),
            DisableMouseCapture,
            DisableBracketedPaste,
            LeaveAlternateScreen
        )?;
        self.terminal.show_cursor()?;
        disable_raw_mode()
    }

    /// Take the terminal back after [`suspend`](Self::suspend).
    pub fn resume(&mut self) -> io::Result<()> {
        enable_raw_mode()?;
        execute!(
            stdout(),
            EnterAlternateScreen,
            EnableBracketedPaste,
            Clear(ClearType::All)
        )?;
        if self.mouse {
            execute!(stdout(), EnableMouseCapture)?;
        }
        self.terminal.hide_cursor()?;
        // Forget what was on screen so the next draw repaints every cell.
        let size = self.terminal.size()?;
        self.terminal
            .resize(ratatui::layout::Rect::new(0, 0, size.width, size.height))
    }
}

impl Drop for TerminalSession {
    fn drop(&mut self) {
        restore();
    }
}

/// Undo everything `enter` did. Safe to call more than once, from any
/// thread, and when the terminal was never taken.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = execute!(
            stdout(),
            DisableMouseCapture,
            DisableBracketedPaste,
            LeaveAlternateScreen,
            crossterm::cursor::Show
        );
        let _ = disable_raw_mode();
    }
}

/// Restore the terminal before any panic message, and print one plain line
/// instead of Rust's panic text. Installed once, by `main`.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        restore();
        let msg = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown error".into());
        let at = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        crate::export::terminal::warn(&format!(
            "internal error: {msg}{at}. This is a bug; please report it."
        ));
    }));
}
