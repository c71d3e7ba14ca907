//! A patient's situation and hospital bill: typed ([`Case`]) and as typed by people
//! ([`CaseInput`], the text of each field, as in the command-line tool's JSON).

use crate::error::{ErrorKind, EstimateError, Field};
use crate::money::{check_amount, check_ratio, parse_amount, parse_ratio};
use policy::{Category, Date, DiseaseId, HospitalId, HospitalLevel, Parameters, Policy, Region};
use rust_decimal::Decimal;

/// Where the patient was treated: one of the hospitals the documents name, or a hospital
/// described by its level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HospitalChoice {
    /// A hospital named in Junshan 四(二)1; its level, place and designations come from the data.
    Named(HospitalId),
    /// Any hospital, by level.
    Level {
        /// 乡镇卫生院 / 县级 / 市级 / 省级.
        level: HospitalLevel,
        /// Whether it is inside the patient's county (district).
        in_county: bool,
        /// Whether it is the designated hospital for the patient's disease.
        designated: bool,
    },
}

impl HospitalChoice {
    /// A hospital by level, with the usual defaults: township and county hospitals are in the
    /// county, city and province hospitals are not; not designated.
    ///
    /// ```
    /// use engine::HospitalChoice;
    /// use policy::HospitalLevel;
    /// assert_eq!(HospitalChoice::level(HospitalLevel::City),
    ///            HospitalChoice::Level { level: HospitalLevel::City, in_county: false, designated: false });
    /// ```
    pub const fn level(level: HospitalLevel) -> HospitalChoice {
        HospitalChoice::Level { level, in_county: in_county_by_default(level), designated: false }
    }

    /// The id used in JSON: a named hospital's id, or the level's.
    pub const fn id(self) -> &'static str {
        match self {
            HospitalChoice::Named(h) => h.id(),
            HospitalChoice::Level { level, .. } => level.id(),
        }
    }
}

/// Township and county hospitals are taken to be in the patient's county unless told otherwise.
const fn in_county_by_default(level: HospitalLevel) -> bool {
    matches!(level, HospitalLevel::Township | HospitalLevel::County)
}

/// A patient's situation and one hospital stay's bill, checked.
///
/// Fields are public so a form can fill them; [`crate::estimate`] checks them again
/// ([`Case::validate`]) so a value out of range is an error, never a wrong figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Case {
    /// Which policy layer: Junshan (default) or the province alone.
    pub region: Region,
    /// The day of the hospital stay (the discharge day settles the bill).
    pub date: Date,
    /// The patient's category: it sets the rates.
    pub category: Category,
    /// Whether the patient is 建档立卡 (a yes/no of its own; a 低保 or 特困 patient can be
    /// 建档立卡 too). It decides the ledger ([`crate::Ledger`]), not the money.
    pub registered: bool,
    /// The disease treated.
    pub disease: DiseaseId,
    /// The patient's age in whole years.
    pub age: u8,
    /// The hospital.
    pub hospital: HospitalChoice,
    /// Whether the patient was referred (转诊) to this hospital.
    pub referred: bool,
    /// 住院总费用, yuan.
    pub total_cost: Decimal,
    /// 政策范围内费用, yuan; not above the total.
    pub in_policy_cost: Decimal,
    /// The 扶贫特惠保 benefit ratio of the family's policy, 0 to 1 (0 when unknown).
    pub tehui_ratio: Decimal,
    /// 基本医保 already paid this year, yuan (counts against the annual cap).
    pub basic_paid_this_year: Decimal,
    /// 大病保险 already paid this year, yuan (counts against the annual cap).
    pub critical_paid_this_year: Decimal,
    /// The year's 大病保险 base so far, yuan: what earlier stays this year left of their
    /// in-policy cost after 基本医保 (calculation.md step 2, `B`). The deductible is met once a
    /// year, so this stay's 大病保险 starts where they left off. `None` when not given: taken
    /// as 0, and when something was paid earlier this year the estimate warns that the
    /// deductible may already have been met ([`crate::Warning::EarlierStaysNotEntered`]).
    pub critical_base_this_year: Option<Decimal>,
}

