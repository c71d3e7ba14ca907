//! The `estimate` tool as county staff and scripts use it: JSON in, JSON out, exit status 2 and
//! a one-line message naming the field for anything wrong — never a panic.

mod common;

use common::{run_tool as run, worked};
use serde_json::{json, Value};
use std::process::Output;
use std::time::{Duration, Instant};

fn example() -> Value {
    json!({"date":"2018-03-01","category":"dibao","disease":"gastric_cancer","age":56,
           "hospital":"junshan_people","total_cost":"50000","in_policy_cost":"45000"})
}

#[test]
fn the_readme_example() {
    let out = run(example().to_string().as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stderr.is_empty());
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let amounts: Vec<&str> = v["lines"].as_array().unwrap().iter().map(|l| l["amount"].as_str().unwrap()).collect();
    assert_eq!(amounts, ["35600.00", "1710.00", "0.00", "5383.00", "3653.50", "807.45"]);
    let payers: Vec<&str> = v["lines"].as_array().unwrap().iter().map(|l| l["payer"].as_str().unwrap()).collect();
    assert_eq!(
        payers,
        [
            "basic_insurance",
            "critical_illness_insurance",
            "tehui_insurance",
            "medical_assistance",
            "hospital_reduction",
            "district_fund"
        ]
    );
    assert_eq!(v["patient_pays"], worked().patient_pays);
    assert_eq!(v["ordinary_patient_pays"], worked().ordinary_patient_pays);
    assert_eq!(v["savings"], worked().savings);
    assert_eq!(v["warnings"], json!([]));
    let basic = &v["lines"][0];
    assert_eq!(basic["base"], "45000.00");
    assert_eq!(basic["citation"], "湘卫财务发〔2017〕2号 三（二）“三提高”");
    assert!(basic["rule"].as_str().unwrap().contains("（45,000.00 − 500.00）× 80% = 35,600.00"));
    assert!(basic.get("reason").is_none());
    assert_eq!(v["lines"][2]["reason"], "未填写扶贫特惠保赔付比例");
    assert_eq!(v["doudi"]["amount"], "346.05");
}

#[test]
fn numbers_and_strings_are_both_accepted() {
    let mut c = example();
    c["total_cost"] = json!(50000);
    c["in_policy_cost"] = json!(45000.0);
    c["age"] = json!("56");
    c["tehui_ratio"] = json!(0);
    c["referred"] = json!(false);
    c["region"] = json!("junshan");
    let out = run(c.to_string().as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["patient_pays"], worked().patient_pays);
}

#[test]
fn an_array_gives_an_array_with_errors_in_place() {
    let mut bad = example();
    bad["total_cost"] = json!("-5");
    let input = json!([example(), bad, example()]);
    let out = run(input.to_string().as_bytes());
    assert_eq!(out.status.code(), Some(2));
    let v: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.len(), 3);
    assert_eq!(v[0]["patient_pays"], worked().patient_pays);
    assert_eq!(v[1], json!({"error": "住院总费用不能是负数", "field": "total_cost"}));
    assert_eq!(v[2]["patient_pays"], worked().patient_pays);

    let out = run(b"[]");
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(serde_json::from_slice::<Value>(&out.stdout).unwrap(), json!([]));

    let out = run(json!([example()]).to_string().as_bytes());
    assert_eq!(out.status.code(), Some(0));

    let out = run(b"[1, \"x\"]");
    assert_eq!(out.status.code(), Some(2));
    let v: Vec<Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["field"], "");
    assert_eq!(v[1]["error"], "每个病例应为一个 JSON 对象，用 { } 括起来");
}

/// Each bad case: exit 2, nothing on stdout, one line on stderr naming the field.
fn refused(case: &str, field: &str, message: &str) {
    let out = run(case.as_bytes());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{case}: {stderr}");
    assert!(out.stdout.is_empty(), "{case}: stdout not empty");
    assert_eq!(stderr.lines().count(), 1, "{case}: {stderr}");
    let want = if field.is_empty() {
        format!("输入有误：{message}\n")
    } else {
        format!("输入有误（{field}）：{message}\n")
    };
    assert_eq!(stderr, want, "{case}");
}

fn with(field: &str, raw: &str) -> String {
    let mut v = example();
    v.as_object_mut().unwrap().remove(field);
    let s = v.to_string();
    format!("{{\"{field}\":{raw},{}", &s[1..])
}

