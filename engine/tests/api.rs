//! The library as the web app uses it: typed cases, editable parameters, rules and citations,
//! warnings, the 一兜底 note, the premium subsidies, and every error message.

use engine::{
    estimate, estimate_with_policy, estimate_year, premium_subsidies, Case, CaseInput, EstimateError, Family, Field,
    HospitalChoice, Patient, PatientInput, Payer, Reason, Stay, StayInput, Stays, StaysInput, Warning, MAX_STAYS,
};
use policy::{
    Category, Confidence, Date, DiseaseId, HospitalId, HospitalLevel, Interpretation, ParamId, Policy, Region,
};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn example() -> Case {
    CaseInput::example().parse().unwrap()
}

fn run(case: &Case) -> engine::Estimate {
    estimate_with_policy(&Policy::builtin(), case).unwrap()
}

#[test]
fn every_line_carries_its_rule_citation_and_reason() {
    let e = run(&example());
    let rules: Vec<&str> = e.lines.iter().map(|l| l.rule.as_str()).collect();
    assert_eq!(rules, [
        "基本医保：政策范围内费用 45,000.00 元减去县级医院起付线 500.00 元，按 80% 报销（县级医院 70%，贫困人口提高 10 个百分点），（45,000.00 − 500.00）× 80% = 35,600.00 元。",
        "大病保险：基本医保报销后政策范围内还要自付 9,400.00 元，贫困人口起付线为 7,500.00 元（普通起付线 15,000.00 元降低 50%），超过的部分按 90% 报销，（9,400.00 − 7,500.00）× 90% = 1,710.00 元。",
        "扶贫特惠保：按各家保单的约定赔付，各县产品不同；没有填写赔付比例，按 0 计算，本次为 0.00 元。",
        "医疗救助：各项保险报销后政策范围内还要自付 7,690.00 元，低保对象按 70% 救助，7,690.00 × 70% = 5,383.00 元。",
        "医院减免：定点医院把剩下的自付费用减免 50%，政策范围内 2,307.00 × 50% = 1,153.50 元，政策范围外 5,000.00 × 50% = 2,500.00 元，合计 3,653.50 元。",
        "区级健康扶贫专项资金：医院减免后剩下的合规自付费用 1,153.50 元，补助 70%，1,153.50 × 70% = 807.45 元。",
    ]);
    let citations: Vec<String> = e.lines.iter().map(|l| l.citation.to_string()).collect();
    assert_eq!(
        citations,
        [
            "湘卫财务发〔2017〕2号 三（二）“三提高”",
            "湘卫财务发〔2017〕2号 三（二）“三提高”",
            "湘卫财务发〔2017〕2号 三（二）“两补贴”",
            "湘卫财务发〔2017〕2号 三（二）“三提高”",
            "湘卫财务发〔2017〕2号 三（二）“一减免”",
            "岳君卫发〔2017〕71号 三“支付政策”",
        ]
    );
    assert_eq!(e.line(Payer::BasicInsurance).interpretations, [Interpretation::I8]);
    assert_eq!(e.line(Payer::CriticalIllnessInsurance).interpretations, [Interpretation::I1]);
    assert_eq!(e.line(Payer::HospitalReduction).interpretations, [Interpretation::I2]);
    assert_eq!(e.line(Payer::DistrictFund).interpretations, [Interpretation::Compliant]);
    let marks: Vec<String> = e.lines.iter().flat_map(|l| l.baselines.iter().map(|b| b.text())).collect();
    assert_eq!(
        marks,
        [
            "基本医保住院起付线（县级医院） 500.00 元（公开资料，可信度中）",
            "基本医保政策范围内报销比例（县级医院） 70%（公开资料，可信度低）",
            "大病保险起付线（普通居民） 15,000.00 元（估计值，请以当地政策为准）",
        ]
    );
    assert_eq!(e.ledger, Some(engine::Ledger::Annex1), "a 低保 patient who is not 建档立卡");
    assert_eq!(e.line(Payer::TehuiInsurance).reason, Some(Reason::NoTehuiRatio));
    assert_eq!(e.line(Payer::TehuiInsurance).reason.unwrap().to_string(), "未填写扶贫特惠保赔付比例");
    for (l, p) in e.lines.iter().zip(Payer::ALL) {
        assert_eq!(l.payer, p);
    }
    let doudi = e.doudi.unwrap();
    assert_eq!(doudi.amount, d("346.05"));
    assert_eq!(doudi.text, "如果剩下的合规自付费用 346.05 元仍然付不起，可以申请政府兜底：经村、镇、卫生计生、民政、扶贫部门联合审定后，减轻或免除。文件没有写到哪里申请，可以先找村委会或镇（街道）民政所问（这是本站的建议）。");
    assert_eq!(e.patient_pays_in_policy, d("346.05"));
    assert_eq!(e.patient_pays_out_of_policy, d("2500.00"));
    assert_eq!(e.ordinary.basic, d("31150.00"));
    assert_eq!(e.ordinary.critical, d("0.00"));
}

