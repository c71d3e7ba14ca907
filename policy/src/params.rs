//! Parameters: the figures the calculation uses, each with its dated values and its source, and
//! the resolved set for one region and one day that the calculator's advanced panel can edit.

use crate::citation::Source;
use crate::ids::{Confidence, Interpretation, Region, Unit};
use crate::{Date, Policy};
use rust_decimal::Decimal;
use std::fmt;

macro_rules! param_ids {
    ($( $(#[$m:meta])* $v:ident = $id:literal, $unit:ident; )+) => {
        /// Every parameter the calculation knows. A data file may only use these ids.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum ParamId {
            $( $(#[$m])* $v, )+
        }

        impl ParamId {
            /// Every parameter, in the order the advanced panel lists them.
            pub const ALL: &'static [ParamId] = &[$(ParamId::$v),+];

            /// The id used in data files, e.g. `basic.rate.county`.
            pub const fn id(self) -> &'static str {
                match self { $(ParamId::$v => $id,)+ }
            }

            /// The unit the data file must declare, which also sets the allowed range.
            pub const fn unit(self) -> Unit {
                match self { $(ParamId::$v => Unit::$unit,)+ }
            }

            /// The parameter with this id, if any.
            ///
            /// ```
            /// use policy::ParamId;
            /// assert_eq!(ParamId::from_id("reduction.rate"), Some(ParamId::ReductionRate));
            /// assert_eq!(ParamId::from_id("nope"), None);
            /// ```
            pub fn from_id(id: &str) -> Option<ParamId> {
                match id { $($id => Some(ParamId::$v),)+ _ => None }
            }
        }
    };
}

param_ids! {
    /// 基本医保起付线：乡镇卫生院
    BasicDeductibleTownship = "basic.deductible.township", Yuan;
    /// 基本医保起付线：县级医院
    BasicDeductibleCounty = "basic.deductible.county", Yuan;
    /// 基本医保起付线：市级医院
    BasicDeductibleCity = "basic.deductible.city", Yuan;
    /// 基本医保起付线：省级医院
    BasicDeductibleProvince = "basic.deductible.province", Yuan;
    /// 基本医保政策范围内报销比例：乡镇卫生院
    BasicRateTownship = "basic.rate.township", Ratio;
    /// 基本医保政策范围内报销比例：县级医院
    BasicRateCounty = "basic.rate.county", Ratio;
    /// 基本医保政策范围内报销比例：市级医院
    BasicRateCity = "basic.rate.city", Ratio;
    /// 基本医保政策范围内报销比例：省级医院
    BasicRateProvince = "basic.rate.province", Ratio;
    /// 贫困人口基本医保报销比例提高的百分点（三提高）
    BasicPoorUplift = "basic.poor_uplift", Ratio;
    /// 县外就医未转诊降低的百分点
    BasicOutOfCountyPenalty = "basic.out_of_county_penalty", Ratio;
    /// 基本医保年度封顶线
    BasicAnnualCap = "basic.annual_cap", Yuan;
    /// 大病保险起付线（普通居民）
    CriticalDeductible = "critical.deductible", Yuan;
    /// 贫困人口大病保险起付线占普通起付线的比例（降低50%）
    CriticalPoorDeductibleShare = "critical.poor_deductible_share", Ratio;
    /// 贫困人口大病保险报销比例
    CriticalPoorRate = "critical.poor_rate", Ratio;
    /// 大病保险第一段上限（超过起付线的部分）
    CriticalTier1Upper = "critical.tier1.upper", Yuan;
    /// 大病保险第一段报销比例
    CriticalTier1Rate = "critical.tier1.rate", Ratio;
    /// 大病保险第二段上限
    CriticalTier2Upper = "critical.tier2.upper", Yuan;
    /// 大病保险第二段报销比例
    CriticalTier2Rate = "critical.tier2.rate", Ratio;
    /// 大病保险第三段上限
    CriticalTier3Upper = "critical.tier3.upper", Yuan;
    /// 大病保险第三段报销比例
    CriticalTier3Rate = "critical.tier3.rate", Ratio;
    /// 大病保险第四段（以上）报销比例
    CriticalTier4Rate = "critical.tier4.rate", Ratio;
    /// 大病保险年度封顶线
    CriticalAnnualCap = "critical.annual_cap", Yuan;
    /// 医疗救助比例：低保对象
    AssistanceRateDibao = "assistance.rate.dibao", Ratio;
    /// 医疗救助比例：特困人员
    AssistanceRateTekun = "assistance.rate.tekun", Ratio;
    /// 医疗救助比例：其他贫困人口（非低保对象）
    AssistanceRateNonDibao = "assistance.rate.non_dibao", Ratio;
    /// 定点医院减免比例（一减免）
    ReductionRate = "reduction.rate", Ratio;
    /// 区级健康扶贫专项资金补助比例（君山区才有）
    DistrictFundRate = "district_fund.rate", Ratio;
    /// 城乡居民医保个人缴费标准
    PremiumContribution = "premium.contribution", YuanPerPersonYear;
    /// 贫困人口个人缴费财政补贴比例
    PremiumSubsidyPoor = "premium.subsidy.poor", Ratio;
    /// 特困人员个人缴费财政补贴比例
    PremiumSubsidyTekun = "premium.subsidy.tekun", Ratio;
    /// 扶贫特惠保保费政府补贴比例（最高）
    TehuiPremiumSubsidy = "tehui.premium_subsidy", Ratio;
}

impl ParamId {
    /// How many parameters there are.
    pub const COUNT: usize = ParamId::ALL.len();

    /// Whether every layer must have this parameter. Only the district fund is optional: a
    /// province layer has none (interpretation I5).
    pub const fn required(self) -> bool {
        !matches!(self, ParamId::DistrictFundRate)
    }

    pub(crate) const fn index(self) -> usize {
        self as usize
    }
}

impl fmt::Display for ParamId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}

/// One value of a parameter, in force from `from` until the next value's date.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct DatedValue {
    /// The first day it applies.
    pub from: Date,
    /// The value.
    pub value: Decimal,
    /// A source for this value alone, when it differs from the parameter's.
    pub source: Option<Source>,
    /// A confidence for this value alone, when it differs from the parameter's.
    pub confidence: Option<Confidence>,
}

