//! The `estimate` tool on a patient's stays: a case with `stays` gives each stay's estimate and
//! each year's totals; a wrong field names its stay (`stays[2].total_cost`); a field in the
//! wrong place is refused with a message that says where it goes.

mod common;

use common::{run_tool as run, worked};
use serde_json::{json, Value};

fn example() -> Value {
    json!({"date":"2018-03-01","category":"dibao","disease":"gastric_cancer","age":56,
           "hospital":"junshan_people","total_cost":"50000","in_policy_cost":"45000"})
}

fn stay(date: &str) -> Value {
    json!({"date": date, "hospital": "junshan_people", "total_cost": "50000", "in_policy_cost": "45000"})
}

/// The documented example: a 低保 gastric-cancer patient with two stays of 50,000 in 2018.
fn patient() -> Value {
    json!({"category": "dibao", "disease": "gastric_cancer", "age": 56,
           "stays": [stay("2018-03-01"), stay("2018-06-01")]})
}

fn ok(input: &Value) -> Value {
    let out = run(input.to_string().as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty());
    serde_json::from_slice(&out.stdout).expect("stdout is JSON")
}

/// A single case refused: exit 2, nothing on stdout, this one line on stderr.
fn refused(input: &Value, line: &str) {
    let out = run(input.to_string().as_bytes());
    assert_eq!(out.status.code(), Some(2), "{input}");
    assert!(out.stdout.is_empty(), "{input}");
    assert_eq!(String::from_utf8_lossy(&out.stderr), format!("{line}\n"), "{input}");
}

/// The same case in an array: its element.
fn element(input: &Value) -> Value {
    let out = run(json!([input]).to_string().as_bytes());
    assert_eq!(out.status.code(), Some(2), "{input}");
    let v: Vec<Value> = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    v.into_iter().next().expect("one element")
}

#[test]
fn a_patients_stays_give_each_stay_and_the_year() {
    let v = ok(&patient());
    let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
    assert_eq!(keys, ["stays", "years"]);
    let stays = v["stays"].as_array().unwrap();
    assert_eq!(stays.len(), 2);
    // The first stay is exactly the case alone, with its date first.
    let mut first = stays[0].clone();
    assert_eq!(first.as_object().unwrap().keys().next().map(String::as_str), Some("date"));
    assert_eq!(first.as_object_mut().unwrap().remove("date"), Some(json!("2018-03-01")));
    assert_eq!(first, ok(&example()));
    // The second meets no deductible: all of its 9,400 is paid at 90%.
    assert_eq!(stays[1]["date"], "2018-06-01");
    let amounts: Vec<&str> =
        stays[1]["lines"].as_array().unwrap().iter().map(|l| l["amount"].as_str().unwrap()).collect();
    assert_eq!(amounts, ["35600.00", "8460.00", "0.00", "658.00", "2641.00", "98.70"]);
    let rule = stays[1]["lines"][1]["rule"].as_str().unwrap();
    assert!(rule.contains("今年此前住院政策范围内自付已累计 9,400.00 元"), "{rule}");
    assert!(rule.contains("已用去 7,500.00 元、已经用完"), "{rule}");
    assert_eq!(stays[1]["patient_pays"], "2542.30");
    assert_eq!(stays[1]["ordinary_patient_pays"], "12500.00");
    assert_eq!(stays[1]["savings"], "9957.70");
    assert_eq!(
        v["years"],
        json!([{
            "year": 2018,
            "total_cost": "100000.00",
            "lines": [
                {"payer": "basic_insurance", "amount": "71200.00"},
                {"payer": "critical_illness_insurance", "amount": "10170.00"},
                {"payer": "tehui_insurance", "amount": "0.00"},
                {"payer": "medical_assistance", "amount": "6041.00"},
                {"payer": "hospital_reduction", "amount": "6294.50"},
                {"payer": "district_fund", "amount": "906.15"}
            ],
            "patient_pays": "5388.35",
            "ordinary_patient_pays": "31350.00",
            "savings": "25961.65"
        }])
    );
}