#[test]
fn ordinary_tiers_and_caps_are_spelled_out() {
    let mut c = example();
    c.region = Region::Hunan;
    c.hospital = HospitalChoice::Level { level: HospitalLevel::Province, in_county: false, designated: false };
    c.referred = true;
    c.category = Category::Ordinary;
    c.total_cost = d("400000");
    c.in_policy_cost = d("380000");
    let e = run(&c);
    assert_eq!(
        e.line(Payer::BasicInsurance).rule,
        "基本医保：政策范围内费用 380,000.00 元减去省级医院起付线 1,500.00 元，按 50% 报销（省级医院 50%），（380,000.00 − 1,500.00）× 50% = 189,250.00 元；但年度封顶线为 150,000.00 元，今年只剩 150,000.00 元可报，本次报 150,000.00 元。"
    );
    assert_eq!(
        e.line(Payer::CriticalIllnessInsurance).rule,
        "大病保险：基本医保报销后政策范围内还要自付 230,000.00 元，起付线为 15,000.00 元，超过的 215,000.00 元分段报销，30,000.00 × 50% + 50,000.00 × 60% + 70,000.00 × 70% + 65,000.00 × 80% = 146,000.00 元。"
    );
    assert!(e.line(Payer::CriticalIllnessInsurance).interpretations.is_empty());
    let marked: Vec<&str> = e.lines.iter().flat_map(|l| l.baselines.iter().map(|b| b.param.id())).collect();
    assert_eq!(
        marked,
        [
            "basic.deductible.province",
            "basic.rate.province",
            "basic.annual_cap",
            "critical.deductible",
            "critical.tier1.rate",
            "critical.tier1.upper",
            "critical.tier2.rate",
            "critical.tier2.upper",
            "critical.tier3.rate",
            "critical.tier3.upper",
            "critical.tier4.rate",
        ],
        "every baseline figure the two sentences write"
    );
    assert_eq!(e.line(Payer::DistrictFund).reason, Some(Reason::NotInRegion));
    assert_eq!(e.line(Payer::DistrictFund).interpretations, [Interpretation::I5]);
    assert_eq!(e.ledger, None, "the ledgers are Junshan's");
    assert!(e.doudi.is_none(), "no 一兜底 for an ordinary resident");
}

