//! The worked cases in `tests/cases/*.toml`: each bill worked out by hand from calculation.md and
//! parameters.md, with the arithmetic beside it. Every case must come out to the fen, through
//! the library and through the `estimate` tool.

use engine::{estimate_with_policy, format_plain, CaseInput, Estimate, Estimator, Payer};
use policy::Policy;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

mod common;

const MIN_CASES: usize = 25;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WorkedCase {
    name: String,
    arithmetic: String,
    input: toml::Table,
    output: Expected,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    basic_insurance: String,
    critical_illness_insurance: String,
    tehui_insurance: String,
    medical_assistance: String,
    hospital_reduction: String,
    district_fund: String,
    patient_pays: String,
    ordinary_patient_pays: String,
    warnings: Vec<String>,
    #[serde(default)]
    reasons: BTreeMap<String, String>,
}

impl Expected {
    fn line(&self, payer: Payer) -> &str {
        match payer {
            Payer::BasicInsurance => &self.basic_insurance,
            Payer::CriticalIllnessInsurance => &self.critical_illness_insurance,
            Payer::TehuiInsurance => &self.tehui_insurance,
            Payer::MedicalAssistance => &self.medical_assistance,
            Payer::HospitalReduction => &self.hospital_reduction,
            Payer::DistrictFund => &self.district_fund,
        }
    }
}

fn case_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../tests/cases")
}

fn load_cases() -> Vec<(String, WorkedCase)> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(case_dir())
        .expect("tests/cases exists")
        .map(|e| e.expect("readable entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("readable case");
            let file = p.file_name().unwrap().to_string_lossy().into_owned();
            let case: WorkedCase = toml::from_str(&text).unwrap_or_else(|e| panic!("{file}: {e}"));
            (file, case)
        })
        .collect()
}

fn text(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => s.clone(),
        toml::Value::Integer(i) => i.to_string(),
        toml::Value::Boolean(b) => b.to_string(),
        other => panic!("unexpected input value {other:?}"),
    }
}

fn input_of(file: &str, t: &toml::Table) -> CaseInput {
    let mut c = CaseInput::default();
    for (k, v) in t {
        let slot = match k.as_str() {
            "region" => &mut c.region,
            "date" => &mut c.date,
            "category" => &mut c.category,
            "disease" => &mut c.disease,
            "age" => &mut c.age,
            "hospital" => &mut c.hospital,
            "in_county" => &mut c.in_county,
            "designated" => &mut c.designated,
            "referred" => &mut c.referred,
            "total_cost" => &mut c.total_cost,
            "in_policy_cost" => &mut c.in_policy_cost,
            "tehui_ratio" => &mut c.tehui_ratio,
            "basic_paid_this_year" => &mut c.basic_paid_this_year,
            "critical_paid_this_year" => &mut c.critical_paid_this_year,
            other => panic!("{file}: unknown input field {other}"),
        };
        *slot = Some(text(v));
    }
    c
}

fn compare(file: &str, want: &Expected, e: &Estimate, failures: &mut Vec<String>) {
    for payer in Payer::ALL {
        let got = format_plain(e.line(payer).amount);
        if got != want.line(payer) {
            failures.push(format!("{file}: {} = {got}, expected {}", payer.id(), want.line(payer)));
        }
        if let Some(reason) = want.reasons.get(payer.id()) {
            let got = e.line(payer).reason.map_or("none", |r| r.id());
            if got != reason {
                failures.push(format!("{file}: {} reason {got}, expected {reason}", payer.id()));
            }
        }
    }
    for k in want.reasons.keys() {
        if !Payer::ALL.iter().any(|p| p.id() == k) {
            failures.push(format!("{file}: reasons names unknown payer {k}"));
        }
    }
    let pays = format_plain(e.patient_pays);
    if pays != want.patient_pays {
        failures.push(format!("{file}: patient_pays = {pays}, expected {}", want.patient_pays));
    }
    let ord = format_plain(e.ordinary_patient_pays);
    if ord != want.ordinary_patient_pays {
        failures.push(format!("{file}: ordinary_patient_pays = {ord}, expected {}", want.ordinary_patient_pays));
    }
    let warnings: Vec<&str> = e.warnings.iter().map(|w| w.id()).collect();
    if warnings != want.warnings {
        failures.push(format!("{file}: warnings {warnings:?}, expected {:?}", want.warnings));
    }
}

