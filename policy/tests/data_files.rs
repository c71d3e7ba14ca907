//! The data files: the built-in ones load, and every kind of mistake in a file is refused.

use policy::{data, Confidence, Date, LoadErrorKind, ParamId, Policy, Region, Source};
use serde_json::{json, Value};

fn hunan() -> Value {
    serde_json::from_str(data::HUNAN).unwrap()
}
fn junshan() -> Value {
    serde_json::from_str(data::JUNSHAN).unwrap()
}
fn diseases() -> Value {
    serde_json::from_str(data::DISEASES).unwrap()
}
fn hospitals() -> Value {
    serde_json::from_str(data::HOSPITALS).unwrap()
}

fn load(layers: &[Value], diseases: &Value, hospitals: &Value) -> Result<Policy, policy::LoadError> {
    let texts: Vec<String> = layers.iter().map(Value::to_string).collect();
    let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
    Policy::from_json_strs(&refs, &diseases.to_string(), &hospitals.to_string())
}

/// Loads the built-in files with the province layer changed by `edit`.
fn with_hunan(edit: impl FnOnce(&mut Value)) -> policy::LoadError {
    let mut h = hunan();
    edit(&mut h);
    load(&[h, junshan()], &diseases(), &hospitals()).unwrap_err()
}

fn param<'a>(layer: &'a mut Value, id: &str) -> &'a mut Value {
    layer["parameters"].as_array_mut().unwrap().iter_mut().find(|p| p["id"] == id).unwrap()
}

#[test]
fn builtin_data_loads() {
    let p = load(&[hunan(), junshan()], &diseases(), &hospitals()).unwrap();
    assert_eq!(p.layers().len(), 2);
    assert_eq!(p.diseases().len(), 10);
    assert_eq!(p.hospitals().len(), 2);
    let _ = Policy::builtin();
}

#[test]
fn every_parameter_has_a_source_matching_its_confidence() {
    let p = Policy::builtin();
    for layer in p.layers() {
        for def in layer.definitions() {
            match (&def.source, def.confidence) {
                (Source::Document { .. }, Confidence::Doc) => {}
                (Source::Public { text, .. }, c) if c != Confidence::Doc => assert!(!text.is_empty()),
                (s, c) => panic!("{}: source {s} with confidence {c:?}", def.id),
            }
            assert!(!def.label.is_empty());
            assert!(def.values.windows(2).all(|w| w[0].from < w[1].from));
        }
    }
}

#[test]
fn both_layers_have_every_required_parameter_on_their_first_day() {
    let p = Policy::builtin();
    for layer in p.layers() {
        let params = p.parameters(layer.region, layer.start).unwrap();
        for &id in ParamId::ALL {
            if id.required() {
                assert!(params.get(id).is_some(), "{} lacks {}", layer.region.id(), id);
            }
        }
    }
    let h = p.parameters(Region::Hunan, Date::new(2018, 1, 1).unwrap()).unwrap();
    assert_eq!(h.get(ParamId::DistrictFundRate), None, "I5: no district fund in the province layer");
}

#[test]
fn junshan_inherits_the_province_and_adds_the_district_fund() {
    let p = Policy::builtin();
    let j = p.layer(Region::Junshan).unwrap();
    assert_eq!(j.inherits, Some(Region::Hunan));
    assert_eq!(j.parameter(ParamId::BasicRateCounty).unwrap().defined_in, Region::Hunan);
    assert_eq!(j.parameter(ParamId::DistrictFundRate).unwrap().defined_in, Region::Junshan);
    assert_eq!(j.start, Date::new(2017, 9, 11).unwrap());
    assert_eq!(p.layer(Region::Hunan).unwrap().start, Date::new(2017, 6, 30).unwrap());
    for l in p.layers() {
        assert_eq!(l.end, Date::new(2020, 12, 31).unwrap());
    }
}

#[test]
fn the_contribution_follows_the_year() {
    let p = Policy::builtin();
    for (y, v, c) in [
        (2017, "150", Confidence::H),
        (2018, "180", Confidence::A),
        (2019, "220", Confidence::A),
        (2020, "250", Confidence::M),
        (2023, "250", Confidence::M),
    ] {
        let params = p.parameters(Region::Hunan, Date::new(y, 7, 1).unwrap()).unwrap();
        let e = params.entry(ParamId::PremiumContribution).unwrap();
        assert_eq!(e.value.to_string(), v, "{y}");
        assert_eq!(e.confidence, c, "{y}");
    }
}

