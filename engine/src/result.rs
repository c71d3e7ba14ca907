//! What an estimate gives back: one line per payer of the one-stop settlement sheet, what the
//! patient pays, the comparison with an ordinary resident, the warnings and the 一兜底 note.

use crate::case::HospitalChoice;
use crate::money::{format_yuan, points};
use policy::{Citation, Confidence, Date, DiseaseId, Interpretation, ParamId};
use rust_decimal::Decimal;
use std::fmt;

/// A payer of the one-stop settlement (一站式结算), in the order of the settlement sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Payer {
    /// 基本医保（城乡居民医保住院报销）
    BasicInsurance,
    /// 大病保险
    CriticalIllnessInsurance,
    /// 扶贫特惠保
    TehuiInsurance,
    /// 医疗救助
    MedicalAssistance,
    /// 医院减免（一减免）
    HospitalReduction,
    /// 区级健康扶贫专项资金
    DistrictFund,
}

impl Payer {
    /// The six payers, in settlement order.
    pub const ALL: [Payer; 6] = [
        Payer::BasicInsurance,
        Payer::CriticalIllnessInsurance,
        Payer::TehuiInsurance,
        Payer::MedicalAssistance,
        Payer::HospitalReduction,
        Payer::DistrictFund,
    ];

    /// The id used in JSON, e.g. `basic_insurance`.
    pub const fn id(self) -> &'static str {
        match self {
            Payer::BasicInsurance => "basic_insurance",
            Payer::CriticalIllnessInsurance => "critical_illness_insurance",
            Payer::TehuiInsurance => "tehui_insurance",
            Payer::MedicalAssistance => "medical_assistance",
            Payer::HospitalReduction => "hospital_reduction",
            Payer::DistrictFund => "district_fund",
        }
    }

    /// The Chinese name.
    pub const fn name(self) -> &'static str {
        match self {
            Payer::BasicInsurance => "基本医保",
            Payer::CriticalIllnessInsurance => "大病保险",
            Payer::TehuiInsurance => "扶贫特惠保",
            Payer::MedicalAssistance => "医疗救助",
            Payer::HospitalReduction => "医院减免",
            Payer::DistrictFund => "区级健康扶贫专项资金",
        }
    }
}

/// Why a payer pays nothing this time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reason {
    /// The bill has no in-policy cost.
    NoInPolicyCost,
    /// The amount is not above the deductible.
    BelowDeductible,
    /// The annual cap was already reached.
    CapReached,
    /// Nothing is left for this payer to pay.
    NothingLeft,
    /// The patient is not poor.
    NotPoor,
    /// The disease is not one of the nine.
    NotNineDiseases,
    /// 医疗救助 for a disease outside the nine: the 70%/50% rates are the nine's only; other
    /// assistance follows the civil-affairs rules, which the site does not compute.
    AssistanceNotComputed,
    /// A children's disease, but the patient is older than its age limit.
    ChildOverAge {
        /// The oldest age covered.
        max_age: u8,
    },
    /// The hospital is not the designated one for the disease.
    NotDesignated,
    /// No 扶贫特惠保 benefit ratio was entered.
    NoTehuiRatio,
    /// The region's policy has no such payer (the district fund in the province layer, I5).
    NotInRegion,
    /// The ratio in use is zero (a parameter was set to 0).
    ZeroRate,
}

impl Reason {
    /// A stable id, e.g. `below_deductible`.
    pub const fn id(self) -> &'static str {
        match self {
            Reason::NoInPolicyCost => "no_in_policy_cost",
            Reason::BelowDeductible => "below_deductible",
            Reason::CapReached => "cap_reached",
            Reason::NothingLeft => "nothing_left",
            Reason::NotPoor => "not_poor",
            Reason::NotNineDiseases => "not_nine_diseases",
            Reason::AssistanceNotComputed => "assistance_not_computed",
            Reason::ChildOverAge { .. } => "child_over_age",
            Reason::NotDesignated => "not_designated",
            Reason::NoTehuiRatio => "no_tehui_ratio",
            Reason::NotInRegion => "not_in_region",
            Reason::ZeroRate => "zero_rate",
        }
    }
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Reason::NoInPolicyCost => f.write_str("没有政策范围内费用"),
            Reason::BelowDeductible => f.write_str("未达起付线"),
            Reason::CapReached => f.write_str("已达年度封顶线"),
            Reason::NothingLeft => f.write_str("没有剩下要付的费用"),
            Reason::NotPoor => f.write_str("不适用：非贫困人口"),
            Reason::NotNineDiseases => f.write_str("不适用：非九种大病"),
            Reason::AssistanceNotComputed => f.write_str("九种大病以外的医疗救助按民政部门规定，本站不计算"),
            Reason::ChildOverAge { max_age } => write!(f, "不适用：儿童病种只限{max_age}岁及以下"),
            Reason::NotDesignated => f.write_str("不适用：不是该病的定点救治医院"),
            Reason::NoTehuiRatio => f.write_str("未填写扶贫特惠保赔付比例"),
            Reason::NotInRegion => f.write_str("不适用：只有君山区有这项资金"),
            Reason::ZeroRate => f.write_str("比例设为 0"),
        }
    }
}