/// The oldest age accepted.
const MAX_AGE: u8 = 150;

impl Case {
    /// A Junshan case with no 扶贫特惠保 ratio, no referral and nothing paid earlier this year.
    ///
    /// ```
    /// use engine::{Case, HospitalChoice};
    /// use policy::{Category, Date, DiseaseId, HospitalId};
    /// use rust_decimal::Decimal;
    /// let case = Case::new(Date::new(2018, 3, 1).unwrap(), Category::Dibao, DiseaseId::GastricCancer, 56,
    ///     HospitalChoice::Named(HospitalId::JunshanPeople), Decimal::new(50000, 0), Decimal::new(45000, 0));
    /// assert!(case.validate().is_ok());
    /// ```
    pub fn new(
        date: Date,
        category: Category,
        disease: DiseaseId,
        age: u8,
        hospital: HospitalChoice,
        total_cost: Decimal,
        in_policy_cost: Decimal,
    ) -> Case {
        Case {
            region: Region::Junshan,
            date,
            category,
            registered: category.registered_by_default(),
            disease,
            age,
            hospital,
            referred: false,
            total_cost,
            in_policy_cost,
            tehui_ratio: Decimal::ZERO,
            basic_paid_this_year: Decimal::ZERO,
            critical_paid_this_year: Decimal::ZERO,
            critical_base_this_year: None,
        }
    }

    /// Checks the amounts and the age: money 0 to 100,000,000 with at most two decimals,
    /// in-policy cost not above the total, the ratio 0 to 1, the age at most 150.
    pub fn validate(&self) -> Result<(), EstimateError> {
        if self.age > MAX_AGE {
            return Err(EstimateError::new(Field::Age, ErrorKind::BadAge));
        }
        if self.category == Category::RegisteredPoor && !self.registered {
            return Err(EstimateError::new(Field::Registered, ErrorKind::RegisteredPoorNotRegistered));
        }
        if self.category == Category::Ordinary && self.registered {
            return Err(EstimateError::new(Field::Registered, ErrorKind::OrdinaryRegistered));
        }
        check_amount(Field::TotalCost, self.total_cost)?;
        check_amount(Field::InPolicyCost, self.in_policy_cost)?;
        if self.in_policy_cost > self.total_cost {
            return Err(EstimateError::new(Field::InPolicyCost, ErrorKind::InPolicyAboveTotal));
        }
        check_ratio(Field::TehuiRatio, self.tehui_ratio)?;
        check_amount(Field::BasicPaidThisYear, self.basic_paid_this_year)?;
        check_amount(Field::CriticalPaidThisYear, self.critical_paid_this_year)?;
        if let Some(base) = self.critical_base_this_year {
            check_amount(Field::CriticalBaseThisYear, base)?;
        }
        Ok(())
    }

    /// The parameters in force for this case's region and day. A day before the layer's first
    /// day falls back to the layer it inherits from, if that one is in force (a Junshan stay
    /// between the province's plan, 2017-06-30, and the district's, 2017-09-11, is computed
    /// with the province layer alone: calculation.md, Dates); a day before every layer is an
    /// error on the `date` field.
    ///
    /// ```
    /// use engine::CaseInput;
    /// use policy::Region;
    /// let policy = policy::Policy::builtin();
    /// let mut input = CaseInput::example();
    /// input.date = Some("2017-08-01".into());
    /// assert_eq!(input.parse().unwrap().parameters(&policy).unwrap().region(), Region::Hunan);
    /// input.date = Some("2017-06-29".into());
    /// let err = input.parse().unwrap().parameters(&policy).unwrap_err();
    /// assert_eq!(err.field(), "date");
    /// ```
    pub fn parameters(&self, policy: &Policy) -> Result<Parameters, EstimateError> {
        let mut region = self.region;
        loop {
            match policy.parameters(region, self.date) {
                Ok(params) => return Ok(params),
                Err(e) => match (e.start(), policy.layer(region).and_then(|l| l.inherits)) {
                    (Some(_), Some(parent)) => region = parent,
                    (Some(start), None) => {
                        return Err(EstimateError::new(
                            Field::Date,
                            ErrorKind::BeforeStart {
                                region: self.region,
                                start: policy_start(policy, self.region, start),
                            },
                        ))
                    }
                    (None, _) => return Err(EstimateError::new(Field::Region, ErrorKind::UnknownRegion)),
                },
            }
        }
    }
}

