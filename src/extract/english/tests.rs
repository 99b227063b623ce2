//! The English organisation rules on sentences as English news prints them: each family finds
//! its names, and common noun phrases and shouted capitals stay out.

use crate::extract::{EntityKind, Extractor};

fn orgs(text: &str) -> Vec<String> {
    Extractor::new()
        .mentions(text)
        .into_iter()
        .filter(|m| m.kind == EntityKind::Org)
        .map(|m| text[m.range].to_string())
        .collect()
}

#[track_caller]
fn finds(text: &str, org: &str) {
    let got = orgs(text);
    assert!(got.iter().any(|o| o == org), "{org} not found in {text}: {got:?}");
}

#[track_caller]
fn no_org(text: &str) {
    let got = orgs(text);
    assert!(got.is_empty(), "no organisation expected in {text}: {got:?}");
}

#[test]
fn clubs_with_a_suffix_or_prefix_where_the_text_is_about_sport() {
    let t = "The striker has signed a five-year contract with Manchester City, and the Premier \
             League champions beat Leicester City.";
    finds(t, "Manchester City");
    finds(t, "Leicester City");
    finds(t, "Premier League");
    finds("Haaland scored 86 times for Borussia Dortmund.", "Borussia Dortmund");
    finds("Celtic FC confirmed the deal on Monday.", "Celtic FC");
    finds("He joined FC Porto in 2019.", "FC Porto");
    // Without sport around them, "City" and "United" are ordinary words of a name.
    no_org("Snow fell across Salt Lake City and Dodge City overnight.");
}

#[test]
fn banks_armies_companies_and_ministries() {
    finds("The Central Bank of Nigeria raised its benchmark rate.", "Central Bank of Nigeria");
    finds("The Reserve Bank of India cut rates.", "Reserve Bank of India");
    finds("The Sudanese Armed Forces shelled the city.", "Sudanese Armed Forces");
    finds("Samsung Electronics Co Ltd reported profits.", "Samsung Electronics Co Ltd");
    finds("The Ministry of Foreign Affairs of Japan said.", "Ministry of Foreign Affairs of Japan");
    let t = "On Monday the Bureau of the National Assembly met to set the agenda.";
    finds(t, "Bureau of the National Assembly");
    // Two companies joined by "and" are two names; a legal suffix takes no "of" before it.
    let t = "Emirates Airlines and Qatar Airways added routes.";
    assert_eq!(orgs(t), ["Emirates Airlines", "Qatar Airways"]);
    assert_eq!(orgs("Shares of Tesla Inc rose."), ["Tesla Inc"]);
    // Lower-case descriptions.
    no_org("The central bank raised interest rates and the national army moved in.");
}

#[test]
fn acronyms_defined_known_or_bare_but_never_shouted_capitals() {
    no_org("BREAKING: COVID CASES RISE IN CAPITAL");
    no_org("UPDATE: Officials said COVID cases rose and the CEO resigned.");
    assert_eq!(orgs("The IMF and NATO agreed with KCNA."), ["IMF", "NATO", "KCNA"]);
    // "the Chairman of INEC": an acronym in running text names a body.
    finds("It is the response of the Chairman of INEC to the rumour.", "INEC");
    let t = "The SDF, the Syrian Democratic Forces, said SDF fighters held the town.";
    assert_eq!(orgs(t), ["SDF", "Syrian Democratic Forces", "SDF"]);
    let t = "The KWRB (Kelvin Water Regulation Board) fined them. KWRB said more.";
    assert_eq!(orgs(t), ["KWRB", "Kelvin Water Regulation Board", "KWRB"]);
}