#[test]
fn every_warning_reads_plainly() {
    let cases: Vec<(Warning, &str)> = vec![
        (Warning::PolicyPeriodEnded { end: Date::new(2020, 12, 31).unwrap() }, "这项政策执行到2020年12月31日，之后的报销办法可能已经调整，这里仍按原政策估算，仅供参考。"),
        (Warning::NotPoor, "普通居民不享受健康扶贫的倾斜政策，这里只算基本医保和大病保险。"),
        (
            Warning::DistrictLayerNotYetInForce { start: Date::new(2017, 9, 11).unwrap() },
            "君山区的方案从2017年9月11日起执行；这次住院在那之前，只按湖南省的政策计算，没有区级健康扶贫专项资金。",
        ),
        (
            Warning::DistrictTargetPassed { target: Date::new(2018, 12, 31).unwrap(), assumed_end: Date::new(2020, 12, 31).unwrap() },
            "君山区的方案写的是“到2018年底前”组织集中救治，没有写之后的年份；本站假设区级政策延续到2020年12月31日，请以当地实际执行为准。",
        ),
        (
            Warning::ChildDiseaseOverAge { disease: DiseaseId::ChildVsd, max_age: 14, age: 15 },
            "儿童室间隔缺损按本站的理解（I4：文件只写“儿童”）只救治14岁及以下的孩子，患者15岁，这里按其他疾病计算；请向岳阳市一人民医院或区卫生计生局问清楚。",
        ),
        (
            Warning::NotDesignated { hospital: HospitalChoice::Named(HospitalId::YueyangFirstPeople), disease: DiseaseId::GastricCancer, referral_would_help: true, district_fund: true },
            "岳阳市一人民医院不是胃癌的定点救治医院，所以没有医院减免，也没有区级专项资金（方案没有写专项资金对医院的条件，本站的理解（I9）是只给定点救治医院）。按本站的理解（I7），由君山区人民医院办理上转手续后到这里住院，算作在定点救治医院住院，才可以享受。",
        ),
        (
            Warning::NotDesignated { hospital: HospitalChoice::level(HospitalLevel::County), disease: DiseaseId::Esrd, referral_would_help: false, district_fund: false },
            "这家县级医院不是终末期肾病的定点救治医院，所以没有医院减免。",
        ),
        (
            Warning::OutOfCountyWithoutReferral { penalty: d("0.15"), confidence: Confidence::L, overridden: false },
            "在县（区）外住院又没有办理转诊，基本医保报销比例降低15个百分点（公开资料，可信度低）。",
        ),
        (
            Warning::BasicCapReached { cap: d("150000"), confidence: Confidence::M, overridden: false },
            "基本医保今年已报到年度封顶线150,000.00元（公开资料，可信度中），超出的部分不再报销。",
        ),
        (
            Warning::CriticalCapReached { cap: d("250000"), confidence: Confidence::L, overridden: true },
            "大病保险今年已报到年度封顶线250,000.00元（你修改过的数值），超出的部分不再报销。",
        ),
        (
            Warning::EarlierStaysNotEntered,
            "填写了今年已报销的金额，但没有录入今年此前的各次住院：这里只用这些金额扣减年度封顶线，大病保险仍按今年第一次住院计算起付线。大病保险的起付线一年只算一次，可能在此前的住院中已经达到，这次的大病保险可能更多；可以把今年每次住院都录入，一起计算。",
        ),
    ];
    for (w, text) in cases {
        assert_eq!(w.to_string(), text, "{}", w.id());
    }
}

#[test]
fn every_reason_reads_plainly() {
    let cases = [
        (Reason::NoInPolicyCost, "没有政策范围内费用"),
        (Reason::BelowDeductible, "未达起付线"),
        (Reason::CapReached, "已达年度封顶线"),
        (Reason::NothingLeft, "没有剩下要付的费用"),
        (Reason::NotPoor, "不适用：非贫困人口"),
        (Reason::NotNineDiseases, "不适用：非九种大病"),
        (Reason::ChildOverAge { max_age: 14 }, "不适用：儿童病种只限14岁及以下"),
        (Reason::NotDesignated, "不适用：不是该病的定点救治医院"),
        (Reason::NoTehuiRatio, "未填写扶贫特惠保赔付比例"),
        (Reason::NotInRegion, "不适用：只有君山区有这项资金"),
        (Reason::ZeroRate, "比例设为 0"),
    ];
    for (r, text) in cases {
        assert_eq!(r.to_string(), text, "{}", r.id());
    }
}

