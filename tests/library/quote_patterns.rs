//! Quotations and their speakers on paragraphs written for these tests,
//! one or more per attribution pattern, from outlets and beats the seed
//! articles do not cover (courts, sport, business, science, local news),
//! with straight and curly marks, he, she and they, and quotations that
//! run over paragraphs. The seeds are a development set; these check that
//! the rules hold on text they were not written for.

use crate::support::quotes::check;

#[test]
fn quote_then_name_said() {
    check(
        "Council approves budget\n\n\
         “We have balanced the books without cutting services,” Mayor Linda Park said on Monday.",
        &[("We have balanced", Some("Linda Park"))],
    );
}

#[test]
fn quote_then_said_name_with_straight_marks() {
    check(
        "Storm closes schools\n\n\
         \"Safety comes first,\" said Superintendent Raj Patel, who ordered the closures.",
        &[("Safety comes first", Some("Raj Patel"))],
    );
}

#[test]
fn name_said_colon_then_quote() {
    check(
        "Shares slide\n\n\
         Analyst Maria Gomez of Barclays said: “The guidance was weaker than anyone expected.”",
        &[("The guidance was weaker", Some("Maria Gomez"))],
    );
}

#[test]
fn told_reporters_and_added() {
    check(
        "Coach defends tactics\n\n\
         “We created chances and didn’t take them,” Arsenal manager Mikel Arteta told reporters.\n\n\
         “It happens in football,” Arteta added.",
        &[
            ("We created chances", Some("Mikel Arteta")),
            ("It happens in football", Some("Mikel Arteta")),
        ],
    );
}

#[test]
fn wrote_in_a_post() {
    check(
        "CEO steps down\n\n\
         “It has been the honour of my life to lead this company,” chief executive Dana Whitfield wrote in a post on LinkedIn.",
        &[("It has been the honour", Some("Dana Whitfield"))],
    );
}

#[test]
fn according_to_name() {
    check(
        "Bridge repairs delayed\n\n\
         The work will take “at least another six months,” according to Tom Barrett, the county’s chief engineer.",
        &[("at least another six months", Some("Tom Barrett"))],
    );
}

#[test]
fn was_quoted_as_saying() {
    check(
        "Minister on talks\n\n\
         Trade Minister Akira Sato was quoted as saying that the talks were “constructive but incomplete.”",
        &[("constructive but incomplete", Some("Akira Sato"))],
    );
}

#[test]
fn agency_quoted_person_as_saying() {
    check(
        "Ceasefire talks\n\n\
         Reuters quoted Foreign Minister Hakan Demir as saying: “We will not accept preconditions.”",
        &[("We will not accept", Some("Hakan Demir"))],
    );
}

#[test]
fn it_cited_person_as_saying() {
    check(
        "Port strike ends\n\n\
         The state news agency said the strike was over. It cited union leader Paulo Mendes as saying the deal was “a fair compromise.”",
        &[("a fair compromise", Some("Paulo Mendes"))],
    );
}

#[test]
fn saying_after_a_clause() {
    check(
        "Senator grills nominee\n\n\
         Senator Ruth Alvarez took the nominee to task, saying, “You have not answered a single question directly.”",
        &[("You have not answered", Some("Ruth Alvarez"))],
    );
}

#[test]
fn said_that_he_was_sure() {
    check(
        "Prosecutor confident\n\n\
         District Attorney Sam Keller said that he was sure “the jury will see through the defence’s theatrics.”",
        &[("the jury will see through", Some("Sam Keller"))],
    );
}

#[test]
fn asserting_that_subject_of_the_sentence() {
    check(
        "Union rejects offer\n\n\
         Union president Grace Obi rejected the offer on Friday, asserting that management had “never negotiated in good faith.”",
        &[("never negotiated in good faith", Some("Grace Obi"))],
    );
}

#[test]
fn recalled_that() {
    check(
        "Astronaut looks back\n\n\
         Retired astronaut Helen Ward recalled that the first launch felt “like being kicked by a giant.”",
        &[("like being kicked", Some("Helen Ward"))],
    );
}

#[test]
fn she_said_after_a_paragraph_about_her() {
    check(
        "New vaccine trial\n\n\
         Dr. Amara Nwosu, an epidemiologist at the University of Lagos, led the trial of 4,000 volunteers.\n\n\
         “The early results are encouraging, but we need more data,” she said.",
        &[("The early results", Some("Amara Nwosu"))],
    );
}

#[test]
fn they_said_for_a_group() {
    check(
        "Residents fight plan\n\n\
         Residents of Elm Street have opposed the tower for two years.\n\n\
         “Nobody asked us,” they said in a joint letter.",
        &[("Nobody asked us", Some("Residents of Elm Street"))],
    );
}

