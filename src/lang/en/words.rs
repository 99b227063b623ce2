//! English word lists for the entity rules (titles, reporting verbs, organisation and place
//! heads, stop words, given names and surnames as news prints them).

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use crate::lang::Words;

/// Words that end a person cue ("… Minister X", "counterpart X").
#[rustfmt::skip]
pub static EN_PERSON_CUES: Words = Words::new(&[
    "adviser", "advisor", "aide", "negotiator", "secretary", "Secretary-General", "ruler",
    "cleric", "Crown", "minister", "premier", "mayor", "governor", "economist", "scholar",
    "activist", "President", "president", "Minister", "minister", "Ambassador", "ambassador",
    "Speaker", "leader", "Leader", "counterpart", "envoy", "Envoy", "Secretary", "Chairman",
    "chairman", "spokesman", "spokeswoman", "spokesperson", "Mr", "Mrs", "Ms", "Dr", "Sheikh",
    "King", "Queen", "Prince", "Emir", "General", "Gen", "Colonel", "Senator", "Sen", "Rep",
    "Governor", "Mayor", "Chancellor", "Premier", "dictator", "Commander", "commander", "Chief",
    "chief", "Director", "director", "analyst", "journalist", "reporter", "correspondent",
    "editor", "researcher", "Professor", "professor", "official", "diplomat", "lawmaker",
    "Ayatollah", "Pope", "Judge", "Admiral", "Marshal", "Captain", "founder", "By", "Vice",
]);

/// Capitalised words of a title that sit between a cue and the name ("Chief Executive Satya
/// Nadella", "Co-founder Bill Gates", "Deputy Prime Minister X"); never part of a name.
#[rustfmt::skip]
pub static EN_TITLE_WORDS: Words = Words::new(&[
    "Executive", "Officer", "Co-founder", "Founder", "Cofounder", "Deputy", "Prime", "Foreign",
    "Defence", "Defense", "Interior", "Finance", "Justice", "Health", "Trade", "Economy",
    "Assistant", "Acting", "Former", "Senior", "Special", "Supreme", "First", "Lady", "State",
    "Attorney", "Representative", "Permanent", "Chairwoman", "Chair", "CEO", "Secretary",
    "Lieutenant", "Major", "Brigadier", "Field", "Head", "Presidential", "Spokesman",
    "Spokeswoman", "Spokesperson", "Ambassador", "Minister", "President", "Vice", "Chief",
    "Director", "General",
]);

/// Capitalised abbreviations that name no organisation (units, titles, time zones, things).
#[rustfmt::skip]
pub static EN_NOT_ACRONYMS: Words = Words::new(&[
    "TV", "CEO", "CEOs", "CFO", "COO", "CTO", "GDP", "GNP", "NGO", "NGOs", "PM", "AM", "GMT",
    "UTC", "EST", "EDT", "PST", "PDT", "BST", "CET", "CEST", "COVID", "AIDS", "HIV", "SARS",
    "DNA", "RNA", "USD", "EUR", "GBP", "OK", "ID", "IT", "PR", "VIP", "UAV", "UAVs", "ICBM",
    "ICBMs", "SLBM", "IRBM", "WMD", "MP", "MPs", "PhD", "BC", "AD", "BCE", "CE", "II", "III",
    "IV", "VI", "VII", "VIII", "IX", "XI", "XII", "XX", "XXI", "KM", "KG", "MW", "GW", "LNG",
    "LGBT", "LGBTQ", "FAQ", "PDF", "URL", "PS", "RSS", "AI", "VR", "IP", "UPDATE", "UPDATED",
    "BREAKING", "EXCLUSIVE", "VIDEO", "PHOTO", "PHOTOS", "WATCH", "LIVE", "NEW", "READ", "MORE",
    "SHARE", "ET", "PT", "CT", "MT", "NB", "RIP", "DC", "NYC", "POW", "POWs", "IDP", "IDPs",
    "SUV", "SMS", "GPS", "CCTV", "RPG", "APC", "APCs", "MRI", "CV", "HQ", "ATM", "VAT", "CPI",
    "IPO", "PC", "USB", "OPEC+", "EV", "EVs", "ISBN", "AKA", "FYI", "ASAP", "DIY", "UFO", "EMP",
    "TNT", "MoU", "MOU", "PPE", "ER", "ICU", "CBD", "ESG", "PhDs", "MBA", "MA", "BA", "BSc",
    "MSc", "NK", "SK", "LT", "JR", "SR", "KST", "MSK", "AST", "IRST", "EET", "EEST",
]);

