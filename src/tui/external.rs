//! Opening the article in another program: `e` in $VISUAL or $EDITOR,
//! `o` in $PAGER, and its link (`O`) in $BROWSER, else the desktop's
//! opener (xdg-open, or open on macOS); only http and https links, handed
//! to the program as one argument, never through a shell. The reader hands the terminal over (see
//! [`TerminalSession::suspend`]), waits for the program, and takes the
//! terminal back; whatever goes wrong becomes a status message.
//!
//! An article with no file of its own (bundled, read from standard input,
//! a record of a JSON file) is written to a read-only temporary file
//! first; those files are removed when the reader quits.

use std::fs::{self, File, OpenOptions};
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};

use super::input_gate::InputGate;
use super::terminal::TerminalSession;

/// Which program, and where it is configured.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Program {
    Editor,
    Pager,
    Browser,
}

/// The variables each program is looked up in, in order, and the
/// program used when none is set.
const LOOKUP: &[(Program, &[&str], &str)] = &[
    (Program::Editor, &["VISUAL", "EDITOR"], "vi"),
    (Program::Pager, &["PAGER"], "less"),
    (Program::Browser, &["BROWSER"], DESKTOP_OPENER),
];

/// What opens a link when $BROWSER is not set.
const DESKTOP_OPENER: &str = if cfg!(target_os = "macos") {
    "open"
} else {
    "xdg-open"
};

/// What to open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    /// The article's own file.
    File(PathBuf),
    /// An article with no file of its own: its text, a name for the
    /// temporary file, and why there is no file ("a bundled article").
    Copy {
        name: String,
        text: String,
        why: String,
    },
    /// The article's link (checked to be http or https).
    Url(String),
}

/// `url` if a browser may be given it: http or https, nothing else
/// (`file:`, `javascript:` and the like from a feed are refused).
pub fn web_link(url: &str) -> Result<&str, String> {
    let url = url.trim();
    let web = url.split_once("://").is_some_and(|(scheme, rest)| {
        matches!(scheme.to_ascii_lowercase().as_str(), "http" | "https")
            && !rest.is_empty()
            && !rest.starts_with('/')
    });
    if web {
        Ok(url)
    } else {
        Err(format!("Not a web link: {url}"))
    }
}

/// The browser's arguments: `%s` in its command replaced by the link (the
/// $BROWSER convention), else the link after them.
pub fn link_args(argv: &[String], url: &str) -> (Vec<String>, Vec<std::ffi::OsString>) {
    if argv.iter().any(|a| a.contains("%s")) {
        (
            argv.iter().map(|a| a.replace("%s", url)).collect(),
            Vec::new(),
        )
    } else {
        (argv.to_vec(), vec![url.into()])
    }
}

/// `e` or `o` on an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenRequest {
    pub program: Program,
    pub target: Target,
    /// The line (1-based) of the text at the top of the pane, for programs
    /// that can open a file there.
    pub line: Option<usize>,
}

/// Programs that open a file at a line, by the name they are run as, and
/// how they are told: `+N` before the file (vi, less and most editors and
/// pagers), or `FILE:N` (helix).
const AT_LINE: &[(&str, LineArg)] = &[
    ("vi", LineArg::Plus),
    ("vim", LineArg::Plus),
    ("nvim", LineArg::Plus),
    ("view", LineArg::Plus),
    ("nano", LineArg::Plus),
    ("emacs", LineArg::Plus),
    ("emacsclient", LineArg::Plus),
    ("micro", LineArg::Plus),
    ("kak", LineArg::Plus),
    ("joe", LineArg::Plus),
    ("ne", LineArg::Plus),
    ("less", LineArg::Plus),
    ("more", LineArg::Plus),
    ("most", LineArg::Plus),
    ("hx", LineArg::Colon),
    ("helix", LineArg::Colon),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LineArg {
    Plus,
    Colon,
}

/// The arguments after the program's own: the file, at `line` when the
/// program is known to take one (others just get the file).
pub fn file_args(argv: &[String], path: &Path, line: Option<usize>) -> Vec<std::ffi::OsString> {
    let name = argv
        .first()
        .map(|p| {
            Path::new(p)
                .file_name()
                .map_or(p.as_str().into(), |n| n.to_string_lossy())
        })
        .unwrap_or_default();
    let style = AT_LINE.iter().find(|(n, _)| *n == name).map(|(_, s)| *s);
    match (style, line) {
        (Some(LineArg::Plus), Some(n)) => vec![format!("+{n}").into(), path.into()],
        (Some(LineArg::Colon), Some(n)) => {
            let mut p = path.as_os_str().to_os_string();
            p.push(format!(":{n}"));
            vec![p]
        }
        _ => vec![path.into()],
    }
}

/// The command line for `program`: the first variable set (and not
/// blank), split like a shell word list ("code -w", "less -R"), else the
/// default. `var` reads the environment (tests pass their own).
pub fn command_line(
    program: Program,
    var: impl Fn(&str) -> Option<String>,
) -> Result<Vec<String>, String> {
    let (_, names, default) = LOOKUP
        .iter()
        .find(|(p, _, _)| *p == program)
        .copied()
        .unwrap_or((program, &[], "vi"));
    for name in names {
        let Some(value) = var(name).filter(|v| !v.trim().is_empty()) else {
            continue;
        };
        return match shell_words::split(&value) {
            Ok(words) if !words.is_empty() => Ok(words),
            Ok(_) => Err(format!("${name} names no program")),
            Err(e) => Err(format!("Cannot read ${name} ({value:?}): {e}")),
        };
    }
    Ok(vec![default.to_string()])
}

/// Temporary copies of articles, removed when dropped (the reader quits).
#[derive(Debug, Default)]
pub struct TempFiles {
    files: Vec<PathBuf>,
}

impl TempFiles {
    /// Write `text` to a new read-only file named after `name`.
    pub fn write(&mut self, name: &str, text: &str) -> io::Result<PathBuf> {
        let path = std::env::temp_dir().join(format!(
            "saidso-{}-{}-{}",
            std::process::id(),
            self.files.len() + 1,
            file_name(name)
        ));
        // create_new: never through a link someone left at that name.
        let mut f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)?;
        self.files.push(path.clone());
        f.write_all(text.as_bytes())?;
        if !text.ends_with('\n') {
            f.write_all(b"\n")?;
        }
        let mut perms = f.metadata()?.permissions();
        perms.set_readonly(true);
        fs::set_permissions(&path, perms)?;
        Ok(path)
    }
}