/// A case as text, one string per field, exactly as the command-line tool's JSON names them.
/// `None` (or an empty string) means "not given": required fields are then an error, optional
/// ones take their default. [`CaseInput::parse`] checks every field in the order of
/// [`Field::CASE`] and gives the first error.
///
/// ```
/// use engine::CaseInput;
/// let input = CaseInput {
///     date: Some("2018-03-01".into()),
///     category: Some("dibao".into()),
///     disease: Some("gastric_cancer".into()),
///     age: Some("56".into()),
///     hospital: Some("junshan_people".into()),
///     total_cost: Some("50000".into()),
///     in_policy_cost: Some("45000".into()),
///     ..CaseInput::default()
/// };
/// let case = input.parse().unwrap();
/// assert_eq!(case.region, policy::Region::Junshan);
///
/// let mut wrong = input.clone();
/// wrong.age = Some("56.5".into());
/// assert_eq!(wrong.parse().unwrap_err().to_string(), "年龄要填 0 到 150 之间的整数（周岁）");
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CaseInput {
    /// `junshan` (default) or `hunan`.
    pub region: Option<String>,
    /// `YYYY-MM-DD`, required.
    pub date: Option<String>,
    /// `dibao`, `tekun`, `registered_poor`, `disabled_poor` or `ordinary`; required.
    pub category: Option<String>,
    /// `true`/`false`: 是否建档立卡 (default: `true` for `registered_poor`, else `false`).
    pub registered: Option<String>,
    /// A disease id or `other`; required.
    pub disease: Option<String>,
    /// Whole years; required.
    pub age: Option<String>,
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
    /// 0 to 1 (default 0).
    pub tehui_ratio: Option<String>,
    /// Yuan (default 0).
    pub basic_paid_this_year: Option<String>,
    /// Yuan (default 0).
    pub critical_paid_this_year: Option<String>,
    /// Yuan (default: not given).
    pub critical_base_this_year: Option<String>,
}

/// [`CaseInput`] borrowed: the same fields as text, for callers that have the text already (a
/// roster row), so that nothing is copied to read it.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct CaseText<'a> {
    pub region: Option<&'a str>,
    pub date: Option<&'a str>,
    pub category: Option<&'a str>,
    pub registered: Option<&'a str>,
    pub disease: Option<&'a str>,
    pub age: Option<&'a str>,
    pub hospital: Option<&'a str>,
    pub in_county: Option<&'a str>,
    pub designated: Option<&'a str>,
    pub referred: Option<&'a str>,
    pub total_cost: Option<&'a str>,
    pub in_policy_cost: Option<&'a str>,
    pub tehui_ratio: Option<&'a str>,
    pub basic_paid_this_year: Option<&'a str>,
    pub critical_paid_this_year: Option<&'a str>,
    pub critical_base_this_year: Option<&'a str>,
}

fn given(v: Option<&str>) -> Option<&str> {
    v.map(str::trim).filter(|s| !s.is_empty())
}

fn required(field: Field, v: Option<&str>) -> Result<&str, EstimateError> {
    given(v).ok_or(EstimateError::new(field, ErrorKind::Missing))
}

fn flag(field: Field, v: Option<&str>) -> Result<Option<bool>, EstimateError> {
    match given(v) {
        None => Ok(None),
        Some("true") => Ok(Some(true)),
        Some("false") => Ok(Some(false)),
        Some(_) => Err(EstimateError::new(field, ErrorKind::NotAFlag)),
    }
}

fn optional_amount(field: Field, v: Option<&str>) -> Result<Decimal, EstimateError> {
    given(v).map_or(Ok(Decimal::ZERO), |t| parse_amount(field, t))
}