#[test]
fn stays_come_out_in_the_order_given_and_each_year_apart() {
    let mut p = patient();
    p["stays"] = json!([stay("2019-02-01"), stay("2018-06-01"), stay("2018-03-01")]);
    let v = ok(&p);
    let dates: Vec<&str> = v["stays"].as_array().unwrap().iter().map(|s| s["date"].as_str().unwrap()).collect();
    assert_eq!(dates, ["2019-02-01", "2018-06-01", "2018-03-01"]);
    let critical: Vec<&str> =
        v["stays"].as_array().unwrap().iter().map(|s| s["lines"][1]["amount"].as_str().unwrap()).collect();
    assert_eq!(critical, ["1710.00", "8460.00", "1710.00"], "2019 starts again");
    let years: Vec<(i64, &str)> = v["years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| (y["year"].as_i64().unwrap(), y["patient_pays"].as_str().unwrap()))
        .collect();
    assert_eq!(years, [(2018, "5388.35"), (2019, worked().patient_pays.as_str())]);
    // The patient's fields as the tool takes them for a case: numbers or strings, defaults.
    p["age"] = json!("56");
    p["region"] = json!("junshan");
    p["tehui_ratio"] = json!(0);
    p["registered"] = json!(false);
    p["stays"][0]["referred"] = json!(false);
    assert_eq!(ok(&p), v);
}

#[test]
fn an_array_mixes_cases_and_patients() {
    let mut bad = patient();
    bad["stays"][1]["total_cost"] = json!("-5");
    let out = run(json!([example(), patient(), bad, example()]).to_string().as_bytes());
    assert_eq!(out.status.code(), Some(2));
    let v: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.len(), 4);
    assert_eq!(v[0]["patient_pays"], worked().patient_pays);
    assert_eq!(v[1]["years"][0]["patient_pays"], "5388.35");
    assert_eq!(v[2], json!({"error": "住院总费用不能是负数", "field": "stays[1].total_cost"}));
    assert_eq!(v[3]["patient_pays"], worked().patient_pays);
}

#[test]
fn an_error_in_a_stay_names_it() {
    let table: &[(&str, Value, &str)] = &[
        ("total_cost", json!("-5"), "住院总费用不能是负数"),
        ("total_cost", json!("1e5"), "住院总费用请直接写数字，不要用 1e5 这样的科学计数法"),
        ("in_policy_cost", json!("60000"), "政策范围内费用不能超过住院总费用"),
        ("date", json!("2018-02-30"), "住院日期这一天不存在，请检查月份和日子"),
        ("date", json!("2017-06-01"), "君山区的政策从2017年6月30日起执行，这一天之前住院的费用不能按这项政策计算"),
        ("date", Value::Null, "请填写住院日期"),
        ("hospital", json!("clinic"), "医院只能是 junshan_people（君山区人民医院）、yueyang_first_people（岳阳市一人民医院），或按级别选 township、county、city、province"),
        ("in_county", json!(true), "选了具体医院时不用填写“医院是否在本县（区）内”，只有按级别选择医院时才需要"),
        ("referred", json!("yes"), "“是否办理了转诊”只能填 true（是）或 false（否）"),
    ];
    for (field, value, message) in table {
        let mut p = patient();
        p["stays"].as_array_mut().unwrap().push(stay("2018-09-01"));
        p["stays"][2][*field] = value.clone();
        let path = format!("stays[2].{field}");
        refused(&p, &format!("输入有误（{path}）：{message}"));
        assert_eq!(element(&p), json!({"error": message, "field": path}));
    }
    // A stay's required field left out.
    let mut p = patient();
    p["stays"][0].as_object_mut().unwrap().remove("in_policy_cost");
    refused(&p, "输入有误（stays[0].in_policy_cost）：请填写政策范围内费用");
    // A patient's field is the patient's.
    let mut p = patient();
    p["age"] = json!(151);
    refused(&p, "输入有误（age）：年龄要填 0 到 150 之间的整数（周岁）");
    assert_eq!(element(&p)["field"], "age");
    let mut p = patient();
    p.as_object_mut().unwrap().remove("category");
    refused(&p, "输入有误（category）：请填写人员类别");
    // A Junshan hospital in the province layer: the stay's hospital.
    let mut p = patient();
    p["region"] = json!("hunan");
    p["stays"][0]["hospital"] = json!("county");
    refused(&p, "输入有误（stays[1].hospital）：君山区人民医院是君山区的定点医院，按湖南省的政策计算时不能选它，可以按医院级别选择");
}

