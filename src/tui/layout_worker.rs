//! The layout thread: long articles' layouts made away from the keys.
//!
//! One thread, so two 20 MB layouts never share the cores with the
//! filter; jobs waiting when it is free are dropped for the newest one
//! (the user who pressed j ten times wants the tenth article).

use std::sync::Arc;
use std::sync::mpsc::{self, Sender};
use std::thread;

use super::app::LayoutJob;
use super::msg::Msg;

pub struct LayoutWorker {
    jobs: Sender<Box<LayoutJob>>,
}

impl LayoutWorker {
    /// Start the thread; its layouts go to `out` as `Msg::LaidOut`.
    pub fn spawn(out: Sender<Msg>) -> std::io::Result<LayoutWorker> {
        let (jobs, rx) = mpsc::channel::<Box<LayoutJob>>();
        thread::Builder::new()
            .name("layout".into())
            .spawn(move || {
                while let Ok(mut job) = rx.recv() {
                    while let Ok(newer) = rx.try_recv() {
                        job = newer;
                    }
                    let layout = Arc::new(job.run());
                    if out.send(Msg::LaidOut(job.key, layout)).is_err() {
                        return;
                    }
                }
            })?;
        Ok(LayoutWorker { jobs })
    }

    pub fn submit(&self, job: Box<LayoutJob>) {
        // The thread is gone only when the app is leaving.
        let _ = self.jobs.send(job);
    }
}
