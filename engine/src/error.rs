//! What can be wrong with a case, as a plain Chinese sentence that names the field.

use policy::{Date, HospitalId, Region};
use std::fmt;

/// A field of a case (and of the premium calculation), named as in the command-line tool's JSON.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// `region`
    Region,
    /// `date`
    Date,
    /// `category`
    Category,
    /// `registered` (是否建档立卡)
    Registered,
    /// `disease`
    Disease,
    /// `age`
    Age,
    /// `hospital`
    Hospital,
    /// `in_county`
    InCounty,
    /// `designated`
    Designated,
    /// `referred`
    Referred,
    /// `total_cost`
    TotalCost,
    /// `in_policy_cost`
    InPolicyCost,
    /// `tehui_ratio`
    TehuiRatio,
    /// `basic_paid_this_year`
    BasicPaidThisYear,
    /// `critical_paid_this_year`
    CriticalPaidThisYear,
    /// `critical_base_this_year`: the year's 大病保险 base so far (the in-policy cost earlier
    /// stays left after 基本医保)
    CriticalBaseThisYear,
    /// `stays`: a patient's hospital stays ([`crate::Stays`])
    Stays,
    /// `members` (premium subsidies)
    Members,
    /// `tehui_premium` (premium subsidies)
    TehuiPremium,
}

impl Field {
    /// Every field of a case, in the order they are checked.
    pub const CASE: &'static [Field] = &[
        Field::Region,
        Field::Date,
        Field::Category,
        Field::Registered,
        Field::Disease,
        Field::Age,
        Field::Hospital,
        Field::InCounty,
        Field::Designated,
        Field::Referred,
        Field::TotalCost,
        Field::InPolicyCost,
        Field::TehuiRatio,
        Field::BasicPaidThisYear,
        Field::CriticalPaidThisYear,
        Field::CriticalBaseThisYear,
    ];

    /// The fields of a patient that stay the same from one hospital stay to the next
    /// ([`crate::Patient`]).
    pub const PATIENT: &'static [Field] =
        &[Field::Region, Field::Category, Field::Registered, Field::Disease, Field::Age, Field::TehuiRatio];

    /// The fields of one hospital stay ([`crate::Stay`]).
    pub const STAY: &'static [Field] = &[
        Field::Date,
        Field::Hospital,
        Field::InCounty,
        Field::Designated,
        Field::Referred,
        Field::TotalCost,
        Field::InPolicyCost,
    ];

    /// The JSON name, e.g. `total_cost`.
    pub const fn name(self) -> &'static str {
        match self {
            Field::Region => "region",
            Field::Date => "date",
            Field::Category => "category",
            Field::Registered => "registered",
            Field::Disease => "disease",
            Field::Age => "age",
            Field::Hospital => "hospital",
            Field::InCounty => "in_county",
            Field::Designated => "designated",
            Field::Referred => "referred",
            Field::TotalCost => "total_cost",
            Field::InPolicyCost => "in_policy_cost",
            Field::TehuiRatio => "tehui_ratio",
            Field::BasicPaidThisYear => "basic_paid_this_year",
            Field::CriticalPaidThisYear => "critical_paid_this_year",
            Field::CriticalBaseThisYear => "critical_base_this_year",
            Field::Stays => "stays",
            Field::Members => "members",
            Field::TehuiPremium => "tehui_premium",
        }
    }

    /// The field with this JSON name.
    pub fn from_name(name: &str) -> Option<Field> {
        Field::CASE
            .iter()
            .chain(&[Field::Stays, Field::Members, Field::TehuiPremium])
            .copied()
            .find(|f| f.name() == name)
    }

    /// The Chinese label a form shows, e.g. `住院总费用`.
    pub const fn label(self) -> &'static str {
        match self {
            Field::Region => "地区",
            Field::Date => "住院日期",
            Field::Category => "人员类别",
            Field::Registered => "是否建档立卡",
            Field::Disease => "疾病",
            Field::Age => "年龄",
            Field::Hospital => "医院",
            Field::InCounty => "医院是否在本县（区）内",
            Field::Designated => "是否为该病的定点救治医院",
            Field::Referred => "是否办理了转诊",
            Field::TotalCost => "住院总费用",
            Field::InPolicyCost => "政策范围内费用",
            Field::TehuiRatio => "扶贫特惠保赔付比例",
            Field::BasicPaidThisYear => "今年已报销的基本医保",
            Field::CriticalPaidThisYear => "今年已报销的大病保险",
            Field::CriticalBaseThisYear => "今年此前住院政策范围内自付累计",
            Field::Stays => "住院记录",
            Field::Members => "家庭人数",
            Field::TehuiPremium => "扶贫特惠保保费",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum ErrorKind {
    Missing,
    UnknownRegion,
    BadDate,
    NoSuchDay,
    BeforeStart { region: Region, start: Date },
    UnknownCategory,
    UnknownDisease,
    BadAge,
    UnknownHospital,
    HospitalNotInRegion { hospital: HospitalId, region: Region },
    OnlyForLevel,
    NotAFlag,
    NotANumber,
    Exponent,
    Negative,
    TooManyDecimals(u32),
    TooLarge,
    RatioAboveOne,
    InPolicyAboveTotal,
    ParametersMismatch { region: Region, date: Date },
    TooManyMembers,
    RegisteredPoorNotRegistered,
    OrdinaryRegistered,
    NoStays,
    TooManyStays(usize),
}

/// A case that cannot be estimated. [`EstimateError::field`] names the field; `Display` gives a
/// plain Chinese sentence for the person who filled the form.
///
/// ```
/// use engine::CaseInput;
/// let mut input = CaseInput::example();
/// input.in_policy_cost = Some("60000".into());
/// let err = input.parse().unwrap_err();
/// assert_eq!(err.field(), "in_policy_cost");
/// assert_eq!(err.to_string(), "政策范围内费用不能超过住院总费用");
/// ```
///
/// In a patient's stays ([`crate::estimate_year`]), an error in a field of one stay also names
/// the stay, by its place in the list as given: [`EstimateError::stay`], and
/// [`EstimateError::path`] `stays[2].total_cost`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EstimateError {
    pub(crate) field: Field,
    pub(crate) kind: ErrorKind,
    pub(crate) stay: Option<usize>,
}