impl Drop for TempFiles {
    fn drop(&mut self) {
        for f in &self.files {
            let _ = fs::remove_file(f);
        }
    }
}

/// A file name made of `name`'s last component in safe characters, with
/// a `.txt` ending so that editors treat it as text.
fn file_name(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let mut safe: String = last
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || "._-".contains(c) {
                c
            } else {
                '_'
            }
        })
        .take(80)
        .collect();
    if safe.trim_matches(['.', '_']).is_empty() {
        safe = "article".into();
    }
    if !safe.ends_with(".txt") && !safe.ends_with(".md") {
        safe.push_str(".txt");
    }
    safe
}

/// Open the request's article in its program, with the terminal handed
/// over for the while. Ok(message) whatever the program did; Err only
/// when the terminal cannot be taken back.
pub fn open(
    session: &mut TerminalSession,
    gate: &InputGate,
    temps: &mut TempFiles,
    request: &OpenRequest,
) -> io::Result<String> {
    let argv = match command_line(request.program, |k| std::env::var(k).ok()) {
        Ok(argv) => argv,
        Err(message) => return Ok(message),
    };
    let shown = shown(&argv);
    let (argv, files, note) = match &request.target {
        Target::Url(url) => {
            let (argv, files) = link_args(&argv, url);
            (argv, files, String::new())
        }
        Target::File(p) => (
            argv.clone(),
            file_args(&argv, p, request.line),
            String::new(),
        ),
        Target::Copy { name, text, why } => match temps.write(name, text) {
            Ok(p) => (
                argv.clone(),
                file_args(&argv, &p, request.line),
                format!(" · a read-only copy: {why} has no file of its own"),
            ),
            Err(e) => {
                return Ok(format!(
                    "Cannot write a temporary copy of {name} to open: {e}"
                ));
            }
        },
    };
    // Parked, or gone (then the wait timed out): either way no key read.
    gate.pause();
    if let Err(e) = session.suspend() {
        gate.resume();
        return Err(e);
    }
    let status = run(&argv, &files);
    let back = session.resume();
    gate.resume();
    back?;
    Ok(match status {
        Ok(s) if s.success() => format!("Back from {shown}{note}"),
        Ok(s) => match s.code() {
            Some(code) => format!("{shown} exited with status {code}{note}"),
            None => format!("{shown} was stopped by a signal{note}"),
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            let var = match request.program {
                Program::Editor => "$VISUAL or $EDITOR",
                Program::Pager => "$PAGER",
                Program::Browser => "$BROWSER",
            };
            format!("Cannot run {}: not found (set {var})", argv[0])
        }
        Err(e) => format!("Cannot run {}: {e}", argv[0]),
    })
}

/// The command as messages name it: the program's file name and its
/// arguments, quoted as a shell would ("code -w", "less -R").
fn shown(argv: &[String]) -> String {
    let mut words = argv.to_vec();
    if let Some(name) = Path::new(&argv[0]).file_name().and_then(|n| n.to_str()) {
        words[0] = name.to_string();
    }
    shell_words::join(words)
}

