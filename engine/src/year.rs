//! A patient's hospital stays, one calendar year after another (calculation.md, "A year of
//! stays"): cancer, leukaemia and kidney patients are admitted several times a year, and the
//! annual caps and the 大病保险 deductible and tiers run on the year's totals.
//!
//! The stays are settled in date order (stays of the same day in the order given), each after
//! what the earlier stays of its calendar year used: 基本医保 paid (for its cap), the 大病保险
//! base and 大病保险 paid (for its cap), and the same three for the ordinary resident of the
//! comparison. On 1 January all start again from 0.

use crate::case::{Case, CaseInput, CaseText, HospitalChoice};
use crate::error::{ErrorKind, EstimateError, Field};
use crate::money::fixed;
use crate::result::{Estimate, OrdinaryComparison, Payer};
use crate::settlement::{check_case, settle, Earlier, Estimator};
use policy::{Category, Date, DiseaseId, Policy, Region};
use rust_decimal::Decimal;

/// The most stays one patient's estimate takes (some fifty years of a stay every three weeks).
/// It bounds the memory and the time one estimate can take.
pub const MAX_STAYS: usize = 1000;

/// What stays the same from one hospital stay of a patient to the next.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Patient {
    /// Which policy layer: Junshan or the province alone.
    pub region: Region,
    /// The patient's category: it sets the rates.
    pub category: Category,
    /// Whether the patient is 建档立卡 (see [`Case::registered`]).
    pub registered: bool,
    /// The disease treated.
    pub disease: DiseaseId,
    /// The patient's age in whole years.
    pub age: u8,
    /// The 扶贫特惠保 benefit ratio of the family's policy, 0 to 1 (0 when unknown).
    pub tehui_ratio: Decimal,
}

/// One hospital stay of a patient, and its bill.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stay {
    /// The day of the stay (the discharge day settles the bill).
    pub date: Date,
    /// The hospital.
    pub hospital: HospitalChoice,
    /// Whether the patient was referred (转诊) to this hospital.
    pub referred: bool,
    /// 住院总费用, yuan.
    pub total_cost: Decimal,
    /// 政策范围内费用, yuan; not above the total.
    pub in_policy_cost: Decimal,
}

/// A patient and the hospital stays to estimate together, in any order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Stays {
    /// The patient.
    pub patient: Patient,
    /// The stays, 1 to [`MAX_STAYS`] of them.
    pub stays: Vec<Stay>,
}

impl Patient {
    /// The patient of a case.
    pub fn of(case: &Case) -> Patient {
        Patient {
            region: case.region,
            category: case.category,
            registered: case.registered,
            disease: case.disease,
            age: case.age,
            tehui_ratio: case.tehui_ratio,
        }
    }

    /// The case of this patient's `stay`, with nothing paid earlier this year.
    pub fn case(&self, stay: &Stay) -> Case {
        Case {
            region: self.region,
            date: stay.date,
            category: self.category,
            registered: self.registered,
            disease: self.disease,
            age: self.age,
            hospital: stay.hospital,
            referred: stay.referred,
            total_cost: stay.total_cost,
            in_policy_cost: stay.in_policy_cost,
            tehui_ratio: self.tehui_ratio,
            basic_paid_this_year: Decimal::ZERO,
            critical_paid_this_year: Decimal::ZERO,
            critical_base_this_year: None,
        }
    }
}

impl Stay {
    /// The stay of a case.
    pub fn of(case: &Case) -> Stay {
        Stay {
            date: case.date,
            hospital: case.hospital,
            referred: case.referred,
            total_cost: case.total_cost,
            in_policy_cost: case.in_policy_cost,
        }
    }
}

impl Stays {
    /// A case as a year of one stay (what it says was paid earlier this year is left out).
    pub fn one(case: &Case) -> Stays {
        Stays { patient: Patient::of(case), stays: vec![Stay::of(case)] }
    }
}