#[test]
fn a_cap_already_used_up_gives_its_reason() {
    let mut c = example();
    c.basic_paid_this_year = d("150000");
    c.critical_paid_this_year = d("250000");
    let e = run(&c);
    assert_eq!(e.line(Payer::BasicInsurance).amount, d("0"));
    assert_eq!(e.line(Payer::BasicInsurance).reason, Some(Reason::CapReached));
    assert_eq!(e.line(Payer::CriticalIllnessInsurance).reason, Some(Reason::CapReached));
    let ids: Vec<&str> = e.warnings.iter().map(Warning::id).collect();
    // The earlier stays were not entered, so the 大病保险 deductible may already have been met.
    assert_eq!(ids, ["basic_cap_reached", "critical_cap_reached", "earlier_stays_not_entered"]);
    c.critical_base_this_year = Some(d("300000"));
    let ids: Vec<&str> = run(&c).warnings.iter().map(Warning::id).collect();
    assert_eq!(ids, ["basic_cap_reached", "critical_cap_reached"]);
}

#[test]
fn edited_parameters_change_the_estimate() {
    let policy = Policy::builtin();
    let case = example();
    let mut params = case.parameters(&policy).unwrap();
    params.set(ParamId::DistrictFundRate, d("0.8")).unwrap();
    let e = estimate(&params, &case).unwrap();
    assert_eq!(e.line(Payer::DistrictFund).amount, d("922.80")); // 1,153.50 × 80%
    params.set(ParamId::ReductionRate, Decimal::ZERO).unwrap();
    let e = estimate(&params, &case).unwrap();
    assert_eq!(e.line(Payer::HospitalReduction).reason, Some(Reason::ZeroRate));
    params.set(ParamId::BasicRateCounty, d("0.95")).unwrap();
    let e = estimate(&params, &case).unwrap();
    assert!(e.line(Payer::BasicInsurance).rule.contains("按 100% 报销"), "95% + 10 points is kept at 100%");
    assert!(e.covered() + e.patient_pays == e.total_cost);
}

#[test]
fn parameters_of_another_region_or_day_are_refused() {
    let policy = Policy::builtin();
    let case = example();
    let other_day = policy.parameters(Region::Junshan, Date::new(2018, 3, 2).unwrap()).unwrap();
    let e = estimate(&other_day, &case).unwrap_err();
    assert_eq!(e.field(), "date");
    assert_eq!(e.to_string(), "参数是按君山区2018年3月2日取的，和这次住院的住院日期不一致，请按这次住院重新取参数");
    let other_region = policy.parameters(Region::Hunan, Date::new(2018, 3, 1).unwrap()).unwrap();
    let e = estimate(&other_region, &case).unwrap_err();
    assert_eq!(e.field(), "region");
    assert_eq!(e.to_string(), "参数是按湖南省2018年3月1日取的，和这次住院的地区不一致，请按这次住院重新取参数");
}

#[test]
fn a_typed_case_is_checked_again() {
    let policy = Policy::builtin();
    type Edit = Box<dyn Fn(&mut Case)>;
    let checks: Vec<(Edit, &str, &str)> = vec![
        (Box::new(|c| c.total_cost = d("-1")), "total_cost", "住院总费用不能是负数"),
        (Box::new(|c| c.total_cost = d("100000000.01")), "total_cost", "住院总费用不能超过 100,000,000 元"),
        (Box::new(|c| c.in_policy_cost = d("1.001")), "in_policy_cost", "政策范围内费用最多只能有两位小数（到分）"),
        (Box::new(|c| c.in_policy_cost = d("50000.01")), "in_policy_cost", "政策范围内费用不能超过住院总费用"),
        (
            Box::new(|c| c.tehui_ratio = d("1.1")),
            "tehui_ratio",
            "扶贫特惠保赔付比例要在 0 到 1 之间，例如 0.3 表示 30%",
        ),
        (Box::new(|c| c.basic_paid_this_year = d("-5")), "basic_paid_this_year", "今年已报销的基本医保不能是负数"),
        (
            Box::new(|c| c.critical_paid_this_year = d("0.001")),
            "critical_paid_this_year",
            "今年已报销的大病保险最多只能有两位小数（到分）",
        ),
        (Box::new(|c| c.age = 200), "age", "年龄要填 0 到 150 之间的整数（周岁）"),
        (
            Box::new(|c| c.region = Region::Hunan),
            "hospital",
            "君山区人民医院是君山区的定点医院，按湖南省的政策计算时不能选它，可以按医院级别选择",
        ),
    ];
    for (edit, field, message) in checks {
        let mut c = example();
        edit(&mut c);
        let e: EstimateError = estimate_with_policy(&policy, &c).unwrap_err();
        assert_eq!((e.field(), e.to_string().as_str()), (field, message));
    }
}

