//! From what the visitor entered to what the page shows: the assumptions behind every
//! "不知道", the parameters in force with the visitor's own changes, the estimate, and the
//! what-if comparisons. No browser API here, so all of it is tested natively.

use engine::{estimate, Case, Estimate, EstimateError, HospitalChoice};
use policy::{Category, DiseaseId, HospitalLevel, ParamId, Parameters, Policy, Unit};
use rust_decimal::Decimal;

use super::state::CalcState;
use engine::Field;

/// The mark of an assumed figure: how sure it is, as every baseline figure's mark.
pub fn assumed_mark(figure: &policy::AssumedFigure) -> &'static str {
    engine::confidence_mark(figure.confidence)
}

/// The annual-cap what-if: this much of the basic insurance cap already used this year.
pub const CAP_WHAT_IF_LEFT: Decimal = Decimal::from_parts(20000, 0, 0, false, 0);

/// A problem with one field, to show next to it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: String,
}

impl From<EstimateError> for FieldError {
    fn from(e: EstimateError) -> FieldError {
        FieldError { field: e.field(), message: e.to_string() }
    }
}

/// One side-by-side comparison.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WhatIf {
    /// Stable id, for the page and its tests.
    pub id: &'static str,
    /// The button's text.
    pub question: String,
    /// How this case is described in the comparison.
    pub this_label: String,
    /// How the other case is described.
    pub other_label: String,
    pub this_pays: Decimal,
    pub other_pays: Decimal,
}

/// Everything the result needs.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    pub estimate: Result<Estimate, FieldError>,
    /// The case actually computed (after assumptions), when the input could be read.
    pub case: Option<Case>,
    /// The parameters in force, with the visitor's valid changes.
    pub params: Option<Parameters>,
    /// Problems with the visitor's parameter changes: (parameter id, message).
    pub param_errors: Vec<(String, String)>,
    /// Sentences naming each assumption made for a "不知道".
    pub assumptions: Vec<String>,
    pub what_ifs: Vec<WhatIf>,
}

impl Outcome {
    /// Whether the result uses parameters the visitor changed.
    pub fn custom_parameters(&self) -> bool {
        self.params.as_ref().is_some_and(Parameters::is_overridden)
    }

    /// The message for a field, if the estimate failed on it.
    pub fn error_for(&self, field: &str) -> Option<String> {
        match &self.estimate {
            Err(e) if e.field == field => Some(e.message.clone()),
            _ => None,
        }
    }
}