#[test]
fn a_later_value_is_a_data_change() {
    let mut h = hunan();
    param(&mut h, "basic.annual_cap")["values"]
        .as_array_mut()
        .unwrap()
        .push(json!({"from": "2019-01-01", "value": "200000", "confidence": "A", "source": {"public": "测试"}}));
    let p = load(&[h, junshan()], &diseases(), &hospitals()).unwrap();
    let before = p.parameters(Region::Junshan, Date::new(2018, 12, 31).unwrap()).unwrap();
    let after = p.parameters(Region::Junshan, Date::new(2019, 1, 1).unwrap()).unwrap();
    assert_eq!(before.value(ParamId::BasicAnnualCap).to_string(), "150000");
    assert_eq!(after.value(ParamId::BasicAnnualCap).to_string(), "200000");
    assert_eq!(after.entry(ParamId::BasicAnnualCap).unwrap().confidence, Confidence::A);
}

#[test]
fn another_county_layer_can_override_a_value() {
    let mut j = junshan();
    j["parameters"].as_array_mut().unwrap().push(json!({
        "id": "premium.subsidy.poor", "label": "贫困人口个人缴费财政补贴比例", "unit": "ratio",
        "confidence": "A", "source": {"public": "测试：某县补贴更高"},
        "values": [{"from": "2017-09-11", "value": "0.80"}]
    }));
    let p = load(&[hunan(), j], &diseases(), &hospitals()).unwrap();
    let params = p.parameters(Region::Junshan, Date::new(2018, 1, 1).unwrap()).unwrap();
    assert_eq!(params.value(ParamId::PremiumSubsidyPoor).to_string(), "0.80");
    let h = p.parameters(Region::Hunan, Date::new(2018, 1, 1).unwrap()).unwrap();
    assert_eq!(h.value(ParamId::PremiumSubsidyPoor).to_string(), "0.50");
}

#[test]
fn unknown_keys_are_refused_at_every_level() {
    let e = with_hunan(|h| h["colour"] = json!("red"));
    assert_eq!(e.kind(), LoadErrorKind::Json);
    assert!(e.to_string().contains("colour"), "{e}");

    let e = with_hunan(|h| param(h, "reduction.rate")["comment"] = json!("x"));
    assert_eq!(e.kind(), LoadErrorKind::Json);
    assert!(e.to_string().contains("comment"), "{e}");

    let e = with_hunan(|h| param(h, "reduction.rate")["values"][0]["until"] = json!("2020-12-31"));
    assert_eq!(e.kind(), LoadErrorKind::Json);
    assert!(e.to_string().contains("until"), "{e}");

    let e = with_hunan(|h| param(h, "reduction.rate")["source"]["page"] = json!(3));
    assert_eq!(e.kind(), LoadErrorKind::Json);
    assert!(e.to_string().contains("page"), "{e}");

    let mut d = diseases();
    d[0]["icd10"] = json!("C15");
    let e = load(&[hunan(), junshan()], &d, &hospitals()).unwrap_err();
    assert_eq!(e.kind(), LoadErrorKind::Json);
    assert!(e.to_string().contains("icd10"), "{e}");

    let mut hs = hospitals();
    hs[0]["beds"] = json!(300);
    let e = load(&[hunan(), junshan()], &diseases(), &hs).unwrap_err();
    assert_eq!(e.kind(), LoadErrorKind::Json);
}

#[test]
fn missing_sources_are_refused() {
    let e = with_hunan(|h| {
        param(h, "basic.poor_uplift").as_object_mut().unwrap().remove("source");
    });
    assert_eq!(e.kind(), LoadErrorKind::MissingSource);
    assert_eq!(e.item(), Some("basic.poor_uplift"));
    assert_eq!(e.to_string(), "政策数据 hunan（basic.poor_uplift）有误：缺少出处（source）");

    let e = with_hunan(|h| param(h, "basic.poor_uplift")["source"] = json!({"document": "hunan"}));
    assert_eq!(e.kind(), LoadErrorKind::MissingSource);
    assert!(e.to_string().contains("条款"));

    let e = with_hunan(|h| param(h, "basic.annual_cap")["source"] = json!({"public": "  "}));
    assert_eq!(e.kind(), LoadErrorKind::MissingSource);

    let e = with_hunan(|h| param(h, "basic.annual_cap")["source"] = json!({}));
    assert_eq!(e.kind(), LoadErrorKind::MissingSource);

    let e = with_hunan(|h| {
        param(h, "basic.annual_cap")["source"] = json!({"public": "x", "document": "hunan", "clause": "三"})
    });
    assert_eq!(e.kind(), LoadErrorKind::MissingSource);

    let mut d = diseases();
    d[2].as_object_mut().unwrap().remove("source");
    assert_eq!(load(&[hunan(), junshan()], &d, &hospitals()).unwrap_err().kind(), LoadErrorKind::MissingSource);
}