#[test]
fn bad_cases_are_refused_cleanly() {
    let table: &[(&str, &str, &str, &str)] = &[
        // wrong types
        ("category", "5", "category", "人员类别只能是 dibao（农村低保对象）、tekun（特困人员）、registered_poor（建档立卡贫困人口）、disabled_poor（贫困残疾人）或 ordinary（普通居民）"),
        ("total_cost", "true", "total_cost", "住院总费用要填数字，例如 45000 或 45000.50"),
        ("total_cost", "{\"v\":1}", "total_cost", "住院总费用要填数字，例如 45000 或 45000.50"),
        ("total_cost", "[50000]", "total_cost", "住院总费用要填数字，例如 45000 或 45000.50"),
        ("referred", "\"yes\"", "referred", "“是否办理了转诊”只能填 true（是）或 false（否）"),
        ("referred", "1", "referred", "“是否办理了转诊”只能填 true（是）或 false（否）"),
        ("age", "\"abc\"", "age", "年龄要填 0 到 150 之间的整数（周岁）"),
        ("age", "56.5", "age", "年龄要填 0 到 150 之间的整数（周岁）"),
        ("age", "-1", "age", "年龄要填 0 到 150 之间的整数（周岁）"),
        ("age", "151", "age", "年龄要填 0 到 150 之间的整数（周岁）"),
        ("date", "20180301", "date", "住院日期要写成“年-月-日”，例如 2018-03-01"),
        // NaN, exponents, huge and negative amounts, decimals
        ("total_cost", "\"NaN\"", "total_cost", "住院总费用要填数字，例如 45000 或 45000.50"),
        ("total_cost", "\"Infinity\"", "total_cost", "住院总费用要填数字，例如 45000 或 45000.50"),
        ("total_cost", "1e5", "total_cost", "住院总费用请直接写数字，不要用 1e5 这样的科学计数法"),
        ("total_cost", "5E4", "total_cost", "住院总费用请直接写数字，不要用 1e5 这样的科学计数法"),
        ("total_cost", "\"1e5\"", "total_cost", "住院总费用请直接写数字，不要用 1e5 这样的科学计数法"),
        ("total_cost", "1e400", "total_cost", "住院总费用请直接写数字，不要用 1e5 这样的科学计数法"),
        ("total_cost", "123456789012345678901234567890123456789", "total_cost", "住院总费用不能超过 100,000,000 元"),
        ("total_cost", "100000000.01", "total_cost", "住院总费用不能超过 100,000,000 元"),
        ("total_cost", "-50000", "total_cost", "住院总费用不能是负数"),
        ("total_cost", "\"-0.01\"", "total_cost", "住院总费用不能是负数"),
        ("total_cost", "50000.001", "total_cost", "住院总费用最多只能有两位小数（到分）"),
        ("in_policy_cost", "\"45000.125\"", "in_policy_cost", "政策范围内费用最多只能有两位小数（到分）"),
        ("in_policy_cost", "60000", "in_policy_cost", "政策范围内费用不能超过住院总费用"),
        ("basic_paid_this_year", "-1", "basic_paid_this_year", "今年已报销的基本医保不能是负数"),
        ("critical_paid_this_year", "\"1e3\"", "critical_paid_this_year", "今年已报销的大病保险请直接写数字，不要用 1e5 这样的科学计数法"),
        // unknown ids
        ("category", "\"rich\"", "category", "人员类别只能是 dibao（农村低保对象）、tekun（特困人员）、registered_poor（建档立卡贫困人口）、disabled_poor（贫困残疾人）或 ordinary（普通居民）"),
        ("disease", "\"flu\"", "disease", "疾病只能是九种大病之一（esophageal_cancer、gastric_cancer、colon_cancer、rectal_cancer、esrd、child_all、child_apl、child_asd、child_vsd）或 other（其他疾病）"),
        ("hospital", "\"clinic\"", "hospital", "医院只能是 junshan_people（君山区人民医院）、yueyang_first_people（岳阳市一人民医院），或按级别选 township、county、city、province"),
        ("region", "\"changsha\"", "region", "地区只能是 junshan（君山区）或 hunan（湖南省）"),
        // impossible dates, dates before the layer
        ("date", "\"2018-02-30\"", "date", "住院日期这一天不存在，请检查月份和日子"),
        ("date", "\"2018-13-01\"", "date", "住院日期这一天不存在，请检查月份和日子"),
        ("date", "\"2018/03/01\"", "date", "住院日期要写成“年-月-日”，例如 2018-03-01"),
        // Before the province's plan: nothing applies (a day before the district's plan is
        // computed with the province layer, see tests/cases/31).
        ("date", "\"2017-06-29\"", "date", "君山区的政策从2017年6月30日起执行，这一天之前住院的费用不能按这项政策计算"),
        // tehui ratio outside 0–1
        ("tehui_ratio", "1.5", "tehui_ratio", "扶贫特惠保赔付比例要在 0 到 1 之间，例如 0.3 表示 30%"),
        ("tehui_ratio", "\"-0.1\"", "tehui_ratio", "扶贫特惠保赔付比例不能是负数"),
        ("tehui_ratio", "0.12345", "tehui_ratio", "扶贫特惠保赔付比例最多只能有 4 位小数"),
        // flags only for level hospitals
        ("in_county", "true", "in_county", "选了具体医院时不用填写“医院是否在本县（区）内”，只有按级别选择医院时才需要"),
        ("designated", "false", "designated", "选了具体医院时不用填写“是否为该病的定点救治医院”，只有按级别选择医院时才需要"),
        // unknown and missing keys (a message that quotes the key does not name it again)
        ("colour", "\"red\"", "", "不认识的字段“colour”"),
        ("date", "null", "date", "请填写住院日期"),
        ("total_cost", "\"\"", "total_cost", "请填写住院总费用"),
    ];
    for (field, raw, at, message) in table {
        refused(&with(field, raw), at, message);
    }
}