#[test]
fn form_fields_have_labels_and_names() {
    for f in Field::CASE {
        assert_eq!(Field::from_name(f.name()), Some(*f));
        assert!(!f.label().is_empty());
    }
    let mut input = CaseInput::example();
    input.hospital = Some("city".into());
    input.in_county = Some("true".into());
    input.designated = Some("true".into());
    let case = input.parse().unwrap();
    assert_eq!(case.hospital, HospitalChoice::Level { level: HospitalLevel::City, in_county: true, designated: true });
    input.hospital = Some("county".into());
    input.in_county = None;
    input.designated = None;
    assert_eq!(input.parse().unwrap().hospital, HospitalChoice::level(HospitalLevel::County));
    assert_eq!(HospitalChoice::level(HospitalLevel::County).id(), "county");
}

#[test]
fn premium_subsidies_for_a_family() {
    let policy = Policy::builtin();
    let params = policy.parameters(Region::Junshan, Date::new(2017, 10, 1).unwrap()).unwrap();
    let family = Family { dibao: 1, tekun: 1, registered_poor: 2, disabled_poor: 0, ordinary: 1 };
    let p = premium_subsidies(&params, &family, Some(d("120"))).unwrap();
    assert_eq!(p.year, 2017);
    assert_eq!(p.contribution, d("150"));
    let rows: Vec<(Category, u32, Decimal, Decimal)> =
        p.lines.iter().map(|l| (l.category, l.members, l.family_per_person, l.family_total)).collect();
    assert_eq!(
        rows,
        [
            (Category::Dibao, 1, d("75.00"), d("75.00")),
            (Category::Tekun, 1, d("0.00"), d("0.00")),
            (Category::RegisteredPoor, 2, d("75.00"), d("150.00")),
            (Category::Ordinary, 1, d("150"), d("150")),
        ]
    );
    assert_eq!(
        p.lines[0].rule,
        "农村低保对象每人每年个人缴费 150.00 元，财政补贴 50%（75.00 元），自己交 75.00 元；1 人合计自己交 75.00 元。"
    );
    assert_eq!(
        p.lines[3].rule,
        "普通居民（非贫困人口）每人每年个人缴费 150.00 元，没有补贴，自己交 150.00 元；1 人合计自己交 150.00 元。"
    );
    assert_eq!(p.lines[3].citation, None);
    let tehui = p.tehui.as_ref().unwrap();
    assert_eq!((tehui.government_pays, tehui.family_pays), (d("108.00"), d("12.00")));
    assert_eq!(tehui.rule, "扶贫特惠保保费 120.00 元，政府补贴 90%（文件写“不超过90%”，这里按最高计算），政府付 108.00 元，自己交 12.00 元。");
    // family: 75 + 0 + 150 + 150 + 12; government: 75 + 150 + 150 + 0 + 108
    assert_eq!(p.family_pays, d("387.00"));
    assert_eq!(p.government_pays, d("483.00"));

    let none_poor = premium_subsidies(&params, &Family { ordinary: 3, ..Family::default() }, Some(d("100"))).unwrap();
    assert_eq!(none_poor.tehui.unwrap().government_pays, d("0"));

    let e = premium_subsidies(&params, &Family { dibao: 101, ..Family::default() }, None).unwrap_err();
    assert_eq!((e.field(), e.to_string().as_str()), ("members", "每一类家庭成员最多填 100 人"));
    let e = premium_subsidies(&params, &family, Some(d("-1"))).unwrap_err();
    assert_eq!((e.field(), e.to_string().as_str()), ("tehui_premium", "扶贫特惠保保费不能是负数"));

    let y2020 = policy.parameters(Region::Hunan, Date::new(2020, 5, 1).unwrap()).unwrap();
    assert_eq!(
        premium_subsidies(&y2020, &Family { tekun: 2, ..Family::default() }, None).unwrap().government_pays,
        d("500.00")
    );
}

