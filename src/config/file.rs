//! What the config file may contain. Unknown keys are errors (serde's
//! `deny_unknown_fields`), so a typo is never silently ignored; values the
//! reader interprets (colours, keys, names) keep their place in the file.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, Deserializer, SeqAccess, Visitor};
use toml::Spanned;

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    #[serde(default)]
    pub corpus: CorpusSection,
    #[serde(default)]
    pub reader: ReaderSection,
    #[serde(default)]
    pub list: ListSection,
    #[serde(default)]
    pub theme: ThemeSection,
    /// Action name → its keys.
    #[serde(default)]
    pub keys: BTreeMap<Spanned<String>, Spanned<KeyList>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct CorpusSection {
    /// Read when no PATH is given on the command line.
    #[serde(default)]
    pub paths: Vec<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ListSection {
    /// "loaded", "newest" or "oldest".
    pub sort: Option<Spanned<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ReaderSection {
    /// Whether boilerplate starts hidden.
    pub hide_boilerplate: Option<bool>,
    /// Longest reading line; 0 for the whole pane.
    pub max_width: Option<Spanned<u16>>,
    /// Whether the reader takes the mouse (wheel, clicks).
    pub mouse: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ThemeSection {
    /// A built-in theme's name.
    pub name: Option<Spanned<String>>,
    /// Colours for the speakers of an article, in order.
    pub speakers: Option<Vec<Spanned<ColourValue>>>,
    /// Style slot name → the style that replaces the theme's.
    #[serde(default)]
    pub styles: BTreeMap<Spanned<String>, Spanned<StyleSpec>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StyleSpec {
    pub fg: Option<Spanned<ColourValue>>,
    pub bg: Option<Spanned<ColourValue>>,
    #[serde(default)]
    pub modifiers: Vec<Spanned<String>>,
}

/// A colour as written: a name or "#rrggbb", or a number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ColourValue {
    Text(String),
    Number(i64),
}

/// The keys of one action: `"j"` or `["j", "down"]` (`[]` unbinds it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeyList {
    One(String),
    Many(Vec<Spanned<String>>),
}

impl<'de> Deserialize<'de> for ColourValue {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl Visitor<'_> for V {
            type Value = ColourValue;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a colour: a name such as \"cyan\", \"#rrggbb\" or 0–255")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<ColourValue, E> {
                Ok(ColourValue::Text(v.to_string()))
            }
            fn visit_i64<E: de::Error>(self, v: i64) -> Result<ColourValue, E> {
                Ok(ColourValue::Number(v))
            }
            fn visit_u64<E: de::Error>(self, v: u64) -> Result<ColourValue, E> {
                Ok(ColourValue::Number(i64::try_from(v).unwrap_or(i64::MAX)))
            }
        }
        d.deserialize_any(V)
    }
}

impl<'de> Deserialize<'de> for KeyList {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl<'de> Visitor<'de> for V {
            type Value = KeyList;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a key such as \"j\" or \"ctrl-d\", or a list of keys")
            }
            fn visit_str<E: de::Error>(self, v: &str) -> Result<KeyList, E> {
                Ok(KeyList::One(v.to_string()))
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<KeyList, A::Error> {
                let mut keys = Vec::new();
                while let Some(k) = seq.next_element()? {
                    keys.push(k);
                }
                Ok(KeyList::Many(keys))
            }
        }
        d.deserialize_any(V)
    }
}
