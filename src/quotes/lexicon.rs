//! Word classes the quote engine reasons with: speech verbs, titles,
//! function words. Everything here is data; the rules that use it live in
//! `attribution`, `names` and `resolve`. Proper-noun lists (first names,
//! places, outlets) are in `gazetteer`.
//!
//! All tables are lower case. A word is looked up once per token and gets a
//! bit set of [`flag`]s, so a rule asks "is this a speech verb in the past
//! tense?" with a mask test instead of a string comparison.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use super::gazetteer;

/// The classes a word can belong to; one word may have several.
pub mod flag {
    /// Verbs that introduce speech: say, tell, add, write, ask…
    pub const SPEECH: u64 = 1 << 0;
    /// Verbs of communication that report a stance: mock, accuse, urge…
    pub const COMM: u64 = 1 << 1;
    /// Verbs that name something: call, describe, dub, term…
    pub const NAMING: u64 = 1 << 2;
    /// quote/cite: the speaker is the object ("TASS quoted Lavrov as saying").
    pub const QUOTING: u64 = 1 << 3;
    /// Needs a particle to be a communication verb ("point out", "set out").
    pub const PHRASAL: u64 = 1 << 4;
    /// Verb forms.
    pub const BASE: u64 = 1 << 5;
    pub const PRES3: u64 = 1 << 6;
    pub const PAST: u64 = 1 << 7;
    pub const PARTICIPLE: u64 = 1 << 8;
    pub const ING: u64 = 1 << 9;
    /// Words that head a role before a name: president, minister, Dr.
    pub const TITLE: u64 = 1 << 10;
    /// Words that may sit inside a role: foreign, vice, deputy, ministry.
    pub const ROLE_MOD: u64 = 1 << 11;
    /// Russian, Chinese, US…
    pub const NATIONALITY: u64 = 1 << 12;
    /// Countries, capitals, regions.
    pub const PLACE: u64 = 1 << 13;
    /// The last word of an organisation's name: House, Ministry, Agency.
    pub const ORG_HEAD: u64 = 1 << 14;
    /// News agencies and outlets known by one word: Reuters, TASS.
    pub const MEDIA: u64 = 1 << 15;
    /// Capitalised at a sentence start but never a name: The, However.
    pub const STOP: u64 = 1 << 16;
    pub const MONTH: u64 = 1 << 17;
    pub const WEEKDAY: u64 = 1 << 18;
    /// Lower-case name particles: de, la, van, bin.
    pub const PARTICLE: u64 = 1 << 19;
    pub const FEMALE: u64 = 1 << 20;
    pub const MALE: u64 = 1 << 21;
    /// Subject pronouns: he, she, they, it.
    pub const PRONOUN: u64 = 1 << 22;
    /// Determiners and possessive determiners.
    pub const DET: u64 = 1 << 23;
    /// Adverbs and auxiliaries that may sit between a subject and its verb.
    pub const SKIP: u64 = 1 << 24;
    /// Forms of "be": a following participle is passive.
    pub const BE: u64 = 1 << 25;
    /// Nouns for people who speak: official, spokesman, analyst.
    pub const DESC_PERSON: u64 = 1 << 26;
    /// Nouns for bodies that speak: company, ministry, police.
    pub const DESC_ORG: u64 = 1 << 27;
    /// Nouns for documents that "say": statement, report, readout.
    pub const DESC_DOC: u64 = 1 << 28;
    /// Plural nouns (officials, analysts): "they", not "he".
    pub const PLURAL: u64 = 1 << 29;
    pub const NEGATION: u64 = 1 << 30;
    /// Verbs that undo the next verb: refrain from, decline to, avoid.
    pub const REFRAIN: u64 = 1 << 31;
    /// Words that open a fronted clause: if, when, while, asked.
    pub const SUBORD: u64 = 1 << 32;
    pub const PREP: u64 = 1 << 33;
    pub const CONJ: u64 = 1 << 34;
    /// Words of time phrases between a subject and its verb: on, Tuesday.
    pub const TIME: u64 = 1 << 35;
    /// Abbreviations that keep their full stop: Mr., Jr., Inc.
    pub const ABBREV: u64 = 1 << 36;
    /// Abbreviations that never end a sentence (titles): Mr., Dr.
    pub const HONORIFIC: u64 = 1 << 37;
    /// Relative pronouns: who, which.
    pub const RELATIVE: u64 = 1 << 38;
    /// Words that mark a quoted term rather than speech: so-called, dubbed.
    pub const TERM_INTRO: u64 = 1 << 39;
    /// Name suffixes: Jr., III.
    pub const SUFFIX: u64 = 1 << 40;
    /// Object pronouns: him, her, them.
    pub const OBJ_PRONOUN: u64 = 1 << 41;
    /// Small words that stay lower case in Title Case: of, and, the.
    pub const SMALL: u64 = 1 << 42;
    /// Given names (with FEMALE or MALE when the name tells).
    pub const GIVEN: u64 = 1 << 43;
    /// Person nouns that fit anyone the article is about, as a second
    /// reference: the veteran, the 34-year-old, the Dutchman.
    pub const EPITHET: u64 = 1 << 44;

    /// Speech verbs in a form that is mostly something else ("notes",
    /// "claims" as nouns; "charged" as accused): a verb only where an
    /// attribution is expected, right after a quotation ("“…,” Roe
    /// notes.", "“…,” Roe charged.").
    pub const NOUNLIKE_SPEECH: u64 = 1 << 45;
    /// Speech verbs whose object is the listener: "told CBS", "asked Roe".
    pub const LISTENER: u64 = 1 << 46;
    /// Nouns for what someone said: "assertion", "remarks".
    pub const SPEECH_NOUN: u64 = 1 << 47;
    /// Auxiliaries and modals: "could", "will", "has".
    pub const AUX: u64 = 1 << 48;

    /// Any verb form.
    pub const VERB_FORM: u64 = BASE | PRES3 | PAST | PARTICIPLE | ING;
    /// A verb that can attribute a quotation.
    pub const ATTRIBUTING: u64 = SPEECH | COMM | NAMING | QUOTING;
    /// Any description noun.
    pub const DESC: u64 = DESC_PERSON | DESC_ORG | DESC_DOC;
}

use flag::*;

/// A verb and its forms: base, 3rd person, past, past participle, -ing.
/// An empty form is left out because it is mostly a noun ("claims",
/// "report", "state") and would cause false attributions.
type VerbRow = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

