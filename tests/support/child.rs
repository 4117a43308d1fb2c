//! One test of this binary run as a child process (a writer to kill, a
//! second instance), told its directory through an environment variable.

use std::path::Path;
use std::process::{Child, Command, Stdio};

/// Start test `name` (its full path, `module::test`) of the running test
/// binary alone, with `var` set to `dir`, its output thrown away.
pub fn spawn_test(name: &str, var: &str, dir: &Path) -> Child {
    Command::new(std::env::current_exe().expect("the test binary's path"))
        .args(["--exact", name, "--test-threads=1"])
        .env(var, dir)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("the test binary runs")
}