/// A patient's fields as text ([`Field::PATIENT`]), as in [`CaseInput`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PatientInput {
    /// `junshan` (default) or `hunan`.
    pub region: Option<String>,
    /// `dibao`, `tekun`, `registered_poor`, `disabled_poor` or `ordinary`; required.
    pub category: Option<String>,
    /// `true`/`false`: 是否建档立卡 (default: `true` for `registered_poor`, else `false`).
    pub registered: Option<String>,
    /// A disease id or `other`; required.
    pub disease: Option<String>,
    /// Whole years; required.
    pub age: Option<String>,
    /// 0 to 1 (default 0).
    pub tehui_ratio: Option<String>,
}

/// One stay's fields as text ([`Field::STAY`]), as in [`CaseInput`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StayInput {
    /// `YYYY-MM-DD`, required.
    pub date: Option<String>,
    /// A named hospital or a level; required.
    pub hospital: Option<String>,
    /// `true`/`false`; only for a hospital given by level.
    pub in_county: Option<String>,
    /// `true`/`false`; only for a hospital given by level (default false).
    pub designated: Option<String>,
    /// `true`/`false` (default false).
    pub referred: Option<String>,
    /// Yuan; required.
    pub total_cost: Option<String>,
    /// Yuan; required.
    pub in_policy_cost: Option<String>,
}

/// A patient's stays as text: the patient's fields once, each stay's in a list.
///
/// ```
/// use engine::{estimate_year, CaseInput, PatientInput, StayInput, StaysInput};
/// let case = CaseInput::example(); // 低保, 胃癌, 君山区人民医院, 2018-03-01, 50,000 / 45,000
/// let mut second = StayInput::of(&case);
/// second.date = Some("2018-06-01".into());
/// let input = StaysInput { patient: PatientInput::of(&case), stays: vec![StayInput::of(&case), second] };
/// let year = estimate_year(&policy::Policy::builtin(), &input.parse()?)?;
/// // The deductible was met by the first stay: all of the second's 9,400 is paid at 90%.
/// assert_eq!(year.stays[1].lines[1].amount.to_string(), "8460.00");
/// assert_eq!(year.years[0].line(engine::Payer::CriticalIllnessInsurance).to_string(), "10170.00");
/// # Ok::<(), engine::EstimateError>(())
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StaysInput {
    /// The patient.
    pub patient: PatientInput,
    /// The stays, 1 to [`MAX_STAYS`] of them.
    pub stays: Vec<StayInput>,
}

impl PatientInput {
    /// The patient's fields of a case's text.
    pub fn of(case: &CaseInput) -> PatientInput {
        PatientInput {
            region: case.region.clone(),
            category: case.category.clone(),
            registered: case.registered.clone(),
            disease: case.disease.clone(),
            age: case.age.clone(),
            tehui_ratio: case.tehui_ratio.clone(),
        }
    }
}

impl StayInput {
    /// The stay's fields of a case's text.
    pub fn of(case: &CaseInput) -> StayInput {
        StayInput {
            date: case.date.clone(),
            hospital: case.hospital.clone(),
            in_county: case.in_county.clone(),
            designated: case.designated.clone(),
            referred: case.referred.clone(),
            total_cost: case.total_cost.clone(),
            in_policy_cost: case.in_policy_cost.clone(),
        }
    }
}

/// The error when `count` stays are too few or too many.
fn check_count(count: usize) -> Result<(), EstimateError> {
    if count == 0 {
        return Err(EstimateError::new(Field::Stays, ErrorKind::NoStays));
    }
    if count > MAX_STAYS {
        return Err(EstimateError::new(Field::Stays, ErrorKind::TooManyStays(MAX_STAYS)));
    }
    Ok(())
}

