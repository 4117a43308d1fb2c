//! The long random-input harness: `SAIDSO_RANDOM_CASES` inputs (default
//! 200,000) through every target of `fuzz::targets` in rotation, on every
//! core, each input drawn from its own seed so any failure can be run
//! again alone. A watchdog fails the run when one input takes longer than
//! `SAIDSO_RANDOM_TIMEOUT_MS` (default 2000) and stops it when one hangs.
//!
//! ```sh
//! SAIDSO_RANDOM_CASES=10000000 cargo test --release --test library -- \
//!     --ignored random_inputs --nocapture
//! SAIDSO_RANDOM_REPLAY=quotes:0x1234 cargo test --release --test library -- \
//!     --ignored random_inputs --nocapture      # one failing input again
//! ```
//! Also `SAIDSO_RANDOM_SEED` (another run), `SAIDSO_RANDOM_THREADS`,
//! `SAIDSO_RANDOM_TARGET` (one target only).

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering::Relaxed};
use std::time::{Duration, Instant};

use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};

use crate::fuzz::scratch::Scratch;
use crate::fuzz::targets::{Gens, TARGETS};

/// Cases a worker takes at a time.
const CHUNK: u64 = 64;
/// Failures kept for the report (all are counted).
const KEPT: usize = 20;

fn env_u64(name: &str, default: u64) -> u64 {
    match std::env::var(name) {
        Ok(v) => {
            let v = v.replace('_', "");
            match v.strip_prefix("0x") {
                Some(hex) => u64::from_str_radix(hex, 16),
                None => v.parse(),
            }
            .unwrap_or_else(|_| panic!("{name}={v} is not a number"))
        }
        Err(_) => default,
    }
}

/// splitmix64: a case number to a well-spread seed.
fn mix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

fn rng(seed: u64) -> TestRng {
    let mut bytes = [0; 16];
    bytes[..8].copy_from_slice(&seed.to_le_bytes());
    bytes[8..].copy_from_slice(&mix(seed).to_le_bytes());
    TestRng::from_seed(RngAlgorithm::XorShift, &bytes)
}

fn panic_message(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "(not a string)".into())
}

/// What one worker is doing, for the watchdog: target + 1 (0: between
/// inputs), the input's seed, and when it started (µs into the run).
#[derive(Default)]
struct Slot {
    target: AtomicUsize,
    seed: AtomicU64,
    started_us: AtomicU64,
}

struct Run {
    cases: u64,
    seed: u64,
    timeout: Duration,
    targets: Vec<usize>,
    start: Instant,
    next: AtomicU64,
    done: AtomicU64,
    failures: AtomicU64,
    kept: Mutex<Vec<String>>,
    /// Time spent per target, in µs.
    spent_us: Vec<AtomicU64>,
    slots: Vec<Slot>,
    finished: AtomicBool,
}

impl Run {
    fn since_start_us(&self) -> u64 {
        self.start.elapsed().as_micros() as u64
    }

    fn fail(&self, target: usize, seed: u64, why: &str) {
        let name = TARGETS[target].0;
        let line = format!("{name} (SAIDSO_RANDOM_REPLAY={name}:{seed:#x}): {why}");
        eprintln!("FAILED {line}");
        self.failures.fetch_add(1, Relaxed);
        let mut kept = self.kept.lock().unwrap();
        if kept.len() < KEPT {
            kept.push(line);
        }
    }

    fn worker(&self, slot: &Slot) {
        let scratch = Scratch::new();
        let gens = Gens::new();
        let mut runner = TestRunner::new_with_rng(Config::default(), rng(1));
        loop {
            let from = self.next.fetch_add(CHUNK, Relaxed);
            if from >= self.cases {
                return;
            }
            let to = (from + CHUNK).min(self.cases);
            for case in from..to {
                let t = self.targets[(case % self.targets.len() as u64) as usize];
                let seed = mix(self.seed ^ mix(case));
                *runner.rng() = rng(seed);
                slot.seed.store(seed, Relaxed);
                slot.started_us.store(self.since_start_us(), Relaxed);
                slot.target.store(t + 1, Relaxed);
                let began = Instant::now();
                let result = catch_unwind(AssertUnwindSafe(|| {
                    (TARGETS[t].1)(&gens, &mut runner, &scratch, false)
                }));
                let took = began.elapsed();
                slot.target.store(0, Relaxed);
                self.spent_us[t].fetch_add(took.as_micros() as u64, Relaxed);
                match result {
                    Ok(Ok(())) => {}
                    Ok(Err(why)) => self.fail(t, seed, &why),
                    Err(p) => self.fail(t, seed, &format!("panicked: {}", panic_message(&*p))),
                }
                if took > self.timeout {
                    self.fail(t, seed, &format!("timeout: took {took:?}"));
                }
            }
            self.done.fetch_add(to - from, Relaxed);
        }
    }

