//! The terminal reader: a thin layer over the core library.
//!
//! One loop: events from the input, loader and signal threads arrive on one
//! channel; each becomes an action applied by [`App::update`]; the screen is
//! drawn from the state when something changed.

pub mod action;
pub mod app;
pub mod clipboard;
pub mod compare_view;
pub mod effect;
pub mod event;
pub mod external;
pub mod filter;
pub mod input_gate;
pub mod keymap;
pub mod layout;
pub mod quote_view;
pub mod speakers_view;
pub mod terminal;
pub mod theme;
pub mod views;

use std::sync::Arc;
use std::sync::mpsc;

use crate::corpus::LoadRequest;
use crate::search::FilterWorker;

use app::App;
use effect::Effect;
use event::AppEvent;
use external::TempFiles;
use input_gate::InputGate;
use keymap::KeyMap;
use terminal::TerminalSession;
use theme::Theme;

/// Open the reader on `request` and run until the user quits.
pub fn run(request: LoadRequest) -> anyhow::Result<()> {
    let mut session = TerminalSession::enter()?;
    let (tx, rx) = mpsc::channel();
    let gate = Arc::new(InputGate::default());
    event::spawn_signals(tx.clone(), Arc::clone(&gate))?;
    event::spawn_input(tx.clone(), Arc::clone(&gate));
    // Copies of articles opened in $EDITOR or $PAGER, removed on return.
    let mut temps = TempFiles::default();
    let filter_tx = tx.clone();
    let worker = FilterWorker::spawn(move |ev| {
        let _ = filter_tx.send(AppEvent::Filter(ev));
    });
    let quote_worker = event::QuoteWorker::spawn(tx.clone());
    event::spawn_loader(request, tx, worker.handle(), quote_worker.clone());

    let size = session.terminal.size()?;
    let mut app = App::new(
        Theme::from_env(),
        KeyMap::default(),
        size.width,
        size.height,
    );
    session.terminal.draw(|f| views::draw(f, &app))?;
    while let Ok(first) = rx.recv() {
        let mut dirty = handle(&mut app, first)?;
        // Drain what else is waiting, then draw once.
        while let Ok(ev) = rx.try_recv() {
            dirty |= handle(&mut app, ev)?;
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
        for effect in app.take_effects() {
            match effect {
                Effect::SubmitFilter(q) => query = Some(q),
                Effect::FindQuotes(id) => quote_worker.request(id),
                Effect::SweepQuotes => quote_worker.sweep(),
                Effect::Copy(text) => copies.push(text),
                Effect::Open(request) => opens.push(request),
            }
        }
        if let Some(q) = query {
            app.filter_submitted(worker.submit(&q));
        }
        if dirty {
            session.terminal.draw(|f| views::draw(f, &app))?;
        }
        // Between frames, never inside one: the sequence must not land in
        // the middle of ratatui's cell updates.
        for text in copies {
            if let Err(e) = clipboard::copy(session.terminal.backend_mut(), &text) {
                app.message = Some(format!("Cannot copy: writing to the terminal failed: {e}"));
                session.terminal.draw(|f| views::draw(f, &app))?;
            }
        }
        for request in opens {
            let message = external::open(&mut session, &gate, &mut temps, &request)?;
            app.message = Some(message);
            // The window may have changed size while the program ran.
            let size = session.terminal.size()?;
            app.update(action::Action::Resize {
                width: size.width,
                height: size.height,
            });
            session.terminal.draw(|f| views::draw(f, &app))?;
        }
    }
    Ok(())
}

fn handle(app: &mut App, ev: AppEvent) -> anyhow::Result<bool> {
    match ev {
        AppEvent::Terminal(e) => Ok(app.handle_terminal_event(&e)),
        AppEvent::Load(e) => {
            app.apply_load(e);
            Ok(true)
        }
        AppEvent::Filter(e) => {
            app.apply_filter_event(e);
            Ok(true)
        }
        AppEvent::Quotes(found) => {
            app.apply_found(found);
            Ok(true)
        }
        AppEvent::Speakers(index) => {
            app.apply_speakers(*index);
            Ok(true)
        }
        AppEvent::Stop => {
            app.quit = true;
            Ok(false)
        }
        AppEvent::InputFailed(e) => anyhow::bail!("cannot read the terminal: {e}"),
    }
}