impl StaysInput {
    /// Checks every field, the patient's and then each stay's in the order given, and builds
    /// the [`Stays`], or names the first field at fault (with its stay: [`EstimateError::path`]).
    pub fn parse(&self) -> Result<Stays, EstimateError> {
        check_count(self.stays.len())?;
        let p = &self.patient;
        let mut patient = None;
        let mut stays = Vec::with_capacity(self.stays.len());
        for (i, s) in self.stays.iter().enumerate() {
            let text = CaseText {
                region: p.region.as_deref(),
                date: s.date.as_deref(),
                category: p.category.as_deref(),
                registered: p.registered.as_deref(),
                disease: p.disease.as_deref(),
                age: p.age.as_deref(),
                hospital: s.hospital.as_deref(),
                in_county: s.in_county.as_deref(),
                designated: s.designated.as_deref(),
                referred: s.referred.as_deref(),
                total_cost: s.total_cost.as_deref(),
                in_policy_cost: s.in_policy_cost.as_deref(),
                tehui_ratio: p.tehui_ratio.as_deref(),
                ..CaseText::default()
            };
            let case = text.parse().map_err(|e| e.in_stay(i))?;
            patient.get_or_insert_with(|| Patient::of(&case));
            stays.push(Stay::of(&case));
        }
        match patient {
            Some(patient) => Ok(Stays { patient, stays }),
            None => Err(EstimateError::new(Field::Stays, ErrorKind::NoStays)),
        }
    }
}

/// One payer's total over a year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PayerTotal {
    /// Who pays.
    pub payer: Payer,
    /// How much over the year's stays, yuan.
    pub amount: Decimal,
}

/// One calendar year of a patient's stays, added up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct YearTotals {
    /// The year.
    pub year: u16,
    /// How many stays fall in it.
    pub stays: usize,
    /// Each payer's total, in settlement order ([`Payer::ALL`]).
    pub lines: [PayerTotal; 6],
    /// 住院总费用 of the year's stays.
    pub total_cost: Decimal,
    /// 政策范围内费用 of the year's stays.
    pub in_policy_cost: Decimal,
    /// What the family pays for the year's stays: the total less every line.
    pub patient_pays: Decimal,
    /// The in-policy (合规) part of it.
    pub patient_pays_in_policy: Decimal,
    /// The out-of-policy part of it.
    pub patient_pays_out_of_policy: Decimal,
    /// The same stays for an ordinary resident over the same year: two lines and what they pay.
    pub ordinary: OrdinaryComparison,
    /// What the policy saves this family over the year: `ordinary.patient_pays − patient_pays`.
    pub savings: Decimal,
}

impl YearTotals {
    /// What an ordinary resident would pay for the same stays over the year.
    pub fn ordinary_patient_pays(&self) -> Decimal {
        self.ordinary.patient_pays
    }

    fn new(year: u16) -> YearTotals {
        YearTotals {
            year,
            stays: 0,
            lines: Payer::ALL.map(|payer| PayerTotal { payer, amount: Decimal::ZERO }),
            total_cost: Decimal::ZERO,
            in_policy_cost: Decimal::ZERO,
            patient_pays: Decimal::ZERO,
            patient_pays_in_policy: Decimal::ZERO,
            patient_pays_out_of_policy: Decimal::ZERO,
            ordinary: OrdinaryComparison { basic: Decimal::ZERO, critical: Decimal::ZERO, patient_pays: Decimal::ZERO },
            savings: Decimal::ZERO,
        }
    }

    fn add(&mut self, e: &Estimate) {
        self.stays += 1;
        for (total, line) in self.lines.iter_mut().zip(&e.lines) {
            total.amount = fixed(total.amount + line.amount);
        }
        self.total_cost = fixed(self.total_cost + e.total_cost);
        self.in_policy_cost = fixed(self.in_policy_cost + e.in_policy_cost);
        self.patient_pays = fixed(self.patient_pays + e.patient_pays);
        self.patient_pays_in_policy = fixed(self.patient_pays_in_policy + e.patient_pays_in_policy);
        self.patient_pays_out_of_policy = fixed(self.patient_pays_out_of_policy + e.patient_pays_out_of_policy);
        self.ordinary.basic = fixed(self.ordinary.basic + e.ordinary.basic);
        self.ordinary.critical = fixed(self.ordinary.critical + e.ordinary.critical);
        self.ordinary.patient_pays = fixed(self.ordinary.patient_pays + e.ordinary.patient_pays);
        self.savings = fixed(self.ordinary.patient_pays - self.patient_pays);
    }