/// Verbs that introduce direct speech.
const SPEECH_VERBS: &[VerbRow] = &[
    ("say", "says", "said", "said", "saying"),
    ("chant", "chants", "chanted", "chanted", "chanting"),
    ("cry", "cries", "cried", "cried", "crying"),
    ("beam", "beams", "beamed", "beamed", "beaming"),
    ("scoff", "scoffs", "scoffed", "scoffed", "scoffing"),
    ("fume", "fumes", "fumed", "fumed", "fuming"),
    ("bemoan", "bemoans", "bemoaned", "bemoaned", "bemoaning"),
    ("gush", "gushes", "gushed", "gushed", "gushing"),
    ("marvel", "marvels", "marveled", "marveled", "marveling"),
    ("", "", "marvelled", "marvelled", "marvelling"),
    ("snipe", "snipes", "sniped", "sniped", "sniping"),
    ("boom", "booms", "boomed", "boomed", "booming"),
    ("gripe", "gripes", "griped", "griped", "griping"),
    ("text", "texts", "texted", "texted", "texting"),
    ("email", "emails", "emailed", "emailed", "emailing"),
    ("tell", "tells", "told", "told", "telling"),
    ("add", "adds", "added", "added", "adding"),
    ("write", "writes", "wrote", "written", "writing"),
    ("ask", "asks", "asked", "asked", "asking"),
    ("", "", "answered", "answered", ""),
    ("", "replies", "replied", "replied", "replying"),
    ("", "", "responded", "responded", "responding"),
    (
        "explain",
        "explains",
        "explained",
        "explained",
        "explaining",
    ),
    ("", "", "noted", "noted", "noting"),
    ("", "", "stated", "stated", "stating"),
    ("declare", "declares", "declared", "declared", "declaring"),
    (
        "announce",
        "announces",
        "announced",
        "announced",
        "announcing",
    ),
    ("insist", "insists", "insisted", "insisted", "insisting"),
    ("argue", "argues", "argued", "argued", "arguing"),
    ("", "", "claimed", "claimed", "claiming"),
    (
        "contend",
        "contends",
        "contended",
        "contended",
        "contending",
    ),
    ("maintain", "maintains", "maintained", "maintained", ""),
    ("assert", "asserts", "asserted", "asserted", "asserting"),
    ("warn", "warns", "warned", "warned", "warning"),
    (
        "caution",
        "cautions",
        "cautioned",
        "cautioned",
        "cautioning",
    ),
    ("recall", "recalls", "recalled", "recalled", "recalling"),
    ("", "", "remarked", "remarked", "remarking"),
    ("", "", "commented", "commented", "commenting"),
    ("observe", "observes", "observed", "observed", "observing"),
    (
        "acknowledge",
        "acknowledges",
        "acknowledged",
        "acknowledged",
        "acknowledging",
    ),
    ("admit", "admits", "admitted", "admitted", "admitting"),
    ("concede", "concedes", "conceded", "conceded", "conceding"),
    (
        "confirm",
        "confirms",
        "confirmed",
        "confirmed",
        "confirming",
    ),
    ("deny", "denies", "denied", "denied", "denying"),
    ("stress", "stresses", "stressed", "stressed", "stressing"),
    (
        "emphasize",
        "emphasizes",
        "emphasized",
        "emphasized",
        "emphasizing",
    ),
    (
        "emphasise",
        "emphasises",
        "emphasised",
        "emphasised",
        "emphasising",
    ),
    ("", "", "continued", "", ""),
    (
        "conclude",
        "concludes",
        "concluded",
        "concluded",
        "concluding",
    ),
    ("tweet", "tweets", "tweeted", "tweeted", "tweeting"),
    ("", "", "posted", "posted", ""),
    (
        "testify",
        "testifies",
        "testified",
        "testified",
        "testifying",
    ),
    (
        "predict",
        "predicts",
        "predicted",
        "predicted",
        "predicting",
    ),
    ("promise", "promises", "promised", "promised", "promising"),
    ("vow", "vows", "vowed", "vowed", "vowing"),
    ("pledge", "pledges", "pledged", "pledged", "pledging"),
    (
        "complain",
        "complains",
        "complained",
        "complained",
        "complaining",
    ),
    ("lament", "laments", "lamented", "lamented", "lamenting"),
    ("boast", "boasts", "boasted", "boasted", "boasting"),
    ("", "jokes", "joked", "joked", "joking"),
    ("quip", "quips", "quipped", "quipped", "quipping"),
    ("bark", "barks", "barked", "barked", "barking"),
    ("assure", "assures", "assured", "assured", "assuring"),
    ("", "", "pressed", "", ""),
    (
        "reassure",
        "reassures",
        "reassured",
        "reassured",
        "reassuring",
    ),
    ("brag", "brags", "bragged", "bragged", "bragging"),
    ("surmise", "surmises", "surmised", "surmised", "surmising"),
    ("reckon", "reckons", "reckoned", "reckoned", "reckoning"),
    (
        "thunder",
        "thunders",
        "thundered",
        "thundered",
        "thundering",
    ),
    ("", "", "sniffed", "sniffed", ""),
    ("", "", "reacted", "", ""),
    ("shout", "shouts", "shouted", "shouted", "shouting"),
    ("yell", "yells", "yelled", "yelled", "yelling"),
    ("scream", "screams", "screamed", "screamed", "screaming"),
    (
        "whisper",
        "whispers",
        "whispered",
        "whispered",
        "whispering",
    ),
    ("mutter", "mutters", "muttered", "muttered", "muttering"),
    (
        "exclaim",
        "exclaims",
        "exclaimed",
        "exclaimed",
        "exclaiming",
    ),
    (
        "proclaim",
        "proclaims",
        "proclaimed",
        "proclaimed",
        "proclaiming",
    ),
    (
        "recount",
        "recounts",
        "recounted",
        "recounted",
        "recounting",
    ),
    (
        "reiterate",
        "reiterates",
        "reiterated",
        "reiterated",
        "reiterating",
    ),
    (
        "suggest",
        "suggests",
        "suggested",
        "suggested",
        "suggesting",
    ),
    ("", "", "reported", "", ""),
    ("agree", "agrees", "agreed", "agreed", "agreeing"),
    ("", "", "countered", "countered", "countering"),
    ("retort", "retorts", "retorted", "retorted", "retorting"),
    ("", "", "reasoned", "reasoned", ""),
    (
        "speculate",
        "speculates",
        "speculated",
        "speculated",
        "speculating",
    ),
    ("", "muses", "mused", "mused", "musing"),
    ("allege", "alleges", "alleged", "", "alleging"),
    ("", "", "mentioned", "mentioned", "mentioning"),
    ("inform", "informs", "informed", "", "informing"),
    ("", "", "pleaded", "pleaded", "pleading"),
    ("", "", "sighed", "", ""),
    ("", "", "laughed", "", ""),
    ("", "", "snapped", "", ""),
    ("", "", "hinted", "hinted", "hinting"),
    (
        "elaborate",
        "elaborates",
        "elaborated",
        "elaborated",
        "elaborating",
    ),
    ("", "", "clarified", "clarified", "clarifying"),
    ("", "", "opined", "", ""),
    ("", "", "wondered", "", ""),
    ("", "", "replied", "", ""),
    ("", "", "recalled", "", ""),
    ("", "", "remembered", "", ""),
    ("", "", "groused", "", ""),
    ("", "", "grumbled", "", ""),
    ("", "", "bellowed", "", ""),
    ("", "", "hollered", "", ""),
    ("", "", "deadpanned", "", ""),
    ("", "", "ventured", "", ""),
    ("", "", "posited", "", ""),
    ("", "", "theorized", "", ""),
    ("", "", "reminisced", "", ""),
    ("", "", "taunted", "", ""),
    ("", "", "wrote", "", ""),
    ("", "", "rejoined", "", ""),
    ("", "", "intoned", "", ""),
    ("", "", "chimed", "", ""),
    ("", "", "interjected", "", ""),
];

/// Present-tense speech verbs left out of [`SPEECH_VERBS`] because they
/// are mostly nouns; see [`flag::NOUNLIKE_SPEECH`].
const NOUNLIKE_SPEECH_FORMS: &[&str] = &[
    "notes",
    "claims",
    "reports",
    "states",
    "remarks",
    "comments",
    "answers",
    "responds",
    "continues",
    "posts",
    "offers",
    "counters",
];

/// Past-tense verbs that attribute only in a clause right after a
/// quotation ("“…,” Roe charged."); elsewhere they mean something else
/// ("charged with fraud"). See [`flag::NOUNLIKE_SPEECH`].
const AFTER_QUOTE_VERBS: &[&str] = &["charged", "retaliated"];

/// Nouns for what someone said: "Roe's assertion that “…”", "his
/// remarks", "Roe's “47 percent” comment".
const SPEECH_NOUNS: &[&str] = &[
    "assertion",
    "claim",
    "statement",
    "remark",
    "remarks",
    "comment",
    "comments",
    "response",
    "reply",
    "retort",
    "quip",
    "pledge",
    "promise",
    "vow",
    "accusation",
    "description",
    "characterization",
    "catchphrase",
    "slogan",
    "tweet",
    "words",
    "declaration",
    "insistence",
    "admission",
    "boast",
    "complaint",
    "suggestion",
    "call",
    "rejection",
    "broadside",
];

/// Auxiliary and modal verbs, which open a verb phrase.
const AUXILIARIES: &[&str] = &[
    "could", "would", "will", "should", "can", "may", "might", "must", "shall", "has", "have",
    "had", "does", "did", "wo", "won't", "can't", "couldn't", "wouldn't",
];

