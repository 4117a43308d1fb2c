//! The config file: the default round-trips, bad files are rejected with
//! the file, line and problem, and good ones change what the reader uses.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use ratatui::style::{Color, Modifier};
use saidso::config::{Source, load::parse};
use saidso::tui::action::Action;
use saidso::tui::keymap::KeyMap;
use saidso::tui::layout::MAX_TEXT_WIDTH;
use saidso::tui::settings::{Settings, default_config};
use saidso::tui::theme::Theme;

const PATH: &str = "/home/u/.config/saidso/config.toml";

fn settings(text: &str) -> Result<Settings, Vec<String>> {
    settings_with(text, false)
}

fn settings_with(text: &str, no_color: bool) -> Result<Settings, Vec<String>> {
    let source = Source {
        path: PATH.into(),
        text: text.into(),
    };
    let loaded = parse(source).map_err(|e| vec![e.to_string()])?;
    Settings::from_config(&loaded, no_color, Some(Path::new("/home/u")))
        .map_err(|es| es.iter().map(ToString::to_string).collect())
}

fn one_error(text: &str) -> String {
    match settings(text) {
        Ok(_) => panic!("accepted:\n{text}"),
        Err(es) => {
            assert_eq!(es.len(), 1, "{es:#?}");
            es[0].clone()
        }
    }
}

fn same_keys(a: &KeyMap, b: &KeyMap) -> bool {
    Action::BINDABLE
        .iter()
        .all(|&x| a.keys_for(x) == b.keys_for(x))
}

