//! The resolved parameter set: by region and day, editable with checks, every message tested.

use policy::{Date, ParamId, Policy, Region, Unit};
use rust_decimal::Decimal;

fn d(y: u16, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

#[test]
fn days_before_a_layer_starts_are_refused() {
    let p = Policy::builtin();
    let e = p.parameters(Region::Hunan, d(2017, 6, 29)).unwrap_err();
    assert!(e.is_before_start());
    assert_eq!(e.start(), Some(d(2017, 6, 30)));
    assert_eq!(e.to_string(), "湖南省的政策从2017年6月30日起执行，这一天之前住院的费用不能按这项政策计算");
    assert!(p.parameters(Region::Hunan, d(2017, 6, 30)).is_ok());
    assert!(p.parameters(Region::Junshan, d(2017, 9, 10)).is_err());
    assert!(p.parameters(Region::Junshan, d(2017, 9, 11)).is_ok());
}

#[test]
fn a_missing_layer_is_an_error() {
    let p = Policy::from_json_strs(&[policy::data::HUNAN], policy::data::DISEASES, policy::data::HOSPITALS).unwrap();
    let e = p.parameters(Region::Junshan, d(2018, 1, 1)).unwrap_err();
    assert_eq!(e.to_string(), "没有君山区的政策数据");
}

#[test]
fn entries_list_every_parameter_with_label_source_and_confidence() {
    let p = Policy::builtin();
    let params = p.parameters(Region::Junshan, d(2018, 3, 1)).unwrap();
    let entries: Vec<_> = params.entries().collect();
    assert_eq!(entries.len(), ParamId::COUNT);
    for e in &entries {
        assert!(!e.label.is_empty());
        assert!(!e.source.to_string().is_empty());
        assert_eq!(e.value, e.default);
        assert!(!e.overridden);
        assert_eq!(e.unit, e.id.unit());
    }
    let hunan = p.parameters(Region::Hunan, d(2018, 3, 1)).unwrap();
    assert_eq!(hunan.entries().count(), ParamId::COUNT - 1);
}

#[test]
fn set_checks_the_range_and_reset_restores() {
    let p = Policy::builtin();
    let mut params = p.parameters(Region::Junshan, d(2018, 3, 1)).unwrap();
    params.set(ParamId::CriticalDeductible, dec("16000")).unwrap();
    assert!(params.is_overridden());
    let e = params.entry(ParamId::CriticalDeductible).unwrap();
    assert!(e.overridden);
    assert_eq!(e.default, dec("15000"));
    params.reset(ParamId::CriticalDeductible);
    assert_eq!(params.value(ParamId::CriticalDeductible), dec("15000"));
    params.set(ParamId::ReductionRate, dec("0.6")).unwrap();
    params.reset_all();
    assert!(!params.is_overridden());

    let cases: &[(ParamId, &str, &str)] = &[
        (ParamId::ReductionRate, "1.01", "定点医院减免比例（九种大病）比例不能大于 1（即 100%）"),
        (ParamId::ReductionRate, "-0.1", "定点医院减免比例（九种大病）不能是负数"),
        (ParamId::ReductionRate, "0.12345", "定点医院减免比例（九种大病）最多只能有 4 位小数"),
        (ParamId::BasicAnnualCap, "100000000.01", "基本医保年度封顶线金额不能超过 100,000,000 元"),
        (ParamId::BasicAnnualCap, "1.001", "基本医保年度封顶线最多只能有 2 位小数"),
        (
            ParamId::CriticalTier2Upper,
            "20000",
            "大病保险第二段上限（超过起付线的金额）设置后，大病保险各段的上限必须从小到大排列",
        ),
    ];
    for (id, v, msg) in cases {
        let e = params.set(*id, dec(v)).unwrap_err();
        assert_eq!(e.to_string(), *msg);
        assert_eq!(e.parameter(), Some(*id));
    }
    assert!(!params.is_overridden(), "a refused value changes nothing");
    params.set(ParamId::BasicAnnualCap, dec("100000000")).unwrap();
    params.set(ParamId::ReductionRate, Decimal::ONE).unwrap();
    params.set(ParamId::ReductionRate, Decimal::ZERO).unwrap();
}

#[test]
fn the_province_layer_has_no_district_fund_to_set() {
    let mut h = Policy::builtin().parameters(Region::Hunan, d(2018, 3, 1)).unwrap();
    let e = h.set(ParamId::DistrictFundRate, dec("0.5")).unwrap_err();
    assert_eq!(e.to_string(), "湖南省的政策没有参数 district_fund.rate");
}

#[test]
fn units_are_what_the_calculation_expects() {
    assert_eq!(ParamId::BasicAnnualCap.unit(), Unit::Yuan);
    assert_eq!(ParamId::BasicPoorUplift.unit(), Unit::Ratio);
    for id in ParamId::ALL {
        assert_eq!(ParamId::from_id(id.id()), Some(*id));
    }
}