/// One payer's part of the bill.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Line {
    /// Who pays.
    pub payer: Payer,
    /// How much, yuan, rounded to the fen.
    pub amount: Decimal,
    /// What was still owed, within what this payer covers, when its turn came: the in-policy
    /// cost for 基本医保, the in-policy self-paid part left for the next three, that plus the
    /// out-of-policy cost for 医院减免, the in-policy part left after it for the district fund.
    /// The amount is never above it.
    pub base: Decimal,
    /// The rule as one plain Chinese sentence with the actual numbers.
    pub rule: String,
    /// The clause behind the rule.
    pub citation: Citation,
    /// Why the payer pays nothing this time; `None` when it pays.
    pub reason: Option<Reason>,
    /// The readings of ours the rule rests on, where the documents leave a point open
    /// (calculation.md I1–I9), in the order the sentence uses them.
    pub interpretations: Vec<Interpretation>,
    /// Every figure in the sentence that is not from the documents (a baseline, an estimate, or
    /// a value the user changed), with its confidence mark: the site shows each beside the line.
    /// Listed only when the sentence is written ([`crate::estimate`]); empty from
    /// [`crate::estimate_figures`].
    pub baselines: Vec<BaselineFigure>,
}

/// A figure a line uses that the documents do not give, and how sure it is (parameters.md).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct BaselineFigure {
    /// The parameter.
    pub param: ParamId,
    /// Its value in use.
    pub value: Decimal,
    /// How sure the data file's value is.
    pub confidence: Confidence,
    /// Whether the user changed it (then the mark says so instead).
    pub overridden: bool,
    /// The figure as shown beside the line: "基本医保住院起付线（县级医院）500.00 元".
    pub figure: String,
}

impl BaselineFigure {
    /// The mark beside the figure: "公开资料，可信度中", "估计值，请以当地政策为准", or
    /// "你修改过的数值".
    ///
    /// ```
    /// let e = engine::estimate_with_policy(&policy::Policy::builtin(), &engine::CaseInput::example().parse().unwrap()).unwrap();
    /// let marks: Vec<_> = e.line(engine::Payer::BasicInsurance).baselines.iter().map(|b| b.mark()).collect();
    /// assert_eq!(marks, ["公开资料，可信度中", "公开资料，可信度低"]);
    /// ```
    pub const fn mark(&self) -> &'static str {
        if self.overridden {
            "你修改过的数值"
        } else {
            confidence_mark(self.confidence)
        }
    }

    /// The figure with its mark, as one phrase: "基本医保住院起付线（县级医院）500.00 元（公开资料，可信度中）".
    pub fn text(&self) -> String {
        format!("{}（{}）", self.figure, self.mark())
    }
}

/// The words for a confidence mark wherever a figure that is not from the documents is written.
pub const fn confidence_mark(c: Confidence) -> &'static str {
    match c {
        Confidence::Doc => "政策文件原文",
        Confidence::H => "公开资料，可信度高",
        Confidence::M => "公开资料，可信度中",
        Confidence::L => "公开资料，可信度低",
        Confidence::A => "估计值，请以当地政策为准",
    }
}