    /// The year's total of `payer`.
    pub fn line(&self, payer: Payer) -> Decimal {
        // `lines` is in `Payer::ALL` order, and a payer's discriminant is its position.
        self.lines[payer as usize].amount
    }

    /// The sum of the six totals.
    pub fn covered(&self) -> Decimal {
        self.lines.iter().map(|l| l.amount).sum()
    }
}

/// A patient's stays, estimated together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct YearEstimate {
    /// Each stay's estimate, in the order the stays were given: the same lines, sentences,
    /// citations, readings, warnings and notes as a single estimate, after the earlier stays of
    /// its year.
    pub stays: Vec<Estimate>,
    /// Each calendar year with a stay, earliest first.
    pub years: Vec<YearTotals>,
}

/// Estimates a patient's stays together: in date order, each after what the earlier stays of
/// its calendar year used up (the annual caps, the 大病保险 deductible and tiers), for the
/// patient and for the ordinary resident of the comparison. One stay gives exactly what
/// [`crate::estimate_with_policy`] gives for its case.
///
/// ```
/// use engine::{estimate_with_policy, estimate_year, CaseInput, Stays};
/// let policy = policy::Policy::builtin();
/// let case = CaseInput::example().parse()?;
/// let year = estimate_year(&policy, &Stays::one(&case))?;
/// assert_eq!(year.stays, [estimate_with_policy(&policy, &case)?]);
/// assert_eq!((year.years[0].year, year.years[0].patient_pays.to_string()), (2018, "2846.05".to_owned()));
/// # Ok::<(), engine::EstimateError>(())
/// ```
pub fn estimate_year(policy: &Policy, stays: &Stays) -> Result<YearEstimate, EstimateError> {
    Estimator::new(policy).year(stays)
}

impl Estimator {
    /// A patient's stays estimated together, as [`estimate_year`] gives them.
    pub fn year(&mut self, stays: &Stays) -> Result<YearEstimate, EstimateError> {
        settle_year(self, stays, true)
    }

    /// The same without the sentences, as [`Estimator::figures`] gives a case.
    pub fn year_figures(&mut self, stays: &Stays) -> Result<YearEstimate, EstimateError> {
        settle_year(self, stays, false)
    }
}

fn settle_year(estimator: &mut Estimator, stays: &Stays, words: bool) -> Result<YearEstimate, EstimateError> {
    check_count(stays.stays.len())?;
    let cases: Vec<Case> = stays.stays.iter().map(|s| stays.patient.case(s)).collect();
    // Every stay is checked first, in the order given, so that an error names the first stay at
    // fault whatever the dates.
    for (i, case) in cases.iter().enumerate() {
        let params = estimator.parameters(case).map_err(|e| e.in_stay(i))?;
        check_case(params, case).map_err(|e| e.in_stay(i))?;
    }
    // Date order; a stable sort keeps stays of the same day in the order given.
    let mut order: Vec<usize> = (0..cases.len()).collect();
    order.sort_by_key(|&i| cases.get(i).map(|c| c.date));
    let mut settled: Vec<(usize, Estimate)> = Vec::with_capacity(cases.len());
    let mut years: Vec<YearTotals> = Vec::new();
    let mut earlier = Earlier::default();
    for i in order {
        let Some(case) = cases.get(i) else { continue };
        let year = case.date.year();
        if years.last().map(|t| t.year) != Some(year) {
            // 1 January: the caps and the 大病保险 base start again from 0.
            earlier = Earlier::default();
            years.push(YearTotals::new(year));
        }
        let params = estimator.parameters(case).map_err(|e| e.in_stay(i))?;
        let e = settle(params, case, earlier, words).map_err(|e| e.in_stay(i))?;
        earlier = earlier.and(&e);
        if let Some(totals) = years.last_mut() {
            totals.add(&e);
        }
        settled.push((i, e));
    }
    settled.sort_by_key(|(i, _)| *i);
    Ok(YearEstimate { stays: settled.into_iter().map(|(_, e)| e).collect(), years })
}