/// Fills in the assumed value for every field answered "不知道" (and the date, when none is
/// given: the day the page is used), returning the sentences that name them.
pub fn apply_assumptions(state: &CalcState, today: &str) -> (CalcState, Vec<String>) {
    let mut s = state.clone();
    let mut said = Vec::new();
    if s.get(Field::Date).trim().is_empty() {
        s.set(Field::Date, today);
        if state.is_unknown(Field::Date) {
            said.push(format!("住院日期不知道：按今天（{today}）计算。"));
        }
    }
    if state.is_unknown(Field::Category) {
        s.set(Field::Category, Category::RegisteredPoor.id());
        said.push("身份不知道：按建档立卡贫困人口估算（医疗救助按50%，比低保对象少）。".into());
    }
    // 建档立卡 is asked only of 低保, 特困 and 贫困残疾人: for the other two categories the answer
    // is fixed (yes, no), and one left from an earlier choice of category is not held against them.
    if Category::from_id(s.get(Field::Category)).is_some_and(|c| !c.asks_registered()) {
        s.set(Field::Registered, "");
    }
    if state.is_unknown(Field::Disease) {
        s.set(Field::Disease, DiseaseId::Other.id());
        said.push("疾病不知道：按九种大病以外的其他疾病估算（没有九种大病的医疗救助和医院减免；其他疾病的医疗救助按民政部门规定，本站不计算）。".into());
    }
    // A child's disease is assumed at its age limit (I4), anything else at an adult's age.
    let child_limit = DiseaseId::from_id(s.get(Field::Disease)).and_then(|d| Policy::builtin().disease(d).max_age);
    if state.is_unknown(Field::Age) {
        match child_limit {
            Some(max_age) => {
                s.set(Field::Age, max_age.to_string());
                said.push(format!(
                    "年龄不知道：按{max_age}岁估算（文件只写“儿童”，本站按0至{max_age}岁算儿童，本站的理解 I4）。"
                ));
            }
            None => {
                s.set(Field::Age, policy::assumptions().adult_age.to_string());
                said.push("年龄不知道：这个病的报销与年龄无关，不影响结果。".into());
            }
        }
    }
    if state.is_unknown(Field::Hospital) {
        s.set(Field::Hospital, HospitalLevel::County.id());
        s.set(Field::InCounty, "true");
        s.set(Field::Designated, "false");
        said.push("医院不知道：按本县的县级医院、但不是定点医院估算（没有医院减免）。".into());
    } else if HospitalLevel::from_id(s.get(Field::Hospital)).is_some() {
        if state.is_unknown(Field::InCounty) {
            said.push("医院在不在本县（区）内不知道：乡镇卫生院、县级医院按本县，市级、省级医院按县外估算。".into());
        }
        if state.is_unknown(Field::Designated) {
            said.push("是不是定点救治医院不知道：按不是定点医院估算（没有医院减免）。".into());
        }
    }
    if state.is_unknown(Field::Referred) {
        s.set(Field::Referred, "false");
        said.push("是否转诊不知道：按没有办理转诊估算。".into());
    }
    if state.is_unknown(Field::TotalCost) {
        let assumed = &policy::assumptions().total_cost;
        s.set(Field::TotalCost, assumed.value.to_string());
        said.push(format!("总费用不知道：按{}估算（{}）。", assumed.text, assumed_mark(assumed)));
    }
    if state.is_unknown(Field::InPolicyCost) {
        if let Ok(total) = engine::parse_amount(engine::Field::TotalCost, s.get(Field::TotalCost)) {
            let share = &policy::assumptions().in_policy_share;
            let assumed = engine::round_fen(total * share.value);
            s.set(Field::InPolicyCost, assumed.to_string());
            said.push(format!(
                "政策范围内费用不知道：按{}估算，即{}元（{}）。",
                share.text,
                engine::format_yuan(assumed),
                assumed_mark(share)
            ));
        }
    }
    for (key, text) in [
        (Field::TehuiRatio, "扶贫特惠保的报销比例不知道：按不报销（0）估算。"),
        (Field::BasicPaidThisYear, "今年基本医保已报多少不知道：按今年第一次住院估算。"),
        (Field::CriticalPaidThisYear, "今年大病保险已报多少不知道：按今年第一次报销估算。"),
    ] {
        if state.is_unknown(key) {
            said.push(text.into());
        }
    }
    (s, said)
}

/// Reads a parameter as the panel shows it (percent for ratios, yuan for money).
pub fn parse_shown_value(unit: Unit, text: &str) -> Option<Decimal> {
    let t = text.trim().trim_end_matches('%').trim();
    if t.is_empty() || t.len() > 16 || !t.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    let value: Decimal = t.parse().ok()?;
    Some(match unit {
        Unit::Ratio => value / Decimal::ONE_HUNDRED,
        _ => value,
    })
}

/// A parameter as the panel shows it.
pub fn shown_value(unit: Unit, value: Decimal) -> String {
    match unit {
        Unit::Ratio => (value * Decimal::ONE_HUNDRED).normalize().to_string(),
        _ => value.normalize().to_string(),
    }
}

/// The parameters for the case, with the visitor's changes applied where they are valid.
fn parameters(
    policy: &Policy,
    case: &Case,
    state: &CalcState,
) -> Result<(Parameters, Vec<(String, String)>), FieldError> {
    let mut params = case.parameters(policy)?;
    let mut errors = Vec::new();
    for (id, text) in &state.overrides {
        let Some(pid) = ParamId::from_id(id) else { continue };
        let Some(value) = parse_shown_value(pid.unit(), text) else {
            errors.push((id.clone(), "请填一个不小于 0 的数字".to_string()));
            continue;
        };
        if let Err(e) = params.set(pid, value) {
            errors.push((id.clone(), e.to_string()));
        }
    }
    Ok((params, errors))
}

/// The whole outcome of the visitor's input on `today` (YYYY-MM-DD).
pub fn compute(policy: &Policy, state: &CalcState, today: &str) -> Outcome {
    let (filled, assumptions) = apply_assumptions(state, today);
    let mut outcome = Outcome {
        estimate: Err(FieldError { field: "", message: String::new() }),
        case: None,
        params: None,
        param_errors: Vec::new(),
        assumptions,
        what_ifs: Vec::new(),
    };
    let case = match filled.case_input().parse() {
        Ok(case) => case,
        Err(e) => {
            outcome.estimate = Err(e.into());
            return outcome;
        }
    };
    outcome.case = Some(case);
    let (params, errors) = match parameters(policy, &case, state) {
        Ok(p) => p,
        Err(e) => {
            outcome.estimate = Err(e);
            return outcome;
        }
    };
    outcome.param_errors = errors;
    outcome.estimate = estimate(&params, &case).map_err(FieldError::from);
    if let Ok(result) = &outcome.estimate {
        outcome.what_ifs = what_ifs(policy, &params, &case, result);
    }
    outcome.params = Some(params);
    outcome
}

