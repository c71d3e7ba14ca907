//! The `estimate` tool reading the cadres' roster file: the same CSV the site exports.

mod common;

use common::run_tool as run;
use engine::roster::{write_csv, Row, BOM, HEADERS};
use serde_json::Value;

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
    assert_eq!(pays, ["2846.05", "2846.05"]);
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
    assert_eq!(v[0]["patient_pays"], "2846.05");
}

#[test]
fn bad_rows_are_errors_in_place_with_row_and_column() {
    let mut no_cost = gastric("王五");
    no_cost.total_cost.clear();
    let rows = write_csv(&[gastric("张三"), no_cost]);
    // Without a BOM, LF only, with a row the file itself gets wrong.
    let text = rows.trim_start_matches(BOM).replace("\r\n", "\n") + "3,赵六,男,abc,,,,农村低保对象,胃癌,,,,,,,,,\n";
    let out = run(text.as_bytes());
    assert_eq!(out.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    let items = v.as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert_eq!(items[0]["patient_pays"], "2846.05");
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