/// Reads a date, telling "not YYYY-MM-DD" from "no such day".
///
/// ```
/// use engine::parse_date;
/// assert!(parse_date("2018-03-01").is_ok());
/// assert_eq!(parse_date("2018-02-30").unwrap_err().to_string(), "住院日期这一天不存在，请检查月份和日子");
/// assert_eq!(parse_date("2018/03/01").unwrap_err().to_string(), "住院日期要写成“年-月-日”，例如 2018-03-01");
/// ```
pub fn parse_date(text: &str) -> Result<Date, EstimateError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(EstimateError::new(Field::Date, ErrorKind::Missing));
    }
    Date::parse(t).ok_or_else(|| {
        let kind = if Date::looks_like_date(t) { ErrorKind::NoSuchDay } else { ErrorKind::BadDate };
        EstimateError::new(Field::Date, kind)
    })
}

/// Reads an age in whole years, 0 to 150.
///
/// ```
/// assert_eq!(engine::parse_age("14").unwrap(), 14);
/// assert!(engine::parse_age("-1").is_err());
/// ```
pub fn parse_age(text: &str) -> Result<u8, EstimateError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(EstimateError::new(Field::Age, ErrorKind::Missing));
    }
    let bad = || EstimateError::new(Field::Age, ErrorKind::BadAge);
    if t.len() > 3 || !t.bytes().all(|c| c.is_ascii_digit()) {
        return Err(bad());
    }
    t.parse::<u8>().ok().filter(|a| *a <= MAX_AGE).ok_or_else(bad)
}

impl CaseInput {
    /// The worked example of the documents' site: a 低保 patient, 56, with gastric cancer at
    /// 君山区人民医院 on 2018-03-01, bill 50,000 of which 45,000 in policy.
    pub fn example() -> CaseInput {
        CaseInput {
            date: Some("2018-03-01".into()),
            category: Some("dibao".into()),
            disease: Some("gastric_cancer".into()),
            age: Some("56".into()),
            hospital: Some("junshan_people".into()),
            total_cost: Some("50000".into()),
            in_policy_cost: Some("45000".into()),
            ..CaseInput::default()
        }
    }

    /// Checks every field and builds the [`Case`], or names the first field at fault.
    pub fn parse(&self) -> Result<Case, EstimateError> {
        self.text().parse()
    }

    fn text(&self) -> CaseText<'_> {
        CaseText {
            region: self.region.as_deref(),
            date: self.date.as_deref(),
            category: self.category.as_deref(),
            registered: self.registered.as_deref(),
            disease: self.disease.as_deref(),
            age: self.age.as_deref(),
            hospital: self.hospital.as_deref(),
            in_county: self.in_county.as_deref(),
            designated: self.designated.as_deref(),
            referred: self.referred.as_deref(),
            total_cost: self.total_cost.as_deref(),
            in_policy_cost: self.in_policy_cost.as_deref(),
            tehui_ratio: self.tehui_ratio.as_deref(),
            basic_paid_this_year: self.basic_paid_this_year.as_deref(),
            critical_paid_this_year: self.critical_paid_this_year.as_deref(),
            critical_base_this_year: self.critical_base_this_year.as_deref(),
        }
    }
}