/// Courtesy titles: not a role to show ("Mrs. Clinton").
const COURTESY_TITLES: &[&str] = &["mr", "mrs", "ms", "mx"];

/// "Mr.", "Mrs", "Ms.": a courtesy title, with or without its full stop.
pub fn is_courtesy_title(word: &str) -> bool {
    let bare = word.strip_suffix('.').unwrap_or(word);
    COURTESY_TITLES.iter().any(|c| c.eq_ignore_ascii_case(bare))
}

/// Forms of speech verbs whose object is the listener; see
/// [`flag::LISTENER`].
const LISTENER_VERBS: &[&str] = &["told", "tells", "asked", "asks"];

/// Verbs of stance and communication: the subject is the source of a
/// partial quotation in the same clause ("Lavrov mocked the U.S. for …,
/// “to demand …”").
const COMM_VERBS: &[VerbRow] = &[
    ("mock", "mocks", "mocked", "mocked", "mocking"),
    ("accuse", "accuses", "accused", "", "accusing"),
    (
        "condemn",
        "condemns",
        "condemned",
        "condemned",
        "condemning",
    ),
    (
        "criticize",
        "criticizes",
        "criticized",
        "criticized",
        "criticizing",
    ),
    (
        "criticise",
        "criticises",
        "criticised",
        "criticised",
        "criticising",
    ),
    ("slam", "slams", "slammed", "slammed", "slamming"),
    ("blast", "blasts", "blasted", "blasted", "blasting"),
    ("hail", "hails", "hailed", "hailed", "hailing"),
    ("praise", "praises", "praised", "praised", "praising"),
    ("urge", "urges", "urged", "urged", "urging"),
    ("echo", "echoes", "echoed", "echoed", "echoing"),
    ("decry", "decries", "decried", "decried", "decrying"),
    (
        "denounce",
        "denounces",
        "denounced",
        "denounced",
        "denouncing",
    ),
    ("dismiss", "dismisses", "dismissed", "", "dismissing"),
    ("reject", "rejects", "rejected", "", "rejecting"),
    ("defend", "defends", "defended", "defended", "defending"),
    ("blame", "blames", "blamed", "", "blaming"),
    ("thank", "thanks", "thanked", "thanked", "thanking"),
    ("welcome", "welcomes", "welcomed", "welcomed", "welcoming"),
    (
        "applaud",
        "applauds",
        "applauded",
        "applauded",
        "applauding",
    ),
    ("rebuke", "rebukes", "rebuked", "rebuked", "rebuking"),
    (
        "lambast",
        "lambasts",
        "lambasted",
        "lambasted",
        "lambasting",
    ),
    (
        "ridicule",
        "ridicules",
        "ridiculed",
        "ridiculed",
        "ridiculing",
    ),
    ("deride", "derides", "derided", "derided", "deriding"),
    ("threaten", "threatens", "threatened", "", "threatening"),
    (
        "highlight",
        "highlights",
        "highlighted",
        "highlighted",
        "highlighting",
    ),
    (
        "underline",
        "underlines",
        "underlined",
        "underlined",
        "underlining",
    ),
    (
        "underscore",
        "underscores",
        "underscored",
        "underscored",
        "underscoring",
    ),
    ("express", "expresses", "expressed", "", "expressing"),
    ("voice", "voices", "voiced", "", "voicing"),
    ("recommend", "recommends", "recommended", "", "recommending"),
    ("propose", "proposes", "proposed", "", "proposing"),
    ("demand", "demands", "demanded", "", "demanding"),
    ("advise", "advises", "advised", "", "advising"),
    ("question", "questions", "questioned", "", "questioning"),
    ("challenge", "challenges", "challenged", "", "challenging"),
    ("repeat", "repeats", "repeated", "", "repeating"),
    ("signal", "signals", "signalled", "", "signalling"),
    ("", "", "signaled", "", "signaling"),
    ("tout", "touts", "touted", "", "touting"),
    ("", "", "ruled", "", ""),
    ("", "", "disagreed", "", ""),
    ("", "", "objected", "", ""),
    ("", "", "protested", "", ""),
    ("", "", "apologized", "", "apologizing"),
    ("", "", "apologised", "", "apologising"),
    ("", "", "read", "", ""),
];

/// Verbs that name: the subject used the quoted words as a name or label.
const NAMING_VERBS: &[VerbRow] = &[
    ("call", "calls", "called", "called", "calling"),
    (
        "describe",
        "describes",
        "described",
        "described",
        "describing",
    ),
    ("dub", "dubs", "dubbed", "", "dubbing"),
    ("term", "terms", "termed", "", "terming"),
    ("label", "labels", "labelled", "", "labelling"),
    ("", "", "labeled", "", "labeling"),
    ("brand", "brands", "branded", "", "branding"),
    (
        "characterize",
        "characterizes",
        "characterized",
        "",
        "characterizing",
    ),
    (
        "characterise",
        "characterises",
        "characterised",
        "",
        "characterising",
    ),
];

/// quote/cite: "TASS quoted Lavrov as saying", "it cited Xi as saying".
const QUOTING_VERBS: &[VerbRow] = &[
    ("quote", "quotes", "quoted", "quoted", "quoting"),
    ("cite", "cites", "cited", "cited", "citing"),
];

/// Verbs that speak only with a particle: "point out", "set out".
const PHRASAL_VERBS: &[VerbRow] = &[
    ("point", "points", "pointed", "pointed", "pointing"),
    ("set", "sets", "set", "set", "setting"),
    ("lay", "lays", "laid", "laid", "laying"),
    ("spell", "spells", "spelled", "spelt", "spelling"),
    ("hit", "hits", "hit", "", "hitting"),
    ("lash", "lashes", "lashed", "", "lashing"),
    ("speak", "speaks", "spoke", "", "speaking"),
    ("", "", "went", "", ""),
    ("put", "puts", "put", "", ""),
    ("shoot", "shoots", "shot", "", ""),
    ("fire", "fires", "fired", "", ""),
];

/// The particles that make each phrasal verb (by its base form, or its
/// past where only that is listed) a verb of communication: "point out",
/// "went on", "as she put it".
const PHRASAL_PARTICLES: &[(&str, &[&str])] = &[
    ("point", &["out", "to"]),
    ("set", &["out"]),
    ("lay", &["out"]),
    ("spell", &["out"]),
    ("hit", &["back", "out"]),
    ("lash", &["out", "back"]),
    ("speak", &["out", "up", "to"]),
    ("went", &["on"]),
    ("put", &["it"]),
    ("shoot", &["back"]),
    ("fire", &["back"]),
];

/// The particles that complete the phrasal verb `word` (any form).
pub fn phrasal_particles(word: &str) -> &'static [&'static str] {
    let mut buf = [0u8; MAX_WORD];
    let Some(word) = lowercase_into(word, &mut buf) else {
        return &[];
    };
    PHRASAL_VERBS
        .iter()
        .find(|r| [r.0, r.1, r.2, r.3, r.4].contains(&word))
        .and_then(|r| {
            let key = if r.0.is_empty() { r.2 } else { r.0 };
            PHRASAL_PARTICLES.iter().find(|(base, _)| *base == key)
        })
        .map_or(&[], |(_, particles)| particles)
}