/// The documented example's two stays: the second, entered alone with what the first paid and
/// left, gives the same 大病保险 as the two estimated together.
#[test]
fn a_case_may_give_the_years_critical_illness_base() {
    let mut second = example();
    second.date = Date::new(2018, 6, 1).unwrap();
    second.basic_paid_this_year = d("35600");
    second.critical_paid_this_year = d("1710");
    let e = run(&second);
    assert_eq!(e.line(Payer::CriticalIllnessInsurance).amount, d("1710.00"), "B taken as 0");
    assert_eq!(e.warnings, [Warning::EarlierStaysNotEntered]);

    second.critical_base_this_year = Some(d("9400"));
    let e = run(&second);
    assert_eq!(e.line(Payer::CriticalIllnessInsurance).amount, d("8460.00"));
    assert!(e.warnings.is_empty());
    let first = example();
    let year = estimate_year(
        &Policy::builtin(),
        &Stays { patient: Patient::of(&first), stays: vec![Stay::of(&first), Stay::of(&second)] },
    )
    .unwrap();
    assert_eq!(year.stays[1].lines, e.lines, "the same lines and sentences as the two together");
    // The earlier figures apply to the ordinary comparison too: its base is taken as 9,400
    // (its own would be 13,850), so (9,400 + 13,850 − 15,000) × 50% = 4,125.
    assert_eq!(e.ordinary.critical, d("4125.00"));
    assert_eq!(year.stays[1].ordinary.critical, d("6350.00"));

    // Given as 0, the base says there is nothing to warn about.
    second.critical_base_this_year = Some(Decimal::ZERO);
    assert!(run(&second).warnings.is_empty());
    second.critical_base_this_year = Some(d("-1"));
    let err = estimate_with_policy(&Policy::builtin(), &second).unwrap_err();
    assert_eq!(
        (err.field(), err.to_string().as_str()),
        ("critical_base_this_year", "今年此前住院政策范围内自付累计不能是负数")
    );
    let mut input = CaseInput::example();
    input.critical_base_this_year = Some("9400.5".into());
    assert_eq!(input.parse().unwrap().critical_base_this_year, Some(d("9400.5")));
    input.critical_base_this_year = Some(" ".into());
    assert_eq!(input.parse().unwrap().critical_base_this_year, None);
}

#[test]
fn a_patients_fields_and_a_stays_make_a_case() {
    let named: Vec<Field> = Field::PATIENT.iter().chain(Field::STAY).copied().collect();
    let rest: Vec<Field> = Field::CASE.iter().copied().filter(|f| !named.contains(f)).collect();
    assert_eq!(rest, [Field::BasicPaidThisYear, Field::CriticalPaidThisYear, Field::CriticalBaseThisYear]);
    assert_eq!(Field::from_name("stays"), Some(Field::Stays));
    let case = example();
    assert_eq!(Patient::of(&case).case(&Stay::of(&case)), case);
}

fn two_stays() -> StaysInput {
    let c = CaseInput::example();
    let mut later = StayInput::of(&c);
    later.date = Some("2018-06-01".into());
    StaysInput { patient: PatientInput::of(&c), stays: vec![StayInput::of(&c), later] }
}

