//! Every style the views use, by meaning. Views ask for `theme.quote`, never
//! for a colour, so a theme (or NO_COLOR) changes the whole look at once.
//!
//! The slots are declared once (`slots!` below): each style field of
//! `Theme`, its `Slot` variant, its config name and what it is for come
//! from one line of that table.

use ratatui::style::{Color, Modifier, Style};

/// Declares the theme's single-style slots once, each with its field, its
/// name in a config file's `[theme.styles]` and what it is for (the
/// default config prints that), and generates from that one list the
/// `Theme` struct's fields, the `Slot` enum and its table.
macro_rules! slots {
    ($( $(#[doc = $doc:literal])* $variant:ident $field:ident $name:literal $about:literal; )*) => {
        /// Semantic style slots.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct Theme {
            pub name: &'static str,
            $( $(#[doc = $doc])* pub $field: Style, )*
            /// One colour per speaker of an article, told apart by
            /// colour-blind readers too (Okabe–Ito); empty styles under
            /// NO_COLOR.
            pub speakers: [Style; SPEAKER_COLOURS],
        }

        /// One single-style slot of a theme (every style but the speakers').
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Slot {
            $( $(#[doc = $doc])* $variant, )*
        }

        impl Slot {
            /// Every slot, in the order the default config lists them.
            pub const ALL: &'static [Slot] = &[$(Slot::$variant),*];

            /// The slot's name in `[theme.styles]`.
            pub fn name(self) -> &'static str {
                match self { $(Slot::$variant => $name,)* }
            }

            /// What the slot is for, as the default config says.
            pub fn about(self) -> &'static str {
                match self { $(Slot::$variant => $about,)* }
            }

            /// The slot's style in `theme`.
            pub fn get(self, theme: &Theme) -> Style {
                match self { $(Slot::$variant => theme.$field,)* }
            }

            /// The slot's style in `theme`, to replace.
            pub fn get_mut(self, theme: &mut Theme) -> &mut Style {
                match self { $(Slot::$variant => &mut theme.$field,)* }
            }
        }

        /// The slots' names in `[theme.styles]`, in `Slot::ALL` order.
        pub const SLOT_NAMES: &[&str] = &[$($name),*];

        /// Every slot as (name, what it is for, accessor).
        pub const SLOTS: &[(&str, &str, SlotOf)] = &[$(($name, $about, |t| &mut t.$field)),*];
    };
}

slots! {
    /// Ordinary text.
    Text text "text" "ordinary text";
    /// Secondary text: bylines, counts, hints.
    Dim dim "dim" "secondary text: bylines, counts, hints";
    /// Article title in the reader header and list.
    Title title "title" "article titles";
    /// Paragraphs that are not the story (boilerplate, repeats, captions).
    Noise noise "noise" "boilerplate and repeated paragraphs";
    /// The marker line standing for hidden paragraphs.
    HiddenMarker hidden_marker "hidden-marker" "the line standing for hidden paragraphs";
    /// Selected list row when the list has focus.
    Selection selection "selection" "the selected article, list focused";
    /// Selected list row when the list has not the focus.
    SelectionUnfocused selection_unfocused "selection-unfocused" "the selected article, reader focused";
    /// Pane borders.
    Border border "border" "pane borders";
    /// The focused pane's border.
    BorderFocused border_focused "border-focused" "the focused pane's border";
    /// The bottom bar.
    Status status "status" "the status bar";
    /// Key names in the bottom bar and the help.
    StatusKey status_key "status-key" "key names in the status bar and help";
    /// Messages that need attention (problems, errors).
    Warning warning "warning" "problems and errors";
    /// Characters matched by the filter.
    Matched matched "matched" "characters matched by the filter";
    /// The filter prompt.
    Prompt prompt "prompt" "the filter prompt";
    /// Overlay boxes (help, problems).
    Overlay overlay "overlay" "help and problem boxes";
    /// Headings in overlay boxes.
    OverlayHeading overlay_heading "overlay-heading" "headings in those boxes";
    /// Quotation text, marks included.
    Quote quote "quote" "quotation text";
    /// A speaker's name in the attributing clause (patched with the
    /// speaker's colour).
    Speaker speaker "speaker" "a speaker's name where it is said";
    /// The "— Lavrov (continued)" after a quotation whose speaker was
    /// inferred, and "pronoun" or "via TASS" in the quotations-only view.
    QuoteTag quote_tag "quote-tag" "the tag naming an inferred speaker: \"— Lavrov (continued)\"";
    /// The gutter bar of a quotation nobody is said to have spoken.
    Unattributed unattributed "unattributed" "the bar of a quotation nobody is said to have said";
    /// The mark on the article picked for a comparison.
    Mark mark "mark" "the article marked for a comparison";
    /// The number beside a quotation both compared articles have.
    GroupMarker group_marker "group-marker" "numbers of statements both compared articles quote";
    /// Words of a shared statement only the left article prints. Struck
    /// through in every theme, so colour is never the only sign.
    DiffDelete diff_delete "diff-delete" "words only the left article prints";
    /// Words of a shared statement only the right article prints.
    /// Underlined in every theme, so colour is never the only sign.
    DiffInsert diff_insert "diff-insert" "words only the right article prints";
}

impl Slot {
    /// The slot a config file names in `[theme.styles]`.
    pub fn from_name(name: &str) -> Option<Slot> {
        Slot::ALL.iter().copied().find(|s| s.name() == name)
    }
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
        if crate::config::no_color() {
            Self::monochrome()
        } else {
            Self::dark()
        }
    }

    /// Every style of the theme, for checks that apply to all slots.
    pub fn styles(&self) -> Vec<Style> {
        Slot::ALL
            .iter()
            .map(|s| s.get(self))
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
    fn each_slot_name_finds_its_slot_once() {
        for &slot in Slot::ALL {
            assert_eq!(
                Slot::from_name(slot.name()),
                Some(slot),
                "{} is used twice",
                slot.name()
            );
        }
    }
}
