//! The home page's check "能不能享受九种大病专项救治？": three questions (the category, the
//! disease, the age for a children's disease), each answerable "不知道", and where they lead.
//! The rule is the engine's own: poor, one of the nine, within the age limit (I4).

use crate::case::parse_age;
use policy::{Category, DiseaseId, Policy};

/// The answer to one question of the check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Answer<T> {
    /// Not answered yet.
    Open,
    /// "不知道".
    DontKnow,
    /// This answer.
    Is(T),
}

/// The check's three questions, numbered as the page numbers them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Question {
    /// 1. 病人是不是农村贫困人口？
    Category = 1,
    /// 2. 得的是什么病？
    Disease = 2,
    /// 3. 病人今年几岁？
    Age = 3,
}

/// Where the check ends.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// A question that must be answered first.
    Open(Question),
    /// Not rural poor: ordinary insurance only.
    NotPoor,
    /// Does not know whether the patient is rural poor.
    CategoryUnknown,
    /// Rural poor, but does not know the disease.
    DiseaseUnknown,
    /// Rural poor, a disease outside the nine.
    OtherDisease,
    /// Rural poor, a children's disease, age not known.
    AgeUnknown(DiseaseId),
    /// Rural poor, a children's disease, older than the site's reading of "儿童" (I4).
    ChildOverAge {
        /// The disease.
        disease: DiseaseId,
        /// The patient's age.
        age: u8,
        /// The oldest age covered.
        max_age: u8,
    },
    /// Covered by the nine-disease programme.
    Covered {
        /// The patient's category.
        category: Category,
        /// The disease.
        disease: DiseaseId,
    },
}

impl Verdict {
    /// A stable id, for the page and its tests.
    pub const fn id(self) -> &'static str {
        match self {
            Verdict::Open(_) => "open",
            Verdict::NotPoor => "not_poor",
            Verdict::CategoryUnknown => "category_unknown",
            Verdict::DiseaseUnknown => "disease_unknown",
            Verdict::OtherDisease => "other_disease",
            Verdict::AgeUnknown(_) => "age_unknown",
            Verdict::ChildOverAge { .. } => "child_over_age",
            Verdict::Covered { .. } => "covered",
        }
    }

    /// The answer in one line.
    pub fn headline(self) -> String {
        match self {
            Verdict::Open(q) => format!("请回答第{}题", q as u8),
            Verdict::NotPoor => "普通居民不享受健康扶贫的倾斜，但照样有基本医保和大病保险".into(),
            Verdict::CategoryUnknown => "先弄清楚病人是不是农村贫困人口".into(),
            Verdict::DiseaseUnknown => "先弄清楚是不是九种大病中的一种".into(),
            Verdict::OtherDisease => {
                "不是九种大病：没有九种大病专项救治，但仍有基本医保、大病保险两项提高和一兜底".into()
            }
            Verdict::AgeUnknown(_) => "要看年龄：0至14岁的孩子可以享受九种大病专项救治".into(),
            Verdict::ChildOverAge { age, max_age, .. } => {
                format!("{age}岁：按本站的理解，超过了儿童病种的年龄（0至{max_age}岁）")
            }
            Verdict::Covered { .. } => "可以享受九种大病专项救治".into(),
        }
    }
}

/// The answer to the three questions. Age only matters for the children's diseases.
pub fn check(policy: &Policy, category: Answer<Category>, disease: Answer<DiseaseId>, age: Answer<u8>) -> Verdict {
    if category == Answer::Is(Category::Ordinary) {
        return Verdict::NotPoor;
    }
    if category == Answer::Open {
        return Verdict::Open(Question::Category);
    }
    let disease = match disease {
        Answer::Open => return Verdict::Open(Question::Disease),
        Answer::DontKnow => None,
        Answer::Is(d) => Some(d),
    };
    let max_age = disease.and_then(|d| policy.disease(d).max_age);
    if max_age.is_some() && age == Answer::Open {
        return Verdict::Open(Question::Age);
    }
    let Answer::Is(category) = category else { return Verdict::CategoryUnknown };
    let Some(disease) = disease else { return Verdict::DiseaseUnknown };
    if !policy.disease(disease).is_nine() {
        return Verdict::OtherDisease;
    }
    match (max_age, age) {
        (Some(_), Answer::DontKnow | Answer::Open) => Verdict::AgeUnknown(disease),
        (Some(max_age), Answer::Is(age)) if age > max_age => Verdict::ChildOverAge { disease, age, max_age },
        _ => Verdict::Covered { category, disease },
    }
}

