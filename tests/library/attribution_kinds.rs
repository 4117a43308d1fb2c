//! One test per kind of attribution error that real news showed (issue
//! 14): each paragraph is written for the test, in the shape of the
//! sentences that went wrong, never copied from an article.

use crate::support::quotes::check;

#[test]
fn listeners_named_after_the_verb_do_not_break_a_speaker_run() {
    check(
        "Harbour plan\n\n\
         “We have waited ten years for this,” Deputy Mayor Rosa Quint told radio host Ben Adler. \
         “The ferry will run by spring.”",
        &[
            ("We have waited", Some("Rosa Quint")),
            ("The ferry will run", Some("Rosa Quint")),
        ],
    );
    check(
        "Orchard season\n\n\
         “It was the driest July we have had,” Tomas Reyes said of his neighbours Ann and Piet Vos. \
         “Half the apples dropped early.”",
        &[
            ("It was the driest", Some("Tomas Reyes")),
            ("Half the apples", Some("Tomas Reyes")),
        ],
    );
}

#[test]
fn a_name_after_role_words_is_the_speaker() {
    check(
        "Chip export rules\n\n\
         “The rule will cost us orders,” Lumatek chief executive Hanna Oslo said on Tuesday.",
        &[("The rule will cost", Some("Hanna Oslo"))],
    );
    check(
        "Poll\n\n\
         “Turnout is the whole story,” said Riverside pollster Dev Anand.",
        &[("Turnout is the whole story", Some("Dev Anand"))],
    );
}

#[test]
fn a_name_in_apposition_to_a_description_is_the_speaker() {
    check(
        "Port strike\n\n\
         “Talks resume on Monday,” the union’s negotiator, Carla Mendes, wrote in an email.",
        &[("Talks resume", Some("Carla Mendes"))],
    );
}

#[test]
fn unnamed_sources_keep_their_description_whole() {
    check(
        "Campaign memo\n\n\
         “Nobody read the memo before it went out,” said one former campaign volunteer, who asked \
         not to be named.",
        &[("Nobody read the memo", Some("former campaign volunteer"))],
    );
    check(
        "Budget talks\n\n\
         “The numbers do not add up,” said a longtime adviser to the governor.",
        &[(
            "The numbers do not",
            Some("longtime adviser to the governor"),
        )],
    );
}

#[test]
fn a_surname_repeated_at_a_sentence_start_is_the_person() {
    check(
        "Library vote\n\n\
         Among the critics was the former librarian, Odile Marchetti. Marchetti went after the \
         council on Thursday, calling the closure “a betrayal of every reader in town.”",
        &[("a betrayal of every reader", Some("Odile Marchetti"))],
    );
}

#[test]
fn partial_quotations_in_reported_speech_belong_to_the_subject() {
    check(
        "Zoning fight\n\n\
         Councillor Bram Oduya dismissed the developer’s offer as “a few crumbs for the \
         neighbourhood” and vowed to vote against it.",
        &[("a few crumbs", Some("Bram Oduya"))],
    );
    check(
        "Transit\n\n\
         Engineer Lise Kamara also lamented a budget process in which projects “die quietly in \
         committee” every spring.",
        &[("die quietly in committee", Some("Lise Kamara"))],
    );
}

#[test]
fn capitalised_common_nouns_opening_a_sentence_are_not_speakers() {
    check(
        "Work culture\n\n\
         Economists have called the habit of so-called “quiet spending” a myth.",
        &[("quiet spending", None)],
    );
}

#[test]
fn short_partial_quotations_with_a_speaking_subject_are_theirs() {
    check(
        "Water board\n\n\
         Commissioner Ilse Brandt dismissed the audit as “talking points” on Tuesday.",
        &[("talking points", Some("Ilse Brandt"))],
    );
}

#[test]
fn names_of_shows_and_marked_terms_get_no_speaker() {
    check(
        "Morning television\n\n\
         Senator Ruth Okafor appeared on “Breakfast Desk” to defend the bill.\n\n\
         Okafor has criticised the so-called “fast lane” for lobbyists.",
        &[("Breakfast Desk", None), ("fast lane", None)],
    );
}

#[test]
fn a_paragraph_whose_attribution_is_not_understood_gets_no_speaker() {
    check(
        "Stadium vote\n\n\
         “We will not build it with public money,” Mayor Ada Lind said.\n\n\
         Across town, the plan drew a different verdict from the booster club, whose flyers called \
         it “the deal of the decade.”",
        &[
            ("We will not build", Some("Ada Lind")),
            ("the deal of the decade", None),
        ],
    );
}

#[test]
fn a_quote_only_paragraph_continues_the_speaker() {
    check(
        "Ferry\n\n\
         “The crossing is safe,” harbour master Nils Berg said.\n\n\
         “We inspect every hull twice a year.”",
        &[
            ("The crossing is safe", Some("Nils Berg")),
            ("We inspect every hull", Some("Nils Berg")),
        ],
    );
}

#[test]
fn a_carrier_is_via_and_not_the_speaker() {
    use saidso::corpus::{Origin, assemble::article_from_bytes};
    let text = "Talks\n\n“We will not accept it,” the state news agency Norpress quoted \
                Foreign Minister Lev Aron as saying.\n\n“No deal,” Aron said, according to Baltic Wire.\n\n\
                “Ties will grow,” Aron was quoted as saying by Latvian media outlet Rigas Zinas.\n\n\
                “Not now,” Aron was quoted by Norpress, a Nordic news agency, as saying.\n\n\
                “Later,” Aron said, according to the independent broadcaster Vidzeme Radio.\n\n\
                “Soon,” Aron was quoted by Norpress news agency as saying.";
    let article = article_from_bytes("t.txt".into(), Origin::Embedded, text.as_bytes());
    let found = saidso::quotes::find_quotes(&article);
    let got: Vec<(Option<&str>, Option<&str>)> = found
        .quotes
        .iter()
        .map(|q| {
            (
                found.speaker_of(q).map(|s| s.name.as_str()),
                q.via.as_deref(),
            )
        })
        .collect();
    assert_eq!(
        got,
        [
            (Some("Lev Aron"), Some("Norpress")),
            (Some("Lev Aron"), Some("Baltic Wire")),
            // The name after a description of the outlet, not its first
            // capitalised word.
            (Some("Lev Aron"), Some("Rigas Zinas")),
            (Some("Lev Aron"), Some("Norpress")),
            (Some("Lev Aron"), Some("Vidzeme Radio")),
            (Some("Lev Aron"), Some("Norpress")),
        ]
    );
}