/// Words before "by" that credit the people named after it ("Editing by Jane Doe").
#[rustfmt::skip]
pub static EN_CREDITS: Words = Words::new(&[
    "reporting", "Reporting", "editing", "Editing", "writing", "Writing", "written", "Written",
    "edited", "Edited", "compiled", "Compiled", "photo", "Photo", "photos", "Photos",
    "photographs", "Photographs", "interview", "Interview", "research", "Research",
]);

/// Capitalised last words of place names: "Ben Gurion Airport", "East China Sea".
#[rustfmt::skip]
pub static EN_PLACE_HEADS: Words = Words::new(&[
    "Airport", "Sea", "Ocean", "Strait", "Straits", "Gulf", "Bay", "River", "Lake", "Mountains",
    "Mountain", "Mount", "Island", "Islands", "Peninsula", "Desert", "Valley", "Heights",
    "Square", "Street", "Avenue", "Boulevard", "Road", "Canal", "Plain", "Plains", "Coast",
    "Province", "Governorate", "County", "District", "Region", "Oblast", "Prefecture",
    "Crossing", "Highway", "Port", "Harbour", "Harbor", "Basin", "Delta", "Plateau", "Camp",
]);

/// Reporting verbs after a name ("Faisal Mekdad said").
#[rustfmt::skip]
pub static EN_REPORTING: Words = Words::new(&[
    "said", "says", "told", "added", "stated", "noted", "wrote", "announced", "stressed",
    "explained", "warned", "insisted", "argued", "asked", "replied", "tweeted",
]);

/// Last words of organisation names.
#[rustfmt::skip]
pub static EN_ORG_HEADS: Words = Words::new(&[
    "Magazine", "Journal", "Review", "Herald", "Tribune", "Gazette", "Daily", "Radio", "TV",
    "Television", "Broadcasting", "Media", "Press", "Channel", "Monitor", "Observatory", "Watch",
    "Initiative", "Programme", "Program", "Project", "Society", "Alliance", "Coalition", "Board",
    "Department", "Bureau", "Administration", "Embassy", "Consulate", "Mission", "Secretariat",
    "Forum", "Club", "Inc", "Ltd", "Institution", "Academy", "School", "College", "Hospital",
    "Group", "Service", "Network", "Centre", "Center", "Brigades", "Corps", "Police", "Navy",
    "Agency", "Party", "Ministry", "Assembly", "Council", "News", "Army", "Organization",
    "Organisation", "Parliament", "Committee", "Commission", "Union", "Bank", "Corporation",
    "Company", "University", "Institute", "Front", "Movement", "Forces", "Command", "Office",
    "Authority", "Court", "Fund", "Association", "Federation", "League", "Foundation", "Times",
    "Post", "Guard", "Congress", "Force", "Marines", "Jirga", "Corp", "Corporation", "Inc", "Ltd", "LLC", "Plc", "PLC",
    "Holdings", "Guild", "Museum", "Airlines", "Airways", "Motors", "Technologies",
    "Laboratories", "Labs", "Institutes", "Industries", "Ministries", "Cabinet", "Senate",
    "Tribunal", "Brigade", "Battalion", "Regiment", "Division", "Militia", "Directorate",
    "Observatory", "Register", "Telegraph", "Chronicle", "Journal", "Agency", "Networks",
    "Co", "Limited", "GmbH", "AG", "Bhd", "Petroleum", "Airline", "Bancorp", "Telecom",
    "Assemblies", "Parliaments", "Brotherhood", "Caucus", "Cartel", "Syndicate",
]);

