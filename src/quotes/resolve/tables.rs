//! The word lists description matching uses: role words that mean the
//! same, country words that agree, what "the company" can stand for and
//! what it cannot. Data more than logic, and long: kept out of `resolve`
//! so that the salience model reads in one screen or two.

use crate::quotes::lexicon::{self, flag};

/// Words that name the same role.
const ROLE_SYNONYMS: &[&[&str]] = &[
    &["spokesman", "spokeswoman", "spokesperson"],
    &["ceo", "executive", "chief"],
    &["adviser", "advisor"],
    &["defence", "defense"],
    &["premier", "prime"],
];

pub(super) fn same_role_word(a: &str, b: &str) -> bool {
    a == b
        || ROLE_SYNONYMS
            .iter()
            .any(|g| g.contains(&a) && g.contains(&b))
}

/// Nationality or place words name a country; "us" and "american" agree.
const COUNTRY_SYNONYMS: &[&[&str]] = &[
    &["us", "u.s.", "american", "america", "united", "washington"],
    &["uk", "u.k.", "british", "britain", "london"],
    &["russian", "russia", "russia's", "kremlin", "moscow"],
    &["chinese", "china", "china's", "beijing"],
    &["ukrainian", "ukraine", "ukraine's", "kyiv"],
];

pub(super) fn same_country(a: &str, b: &str) -> bool {
    a == b
        || a.trim_end_matches("'s") == b.trim_end_matches("'s")
        || COUNTRY_SYNONYMS
            .iter()
            .any(|g| g.contains(&a) && g.contains(&b))
}

pub(super) fn is_country_word(w: &str) -> bool {
    lexicon::flags(w) & (flag::NATIONALITY | flag::PLACE) != 0
}

/// Nouns a second reference uses for a business: "the company said" after
/// "Nordwerk Industries announced …".
pub(super) const COMPANY_HEADS: &[&str] = &[
    "company",
    "firm",
    "corporation",
    "business",
    "carmaker",
    "automaker",
    "retailer",
    "airline",
    "bank",
    "lender",
    "insurer",
    "manufacturer",
    "maker",
    "startup",
    "conglomerate",
    "supplier",
    "operator",
    "chain",
    "brand",
    "publisher",
    "broadcaster",
    "studio",
];

/// Words that make an organisation a public body, which "the company"
/// does not mean: "the Interior Ministry", "Springfield City Council".
const PUBLIC_BODY_WORDS: &[&str] = &[
    "ministry",
    "department",
    "government",
    "council",
    "agency",
    "police",
    "court",
    "commission",
    "committee",
    "parliament",
    "congress",
    "senate",
    "house",
    "office",
    "kremlin",
    "army",
    "navy",
    "force",
    "forces",
    "state",
    "city",
    "county",
    "administration",
    "authority",
    "nations",
    "union",
    // Institutions are not businesses either.
    "university",
    "college",
    "school",
    "institute",
    "institution",
    "program",
    "programme",
    "foundation",
    "center",
    "centre",
    "museum",
    "hospital",
    "church",
    "party",
    "campaign",
    "association",
    "society",
    "league",
    "movement",
    "coalition",
    "board",
];

pub(super) fn is_public_body(name: &str) -> bool {
    name.split(' ')
        .any(|w| PUBLIC_BODY_WORDS.contains(&w.to_lowercase().as_str()))
}