#[test]
fn an_attribution_at_the_end_of_the_sentence() {
    check(
        "Recount\n\n\
         “It would be a blow to the mayor” if the margin stayed under a point, said Tove Lund, an \
         analyst at the Civic Data Lab.",
        &[("It would be a blow", Some("Tove Lund"))],
    );
}

#[test]
fn a_determined_source_the_lexicon_does_not_list() {
    check(
        "Rally\n\n\
         “Recount!” the crowd chanted.\n\n\
         “Vote early, vote often,” intoned a narrator.",
        &[
            ("Recount!", Some("crowd")),
            ("Vote early", Some("narrator")),
        ],
    );
}

#[test]
fn a_speech_sentence_then_a_quotation_in_the_same_paragraph() {
    check(
        "Levee\n\n\
         Parish engineer Colm Avery said in a statement on Friday. “The levee held, and it will \
         hold again.”",
        &[("The levee held", Some("Colm Avery"))],
    );
}

#[test]
fn a_surname_that_is_also_a_country_is_the_person() {
    check(
        "Hearing\n\n\
         Representative Ada Georgia opened the hearing. “We want the records,” Georgia said.",
        &[("We want the records", Some("Ada Georgia"))],
    );
}

#[test]
fn a_fronted_participle_clause_is_not_a_speaker() {
    check(
        "Convention\n\n\
         Styling himself as the party’s conscience, Senator Eli Moss told delegates the vote was \
         “a test of who we are.”",
        &[("a test of who we are", Some("Eli Moss"))],
    );
}

#[test]
fn a_dash_credit_names_the_speaker() {
    check(
        "Pier\n\n\
         “We will rebuild the pier by summer.” — Ines Duarte, mayor of Porto Novo\n\n\
         The town – “a small place with a long memory” – voted to rebuild.",
        &[
            ("We will rebuild the pier", Some("Ines Duarte")),
            ("a small place", None),
        ],
    );
}

#[test]
fn a_title_word_after_an_honorific_is_a_family_name() {
    check(
        "Harbour dues\n\n\
         Anna King runs the port authority.\n\n\
         “Dues will rise in March,” Ms. King said. “Nobody likes it.”\n\n\
         “We will fight this,” said Mr. Bishop, who owns the ferry line.",
        &[
            ("Dues will rise", Some("Anna King")),
            ("Nobody likes it", Some("Anna King")),
            ("We will fight this", Some("Bishop")),
        ],
    );
}

#[test]
fn verbs_that_are_mostly_nouns_attribute_right_after_a_quotation() {
    check(
        "Budget\n\n\
         Oren Vale chairs the finance committee.\n\n\
         “The numbers do not add up,” Vale notes.\n\n\
         “They never have,” counters Lia Park, the treasurer.",
        &[
            ("The numbers do not add up", Some("Oren Vale")),
            ("They never have", Some("Lia Park")),
        ],
    );
}

#[test]
fn an_appositive_with_commas_of_its_own_is_skipped_to_its_verb() {
    check(
        "Veterans\n\n\
         “I would do it again,” Mr. Tarn, now 84 and living in Salem, Ore., said by telephone.",
        &[("I would do it again", Some("Tarn"))],
    );
}

#[test]
fn an_appositive_is_the_person_it_follows_not_someone_new() {
    check(
        "Ferry\n\n\
         Former Oregon governor Lena Marsh, an early backer of the ferry, calls it \
         “a lifeline.” “The island needs it,” she said.\n\n\
         Tom Aske (R-Ore.), who chairs the transport panel, agreed. “So do we,” he said.",
        &[
            ("a lifeline", Some("Lena Marsh")),
            ("The island needs it", Some("Lena Marsh")),
            ("So do we", Some("Tom Aske")),
        ],
    );
}

#[test]
fn a_name_inside_an_appositive_is_not_the_subject() {
    check(
        "Aid\n\n\
         Rita Solberg, a former treasury official who is now a fellow at the Institute for \
         Open Trade, which studies tariffs, said the plan was “late but welcome.”\n\n\
         “It is too slow,” Representative Paul T. Judge of Ohio said. \
         Of the plan, Solberg said, “It will pass.”",
        &[
            ("late but welcome", Some("Rita Solberg")),
            ("It is too slow", Some("Paul T. Judge")),
            ("It will pass", Some("Rita Solberg")),
        ],
    );
}

#[test]
fn a_surname_that_is_also_a_common_word_is_the_person_named_before() {
    check(
        "Merger\n\n\
         Ivo Read runs the brewery, and Nadia Cuban runs its rival.\n\n\
         “This is a fair price,” Read said. “It is too early,” said Cuban.\n\n\
         “We may sell on Friday,” Read said on Tuesday.",
        &[
            ("This is a fair price", Some("Ivo Read")),
            ("It is too early", Some("Nadia Cuban")),
            ("We may sell", Some("Ivo Read")),
        ],
    );
}

#[test]
fn phrasal_verbs_and_as_x_put_it_attribute() {
    check(
        "Ports\n\n\
         “It is a good start, right?” Mayor Una Fisk went on. “But the port needs more.”\n\n\
         As the Gazette’s Omar Lind puts it, “The port has waited long enough.”\n\n\
         In a statement on Monday, Rep. Lee Hart (D-N.Y.) reacted to the vote, saying: \
         “This is a win for the harbour.”\n\n\
         Ohio’s attorney general, Mia Stone, vowed to go after “anyone who dumps oil.”",
        &[
            ("It is a good start", Some("Una Fisk")),
            ("But the port needs more", Some("Una Fisk")),
            ("The port has waited", Some("Omar Lind")),
            ("This is a win", Some("Lee Hart")),
            ("anyone who dumps oil", Some("Mia Stone")),
        ],
    );
}

#[test]
fn roles_before_a_name_and_names_before_an_ing_verb() {
    check(
        "Dam\n\n\
         “The dam is safe,” former state engineer Rolf Berg explained. “It was built well.”\n\n\
         Farmers were uneasy, with Sen. Ana Moya calling the plan a “paper promise.”\n\n\
         The crowd cheers, and then Berg continues: “We will inspect it every year.”",
        &[
            ("The dam is safe", Some("Rolf Berg")),
            ("It was built well", Some("Rolf Berg")),
            ("paper promise", Some("Ana Moya")),
            ("We will inspect it", Some("Rolf Berg")),
        ],
    );
}

#[test]
fn a_title_case_headline_verb_ends_the_name() {
    check(
        "Lena Fosse Says The Dam Plan ‘Makes No Sense’\n\n\
         Lena Fosse, an engineer, spoke on Monday.",
        &[("Makes No Sense", Some("Lena Fosse"))],
    );
}