#[test]
fn an_error_in_a_stay_names_the_stay() {
    let policy = Policy::builtin();
    let mut input = two_stays();
    input.stays[1].in_policy_cost = Some("60000".into());
    let e = input.parse().unwrap_err();
    assert_eq!((e.path().as_str(), e.stay(), e.field()), ("stays[1].in_policy_cost", Some(1), "in_policy_cost"));
    assert_eq!(e.to_string(), "政策范围内费用不能超过住院总费用");

    // The patient's fields are the patient's, whichever stay shows the fault.
    let mut input = two_stays();
    input.patient.age = Some("200".into());
    let e = input.parse().unwrap_err();
    assert_eq!((e.path().as_str(), e.stay()), ("age", None));
    assert_eq!(e.to_string(), "年龄要填 0 到 150 之间的整数（周岁）");

    // A fault found only when estimating names its stay too, the first in the order given
    // (not in date order).
    let mut input = two_stays();
    input.stays[0].date = Some("2018-09-01".into());
    input.stays[1].date = Some("2017-06-01".into());
    let stays = input.parse().unwrap();
    let e = estimate_year(&policy, &stays).unwrap_err();
    assert_eq!(e.path(), "stays[1].date");
    assert_eq!(e.to_string(), "君山区的政策从2017年6月30日起执行，这一天之前住院的费用不能按这项政策计算");
    let mut input = two_stays();
    input.patient.region = Some("hunan".into());
    input.stays[1].hospital = Some("county".into());
    let e = estimate_year(&policy, &input.parse().unwrap()).unwrap_err();
    assert_eq!(e.path(), "stays[0].hospital");

    // A typed stay out of range.
    let mut stays = two_stays().parse().unwrap();
    stays.stays[1].total_cost = d("-1");
    assert_eq!(estimate_year(&policy, &stays).unwrap_err().path(), "stays[1].total_cost");
    stays.patient.tehui_ratio = d("2");
    assert_eq!(estimate_year(&policy, &stays).unwrap_err().path(), "tehui_ratio");
}

#[test]
fn a_patient_has_one_to_a_thousand_stays() {
    let policy = Policy::builtin();
    let mut input = two_stays();
    input.stays.clear();
    let e = input.parse().unwrap_err();
    assert_eq!((e.path().as_str(), e.to_string().as_str()), ("stays", "请至少录入一次住院"));
    let e = estimate_year(&policy, &Stays { patient: Patient::of(&example()), stays: Vec::new() }).unwrap_err();
    assert_eq!(e.path(), "stays");

    let one = StayInput::of(&CaseInput::example());
    input.stays = vec![one; MAX_STAYS + 1];
    let e = input.parse().unwrap_err();
    assert_eq!((e.path().as_str(), e.to_string().as_str()), ("stays", "每位患者最多录入 1000 次住院"));
    input.stays.pop();
    let year = estimate_year(&policy, &input.parse().unwrap()).unwrap();
    assert_eq!(year.stays.len(), MAX_STAYS);
    // A thousand stays on one day: both caps are reached, nothing is ever negative.
    let y = &year.years[0];
    assert_eq!(
        (y.line(Payer::BasicInsurance), y.line(Payer::CriticalIllnessInsurance)),
        (d("150000.00"), d("200000.00"))
    );
    assert_eq!(y.covered() + y.patient_pays, y.total_cost);
}

#[test]
fn stays_are_settled_in_date_order_and_given_back_in_the_order_entered() {
    let policy = Policy::builtin();
    let mut input = two_stays();
    input.stays.swap(0, 1);
    let year = estimate_year(&policy, &input.parse().unwrap()).unwrap();
    let critical: Vec<Decimal> = year.stays.iter().map(|e| e.line(Payer::CriticalIllnessInsurance).amount).collect();
    assert_eq!(critical, [d("8460.00"), d("1710.00")], "the June stay, entered first, comes after March's");
    assert!(year.stays[0]
        .line(Payer::CriticalIllnessInsurance)
        .rule
        .contains("今年此前住院政策范围内自付已累计 9,400.00 元"));

    // The next year starts again.
    input.stays[0].date = Some("2019-01-02".into());
    let year = estimate_year(&policy, &input.parse().unwrap()).unwrap();
    let critical: Vec<Decimal> = year.stays.iter().map(|e| e.line(Payer::CriticalIllnessInsurance).amount).collect();
    assert_eq!(critical, [d("1710.00"), d("1710.00")]);
    assert_eq!(year.years.iter().map(|y| y.year).collect::<Vec<_>>(), [2018, 2019]);
}