impl EstimateError {
    pub(crate) fn new(field: Field, kind: ErrorKind) -> EstimateError {
        EstimateError { field, kind, stay: None }
    }

    /// The same error, in stay `index` of a patient's stays when the field is one of a stay's
    /// ([`Field::STAY`]); an error in a patient's field stays the patient's.
    pub(crate) fn in_stay(self, index: usize) -> EstimateError {
        if Field::STAY.contains(&self.field) {
            EstimateError { stay: Some(index), ..self }
        } else {
            self
        }
    }

    /// The JSON name of the field at fault, e.g. `total_cost`.
    pub fn field(&self) -> &'static str {
        self.field.name()
    }

    /// The field at fault.
    pub fn field_id(&self) -> Field {
        self.field
    }

    /// The stay at fault, counted from 0 in the order the stays were given, when the field is
    /// one of a stay's.
    pub fn stay(&self) -> Option<usize> {
        self.stay
    }

    /// Where the fault is, as the command-line tool's JSON names it: `total_cost` for a case or
    /// a patient's field, `stays[2].total_cost` for a field of the third stay.
    ///
    /// ```
    /// use engine::{CaseInput, PatientInput, StayInput, StaysInput};
    /// let case = CaseInput::example();
    /// let mut wrong = StayInput::of(&case);
    /// wrong.total_cost = Some("-5".into());
    /// let input = StaysInput { patient: PatientInput::of(&case), stays: vec![StayInput::of(&case), wrong] };
    /// let err = input.parse().unwrap_err();
    /// assert_eq!((err.field(), err.stay(), err.path().as_str()), ("total_cost", Some(1), "stays[1].total_cost"));
    /// assert_eq!(err.to_string(), "住院总费用不能是负数");
    /// ```
    pub fn path(&self) -> String {
        match self.stay {
            Some(i) => format!("stays[{i}].{}", self.field.name()),
            None => self.field.name().to_owned(),
        }
    }
}