#[test]
fn a_passive_names_its_speaker_after_by_and_a_title_can_be_a_surname() {
    check(
        "Debate\n\n\
         Ruiz was asked by host Carla Webb, who moderated the debate, “Will you raise taxes?”\n\n\
         “Not this year,” said former Idaho governor Henry Bishop (R), a Ruiz supporter.\n\n\
         After Webb pressed him, Ruiz shot back, “I said no.”",
        &[
            ("Will you raise taxes", Some("Carla Webb")),
            ("Not this year", Some("Henry Bishop")),
            ("I said no", Some("Ruiz")),
        ],
    );
}

#[test]
fn a_name_and_a_colon_opening_a_line_credit_its_quotations() {
    check(
        "Ana Roth: The Tariff Is ‘a Tax on Families’\n\n\
         Ana Roth, an economist, spoke on Monday.",
        &[("a Tax on Families", Some("Ana Roth"))],
    );
}

#[test]
fn a_whole_quoted_sentence_after_reported_speech_is_its_speakers() {
    check(
        "Flood\n\n\
         Rosa Delgado says she got a frantic call from her brother that night. \
         “He told me the water was at the door and rising fast.”\n\n\
         Tomas Berg said Ana Lind had warned the council. “Nobody listened to her at all.”",
        &[
            ("He told me the water", Some("Rosa Delgado")),
            ("Nobody listened", None),
        ],
    );
}

#[test]
fn an_unnamed_source_keeps_its_affiliation() {
    check(
        "Ferry fares\n\n\
         The timing was so odd that a spokesman for Mayor Ruth Ong could only quip: \
         “I guess the holiday was booked.”\n\n\
         “The fares will stay,” officials at the port authority said.",
        &[
            ("I guess the holiday", Some("spokesman for Mayor Ruth Ong")),
            (
                "The fares will stay",
                Some("officials at the port authority"),
            ),
        ],
    );
}

#[test]
fn roles_with_modifiers_party_tags_and_passives_before_an_infinitive() {
    check(
        "Budget day\n\n\
         “That would have been fairer,” the City Hall press secretary, Omar Reyes, said on Tuesday.\n\n\
         On Monday, Gov. Ada Quist (R-Ore.), said, “I am ready to sign it.”\n\n\
         The hearing was so calm that Mr. Ahn was prompted to say, “I cannot believe how civil \
         this has been.”\n\n\
         Lena Marsh, the chair of the Harbour Trust (HT), said the fee was “fair.”",
        &[
            ("That would have been fairer", Some("Omar Reyes")),
            ("I am ready to sign it", Some("Ada Quist")),
            ("I cannot believe", Some("Ahn")),
            ("fair", Some("Lena Marsh")),
        ],
    );
}

#[test]
fn a_name_after_an_outlets_possessive_and_an_inverted_verb_before_the_quote() {
    check(
        "Polls\n\n\
         “What stuns me is how little the field moves,” the Gazette’s Ida Berg said.\n\n\
         Because the calendar is short, explained Paul Rask, “there is no time to recover.”\n\n\
         Ms. Berg told Radio North, “We will see in March.”\n\n\
         Senator Ana Moya said that once the Senate goes on recess, “I will campaign everywhere.”",
        &[
            ("What stuns me", Some("Ida Berg")),
            ("there is no time", Some("Paul Rask")),
            ("We will see", Some("Ida Berg")),
            ("I will campaign", Some("Ana Moya")),
        ],
    );
}

#[test]
fn a_role_with_of_inside_leads_to_the_name() {
    check(
        "Schools\n\n\
         “The first line of defence is the family,” said former secretary of state Maria Lunde, \
         who spoke after him.",
        &[("The first line", Some("Maria Lunde"))],
    );
}

#[test]
fn a_topic_line_then_a_dash_and_a_name_with_a_colon_credits_the_quotation() {
    check(
        "Newsletter\n\n\
         TURNOUT SURPRISED EVERYONE - Dana Iver: “At long last the count is in, and it is high.”",
        &[("At long last", Some("Dana Iver"))],
    );
}

#[test]
fn a_title_case_headline_names_a_known_speaker_by_both_names() {
    check(
        "‘This Plan Will Fail,’ Anna Lund Says\n\n\
         Anna Lund spoke on Monday.",
        &[("This Plan Will Fail", Some("Anna Lund"))],
    );
}

#[test]
fn in_the_words_of_names_the_speaker() {
    check(
        "Library\n\n\
         The new library is, in the words of the city architect Ines Holm, “a room for everyone.”",
        &[("a room for everyone", Some("Ines Holm"))],
    );
}

#[test]
fn a_title_case_headline_names_a_speaker_whose_given_name_is_not_listed() {
    check(
        "‘This Plan Will Fail,’ Oskar Lund Says\n\n\
         Oskar Lund spoke on Monday.",
        &[("This Plan Will Fail", Some("Oskar Lund"))],
    );
}

#[test]
fn a_new_sentence_with_content_of_its_own_does_not_attribute_the_quotation_before_it() {
    check(
        "Police inquiry\n\n\
         Attorney General Rita Voss asserted that “trust in the force is broken.” \
         Mayor Tom Hale said Wednesday he, too, wants an inquiry.\n\n\
         “We are done.” Chief Ana Lind said on Tuesday.",
        &[
            ("trust in the force", Some("Rita Voss")),
            ("We are done", Some("Ana Lind")),
        ],
    );
}

#[test]
fn a_name_in_apposition_to_an_unlisted_description_is_the_speaker() {
    check(
        "Market brawl\n\n\
         “He had it coming,” the attacker, Len Morrow, told a local station. \
         “I would do it again.”",
        &[
            ("He had it coming", Some("Len Morrow")),
            ("I would do it again", Some("Len Morrow")),
        ],
    );
    check(
        "Flood warnings\n\n\
         “We are scared,” wrote another Facebook commenter, Ida Lind.",
        &[("We are scared", Some("Ida Lind"))],
    );
}

#[test]
fn a_rank_with_an_ordinal_does_not_hide_the_name() {
    check(
        "Base closure\n\n\
         “Nobody asked us,” said Navy 2nd Lt. Omar Fadel.",
        &[("Nobody asked us", Some("Omar Fadel"))],
    );
}

#[test]
fn a_whole_sentence_in_capitals_is_speech_not_a_title() {
    check(
        "Primary\n\n\
         “Only two candidates can do it,” said Tess Maron, a strategist. \
         “That’s Ann Lee and Bo Park.”",
        &[
            ("Only two candidates", Some("Tess Maron")),
            ("That’s Ann Lee and Bo Park", Some("Tess Maron")),
        ],
    );
}

