//! The `estimate` tool reading the cadres' roster file: the same CSV the site exports.

mod common;

use common::{run_tool as run, run_tool_with as run_args, worked};
use engine::roster::{read_csv, write_csv, Row, BOM, HEADERS};
use serde_json::{json, Value};
use std::time::{Duration, Instant};

fn gastric(name: &str) -> Row {
    Row {
        serial: "1".into(),
        name: name.into(),
        sex: "男".into(),
        age: "56".into(),
        category: "农村低保对象".into(),
        disease: "胃癌".into(),
        hospital: "君山区人民医院".into(),
        discharge_date: "2018-03-01".into(),
        total_cost: "50000".into(),
        in_policy_cost: "45000".into(),
        ..Row::default()
    }
}

#[test]
fn the_exported_file_gives_one_estimate_per_row() {
    let file = write_csv(&[gastric("张三"), gastric("李四")]);
    let out = run(file.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let pays: Vec<&str> = v.as_array().unwrap().iter().map(|e| e["patient_pays"].as_str().unwrap()).collect();
    assert_eq!(pays, [worked().patient_pays.as_str(); 2]);
    assert_eq!(v[0]["lines"][0]["amount"], "35600.00");
}

#[test]
fn id_numbers_marked_as_text_for_excel_are_read() {
    // As the site exports them: a tab before a 身份证号 and a 合医证号 of digits.
    let mut row = gastric("张三");
    row.id_number = "430611196203151234".into();
    row.medical_card = "04306110000123".into();
    let file = write_csv(&[row]);
    assert!(file.contains(",\t430611196203151234,\t04306110000123,"), "{file}");
    let out = run(file.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["patient_pays"], worked().patient_pays);
}

#[test]
fn bad_rows_are_errors_in_place_with_row_and_column() {
    let mut no_cost = gastric("王五");
    no_cost.total_cost.clear();
    let rows = write_csv(&[gastric("张三"), no_cost]);
    // Without a BOM, LF only, with a row the file itself gets wrong.
    let text = rows.trim_start_matches(BOM).replace("\r\n", "\n") + "3,赵六,男,abc,,,,农村低保对象,胃癌,,,,,,,,,,,\n";
    let out = run(text.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let items = v.as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert_eq!(items[0]["patient_pays"], worked().patient_pays);
    assert_eq!(items[1]["error"], "请填写住院总费用");
    assert_eq!(items[1]["field"], "住院总费用");
    assert_eq!(items[1]["row"], 3);
    assert_eq!(items[2]["field"], "年龄");
    assert_eq!(items[2]["row"], 4);
}

#[test]
fn a_file_without_a_header_is_refused_whole() {
    let out = run("\u{feff}张三,胃癌\n".as_bytes());
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("输入有误：第一行应是表头"));
    assert_eq!(HEADERS[0], "序号");
}

#[test]
fn the_csv_flag_reads_a_file_that_does_not_look_like_one() {
    // Columns in another order, no BOM: only `--csv` says it is a roster.
    let file = "姓名,疾病,医院,出院日期,贫困登记,年龄,住院总费用,政策范围内费用\n张三,胃癌,君山区人民医院,2018-03-01,农村低保对象,56,50000,45000\n";
    let out = run_args(&["--csv"], file.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["patient_pays"], worked().patient_pays);
    assert_eq!(run(file.as_bytes()).status.code(), Some(2), "read as JSON without the flag");
}

#[test]
fn warnings_are_written_to_stderr_with_row_and_column() {
    let mut wrong = gastric("李四");
    wrong.id_number = "110105194912310021".into();
    let mut good = gastric("张三");
    good.id_number = "11010519491231002X".into();
    // With a column the tool does not know, which is a warning on the header.
    let file: String = write_csv(&[good, wrong.clone(), wrong])
        .split_terminator("\r\n")
        .enumerate()
        .map(|(i, line)| if i == 0 { format!("{line},说明\r\n") } else { format!("{line},\r\n") })
        .collect();
    let out = run(file.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v.as_array().unwrap().len(), 3, "rows with a warning are still estimated");
    let wrong_id = "身份证号最后一位校验码不对（按前 17 位应为 X），请核对是否抄错";
    assert_eq!(
        String::from_utf8(out.stderr).unwrap(),
        format!("提醒：第 1 行“说明”：不认识这一列，已忽略\n提醒：第 3 行“身份证号”：{wrong_id}\n提醒：第 4 行“身份证号”：{wrong_id}\n")
    );
}

/// A roster of `n` rows that all fail (an age that is not a number).
fn failing_rows(n: usize) -> String {
    let mut file = HEADERS.join(",") + "\n";
    for i in 0..n {
        file.push_str(&format!("{i},王五,男,abc,,,,农村低保对象,胃癌,,,,,,,,,,,\n"));
    }
    file
}

#[test]
fn failing_rows_take_linear_time() {
    // Putting the rows in file order once searched every row so far for each failing row.
    let fastest = |n: usize| {
        let import = read_csv(&failing_rows(n));
        assert_eq!(import.errors.len(), n);
        let mut best = Duration::MAX;
        for _ in 0..3 {
            let start = Instant::now();
            let order = import.in_file_order();
            best = best.min(start.elapsed());
            assert_eq!(order.len(), n);
            assert!(order.iter().enumerate().all(|(i, (row, r))| *row == i + 2 && r.is_err()));
        }
        best
    };
    let (small, large) = (fastest(50_000), fastest(200_000));
    // Four times the rows: four times the time when linear, sixteen when quadratic.
    assert!(large < small * 8 + Duration::from_millis(20), "50,000 rows {small:?}, 200,000 rows {large:?}");

    let start = Instant::now();
    let out = run(failing_rows(200_000).as_bytes());
    let took = start.elapsed();
    assert_eq!(out.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let items = v.as_array().unwrap();
    assert_eq!(items.len(), 200_000);
    assert_eq!(
        (&items[0]["row"], &items[199_999]["row"], &items[199_999]["field"]),
        (&json!(2), &json!(200_001), &json!("年龄"))
    );
    assert!(took < Duration::from_secs(30), "200,000 failing rows took {took:?}");
}

#[test]
fn a_dibao_row_marked_registered_goes_to_the_dynamic_management_system() {
    let mut registered = gastric("李四");
    registered.registered = "是".into();
    let file = write_csv(&[gastric("张三"), registered]);
    let out = run(file.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v[0]["ledger"]["id"], "annex1");
    assert_eq!(v[1]["ledger"]["id"], "dynamic_management_system");
}

#[test]
fn a_patients_rows_of_one_year_are_estimated_as_that_patients_stays() {
    // Two stays of the same 低保 patient in 2018 (the same 身份证号), one in 2019, and another
    // patient's stay: the second 2018 stay finds the 大病保险 deductible met (worked case 32).
    let mut again = gastric("张三");
    again.discharge_date = "2018-06-01".into();
    let mut next_year = gastric("张三");
    next_year.discharge_date = "2019-01-10".into();
    let mut first = gastric("张三");
    for row in [&mut first, &mut again, &mut next_year] {
        row.id_number = "430611196203151235".into();
    }
    let file = write_csv(&[first, gastric("李四"), again, next_year]);
    let out = run(file.as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let pays: Vec<&str> = v.as_array().unwrap().iter().map(|e| e["patient_pays"].as_str().unwrap()).collect();
    assert_eq!(
        pays,
        [worked().patient_pays.as_str(), worked().patient_pays.as_str(), "2542.30", worked().patient_pays.as_str()]
    );
    assert_eq!(v[2]["lines"][1]["amount"], "8460.00");
    assert!(v[2]["lines"][1]["rule"].as_str().unwrap().contains("今年此前"), "{}", v[2]["lines"][1]["rule"]);
}