/// Last words of football and other sports clubs' names. The first four name a club wherever
/// they stand ("Celtic FC"); the others ("Manchester United", "Leicester City") only where the
/// text around them is about sport (see [`EN_SPORT_WORDS`]): "Kansas City" is a city.
#[rustfmt::skip]
pub static EN_CLUB_SUFFIXES: Words = Words::new(&[
    "FC", "AFC", "CF", "SC", "United", "City", "Athletic", "Rovers", "Wanderers", "Hotspur",
    "Albion", "Rangers",
]);

/// Club suffixes that need no sport context.
pub const EN_CLUB_SUFFIXES_ALWAYS: &[&str] = &["FC", "AFC", "CF", "SC"];

/// First words of clubs' names before a town ("FC Porto", "Real Madrid", "Borussia Dortmund");
/// "FC" and "AC" always, the others where the text is about sport.
#[rustfmt::skip]
pub static EN_CLUB_PREFIXES: Words = Words::new(&[
    "FC", "AC", "AS", "SS", "SL", "Real", "Atletico", "Atlético", "Sporting", "Olympique",
    "Borussia", "Dynamo", "Dinamo", "Inter", "Racing", "Deportivo",
]);

/// Words that show a passage is about sport: a club suffix or prefix near one is a club.
#[rustfmt::skip]
pub static EN_SPORT_WORDS: Words = Words::new(&[
    "football", "Football", "soccer", "match", "matches", "league", "League", "goal", "goals",
    "striker", "midfielder", "defender", "goalkeeper", "coach", "club", "season", "beat",
    "drew", "draw", "stadium", "fixture", "derby", "transfer", "penalty", "champions",
    "Champions", "Cup", "cup", "tournament", "scored", "squad", "player", "players", "signed",
    "win", "won", "victory", "defeat", "relegation", "promoted", "kit", "manager", "fans",
    "Premier", "Liga", "Serie", "Bundesliga", "UEFA", "FIFA",
]);

/// Legal and trade suffixes of companies' names ("Tesla Inc", "Qatar Airways"): a company name
/// has no "of"/"and" before them, so the name is not read back over one.
#[rustfmt::skip]
pub static EN_COMPANY_SUFFIXES: Words = Words::new(&[
    "Inc", "Ltd", "Corp", "Co", "LLC", "Plc", "PLC", "GmbH", "AG", "Bhd", "Limited", "Holdings",
    "Airlines", "Airways", "Airline", "Motors", "Technologies", "Industries", "Bancorp",
]);

/// Organisation heads that name a body even in a title-case headline.
#[rustfmt::skip]
pub static EN_STRONG_ORG_HEADS: Words = Words::new(&[
    "Agency", "Ministry", "Party", "Council", "Assembly", "Parliament", "Army", "Navy",
    "Committee", "Commission", "Organization", "Organisation", "Union", "Bank", "University",
    "Institute", "Forces", "Guard", "Corps", "Police", "Court", "Front", "Movement", "Brigades",
    "News", "Corp", "Inc", "Ltd", "Foundation", "Federation", "League", "Congress", "Senate",
]);

/// Capitalised words that never start or belong to a name.
#[rustfmt::skip]
pub static EN_STOP: Words = Words::new(&[
    "The", "A", "An", "This", "That", "These", "Those", "He", "She", "It", "They", "We", "I",
    "His", "Her", "Its", "Their", "Our", "In", "On", "At", "For", "But", "And", "Or", "If", "As",
    "After", "Before", "While", "When", "Since", "According", "Meanwhile", "However", "Monday",
    "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January", "February",
    "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Related", "Subscribe", "Read", "More", "Also", "Today", "Other", "Latest", "Top",
    "Breaking", "Most", "Popular", "Follow", "Share", "Later", "Then", "Now", "Earlier",
    "Yesterday", "Still", "So", "Yet", "Thus", "Instead", "Here", "There", "Last", "Next", "Both",
    "Some", "Many", "Officials", "Analysts", "Sources", "Experts", "Asked", "Speaking",
]);