#[test]
fn the_spokesman_resolves_to_the_named_spokesman() {
    check(
        "Airline cancels flights\n\n\
         Airline spokesman Peter Lindqvist said 40 flights were cancelled.\n\n\
         “We apologise to every passenger affected,” the spokesman said.",
        &[("We apologise", Some("Peter Lindqvist"))],
    );
}

#[test]
fn the_official_resolves_to_an_unnamed_source() {
    check(
        "Talks stall\n\n\
         A senior State Department official briefed reporters on condition of anonymity.\n\n\
         “We are not there yet,” the official said.",
        &[(
            "We are not there yet",
            Some("senior State Department official"),
        )],
    );
}

#[test]
fn quote_only_paragraph_continues_the_previous_speaker() {
    check(
        "Judge rules\n\n\
         “The statute is clear,” Judge Elena Ruiz wrote in her opinion.\n\n\
         “Congress did not leave room for a different reading.”",
        &[
            ("The statute is clear", Some("Elena Ruiz")),
            ("Congress did not leave", Some("Elena Ruiz")),
        ],
    );
}

#[test]
fn a_quotation_over_paragraphs_is_one_record_per_paragraph() {
    check(
        "Founder speaks\n\n\
         “When we started, we had two laptops and a garage,” said founder Nikhil Rao.\n\n\
         “Nobody believed the idea would work. Investors laughed at us.\n\n\
         “Now we employ 3,000 people.”",
        &[
            ("When we started", Some("Nikhil Rao")),
            ("Nobody believed", Some("Nikhil Rao")),
            ("Now we employ", Some("Nikhil Rao")),
        ],
    );
}

#[test]
fn partial_quote_inside_a_sentence() {
    check(
        "Economy\n\n\
         Central bank governor Ines Carvalho said inflation remained “stubbornly high” but would ease next year.",
        &[("stubbornly high", Some("Ines Carvalho"))],
    );
}

#[test]
fn scare_quotes_and_titles_have_no_speaker() {
    check(
        "Film review\n\n\
         The director’s new film, “The Long Night of Summer,” opens on Friday.\n\n\
         Critics have called the trend of so-called “quiet quitting” overblown.",
        &[("The Long Night of Summer", None), ("quiet quitting", None)],
    );
}

#[test]
fn apostrophes_are_not_quotation_marks() {
    check(
        "Rock’n’roll\n\n\
         The band’s ’90s hits weren’t forgotten, and the fans’ chants didn’t stop.",
        &[],
    );
}

#[test]
fn single_marks_used_as_quotation_marks() {
    check(
        "Match report\n\n\
         ‘We deserved the win,’ said captain Harry Kane. ‘The lads were brilliant.’",
        &[
            ("We deserved the win", Some("Harry Kane")),
            ("The lads were brilliant", Some("Harry Kane")),
        ],
    );
}

#[test]
fn mixed_marks_close_a_curly_quote_with_a_straight_one() {
    check(
        "Strike\n\n\
         “We will stay out until they listen,\" said union organiser Bea Jones.",
        &[("We will stay out", Some("Bea Jones"))],
    );
}

#[test]
fn bracketed_insertions_stay_in_the_quote() {
    check(
        "Merger\n\n\
         “This [merger] will create the largest bank in the region,” said CEO Omar Haddad.",
        &[("This [merger] will create", Some("Omar Haddad"))],
    );
}

#[test]
fn an_unbalanced_mark_does_not_swallow_the_article() {
    check(
        "Heat wave\n\n\
         The forecaster warned of “record temperatures on Tuesday.\n\n\
         Officials opened cooling centres across the city. “Drink water and stay inside,” Fire Chief Dan Moss said.",
        &[
            ("record temperatures", None),
            ("Drink water", Some("Dan Moss")),
        ],
    );
}

#[test]
fn an_organisation_can_speak() {
    check(
        "Recall\n\n\
         “The affected vehicles should not be driven until repaired,” Toyota said in a statement.",
        &[("The affected vehicles", Some("Toyota"))],
    );
}

#[test]
fn two_speakers_in_one_article_stay_apart() {
    check(
        "Court hears appeal\n\n\
         “My client was denied a fair trial,” defence lawyer Kate Morrow said.\n\n\
         Prosecutor Ben Ash disagreed. “The trial was fair by any standard,” he said.",
        &[
            ("My client was denied", Some("Kate Morrow")),
            ("The trial was fair", Some("Ben Ash")),
        ],
    );
}