#[test]
fn a_clause_at_the_end_of_a_sentence_attributes_all_its_quoted_words() {
    check(
        "Endorsements\n\n\
         Her backing will carry “real weight” and bring candidates the “ground game” \
         they lack, party spokesman Ivo Brandt said.",
        &[
            ("real weight", Some("Ivo Brandt")),
            ("ground game", Some("Ivo Brandt")),
        ],
    );
}

#[test]
fn a_time_phrase_between_auxiliary_and_verb_keeps_the_subject() {
    check(
        "Talk radio\n\n\
         Ravi Dunn, who has in the past described the mayor as “a menace to the harbour,” \
         plans to run against her.",
        &[("a menace to the harbour", Some("Ravi Dunn"))],
    );
    check(
        "Hours later\n\n\
         Hours later, Nina Ostrova returned the favour, telling the paper, “We have been friends for years.”",
        &[("We have been friends", Some("Nina Ostrova"))],
    );
}

#[test]
fn a_place_after_the_verb_does_not_hide_the_speaker_of_a_participle() {
    check(
        "Summit\n\n\
         The plan is reckless, Weber said Friday in Berlin, adding that it “will cost us all.”",
        &[("will cost us all", Some("Weber"))],
    );
}

#[test]
fn affiliations_with_articles_and_states_lead_back_to_the_person() {
    check(
        "Columns\n\n\
         Mara Quist of The Ledger wrote, “Nobody reads the fine print until it bites.”",
        &[("Nobody reads", Some("Mara Quist"))],
    );
    check(
        "Voters\n\n\
         Dale Fenn of Dayton, Ohio says he hopes the council keeps “fixing the roads.”",
        &[("fixing the roads", Some("Dale Fenn"))],
    );
    check(
        "League\n\n\
         The head of the Harbour Pilots Guild, Ines Marlow, warned that the cut would be “reckless.”",
        &[("reckless", Some("Ines Marlow"))],
    );
}

#[test]
fn a_headline_quotation_belongs_to_the_headline_subject() {
    check(
        "Okafor calls tunnel plan ‘a fantasy,’ but votes for it\n\n\
         Councillor Ada Okafor voted for the tunnel on Monday after a long debate.",
        &[("a fantasy", Some("Ada Okafor"))],
    );
    check(
        "Lindqvist: Time for ‘a reckoning’ on rail\n\n\
         Transport minister Eva Lindqvist spoke to the committee on Tuesday.",
        &[("a reckoning", Some("Eva Lindqvist"))],
    );
}

#[test]
fn as_clauses_and_remembered_attribute_the_quotation() {
    check(
        "Race\n\n\
         The contest “is anybody’s game,” as Lena Ortiz said on the radio, and both camps know it.",
        &[("is anybody’s game", Some("Lena Ortiz"))],
    );
    check(
        "Merger\n\n\
         “Everyone said it would fail,” remembered Hal Brink, the firm’s former spokesman.",
        &[("Everyone said", Some("Hal Brink"))],
    );
}

#[test]
fn the_one_person_a_sentence_names_speaks_its_quoted_words_but_not_its_titles() {
    check(
        "Campaign trail\n\n\
         Mayor Lena Hart, touring the flooded district with engineers on Tuesday, \
         once again compared the levee plan to “a paper wall against the sea.”",
        &[("a paper wall", Some("Lena Hart"))],
    );
    check(
        "Television\n\n\
         Omar Reyes, who produces the new “Harbour Nights,” was tapped to run a second show.",
        &[("Harbour Nights", None)],
    );
}

#[test]
fn titles_and_multi_part_affiliations_between_name_and_verb() {
    check(
        "Convention\n\n\
         “We want a chair who can unite the party,” Ruiz campaign Chairman Paul Adeyemi \
         told the radio station on Thursday.",
        &[("We want a chair", Some("Paul Adeyemi"))],
    );
    check(
        "Missiles\n\n\
         “Building one takes years,” Nils Berg of the Anna Lund Centre for Arms Studies wrote in May.",
        &[("Building one takes years", Some("Nils Berg"))],
    );
}

#[test]
fn a_number_after_the_determiner_is_part_of_the_unnamed_source() {
    check(
        "Letter\n\n\
         “This is a breach of trust,” the three senators wrote to the agency.",
        &[("This is a breach", Some("three senators"))],
    );
    check(
        "Letter\n\n\
         “We do not understand the delay,” the two write.",
        &[("We do not understand", Some("two"))],
    );
}

#[test]
fn crowds_and_questioners_speak_but_the_one_told_does_not() {
    check(
        "Rally\n\n\
         The mayor spoke for an hour. The crowd chanted back at him, “Four more years!”",
        &[("Four more years", Some("crowd"))],
    );
    check(
        "Rally\n\n\
         Former governor Ray Olin spoke first. “Character counts,” the former governor told \
         a crowd that organisers put at 2,000.",
        &[("Character counts", Some("Ray Olin"))],
    );
    // Whoever is told is no source of their own: the later "the reporter"
    // is not "reporter that the race was close".
    check(
        "Rally\n\n\
         Ray Olin spoke first. He told a reporter that the race was close.\n\n\
         “Character counts,” the reporter said.",
        &[("Character counts", Some("reporter"))],
    );
}

#[test]
fn the_one_told_is_not_the_speaker_and_roles_with_of_keep_the_name() {
    check(
        "Congress\n\n\
         “The mood will shift,” Senator Amos Reed’s chief of staff, Lia Munro, told the Ledger.",
        &[("The mood will shift", Some("Lia Munro"))],
    );
    check(
        "Congress\n\n\
         “Why would anyone do that?” asked Fern Olsen, a delegate from Ohio.",
        &[("Why would anyone", Some("Fern Olsen"))],
    );
}

#[test]
fn a_people_or_a_party_never_takes_he_or_she() {
    check(
        "Prisoner swap\n\n\
         Secretary Joan Avery defended the exchange. She denied it would put more Americans at risk. \
         “That is the reality,” she said.",
        &[("That is the reality", Some("Joan Avery"))],
    );
}

#[test]
fn a_predicate_description_is_not_a_new_source() {
    check(
        "Delegates\n\n\
         Walt Brenner chairs the county party. He is an avowed supporter of the governor. \
         “We need to start it nationally,” he said.",
        &[("We need to start", Some("Walt Brenner"))],
    );
}

#[test]
fn what_an_owner_said_belongs_to_the_owner_unless_someone_else_is_talking_about_it() {
    check(
        "Fact check\n\n\
         Dale Ortiz’s recent assertion that “hundreds” of ballots were lost has no support.",
        &[("hundreds", Some("Dale Ortiz"))],
    );
    check(
        "Fact check\n\n\
         Mayor Kim Lund said Dale Ortiz’s claim that ballots were lost is “simply wrong.”",
        &[("simply wrong", Some("Kim Lund"))],
    );
}

