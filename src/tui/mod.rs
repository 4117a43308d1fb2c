//! The terminal reader: a thin layer over the core library, in the Elm
//! style — messages in, one `update`, effects out, views drawn from state.
//!
//! # The path of one keystroke
//!
//! 1. **Input** ([`event`]): the input thread reads the key from the
//!    terminal and sends [`msg::Msg::Terminal`] on the runtime's one
//!    channel. The signal thread (`Msg::Stop`), the library's loader and
//!    quotations threads (`Msg::Load`, `Msg::Quotes`, `Msg::Speakers`) and
//!    the filter worker (`Msg::Filter`) send on the same channel.
//! 2. **Runtime** ([`runtime`]): the event loop takes the message (and
//!    whatever else is waiting) and hands each to `App::update`, the only
//!    way into the state.
//! 3. **Update** ([`app`]): a terminal event becomes an [`action::Action`]
//!    through the [`keymap`] (or, while a prompt has the keyboard, through
//!    [`prompt`]); `act` then tries, in order, the prompt being typed in,
//!    the take-out actions (copy, open, export), the overlay (help,
//!    problems), the actions every screen shares (quit, help, problems,
//!    resize), and last the screen the user is on ([`app::Screen`]:
//!    `app/browse`, `app/compare`, `app/speakers`, each holding its state
//!    and its update). `sync` then recomputes what follows from the state
//!    (layout from [`layout`], scroll bounds, the quotations to ask for).
//! 4. **Effects** ([`effect`]): what only the runtime can do is queued,
//!    never done by `update`: a numbered, parsed query for the filter
//!    worker, a request for an article's quotations or the sweep of all of
//!    them to the [`crate::library`], a clipboard write, $EDITOR or $PAGER.
//!    The runtime runs them after the messages are drained (only the
//!    newest query goes to the worker) and saves what was read.
//! 5. **Draw** ([`views`]): when anything may have changed, the frame is
//!    drawn from the state alone; views read `App` and never change it,
//!    and nothing on the update side imports them (measures both need —
//!    header rows, help and problems line counts — live in [`header`],
//!    [`help`] and [`problems`]).
//!
//! Worker results take the same path from step 2: a batch of articles, a
//! filter result for the query in force (older generations are dropped in
//! [`filter`]) or the corpus's speakers is folded in by `update`, which may
//! queue effects in turn.

pub mod action;
pub mod app;
pub mod clipboard;
pub mod cursor;
pub mod effect;
pub mod event;
pub mod external;
pub mod filter;
pub mod find;
pub mod header;
pub mod help;
pub mod input_gate;
pub mod keymap;
pub mod layout;
pub mod layout_worker;
pub mod msg;
pub mod problems;
pub mod prompt;
pub mod reading;
pub mod runtime;
pub mod settings;
pub mod terminal;
pub mod text;
pub mod theme;
pub mod views;
pub mod watch;

pub use runtime::run;
