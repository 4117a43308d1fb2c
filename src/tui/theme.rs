//! Every style the views use, by meaning. Views ask for `theme.quote`, never
//! for a colour, so a theme (or NO_COLOR) changes the whole look at once.

use ratatui::style::{Color, Modifier, Style};

/// Semantic style slots.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub name: &'static str,
    /// Ordinary text.
    pub text: Style,
    /// Secondary text: bylines, counts, hints.
    pub dim: Style,
    /// Article title in the reader header and list.
    pub title: Style,
    /// Paragraphs that are not the story (boilerplate, repeats, captions).
    pub noise: Style,
    /// The marker line standing for hidden paragraphs.
    pub hidden_marker: Style,
    /// Selected list row when the list has focus / when it does not.
    pub selection: Style,
    pub selection_unfocused: Style,
    pub border: Style,
    pub border_focused: Style,
    /// Bottom bar and its key names.
    pub status: Style,
    pub status_key: Style,
    /// Messages that need attention (problems, errors).
    pub warning: Style,
    /// Characters matched by the filter.
    pub matched: Style,
    /// The filter prompt.
    pub prompt: Style,
    /// Overlay boxes (help, problems).
    pub overlay: Style,
    pub overlay_heading: Style,
    /// Quotation text, marks included.
    pub quote: Style,
    /// A speaker's name in the attributing clause (patched with the
    /// speaker's colour).
    pub speaker: Style,
    /// The "— Lavrov (continued)" after a quotation whose speaker was
    /// inferred, and "pronoun" or "via TASS" in the quotations-only view.
    pub quote_tag: Style,
    /// The gutter bar of a quotation nobody is said to have spoken.
    pub unattributed: Style,
    /// The mark on the article picked for a comparison.
    pub mark: Style,
    /// The number beside a quotation both compared articles have.
    pub group_marker: Style,
    /// Words of a shared statement only the left article prints / only
    /// the right one prints. Struck through and underlined in every theme,
    /// so colour is never the only sign.
    pub diff_delete: Style,
    pub diff_insert: Style,
    /// One colour per speaker of an article, told apart by colour-blind
    /// readers too (Okabe–Ito); empty styles under NO_COLOR.
    pub speakers: [Style; SPEAKER_COLOURS],
}

/// Speakers of one article that get colours of their own.
pub const SPEAKER_COLOURS: usize = 7;

/// The Okabe–Ito palette as the nearest xterm-256 colours (which every
/// 256-colour terminal shows alike, unlike true colour): orange, sky blue,
/// bluish green, yellow, blue, vermillion, reddish purple.
const OKABE_ITO_256: [u8; SPEAKER_COLOURS] = [214, 74, 36, 227, 32, 166, 175];
/// The same hues, darker, for a white background.
const OKABE_ITO_ON_LIGHT_256: [u8; SPEAKER_COLOURS] = [166, 31, 29, 136, 25, 160, 126];
/// The same hues, lighter, for the high-contrast theme.
const OKABE_ITO_BRIGHT_256: [u8; SPEAKER_COLOURS] = [214, 117, 48, 227, 75, 203, 213];

/// Builds a theme.
pub type MakeTheme = fn() -> Theme;
/// One style of a theme, to read or replace.
pub type SlotOf = fn(&mut Theme) -> &mut Style;

/// The themes a config file can name.
pub const BUILT_IN: &[(&str, MakeTheme)] = &[
    ("dark", Theme::dark),
    ("light", Theme::light),
    ("high-contrast", Theme::high_contrast),
];