#[test]
fn the_printed_default_loads_back_as_the_defaults() {
    let text = default_config::text();
    let s = settings(&text).unwrap_or_else(|e| panic!("{e:#?}\n{text}"));
    assert_eq!(s.theme, Theme::dark());
    assert!(same_keys(&s.keymap, &KeyMap::default()));
    assert_eq!((s.hide_noise, s.max_text_width), (false, MAX_TEXT_WIDTH));
    assert!(s.corpus_paths.is_empty());
    // Every action and style slot is there to be edited.
    for &(name, _) in Action::NAMES {
        assert!(text.contains(&format!("\n{name} = [")), "{name} missing");
    }
    for (slot, _, _) in saidso::tui::theme::SLOTS {
        assert!(text.contains(&format!("# {slot} = {{")), "{slot} missing");
    }
    // Uncommenting every example still loads.
    let uncommented: String = text
        .lines()
        .map(|l| match l.strip_prefix("# ") {
            Some(rest) if is_setting(rest) && !rest.starts_with("paths") => rest,
            _ => l,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let s = settings(&uncommented).unwrap_or_else(|e| panic!("{e:#?}\n{uncommented}"));
    assert_eq!(
        s.theme,
        Theme::dark(),
        "the dark theme's styles, spelled out"
    );
}

/// `name = value`, not prose that happens to contain " = ".
fn is_setting(line: &str) -> bool {
    line.split_once(" = ").is_some_and(|(k, _)| {
        !k.is_empty() && k.chars().all(|c| c.is_ascii_lowercase() || c == '-')
    })
}

#[test]
fn every_bindable_action_has_one_stable_name() {
    for &a in Action::BINDABLE {
        let name = a
            .name()
            .unwrap_or_else(|| panic!("{a:?} has no config name"));
        assert_eq!(Action::from_name(name), Some(a));
    }
    let mut names: Vec<&str> = Action::NAMES.iter().map(|(n, _)| *n).collect();
    names.sort_unstable();
    names.dedup();
    assert_eq!(names.len(), Action::NAMES.len(), "a name is used twice");
}

#[test]
fn a_bad_colour_names_the_file_line_and_key() {
    let e =
        one_error("[theme]\nname = \"light\"\n\n[theme.styles]\n\n\nquote = { fg = \"bleu\" }\n");
    assert_eq!(
        e,
        format!(
            "{PATH}:7: unknown colour \"bleu\" for theme.styles.quote.fg \
             (expected a name such as \"cyan\", \"#rrggbb\" or 0–255)"
        )
    );
    let e = one_error("[theme.styles]\nmatched = { bg = 300 }\n");
    assert!(
        e.starts_with(&format!("{PATH}:2: colour 300 is out of range")),
        "{e}"
    );
    let e = one_error("[theme]\nspeakers = [214, \"#zzzzzz\"]\n");
    assert!(
        e.contains(":2: unknown colour \"#zzzzzz\" for theme.speakers"),
        "{e}"
    );
    let e = one_error("[theme.styles]\nquote = { modifiers = [\"blink\"] }\n");
    assert!(
        e.contains(":2: unknown modifier \"blink\" for theme.styles.quote"),
        "{e}"
    );
}

#[test]
fn unknown_keys_sections_themes_and_styles_are_rejected() {
    let e = one_error("[reader]\nmax-width = 80\nwrap-width = 70\n");
    assert!(
        e.starts_with(&format!("{PATH}:3: unknown field `wrap-width`")),
        "{e}"
    );
    let e = one_error("\n[colours]\nquote = \"cyan\"\n");
    assert!(
        e.starts_with(&format!("{PATH}:2: unknown field `colours`")),
        "{e}"
    );
    let e = one_error("[theme]\nname = \"solarized\"\n");
    assert!(
        e.contains(":2: unknown theme \"solarized\" for theme.name (expected \"dark\", \"light\" or \"high-contrast\")"),
        "{e}"
    );
    let e = one_error("[theme.styles]\nquotes = { fg = \"cyan\" }\n");
    assert!(e.contains(":2: unknown style \"quotes\""), "{e}");
    let e = one_error("[theme.styles]\nquote = { colour = \"cyan\" }\n");
    assert!(e.contains(":2: unknown field `colour`"), "{e}");
    let e = one_error("[keys]\nnext-quot = \"]\"\n");
    assert!(
        e.contains(":2: unknown action \"next-quot\" in [keys]"),
        "{e}"
    );
    let e = one_error("[keys]\ndown = \"ctl-d\"\n");
    assert!(e.contains(":2: unknown key \"ctl-d\" for keys.down"), "{e}");
    let e = one_error("[reader]\nmax-width = 8\n");
    assert!(e.contains(":2: reader.max-width = 8 is too narrow"), "{e}");
    let e = one_error("[reader]\nhide-boilerplate = \"yes\"\n");
    assert!(e.starts_with(&format!("{PATH}:2: ")), "{e}");
    let e = one_error("not toml at all\n");
    assert!(e.starts_with(&format!("{PATH}:1: ")), "{e}");
}

#[test]
fn a_key_bound_to_two_actions_is_rejected_naming_both() {
    let e = one_error("[keys]\ndown = \"J\"\n\nnext-quote = [\"]\", \"J\"]\n");
    assert_eq!(
        e,
        format!("{PATH}:4: key \"J\" is bound to both next-quote and down (line 2)")
    );
    // Taking a default key of another action says how to free it.
    let e = one_error("[keys]\ndown = [\"j\", \"n\"]\n");
    assert_eq!(
        e,
        format!(
            "{PATH}:2: key \"n\" for keys.down is already next-match's by default \
             (give next-match other keys, or `next-match = []`)"
        )
    );
    // ...and freeing it works.
    let s = settings("[keys]\ndown = [\"j\", \"n\"]\nnext-match = [\"ctrl-n\"]\n").unwrap();
    assert_eq!(s.keymap.hint(Action::NextMatch), "Ctrl-n");
    let e = one_error("[keys]\nquit = []\nback = \"q\"\n");
    assert!(e.contains(":2: keys.quit needs at least one key"), "{e}");
}

#[test]
fn every_problem_is_reported_in_file_order() {
    let es = settings(
        "[theme]\nname = \"blue\"\n[theme.styles]\nquote = { fg = \"bleu\" }\n[keys]\nnope = \"x\"\n",
    )
    .unwrap_err();
    let lines: Vec<&str> = es.iter().map(|e| e.split(':').nth(1).unwrap()).collect();
    assert_eq!(lines, ["2", "4", "6"], "{es:#?}");
}

#[test]
fn rebinding_replaces_an_actions_keys_and_frees_the_old_ones() {
    let s = settings("[keys]\ndown = [\"J\", \"down\"]\nup = \"K\"\n").unwrap();
    let labels: Vec<String> = s
        .keymap
        .keys_for(Action::Down)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(labels, ["J", "↓"]);
    assert_eq!(s.keymap.hint(Action::Up), "K");
    // Other actions keep their defaults.
    assert!(same_keys_for(&s.keymap, Action::NextQuote));
}

fn same_keys_for(k: &KeyMap, a: Action) -> bool {
    k.keys_for(a) == KeyMap::default().keys_for(a)
}

#[test]
fn themes_by_name_overrides_and_no_color() {
    let s = settings("[theme]\nname = \"light\"\n").unwrap();
    assert_eq!(s.theme, Theme::light());
    assert_ne!(s.theme.selection, Theme::dark().selection);
    let s = settings("[theme]\nname = \"high-contrast\"\n").unwrap();
    assert_eq!(s.theme.name, "high-contrast");

    let s = settings(
        "[theme]\nname = \"light\"\nspeakers = [\"#e69f00\"]\n[theme.styles]\nquote = { fg = \"magenta\", bg = 17, modifiers = [\"bold\", \"underlined\"] }\n",
    )
    .unwrap();
    assert_eq!(s.theme.quote.fg, Some(Color::Magenta));
    assert_eq!(s.theme.quote.bg, Some(Color::Indexed(17)));
    assert_eq!(
        s.theme.quote.add_modifier,
        Modifier::BOLD | Modifier::UNDERLINED
    );
    assert_eq!(s.theme.speakers[0].fg, Some(Color::Rgb(0xe6, 0x9f, 0)));
    assert_eq!(s.theme.speakers[1], Theme::light().speakers[1]);
    assert_eq!(s.theme.title, Theme::light().title, "other slots untouched");

    // NO_COLOR wins over the theme and its colours...
    let text = "[theme]\nname = \"light\"\n[theme.styles]\nquote = { fg = \"magenta\" }\n";
    let s = settings_with(text, true).unwrap();
    assert_eq!(s.theme, Theme::monochrome());
    // ...but a broken file is still reported.
    assert!(settings_with("[theme.styles]\nquote = { fg = \"bleu\" }\n", true).is_err());
}

#[test]
fn reader_options_and_corpus_paths() {
    let s = settings(
        "[reader]\nhide-boilerplate = true\nmax-width = 0\n[corpus]\npaths = [\"~/news\", \"archive\", \"/srv/a.jsonl\"]\n",
    )
    .unwrap();
    assert!(s.hide_noise);
    assert_eq!(s.max_text_width, u16::MAX, "0 is the whole pane");
    assert_eq!(
        s.corpus_paths,
        [
            PathBuf::from("/home/u/news"),
            PathBuf::from("/home/u/.config/saidso/archive"),
            PathBuf::from("/srv/a.jsonl")
        ]
    );
    assert_eq!(
        settings("[reader]\nmax-width = 72\n")
            .unwrap()
            .max_text_width,
        72
    );
}

// The binary: exit status, stderr, and never a terminal for a bad file.

fn saidso(args: &[&str], config_home: &Path) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_saidso"))
        .args(args)
        .env("XDG_CONFIG_HOME", config_home)
        .env("HOME", config_home)
        .output()
        .expect("binary runs");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn write_config(home: &Path, text: &str) -> PathBuf {
    let dir = home.join("saidso");
    fs::create_dir_all(&dir).unwrap();
    let path = dir.join("config.toml");
    fs::write(&path, text).unwrap();
    path
}

#[test]
fn print_default_is_a_config_the_binary_accepts() {
    let home = tempfile::tempdir().unwrap();
    let (code, text, err) = saidso(&["config", "--print-default"], home.path());
    assert_eq!(code, 0, "{err}");
    assert!(text.starts_with("# saidso configuration."), "{text}");
    write_config(home.path(), &text);
    let (code, out, err) = saidso(&["list"], home.path());
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out.lines().count(), 5, "the bundled articles:\n{out}");
}

#[test]
fn config_path_says_which_file_is_read() {
    let home = tempfile::tempdir().unwrap();
    let expected = home.path().join("saidso").join("config.toml");
    let (code, out, err) = saidso(&["config", "--path"], home.path());
    assert_eq!(code, 0);
    assert_eq!(out.trim_end(), expected.display().to_string());
    assert!(
        err.contains("does not exist (the defaults are in use)"),
        "{err}"
    );
    let (_, out, _) = saidso(
        &["config", "--path", "--config", "/tmp/x.toml"],
        home.path(),
    );
    assert_eq!(out.trim_end(), "/tmp/x.toml");
}

#[test]
fn a_bad_config_stops_every_command_with_status_2_and_no_output() {
    let home = tempfile::tempdir().unwrap();
    let path = write_config(
        home.path(),
        "[theme]\nname = \"dark\"\n\n[theme.styles]\n\n\nquote = { fg = \"bleu\" }\n",
    );
    for args in [&[][..], &["list"], &["quotes"]] {
        let (code, out, err) = saidso(args, home.path());
        assert_eq!(code, 2, "{args:?}: {err}");
        assert_eq!(out, "", "{args:?}: nothing on stdout, no terminal codes");
        assert_eq!(
            err,
            format!(
                "saidso: {}:7: unknown colour \"bleu\" for theme.styles.quote.fg \
                 (expected a name such as \"cyan\", \"#rrggbb\" or 0–255)\n",
                path.display()
            )
        );
    }
    // `saidso config` still works, to fix the file with.
    let (code, _, _) = saidso(&["config", "--print-default"], home.path());
    assert_eq!(code, 0);
}

#[test]
fn a_missing_file_is_fine_by_default_but_not_when_named() {
    let home = tempfile::tempdir().unwrap();
    let (code, _, err) = saidso(&["list"], home.path());
    assert_eq!((code, err.as_str()), (0, ""));
    let missing = home.path().join("nope.toml");
    let (code, out, err) = saidso(
        &["list", "--config", missing.to_str().unwrap()],
        home.path(),
    );
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        format!(
            "saidso: {}: cannot read the config file: No such file or directory\n",
            missing.display()
        )
    );
}

