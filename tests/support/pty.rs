//! Running the real binary in a pseudo-terminal and reading its screen the
//! way a person would, through a terminal emulator (vt100).

use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};

/// How long a test waits for the screen to show something.
pub const PATIENCE: Duration = Duration::from_secs(20);

/// Quiet time after which the screen counts as drawn.
const SETTLE: Duration = Duration::from_millis(30);

struct Shared {
    parser: vt100::Parser,
    raw: Vec<u8>,
}

/// A running `saidso` in a terminal of a given size.
pub struct Pty {
    shared: Arc<Mutex<Shared>>,
    /// Notified each time output arrives, so a waiter sees a frame when it
    /// comes, not at its next poll.
    arrived: Arc<Condvar>,
    writer: Box<dyn Write + Send>,
    master: Box<dyn MasterPty + Send>,
    child: Box<dyn Child + Send + Sync>,
    /// The reading state of a run that did not choose its own: a fresh
    /// directory, so no test sees another's state or the developer's.
    _state: Option<tempfile::TempDir>,
    _cache: Option<tempfile::TempDir>,
}

impl Pty {
    /// Start `saidso ARGS` with TERM set and NO_COLOR as asked; reading
    /// state goes to a fresh directory unless `env` sets XDG_STATE_HOME.
    pub fn spawn(args: &[&str], cols: u16, rows: u16, env: &[(&str, &str)], cwd: &Path) -> Pty {
        Self::start(env!("CARGO_BIN_EXE_saidso"), args, cols, rows, env, cwd)
    }

    /// Start any program (a shell pipeline, say) in the terminal.
    pub fn spawn_command(program: &str, args: &[&str], cols: u16, rows: u16, cwd: &Path) -> Pty {
        Self::start(program, args, cols, rows, &[], cwd)
    }

    fn start(
        program: &str,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
        cwd: &Path,
    ) -> Pty {
        let pair = native_pty_system()
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("a pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.args(args);
        cmd.cwd(cwd);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("NO_COLOR");
        let state = (!env.iter().any(|(k, _)| *k == "XDG_STATE_HOME"))
            .then(|| tempfile::tempdir().expect("a state directory"));
        if let Some(dir) = &state {
            cmd.env("XDG_STATE_HOME", dir.path());
        }
        // The tester's own config must not change what the tests see.
        cmd.env("XDG_CONFIG_HOME", "/nonexistent/saidso-tests");
        // Nor a load cache of an earlier run: a fresh one per run, unless
        // the test names its own directory.
        let cache = (!env.iter().any(|(k, _)| *k == "XDG_CACHE_HOME"))
            .then(|| tempfile::tempdir().expect("a cache directory"));
        if let Some(dir) = &cache {
            cmd.env("XDG_CACHE_HOME", dir.path());
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("saidso starts");
        drop(pair.slave);
        let mut reader = pair.master.try_clone_reader().expect("pty reader");
        let writer = pair.master.take_writer().expect("pty writer");
        let shared = Arc::new(Mutex::new(Shared {
            parser: vt100::Parser::new(nz(rows), nz(cols), 0),
            raw: Vec::new(),
        }));
        let s = Arc::clone(&shared);
        let arrived = Arc::new(Condvar::new());
        let notify = Arc::clone(&arrived);
        thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                let mut s = s.lock().unwrap();
                s.parser.process(&buf[..n]);
                s.raw.extend_from_slice(&buf[..n]);
                notify.notify_all();
            }
        });
        Pty {
            shared,
            arrived,
            writer,
            master: pair.master,
            child,
            _state: state,
            _cache: cache,
        }
    }

    /// Type bytes as the keyboard would send them.
    pub fn send(&mut self, bytes: &[u8]) {
        self.writer.write_all(bytes).unwrap();
        self.writer.flush().unwrap();
    }

    pub fn keys(&mut self, keys: &str) {
        self.send(keys.as_bytes());
    }

    /// The screen as text, one line per row, once the program has stopped
    /// writing for a moment: a frame is never read half drawn (a test that
    /// waited for a title must not then read a box without its lines).
    pub fn screen(&self) -> String {
        let start = Instant::now();
        let mut seen = self.shared.lock().unwrap().raw.len();
        loop {
            thread::sleep(SETTLE);
            let s = self.shared.lock().unwrap();
            if s.raw.len() == seen || start.elapsed() > PATIENCE {
                return s.parser.screen().contents();
            }
            seen = s.raw.len();
        }
    }

    /// Everything the program wrote, escape sequences included.
    pub fn raw(&self) -> Vec<u8> {
        self.shared.lock().unwrap().raw.clone()
    }

    /// Run `f` on the emulated screen.
    pub fn with_screen<T>(&self, f: impl FnOnce(&vt100::Screen) -> T) -> T {
        f(self.shared.lock().unwrap().parser.screen())
    }

    /// Wait until the screen satisfies `pred`; fail with the screen shown.
    pub fn wait_for(&self, what: &str, pred: impl Fn(&str) -> bool) {
        self.wait_for_at(what, pred);
    }

    /// [`wait_for`](Self::wait_for), and when the screen first showed it
    /// (within microseconds of the output's arrival: the wait wakes on
    /// each write, not on a poll).
    pub fn wait_for_at(&self, what: &str, pred: impl Fn(&str) -> bool) -> Instant {
        let start = Instant::now();
        loop {
            let (screen, seen_at) = {
                let mut s = self.shared.lock().unwrap();
                if !pred(&s.parser.screen().contents()) {
                    s = self
                        .arrived
                        .wait_timeout(s, Duration::from_millis(20))
                        .unwrap()
                        .0;
                }
                (s.parser.screen().contents(), Instant::now())
            };
            // Seen now: confirm on the settled frame, so that what the test
            // reads next is the same frame, whole.
            if pred(&screen) && pred(&self.screen()) {
                return seen_at;
            }
            if start.elapsed() > PATIENCE {
                panic!("timed out waiting for {what}; the screen shows:\n{screen}");
            }
        }
    }

    /// Wait until the corpus has loaded: keys sent before would act on an
    /// empty list.
    pub fn wait_loaded(&self) {
        self.wait_for("the corpus to load", |s| {
            s.contains("Articles (") && !s.contains("loading")
        });
    }

    /// Wait until the screen contains `text`.
    pub fn wait_text(&self, text: &str) {
        self.wait_for(&format!("{text:?}"), |s| s.contains(text));
    }

    /// Send SIGTERM, as a system shutting down would, and wait for the
    /// exit.
    pub fn terminate(&mut self) -> u32 {
        self.signal("TERM")
    }

    /// Send the signal named (TERM, INT, HUP) and wait for the exit.
    pub fn signal(&mut self, name: &str) -> u32 {
        let pid = self.pid().expect("a pid");
        let status = std::process::Command::new("kill")
            .args([&format!("-{name}"), &pid.to_string()])
            .status()
            .expect("kill runs");
        assert!(status.success());
        self.wait_exit()
    }

    /// Change the terminal size, as a user dragging the window would.
    pub fn resize(&mut self, cols: u16, rows: u16) {
        self.shared
            .lock()
            .unwrap()
            .parser
            .set_size(nz(rows), nz(cols));
        self.master
            .resize(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .unwrap();
    }

    /// Wait for the program to end; its exit code.
    pub fn wait_exit(&mut self) -> u32 {
        let start = Instant::now();
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                // Let the reader thread take the last bytes.
                thread::sleep(Duration::from_millis(100));
                return status.exit_code();
            }
            if start.elapsed() > PATIENCE {
                let raw = self.raw();
                let tail =
                    String::from_utf8_lossy(&raw[raw.len().saturating_sub(300)..]).into_owned();
                let _ = self.child.kill();
                panic!(
                    "saidso did not exit; it last wrote {tail:?}\nthe screen shows:\n{}",
                    self.screen()
                );
            }
            thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn pid(&self) -> Option<u32> {
        self.child.process_id()
    }
}