/// Something the reader should know about the estimate.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Warning {
    /// The day is after the end of the policy period (2020-12-31).
    PolicyPeriodEnded {
        /// The last day of the period.
        end: Date,
    },
    /// A Junshan case dated before the district's plan took effect: the province layer alone
    /// applies (no district fund).
    DistrictLayerNotYetInForce {
        /// The district plan's first day.
        start: Date,
    },
    /// A Junshan case dated after the district plan's target ("到2018年底前", Junshan 二): the
    /// site assumes the district layer goes on to the end of the province's period.
    DistrictTargetPassed {
        /// The last day of the district's target.
        target: Date,
        /// The last day the site assumes the district layer runs to.
        assumed_end: Date,
    },
    /// The patient is not poor: only the ordinary terms apply.
    NotPoor,
    /// A children's disease, but the patient is too old: computed as another disease (I4).
    ChildDiseaseOverAge {
        /// The disease.
        disease: DiseaseId,
        /// The oldest age covered.
        max_age: u8,
        /// The patient's age.
        age: u8,
    },
    /// One of the nine diseases, but not at its designated hospital: no reduction, no fund.
    NotDesignated {
        /// The hospital.
        hospital: HospitalChoice,
        /// The disease.
        disease: DiseaseId,
        /// Whether being referred up to this hospital would make it designated.
        referral_would_help: bool,
        /// Whether the region has the district fund (so it is lost too).
        district_fund: bool,
    },
    /// Outside the county without referral: the basic-insurance ratio drops.
    OutOfCountyWithoutReferral {
        /// The drop, as a ratio (0.15 is 15 points).
        penalty: Decimal,
        /// How sure the drop is (a baseline the documents do not give).
        confidence: Confidence,
        /// Whether the user changed it.
        overridden: bool,
    },
    /// 基本医保 reached its annual cap.
    BasicCapReached {
        /// The cap.
        cap: Decimal,
        /// How sure the cap is.
        confidence: Confidence,
        /// Whether the user changed it.
        overridden: bool,
    },
    /// 大病保险 reached its annual cap.
    CriticalCapReached {
        /// The cap.
        cap: Decimal,
        /// How sure the cap is.
        confidence: Confidence,
        /// Whether the user changed it.
        overridden: bool,
    },
    /// Amounts paid earlier this year were given, but not the earlier stays (nor the year's
    /// 大病保险 base): they only lower the caps, and the 大病保险 deductible, met once a year,
    /// may already have been met.
    EarlierStaysNotEntered,
}

impl Warning {
    /// A stable id, e.g. `out_of_county_without_referral`.
    pub const fn id(&self) -> &'static str {
        match self {
            Warning::PolicyPeriodEnded { .. } => "policy_period_ended",
            Warning::DistrictLayerNotYetInForce { .. } => "district_layer_not_yet_in_force",
            Warning::DistrictTargetPassed { .. } => "district_target_passed",
            Warning::NotPoor => "not_poor",
            Warning::ChildDiseaseOverAge { .. } => "child_disease_over_age",
            Warning::NotDesignated { .. } => "not_designated",
            Warning::OutOfCountyWithoutReferral { .. } => "out_of_county_without_referral",
            Warning::BasicCapReached { .. } => "basic_cap_reached",
            Warning::CriticalCapReached { .. } => "critical_cap_reached",
            Warning::EarlierStaysNotEntered => "earlier_stays_not_entered",
        }
    }
}

fn figure_mark(confidence: Confidence, overridden: bool) -> &'static str {
    if overridden {
        "你修改过的数值"
    } else {
        confidence_mark(confidence)
    }
}

