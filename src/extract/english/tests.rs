//! The English organisation rules on sentences as English news prints them: each family finds
//! its names, and common noun phrases and shouted capitals stay out.

use crate::extract::EntityKind;
use crate::extract::test_support::{extractor, finds, no_org, orgs};

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

fn of_kind(text: &str, kind: EntityKind) -> Vec<String> {
    extractor()
        .mentions(text)
        .into_iter()
        .filter(|m| m.kind == kind)
        .map(|m| text[m.range].to_string())
        .collect()
}

#[test]
fn a_company_named_with_its_legal_suffix_is_then_named_without_it() {
    let t = "Shares of Groupon Inc. (GRPN) fell. Groupon said profit would drop, and Groupon’s \
             results disappointed. Last month Groupon bought Ticket Monster Inc.";
    assert_eq!(
        orgs(t),
        ["Groupon Inc.", "GRPN", "Groupon", "Groupon", "Groupon", "Ticket Monster Inc."]
    );
    // Linked as one company.
    let ms = extractor().mentions(t);
    let ids: Vec<&str> = ms
        .iter()
        .filter(|m| t[m.range.clone()].starts_with("Groupon"))
        .map(|m| &*m.entity)
        .collect();
    assert!(ids.windows(2).all(|w| w[0] == w[1]), "{ids:?}");
    // Without a suffix named first, a bare capitalised word is no company.
    no_org("Groupon said profit would drop.");
}

#[test]
fn bodies_ending_in_survey_or_trust_and_places_ending_in_stadium() {
    let t = "The US Geological Survey said the quake measured 6.2.";
    assert_eq!(orgs(t), ["US Geological Survey"]);
    assert!(of_kind(t, EntityKind::Person).is_empty());
    finds("Funding came from the Wellcome Trust in London.", "Wellcome Trust");
    let t = "He scored in each half at the Etihad Stadium, with the striker rested.";
    assert_eq!(of_kind(t, EntityKind::Place), ["Etihad Stadium"]);
    // Lower-case, a survey and a trust are no names.
    no_org("A survey found little trust in the government.");
}

#[test]
fn a_name_apposed_to_a_role_with_commas() {
    let t = "Gasten Macheka, the district commissioner for the Karonga district, said the \
             quake destroyed several buildings. Macheka said more.";
    assert_eq!(of_kind(t, EntityKind::Person), ["Gasten Macheka", "Macheka"]);
    let t = "Five months into the administration of Ethiopia’s new prime minister, Abiy Ahmed, \
             protests spread, and fears grew that Ahmed's efforts would fail.";
    assert_eq!(of_kind(t, EntityKind::Person), ["Abiy Ahmed", "Ahmed"]);
    // A capitalised word after a role and a comma that is no two-word name.
    let t = "He met the prime minister, Nairobi officials said.";
    assert!(of_kind(t, EntityKind::Person).is_empty());
}

#[test]
fn a_compass_adjective_before_a_country_is_a_region() {
    let t = "The train derailed in the state of Andhra Pradesh in Southern India.";
    assert!(of_kind(t, EntityKind::Place).contains(&"Southern India".to_string()));
    // The short compass word is part of a country's own name or nothing: "South Korea".
    let t = "Troops moved to the North of India.";
    assert!(!of_kind(t, EntityKind::Place).iter().any(|p| p.contains("North")));
}