    /// Progress every 10 s; a hang (ten times the timeout) ends the
    /// process, since the input will not give its thread back.
    fn watchdog(&self) {
        let mut last_report = Instant::now();
        let mut warned = vec![0u64; self.slots.len()];
        while !self.finished.load(Relaxed) {
            std::thread::sleep(Duration::from_millis(100));
            let now = self.since_start_us();
            for (i, slot) in self.slots.iter().enumerate() {
                let t = slot.target.load(Relaxed);
                let started = slot.started_us.load(Relaxed);
                let busy = Duration::from_micros(now.saturating_sub(started));
                if t == 0 || busy <= self.timeout || warned[i] == started {
                    continue;
                }
                let (name, seed) = (TARGETS[t - 1].0, slot.seed.load(Relaxed));
                eprintln!("SLOW {name} (SAIDSO_RANDOM_REPLAY={name}:{seed:#x}): {busy:?} so far");
                warned[i] = started;
                if busy > self.timeout * 10 {
                    eprintln!("HUNG: stopping the run");
                    std::process::exit(2);
                }
            }
            if last_report.elapsed() >= Duration::from_secs(10) {
                last_report = Instant::now();
                let done = self.done.load(Relaxed);
                let secs = self.start.elapsed().as_secs_f64();
                eprintln!(
                    "random inputs: {done}/{} in {secs:.0} s ({:.0}/s), {} failures",
                    self.cases,
                    done as f64 / secs,
                    self.failures.load(Relaxed)
                );
            }
        }
    }
}

fn replay(spec: &str) {
    let (name, seed) = spec
        .split_once(':')
        .expect("SAIDSO_RANDOM_REPLAY=target:seed");
    let seed = u64::from_str_radix(seed.trim_start_matches("0x"), 16).expect("a hex seed");
    let (_, run) = TARGETS
        .iter()
        .find(|(n, _)| *n == name)
        .unwrap_or_else(|| panic!("no target {name}"));
    let mut runner = TestRunner::new_with_rng(Config::default(), rng(seed));
    let result = run(&Gens::new(), &mut runner, &Scratch::new(), true);
    assert_eq!(result, Ok(()));
}

#[test]
#[ignore = "long: SAIDSO_RANDOM_CASES random inputs (default 200,000); see README"]
fn random_inputs_harness() {
    if let Ok(spec) = std::env::var("SAIDSO_RANDOM_REPLAY") {
        return replay(&spec);
    }
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get() as u64);
    let threads = env_u64("SAIDSO_RANDOM_THREADS", cores).max(1) as usize;
    let only = std::env::var("SAIDSO_RANDOM_TARGET").ok();
    let targets: Vec<usize> = (0..TARGETS.len())
        .filter(|&t| only.as_deref().is_none_or(|o| o == TARGETS[t].0))
        .collect();
    assert!(!targets.is_empty(), "no target named {only:?}");
    let run = Run {
        cases: env_u64("SAIDSO_RANDOM_CASES", 200_000),
        seed: env_u64("SAIDSO_RANDOM_SEED", 0x5A1D_5000),
        timeout: Duration::from_millis(env_u64("SAIDSO_RANDOM_TIMEOUT_MS", 2000)),
        targets,
        start: Instant::now(),
        next: AtomicU64::new(0),
        done: AtomicU64::new(0),
        failures: AtomicU64::new(0),
        kept: Mutex::new(Vec::new()),
        spent_us: TARGETS.iter().map(|_| AtomicU64::new(0)).collect(),
        slots: (0..threads).map(|_| Slot::default()).collect(),
        finished: AtomicBool::new(false),
    };
    // The workers are the pool's threads, so the library's own rayon
    // work (loading, search) runs on them rather than queueing behind.
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .unwrap();
    std::thread::scope(|scope| {
        scope.spawn(|| run.watchdog());
        pool.broadcast(|ctx| run.worker(&run.slots[ctx.index()]));
        run.finished.store(true, Relaxed);
    });
    let secs = run.start.elapsed().as_secs_f64();
    let done = run.done.load(Relaxed);
    let per_case: Vec<String> = run
        .targets
        .iter()
        .map(|&t| {
            let n = (done / run.targets.len() as u64).max(1);
            format!("{} {} µs", TARGETS[t].0, run.spent_us[t].load(Relaxed) / n)
        })
        .collect();
    eprintln!("mean time per input: {}", per_case.join(", "));
    let failures = run.failures.load(Relaxed);
    eprintln!(
        "random inputs: {done} cases in {secs:.1} s ({:.0}/s on {threads} threads), \
         {failures} failures (seed {:#x})",
        done as f64 / secs,
        run.seed
    );
    let kept = run.kept.into_inner().unwrap();
    assert!(
        failures == 0,
        "{failures} failures, first:\n{}",
        kept.join("\n")
    );
}