/// A parameter as the data file defines it.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct ParameterDef {
    /// Which parameter.
    pub id: ParamId,
    /// Its Chinese label.
    pub label: String,
    /// Its unit.
    pub unit: Unit,
    /// Where it comes from.
    pub source: Source,
    /// How sure it is.
    pub confidence: Confidence,
    /// The interpretation it rests on, if any.
    pub interpretation: Option<Interpretation>,
    /// A plain note for readers, if any.
    pub note: Option<String>,
    /// Its values, by ascending date.
    pub values: Vec<DatedValue>,
    /// The layer whose file defines it (a county layer inherits the province's).
    pub defined_in: Region,
}

impl ParameterDef {
    /// The value in force on `date`, if any.
    pub fn value_on(&self, date: Date) -> Option<&DatedValue> {
        self.values.iter().rev().find(|v| v.from <= date)
    }
}

/// The largest amount of money anywhere in the calculator: 100,000,000 yuan.
pub const MAX_YUAN: Decimal = Decimal::from_parts(100_000_000, 0, 0, false, 0);

/// Why a value is out of its unit's range (see [`Unit::check`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RangeError {
    /// Below zero.
    Negative,
    /// A ratio above 1.
    AboveOne,
    /// Money above 100,000,000.
    TooLarge,
    /// More decimals than the unit allows (the number allowed).
    TooManyDecimals(u32),
}

impl Unit {
    /// The most decimals a value may have: two for money (the fen), four for ratios.
    pub const fn max_decimals(self) -> u32 {
        match self {
            Unit::Ratio => 4,
            Unit::Yuan | Unit::YuanPerPersonYear => 2,
        }
    }