#[test]
fn a_junshan_hospital_with_region_hunan_is_refused() {
    refused(
        &with("region", "\"hunan\""),
        "hospital",
        "君山区人民医院是君山区的定点医院，按湖南省的政策计算时不能选它，可以按医院级别选择",
    );
    let mut c = example();
    c["region"] = json!("hunan");
    c["date"] = json!("2017-06-29");
    c["hospital"] = json!("county");
    refused(&c.to_string(), "date", "湖南省的政策从2017年6月30日起执行，这一天之前住院的费用不能按这项政策计算");
    c["date"] = json!("2017-06-30");
    assert_eq!(run(c.to_string().as_bytes()).status.code(), Some(0));
}

#[test]
fn missing_required_fields_are_named() {
    for field in ["date", "category", "disease", "age", "hospital", "total_cost", "in_policy_cost"] {
        let mut v = example();
        v.as_object_mut().unwrap().remove(field);
        let out = run(v.to_string().as_bytes());
        assert_eq!(out.status.code(), Some(2));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.starts_with(&format!("输入有误（{field}）：请填写")), "{stderr}");
    }
}

#[test]
fn input_that_is_not_a_case_is_refused() {
    refused("", "", "输入不是有效的 JSON（第 1 行第 0 列）");
    refused("{", "", "输入不是有效的 JSON（第 1 行第 1 列）");
    refused("{\"total_cost\": NaN}", "", "输入不是有效的 JSON（第 1 行第 16 列）");
    refused("42", "", "输入应为一个病例对象，或由病例对象组成的数组");
    refused("\"case\"", "", "输入应为一个病例对象，或由病例对象组成的数组");
    refused("{\"date\":\"2018-03-01\",\"date\":\"2018-03-02\"}", "", "字段“date”出现了两次");
    refused(&"[".repeat(10_000), "", "输入不是有效的 JSON（第 1 行第 10000 列）");
    // Deep nesting is refused without exhausting the stack.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let out = run(deep.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["error"], "每个病例应为一个 JSON 对象，用 { } 括起来");
    let deep = format!("[{{\"date\":{}{}}}]", "[".repeat(100_000), "]".repeat(100_000));
    let out = run(deep.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    let out = run(&[0xff, 0xfe, b'{']);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "输入有误：输入不是 UTF-8 编码的文字\n");
}

#[test]
fn the_largest_amount_is_accepted() {
    let mut c = example();
    c["total_cost"] = json!("100000000");
    c["in_policy_cost"] = json!("100000000.00");
    c["basic_paid_this_year"] = json!("100000000");
    c["critical_paid_this_year"] = json!("100000000");
    let out = run(c.to_string().as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
}

/// Runs the tool with `args` and a stdin that is left open and never written: a tool that read
/// it would wait for ever, so it is killed after a while and the test fails.
fn run_with_open_stdin(args: &[&str]) -> Output {
    let mut child = common::spawn_tool(args);
    let stdin = child.stdin.take();
    let deadline = Instant::now() + Duration::from_secs(20);
    while child.try_wait().expect("the tool can be waited for").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("estimate {args:?} waited for stdin");
        }
        std::thread::sleep(Duration::from_millis(10));
    }
    let out = child.wait_with_output().expect("the estimate tool finishes");
    drop(stdin);
    out
}