/// Words that head a person's role or title before a name.
const TITLES: &[&str] = &[
    "president",
    "minister",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "chancellor",
    "premier",
    "senator",
    "sen.",
    "representative",
    "rep.",
    "congressman",
    "congresswoman",
    "governor",
    "gov.",
    "mayor",
    "judge",
    "justice",
    "ambassador",
    "envoy",
    "diplomat",
    "general",
    "gen.",
    "admiral",
    "adm.",
    "colonel",
    "col.",
    "major",
    "maj.",
    "captain",
    "capt.",
    "lieutenant",
    "lt.",
    "sergeant",
    "sgt.",
    "commander",
    "cmdr.",
    "chief",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "chairperson",
    "ceo",
    "cfo",
    "cto",
    "coo",
    "executive",
    "founder",
    "co-founder",
    "cofounder",
    "head",
    "leader",
    "king",
    "queen",
    "prince",
    "princess",
    "emperor",
    "empress",
    "pope",
    "cardinal",
    "bishop",
    "archbishop",
    "rabbi",
    "imam",
    "sheikh",
    "ayatollah",
    "reverend",
    "rev.",
    "father",
    "dr.",
    "dr",
    "doctor",
    "professor",
    "prof.",
    "mr.",
    "mr",
    "mrs.",
    "mrs",
    "ms.",
    "ms",
    "miss",
    "mx.",
    "sir",
    "dame",
    "lord",
    "lady",
    "coach",
    "manager",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "quarterback",
    "pitcher",
    "analyst",
    "economist",
    "strategist",
    "researcher",
    "scientist",
    "astronomer",
    "physicist",
    "biologist",
    "chemist",
    "epidemiologist",
    "virologist",
    "author",
    "novelist",
    "journalist",
    "correspondent",
    "editor",
    "columnist",
    "lawyer",
    "attorney",
    "counsel",
    "prosecutor",
    "solicitor",
    "barrister",
    "detective",
    "inspector",
    "officer",
    "constable",
    "superintendent",
    "commissioner",
    "official",
    "aide",
    "adviser",
    "advisor",
    "counselor",
    "counsellor",
    "negotiator",
    "delegate",
    "lawmaker",
    "legislator",
    "mp",
    "councillor",
    "councilman",
    "councilwoman",
    "alderman",
    "candidate",
    "nominee",
    "activist",
    "campaigner",
    "organizer",
    "organiser",
    "owner",
    "partner",
    "investor",
    "banker",
    "treasurer",
    "secretary-general",
    "undersecretary",
    "under-secretary",
    "attorney-general",
    "administrator",
    "principal",
    "dean",
    "provost",
    "rector",
    "president-elect",
    "counterpart",
    "colleague",
    "predecessor",
    "successor",
    "deputy",
    "vice-president",
    "vice-chairman",
    "premier",
    "taoiseach",
    "speaker",
    "whip",
    "marshal",
    "sheriff",
    "warden",
    "magistrate",
    "coroner",
    "surgeon",
    "physician",
    "nurse",
    "pastor",
    "priest",
    "monk",
    "nun",
    "cleric",
    "referee",
    "umpire",
    "champion",
    "driver",
    "rider",
    "skipper",
    "forward",
    "winger",
    "guard",
    "center",
    "centre",
    "linebacker",
    "batsman",
    "bowler",
    "jockey",
    "trainer",
    "boss",
    "chief-executive",
    "md",
    "vp",
    "evp",
    "svp",
    "gm",
    "cio",
    "cso",
    "presenter",
    "host",
    "anchor",
    "producer",
    "director-general",
    "governor-general",
    "commissar",
    "ombudsman",
    "ombudswoman",
    "auditor",
    "comptroller",
    "regulator",
    "businessman",
    "businesswoman",
    "entrepreneur",
    "billionaire",
    "tycoon",
    "magnate",
    "chef",
    "actor",
    "actress",
    "singer",
    "rapper",
    "artist",
    "filmmaker",
    "architect",
    "engineer",
    "developer",
    "designer",
    "historian",
    "philosopher",
    "professor",
    "lecturer",
    "teacher",
    "student",
    "pilot",
    "soldier",
    "colonel-general",
    "spokespeople",
    "spokesmen",
    "spokeswomen",
    "officials",
];

/// Words that can sit inside a role without heading it.
const ROLE_MODIFIERS: &[&str] = &[
    "foreign",
    "defence",
    "defense",
    "interior",
    "finance",
    "financial",
    "trade",
    "economy",
    "economic",
    "economics",
    "health",
    "education",
    "justice",
    "energy",
    "environment",
    "environmental",
    "agriculture",
    "transport",
    "transportation",
    "labour",
    "labor",
    "culture",
    "home",
    "state",
    "treasury",
    "commerce",
    "prime",
    "vice",
    "deputy",
    "acting",
    "former",
    "senior",
    "junior",
    "chief",
    "executive",
    "general",
    "assistant",
    "associate",
    "principal",
    "top",
    "first",
    "second",
    "national",
    "security",
    "intelligence",
    "military",
    "press",
    "communications",
    "public",
    "affairs",
    "ministry",
    "department",
    "office",
    "government",
    "federal",
    "regional",
    "local",
    "county",
    "city",
    "district",
    "managing",
    "news",
    "agency",
    "team",
    "club",
    "party",
    "opposition",
    "ruling",
    "majority",
    "minority",
    "republican",
    "democratic",
    "democrat",
    "conservative",
    "liberal",
    "green",
    "administration",
    "white",
    "house",
    "kremlin",
    "pentagon",
    "chief",
    "operating",
    "technology",
    "technical",
    "research",
    "science",
    "scientific",
    "medical",
    "legal",
    "policy",
    "political",
    "campaign",
    "union",
    "labour",
    "police",
    "fire",
    "border",
    "customs",
    "tax",
    "revenue",
    "budget",
    "industry",
    "industrial",
    "infrastructure",
    "housing",
    "welfare",
    "social",
    "family",
    "women",
    "youth",
    "sports",
    "sport",
    "tourism",
    "information",
    "digital",
    "cyber",
    "space",
    "nuclear",
    "atomic",
    "climate",
    "water",
    "food",
    "emergency",
    "emergencies",
    "veterans",
    "homeland",
    "development",
    "planning",
    "investment",
    "central",
    "reserve",
    "bank",
    "monetary",
    "board",
    "committee",
    "commission",
    "council",
    "parliamentary",
    "congressional",
    "senate",
    "presidential",
    "cabinet",
    "royal",
    "imperial",
    "supreme",
    "high",
    "appeals",
    "district",
    "circuit",
    "court",
    "head",
    "lead",
    "longtime",
    "long-time",
    "veteran",
    "retired",
    "incoming",
    "outgoing",
    "interim",
    "elected",
    "designate",
    "in-chief",
    "editor-in-chief",
    "commander-in-chief",
    "at-large",
    "ministry's",
    "department's",
    "company's",
    "firm's",
    "club's",
    "team's",
    "co",
    "joint",
    "defensive",
    "offensive",
    "head",
    "assistant",
    "strength",
    "conditioning",
    "goalkeeping",
    "art",
    "creative",
    "marketing",
    "sales",
    "product",
    "operations",
    "human",
    "resources",
    "investor",
    "relations",
    "crisis",
    "peace",
    "special",
    "personal",
    "private",
    "presidential",
    "prime-ministerial",
    "minister's",
    "state-run",
    "state-owned",
    "state-controlled",
    "official",
    "pro-kremlin",
];

/// Subject pronouns and what they can refer to.
const PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i", "you"];
const OBJECT_PRONOUNS: &[&str] = &["him", "her", "them", "us", "me"];

const DETERMINERS: &[&str] = &[
    "a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my",
    "your", "one", "another", "some", "several", "many", "two", "three", "four", "five", "other",
    "each", "every", "any", "no", "both", "few", "most", "all", "whose", "such",
];

/// Adverbs and auxiliaries that may stand between a subject and its verb
/// ("Zhao also said", "she has repeatedly argued", "he would later write").
const SKIPPABLE: &[&str] = &[
    "also",
    "both",
    "only",
    "merely",
    "later",
    "then",
    "reportedly",
    "again",
    "further",
    "previously",
    "once",
    "had",
    "has",
    "have",
    "would",
    "will",
    "could",
    "can",
    "may",
    "might",
    "should",
    "recently",
    "earlier",
    "separately",
    "now",
    "still",
    "however",
    "finally",
    "repeatedly",
    "often",
    "publicly",
    "privately",
    "simply",
    "just",
    "already",
    "subsequently",
    "originally",
    "initially",
    "angrily",
    "quickly",
    "bluntly",
    "flatly",
    "firmly",
    "calmly",
    "quietly",
    "openly",
    "explicitly",
    "directly",
    "famously",
    "memorably",
    "similarly",
    "likewise",
    "herself",
    "himself",
    "themselves",
    "itself",
    "personally",
    "frequently",
    "elsewhere",
    "even",
    "too",
    "meanwhile",
    "allegedly",
    "apparently",
    "clearly",
    "emphatically",
    "firmly",
    "tersely",
    "curtly",
    "candidly",
    "frankly",
    "sharply",
    "strongly",
    "loudly",
    "softly",
    "proudly",
    "jokingly",
    "wryly",
    "tearfully",
    "shortly",
    "immediately",
    "afterwards",
    "afterward",
    "today",
    "yesterday",
    "tonight",
    "recently",
    "first",
    "last",
    "did",
    "does",
    "do",
    "is",
    "was",
    "were",
    "are",
    "been",
    "be",
    "being",
];