#[test]
fn the_one_scolded_for_saying_something_said_it() {
    check(
        "Party rules\n\n\
         The chairman scolded Dana Holt for suggesting that members should “stay home.”",
        &[("stay home", Some("Dana Holt"))],
    );
}

#[test]
fn a_quotation_after_a_participle_of_speech_belongs_to_the_main_subject() {
    check(
        "Endorsements\n\n\
         Vera Dunn ended the feud by saying she would campaign for the nominee. \
         “I am going to support her, and support her fully.”",
        &[("I am going to support her", Some("Vera Dunn"))],
    );
}

#[test]
fn a_sentence_about_the_speaker_between_quotations_keeps_them_speaking() {
    check(
        "Voters\n\n\
         “Jobs matter most,” says Rita Olsen, 32, who works in retail. Olsen supports \
         Senator Amy Park in the race. “I have student loans, and I want them gone.”",
        &[
            ("Jobs matter most", Some("Rita Olsen")),
            ("I have student loans", Some("Rita Olsen")),
        ],
    );
}

#[test]
fn a_name_opening_its_sentence_after_roles_is_the_subject_for_he() {
    check(
        "Polling\n\n\
         Thomas Reed won the state easily that year. Reed campaign pollster Omar Lutz, the firm's \
         founder, picked up the same thread. “Voters have more in common than not,” he said.",
        &[("Voters have more", Some("Omar Lutz"))],
    );
}

#[test]
fn charged_attributes_only_right_after_a_quotation() {
    check(
        "Troops\n\n\
         “It is a disservice to the soldiers,” Vance Orr charged. “They deserve better.”",
        &[
            ("It is a disservice", Some("Vance Orr")),
            ("They deserve better", Some("Vance Orr")),
        ],
    );
    check(
        "Court\n\n\
         Lena Moss was charged with fraud, which the judge called “a grave breach.”",
        &[("a grave breach", Some("judge"))],
    );
}

#[test]
fn an_adjective_before_a_name_keeps_the_name_as_speaker() {
    check(
        "Summit\n\n\
         “Norway will always be Norway,” an angry Solberg retaliated. “It never gives up.”",
        &[
            ("Norway will always", Some("Solberg")),
            ("It never gives up", Some("Solberg")),
        ],
    );
}

#[test]
fn a_paragraph_ending_in_a_statement_and_a_colon_introduces_the_next() {
    check(
        "Flood\n\n\
         After the river broke its banks, Mayor Ida Kemp released the following statement:\n\n\
         “Our hearts go out to every family who lost a home tonight. We will rebuild.”",
        &[("Our hearts go out", Some("Ida Kemp"))],
    );
    // Without a statement or a speech verb, the colon credits no one.
    check(
        "Flood\n\n\
         Ida Kemp walked the flooded streets on Tuesday morning:\n\n\
         “Our hearts go out to every family who lost a home tonight.”",
        &[("Our hearts go out", None)],
    );
}

#[test]
fn a_pull_quote_takes_the_speaker_of_the_same_words_in_the_story() {
    check(
        "Harbour\n\n\
         “The port will not close while I am mayor of this town.”\n\n\
         The council met for four hours on Monday.\n\n\
         “The port will not close while I am mayor of this town,” said Ida Kemp.",
        &[
            ("The port will not close", Some("Ida Kemp")),
            ("The port will not close", Some("Ida Kemp")),
        ],
    );
}

#[test]
fn a_verb_and_its_object_before_a_comma_are_not_a_role_before_a_name() {
    check(
        "Race\n\n\
         Ida Kemp backed Tom Vance for governor, saying he had “the grit and the patience” to win.",
        &[("the grit and the patience", Some("Ida Kemp"))],
    );
    check(
        "Race\n\n\
         “We will win this county,” retired Gen. Tom Vance said.",
        &[("We will win", Some("Tom Vance"))],
    );
}

#[test]
fn an_unnamed_source_with_a_place_phrase_before_the_verb_speaks() {
    check(
        "Rally\n\n\
         “Is this the end of the party?” a Green volunteer in the hall wondered.\n\n\
         “Not while I draw breath,” one woman at the back of the room shouted.",
        &[
            ("Is this the end", Some("Green volunteer in the hall")),
            (
                "Not while I draw breath",
                Some("woman at the back of the room"),
            ),
        ],
    );
    // After the verb, the place is where it was said, not who said it.
    check(
        "Rally\n\n\
         An aide said in a statement that “the chief will stay.”",
        &[("the chief will stay", Some("aide"))],
    );
}

#[test]
fn he_said_after_a_sentence_goes_to_who_spoke_or_was_spoken_of_there() {
    // Lee is named more often, but the sentence before reports Roe.
    check(
        "Budget\n\n\
         “We will cut the waste and nothing else,” Tom Lee said on Monday. “The schools are safe.”\n\n\
         Aide Mark Roe said Lee was not targeting schools, and Lee would meet the teachers.\n\n\
         “It is not uncommon to see the figures twisted,” he said.",
        &[
            ("We will cut the waste", Some("Tom Lee")),
            ("The schools are safe", Some("Tom Lee")),
            ("It is not uncommon", Some("Mark Roe")),
        ],
    );
    check(
        "Budget\n\n\
         The cuts would close the library, Mark Roe said.\n\n\
         “Once it closes, it never comes back,” he said.",
        &[("Once it closes", Some("Mark Roe"))],
    );
}

#[test]
fn a_gendered_description_is_never_the_other_pronoun() {
    check(
        "Budget\n\n\
         Tom Lee spoke first at the meeting.\n\n\
         “The library budget stays as it is,” a spokeswoman for the council said.\n\n\
         “We were never told,” he said.",
        &[
            ("The library budget", Some("spokeswoman for the council")),
            ("We were never told", Some("Tom Lee")),
        ],
    );
}

#[test]
fn a_second_clause_with_its_own_verb_owns_the_colon_and_said_x_could_is_content() {
    check(
        "Rally\n\n\
         “There seems to be a young man with a problem,” Ida Kemp said as a heckler shouted: “Go home!”",
        &[
            ("There seems to be", Some("Ida Kemp")),
            ("Go home", Some("heckler")),
        ],
    );
    check(
        "Rally\n\n\
         Mr. Vance, citing “the sheer luck of Kemp,” said the mayor could win again.",
        &[("the sheer luck of Kemp", Some("Vance"))],
    );
}