impl CaseText<'_> {
    /// The same text, owned.
    pub(crate) fn to_input(self) -> CaseInput {
        let own = |v: Option<&str>| v.map(str::to_owned);
        CaseInput {
            region: own(self.region),
            date: own(self.date),
            category: own(self.category),
            registered: own(self.registered),
            disease: own(self.disease),
            age: own(self.age),
            hospital: own(self.hospital),
            in_county: own(self.in_county),
            designated: own(self.designated),
            referred: own(self.referred),
            total_cost: own(self.total_cost),
            in_policy_cost: own(self.in_policy_cost),
            tehui_ratio: own(self.tehui_ratio),
            basic_paid_this_year: own(self.basic_paid_this_year),
            critical_paid_this_year: own(self.critical_paid_this_year),
            critical_base_this_year: own(self.critical_base_this_year),
        }
    }

    /// [`CaseInput::parse`].
    pub(crate) fn parse(self) -> Result<Case, EstimateError> {
        let region = match given(self.region) {
            None => Region::Junshan,
            Some(t) => Region::from_id(t).ok_or(EstimateError::new(Field::Region, ErrorKind::UnknownRegion))?,
        };
        let date = parse_date(required(Field::Date, self.date)?)?;
        let category = Category::from_id(required(Field::Category, self.category)?)
            .ok_or(EstimateError::new(Field::Category, ErrorKind::UnknownCategory))?;
        let registered = match flag(Field::Registered, self.registered)? {
            None => category.registered_by_default(),
            Some(false) if category == Category::RegisteredPoor => {
                return Err(EstimateError::new(Field::Registered, ErrorKind::RegisteredPoorNotRegistered))
            }
            Some(true) if category == Category::Ordinary => {
                return Err(EstimateError::new(Field::Registered, ErrorKind::OrdinaryRegistered))
            }
            Some(r) => r,
        };
        let disease = DiseaseId::from_id(required(Field::Disease, self.disease)?)
            .ok_or(EstimateError::new(Field::Disease, ErrorKind::UnknownDisease))?;
        let age = parse_age(required(Field::Age, self.age)?)?;
        let hospital_id = required(Field::Hospital, self.hospital)?;
        let in_county = flag(Field::InCounty, self.in_county)?;
        let designated = flag(Field::Designated, self.designated)?;
        let hospital = if let Some(named) = HospitalId::from_id(hospital_id) {
            if in_county.is_some() {
                return Err(EstimateError::new(Field::InCounty, ErrorKind::OnlyForLevel));
            }
            if designated.is_some() {
                return Err(EstimateError::new(Field::Designated, ErrorKind::OnlyForLevel));
            }
            HospitalChoice::Named(named)
        } else if let Some(level) = HospitalLevel::from_id(hospital_id) {
            HospitalChoice::Level {
                level,
                in_county: in_county.unwrap_or(in_county_by_default(level)),
                designated: designated.unwrap_or(false),
            }
        } else {
            return Err(EstimateError::new(Field::Hospital, ErrorKind::UnknownHospital));
        };
        let referred = flag(Field::Referred, self.referred)?.unwrap_or(false);
        let total_cost = parse_amount(Field::TotalCost, required(Field::TotalCost, self.total_cost)?)?;
        let in_policy_cost = parse_amount(Field::InPolicyCost, required(Field::InPolicyCost, self.in_policy_cost)?)?;
        if in_policy_cost > total_cost {
            return Err(EstimateError::new(Field::InPolicyCost, ErrorKind::InPolicyAboveTotal));
        }
        let tehui_ratio = given(self.tehui_ratio).map_or(Ok(Decimal::ZERO), |t| parse_ratio(Field::TehuiRatio, t))?;
        let basic_paid_this_year = optional_amount(Field::BasicPaidThisYear, self.basic_paid_this_year)?;
        let critical_paid_this_year = optional_amount(Field::CriticalPaidThisYear, self.critical_paid_this_year)?;
        let critical_base_this_year =
            given(self.critical_base_this_year).map(|t| parse_amount(Field::CriticalBaseThisYear, t)).transpose()?;
        Ok(Case {
            region,
            date,
            category,
            registered,
            disease,
            age,
            hospital,
            referred,
            total_cost,
            in_policy_cost,
            tehui_ratio,
            basic_paid_this_year,
            critical_paid_this_year,
            critical_base_this_year,
        })
    }
}

/// The first day any layer of `region`'s chain applies: the earliest day a case of that region
/// can be computed. `fallback` is the start of the last layer tried.
fn policy_start(policy: &Policy, region: Region, fallback: Date) -> Date {
    let mut earliest = fallback;
    let mut next = Some(region);
    for _ in 0..policy.layers().len() {
        let Some(layer) = next.and_then(|r| policy.layer(r)) else { break };
        earliest = earliest.min(layer.start);
        next = layer.inherits;
    }
    earliest
}