impl Drop for Pty {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

fn nz(n: u16) -> std::num::NonZeroU16 {
    std::num::NonZeroU16::new(n.max(1)).unwrap()
}

/// Escape sequences for keys.
pub mod key {
    pub const DOWN: &str = "\x1b[B";
    pub const UP: &str = "\x1b[A";
    pub const ENTER: &str = "\r";
    pub const ESC: &str = "\x1b";
    pub const TAB: &str = "\t";
    pub const CTRL_D: &str = "\x04";
    pub const CTRL_U: &str = "\x15";
    pub const PAGE_DOWN: &str = "\x1b[6~";
    pub const END: &str = "\x1b[F";
    pub const HOME: &str = "\x1b[H";

    /// SGR mouse report (1-based cells): wheel down/up, left press/release.
    pub fn wheel_down(col: u16, row: u16) -> String {
        format!("\x1b[<65;{};{}M", col + 1, row + 1)
    }
    pub fn wheel_up(col: u16, row: u16) -> String {
        format!("\x1b[<64;{};{}M", col + 1, row + 1)
    }
    pub fn click(col: u16, row: u16) -> String {
        format!(
            "\x1b[<0;{};{}M\x1b[<0;{};{}m",
            col + 1,
            row + 1,
            col + 1,
            row + 1
        )
    }
}

/// The reader's text rows (under a header of up to seven rows) right of a
/// list pane `list_cols` wide, without the borders (which change with the
/// focus): what changes whenever the text scrolls.
pub fn reader_body(screen: &str, list_cols: usize) -> String {
    screen
        .lines()
        .skip(7)
        .take(20)
        .map(|l| {
            l.chars()
                .skip(list_cols + 1)
                .filter(|c| !matches!(c, '│' | '┃'))
                .collect::<String>()
        })
        .collect::<Vec<_>>()
        .join("\n")
}