    /// Checks a value against the unit's range: money 0 to 100,000,000 with at most two
    /// decimals, ratios 0 to 1 with at most four. The one definition the loader, the parameter
    /// panel and the engine's inputs all use.
    ///
    /// ```
    /// use policy::{RangeError, Unit};
    /// use rust_decimal::Decimal;
    /// assert_eq!(Unit::Ratio.check(Decimal::new(15, 1)), Err(RangeError::AboveOne));
    /// assert_eq!(Unit::Yuan.check(Decimal::new(1001, 3)), Err(RangeError::TooManyDecimals(2)));
    /// assert!(Unit::Yuan.check(Decimal::new(100_000_000, 0)).is_ok());
    /// ```
    pub fn check(self, value: Decimal) -> Result<(), RangeError> {
        if value.is_sign_negative() && !value.is_zero() {
            return Err(RangeError::Negative);
        }
        match self {
            Unit::Ratio if value > Decimal::ONE => return Err(RangeError::AboveOne),
            Unit::Yuan | Unit::YuanPerPersonYear if value > MAX_YUAN => return Err(RangeError::TooLarge),
            _ => {}
        }
        if value.normalize().scale() > self.max_decimals() {
            return Err(RangeError::TooManyDecimals(self.max_decimals()));
        }
        Ok(())
    }
}

impl fmt::Display for RangeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RangeError::Negative => f.write_str("不能是负数"),
            RangeError::AboveOne => f.write_str("比例不能大于 1（即 100%）"),
            RangeError::TooLarge => f.write_str("金额不能超过 100,000,000 元"),
            RangeError::TooManyDecimals(n) => write!(f, "最多只能有 {n} 位小数"),
        }
    }
}

