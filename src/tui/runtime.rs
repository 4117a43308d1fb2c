//! The runtime: the threads, the one channel they feed, and the loop that
//! hands each message to [`App::update`], runs the effects it asks for and
//! draws. It holds no state of its own beyond the workers' handles.

use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;

use crate::corpus::LoadRequest;
use crate::library::Library;
use crate::search::FilterWorker;
use crate::state::{StateStore, StateWriter};

use super::app::App;
use super::app::compare::CompareJob;
use super::effect::Effect;
use super::external::{self, TempFiles};
use super::input_gate::InputGate;
use super::layout_worker::LayoutWorker;
use super::msg::Msg;
use super::reading::Reading;
use super::settings::Settings;
use super::terminal::TerminalSession;
use super::watch::Watch;
use super::{action, clipboard, event, views};

/// Open the reader on `request` and run until the user quits. With a
/// `state_dir`, reading state is read from it at start and saved to it
/// while reading and on every way out; without, nothing is read or written.
/// The status is success, or 128 + the signal's number when a signal
/// ended the reader.
pub fn run(
    request: LoadRequest,
    settings: Settings,
    state_dir: Option<PathBuf>,
) -> anyhow::Result<ExitCode> {
    // Read before the terminal is taken: a warning goes into the app.
    let history_dir = state_dir.clone();
    let history = state_dir
        .as_deref()
        .map(crate::state::history::load)
        .unwrap_or_default();
    let store = state_dir.map(StateStore::new);
    let loaded = store.as_ref().map(StateStore::load);
    let corpus = crate::state::corpus_key(&request);
    let mut session = TerminalSession::enter(settings.mouse)?;
    let (tx, rx) = mpsc::channel();
    let writer = store.map(|store| {
        let tx = tx.clone();
        StateWriter::spawn(store, move |w| {
            let _ = tx.send(Msg::StateWarning(w));
        })
    });
    let gate = Arc::new(InputGate::default());
    event::spawn_signals(tx.clone(), Arc::clone(&gate))?;
    event::spawn_input(tx.clone(), Arc::clone(&gate))?;
    let filter_tx = tx.clone();
    let compare_tx = tx.clone();
    let worker = FilterWorker::spawn(move |ev| {
        let _ = filter_tx.send(Msg::Filter(ev));
    });
    let watch = Watch::spawn(tx.clone())?;
    let layouts = LayoutWorker::spawn(tx.clone())?;
    let library = Library::spawn(request, worker.handle(), move |ev| {
        tx.send(ev.into()).is_ok()
    })?;

    let size = session.terminal.size()?;
    let mut app = App::new(settings.theme, settings.keymap, size.width, size.height);
    app.hide_noise = settings.hide_noise;
    app.history = history;
    app.max_text_width = settings.max_text_width;
    app.list_order = settings.list_order;
    // `--query`: typed into the filter prompt, as the user would.
    if let Some(query) = &settings.query {
        app.update(action::Action::Filter);
        for c in query.chars() {
            app.update(action::Action::FilterInsert(c));
        }
    }
    if let Some((state, warning)) = loaded {
        app.reading = Reading::new(state, corpus);
        app.reading.warnings.extend(warning);
    }
    let mut helpers = Helpers {
        worker,
        library,
        writer,
        gate,
        temps: TempFiles::default(),
        tx: compare_tx,
        watch,
        layouts,
        state_dir: history_dir,
        remembering: Vec::new(),
        comparing: None,
    };
    let result = event_loop(&mut session, &mut app, &rx, &mut helpers);
    for pending in helpers.remembering.drain(..) {
        let _ = pending.join();
    }
    let writer = helpers.writer.take();
    // Every way out (q, Ctrl-c, a signal, an error) saves what was read.
    let warnings = writer.map_or_else(Vec::new, |w| {
        w.save(app.take_reading_changes());
        w.finish()
    });
    drop(session);
    for w in warnings {
        crate::export::terminal::warn(&w.to_string());
    }
    // The terminal is the user's again; when loading had finished, give
    // the loader a moment to finish writing the load cache (quitting in
    // the middle of loading does not wait).
    if app.loading.done {
        helpers.library.wait_for_loader(LOADER_GRACE);
    }
    // Likewise the quotation store, once the speakers are in.
    if app.speakers.is_some() {
        helpers.library.wait_for_store(LOADER_GRACE);
    }
    result?;
    // Ended by a signal: say so as a shell does (SIGTERM 143, SIGINT 130),
    // now that the terminal is restored and the state saved.
    Ok(match app.stopped_by {
        Some(signal) => ExitCode::from(u8::try_from(128 + signal).unwrap_or(1)),
        None => ExitCode::SUCCESS,
    })
}

/// How long quitting waits for the loader to finish writing the cache.
const LOADER_GRACE: std::time::Duration = std::time::Duration::from_secs(3);

/// What the loop hands work to, besides the app.
struct Helpers {
    worker: FilterWorker,
    library: Library,
    writer: Option<StateWriter>,
    /// Stops the input thread while $EDITOR or $PAGER has the terminal.
    gate: Arc<InputGate>,
    /// Copies of articles opened in $EDITOR or $PAGER, removed when the
    /// reader ends.
    temps: TempFiles,
    /// Where threads send what they made.
    tx: mpsc::Sender<Msg>,
    /// Looks at the file on screen for changes.
    watch: Watch,
    /// Lays out long articles.
    layouts: LayoutWorker,
    /// History writes still running.
    remembering: Vec<std::thread::JoinHandle<()>>,
    /// Where the reading state and the query history are kept, if anywhere.
    state_dir: Option<PathBuf>,
    /// The cancel flag of the comparison running on a thread.
    comparing: Option<Arc<AtomicBool>>,
}