/// The designated hospital for the case's disease in its region, as a hospital choice: the
/// named one, or a designated county hospital where the region names none. `None` for a patient
/// outside the nine diseases (or a child past the age limit, I4).
pub fn designated_hospital(policy: &Policy, case: &Case) -> Option<HospitalChoice> {
    if !policy.disease(case.disease).covers_age(case.age) {
        return None;
    }
    let named = policy.treating_hospital(case.region, case.disease);
    Some(match named {
        Some(h) => HospitalChoice::Named(h.id),
        None => HospitalChoice::Level { level: HospitalLevel::County, in_county: true, designated: true },
    })
}

fn hospital_label(policy: &Policy, h: HospitalChoice) -> String {
    match h {
        HospitalChoice::Named(id) => policy.hospital(id).name.clone(),
        HospitalChoice::Level { level, in_county, designated } => format!(
            "{}{}{}",
            if in_county { "本县" } else { "县外" },
            level.name(),
            if designated { "（定点）" } else { "（非定点）" }
        ),
    }
}

fn what_ifs(policy: &Policy, params: &Parameters, case: &Case, result: &Estimate) -> Vec<WhatIf> {
    let pays = |c: &Case| estimate(params, c).ok().map(|e| e.patient_pays);
    let mut out = Vec::new();

    // At the designated hospital, or elsewhere.
    let other_hospital = if result.designated {
        match case.hospital {
            HospitalChoice::Named(id) => {
                let h = policy.hospital(id);
                Some(HospitalChoice::Level { level: h.level, in_county: h.in_district, designated: false })
            }
            HospitalChoice::Level { level, in_county, .. } => {
                Some(HospitalChoice::Level { level, in_county, designated: false })
            }
        }
    } else {
        designated_hospital(policy, case)
    };
    if let Some(other) = other_hospital {
        let alt = Case { hospital: other, ..*case };
        if let Some(other_pays) = pays(&alt) {
            out.push(WhatIf {
                id: "hospital",
                question: if result.designated {
                    "如果不在定点医院住院？".into()
                } else {
                    "如果到定点医院住院？".into()
                },
                this_label: hospital_label(policy, case.hospital),
                other_label: hospital_label(policy, other),
                this_pays: result.patient_pays,
                other_pays,
            });
        }
    }

    // Referred, or not.
    let alt = Case { referred: !case.referred, ..*case };
    if let Some(other_pays) = pays(&alt) {
        let (yes, no) = ("办了转诊".to_string(), "没有转诊".to_string());
        out.push(WhatIf {
            id: "referral",
            question: if case.referred { "如果没有办转诊？".into() } else { "如果办了转诊？".into() },
            this_label: if case.referred { yes.clone() } else { no.clone() },
            other_label: if case.referred { no } else { yes },
            this_pays: result.patient_pays,
            other_pays,
        });
    }

    // This year's basic-insurance cap partly used already.
    let cap = params.value(ParamId::BasicAnnualCap);
    let used = cap - CAP_WHAT_IF_LEFT;
    if used > case.basic_paid_this_year {
        let alt = Case { basic_paid_this_year: used, ..*case };
        if let Some(other_pays) = pays(&alt) {
            out.push(WhatIf {
                id: "cap",
                question: format!("如果今年基本医保已经报过{}元？", engine::format_yuan(used).trim_end_matches(".00")),
                this_label: "按现在填的".into(),
                other_label: format!("今年只剩{}元额度", engine::format_yuan(CAP_WHAT_IF_LEFT).trim_end_matches(".00")),
                this_pays: result.patient_pays,
                other_pays,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::calculator::state::CalcState;

    fn gastric() -> CalcState {
        let (s, _) =
            CalcState::from_fragment("dt=2018-03-01&c=dibao&d=gastric_cancer&a=56&h=junshan_people&t=50000&p=45000");
        s
    }

    fn pays(outcome: &Outcome) -> String {
        outcome.estimate.as_ref().map(|e| e.patient_pays.to_string()).unwrap_or_default()
    }

    /// What the family pays in the worked example, as the case file works it out by hand.
    fn worked_pays() -> &'static str {
        let case = include_str!("../../../tests/cases/01-worked-example-dibao-gastric-junshan-people.toml");
        let line = case.lines().find(|l| l.starts_with("patient_pays = ")).unwrap_or_default();
        line.trim_start_matches("patient_pays = ").trim_matches('"')
    }

    #[test]
    fn the_worked_example_costs_the_family_what_its_case_file_says() {
        let outcome = compute(&Policy::builtin(), &gastric(), "2026-11-22");
        assert!(!worked_pays().is_empty());
        assert_eq!(pays(&outcome), worked_pays());
        assert!(outcome.assumptions.is_empty());
        assert!(!outcome.custom_parameters());
    }

    #[test]
    fn a_bad_field_is_named() {
        let mut s = gastric();
        s.set(Field::InPolicyCost, "60000");
        let outcome = compute(&Policy::builtin(), &s, "2026-11-22");
        assert!(outcome.error_for("in_policy_cost").is_some());
        s.set(Field::TotalCost, "abc");
        let outcome = compute(&Policy::builtin(), &s, "2026-11-22");
        assert!(outcome.error_for("total_cost").is_some());
    }

    #[test]
    fn each_dont_know_is_named_as_an_assumption() {
        let mut s = gastric();
        s.set_unknown(Field::InPolicyCost);
        let outcome = compute(&Policy::builtin(), &s, "2026-11-22");
        assert_eq!(outcome.case.map(|c| c.in_policy_cost), Some(Decimal::new(45000, 0)));
        assert_eq!(pays(&outcome), worked_pays());
        assert!(outcome.assumptions[0].contains("九成"));

        let mut s = CalcState::default();
        for key in [
            Field::Date,
            Field::Category,
            Field::Disease,
            Field::Age,
            Field::Hospital,
            Field::Referred,
            Field::TotalCost,
            Field::InPolicyCost,
        ] {
            s.set_unknown(key);
        }
        let outcome = compute(&Policy::builtin(), &s, "2018-05-01");
        assert!(outcome.estimate.is_ok(), "{:?}", outcome.estimate);
        assert_eq!(outcome.assumptions.len(), 8);
    }

    #[test]
    fn a_hospital_by_level_names_its_unknown_place_and_designation() {
        let mut s = gastric();
        s.set(Field::Hospital, "city");
        s.set_unknown(Field::InCounty);
        s.set_unknown(Field::Designated);
        let outcome = compute(&Policy::builtin(), &s, "2026-11-22");
        assert!(outcome.estimate.is_ok(), "{:?}", outcome.estimate);
        assert_eq!(outcome.assumptions.len(), 2);
        assert!(outcome.assumptions[0].contains("县外"));
        assert!(outcome.assumptions[1].contains("不是定点"));
    }

    #[test]
    fn an_edited_parameter_changes_the_result_and_is_marked() {
        let mut s = gastric();
        s.set_override("basic.rate.county", "75".into());
        let outcome = compute(&Policy::builtin(), &s, "2026-11-22");
        assert!(outcome.custom_parameters());
        assert_ne!(pays(&outcome), worked_pays());

        s.set_override("basic.rate.county", "180".into());
        let outcome = compute(&Policy::builtin(), &s, "2026-11-22");
        assert_eq!(outcome.param_errors.len(), 1);
        assert_eq!(pays(&outcome), worked_pays(), "an invalid change is not used");
    }

    #[test]
    fn the_what_ifs_compare_hospital_referral_and_cap() {
        let outcome = compute(&Policy::builtin(), &gastric(), "2026-11-22");
        let ids: Vec<&str> = outcome.what_ifs.iter().map(|w| w.id).collect();
        assert_eq!(ids, ["hospital", "referral", "cap"]);
        let hospital = &outcome.what_ifs[0];
        assert!(hospital.other_pays > hospital.this_pays, "elsewhere costs more than the designated hospital");
        let cap = &outcome.what_ifs[2];
        assert!(cap.other_pays > cap.this_pays);
    }

    #[test]
    fn shown_values_round_trip() {
        assert_eq!(parse_shown_value(Unit::Ratio, "70"), Some(Decimal::new(7, 1)));
        assert_eq!(parse_shown_value(Unit::Ratio, "72.5%"), Some(Decimal::new(725, 3)));
        assert_eq!(parse_shown_value(Unit::Yuan, "1500"), Some(Decimal::new(1500, 0)));
        assert_eq!(parse_shown_value(Unit::Yuan, "-5"), None);
        assert_eq!(parse_shown_value(Unit::Yuan, "1e5"), None);
        assert_eq!(shown_value(Unit::Ratio, Decimal::new(70, 2)), "70");
    }
}