/// Forms of "be" (a following past participle is passive).
const BE_FORMS: &[&str] = &[
    "is", "was", "were", "are", "been", "be", "being", "'s", "’s",
];

/// Nouns for people who speak, singular then plural.
const DESC_PERSON_NOUNS: &[&str] = &[
    "lobbyist",
    "pollster",
    "donor",
    "investigator",
    "volunteer",
    "member",
    "demonstrator",
    "marcher",
    "spectator",
    "operative",
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "source",
    "analyst",
    "expert",
    "researcher",
    "scientist",
    "economist",
    "diplomat",
    "aide",
    "adviser",
    "advisor",
    "lawyer",
    "attorney",
    "prosecutor",
    "judge",
    "witness",
    "resident",
    "neighbour",
    "neighbor",
    "officer",
    "coach",
    "player",
    "manager",
    "executive",
    "minister",
    "president",
    "leader",
    "chief",
    "director",
    "chairman",
    "chairwoman",
    "critic",
    "supporter",
    "opponent",
    "activist",
    "protester",
    "questioner",
    "reader",
    "staffer",
    "narrator",
    "announcer",
    "voice",
    "heckler",
    "attendee",
    "caller",
    "listener",
    "viewer",
    "commenter",
    "shopper",
    "child",
    "crowd",
    "audience",
    "protestor",
    "campaigner",
    "lawmaker",
    "legislator",
    "senator",
    "governor",
    "mayor",
    "doctor",
    "nurse",
    "professor",
    "teacher",
    "student",
    "parent",
    "survivor",
    "victim",
    "worker",
    "employee",
    "investor",
    "trader",
    "banker",
    "owner",
    "founder",
    "author",
    "person",
    "boy",
    "girl",
    "mother",
    "father",
    "son",
    "daughter",
    "wife",
    "husband",
    "friend",
    "colleague",
    "counterpart",
    "ambassador",
    "envoy",
    "negotiator",
    "commander",
    "general",
    "soldier",
    "fighter",
    "militant",
    "observer",
    "insider",
    "organizer",
    "organiser",
    "candidate",
    "voter",
    "customer",
    "consumer",
    "patient",
    "fan",
    "resident",
    "villager",
    "farmer",
    "driver",
    "pilot",
    "passenger",
    "captain",
    "referee",
    "striker",
    "midfielder",
    "defender",
    "goalkeeper",
    "ceo",
    "secretary",
    "representative",
    "delegate",
    "mediator",
    "strategist",
    "historian",
    "academic",
    "economist",
    "specialist",
    "consultant",
    "engineer",
    "developer",
    "designer",
    "journalist",
    "reporter",
    "correspondent",
    "editor",
    "columnist",
    "blogger",
    "host",
    "presenter",
    "commentator",
    "pundit",
    "premier",
    "chancellor",
    "family",
    "actor",
    "actress",
    "agent",
    "anchor",
    "athlete",
    "citizen",
    "classmate",
    "comedian",
    "cousin",
    "detective",
    "homeowner",
    "immigrant",
    "juror",
    "landlord",
    "migrant",
    "nominee",
    "participant",
    "pastor",
    "priest",
    "producer",
    "rabbi",
    "imam",
    "refugee",
    "relative",
    "retiree",
    "scholar",
    "sheriff",
    "singer",
    "taxpayer",
    "tenant",
    "trooper",
    "veteran",
    "writer",
];

/// Nouns a second reference uses for whoever the story is about, in
/// sport, culture, religion and business ("the veteran added").
const EPITHET_NOUNS: &[&str] = &[
    "veteran",
    "star",
    "boss",
    "winger",
    "forward",
    "batsman",
    "bowler",
    "quarterback",
    "pitcher",
    "athlete",
    "champion",
    "sprinter",
    "runner",
    "swimmer",
    "cyclist",
    "rider",
    "boxer",
    "golfer",
    "skier",
    "actor",
    "singer",
    "rapper",
    "musician",
    "artist",
    "novelist",
    "poet",
    "filmmaker",
    "chef",
    "billionaire",
    "entrepreneur",
    "priest",
    "bishop",
    "pope",
    "rabbi",
    "imam",
    "cleric",
    "surgeon",
    "physician",
    "pensioner",
    "retiree",
    "teenager",
    "youngster",
];
const EPITHET_NOUNS_MALE: &[&str] = &[
    "man",
    "boy",
    "businessman",
    "dad",
    "grandfather",
    "dutchman",
    "frenchman",
    "englishman",
    "irishman",
    "scotsman",
    "welshman",
];
const EPITHET_NOUNS_FEMALE: &[&str] = &[
    "woman",
    "girl",
    "actress",
    "businesswoman",
    "mum",
    "mom",
    "grandmother",
    "dutchwoman",
    "frenchwoman",
    "englishwoman",
    "irishwoman",
    "scotswoman",
    "welshwoman",
];
/// Demonyms that stand for a person on their own ("the Argentine told").
const DEMONYM_NOUNS: &[&str] = &[
    "dutchman",
    "dutchwoman",
    "frenchman",
    "frenchwoman",
    "englishman",
    "englishwoman",
    "irishman",
    "irishwoman",
    "scotsman",
    "scotswoman",
    "welshman",
    "welshwoman",
    "briton",
    "spaniard",
    "dane",
    "swede",
    "finn",
    "pole",
    "turk",
    "argentine",
    "argentinian",
    "brazilian",
    "chilean",
    "colombian",
    "mexican",
    "canadian",
    "australian",
    "american",
    "german",
    "italian",
    "portuguese",
    "belgian",
    "swiss",
    "austrian",
    "norwegian",
    "croatian",
    "serbian",
    "ukrainian",
    "russian",
    "nigerian",
    "ghanaian",
    "kenyan",
    "egyptian",
    "moroccan",
    "japanese",
    "chinese",
    "korean",
    "indian",
    "pakistani",
    "israeli",
    "palestinian",
    "iranian",
    "iraqi",
    "syrian",
    "saudi",
];

/// Word endings that make a person noun: "the 35-year-old said".
const DESC_PERSON_SUFFIXES: &[&str] = &["-year-old", "-year-olds"];

/// Nouns for organisations that speak.
const DESC_ORG_NOUNS: &[&str] = &[
    "company",
    "firm",
    "ministry",
    "department",
    "agency",
    "government",
    "administration",
    "court",
    "committee",
    "commission",
    "council",
    "party",
    "group",
    "organization",
    "organisation",
    "union",
    "bank",
    "team",
    "club",
    "campaign",
    "embassy",
    "military",
    "army",
    "navy",
    "regulator",
    "watchdog",
    "office",
    "authority",
    "board",
    "network",
    "broadcaster",
    "newspaper",
    "outlet",
    "publisher",
    "carmaker",
    "automaker",
    "airline",
    "retailer",
    "insurer",
    "lender",
    "startup",
    "manufacturer",
    "producer",
    "charity",
    "hospital",
    "university",
    "school",
    "institute",
    "foundation",
    "league",
    "federation",
    "association",
    "coalition",
    "alliance",
    "parliament",
    "senate",
    "congress",
    "cabinet",
    "kremlin",
    "pentagon",
    "prosecution",
    "defence",
    "defense",
    "prosecutors",
    "state",
    "country",
];

