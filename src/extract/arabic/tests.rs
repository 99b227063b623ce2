//! The Arabic organisation rules on sentences as Arabic news prints them: each family finds its
//! names, and the common noun phrases that share its head words stay out.

use crate::extract::EntityKind;
use crate::extract::test_support::{extractor, finds, no_org};

#[test]
fn clubs_are_named_with_their_head() {
    finds("يُعد نادي الهلال السعودي واحدًا من أعرق الأندية", "نادي الهلال السعودي");
    finds("وقع اللاعب لنادي ريال مدريد الإسباني", "نادي ريال مدريد الإسباني");
    finds("انتقل إلى نادي برشلونة في الصيف", "نادي برشلونة");
    finds("وصلت إلى نادي باريس للدائنين", "نادي باريس للدائنين");
    no_org("افتتح نادي رياضي جديد في المدينة");
    // A title before the club does not make the club a person.
    let t = "قال رئيس نادي الزمالك إن الفريق جاهز";
    finds(t, "نادي الزمالك");
    let people: Vec<_> =
        extractor().mentions(t).into_iter().filter(|m| m.kind == EntityKind::Person).collect();
    assert!(people.is_empty(), "{people:?}");
}

#[test]
fn leagues_are_named_by_their_adjectives() {
    finds("فاز الهلال بالدوري السعودي للمحترفين 18 مرة", "الدوري السعودي للمحترفين");
    finds("حقق الهلال لقب دوري أبطال آسيا 4 مرات", "دوري أبطال آسيا");
    finds("صدارة الدوري الإنجليزي الممتاز", "الدوري الإنجليزي الممتاز");
    // الدوري after a noun is the adjective "periodic".
    no_org("عقد الاجتماع الدوري السنوي أمس");
}

#[test]
fn banks_companies_and_central_banks() {
    finds("قرر مصرف البحرين المركزي اليوم رفع سعر الفائدة", "مصرف البحرين المركزي");
    finds("يذكر أن البنك المركزي المصري خفض أسعار الفائدة", "البنك المركزي المصري");
    finds("وقال مصرف لبنان إن الودائع آمنة", "مصرف لبنان");
    finds("أعلنت شركة سامسونغ عن هاتف جديد", "شركة سامسونغ");
    finds("وقعت شركة طيران الإمارات عقدا", "شركة طيران الإمارات");
    // A company described, not named.
    no_org("وقعت شركة أمريكية عقدا مع الحكومة");
    no_org("استحوذت شركة كبرى على المصنع");
    no_org("تعمل شركة طيران في المطار");
    no_org("اعتمد الجيش على بنك أهداف واسع");
}

#[test]
fn armies_militias_movements_and_parliaments() {
    finds("قاتلت ميليشيا الحشد الشعبي في المدينة", "ميليشيا الحشد الشعبي");
    finds("أعلنت حركة حماس موافقتها", "حركة حماس");
    finds("اجتمع مكتب المجلس برئاسة رئيسه", "مكتب المجلس");
    finds("وأقر البرلمان العراقي القانون", "البرلمان العراقي");
    finds("صوت مجلس النواب الأردني على الموازنة", "مجلس النواب الأردني");
    finds("وقالت وزارة الخارجية الأمريكية إن", "وزارة الخارجية الأمريكية");
    // Descriptions: "armed factions", "a displacement", "an armed group".
    no_org("هاجمت فصائل مسلحة القرية");
    no_org("شهدت المنطقة حركة نزوح واسعة");
    no_org("تبنت جماعة مسلحة الهجوم");
}

fn people(text: &str) -> Vec<String> {
    extractor()
        .mentions(text)
        .into_iter()
        .filter(|m| m.kind == EntityKind::Person)
        .map(|m| text[m.range].to_string())
        .collect()
}

#[track_caller]
fn finds_person(text: &str, person: &str) {
    let got = people(text);
    assert!(got.iter().any(|p| p == person), "{person} not found in {text}: {got:?}");
}

#[test]
fn a_verb_or_adverb_after_a_name_ends_it() {
    let t =
        "بعد أن تعرض محمد الربيعي لإصابة أبعدته، وقال المدرب إن غياب محمد الربيعي أبعدهما عن اللقاء";
    finds_person(t, "محمد الربيعي");
    finds_person(
        "بعد أن وصف أمير قطر الشيخ حمد بن خليفة آل ثاني مؤخرا ارتفاع",
        "حمد بن خليفة آل ثاني",
    );
    finds_person(
        "ضد وزير أملاك الدولة والشؤون العقارية السابق رضا قريرة لتورطه في التفريط",
        "رضا قريرة",
    );
    finds_person("إن زعيم المعارضة إبراهيم محمد صليح فاز في الانتخابات", "إبراهيم محمد صليح");
    finds_person("استقال رئيس الوزراء بشر الخصاونة وأعضاء حكومته", "بشر الخصاونة");
    // A name of the list that starts with و still continues the name.
    finds_person("التقى الرئيس محمد وليد في القاهرة", "محمد وليد");
}

#[test]
fn an_unknown_surname_closed_by_punctuation_is_kept() {
    finds_person("وقوات الدعم السريع، بقيادة محمد حمدان دقلو، البلاد", "محمد حمدان دقلو");
    finds_person("إن زعيم المعارضة إبراهيم محمد صليح فاز", "إبراهيم محمد صليح");
}

#[test]
fn a_theophoric_given_name_starts_a_name() {
    let t = "قال محافظ البنك المركزي القطري عبد الله بن خالد العطية على هامش مؤتمر";
    finds_person(t, "عبد الله بن خالد العطية");
    finds_person("وأوضح المهندس عبد المنعم درار أن الإنتاج ارتفع", "عبد المنعم درار");
    // "عبد" alone, or before a common word, is no name.
    assert!(people("كان عبد الله وحده").is_empty() || people("كان عبد الله وحده") == ["عبد الله"]);
    assert!(people("هذا عبد فقير إلى ربه").is_empty());
}