#[test]
fn a_field_in_the_wrong_place_is_refused_saying_where_it_goes() {
    // A stay's field among the patient's.
    let mut p = patient();
    p["total_cost"] = json!("50000");
    refused(&p, "输入有误：“total_cost”（住院总费用）是每一次住院的字段，请写在 stays 的每一次住院里");
    assert_eq!(
        element(&p),
        json!({"error": "“total_cost”（住院总费用）是每一次住院的字段，请写在 stays 的每一次住院里", "field": "total_cost"})
    );
    // The patient's field in a stay.
    let mut p = patient();
    p["stays"][1]["category"] = json!("dibao");
    refused(&p, "输入有误（stays[1]）：“category”（人员类别）是患者的字段，各次住院都一样，请写在 stays 外面");
    assert_eq!(element(&p)["field"], "stays[1].category");
    // What earlier stays paid, which the stays give themselves.
    for field in ["basic_paid_this_year", "critical_paid_this_year", "critical_base_this_year"] {
        let mut p = patient();
        p[field] = json!("1000");
        let out = run(p.to_string().as_bytes());
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.starts_with(&format!("输入有误：录入了各次住院（stays）时不用填写“{field}”（")), "{stderr}");
        let mut p = patient();
        p["stays"][0][field] = json!("1000");
        assert_eq!(element(&p)["field"], format!("stays[0].{field}"));
    }
    // Unknown and repeated keys, in a stay and outside.
    let mut p = patient();
    p["stays"][1]["colour"] = json!("red");
    refused(&p, "输入有误（stays[1]）：不认识的字段“colour”");
    assert_eq!(element(&p), json!({"error": "不认识的字段“colour”", "field": "stays[1].colour"}));
    let mut p = patient();
    p["colour"] = json!("red");
    refused(&p, "输入有误：不认识的字段“colour”");
    let text = r#"{"category":"dibao","disease":"gastric_cancer","age":56,"stays":[{"date":"2018-03-01","date":"2018-03-02"}]}"#;
    let out = run(text.as_bytes());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "输入有误（stays[0]）：字段“date”出现了两次\n");
    let text = r#"{"category":"dibao","stays":[],"stays":[]}"#;
    let out = run(text.as_bytes());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "输入有误：字段“stays”出现了两次\n");
}

#[test]
fn stays_must_be_an_array_of_one_to_a_thousand_objects() {
    let mut p = patient();
    for wrong in [json!({}), json!("2018-03-01"), Value::Null, json!(3)] {
        p["stays"] = wrong;
        refused(&p, "输入有误（stays）：stays 应为由各次住院组成的数组，用 [ ] 括起来");
    }
    p["stays"] = json!([stay("2018-03-01"), 5]);
    refused(&p, "输入有误（stays[1]）：每一次住院应为一个 JSON 对象，用 { } 括起来");
    assert_eq!(element(&p), json!({"error": "每一次住院应为一个 JSON 对象，用 { } 括起来", "field": "stays[1]"}));
    p["stays"] = json!([]);
    refused(&p, "输入有误（stays）：请至少录入一次住院");
    p["stays"] = Value::Array(vec![stay("2018-03-01"); 1001]);
    refused(&p, "输入有误（stays）：每位患者最多录入 1000 次住院");
    p["stays"] = Value::Array(vec![json!(0); 1_000_000]);
    refused(&p, "输入有误（stays）：每位患者最多录入 1000 次住院");
    p["stays"] = Value::Array(vec![stay("2018-03-01"); 1000]);
    let v = ok(&p);
    assert_eq!(v["stays"].as_array().unwrap().len(), 1000);
    assert_eq!(v["years"][0]["lines"][0]["amount"], "150000.00", "the cap, reached on the fifth stay");
}

#[test]
fn a_case_may_give_the_years_critical_illness_base() {
    let mut c = example();
    c["date"] = json!("2018-06-01");
    c["basic_paid_this_year"] = json!("35600");
    c["critical_paid_this_year"] = json!("1710");
    let v = ok(&c);
    assert_eq!(v["lines"][1]["amount"], "1710.00");
    assert_eq!(
        v["warnings"],
        json!(["填写了今年已报销的金额，但没有录入今年此前的各次住院：这里只用这些金额扣减年度封顶线，大病保险仍按今年第一次住院计算起付线。大病保险的起付线一年只算一次，可能在此前的住院中已经达到，这次的大病保险可能更多；可以把今年每次住院都录入，一起计算。"])
    );
    c["critical_base_this_year"] = json!("9400");
    let v = ok(&c);
    assert_eq!(v["lines"][1]["amount"], "8460.00");
    assert_eq!(v["warnings"], json!([]));
    assert_eq!(v["lines"][1], ok(&patient())["stays"][1]["lines"][1]);
    c["critical_base_this_year"] = json!("-1");
    refused(&c, "输入有误（critical_base_this_year）：今年此前住院政策范围内自付累计不能是负数");
}