#[test]
fn a_headline_quote_takes_the_speaker_of_the_body_quote_it_repeats() {
    check(
        "Mayor vows to ‘fix every pothole’\n\n\
         “I will fix every pothole in this city by spring,” Mayor Carla Diaz said on Tuesday.",
        &[
            ("fix every pothole", Some("Carla Diaz")),
            ("I will fix every pothole", Some("Carla Diaz")),
        ],
    );
}

#[test]
fn epithets_are_second_references() {
    check(
        "Veteran signs on\n\n\
         Forward James Okoro, 34, signed a one-year extension on Friday.\n\n\
         “I feel as fit as I did at 25,” the 34-year-old said.\n\n\
         Coach Mauricio Pochettino praised the decision. “James is a model professional,” he told a news conference.",
        &[
            ("I feel as fit", Some("James Okoro")),
            ("James is a model", Some("Mauricio Pochettino")),
        ],
    );
}

#[test]
fn name_with_a_trailing_appositive_role() {
    check(
        "Recall widens\n\n\
         “We’re confident in the fix,” said Jane Doe, a spokeswoman for Acme Corp.",
        &[("We’re confident", Some("Jane Doe"))],
    );
}

#[test]
fn in_a_statement_org_said_it_was() {
    check(
        "Data breach\n\n\
         In a statement, Microsoft said it was “deeply concerned” by the report.",
        &[("deeply concerned", Some("Microsoft"))],
    );
}

#[test]
fn the_company_resolves_to_the_named_company() {
    check(
        "Plant closes\n\n\
         Nordwerk Industries announced on Monday that it would close its Ohio plant.\n\n\
         “This was a difficult decision,” the company said in a statement.",
        &[("This was a difficult", Some("Nordwerk Industries"))],
    );
}

#[test]
fn an_anonymous_resident() {
    check(
        "Flooding\n\n\
         “The water came up so fast,” one resident, who asked not to be named, said.",
        &[("The water came up", Some("resident"))],
    );
}

#[test]
fn a_nested_quote_belongs_to_the_outer_one() {
    check(
        "Witness\n\n\
         “He told me ‘never again,’ and I believed him,” said witness Carol Hunt.",
        &[("He told me ‘never again,’", Some("Carol Hunt"))],
    );
}

#[test]
fn a_question_asked_by_a_senator() {
    check(
        "Hearing\n\n\
         “Why did you wait six months?” asked Senator Bob Lee.",
        &[("Why did you wait", Some("Bob Lee"))],
    );
}

#[test]
fn an_age_between_name_and_verb() {
    check(
        "Marathon\n\n\
         “I just kept running,” Lucy Kamau, 29, said after crossing the line.",
        &[("I just kept running", Some("Lucy Kamau"))],
    );
}

#[test]
fn other_speech_verbs() {
    check(
        "Debate\n\n\
         “The plan is unaffordable,” Councillor Ann Briggs argued.\n\n\
         “It pays for itself,” insisted Deputy Mayor Joe Ross.\n\n\
         “Rates will rise,” Briggs warned.",
        &[
            ("The plan is unaffordable", Some("Ann Briggs")),
            ("It pays for itself", Some("Joe Ross")),
            ("Rates will rise", Some("Ann Briggs")),
        ],
    );
}

#[test]
fn she_wrote_on_social_media() {
    check(
        "Senator reacts\n\n\
         Senator Elizabeth Warren criticised the merger on Tuesday.\n\n\
         “This deal will raise prices for families,” she wrote on X.",
        &[("This deal will raise", Some("Elizabeth Warren"))],
    );
}

#[test]
fn straight_quotes_with_apostrophes_inside() {
    check(
        "Neighbours\n\n\
         \"I don't know what they're thinking,\" said neighbour Tim Cole. \"It's madness.\"",
        &[
            ("I don't know", Some("Tim Cole")),
            ("It's madness", Some("Tim Cole")),
        ],
    );
}

#[test]
fn a_quote_only_paragraph_after_a_new_speaker_is_introduced() {
    check(
        "Zoning fight\n\n\
         “We will sue,” developer Ray Kim said.\n\n\
         Planning chair Susan Ali was unmoved. She said the rules were clear.\n\n\
         “Nobody is above the zoning code.”",
        &[
            ("We will sue", Some("Ray Kim")),
            ("Nobody is above", Some("Susan Ali")),
        ],
    );
}

#[test]
fn a_participle_after_a_mid_sentence_attribution() {
    check(
        "Storm warning\n\n\
         Winds of up to 60 mph were expected overnight, the National Weather Service said in an advisory, calling the situation \"particularly dangerous.\"",
        &[("particularly dangerous", Some("National Weather Service"))],
    );
}