/// Nouns for documents that "say" things.
const DESC_DOC_NOUNS: &[&str] = &[
    "statement",
    "report",
    "readout",
    "letter",
    "filing",
    "complaint",
    "lawsuit",
    "ruling",
    "verdict",
    "memo",
    "memorandum",
    "document",
    "post",
    "tweet",
    "release",
    "note",
    "email",
    "study",
    "paper",
    "survey",
    "indictment",
    "judgment",
    "judgement",
    "decision",
    "opinion",
    "order",
    "communique",
    "communiqué",
    "declaration",
    "announcement",
    "notice",
    "message",
    "transcript",
    "summary",
    "analysis",
    "review",
    "assessment",
    "article",
    "editorial",
    "column",
    "blog",
    "website",
    "petition",
    "motion",
    "resolution",
    "bill",
    "text",
    "manifesto",
    "proposal",
    "plan",
];

/// Bodies in the plural that are not the regular plural of a body noun
/// ("police", "plaintiffs"): they speak, and take "they". Regular plurals
/// ("agencies", "banks") come from the singular tables
/// (`add_regular_plurals`), so each is written once.
const PLURAL_ORG_NOUNS: &[&str] = &["police", "plaintiffs", "defendants"];

/// People in the plural that are not the regular plural of a person noun
/// ("spokesmen", "witnesses"): people who can speak, and plural for
/// pronouns. Regular plurals ("officials", "residents") come from the
/// singular tables (`add_regular_plurals`), so each is written once.
const PLURAL_PERSON_NOUNS: &[&str] = &[
    "spokesmen",
    "spokeswomen",
    "spokespeople",
    "witnesses",
    // Also a body (DESC_ORG_NOUNS), so not derived from "prosecutor".
    "prosecutors",
    "people",
    "men",
    "women",
];

const NEGATIONS: &[&str] = &["not", "never", "n't", "no", "nor", "neither", "without"];

/// Verbs that cancel the verb they govern: "refrained from calling it".
const REFRAIN_VERBS: &[&str] = &[
    "refrain",
    "refrains",
    "refrained",
    "refraining",
    "decline",
    "declines",
    "declined",
    "declining",
    "refuse",
    "refuses",
    "refused",
    "refusing",
    "avoid",
    "avoids",
    "avoided",
    "avoiding",
    "stopped",
    "stopping",
    "fail",
    "fails",
    "failed",
    "failing",
    "hesitate",
    "hesitated",
    "hesitates",
    "reluctant",
    "unwilling",
    "loath",
    "shy",
    "shied",
];

/// Words that open a fronted subordinate or participial clause.
const SUBORDINATORS: &[&str] = &[
    "if",
    "when",
    "while",
    "whilst",
    "as",
    "after",
    "before",
    "because",
    "although",
    "though",
    "since",
    "unless",
    "whether",
    "where",
    "once",
    "until",
    "asked",
    "speaking",
    "writing",
    "addressing",
    "responding",
    "answering",
    "interviewed",
    "questioned",
    "pressed",
    "reached",
    "contacted",
    "told",
    "given",
    "despite",
    "following",
    "according",
    "upon",
    "having",
    "in",
    "on",
    "at",
    "during",
    "with",
    "for",
    "from",
    "by",
    "to",
    "after",
    "amid",
    "like",
    "unlike",
    "given",
    "instead",
    "rather",
    "even",
    "still",
    "now",
    "then",
    "meanwhile",
    "however",
    "later",
    "earlier",
    "last",
    "this",
    "next",
    "separately",
    "elsewhere",
    "yet",
    "overall",
    "indeed",
    "moreover",
    "furthermore",
    "nevertheless",
    "nonetheless",
    "besides",
    "also",
    "similarly",
    "likewise",
    "ultimately",
    "finally",
    "initially",
    "previously",
    "recently",
    "today",
    "yesterday",
    "tomorrow",
    "so",
    "thus",
    "therefore",
    "throughout",
    "within",
    "without",
    "under",
    "over",
    "against",
    "across",
    "between",
    "among",
    "towards",
    "toward",
    "about",
    "around",
    "ahead",
    "back",
];

const PREPOSITIONS: &[&str] = &[
    "alongside",
    "amidst",
    "of",
    "to",
    "in",
    "on",
    "at",
    "by",
    "for",
    "with",
    "from",
    "about",
    "against",
    "between",
    "into",
    "over",
    "under",
    "among",
    "through",
    "during",
    "after",
    "before",
    "toward",
    "towards",
    "across",
    "behind",
    "beyond",
    "near",
    "like",
    "unlike",
    "than",
    "via",
    "per",
    "upon",
    "onto",
    "within",
    "without",
    "around",
    "along",
    "amid",
    "amongst",
    "despite",
    "including",
    "regarding",
    "concerning",
    "inside",
    "outside",
    "throughout",
    "beside",
    "besides",
    "past",
];

const CONJUNCTIONS: &[&str] = &["and", "but", "or", "nor", "yet", "so", "&", "plus"];

/// Words that may fill a time phrase between subject and verb ("Lavrov on
/// Saturday said", "Blinken the same day said").
const TIME_WORDS: &[&str] = &[
    "on",
    "at",
    "in",
    "last",
    "this",
    "next",
    "the",
    "same",
    "day",
    "week",
    "weekend",
    "month",
    "year",
    "earlier",
    "later",
    "morning",
    "afternoon",
    "evening",
    "night",
    "today",
    "yesterday",
    "tonight",
    "overnight",
    "recently",
    "previously",
    "then",
    "ago",
    "past",
    "days",
    "weeks",
    "months",
    "years",
    "hours",
    "minutes",
    "early",
    "late",
    "friday's",
    "monday's",
];

/// Abbreviations written with a full stop that does not end a sentence.
/// Honorifics are in [`HONORIFICS`]; both keep the stop in the token.
const ABBREVIATIONS: &[&str] = &[
    "jr", "sr", "st", "inc", "corp", "co", "ltd", "no", "vs", "etc", "jan", "feb", "mar", "apr",
    "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mt", "ft", "ave", "approx", "dept",
    "est", "fig", "vol", "pp", "ed", "eds", "univ", "assn", "bros", "plc", "llc", "e.g", "i.e",
    "a.m", "p.m", "u.s", "u.k", "u.n", "e.u", "d.c",
];

/// Titles written with a full stop; never the end of a sentence.
const HONORIFICS: &[&str] = &[
    "mr", "mrs", "ms", "mx", "dr", "prof", "rev", "sen", "rep", "gov", "gen", "lt", "col", "capt",
    "sgt", "maj", "adm", "cmdr", "hon", "pres", "supt", "insp", "det", "atty", "fr", "sr", "jr",
    "messrs", "mme", "mlle", "cpl", "pvt", "brig",
];

/// Words that stay lower case in a Title Case book or film title.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "of", "on", "in", "to", "at",
    "by", "from", "with", "as", "into", "onto", "upon", "vs", "via", "per", "over", "up", "off",
    "out",
];