#[test]
fn a_name_in_apposition_after_a_longer_description_is_the_speaker() {
    // A role the lexicon does not know still leads to the name.
    check(
        "Port\n\n\
         “The ferry will run again in June,” said the Danish consul, Lars Holm.",
        &[("The ferry will run", Some("Lars Holm"))],
    );
    check(
        "Port\n\n\
         “The harbour will reopen in May,” said the Danish ambassador at the time, Lars Holm.\n\n\
         “We count every ballot twice,” said Kemp’s deputy campaign manager, Rita Moss, who ran the count.\n\n\
         Another delegate on the Kemp slate, Ed Barr, said he was only “leaning Kemp.”",
        &[
            ("The harbour will reopen", Some("Lars Holm")),
            ("We count every ballot", Some("Rita Moss")),
            ("leaning Kemp", Some("Ed Barr")),
        ],
    );
}

#[test]
fn crowds_counted_roughly_and_plurals_opening_a_sentence_speak() {
    check(
        "March\n\n\
         Outside the hall, about 300 protesters gathered in two groups, waving flags and chanting “Save the mill.”\n\n\
         Aides say the mayor plans to “fight for every job” at the mill.",
        &[
            ("Save the mill", Some("about 300 protesters")),
            ("fight for every job", Some("Aides")),
        ],
    );
    // A post-modifier stops at a finite verb or a conjunction.
    check(
        "March\n\n\
         A spokesman for the mill owner declined to comment but said in a statement that “the mill was never for sale.”",
        &[("the mill was never", Some("spokesman for the mill owner"))],
    );
}

#[test]
fn plural_people_nouns_and_capitalised_openers_make_unnamed_sources() {
    check(
        "Mill\n\n\
         Corporate lobbyists said the tax was “a blow to every worker.”\n\n\
         Top Senate candidates called the plan “dead on arrival.”",
        &[
            ("a blow to every worker", Some("lobbyists")),
            ("dead on arrival", Some("Top Senate candidates")),
        ],
    );
}

#[test]
fn with_x_doing_speaks_past_an_adverb_or_an_article() {
    check(
        "Vote\n\n\
         Both have used harsh words, with Kemp recently promising to “bomb them into the sea.”\n\n\
         Unions backed her early, with the Federation of Miners calling her “the friend we need.”",
        &[
            ("bomb them into the sea", Some("Kemp")),
            ("the friend we need", Some("Federation of Miners")),
        ],
    );
}

#[test]
fn a_whole_quoted_sentence_after_a_sentence_about_one_person_is_theirs() {
    check(
        "Union\n\n\
         Ida Kemp touted her record as a sponsor of the bill. “We need to let every worker who wants a union vote for one.”",
        &[("We need to let every worker", Some("Ida Kemp"))],
    );
    // Not when the sentence names someone else too.
    check(
        "Union\n\n\
         Ida Kemp met Tom Vance at the plant on Monday. “We need to let every worker who wants a union vote for one.”",
        &[("We need to let every worker", None)],
    );
}

#[test]
fn a_name_before_an_appositive_and_a_relative_clause_is_the_subject() {
    check(
        "Bank\n\n\
         Senator Ida Kemp, the Ohio Democrat who chairs the Finance Committee, which oversees the bank, said the move would “damage its independence.”",
        &[("damage its independence", Some("Ida Kemp"))],
    );
}

#[test]
fn a_horizontal_bar_credits_like_a_dash_even_before_the_next_quotation() {
    check(
        "Voices\n\n\
         “He never answers a question without scaring people first.”― Rosa Vidal “Mostly he spreads fear. A bad example for children.”― Hugo Paz",
        &[
            ("He never answers", Some("Rosa Vidal")),
            ("Mostly he spreads fear", Some("Hugo Paz")),
        ],
    );
}

#[test]
fn a_report_by_someone_that_quotes_them() {
    check(
        "Story\n\n\
         On Friday came a report by the Daily Ledger that he “invented” the offer.",
        &[("invented", Some("Daily Ledger"))],
    );
    // The topic of someone else's words is not their author.
    check(
        "Story\n\n\
         Ida Kemp said on Thursday that the comment by Tom Vance “was careless and unkind.”",
        &[("was careless and unkind", Some("Ida Kemp"))],
    );
}

#[test]
fn a_gendered_role_set_off_before_a_name_tells_its_sex() {
    check(
        "Donors\n\n\
         Ruth Kane, a teacher from Akron, said the debate changed her mind. \
         Along with her husband, Abel Kane, a banker, she has given to many candidates.\n\n\
         “I feel bad to say it,” she said.",
        &[("I feel bad to say it", Some("Ruth Kane"))],
    );
}

#[test]
fn a_phrase_after_a_name_that_opens_with_a_preposition_is_no_appositive() {
    check(
        "Fired\n\n\
         Brock Voss, a former pitcher, was fired on Wednesday.\n\n\
         Voss, through a spokeswoman, declined to comment.\n\n\
         Earlier, Voss appeared on a radio show and defended himself.\n\n\
         “I replied to the post, nothing more,” he told the hosts.",
        &[("I replied to the post", Some("Brock Voss"))],
    );
}

#[test]
fn a_late_attribution_after_a_single_word_that_completes_the_quotation() {
    check(
        "Tax\n\n\
         “Most of the trouble in the code comes from efforts to measure” income, Tom Lee said.",
        &[("Most of the trouble", Some("Tom Lee"))],
    );
}

#[test]
fn a_quote_paragraph_after_a_participle_of_speech_belongs_to_the_main_subject() {
    check(
        "Rally\n\n\
         Ida Kemp, clearly angry, responded by pointing at the heckler, saying the campaign was twisting her record.\n\n\
         “I do not take their money. I am so tired of these lies about me.”",
        &[("I do not take their money", Some("Ida Kemp"))],
    );
}

#[test]
fn a_capitalised_first_word_can_open_a_plural_unnamed_source() {
    check(
        "Test\n\n\
         Nuclear weapons experts have doubted the claim of an “explosive yield” from the test.\n\n\
         Federal labor unions have called the jobs “inherently public.”",
        &[
            ("explosive yield", Some("Nuclear weapons experts")),
            ("inherently public", Some("Federal labor unions")),
        ],
    );
    // A verb between them is no modifier: the name speaks.
    check(
        "Test\n\n\
         “You think I will change?” Vance asked reporters on Monday.",
        &[("You think I will change", Some("Vance"))],
    );
}

#[test]
fn a_determiner_standing_for_people_chooses_their_words() {
    check(
        "Fans\n\n\
         One voter called him “a clown.” Another said she hoped with her “whole heart” that he wins.",
        &[("a clown", Some("voter")), ("whole heart", Some("Another"))],
    );
}

#[test]
fn an_opening_adverb_is_not_a_fronted_clause() {
    check(
        "Debate\n\n\
         Councillor Ruth Okafor spoke after the vote. Then she turned on the mayor, calling him a “coward” in front of the chamber.",
        &[("coward", Some("Ruth Okafor"))],
    );
}