/// The age as typed: empty is unanswered, "不知道" wins; an error names what is wrong.
pub fn read_age(text: &str, dont_know: bool) -> Result<Answer<u8>, String> {
    if dont_know {
        return Ok(Answer::DontKnow);
    }
    if text.trim().is_empty() {
        return Ok(Answer::Open);
    }
    parse_age(text).map(Answer::Is).map_err(|e| e.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use Answer::{DontKnow, Is, Open};

    fn verdict(c: Answer<Category>, d: Answer<DiseaseId>, a: Answer<u8>) -> Verdict {
        check(&Policy::builtin(), c, d, a)
    }

    #[test]
    fn a_dibao_child_with_leukaemia_aged_8_is_covered() {
        let v = verdict(Is(Category::Dibao), Is(DiseaseId::ChildAll), Is(8));
        assert_eq!(v, Verdict::Covered { category: Category::Dibao, disease: DiseaseId::ChildAll });
        assert_eq!(v.headline(), "可以享受九种大病专项救治");
        assert_eq!(verdict(Is(Category::Dibao), Is(DiseaseId::ChildVsd), Is(14)).id(), "covered");
    }

    #[test]
    fn an_adult_disease_needs_no_age() {
        assert_eq!(
            verdict(Is(Category::RegisteredPoor), Is(DiseaseId::GastricCancer), Open),
            Verdict::Covered { category: Category::RegisteredPoor, disease: DiseaseId::GastricCancer }
        );
        assert_eq!(verdict(Is(Category::Tekun), Is(DiseaseId::Esrd), DontKnow).id(), "covered");
    }

    #[test]
    fn an_ordinary_resident_is_not_poor_whatever_the_other_answers() {
        for d in [Open, DontKnow, Is(DiseaseId::ChildAll), Is(DiseaseId::Other)] {
            assert_eq!(verdict(Is(Category::Ordinary), d, Open), Verdict::NotPoor);
        }
    }

    #[test]
    fn another_disease_keeps_two_of_san_tigao_and_doudi() {
        let v = verdict(Is(Category::DisabledPoor), Is(DiseaseId::Other), Open);
        assert_eq!(v, Verdict::OtherDisease);
        // The third 提高 (医疗救助 70%/50%) is for the nine diseases only (Hunan 三(二)).
        assert!(v.headline().contains("基本医保、大病保险两项提高") && v.headline().contains("一兜底"));
        assert!(!v.headline().contains("三提高"));
    }

    #[test]
    fn a_child_over_14_is_told_the_sites_reading() {
        let v = verdict(Is(Category::Dibao), Is(DiseaseId::ChildAsd), Is(15));
        assert_eq!(v, Verdict::ChildOverAge { disease: DiseaseId::ChildAsd, age: 15, max_age: 14 });
        assert!(v.headline().contains("0至14岁"));
        assert!(v.headline().contains("本站的理解"));
    }

    #[test]
    fn unknowns_get_their_own_answer() {
        assert_eq!(verdict(DontKnow, Is(DiseaseId::GastricCancer), Open), Verdict::CategoryUnknown);
        assert_eq!(verdict(DontKnow, DontKnow, DontKnow), Verdict::CategoryUnknown);
        assert_eq!(verdict(Is(Category::Dibao), DontKnow, Open), Verdict::DiseaseUnknown);
        assert_eq!(
            verdict(Is(Category::Dibao), Is(DiseaseId::ChildApl), DontKnow),
            Verdict::AgeUnknown(DiseaseId::ChildApl)
        );
    }

    #[test]
    fn open_questions_are_asked_in_order() {
        assert_eq!(verdict(Open, Open, Open), Verdict::Open(Question::Category));
        assert_eq!(verdict(Open, Is(DiseaseId::Esrd), Is(50)), Verdict::Open(Question::Category));
        assert_eq!(verdict(Is(Category::Dibao), Open, Open), Verdict::Open(Question::Disease));
        assert_eq!(verdict(Is(Category::Dibao), Is(DiseaseId::ChildAll), Open), Verdict::Open(Question::Age));
        assert_eq!(verdict(Open, Open, Open).headline(), "请回答第1题");
    }

    #[test]
    fn the_age_as_typed() {
        assert_eq!(read_age("", false), Ok(Open));
        assert_eq!(read_age(" 8 ", false), Ok(Is(8)));
        assert_eq!(read_age("8", true), Ok(DontKnow));
        assert!(read_age("八", false).is_err());
        assert!(read_age("-1", false).is_err());
    }
}