#[test]
fn help_and_version_answer_without_reading_stdin() {
    for args in [&["--help"][..], &["-h"], &["--csv", "--help"]] {
        let out = run_with_open_stdin(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(out.stderr.is_empty(), "{args:?}");
        let usage = String::from_utf8(out.stdout).unwrap();
        for part in ["用法", "Usage", "estimate < ", "--csv", "--version", "退出状态"] {
            assert!(usage.contains(part), "{args:?}: {part} missing from\n{usage}");
        }
    }
    let out = run_with_open_stdin(&["--version"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stderr.is_empty());
    assert_eq!(String::from_utf8(out.stdout).unwrap(), format!("estimate {}\n", env!("CARGO_PKG_VERSION")));
}

#[test]
fn unknown_arguments_are_refused_without_reading_stdin() {
    for (args, named) in [
        (&["--cvs"][..], "--cvs"),
        (&["--csv", "-x"], "-x"),
        (&["case.json"], "case.json"),
        (&["--cvs", "--help"], "--cvs"),
    ] {
        let out = run_with_open_stdin(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?}");
        assert_eq!(String::from_utf8(out.stderr).unwrap(), format!("未知的参数：{named}（可用 --help 查看用法）\n"));
    }
    // A long argument is cut to 40 characters, on a character.
    let long = format!("--{}", "参".repeat(100));
    let out = run_with_open_stdin(&[&long]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!("未知的参数：--{}…（可用 --help 查看用法）\n", "参".repeat(38))
    );
}

#[test]
fn registered_is_its_own_flag_and_decides_the_ledger_not_the_money() {
    let mut registered = example();
    registered["registered"] = json!(true);
    let out = run(json!([example(), registered]).to_string().as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    // A 低保 patient: 附件1 unless also 建档立卡, then the province's 动态管理系统.
    assert_eq!(v[0]["ledger"]["id"], "annex1");
    assert_eq!(v[0]["ledger"]["citation"], "岳君卫发〔2017〕71号 四（一）2“建立救治台账”");
    assert_eq!(v[1]["ledger"]["id"], "dynamic_management_system");
    assert_eq!(v[1]["ledger"]["citation"], "岳君卫发〔2017〕71号 四（一）1“建立救治台账”");
    // The rate follows the category: 医疗救助 stays at 70%.
    assert_eq!(v[1]["lines"][3]["amount"], "5383.00");
    assert_eq!(v[0]["patient_pays"], v[1]["patient_pays"]);

    let mut contradiction = example();
    contradiction["category"] = json!("registered_poor");
    contradiction["registered"] = json!(false);
    let out = run(contradiction.to_string().as_bytes());
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        String::from_utf8_lossy(&out.stderr).trim(),
        "输入有误（registered）：人员类别是建档立卡贫困人口，是否建档立卡不能填 false（否）"
    );
    let mut default = example();
    default["category"] = json!("registered_poor");
    let v: Value = serde_json::from_slice(&run(default.to_string().as_bytes()).stdout).unwrap();
    assert_eq!(v["ledger"]["id"], "dynamic_management_system", "建档立卡贫困人口 are 建档立卡 by default");
}

#[test]
fn each_line_lists_its_readings_and_its_baseline_figures_with_their_marks() {
    let v: Value = serde_json::from_slice(&run(example().to_string().as_bytes()).stdout).unwrap();
    let basic = &v["lines"][0];
    assert_eq!(basic["interpretations"][0].as_str().unwrap().split('：').next(), Some("本站的理解（I8）"));
    assert_eq!(basic["baselines"][0]["parameter"], "basic.deductible.county");
    assert_eq!(basic["baselines"][0]["confidence"], "M");
    assert_eq!(basic["baselines"][0]["text"], "基本医保住院起付线（县级医院） 500.00 元（公开资料，可信度中）");
    assert_eq!(v["lines"][1]["baselines"][0]["confidence"], "A");
    assert!(v["lines"][2].get("baselines").is_none(), "扶贫特惠保 writes no baseline figure");
    assert_eq!(v["doudi"]["interpretations"][0].as_str().unwrap().split('：').next(), Some("本站的理解"));
}

#[test]
fn pay_after_treatment_is_for_the_poor_inside_the_county_and_designation_is_said() {
    let v: Value = serde_json::from_slice(&run(example().to_string().as_bytes()).stdout).unwrap();
    assert_eq!(v["pay_after_treatment"], true);
    assert_eq!(v["designated"], true);
    let mut city = example();
    city["hospital"] = json!("yueyang_first_people");
    let v: Value = serde_json::from_slice(&run(city.to_string().as_bytes()).stdout).unwrap();
    assert_eq!(v["pay_after_treatment"], false, "岳阳市一人民医院 is outside the district");
    assert_eq!(v["designated"], false, "not for gastric cancer without a referral up");
    let mut ordinary = example();
    ordinary["category"] = json!("ordinary");
    let v: Value = serde_json::from_slice(&run(ordinary.to_string().as_bytes()).stdout).unwrap();
    assert_eq!(v["pay_after_treatment"], false);
    let mut other = example();
    other["disease"] = json!("other");
    let v: Value = serde_json::from_slice(&run(other.to_string().as_bytes()).stdout).unwrap();
    assert_eq!(v["pay_after_treatment"], true, "any disease, inside the county");
    assert_eq!(v["lines"][3]["reason"], "九种大病以外的医疗救助按民政部门规定，本站不计算");
    assert!(v["lines"][3].get("interpretations").is_none());
}