/// Every single-style slot by the name a config file uses, with what it
/// is for (the default config lists them), so overrides are one table.
pub const SLOTS: &[(&str, &str, SlotOf)] = &[
    ("text", "ordinary text", |t| &mut t.text),
    ("dim", "secondary text: bylines, counts, hints", |t| {
        &mut t.dim
    }),
    ("title", "article titles", |t| &mut t.title),
    ("noise", "boilerplate and repeated paragraphs", |t| {
        &mut t.noise
    }),
    (
        "hidden-marker",
        "the line standing for hidden paragraphs",
        |t| &mut t.hidden_marker,
    ),
    ("selection", "the selected article, list focused", |t| {
        &mut t.selection
    }),
    (
        "selection-unfocused",
        "the selected article, reader focused",
        |t| &mut t.selection_unfocused,
    ),
    ("border", "pane borders", |t| &mut t.border),
    ("border-focused", "the focused pane's border", |t| {
        &mut t.border_focused
    }),
    ("status", "the status bar", |t| &mut t.status),
    ("status-key", "key names in the status bar and help", |t| {
        &mut t.status_key
    }),
    ("warning", "problems and errors", |t| &mut t.warning),
    ("matched", "characters matched by the filter", |t| {
        &mut t.matched
    }),
    ("prompt", "the filter prompt", |t| &mut t.prompt),
    ("overlay", "help and problem boxes", |t| &mut t.overlay),
    ("overlay-heading", "headings in those boxes", |t| {
        &mut t.overlay_heading
    }),
    ("quote", "quotation text", |t| &mut t.quote),
    ("speaker", "a speaker's name where it is said", |t| {
        &mut t.speaker
    }),
    (
        "quote-tag",
        "the tag naming an inferred speaker: \"— Lavrov (continued)\"",
        |t| &mut t.quote_tag,
    ),
    (
        "unattributed",
        "the bar of a quotation nobody is said to have said",
        |t| &mut t.unattributed,
    ),
    ("mark", "the article marked for a comparison", |t| {
        &mut t.mark
    }),
    (
        "group-marker",
        "numbers of statements both compared articles quote",
        |t| &mut t.group_marker,
    ),
    ("diff-delete", "words only the left article prints", |t| {
        &mut t.diff_delete
    }),
    ("diff-insert", "words only the right article prints", |t| {
        &mut t.diff_insert
    }),
];

impl Theme {
    /// The default: dark background, restrained accents.
    pub fn dark() -> Self {
        let accent = Color::Cyan;
        Theme {
            name: "dark",
            text: Style::new(),
            dim: Style::new().fg(Color::DarkGray),
            title: Style::new().add_modifier(Modifier::BOLD),
            noise: Style::new().fg(Color::DarkGray).add_modifier(Modifier::DIM),
            hidden_marker: Style::new()
                .fg(Color::DarkGray)
                .add_modifier(Modifier::ITALIC),
            selection: Style::new()
                .fg(Color::Black)
                .bg(accent)
                .add_modifier(Modifier::BOLD),
            selection_unfocused: Style::new().add_modifier(Modifier::REVERSED),
            border: Style::new().fg(Color::DarkGray),
            border_focused: Style::new().fg(accent),
            status: Style::new().fg(Color::Gray),
            status_key: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            warning: Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
            matched: Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
            prompt: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            overlay: Style::new(),
            overlay_heading: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            quote: Style::new()
                .fg(Color::Indexed(151))
                .add_modifier(Modifier::ITALIC),
            speaker: Style::new().add_modifier(Modifier::BOLD),
            quote_tag: Style::new().fg(Color::DarkGray),
            unattributed: Style::new().fg(Color::DarkGray),
            mark: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            group_marker: Style::new()
                .fg(Color::Black)
                .bg(Color::Indexed(151))
                .add_modifier(Modifier::BOLD),
            diff_delete: Style::new()
                .fg(Color::Red)
                .add_modifier(Modifier::CROSSED_OUT),
            diff_insert: Style::new()
                .fg(Color::Green)
                .add_modifier(Modifier::UNDERLINED),
            speakers: OKABE_ITO_256.map(|c| Style::new().fg(Color::Indexed(c))),
        }
    }