/// The tier limits of 大病保险 must rise: the loader and [`Parameters::set`] both check it.
pub(crate) fn tiers_ascending(get: impl Fn(ParamId) -> Option<Decimal>) -> bool {
    let t1 = get(ParamId::CriticalTier1Upper);
    let t2 = get(ParamId::CriticalTier2Upper);
    let t3 = get(ParamId::CriticalTier3Upper);
    match (t1, t2, t3) {
        (Some(a), Some(b), Some(c)) => a < b && b < c,
        _ => true,
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Slot {
    value: Decimal,
    default: Decimal,
    from: Date,
    value_index: usize,
}

/// The parameters in force for one region on one day, editable by id.
///
/// Built by [`Policy::parameters`]. Cheap to clone (the policy data is shared). Reading a value
/// is an array lookup, so the engine can read them on every estimate.
///
/// ```
/// use policy::{Policy, ParamId, Region, Date};
/// use rust_decimal::Decimal;
/// let policy = Policy::builtin();
/// let mut p = policy.parameters(Region::Junshan, Date::new(2018, 3, 1).unwrap()).unwrap();
/// assert_eq!(p.get(ParamId::BasicRateCounty), Some(Decimal::new(70, 2)));
/// p.set(ParamId::BasicRateCounty, Decimal::new(75, 2)).unwrap();
/// assert_eq!(p.value(ParamId::BasicRateCounty), Decimal::new(75, 2));
/// assert!(p.set(ParamId::BasicRateCounty, Decimal::new(12, 1)).is_err()); // 120 %
/// for entry in p.entries() {
///     assert!(!entry.label.is_empty());
/// }
/// ```
#[derive(Clone)]
pub struct Parameters {
    policy: Policy,
    region: Region,
    date: Date,
    slots: [Option<Slot>; ParamId::COUNT],
}

/// One parameter as the advanced panel lists it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub struct Parameter<'a> {
    /// Which parameter; `id.id()` is its text id.
    pub id: ParamId,
    /// Its Chinese label.
    pub label: &'a str,
    /// The value in use (the default, or what the user set).
    pub value: Decimal,
    /// The value of the data file on this day.
    pub default: Decimal,
    /// Whether the user changed it.
    pub overridden: bool,
    /// Its unit.
    pub unit: Unit,
    /// The first day the default value applies.
    pub from: Date,
    /// Where the default value comes from.
    pub source: &'a Source,
    /// How sure the default value is.
    pub confidence: Confidence,
    /// The interpretation it rests on, if any.
    pub interpretation: Option<Interpretation>,
    /// A plain note, if any.
    pub note: Option<&'a str>,
}

impl Parameters {
    pub(crate) fn resolve(policy: &Policy, region: Region, date: Date) -> Result<Parameters, ParameterError> {
        let layer = policy.layer(region).ok_or(ParameterError::new(ParameterErrorKind::NoLayer(region)))?;
        if date < layer.start {
            return Err(ParameterError::new(ParameterErrorKind::BeforeStart { region, start: layer.start }));
        }
        let mut slots = [None; ParamId::COUNT];
        for def in layer.definitions() {
            if let Some((value_index, v)) = def.values.iter().enumerate().rev().find(|(_, v)| v.from <= date) {
                if let Some(slot) = slots.get_mut(def.id.index()) {
                    *slot = Some(Slot { value: v.value, default: v.value, from: v.from, value_index });
                }
            }
        }
        Ok(Parameters { policy: policy.clone(), region, date, slots })
    }

    /// The region these parameters are for.
    pub fn region(&self) -> Region {
        self.region
    }

    /// The day these parameters are for.
    pub fn date(&self) -> Date {
        self.date
    }

    /// The policy data they come from (diseases, hospitals, layers).
    pub fn policy(&self) -> &Policy {
        &self.policy
    }

    /// The value in use, or `None` when this layer does not have the parameter
    /// (only the district fund can be missing).
    pub fn get(&self, id: ParamId) -> Option<Decimal> {
        self.slots.get(id.index()).copied().flatten().map(|s| s.value)
    }

    /// The value in use, or zero when this layer does not have it. The loader guarantees every
    /// [required](ParamId::required) parameter is present.
    pub fn value(&self, id: ParamId) -> Decimal {
        self.get(id).unwrap_or(Decimal::ZERO)
    }

    /// Uses `value` for `id` instead of the data file's, after checking its range: ratios
    /// 0 to 1 with at most four decimals; money 0 to 100,000,000 with at most two decimals; the
    /// 大病保险 tier limits must rise.
    ///
    /// ```
    /// use policy::{Policy, ParamId, Region, Date};
    /// use rust_decimal::Decimal;
    /// let mut p = Policy::builtin().parameters(Region::Hunan, Date::new(2018, 1, 1).unwrap()).unwrap();
    /// let err = p.set(ParamId::BasicAnnualCap, Decimal::new(-1, 0)).unwrap_err();
    /// assert_eq!(err.to_string(), "基本医保年度封顶线不能是负数");
    /// // The province layer has no district fund (interpretation I5).
    /// assert!(p.set(ParamId::DistrictFundRate, Decimal::new(5, 1)).is_err());
    /// ```
    pub fn set(&mut self, id: ParamId, value: Decimal) -> Result<(), ParameterError> {
        let label = self.label(id);
        let Some(Some(slot)) = self.slots.get(id.index()).copied() else {
            return Err(ParameterError::new(ParameterErrorKind::NotInLayer { id, region: self.region }));
        };
        id.unit().check(value).map_err(|p| {
            ParameterError::new(ParameterErrorKind::OutOfRange { id, label: label.clone(), problem: p.to_string() })
        })?;
        let ascending = tiers_ascending(|t| if t == id { Some(value) } else { self.get(t) });
        if !ascending {
            return Err(ParameterError::new(ParameterErrorKind::TierOrder { id, label }));
        }
        if let Some(s) = self.slots.get_mut(id.index()) {
            *s = Some(Slot { value, ..slot });
        }
        Ok(())
    }

    /// Like [`Parameters::set`], naming the parameter by its text id.
    ///
    /// ```
    /// use policy::{Policy, Region, Date};
    /// use rust_decimal::Decimal;
    /// let mut p = Policy::builtin().parameters(Region::Junshan, Date::new(2018, 1, 1).unwrap()).unwrap();
    /// assert!(p.set_by_id("district_fund.rate", Decimal::new(6, 1)).is_ok());
    /// assert_eq!(p.set_by_id("no.such", Decimal::ONE).unwrap_err().to_string(), "没有名为 no.such 的参数");
    /// ```
    pub fn set_by_id(&mut self, id: &str, value: Decimal) -> Result<(), ParameterError> {
        let pid =
            ParamId::from_id(id).ok_or_else(|| ParameterError::new(ParameterErrorKind::Unknown(id.to_owned())))?;
        self.set(pid, value)
    }

    /// Goes back to the data file's value for `id`.
    pub fn reset(&mut self, id: ParamId) {
        if let Some(Some(slot)) = self.slots.get_mut(id.index()) {
            slot.value = slot.default;
        }
    }

    /// Goes back to the data file's values for every parameter.
    pub fn reset_all(&mut self) {
        for slot in self.slots.iter_mut().flatten() {
            slot.value = slot.default;
        }
    }

    /// Whether any value differs from the data file's.
    pub fn is_overridden(&self) -> bool {
        self.slots.iter().flatten().any(|s| s.value != s.default)
    }

    /// One parameter with its label, unit, source and confidence.
    pub fn entry(&self, id: ParamId) -> Option<Parameter<'_>> {
        let slot = self.slots.get(id.index()).copied().flatten()?;
        let def = self.policy.layer(self.region)?.parameter(id)?;
        let dated = def.values.get(slot.value_index);
        Some(Parameter {
            id,
            label: &def.label,
            value: slot.value,
            default: slot.default,
            overridden: slot.value != slot.default,
            unit: def.unit,
            from: slot.from,
            source: dated.and_then(|v| v.source.as_ref()).unwrap_or(&def.source),
            confidence: dated.and_then(|v| v.confidence).unwrap_or(def.confidence),
            interpretation: def.interpretation,
            note: def.note.as_deref(),
        })
    }

    /// Every parameter in force, in [`ParamId::ALL`] order.
    pub fn entries(&self) -> impl Iterator<Item = Parameter<'_>> + '_ {
        ParamId::ALL.iter().filter_map(move |&id| self.entry(id))
    }

    fn label(&self, id: ParamId) -> String {
        self.policy
            .layer(self.region)
            .and_then(|l| l.parameter(id))
            .map_or_else(|| id.id().to_owned(), |d| d.label.clone())
    }
}