impl fmt::Display for EstimateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let label = self.field.label();
        match &self.kind {
            ErrorKind::Missing => write!(f, "请填写{label}"),
            ErrorKind::UnknownRegion => f.write_str("地区只能是 junshan（君山区）或 hunan（湖南省）"),
            ErrorKind::BadDate => f.write_str("住院日期要写成“年-月-日”，例如 2018-03-01"),
            ErrorKind::NoSuchDay => f.write_str("住院日期这一天不存在，请检查月份和日子"),
            ErrorKind::BeforeStart { region, start } => write!(
                f,
                "{}的政策从{}起执行，这一天之前住院的费用不能按这项政策计算",
                region.name(),
                start.to_chinese()
            ),
            ErrorKind::UnknownCategory => f.write_str(
                "人员类别只能是 dibao（农村低保对象）、tekun（特困人员）、registered_poor（建档立卡贫困人口）、disabled_poor（贫困残疾人）或 ordinary（普通居民）",
            ),
            ErrorKind::UnknownDisease => f.write_str(
                "疾病只能是九种大病之一（esophageal_cancer、gastric_cancer、colon_cancer、rectal_cancer、esrd、child_all、child_apl、child_asd、child_vsd）或 other（其他疾病）",
            ),
            ErrorKind::BadAge => f.write_str("年龄要填 0 到 150 之间的整数（周岁）"),
            ErrorKind::UnknownHospital => f.write_str(
                "医院只能是 junshan_people（君山区人民医院）、yueyang_first_people（岳阳市一人民医院），或按级别选 township、county、city、province",
            ),
            ErrorKind::HospitalNotInRegion { hospital, region } => write!(
                f,
                "{}是{}的定点医院，按{}的政策计算时不能选它，可以按医院级别选择",
                hospital.name(),
                Region::Junshan.name(),
                region.name()
            ),
            ErrorKind::OnlyForLevel => write!(f, "选了具体医院时不用填写“{label}”，只有按级别选择医院时才需要"),
            ErrorKind::RegisteredPoorNotRegistered => {
                f.write_str("人员类别是建档立卡贫困人口，是否建档立卡不能填 false（否）")
            }
            ErrorKind::OrdinaryRegistered => f.write_str(
                "普通居民不是建档立卡贫困人口，是否建档立卡不能填 true（是）；建档立卡的，人员类别请选对应的贫困人口类别",
            ),
            ErrorKind::NotAFlag => write!(f, "“{label}”只能填 true（是）或 false（否）"),
            ErrorKind::NotANumber => write!(f, "{label}要填数字，例如 45000 或 45000.50"),
            ErrorKind::Exponent => write!(f, "{label}请直接写数字，不要用 1e5 这样的科学计数法"),
            ErrorKind::Negative => write!(f, "{label}不能是负数"),
            ErrorKind::TooManyDecimals(2) => write!(f, "{label}最多只能有两位小数（到分）"),
            ErrorKind::TooManyDecimals(n) => write!(f, "{label}最多只能有 {n} 位小数"),
            ErrorKind::TooLarge => write!(f, "{label}不能超过 100,000,000 元"),
            ErrorKind::RatioAboveOne => write!(f, "{label}要在 0 到 1 之间，例如 0.3 表示 30%"),
            ErrorKind::InPolicyAboveTotal => f.write_str("政策范围内费用不能超过住院总费用"),
            ErrorKind::ParametersMismatch { region, date } => write!(
                f,
                "参数是按{}{}取的，和这次住院的{}不一致，请按这次住院重新取参数",
                region.name(),
                date.to_chinese(),
                label
            ),
            ErrorKind::TooManyMembers => f.write_str("每一类家庭成员最多填 100 人"),
            ErrorKind::NoStays => f.write_str("请至少录入一次住院"),
            ErrorKind::TooManyStays(max) => write!(f, "每位患者最多录入 {max} 次住院"),
        }
    }
}

impl std::error::Error for EstimateError {}