/// A whole wire story: dateline, byline block, several sources, a term in
/// quotation marks, a quotation over two paragraphs, a reporting credit.
#[test]
fn a_wire_story_end_to_end() {
    check(
        "Wildfire forces thousands to flee as winds pick up\n\n\
         By Marcus Hale and Jenna Ortiz\n\n\
         LOS ANGELES, Aug 14 (Reuters) - A fast-moving wildfire forced more than 12,000 people from their homes on Wednesday, officials said.\n\n\
         \"We are asking everyone in the evacuation zone to leave now. Do not wait,\" Los Angeles County Fire Chief Anthony Marrone said at a briefing. \"This fire is moving faster than our crews can contain it.\"\n\n\
         The blaze, dubbed the \"Canyon Fire,\" had burned 18,000 acres by midday, according to Cal Fire.\n\n\
         Governor Gavin Newsom declared a state of emergency. In a post on X, he said the state was \"all hands on deck\" and had requested federal help.\n\n\
         Residents described a chaotic scene. \"The sky turned orange in about ten minutes,\" said Maria Delgado, 52, who fled with her two dogs.\n\n\
         Her neighbour, retired firefighter Dale Simmons, stayed behind. \"I've seen a lot of fires,\" Simmons told Reuters by phone.\n\n\
         \"We haven't seen a setup like this since 2018,\" said Dr. Kevin Lau, a climate scientist at UCLA. \"The vegetation is bone-dry.\n\n\
         \"Every spark is a potential disaster.\"\n\n\
         (Reporting by Marcus Hale; Editing by Sandra Maler)",
        &[
            ("We are asking", Some("Anthony Marrone")),
            ("This fire is moving", Some("Anthony Marrone")),
            ("Canyon Fire", None),
            ("all hands on deck", Some("Gavin Newsom")),
            ("The sky turned orange", Some("Maria Delgado")),
            ("I've seen a lot", Some("Dale Simmons")),
            ("We haven't seen", Some("Kevin Lau")),
            ("The vegetation is", Some("Kevin Lau")),
            ("Every spark", Some("Kevin Lau")),
        ],
    );
}

#[test]
fn archive_doubled_single_marks_hold_a_nested_quotation_and_a_spaced_close() {
    check(
        "Ferry vote\n\n\
         ''I still remember the night it was on 'Harbour Watch,''' said Edda Moen, a ferry captain.\n\n\
         ''The reason it passed is the coalition, '' said Ms. Moen. ''Nobody else could build it.''",
        &[
            (
                "I still remember the night it was on 'Harbour Watch,'",
                Some("Edda Moen"),
            ),
            ("The reason it passed", Some("Edda Moen")),
            ("Nobody else could build it", Some("Edda Moen")),
        ],
    );
}

#[test]
fn a_quoted_transcript_turn_is_its_labels_speaker() {
    // A straight-quoted block keeps its curly quotations inside it, and
    // each turn goes to the person its label names, not to the guest the
    // lead-in is about.
    check(
        "Mayor on the radio\n\n\
         Mayor Dana Whitlock spoke to the station on Friday. The exchange went as follows:\n\n\
         \"HOST: Critics called the plan “a giveaway.” Is it?\n\n\
         \"WHITLOCK: No. It pays for itself within five years.\n\n\
         \"HOST: And the council?\n\n\
         \"WHITLOCK: They will vote on “the final draft” next week.",
        &[
            (
                "HOST: Critics called the plan “a giveaway.” Is it?",
                Some("Host"),
            ),
            ("WHITLOCK: No.", Some("Dana Whitlock")),
            ("HOST: And the council?", Some("Host")),
            ("WHITLOCK: They will vote", Some("Dana Whitlock")),
        ],
    );
}

#[test]
fn names_joined_by_and_speak_together() {
    check(
        "Orchard report\n\n\
         “Yields fell for the third year,” economists Priya Nandakumar and Tomas Ek wrote in the report.\n\n\
         “Frost came late,” said Priya Nandakumar and Tomas Ek.\n\n\
         HARVEST OUTLOOK - Nandakumar and Ek: “Next year depends on rain.”",
        &[
            ("Yields fell", Some("Priya Nandakumar and Tomas Ek")),
            ("Frost came late", Some("Priya Nandakumar and Tomas Ek")),
            ("Next year", Some("Priya Nandakumar and Tomas Ek")),
        ],
    );
    // "both" between the names and the verb.
    check(
        "Orchard report\n\n\
         Priya Nandakumar and Tomas Ek both called the harvest “the worst in years.”",
        &[("the worst", Some("Priya Nandakumar and Tomas Ek"))],
    );
    // One of them a pronoun: nobody in particular.
    check(
        "Orchard report\n\n\
         “Frost came late,” he and Tomas Ek wrote.",
        &[("Frost came late", None)],
    );
}