/// Whether `w` (as written) is a given name: one of [`EN_GIVEN`] or of `assets/given-names.tsv`
/// (US Census and Wikidata given names, generated by `scripts/gazetteer/given_names.py`).
pub fn is_given_name(w: &str) -> bool {
    static NAMES: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    let names = NAMES.get_or_init(|| {
        include_str!("../../../assets/given-names.tsv")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').next())
            .chain(EN_GIVEN.iter())
            .collect()
    });
    names.contains(w)
}

/// Whether `w` (as written) is one of the most frequent US surnames (`assets/surnames.tsv`,
/// US Census 1990, generated by `scripts/gazetteer/given_names.py`).
pub fn is_surname(w: &str) -> bool {
    static NAMES: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    NAMES
        .get_or_init(|| {
            include_str!("../../../assets/surnames.tsv")
                .lines()
                .filter(|l| !l.starts_with('#'))
                .collect()
        })
        .contains(w)
}

/// Common given names: one followed by a capitalised word is a person ("Ali Vaez").
#[rustfmt::skip]
pub static EN_GIVEN: Words = Words::new(&[
    "John", "James", "Michael", "David", "Robert", "William", "Richard", "Thomas", "Mark", "Paul",
    "Peter", "George", "Donald", "Joe", "Joseph", "Mike", "Steve", "Stephen", "Steven", "Andrew",
    "Daniel", "Matthew", "Anthony", "Antony", "Christopher", "Jonathan", "Ben", "Benjamin",
    "Charles", "Edward", "Henry", "Jack", "Tom", "Tony", "Chris", "Simon", "Martin", "Nicholas",
    "Alexander", "Alex", "Sergei", "Sergey", "Vladimir", "Dmitry", "Mikhail", "Ivan", "Igor",
    "Andrei", "Yuri", "Maria", "Anna", "Elena", "Olga", "Mary", "Sarah", "Elizabeth", "Jennifer",
    "Susan", "Karen", "Lisa", "Laura", "Emily", "Emma", "Hillary", "Angela", "Ursula", "Nikki",
    "Jake", "Lloyd", "Jim", "Marco", "Antonio", "Jean", "Pierre", "Emmanuel", "Olaf", "Hans",
    "Mohammed", "Mohammad", "Muhammad", "Mohamed", "Ahmed", "Ahmad", "Ali", "Hassan", "Hussein",
    "Hossein", "Khaled", "Khalid", "Omar", "Youssef", "Yousef", "Ibrahim", "Ebrahim", "Faisal",
    "Walid", "Ziad", "Sami", "Mustafa", "Mahmoud", "Abdullah", "Abdel", "Abdul", "Tarek", "Tariq",
    "Maher", "Bashar", "Rami", "Fadi", "Hisham", "Hani", "Nabil", "Imad", "Riad", "Ghassan",
    "Jamal", "Kamal", "Nasser", "Mansour", "Salman", "Fahd", "Hamad", "Tamim", "Rashid", "Marwan",
    "Adel", "Ayman", "Bassam", "Nizar", "Issam", "Fuad", "Fouad", "Yasser", "Ismail", "Masoud",
    "Javad", "Mohsen", "Reza", "Majid", "Saeed", "Hamid", "Mehdi", "Ahmet", "Mehmet", "Recep",
    "Dina", "Fatima", "Leila", "Layla", "Rania", "Nadia", "Hala", "Noura", "Yasmin", "Mariam",
]);

/// Korean surnames as romanised in news.
#[rustfmt::skip]
pub static EN_KOREAN: Words = Words::new(&[
    "Kim", "Ri", "Lee", "Pak", "Park", "Choe", "Choi", "Jang", "Mun", "Moon", "Jo", "Cho", "Kang",
    "Han", "Yoon", "Yun", "Jong", "Jung", "Kwon", "Hwang", "Hong", "Pyon", "So", "Ju", "O",
]);

/// Lower-case particles of names in Latin letters: inside a name ("Staffan de Mistura"), at the
/// start of one ("al-Qaeda", "bin Laden") and of a two-word surname ("de Mistura", "von der").
#[rustfmt::skip]
pub static EN_PARTICLES: Words = Words::new(&[
    "al", "el", "bin", "ibn", "ben", "de", "da", "di", "del", "della", "der", "du", "le", "la",
    "van", "von",
]);