    /// For light backgrounds: darker accents that keep their contrast on
    /// white, and the Okabe–Ito hues in darker shades (yellow on white is
    /// unreadable, so it becomes ochre).
    pub fn light() -> Self {
        let accent = Color::Blue;
        let grey = Color::Indexed(244);
        let green = Color::Indexed(22);
        Theme {
            name: "light",
            text: Style::new(),
            dim: Style::new().fg(grey),
            title: Style::new().add_modifier(Modifier::BOLD),
            noise: Style::new().fg(Color::Indexed(247)),
            hidden_marker: Style::new().fg(grey).add_modifier(Modifier::ITALIC),
            selection: Style::new()
                .fg(Color::White)
                .bg(accent)
                .add_modifier(Modifier::BOLD),
            selection_unfocused: Style::new().add_modifier(Modifier::REVERSED),
            border: Style::new().fg(Color::Indexed(250)),
            border_focused: Style::new().fg(accent),
            status: Style::new().fg(Color::Indexed(238)),
            status_key: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            warning: Style::new()
                .fg(Color::Indexed(130))
                .add_modifier(Modifier::BOLD),
            matched: Style::new()
                .fg(Color::Black)
                .bg(Color::Indexed(228))
                .add_modifier(Modifier::BOLD),
            prompt: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            overlay: Style::new(),
            overlay_heading: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            quote: Style::new().fg(green).add_modifier(Modifier::ITALIC),
            speaker: Style::new().add_modifier(Modifier::BOLD),
            quote_tag: Style::new().fg(grey),
            unattributed: Style::new().fg(grey),
            mark: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            group_marker: Style::new()
                .fg(Color::White)
                .bg(green)
                .add_modifier(Modifier::BOLD),
            diff_delete: Style::new()
                .fg(Color::Indexed(124))
                .add_modifier(Modifier::CROSSED_OUT),
            diff_insert: Style::new()
                .fg(Color::Indexed(28))
                .add_modifier(Modifier::UNDERLINED),
            speakers: OKABE_ITO_ON_LIGHT_256.map(|c| Style::new().fg(Color::Indexed(c))),
        }
    }