impl fmt::Debug for Parameters {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut m = f.debug_map();
        for e in self.entries() {
            m.entry(&e.id.id(), &e.value);
        }
        m.finish()
    }
}

impl PartialEq for Parameters {
    fn eq(&self, other: &Parameters) -> bool {
        self.region == other.region && self.date == other.date && self.slots == other.slots
    }
}

/// Why parameters could not be resolved or a value could not be set. `Display` gives a plain
/// Chinese sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ParameterError {
    kind: ParameterErrorKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum ParameterErrorKind {
    NoLayer(Region),
    BeforeStart { region: Region, start: Date },
    Unknown(String),
    NotInLayer { id: ParamId, region: Region },
    OutOfRange { id: ParamId, label: String, problem: String },
    TierOrder { id: ParamId, label: String },
}

impl ParameterError {
    fn new(kind: ParameterErrorKind) -> ParameterError {
        ParameterError { kind }
    }

    /// The parameter concerned, when the error is about one.
    pub fn parameter(&self) -> Option<ParamId> {
        match &self.kind {
            ParameterErrorKind::NotInLayer { id, .. }
            | ParameterErrorKind::OutOfRange { id, .. }
            | ParameterErrorKind::TierOrder { id, .. } => Some(*id),
            _ => None,
        }
    }

    /// Whether the error is that the day comes before the layer's first day; then
    /// [`ParameterError::start`] gives that day.
    pub fn is_before_start(&self) -> bool {
        matches!(self.kind, ParameterErrorKind::BeforeStart { .. })
    }

    /// The layer's first day, for a "before start" error.
    pub fn start(&self) -> Option<Date> {
        match self.kind {
            ParameterErrorKind::BeforeStart { start, .. } => Some(start),
            _ => None,
        }
    }
}

impl fmt::Display for ParameterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            ParameterErrorKind::NoLayer(r) => write!(f, "没有{}的政策数据", r.name()),
            ParameterErrorKind::BeforeStart { region, start } => write!(
                f,
                "{}的政策从{}起执行，这一天之前住院的费用不能按这项政策计算",
                region.name(),
                start.to_chinese()
            ),
            ParameterErrorKind::Unknown(id) => write!(f, "没有名为 {id} 的参数"),
            ParameterErrorKind::NotInLayer { id, region } => {
                write!(f, "{}的政策没有参数 {}", region.name(), id.id())
            }
            ParameterErrorKind::OutOfRange { label, problem, .. } => write!(f, "{label}{problem}"),
            ParameterErrorKind::TierOrder { label, .. } => {
                write!(f, "{label}设置后，大病保险各段的上限必须从小到大排列")
            }
        }
    }
}

impl std::error::Error for ParameterError {}
