//! The headless binary, run as a script would: exit code, stdout, stderr.

use std::process::Command;

/// `saidso ARGS…`: (exit code, stdout, stderr), both lossily UTF-8.
pub fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_saidso"))
        .args(args)
        .output()
        .expect("the binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}