pub(crate) fn hospital_words(h: HospitalChoice) -> String {
    match h {
        HospitalChoice::Named(id) => id.name().to_owned(),
        HospitalChoice::Level { level, .. } => format!("这家{}", level.name()),
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::PolicyPeriodEnded { end } => write!(
                f,
                "这项政策执行到{}，之后的报销办法可能已经调整，这里仍按原政策估算，仅供参考。",
                end.to_chinese()
            ),
            Warning::DistrictLayerNotYetInForce { start } => write!(
                f,
                "君山区的方案从{}起执行；这次住院在那之前，只按湖南省的政策计算，没有区级健康扶贫专项资金。",
                start.to_chinese()
            ),
            Warning::DistrictTargetPassed { target, assumed_end } => write!(
                f,
                "君山区的方案写的是“到{}前”组织集中救治，没有写之后的年份；本站假设区级政策延续到{}，请以当地实际执行为准。",
                target.to_chinese().replace("12月31日", "底"),
                assumed_end.to_chinese()
            ),
            Warning::NotPoor => f.write_str("普通居民不享受健康扶贫的倾斜政策，这里只算基本医保和大病保险。"),
            Warning::ChildDiseaseOverAge { disease, max_age, age } => {
                write!(
                    f,
                    "{}按本站的理解（I4：文件只写“儿童”）只救治{}岁及以下的孩子，患者{}岁，这里按其他疾病计算；请向岳阳市一人民医院或区卫生计生局问清楚。",
                    disease.name(),
                    max_age,
                    age
                )
            }
            Warning::NotDesignated { hospital, disease, referral_would_help, district_fund } => {
                write!(
                    f,
                    "{}不是{}的定点救治医院，所以没有医院减免{}。",
                    hospital_words(*hospital),
                    disease.name(),
                    if *district_fund {
                        "，也没有区级专项资金（方案没有写专项资金对医院的条件，本站的理解（I9）是只给定点救治医院）"
                    } else {
                        ""
                    }
                )?;
                if *referral_would_help {
                    f.write_str("按本站的理解（I7），由君山区人民医院办理上转手续后到这里住院，算作在定点救治医院住院，才可以享受。")?;
                }
                Ok(())
            }
            Warning::OutOfCountyWithoutReferral { penalty, confidence, overridden } => write!(
                f,
                "在县（区）外住院又没有办理转诊，基本医保报销比例降低{}个百分点（{}）。",
                points(*penalty),
                figure_mark(*confidence, *overridden)
            ),
            Warning::BasicCapReached { cap, confidence, overridden } => write!(
                f,
                "基本医保今年已报到年度封顶线{}元（{}），超出的部分不再报销。",
                format_yuan(*cap),
                figure_mark(*confidence, *overridden)
            ),
            Warning::CriticalCapReached { cap, confidence, overridden } => write!(
                f,
                "大病保险今年已报到年度封顶线{}元（{}），超出的部分不再报销。",
                format_yuan(*cap),
                figure_mark(*confidence, *overridden)
            ),
            Warning::EarlierStaysNotEntered => f.write_str(
                "填写了今年已报销的金额，但没有录入今年此前的各次住院：这里只用这些金额扣减年度封顶线，大病保险仍按今年第一次住院计算起付线。大病保险的起付线一年只算一次，可能在此前的住院中已经达到，这次的大病保险可能更多；可以把今年每次住院都录入，一起计算。",
            ),
        }
    }
}

/// The 一兜底 note: what is left of the compliant (in-policy) self-paid cost, which the
/// family may ask the government to reduce or waive after a joint review. Not a computed payment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Doudi {
    /// The in-policy cost the patient still pays: the amount one could apply for.
    pub amount: Decimal,
    /// What to do, in plain words.
    pub text: String,
    /// The clause.
    pub citation: Citation,
    /// The reading it rests on: "合规" read as 政策范围内.
    pub interpretations: Vec<Interpretation>,
}

/// Where a patient of Junshan's nine-disease programme is entered (Junshan 四(一)): every
/// 建档立卡 patient in the province's 动态管理系统, the others (特困, 低保, 贫困残疾人 who are not
/// 建档立卡) on 附件1. 附件3 counts the two apart the same way (注2).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Ledger {
    /// “湖南省健康扶贫动态管理系统”, 《健康扶贫帮扶表》 (Junshan 四(一)1).
    DynamicManagementSystem,
    /// 附件1, the district's ledger of non-建档立卡 patients (Junshan 四(一)2).
    Annex1,
}

impl Ledger {
    /// The ledger of a patient, or `None` when the patient is not one of the programme's (not
    /// poor, or not one of the nine diseases within its age limit: I4), or not in the Junshan layer.
    ///
    /// ```
    /// use engine::Ledger;
    /// use policy::{Category, DiseaseId, Policy, Region};
    /// let p = Policy::builtin();
    /// let dibao_registered = Ledger::of(&p, Region::Junshan, Category::Dibao, true, DiseaseId::GastricCancer, 56);
    /// assert_eq!(dibao_registered, Some(Ledger::DynamicManagementSystem));
    /// assert_eq!(Ledger::of(&p, Region::Junshan, Category::Dibao, false, DiseaseId::GastricCancer, 56), Some(Ledger::Annex1));
    /// assert_eq!(Ledger::of(&p, Region::Junshan, Category::Dibao, false, DiseaseId::ChildVsd, 15), None);
    /// ```
    pub fn of(
        policy: &policy::Policy,
        region: policy::Region,
        category: policy::Category,
        registered: bool,
        disease: DiseaseId,
        age: u8,
    ) -> Option<Ledger> {
        let programme =
            region == policy::Region::Junshan && category.is_poor() && policy.disease(disease).covers_age(age);
        programme.then_some(Ledger::by_registered(registered))
    }