/// Capitalised words that are never (part of) a name at a sentence start.
const STOP_WORDS: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "in",
    "on",
    "at",
    "for",
    "from",
    "by",
    "with",
    "about",
    "after",
    "before",
    "during",
    "since",
    "until",
    "while",
    "when",
    "where",
    "why",
    "how",
    "what",
    "who",
    "which",
    "whose",
    "whom",
    "if",
    "as",
    "although",
    "though",
    "because",
    "but",
    "and",
    "or",
    "nor",
    "so",
    "yet",
    "however",
    "meanwhile",
    "moreover",
    "furthermore",
    "also",
    "still",
    "even",
    "then",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
    "last",
    "next",
    "earlier",
    "later",
    "both",
    "all",
    "each",
    "every",
    "some",
    "many",
    "most",
    "several",
    "few",
    "other",
    "another",
    "such",
    "no",
    "not",
    "only",
    "just",
    "there",
    "here",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "me",
    "him",
    "them",
    "us",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "asked",
    "speaking",
    "according",
    "despite",
    "under",
    "over",
    "between",
    "among",
    "against",
    "into",
    "through",
    "without",
    "within",
    "regarding",
    "following",
    "amid",
    "including",
    "instead",
    "unlike",
    "like",
    "once",
    "thus",
    "therefore",
    "indeed",
    "perhaps",
    "maybe",
    "yes",
    "said",
    "says",
    "told",
    "added",
    "asked",
    "writing",
    "reporting",
    "additional",
    "related",
    "read",
    "more",
    "photo",
    "video",
    "watch",
    "listen",
    "advertisement",
    "updated",
    "published",
    "posted",
    "editor's",
    "note",
    "correction",
    "source",
    "sources",
    "by",
    "via",
    "see",
    "click",
    "share",
    "subscribe",
    "sign",
    "follow",
    "comment",
    "comments",
    "reply",
    "trending",
    "breaking",
    "exclusive",
    "analysis",
    "opinion",
    "live",
    "update",
    "why",
    "where",
    "whether",
    "unless",
    "upon",
    "toward",
    "towards",
    "across",
    "behind",
    "beyond",
    "near",
    "outside",
    "inside",
    "throughout",
    "besides",
    "nevertheless",
    "nonetheless",
    "overall",
    "ultimately",
    "finally",
    "initially",
    "previously",
    "recently",
    "currently",
    "separately",
    "similarly",
    "likewise",
    "notably",
    "importantly",
    "interestingly",
    "surprisingly",
    "unfortunately",
    "fortunately",
    "sadly",
    "clearly",
    "obviously",
    "certainly",
    "apparently",
    "reportedly",
    "officially",
    "publicly",
    "privately",
    "instead",
    "rather",
    "almost",
    "nearly",
    "about",
    "around",
    "roughly",
    "approximately",
    "well",
    "much",
    "less",
    "least",
    "very",
    "too",
    "quite",
    "yet",
    "again",
    "always",
    "never",
    "often",
    "sometimes",
    "usually",
    "already",
    "soon",
    "ago",
    "first",
    "second",
    "third",
    "finally",
    "lastly",
    "mr",
    "ms",
    "those",
    "despite",
    "amid",
    "beside",
    "can",
    "could",
    "would",
    "should",
    "will",
    "shall",
    "may",
    "might",
    "must",
    "do",
    "does",
    "did",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "let",
    "let's",
    "get",
    "got",
    "make",
    "made",
    "take",
    "took",
    "give",
    "gave",
    "keep",
    "kept",
    "put",
    "go",
    "went",
    "come",
    "came",
    "see",
    "saw",
    "look",
    "new",
    "old",
    "big",
    "small",
    "good",
    "bad",
    "best",
    "worst",
    "top",
    "key",
    "major",
    "minor",
    "full",
    "free",
    "open",
    "close",
    "high",
    "low",
    "early",
    "late",
    "long",
    "short",
    "whatever",
    "whoever",
    "whenever",
    "wherever",
    "anyone",
    "everyone",
    "someone",
    "nobody",
    "nothing",
    "everything",
    "something",
    "anything",
    "none",
    "neither",
    "either",
    "hence",
    "whereas",
    "meantime",
    "additionally",
    "consequently",
    "accordingly",
    "otherwise",
    "elsewhere",
    "altogether",
    "alone",
    "together",
    "against",
    "plus",
    "minus",
    "i'd",
    "i'm",
    "i've",
    "i'll",
    "it's",
    "he's",
    "she's",
    "we're",
    "they're",
    "that's",
    "there's",
    "here's",
    "what's",
    "who's",
    "we've",
    "we'll",
    "we'd",
    "you're",
    "you've",
    "don't",
    "doesn't",
    "didn't",
    "isn't",
    "wasn't",
    "aren't",
    "weren't",
    "can't",
    "won't",
    "wouldn't",
    "shouldn't",
    "couldn't",
    "haven't",
    "hasn't",
    "hadn't",
    "o",
    "oh",
];

/// Words that mark quotation marks around a term, not around speech.
const TERM_INTRODUCERS: &[&str] = &[
    "so-called",
    "dubbed",
    "termed",
    "titled",
    "entitled",
    "named",
    "nicknamed",
    "word",
    "words",
    "phrase",
    "term",
    "slogan",
    "label",
    "labelled",
    "labeled",
    "hashtag",
    "motto",
    "mantra",
    "catchphrase",
    "banner",
    "headline",
    "heading",
    "song",
    "album",
    "film",
    "movie",
    "book",
    "novel",
    "show",
    "series",
    "programme",
    "program",
    "podcast",
    "play",
    "poem",
    "exhibition",
    "campaign",
    "operation",
    "codenamed",
    "code-named",
    "known",
    "marked",
    "stamped",
    "reading",
    "read",
];

const RELATIVES: &[&str] = &["who", "which", "whom"];

/// Name suffixes kept with the name.
const SUFFIXES: &[&str] = &["jr.", "jr", "sr.", "sr", "ii", "iii", "iv", "phd", "md"];

/// Lower-case particles inside personal names.
const PARTICLES: &[&str] = &[
    "de", "da", "di", "del", "della", "der", "den", "van", "von", "la", "le", "du", "dos", "das",
    "do", "bin", "ibn", "bint", "al", "el", "ter", "ten", "y", "zu", "af", "av", "st.", "mac",
    "ap", "ben", "abu",
];

const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan.",
    "feb.",
    "aug.",
    "sept.",
    "oct.",
    "nov.",
    "dec.",
];

const WEEKDAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// FNV-1a: the lexicon's keys are short words, where SipHash's setup cost
/// dominates. Not exposed to untrusted keys in a way that matters: the map
/// is built from constants and only queried.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

pub type FnvBuild = BuildHasherDefault<Fnv>;

/// Word → flags. Words from the tables are borrowed; the regular plurals
/// derived from them are owned by the map. Keyed by bytes, so a lookup
/// needs no UTF-8 check of the lower-cased word.
type Lexicon = HashMap<Cow<'static, [u8]>, u64, FnvBuild>;

static LEXICON: LazyLock<Lexicon> = LazyLock::new(build);

fn build() -> Lexicon {
    let mut map: Lexicon = HashMap::default();
    let mut add = |words: &[&'static str], f: u64| {
        for &w in words {
            if !w.is_empty() {
                *map.entry(Cow::Borrowed(w.as_bytes())).or_insert(0) |= f;
            }
        }
    };
    let verb_tables: [(&[VerbRow], u64); 5] = [
        (SPEECH_VERBS, SPEECH),
        (COMM_VERBS, COMM),
        (NAMING_VERBS, NAMING),
        (QUOTING_VERBS, QUOTING),
        (PHRASAL_VERBS, PHRASAL),
    ];
    for (rows, class) in verb_tables {
        for &(base, pres3, past, part, ing) in rows {
            add(&[base], class | BASE);
            add(&[pres3], class | PRES3);
            add(&[past], class | PAST);
            add(&[part], class | PARTICIPLE);
            add(&[ing], class | ING);
        }
    }
    add(NOUNLIKE_SPEECH_FORMS, NOUNLIKE_SPEECH);
    add(AFTER_QUOTE_VERBS, NOUNLIKE_SPEECH);
    add(LISTENER_VERBS, LISTENER);
    add(SPEECH_NOUNS, SPEECH_NOUN);
    add(AUXILIARIES, AUX);
    add(TITLES, TITLE);
    add(ROLE_MODIFIERS, ROLE_MOD);
    add(PRONOUNS, PRONOUN);
    add(OBJECT_PRONOUNS, OBJ_PRONOUN);
    add(DETERMINERS, DET);
    add(SKIPPABLE, SKIP);
    add(BE_FORMS, BE);
    add(DESC_PERSON_NOUNS, DESC_PERSON);
    add(EPITHET_NOUNS, DESC_PERSON | EPITHET);
    add(EPITHET_NOUNS_MALE, DESC_PERSON | EPITHET | MALE);
    add(EPITHET_NOUNS_FEMALE, DESC_PERSON | EPITHET | FEMALE);
    add(DEMONYM_NOUNS, DESC_PERSON | EPITHET | NATIONALITY);
    add(DESC_ORG_NOUNS, DESC_ORG);
    add(DESC_DOC_NOUNS, DESC_DOC);
    add(PLURAL_PERSON_NOUNS, DESC_PERSON | PLURAL);
    add(PLURAL_ORG_NOUNS, DESC_ORG | PLURAL);
    add(NEGATIONS, NEGATION);
    add(REFRAIN_VERBS, REFRAIN);
    add(SUBORDINATORS, SUBORD);
    add(PREPOSITIONS, PREP);
    add(CONJUNCTIONS, CONJ);
    add(TIME_WORDS, TIME);
    add(ABBREVIATIONS, ABBREV);
    add(HONORIFICS, HONORIFIC | ABBREV);
    add(SMALL_WORDS, SMALL);
    add(STOP_WORDS, STOP);
    add(TERM_INTRODUCERS, TERM_INTRO);
    add(RELATIVES, RELATIVE);
    add(SUFFIXES, SUFFIX);
    add(PARTICLES, PARTICLE);
    add(MONTHS, MONTH);
    add(WEEKDAYS, WEEKDAY | TIME);
    add(gazetteer::FEMALE_NAMES, FEMALE | GIVEN);
    add(gazetteer::MALE_NAMES, MALE | GIVEN);
    add(gazetteer::FEMALE_TITLES, FEMALE | TITLE);
    add(gazetteer::MALE_TITLES, MALE | TITLE);
    add(gazetteer::NATIONALITIES, NATIONALITY);
    add(gazetteer::PLACES, PLACE);
    add(gazetteer::STATE_ABBREVIATIONS, PLACE | ABBREV);
    for &w in gazetteer::STATE_ABBREVIATIONS {
        // The bare word keeps its full stop when tokenised ("Ala" + ".").
        if !w[..w.len() - 1].contains('.') {
            add(&[&w[..w.len() - 1]], ABBREV);
        }
    }
    add(gazetteer::ORG_HEADS, ORG_HEAD);
    add(gazetteer::MEDIA, MEDIA);
    add_regular_plurals(&mut map);
    map
}

