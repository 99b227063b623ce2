//! Word lists for the English and Arabic rules (titles, reporting verbs, organisation heads,
//! stop words, given names). Arabic entries are normalised (أ→ا, ة→ه, ى→ي).

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

/// A word list, looked up through a hash set built on first use: the rules ask every token of
/// a document about several lists, and scanning them was most of the extraction time.
pub struct Words {
    list: &'static [&'static str],
    set: OnceLock<FxHashSet<&'static str>>,
}

impl Words {
    /// The list `list`.
    pub const fn new(list: &'static [&'static str]) -> Words {
        Words { list, set: OnceLock::new() }
    }

    /// Whether `w` (as written) is in the list.
    pub fn contains(&self, w: &str) -> bool {
        self.set.get_or_init(|| self.list.iter().copied().collect()).contains(w)
    }

    /// The words, in list order.
    pub fn iter(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.list.iter().copied()
    }
}

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
        include_str!("../../assets/given-names.tsv")
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
            include_str!("../../assets/surnames.tsv")
                .lines()
                .filter(|l| !l.starts_with('#'))
                .collect()
        })
        .contains(w)
}

/// What `assets/arabic-names.tsv` (Wikidata name parts, generated by
/// `scripts/gazetteer/arabic_names.py`) knows of a folded Arabic word.
#[derive(Debug, Clone, Copy, Default)]
pub struct ArabicName {
    /// Usual Latin spelling and number of people bearing it as a given name.
    pub given: Option<(&'static str, u32)>,
    /// The same as a surname.
    pub surname: Option<(&'static str, u32)>,
}

impl ArabicName {
    /// The Latin spelling, preferring the role with more bearers.
    pub fn latin(&self) -> Option<&'static str> {
        match (self.given, self.surname) {
            (Some(g), Some(s)) => Some(if g.1 >= s.1 { g.0 } else { s.0 }),
            (g, s) => g.or(s).map(|x| x.0),
        }
    }
}

/// The Arabic name part `folded` (أإآ→ا, ى→ي, ة→ه, no harakat), if the name list has it.
pub fn arabic_name(folded: &str) -> Option<ArabicName> {
    static NAMES: OnceLock<rustc_hash::FxHashMap<&'static str, ArabicName>> = OnceLock::new();
    let names = NAMES.get_or_init(|| {
        let mut m = rustc_hash::FxHashMap::<&'static str, ArabicName>::default();
        for line in include_str!("../../assets/arabic-names.tsv").lines() {
            let f: Vec<&'static str> = line.split('\t').collect();
            let [key, role, latin, people] = f[..] else { continue };
            let Ok(n) = people.parse::<u32>() else { continue };
            let e = m.entry(key).or_default();
            match role {
                "given" => e.given = Some((latin, n)),
                "surname" => e.surname = Some((latin, n)),
                _ => {}
            }
        }
        m
    });
    names.get(folded).copied()
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

/// Particles, pronouns and verbs (normalised) that are never part of a name.
#[rustfmt::skip]
pub static AR_STOP: Words = Words::new(&[
    "متحدث", "ناطق", "باسم", "مدير", "قائد", "مستشار", "سفير", "ممثل", "مندوب", "خبير", "محلل",
    "شاهد", "مواطن", "مصدرا", "اكثر", "عدد", "بعض", "جميع", "احد", "اي", "غير",
    "مصدر", "مصادر", "مسؤول", "مسؤولون", "بيان", "تقرير", "شهود", "ناشطون", "ناشط", "سكان",
    "مراقبون", "خبراء", "محللون", "دبلوماسي", "عسكري", "امني", "رسمي", "حكومي", "مطلع", "مطلعه",
    "في", "من", "الي", "على", "علي", "عن", "مع", "ان", "او", "ثم", "الذي", "التي", "الذين", "هو",
    "هي", "هم", "هما", "نحن", "انا", "انه", "انها", "كان", "كانت", "قد", "لقد", "لا", "لم", "لن",
    "ما", "خلال", "بعد", "قبل", "عند", "حول", "بين", "هذا", "هذه", "ذلك", "تلك", "كل", "حيث",
    "كما", "ايضا", "اليوم", "امس", "عام", "يوم", "شهر", "منذ", "حتى", "قال", "قالت", "اكد",
    "اكدت", "اضاف", "اضافت", "اشار", "اشارت", "اعلن", "اعلنت", "ذكر", "ذكرت", "اوضح", "صرح",
    "يوم", "وفق", "وفقا", "لدى", "الى", "به", "بها", "له", "لها", "فيه", "فيها", "عبر", "ضد",
    "جهات", "جهه", "معارضه", "معارضون", "معارض", "اوساط", "دوائر", "وسائل", "انباء", "تقارير",
    "فصائل", "مقاتلون", "مقاتلين", "ناشطين", "مسؤولين", "مصدرين", "شخصيات", "عناصر", "افراد",
    "حكومه", "اداره", "جلسه", "شؤون", "الرفيق", "الرفيقه", "اجتماع", "زياره", "اتصال", "اتصالا",
    "مؤتمر", "قمه", "وفد", "الوفد", "نحو", "ضمن", "عقب", "اثر", "امام", "حين", "دون", "بان",
    "لان", "كان", "وان", "فان", "بانه", "بانها", "لانه", "العلاقات", "العمليات", "الشؤون",
    "نفسه", "نفسها", "قياده", "قوله", "قولها", "اسمه", "اسمها", "المجتمع", "الصداقه", "دفاع",
    "مفاوضيها", "مفاوضيه", "كبير", "جهاز", "مجموعه", "ابرز", "عضوا", "بصفته", "بصفتها",
    "ملك", "امير", "ولي", "جاهز", "جاهزه", "ضروره", "رئيس", "تسيير", "مؤقتا", "وسط",
]);

/// Words after which a person's name follows (after optional ال- qualifiers).
#[rustfmt::skip]
pub static AR_CUES: Words = Words::new(&[
    "الرئيس", "المتحدثه", "الناطقه", "الوزيره", "السفيره", "الرئيسه", "المستشاره", "الباحثه",
    "الصحفيه", "المحلله", "الكاتبه", "الامين", "المبعوثه", "مساعد", "معاون", "عضو", "برئاسه",
    "السفير", "نظيره", "نظيرته", "الزعيم", "الوزير", "وزير", "وزيره", "الملك", "الامير", "الشيخ",
    "المبعوث", "الخبير", "الباحث", "الصحفي", "المحلل", "المتحدث", "الدكتور", "السيد", "السيده",
    "العقيد", "اللواء", "العميد", "الجنرال", "المستشار", "المندوب", "القائد", "رئيس", "نائب",
    "القائم", "الناطق", "المدير", "الكاتب", "مراسل", "الرفيق", "الرفيقه", "القاضي",
]);

/// Reporting verbs that a speaker's name follows.
#[rustfmt::skip]
pub static AR_VERBS: Words = Words::new(&[
    "قال", "قالت", "اكد", "اكدت", "اضاف", "اضافت", "صرح", "اعلن", "ذكر", "اوضح", "اشار", "تابع",
]);

/// Imperfect verbs that news puts right after a name (folded): they end the name.
#[rustfmt::skip]
pub static AR_IMPERFECT: Words = Words::new(&[
    "يلتقي", "يلتقيان", "تلتقي", "يبحث", "يبحثان", "تبحث", "يعقد", "يعقدان", "تعقد", "يتلقي",
    "تتلقي", "يعلن", "يعلنان", "تعلن", "يزور", "تزور", "يؤكد", "يؤكدان", "تؤكد", "يدعو", "تدعو",
    "يستقبل", "تستقبل", "يجري", "تجري", "يوقع", "يوقعان", "توقع", "يترأس", "تترأس", "يشارك",
    "تشارك", "يلغي", "تلغي", "يصل", "تصل", "يغادر", "تغادر", "يقول", "تقول", "يطالب", "تطالب",
    "يرحب", "ترحب", "يدين", "تدين", "يهنئ", "يعزي", "يبدا", "تبدا", "يختتم", "تختتم", "يناقش",
    "تناقش", "يعتبر", "تعتبر", "يري", "تري", "يحذر", "تحذر", "يهدد", "تهدد", "يتهم", "تتهم",
    "ينفي", "تنفي", "يجتمع", "تجتمع", "يتوجه", "تتوجه", "يصطدم", "يعود", "تعود", "يبدي", "تبدي",
    "يشيد", "تشيد", "يستعرض", "تستعرض", "يقترح", "تقترح", "يرفض", "ترفض", "يوافق", "توافق",
]);

/// Words glued to a preposition that follow a name and are not part of it (folded).
#[rustfmt::skip]
pub static AR_GLUED: Words = Words::new(&[
    "لحضور", "بحضور", "لبحث", "لمناقشه", "لتعزيز", "لزياره", "بزياره", "بمشاركه", "لمتابعه",
    "لاجراء", "باجراء", "بشان", "لدعم", "بدعم", "لتوقيع", "بتوقيع", "لقاء", "بلقاء", "لمراسم",
    "بمناسبه", "لاستقبال", "باستقبال", "لتقديم", "بتقديم", "لمده", "بعد", "قبل", "لكره",
    "لاحتضان", "لاستضافه", "باستضافه", "لمواجهه", "لتنظيم", "بتنظيم",
]);

/// Heads of organisation names in construct state (وكالة الأنباء…, مجلس الشعب…).
#[rustfmt::skip]
pub static AR_ORG_HEADS: Words = Words::new(&[
    "وكاله", "حزب", "مجلس", "وزاره", "جيش", "منظمه", "هيئه", "جبهه", "حركه", "اتحاد", "لجنه",
    "مؤسسه", "صحيفه", "قناه", "محكمه", "جامعه", "لواء", "كتيبه", "كتائب", "سرايا", "فيلق",
    "ائتلاف", "تحالف", "شبكه", "مركز", "معهد", "مصرف", "شركه", "بنك", "مرصد", "معاهده", "جهاز",
    "ميثاق", "بعثه", "جمعيه",
]);

/// East-Asian surnames: names starting with one may end in a word that is also a pronoun
/// (ري يونغ هو).
#[rustfmt::skip]
pub static AR_EAST_ASIAN: Words = Words::new(&[
    "كيم", "ري", "بارك", "لي", "مون", "جانغ", "تشوي", "شي", "كانغ", "يون", "تشو", "وانغ",
    "هوانغ", "تشانغ", "ليو", "تشين", "كوون",
]);

/// Common given names (normalised) that are not also common words (so not علي = على, حسن,
/// سعيد, امين): one followed by a name word starts a person's name.
#[rustfmt::skip]
pub static AR_GIVEN: Words = Words::new(&[
    "محمد", "احمد", "حسين", "خالد", "عمر", "يوسف", "ابراهيم", "فيصل", "وليد", "زياد", "سامي",
    "مصطفي", "محمود", "عبدالله", "طارق", "ماهر", "بشار", "رامي", "فادي", "هشام", "هاني", "نبيل",
    "عماد", "رياض", "غسان", "ناصر", "منصور", "سلمان", "فهد", "حمد", "تميم", "راشد", "مروان",
    "عادل", "ايمن", "بسام", "نزار", "عصام", "فؤاد", "ياسر", "اسماعيل", "مسعود", "جورج", "ميشال",
    "ميشيل", "بيتر", "جون", "دونالد", "سيرغي", "فلاديمير", "ديمتري", "مايك", "ماريا", "فاطمه",
    "مريم", "ساره", "ناديه", "رانيا", "هاله", "دينا", "ليلي", "مهدي", "رضا", "جواد", "محسن",
    "مجيد", "حميد", "انطونيو", "ايمانويل", "اولاف", "جيمس", "ديفيد", "ستيف", "بنيامين",
]);

/// Adjectives of nationality, direction and office (normalised, masculine; the feminine adds ه).
/// A nisba surname (البوسعيدي، الشيباني) looks the same, so only these are taken as adjectives.
#[rustfmt::skip]
pub static AR_ADJECTIVES: Words = Words::new(&[
    "السوري", "الكوري", "الشمالي", "الجنوبي", "الشرقي", "الغربي", "الايراني", "الامريكي",
    "الاميركي", "الروسي", "العراقي", "العماني", "الصيني", "التركي", "المصري", "اللبناني",
    "الاردني", "السعودي", "الاماراتي", "القطري", "الكويتي", "البحريني", "اليمني", "الليبي",
    "التونسي", "الجزائري", "المغربي", "السوداني", "الفلسطيني", "الاسرائيلي", "البريطاني",
    "الفرنسي", "الالماني", "الياباني", "الهندي", "الباكستاني", "الافغاني", "الاوكراني",
    "الاوروبي", "الكوبي", "الفنزويلي", "الايطالي", "الاسباني", "البيلاروسي", "الاذربيجاني",
    "الارمني", "الجورجي", "الكازاخي", "الاوزبكي", "التركماني", "الفيتنامي", "الاندونيسي",
    "الماليزي", "الاثيوبي", "النيجيري", "الجنوب", "الرسمي", "الحالي", "الخارجي", "الداخلي",
    "الدولي", "العربي", "الاسلامي", "الوطني", "الاقليمي", "الثنائي", "الاقتصادي", "العسكري",
    "السياسي", "الامني", "الدبلوماسي", "الشعبي", "الاعلى", "السابق", "الجديد", "الاول", "الثاني",
    "الحكومي", "الرئاسي", "البرلماني", "الاممي", "الكردي", "الشيعي", "السني",
]);