#[test]
fn dates_out_of_order_are_refused() {
    let e = with_hunan(|h| {
        param(h, "premium.contribution")["values"][1]["from"] = json!("2016-01-01");
    });
    assert_eq!(e.kind(), LoadErrorKind::DatesOutOfOrder);
    assert_eq!(e.item(), Some("premium.contribution"));

    let e = with_hunan(|h| {
        param(h, "premium.contribution")["values"][1]["from"] = json!("2017-01-01");
    });
    assert_eq!(e.kind(), LoadErrorKind::DatesOutOfOrder, "two values on the same day");

    let e = with_hunan(|h| h["end"] = json!("2017-01-01"));
    assert_eq!(e.kind(), LoadErrorKind::DatesOutOfOrder);
    assert_eq!(e.to_string(), "政策数据 hunan有误：结束日期必须晚于开始日期");

    let mut j = junshan();
    j["start"] = json!("2017-01-01");
    let e = load(&[hunan(), j], &diseases(), &hospitals()).unwrap_err();
    assert_eq!(e.kind(), LoadErrorKind::DatesOutOfOrder);
}

#[test]
fn impossible_dates_are_refused() {
    let e = with_hunan(|h| param(h, "reduction.rate")["values"][0]["from"] = json!("2017-02-30"));
    assert_eq!(e.kind(), LoadErrorKind::BadDate);
    let e = with_hunan(|h| h["start"] = json!("30/06/2017"));
    assert_eq!(e.kind(), LoadErrorKind::BadDate);
}

#[test]
fn unknown_and_duplicate_parameters_are_refused() {
    let e = with_hunan(|h| param(h, "reduction.rate")["id"] = json!("reduction.ratio"));
    assert_eq!(e.kind(), LoadErrorKind::UnknownParameter);
    assert_eq!(e.item(), Some("reduction.ratio"));

    let e = with_hunan(|h| {
        let copy = param(h, "reduction.rate").clone();
        h["parameters"].as_array_mut().unwrap().push(copy);
    });
    assert_eq!(e.kind(), LoadErrorKind::DuplicateParameter);
}

#[test]
fn wrong_units_and_values_are_refused() {
    let e = with_hunan(|h| param(h, "reduction.rate")["unit"] = json!("yuan"));
    assert_eq!(e.kind(), LoadErrorKind::WrongUnit);

    let e = with_hunan(|h| param(h, "reduction.rate")["values"][0]["value"] = json!("1.5"));
    assert_eq!(e.kind(), LoadErrorKind::BadValue);
    assert!(e.to_string().contains("比例不能大于 1"), "{e}");

    let e = with_hunan(|h| param(h, "basic.annual_cap")["values"][0]["value"] = json!("-1"));
    assert_eq!(e.kind(), LoadErrorKind::BadValue);
    assert!(e.to_string().contains("不能是负数"), "{e}");

    let e = with_hunan(|h| param(h, "basic.annual_cap")["values"][0]["value"] = json!("150000.001"));
    assert_eq!(e.kind(), LoadErrorKind::BadValue);

    let e = with_hunan(|h| param(h, "basic.annual_cap")["values"][0]["value"] = json!("1e5"));
    assert_eq!(e.kind(), LoadErrorKind::BadValue);

    let e = with_hunan(|h| param(h, "basic.annual_cap")["values"][0]["value"] = json!(150000));
    assert_eq!(e.kind(), LoadErrorKind::Json, "money must be written as a string");

    let e = with_hunan(|h| param(h, "basic.annual_cap")["values"] = json!([]));
    assert_eq!(e.kind(), LoadErrorKind::NoValues);

    let e = with_hunan(|h| param(h, "basic.annual_cap")["confidence"] = json!("maybe"));
    assert_eq!(e.kind(), LoadErrorKind::Json);
}