#[test]
fn the_company_is_a_business_nearby_never_its_chief_or_a_university() {
    // An executive of "the company" is not the company.
    check(
        "Loom changes its rules\n\n\
         Maren Holt, recently named the company's chief executive, has promised change.\n\n\
         The company said its new rules had “already produced results.”",
        &[("already produced", Some("company"))],
    );
    // A crowd that gathered at a university is not the university.
    check(
        "March\n\n\
         Marchers rallied at Halvard University before heading downtown.\n\n\
         “Power to the people!” the group shouted outside the hall.",
        &[("Power to the people", Some("group"))],
    );
}

#[test]
fn a_relative_clause_with_its_own_commas_keeps_the_name_before_it() {
    check(
        "Flood plans\n\n\
         Councillor Anna Berg, whose district, Lowmarsh, floods every spring, argues that the levee plan is “too little, too late.”",
        &[("too little", Some("Anna Berg"))],
    );
}

#[test]
fn a_state_after_a_town_belongs_to_the_fronted_phrase() {
    check(
        "Campaign trail\n\n\
         Speaking at a diner in Dover, Delaware, Okafor went after her rival, calling him “a career politician.”",
        &[("a career politician", Some("Okafor"))],
    );
}

#[test]
fn a_capitalised_word_after_the_is_no_person() {
    // "The Latest:" heads live updates; "Latest" never speaks.
    check(
        "The Latest: Holt delivers defense of ‘river values.’\n\n\
         Mayor Dana Holt spoke on Monday.",
        &[("river values", None)],
    );
}

#[test]
fn a_headline_subject_no_name_matched_speaks_its_quotation() {
    // A Title Case headline with a full stop is still a headline, and its
    // opening words before the verb are who speaks.
    check(
        "Retired Admiral Reveals ‘Troubling’ Experience Of Serving Under The Old Board Of Harbour Governors In The Nineties.\n\n\
         The admiral spoke to reporters in Portsmouth on Monday.",
        &[("Troubling", Some("Retired Admiral"))],
    );
    check(
        "Okafor: Council Is ‘Running Out Of Time’ On The Flood Plan.\n\n\
         Councillor Ruth Okafor spoke on Monday.",
        &[("Running Out Of Time", Some("Ruth Okafor"))],
    );
}

#[test]
fn common_people_nouns_make_unnamed_sources() {
    check(
        "Harbour\n\n\
         Coast Guard agents said the channel was “a maze.” Several retirees called the plan “a gift.”",
        &[
            ("a maze", Some("Coast Guard agents")),
            ("a gift", Some("retirees")),
        ],
    );
}

#[test]
fn an_after_quote_verb_may_take_an_adjunct() {
    check(
        "Debate\n\n\
         “You dodged every question,” Moreau charged in her closing remarks.",
        &[("You dodged", Some("Moreau"))],
    );
}

#[test]
fn a_relative_clause_may_run_into_the_speech_verb() {
    check(
        "Polls\n\n\
         “The race is tied,” Ines Farrow, the analyst who runs the county model wrote on Friday.",
        &[("The race is tied", Some("Ines Farrow"))],
    );
}

#[test]
fn a_fronted_participle_holding_the_quotation_has_its_subject_after() {
    check(
        "Budget\n\n\
         Conceding that the plan “needs more work,” though, Halvorsen did defend its aims.",
        &[("needs more work", Some("Halvorsen"))],
    );
}

#[test]
fn a_dateline_is_not_the_subject() {
    check(
        "Summit\n\n\
         Bergen (AFP) – Mayor Kari Lund has taken a swipe at the council, saying that “quiet diplomacy” had failed.",
        &[("quiet diplomacy", Some("Kari Lund"))],
    );
    check(
        "Summit

         BERGEN, Norway (AP) — Kari Lund took a swipe at the council, saying that “quiet diplomacy” had failed.",
        &[("quiet diplomacy", Some("Kari Lund"))],
    );
}

#[test]
fn a_given_name_alone_speaks_when_it_opens_the_clause() {
    // A source known only by a first name.
    check(
        "Station chief\n\n\
         Greg said that “nobody waited for orders” that night.",
        &[("nobody waited", Some("Greg"))],
    );
}

#[test]
fn a_number_word_opening_a_time_phrase_is_no_name() {
    check(
        "Endorsements\n\n\
         Ruth Okafor left no doubt about her choice. Ten years ago, she backed Dana Holt over Lee and said, “Lee never helped us.”",
        &[("Lee never helped us", Some("Ruth Okafor"))],
    );
}

#[test]
fn a_speaker_credited_after_a_comma_is_the_next_he() {
    check(
        "Budget\n\n\
         “The old plan failed,” said Lee Moss, the mayor's deputy.\n\n\
         State rules are a burden that slow every project down, said Grant Ellis, a Harbour Republican who founded a freight company.\n\n\
         “It has to be simple enough for everyone,” he said.",
        &[
            ("The old plan failed", Some("Lee Moss")),
            ("It has to be simple", Some("Ellis")),
        ],
    );
}

#[test]
fn in_someones_view_credits_the_words() {
    check(
        "Defence\n\n\
         Admiral Ines Vik reviewed the fleet.\n\n\
         “It is a failure from top to bottom” in procurement, in Vik’s view.\n\n\
         In Vik’s words, “nobody is in charge.”",
        &[
            ("It is a failure", Some("Ines Vik")),
            ("nobody is in charge", Some("Ines Vik")),
        ],
    );
}

#[test]
fn a_bare_past_verb_after_a_comma_closed_quotation_reports_it() {
    check(
        "Interview\n\n\
         Talk host Rhea Moss opened the show.\n\n\
         “The paper says you met them in January,” Moss started.",
        &[("The paper says", Some("Rhea Moss"))],
    );
}

#[test]
fn an_owners_response_was_the_quotation() {
    check(
        "Memo\n\n\
         Governor Lena Varga read the memo.\n\n\
         Varga’s response was: “Is this the right office?”",
        &[("Is this the right office", Some("Lena Varga"))],
    );
}

#[test]
fn a_speech_noun_links_its_owner_to_the_words() {
    check(
        "Campaign\n\n\
         Senator Ada Brandt spoke in Leeds.\n\n\
         Her standing rose after her call for “a complete overhaul” of the rail network.\n\n\
         Brandt's broadside against “managed decline” drew cheers.",
        &[
            ("a complete overhaul", Some("Ada Brandt")),
            ("managed decline", Some("Ada Brandt")),
        ],
    );
}