    /// For low vision on a dark background: bright colours, bold accents,
    /// nothing dimmed (dim text is exactly what this theme avoids).
    pub fn high_contrast() -> Self {
        let accent = Color::LightYellow;
        let strong = Style::new().fg(Color::White);
        Theme {
            name: "high-contrast",
            text: strong,
            dim: strong,
            title: strong.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            noise: Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC),
            hidden_marker: strong.add_modifier(Modifier::ITALIC),
            selection: Style::new()
                .fg(Color::Black)
                .bg(accent)
                .add_modifier(Modifier::BOLD),
            selection_unfocused: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            border: strong,
            border_focused: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            status: strong,
            status_key: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            warning: Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::BOLD),
            matched: Style::new()
                .fg(Color::Black)
                .bg(Color::LightCyan)
                .add_modifier(Modifier::BOLD),
            prompt: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            overlay: strong,
            overlay_heading: Style::new()
                .fg(accent)
                .add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            quote: Style::new().fg(Color::LightCyan),
            speaker: strong.add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            quote_tag: strong,
            unattributed: strong,
            mark: Style::new().fg(accent).add_modifier(Modifier::BOLD),
            group_marker: Style::new()
                .fg(Color::Black)
                .bg(Color::LightCyan)
                .add_modifier(Modifier::BOLD),
            diff_delete: Style::new()
                .fg(Color::LightRed)
                .add_modifier(Modifier::CROSSED_OUT | Modifier::BOLD),
            diff_insert: Style::new()
                .fg(Color::LightGreen)
                .add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            speakers: OKABE_ITO_BRIGHT_256.map(|c| Style::new().fg(Color::Indexed(c))),
        }
    }

    /// For NO_COLOR: modifiers only, every colour left at the terminal's
    /// default. Emitting no colour at all also avoids crossterm's bare SGR
    /// reset under NO_COLOR, which would wipe bold and reverse video.
    pub fn monochrome() -> Self {
        Theme {
            name: "monochrome",
            text: Style::new(),
            dim: Style::new().add_modifier(Modifier::DIM),
            title: Style::new().add_modifier(Modifier::BOLD),
            noise: Style::new().add_modifier(Modifier::DIM),
            hidden_marker: Style::new().add_modifier(Modifier::DIM | Modifier::ITALIC),
            selection: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            selection_unfocused: Style::new().add_modifier(Modifier::REVERSED),
            border: Style::new().add_modifier(Modifier::DIM),
            border_focused: Style::new().add_modifier(Modifier::BOLD),
            status: Style::new(),
            status_key: Style::new().add_modifier(Modifier::BOLD),
            warning: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            matched: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            prompt: Style::new().add_modifier(Modifier::BOLD),
            overlay: Style::new(),
            overlay_heading: Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
            quote: Style::new().add_modifier(Modifier::ITALIC),
            speaker: Style::new().add_modifier(Modifier::BOLD),
            quote_tag: Style::new().add_modifier(Modifier::DIM),
            unattributed: Style::new().add_modifier(Modifier::DIM),
            mark: Style::new().add_modifier(Modifier::BOLD),
            group_marker: Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            diff_delete: Style::new().add_modifier(Modifier::CROSSED_OUT | Modifier::DIM),
            diff_insert: Style::new().add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            speakers: [Style::new(); SPEAKER_COLOURS],
        }
    }

    /// The selected row of a list: solid, dimmer when its pane has not the
    /// focus.
    pub fn selected(&self, focused: bool) -> Style {
        if focused {
            self.selection
        } else {
            self.selection_unfocused
        }
    }

    /// The colour style of speaker colour slot `slot`.
    pub fn speaker_colour(&self, slot: usize) -> Style {
        self.speakers[slot % SPEAKER_COLOURS]
    }

    /// The theme for this environment: monochrome when NO_COLOR is set to
    /// anything non-empty (no-color.org), else the default.
    pub fn from_env() -> Self {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Self::monochrome(),
            _ => Self::dark(),
        }
    }

    /// Every style of the theme, for checks that apply to all slots.
    pub fn styles(&self) -> Vec<Style> {
        [
            self.text,
            self.dim,
            self.title,
            self.noise,
            self.hidden_marker,
            self.selection,
            self.selection_unfocused,
            self.border,
            self.border_focused,
            self.status,
            self.status_key,
            self.warning,
            self.matched,
            self.prompt,
            self.overlay,
            self.overlay_heading,
            self.quote,
            self.speaker,
            self.quote_tag,
            self.unattributed,
            self.mark,
            self.group_marker,
            self.diff_delete,
            self.diff_insert,
        ]
        .into_iter()
        .chain(self.speakers)
        .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn monochrome_uses_no_colour_and_keeps_the_selection_visible() {
        let t = Theme::monochrome();
        for s in t.styles() {
            assert!(s.fg.is_none() && s.bg.is_none(), "{s:?}");
        }
        assert!(t.selection.add_modifier.contains(Modifier::REVERSED));
    }

    #[test]
    fn diff_styles_differ_by_modifier_in_every_theme() {
        let themes = BUILT_IN
            .iter()
            .map(|(_, t)| t())
            .chain([Theme::monochrome()]);
        for t in themes {
            assert!(t.diff_delete.add_modifier.contains(Modifier::CROSSED_OUT));
            assert!(!t.diff_delete.add_modifier.contains(Modifier::UNDERLINED));
            assert!(t.diff_insert.add_modifier.contains(Modifier::UNDERLINED));
            assert!(!t.diff_insert.add_modifier.contains(Modifier::CROSSED_OUT));
        }
    }

    #[test]
    fn built_in_themes_are_named_as_listed_and_differ() {
        for (name, make) in BUILT_IN {
            let t = make();
            assert_eq!(t.name, *name);
            if *name != "dark" {
                assert_ne!(t.styles(), Theme::dark().styles(), "{name} is dark");
            }
        }
    }

    #[test]
    fn every_single_style_has_a_slot_name() {
        let mut t = Theme::dark();
        let marked = Style::new().fg(Color::Indexed(99)).bg(Color::Indexed(98));
        for (_, _, slot) in SLOTS {
            *slot(&mut t) = marked;
        }
        let unnamed = t.styles().into_iter().filter(|s| *s != marked).count();
        assert_eq!(unnamed, SPEAKER_COLOURS, "a style slot has no config name");
    }
}