impl Helpers {
    /// Compare two long articles on a thread of their own; the result
    /// comes back as `Msg::Compared` unless the job is cancelled first.
    fn compare(&mut self, job: CompareJob) {
        self.cancel_compare();
        self.comparing = Some(Arc::clone(&job.cancel));
        let tx = self.tx.clone();
        let spawned = std::thread::Builder::new()
            .name("compare".into())
            .spawn(move || {
                if let Some(prepared) = job.run() {
                    let _ = tx.send(Msg::Compared(job.generation, Box::new(prepared)));
                }
            });
        if let Err(e) = spawned {
            let _ = self.tx.send(Msg::Report(format!(
                "Cannot compare: no thread for it: {e}"
            )));
        }
    }

    /// Add a query to the history file on a thread of its own: it is read,
    /// written and synced to disk, which the keys should not wait for.
    fn remember(&mut self, query: String) {
        let Some(dir) = self.state_dir.clone() else {
            return;
        };
        let tx = self.tx.clone();
        let spawned = std::thread::Builder::new()
            .name("history".into())
            .spawn(move || {
                if let Err(e) = crate::state::history::add(&dir, &query) {
                    let _ = tx.send(Msg::Report(format!("Cannot keep the query: {e}")));
                }
            });
        // Waited for on the way out, so that quitting loses no query.
        self.remembering.extend(spawned.ok());
    }

    fn cancel_compare(&mut self) {
        if let Some(flag) = self.comparing.take() {
            flag.store(true, Ordering::Relaxed);
        }
    }
}

fn event_loop(
    session: &mut TerminalSession,
    app: &mut App,
    rx: &mpsc::Receiver<Msg>,
    h: &mut Helpers,
) -> anyhow::Result<()> {
    session.terminal.draw(|f| views::draw(f, app))?;
    while let Ok(first) = rx.recv() {
        let mut dirty = handle(app, first)?;
        // Drain what else is waiting, then draw once.
        while let Ok(msg) = rx.try_recv() {
            dirty |= handle(app, msg)?;
            if app.quit {
                break;
            }
        }
        if app.quit {
            break;
        }
        // Keys typed faster than we draw: only the newest query matters.
        let mut query = None;
        let mut copies = Vec::new();
        let mut opens = Vec::new();
        let mut suspend = false;
        for effect in app.take_effects() {
            match effect {
                Effect::SubmitFilter {
                    generation,
                    query: q,
                } => query = Some((generation, q)),
                Effect::FindQuotes(id) => h.library.request(id),
                Effect::SweepQuotes => h.library.sweep(),
                Effect::Copy(text) => copies.push(text),
                Effect::Open(request) => opens.push(request),
                Effect::Compare(job) => h.compare(*job),
                Effect::CancelCompare => h.cancel_compare(),
                Effect::Layout(job) => h.layouts.submit(job),
                Effect::Replace(r) => h.library.replace(r.id, *r.article),
                Effect::Suspend => suspend = true,
                Effect::RememberQuery(q) => h.remember(q),
            }
        }
        if let Some((generation, q)) = query {
            h.worker.submit_as(generation, q);
        }
        if let Some(w) = &h.writer {
            w.save(app.take_reading_changes());
        }
        h.watch.show(app.watched_file());
        if dirty {
            session.terminal.draw(|f| views::draw(f, app))?;
        }
        // Between frames, never inside one: the sequence must not land in
        // the middle of ratatui's cell updates.
        for text in copies {
            if let Err(e) = clipboard::copy(session.terminal.backend_mut(), &text) {
                app.update(Msg::Report(format!(
                    "Cannot copy: writing to the terminal failed: {e}"
                )));
                session.terminal.draw(|f| views::draw(f, app))?;
            }
        }
        if suspend {
            stop_until_resumed(session, &h.gate)?;
            let size = session.terminal.size()?;
            app.update(action::Action::Resize {
                width: size.width,
                height: size.height,
            });
            session.terminal.draw(|f| views::draw(f, app))?;
        }
        for request in opens {
            let message = external::open(session, &h.gate, &mut h.temps, &request)?;
            app.update(Msg::Report(message));
            // The window may have changed size while the program ran.
            let size = session.terminal.size()?;
            app.update(action::Action::Resize {
                width: size.width,
                height: size.height,
            });
            session.terminal.draw(|f| views::draw(f, app))?;
        }
    }
    Ok(())
}

/// Ctrl-z: give the terminal back as it was, stop as the shell expects
/// (SIGTSTP, whose default action stops the process), and take the
/// terminal again when `fg` continues it.
fn stop_until_resumed(session: &mut TerminalSession, gate: &InputGate) -> anyhow::Result<()> {
    gate.pause();
    if let Err(e) = session.suspend() {
        gate.resume();
        return Err(e.into());
    }
    let stopped = signal_hook::low_level::raise(signal_hook::consts::SIGTSTP);
    let back = session.resume();
    gate.resume();
    stopped?;
    back?;
    Ok(())
}

/// One message into the app; whether the screen may have changed. A
/// terminal that cannot be read ends the loop with that error.
fn handle(app: &mut App, msg: Msg) -> anyhow::Result<bool> {
    if let Msg::InputFailed(e) = &msg {
        anyhow::bail!("cannot read the terminal: {e}");
    }
    Ok(app.update(msg))
}