#[test]
fn an_inverted_lead_in_credits_the_quoted_block() {
    check(
        "Radio\n\n\
         The host asked about the count.\n\n\
         Wrote Pia Lund:\n\n\
         “The count was slow. Every ballot was checked twice.”\n\n\
         “… We will publish the tallies tomorrow.”",
        &[
            ("The count was slow", Some("Pia Lund")),
            ("… We will publish", Some("Pia Lund")),
        ],
    );
}

#[test]
fn a_dash_credit_on_the_line_below_names_the_speaker() {
    check(
        "Claims checked\n\n\
         The mayor and her rival spoke on Tuesday.\n\n\
         “Our buses run on time nine days in ten.”\n\n\
         — Mayor Ines Falk.\n\n\
         The city's own figures say otherwise.\n\n\
         “Fares went up twice last year.”\n\n\
         - Tom Berger, her rival\n\n\
         They went up once.",
        &[
            ("Our buses run", Some("Ines Falk")),
            ("Fares went up", Some("Tom Berger")),
        ],
    );
}

#[test]
fn he_goes_back_to_a_lone_surname_opening_the_sentence_before() {
    check(
        "Picks\n\n\
         Tom Berger went with the odds, pointing out that the home side would win.\n\n\
         Falk openly admitted that his pick was about the vote in March. “With an eye to March,” he said.",
        &[("With an eye to March", Some("Falk"))],
    );
}

#[test]
fn a_role_after_an_x_for_y_organisation_credits_the_person() {
    check(
        "Wages\n\n\
         “Rent comes first,” Workers for Fair Pay organizing director Nadia Holm told a radio station.\n\n\
         “We will march again in May,” Parents for Safe Streets spokesman Omar Reyes said.",
        &[
            ("Rent comes first", Some("Nadia Holm")),
            ("We will march", Some("Omar Reyes")),
        ],
    );
}

#[test]
fn an_appositive_missing_its_closing_comma_still_credits_the_person() {
    check(
        "Count\n\n\
         Mia Sorensen, the press officer for the Lakeland Water Board said in a statement. “No pipe was left unchecked.”",
        &[("No pipe was left", Some("Mia Sorensen"))],
    );
}

#[test]
fn a_quotation_opening_a_sentence_takes_the_speaker_it_runs_into() {
    check(
        "Plant\n\n\
         The finance chief, Lars Voss, spoke after the vote. “The cuts hurt” but are needed “for the plant to survive,” he said.\n\n\
         Analyst Rita Cole was blunter. \"Nobody believes the forecast\" -- which the board approved in May -- \"will hold,\" she said.",
        &[
            ("The cuts hurt", Some("Lars Voss")),
            ("for the plant", Some("Lars Voss")),
            ("Nobody believes", Some("Rita Cole")),
            ("will hold", Some("Rita Cole")),
        ],
    );
}

#[test]
fn a_second_verb_in_a_subordinate_clause_keeps_its_subject() {
    check(
        "Debate\n\n\
         The night had sharp moments, such as when Vera Holm faulted Ivo Lind on taxes and called him a “tourist,” a jab at his travels.",
        &[("tourist", Some("Vera Holm"))],
    );
}

#[test]
fn words_inside_someones_account_go_to_the_one_giving_it() {
    check(
        "Caucus\n\n\
         Governor Anna Pike met the caucus on Tuesday.\n\n\
         Rep. Owen Hart said Pike urged members to stay “on one message.”\n\n\
         The council's statement noted that members had said they would take “further steps” soon.",
        &[
            ("on one message", Some("Owen Hart")),
            ("further steps", Some("members")),
        ],
    );
}

#[test]
fn an_unnamed_source_keeps_its_relative_clause_before_the_verb() {
    check(
        "Rally\n\n\
         “The crowd was half what they said,” a Labour volunteer who counts the seats said.\n\n\
         “We will not pay for it,” said a Danish official who was not allowed to speak publicly.",
        &[
            (
                "The crowd was half",
                Some("Labour volunteer who counts the seats"),
            ),
            (
                "We will not pay",
                Some("Danish official who was not allowed to speak publicly"),
            ),
        ],
    );
}

#[test]
fn a_fronted_past_participle_is_not_the_subject() {
    check(
        "Anchors\n\n\
         Lena Ortiz hosts the evening news.\n\n\
         Alarmed by the state of the race, Ortiz believes in reporting that “picks a side.”",
        &[("picks a side", Some("Lena Ortiz"))],
    );
}

#[test]
fn a_title_case_list_item_with_a_full_stop_is_a_heading_with_a_subject() {
    check(
        "The Boldest Things Said On Stage This Year\n\n\
         Here are the moments people kept talking about.\n\n\
         3\n\n\
         Nora Quist Explained Why She Felt “Unseen” As A Young Singer.\n\n\
         The singer spoke at a festival in June about her first tours.",
        &[("Unseen", Some("Nora Quist"))],
    );
}

#[test]
fn a_degree_word_before_a_speech_noun_keeps_its_owner() {
    check(
        "Lawsuit\n\n\
         Former aide Tessa Brandt sued the committee in May.\n\n\
         Brandt’s most serious claim is that the inquiry was a “show trial” from the start.",
        &[("show trial", Some("Tessa Brandt"))],
    );
}

#[test]
fn a_bare_family_name_means_the_member_the_story_is_about() {
    check(
        "Campaign\n\n\
         Senator Clara Voss spoke in Dayton on Monday.\n\n\
         Voss said the plant would stay open. Voss has campaigned on it for a year.\n\n\
         Voss and her husband, the retired judge Peter Voss, attended the opening in 2005.\n\n\
         “I knew the owners well,” Voss said.",
        &[("I knew the owners", Some("Clara Voss"))],
    );
}

#[test]
fn a_run_of_the_same_pronoun_stays_with_its_person() {
    check(
        "Supporters\n\n\
         Mayor Tom Ruiz spoke at the rally for Governor Ed Blake.\n\n\
         Ruiz is a lifelong union man on a mission to change what he sees as an unfair picture of Blake. \
         He rejects claims that Blake ignored the mills. He is even urging his neighbours to back Blake's bid. \
         He firmly believes, he said, that \"Ed Blake is a good and decent man.\"",
        &[("Ed Blake is a good", Some("Tom Ruiz"))],
    );
}

#[test]
fn a_name_after_a_speech_verb_with_a_subject_is_the_one_spoken_to() {
    check(
        "Hearing\n\n\
         Senator Vera Holm pressed Ivo Lind, “Where did the money go?”\n\n\
         “Nobody knows,” replied Ivo Lind, “not even the auditors.”",
        &[
            ("Where did the money go", Some("Vera Holm")),
            ("Nobody knows", Some("Ivo Lind")),
            ("not even the auditors", Some("Ivo Lind")),
        ],
    );
}