/// Run `argv path` on the terminal and wait for it. Its input is the
/// terminal even when ours is a pipe (`saidso -` reads an article from
/// standard input).
fn run(argv: &[String], files: &[std::ffi::OsString]) -> io::Result<ExitStatus> {
    let mut cmd = Command::new(&argv[0]);
    cmd.args(&argv[1..]).args(files);
    if !io::stdin().is_terminal()
        && let Ok(tty) = File::open("/dev/tty")
    {
        cmd.stdin(Stdio::from(tty));
    }
    cmd.status()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_programs_open_at_the_line_and_others_just_the_file() {
        let args = |argv: &[&str], line| {
            let argv: Vec<String> = argv.iter().map(|s| s.to_string()).collect();
            file_args(&argv, Path::new("/a/b.txt"), line)
                .into_iter()
                .map(|a| a.to_string_lossy().into_owned())
                .collect::<Vec<_>>()
        };
        assert_eq!(args(&["vim"], Some(12)), ["+12", "/a/b.txt"]);
        assert_eq!(args(&["/usr/bin/less", "-R"], Some(3)), ["+3", "/a/b.txt"]);
        assert_eq!(args(&["hx"], Some(7)), ["/a/b.txt:7"]);
        assert_eq!(args(&["code", "-w"], Some(7)), ["/a/b.txt"]);
        assert_eq!(args(&["vim"], None), ["/a/b.txt"]);
    }

    fn env<'a>(vars: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            vars.iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn visual_then_editor_then_vi() {
        let ed = |vars| command_line(Program::Editor, env(vars)).unwrap();
        assert_eq!(ed(&[]), ["vi"]);
        assert_eq!(ed(&[("EDITOR", "nano")]), ["nano"]);
        assert_eq!(
            ed(&[("EDITOR", "nano"), ("VISUAL", "code -w")]),
            ["code", "-w"]
        );
        assert_eq!(ed(&[("VISUAL", "  "), ("EDITOR", "nano")]), ["nano"]);
        assert_eq!(
            ed(&[("EDITOR", "'/opt/my editor/bin/ed' --flag=\"a b\"")]),
            ["/opt/my editor/bin/ed", "--flag=a b"]
        );
        assert_eq!(
            command_line(Program::Pager, env(&[("PAGER", "less -R")])).unwrap(),
            ["less", "-R"]
        );
        assert_eq!(command_line(Program::Pager, env(&[])).unwrap(), ["less"]);
        let err = command_line(Program::Editor, env(&[("EDITOR", "vi 'oops")])).unwrap_err();
        assert!(err.contains("$EDITOR"), "{err}");
    }

    #[test]
    fn temporary_copies_are_read_only_and_removed() {
        let mut t = TempFiles::default();
        let p = t.write("bundled/../000 odd\u{1b}name", "Text").unwrap();
        let name = p.file_name().unwrap().to_str().unwrap().to_string();
        assert!(name.ends_with("-000_odd_name.txt"), "{name}");
        assert_eq!(fs::read_to_string(&p).unwrap(), "Text\n");
        assert!(fs::metadata(&p).unwrap().permissions().readonly());
        drop(t);
        assert!(!p.exists());
    }

    #[test]
    fn messages_name_the_program_briefly() {
        let argv = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(shown(&argv(&["/usr/bin/vi"])), "vi");
        assert_eq!(shown(&argv(&["code", "-w"])), "code -w");
        assert_eq!(shown(&argv(&["sh", "-c", "exit 3"])), "sh -c 'exit 3'");
    }

    #[test]
    fn only_web_links_go_to_the_browser_as_one_argument() {
        assert_eq!(
            web_link(" https://example.com/a?b=1 "),
            Ok("https://example.com/a?b=1")
        );
        assert_eq!(web_link("HTTP://x.org"), Ok("HTTP://x.org"));
        for bad in [
            "file:///etc/passwd",
            "javascript:alert(1)",
            "example.com",
            "http:",
            "",
        ] {
            assert!(web_link(bad).is_err(), "{bad}");
        }
        let argv = |s: &[&str]| s.iter().map(|w| w.to_string()).collect::<Vec<_>>();
        let url = "https://x.org/a b;rm -rf ~";
        assert_eq!(
            link_args(&argv(&["firefox", "--new-tab"]), url),
            (argv(&["firefox", "--new-tab"]), vec![url.into()])
        );
        assert_eq!(
            link_args(&argv(&["lynx", "-dump", "%s"]), url),
            (argv(&["lynx", "-dump", url]), vec![])
        );
        let opener = command_line(Program::Browser, |_| None).unwrap();
        assert_eq!(opener, [DESKTOP_OPENER]);
    }

    #[test]
    fn file_names_are_never_empty() {
        assert_eq!(file_name(".."), "article.txt");
        assert_eq!(file_name("notes.md"), "notes.md");
        assert_eq!(file_name("feed.json#3"), "feed.json_3.txt");
    }
}