    /// The ledger of a patient of the programme: 建档立卡 or not.
    pub const fn by_registered(registered: bool) -> Ledger {
        if registered {
            Ledger::DynamicManagementSystem
        } else {
            Ledger::Annex1
        }
    }

    /// A stable id: `dynamic_management_system` or `annex1`.
    pub const fn id(self) -> &'static str {
        match self {
            Ledger::DynamicManagementSystem => "dynamic_management_system",
            Ledger::Annex1 => "annex1",
        }
    }

    /// Where, in plain words.
    pub const fn name(self) -> &'static str {
        match self {
            Ledger::DynamicManagementSystem => {
                "建档立卡：在“湖南省健康扶贫动态管理系统”内填写《健康扶贫帮扶表》，建立救治台账"
            }
            Ledger::Annex1 => "非建档立卡：经民政部门核实核准后，按方案附件1建立救治台账",
        }
    }

    /// The clause.
    pub const fn citation(self) -> Citation {
        match self {
            Ledger::DynamicManagementSystem => crate::clauses::LEDGER_REGISTERED,
            Ledger::Annex1 => crate::clauses::LEDGER_ANNEX1,
        }
    }
}

/// The same bill for an ordinary resident at the same hospital (基本医保 and 大病保险 only).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OrdinaryComparison {
    /// 基本医保 on ordinary terms.
    pub basic: Decimal,
    /// 大病保险 on ordinary terms.
    pub critical: Decimal,
    /// What an ordinary resident would pay.
    pub patient_pays: Decimal,
}

/// How a bill splits across every payer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Estimate {
    /// The six payers, in settlement order ([`Payer::ALL`]).
    pub lines: [Line; 6],
    /// 住院总费用.
    pub total_cost: Decimal,
    /// 政策范围内费用.
    pub in_policy_cost: Decimal,
    /// 个人自付: the total less every line. Conservation holds to the fen.
    pub patient_pays: Decimal,
    /// The in-policy (合规) part of what the patient pays.
    pub patient_pays_in_policy: Decimal,
    /// The out-of-policy part of what the patient pays.
    pub patient_pays_out_of_policy: Decimal,
    /// The same bill for an ordinary resident at the same hospital: two lines and what they pay.
    pub ordinary: OrdinaryComparison,
    /// What the policy saves this family: `ordinary.patient_pays − patient_pays`.
    pub savings: Decimal,
    /// What the reader should know.
    pub warnings: Vec<Warning>,
    /// The 一兜底 note, for a poor patient who still has compliant costs to pay.
    pub doudi: Option<Doudi>,
    /// Where the patient is entered in Junshan's programme, if the patient is one of its.
    pub ledger: Option<Ledger>,
    /// 先诊疗后付费: a poor patient in hospital inside the county (区) pays no deposit and settles
    /// at discharge (Hunan 二(三)3: "县域内定点医疗机构"; Junshan 四(三): "区域内定点医院"), see
    /// [`PAY_AFTER_TREATMENT`].
    pub pay_after_treatment: bool,
    /// Whether the hospital counts as the disease's designated treatment hospital for this
    /// patient (one of the nine within its age limit; 岳阳市一人民医院 for an adult's disease only
    /// when referred up, I7): what 医院减免 and the district fund need.
    pub designated: bool,
}

/// The clauses of 先诊疗后付费.
pub const PAY_AFTER_TREATMENT: [Citation; 2] = [
    Citation::new(policy::Document::Hunan, "二(三)3", "一站式结算"),
    Citation::new(policy::Document::Junshan, "四(三)", "一站式结算"),
];

impl Estimate {
    /// The line of `payer`.
    pub fn line(&self, payer: Payer) -> &Line {
        // `lines` is in `Payer::ALL` order, and a payer's discriminant is its position.
        &self.lines[payer as usize]
    }

    /// What an ordinary resident would pay for the same bill at the same hospital.
    pub fn ordinary_patient_pays(&self) -> Decimal {
        self.ordinary.patient_pays
    }

    /// The sum of the six lines.
    pub fn covered(&self) -> Decimal {
        self.lines.iter().map(|l| l.amount).sum()
    }
}