/// The regular plural of every people or body noun ("lobbyists",
/// "parties") is one too, though the tables list only the singular. Built
/// once, so a lookup costs nothing more.
fn add_regular_plurals(map: &mut Lexicon) {
    let singulars: Vec<(String, u64)> = map
        .iter()
        .filter(|(w, f)| {
            **f & (DESC_PERSON | DESC_ORG) != 0 && **f & PLURAL == 0 && !w.contains(&b' ')
        })
        .map(|(w, f)| {
            (
                String::from_utf8_lossy(w).into_owned(),
                *f & (DESC_PERSON | DESC_ORG),
            )
        })
        .collect();
    for (word, desc) in singulars {
        if word.ends_with('s') {
            continue;
        }
        let plural = match word.strip_suffix('y') {
            Some(root) if !root.ends_with(['a', 'e', 'i', 'o', 'u']) => format!("{root}ies"),
            _ => format!("{word}s"),
        };
        match map.get_mut(plural.as_bytes()) {
            Some(f) if *f & (DESC_PERSON | DESC_ORG) != 0 => {}
            Some(f) => *f |= desc | PLURAL,
            None => {
                map.insert(Cow::Owned(plural.into_bytes()), desc | PLURAL);
            }
        }
    }
}

/// Longest word or phrase looked up; longer ones are in no table.
const MAX_WORD: usize = 40;

/// A family name written first in English news ("Xi", "Kim").
pub fn is_family_first_name(word: &str) -> bool {
    gazetteer::FAMILY_FIRST
        .iter()
        .any(|f| f.eq_ignore_ascii_case(word))
}

/// The flags of several words looked up as one phrase ("hong kong"),
/// without allocating. `words` yields the words in order.
pub fn phrase_flags<'a>(words: impl Iterator<Item = &'a str>) -> u64 {
    let mut buf = [0u8; MAX_WORD];
    let mut n = 0;
    for (i, w) in words.enumerate() {
        let need = w.len() + usize::from(i > 0);
        if n + need > buf.len() {
            return 0;
        }
        if i > 0 {
            buf[n] = b' ';
            n += 1;
        }
        buf[n..n + w.len()].copy_from_slice(w.as_bytes());
        n += w.len();
    }
    std::str::from_utf8(&buf[..n]).map_or(0, flags)
}

/// The flags of `word`, case-insensitively. Words with a trailing full stop
/// are looked up with it first ("Mr.", "Jr.") and then without.
pub fn flags(word: &str) -> u64 {
    if word.len() > MAX_WORD {
        return 0;
    }
    let mut buf = [0u8; MAX_WORD * 2];
    let Some(lower) = lowercase_bytes_into(word, &mut buf) else {
        return 0;
    };
    let map = &*LEXICON;
    let mut f = map.get(lower).copied().unwrap_or(0);
    if DESC_PERSON_SUFFIXES
        .iter()
        .any(|x| lower.ends_with(x.as_bytes()))
    {
        f |= DESC_PERSON | EPITHET;
    }
    match lower.strip_suffix(b".") {
        Some(bare) if !bare.is_empty() => f | map.get(bare).copied().unwrap_or(0),
        _ => f,
    }
}

/// Lower-case `word` into `buf` without allocating; `None` when it does
/// not fit (such words are in no table).
pub fn lowercase_into<'b>(word: &str, buf: &'b mut [u8]) -> Option<&'b str> {
    lowercase_bytes_into(word, buf).and_then(|b| std::str::from_utf8(b).ok())
}

/// [`lowercase_into`] as bytes: what the lexicon is keyed by.
fn lowercase_bytes_into<'b>(word: &str, buf: &'b mut [u8]) -> Option<&'b [u8]> {
    // Most words of English news are ASCII: lower-cased a byte at a time
    // (a fifth of the engine's time went to the general path).
    if word.is_ascii() {
        let out = buf.get_mut(..word.len())?;
        for (o, b) in out.iter_mut().zip(word.bytes()) {
            *o = b.to_ascii_lowercase();
        }
        return Some(out);
    }
    let mut n = 0;
    for c in word.chars() {
        // Typographic apostrophes are looked up as straight ones.
        let c = if c == '’' { '\'' } else { c };
        for lc in c.to_lowercase() {
            let len = lc.len_utf8();
            if n + len > buf.len() {
                return None;
            }
            lc.encode_utf8(&mut buf[n..n + len]);
            n += len;
        }
    }
    Some(&buf[..n])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_forms_carry_their_class_and_form() {
        let said = flags("said");
        assert!(said & SPEECH != 0 && said & PAST != 0);
        assert!(flags("Saying") & ING != 0);
        assert!(flags("quoted") & QUOTING != 0);
        assert!(flags("called") & NAMING != 0);
        assert!(flags("mocked") & COMM != 0);
    }

    #[test]
    fn nouns_that_look_like_verbs_are_left_out() {
        assert_eq!(flags("claims") & ATTRIBUTING, 0);
        assert_eq!(flags("report") & ATTRIBUTING, 0);
        assert_eq!(flags("state") & ATTRIBUTING, 0);
    }

    #[test]
    fn titles_with_a_full_stop_are_found() {
        assert!(flags("Mr.") & HONORIFIC != 0);
        assert!(flags("Dr.") & TITLE != 0);
        assert!(flags("Jr.") & SUFFIX != 0);
    }

    #[test]
    fn lookups_fold_case_and_apostrophes() {
        assert!(flags("PRESIDENT") & TITLE != 0);
        assert_eq!(flags("’s"), flags("'s"));
        assert_eq!(flags(&"x".repeat(500)), 0);
    }

    #[test]
    fn regular_plurals_of_people_and_bodies_are_derived() {
        for w in ["officials", "families", "agencies", "banks"] {
            assert!(flags(w) & PLURAL != 0, "{w}");
            assert!(flags(w) & (DESC_PERSON | DESC_ORG) != 0, "{w}");
        }
        assert_eq!(flags("officials") & DESC_ORG, 0);
        assert_eq!(flags("agencies") & DESC_PERSON, 0);
    }
}