#[test]
fn there_are_enough_worked_cases_each_with_its_arithmetic() {
    let cases = load_cases();
    assert!(cases.len() >= MIN_CASES, "only {} worked cases in tests/cases, need {MIN_CASES}", cases.len());
    for (file, c) in &cases {
        assert!(!c.name.trim().is_empty(), "{file}: no name");
        assert!(c.arithmetic.lines().count() >= 2, "{file}: the arithmetic is missing");
    }
}

#[test]
fn every_worked_case_comes_out_to_the_fen() {
    let policy = Policy::builtin();
    let mut failures = Vec::new();
    for (file, c) in load_cases() {
        let input = input_of(&file, &c.input);
        match input.parse().and_then(|case| estimate_with_policy(&policy, &case)) {
            Ok(e) => {
                compare(&file, &c.output, &e, &mut failures);
                assert_eq!(e.covered() + e.patient_pays, e.total_cost, "{file}: conservation");
            }
            Err(err) => failures.push(format!("{file}: {err} ({})", err.field())),
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The same cases, all with one estimator (the parameters resolved once per day) and without
/// the sentences, as the cadres' roster adds them up.
#[test]
fn every_worked_case_comes_out_to_the_fen_as_figures_only() {
    let mut estimator = Estimator::new(&Policy::builtin());
    let mut failures = Vec::new();
    for (file, c) in load_cases() {
        match input_of(&file, &c.input).parse().and_then(|case| estimator.figures(&case)) {
            Ok(e) => {
                compare(&file, &c.output, &e, &mut failures);
                assert!(e.lines.iter().all(|l| l.rule.is_empty()), "{file}: a sentence was written");
            }
            Err(err) => failures.push(format!("{file}: {err} ({})", err.field())),
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// The same cases, all at once, through the command-line tool.
#[test]
fn the_tool_gives_the_same_figures() {
    let cases = load_cases();
    let inputs: Vec<serde_json::Value> = cases
        .iter()
        .map(|(_, c)| {
            let obj: serde_json::Map<String, serde_json::Value> = c
                .input
                .iter()
                .map(|(k, v)| {
                    let j = match v {
                        toml::Value::String(s) => serde_json::Value::from(s.clone()),
                        toml::Value::Integer(i) => serde_json::Value::from(*i),
                        toml::Value::Boolean(b) => serde_json::Value::from(*b),
                        other => panic!("unexpected input value {other:?}"),
                    };
                    (k.clone(), j)
                })
                .collect();
            serde_json::Value::Object(obj)
        })
        .collect();
    let out = common::run_tool(serde_json::to_string(&inputs).unwrap().as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let got: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(got.len(), cases.len());
    let mut failures = Vec::new();
    for ((file, c), g) in cases.iter().zip(&got) {
        let lines = g["lines"].as_array().unwrap();
        assert_eq!(lines.len(), 6);
        for (payer, line) in Payer::ALL.iter().zip(lines) {
            assert_eq!(line["payer"], payer.id());
            if line["amount"] != c.output.line(*payer) {
                failures.push(format!(
                    "{file}: {} = {}, expected {}",
                    payer.id(),
                    line["amount"],
                    c.output.line(*payer)
                ));
            }
        }
        if g["patient_pays"] != c.output.patient_pays.as_str() {
            failures.push(format!("{file}: patient_pays = {}", g["patient_pays"]));
        }
        if g["ordinary_patient_pays"] != c.output.ordinary_patient_pays.as_str() {
            failures.push(format!("{file}: ordinary_patient_pays = {}", g["ordinary_patient_pays"]));
        }
        assert_eq!(g["warnings"].as_array().unwrap().len(), c.output.warnings.len(), "{file}");
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