#[test]
fn corpus_paths_stand_in_for_missing_paths() {
    let home = tempfile::tempdir().unwrap();
    let news = home.path().join("saidso").join("news");
    fs::create_dir_all(&news).unwrap();
    fs::write(
        news.join("story.txt"),
        "A headline from my own corpus\n\nThe first paragraph of a story.\n",
    )
    .unwrap();
    // Relative to the config file's directory.
    write_config(home.path(), "[corpus]\npaths = [\"news\"]\n");
    let (code, out, err) = saidso(&["list"], home.path());
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("A headline from my own corpus"), "{out}");
    assert_eq!(out.lines().count(), 1, "{out}");
    // A PATH on the command line wins.
    let (_, out, _) = saidso(
        &["list", news.join("..").join("nothing").to_str().unwrap()],
        home.path(),
    );
    assert!(!out.contains("my own corpus"), "{out}");
}

#[test]
fn the_default_bindings_give_each_key_one_action() {
    use saidso::tui::keymap::{DEFAULT_BINDINGS, KeyCombo};
    let mut keys: Vec<KeyCombo> = DEFAULT_BINDINGS
        .iter()
        .map(|(k, _)| KeyCombo::parse(k).unwrap())
        .collect();
    let n = keys.len();
    keys.sort_by_key(|k| format!("{k:?}"));
    keys.dedup();
    assert_eq!(keys.len(), n, "a default key does two things");
}

#[test]
fn the_readme_example_is_a_valid_config() {
    let readme = include_str!("../../README.md");
    let start = readme.find("```toml\n").expect("a toml example") + "```toml\n".len();
    let example = &readme[start..start + readme[start..].find("```").unwrap()];
    let s = settings(example).unwrap_or_else(|e| panic!("{e:#?}\n{example}"));
    assert_eq!(s.theme.name, "light");
    assert_eq!(s.keymap.hint(Action::Down), "J");
    assert!(s.hide_noise);
}

#[test]
fn list_sort_takes_a_known_order_and_names_the_line_of_another() {
    let home = tempfile::tempdir().unwrap();
    write_config(home.path(), "[list]\nsort = \"newest\"\n");
    let (code, _, err) = saidso(&["list"], home.path());
    assert_eq!((code, err.as_str()), (0, ""));
    let path = write_config(
        home.path(),
        "[reader]\nmouse = true\n\n[list]\nsort = \"date\"\n",
    );
    let (code, out, err) = saidso(&["list"], home.path());
    assert_eq!((code, out.as_str()), (2, ""));
    assert_eq!(
        err,
        format!(
            "saidso: {}:5: list.sort = \"date\": expected one of loaded, newest, oldest\n",
            path.display()
        )
    );
}