#[test]
fn missing_parameters_are_refused() {
    let e = with_hunan(|h| {
        h["parameters"].as_array_mut().unwrap().retain(|p| p["id"] != "basic.annual_cap");
    });
    assert_eq!(e.kind(), LoadErrorKind::MissingParameter);
    assert_eq!(e.item(), Some("basic.annual_cap"));

    let e = with_hunan(|h| param(h, "reduction.rate")["values"][0]["from"] = json!("2017-07-01"));
    assert_eq!(e.kind(), LoadErrorKind::MissingParameter, "no value on the layer's first day");
}

#[test]
fn layers_must_come_after_their_parent() {
    let e = load(&[junshan(), hunan()], &diseases(), &hospitals()).unwrap_err();
    assert_eq!(e.kind(), LoadErrorKind::BadLayer);
    let e = load(&[hunan(), hunan()], &diseases(), &hospitals()).unwrap_err();
    assert_eq!(e.kind(), LoadErrorKind::BadLayer);
    let mut j = junshan();
    j["region"] = json!("changsha");
    assert_eq!(load(&[hunan(), j], &diseases(), &hospitals()).unwrap_err().kind(), LoadErrorKind::Json);
}

#[test]
fn tier_limits_must_rise() {
    let e = with_hunan(|h| param(h, "critical.tier2.upper")["values"][0]["value"] = json!("20000"));
    assert_eq!(e.kind(), LoadErrorKind::TierOrder);
    let e = with_hunan(|h| {
        param(h, "critical.tier3.upper")["values"]
            .as_array_mut()
            .unwrap()
            .push(json!({"from": "2019-01-01", "value": "50000"}))
    });
    assert_eq!(e.kind(), LoadErrorKind::TierOrder);
}

#[test]
fn the_disease_list_must_be_complete_and_consistent() {
    let mut d = diseases();
    d.as_array_mut().unwrap().remove(4);
    let e = load(&[hunan(), junshan()], &d, &hospitals()).unwrap_err();
    assert_eq!(e.kind(), LoadErrorKind::Diseases);
    assert_eq!(e.item(), Some("esrd"));

    let mut d = diseases();
    let copy = d[0].clone();
    d.as_array_mut().unwrap().push(copy);
    assert_eq!(load(&[hunan(), junshan()], &d, &hospitals()).unwrap_err().kind(), LoadErrorKind::Diseases);

    let mut d = diseases();
    d[5]["max_age"] = json!(null);
    assert_eq!(load(&[hunan(), junshan()], &d, &hospitals()).unwrap_err().kind(), LoadErrorKind::Diseases);

    let mut d = diseases();
    d[0]["group"] = json!("other");
    assert_eq!(load(&[hunan(), junshan()], &d, &hospitals()).unwrap_err().kind(), LoadErrorKind::Diseases);

    let mut d = diseases();
    d[0]["id"] = json!("lung_cancer");
    assert_eq!(load(&[hunan(), junshan()], &d, &hospitals()).unwrap_err().kind(), LoadErrorKind::Json);
}

#[test]
fn the_hospital_list_must_be_complete_and_consistent() {
    let mut hs = hospitals();
    hs.as_array_mut().unwrap().remove(1);
    let e = load(&[hunan(), junshan()], &diseases(), &hs).unwrap_err();
    assert_eq!(e.kind(), LoadErrorKind::Hospitals);
    assert_eq!(e.item(), Some("yueyang_first_people"));

    let mut hs = hospitals();
    hs[0]["designated_for"] = json!(["other"]);
    assert_eq!(load(&[hunan(), junshan()], &diseases(), &hs).unwrap_err().kind(), LoadErrorKind::Hospitals);

    let mut hs = hospitals();
    hs[0]["level"] = json!("village");
    assert_eq!(load(&[hunan(), junshan()], &diseases(), &hs).unwrap_err().kind(), LoadErrorKind::Json);
}

#[test]
fn not_json_is_refused() {
    let e = Policy::from_json_strs(&["{"], data::DISEASES, data::HOSPITALS).unwrap_err();
    assert_eq!(e.kind(), LoadErrorKind::Json);
    assert!(e.to_string().starts_with("政策数据 第1个地区文件有误："), "{e}");
}
