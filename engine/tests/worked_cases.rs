//! The worked cases in `tests/cases/*.toml`: each bill worked out by hand from calculation.md and
//! parameters.md, with the arithmetic beside it. Every case must come out to the fen, through
//! the library and through the `estimate` tool.
//!
//! A case is one stay (`[input]` holds a case's fields, `[output]` the six lines, what the
//! patient and an ordinary resident pay, the warnings) or a patient's stays: `[input]` holds the
//! patient's fields and `[[input.stays]]` each stay's, in the order given; `[[output.stays]]`
//! gives each stay's figures as for one stay, in the same order, and `[[output.years]]` each
//! calendar year's totals.

use engine::{
    estimate_with_policy, estimate_year, format_plain, CaseInput, Estimate, Estimator, Field, PatientInput, Payer,
    StayInput, StaysInput, YearEstimate, YearTotals,
};
use policy::Policy;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

mod common;

const MIN_CASES: usize = 25;

/// Of which patients' years of stays.
const MIN_YEAR_CASES: usize = 4;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WorkedCase {
    name: String,
    arithmetic: String,
    input: toml::Table,
    output: toml::Table,
}

/// What a worked case expects.
enum Want {
    Case(Box<Expected>),
    Year(YearExpected),
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
    /// Words a line's sentence must hold, by payer (checked where the sentences are written).
    #[serde(default)]
    rules: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct YearExpected {
    stays: Vec<Expected>,
    years: Vec<ExpectedYear>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExpectedYear {
    year: u16,
    basic_insurance: String,
    critical_illness_insurance: String,
    tehui_insurance: String,
    medical_assistance: String,
    hospital_reduction: String,
    district_fund: String,
    total_cost: String,
    patient_pays: String,
    ordinary_patient_pays: String,
    savings: String,
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

impl ExpectedYear {
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

impl WorkedCase {
    fn is_year(&self) -> bool {
        self.input.contains_key("stays")
    }

    fn want(&self, file: &str) -> Want {
        let output = toml::Value::Table(self.output.clone());
        if self.is_year() {
            Want::Year(output.try_into().unwrap_or_else(|e| panic!("{file}: [output] of a patient's stays: {e}")))
        } else {
            Want::Case(Box::new(output.try_into().unwrap_or_else(|e| panic!("{file}: [output]: {e}"))))
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
            "registered" => &mut c.registered,
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
            "critical_base_this_year" => &mut c.critical_base_this_year,
            other => panic!("{file}: unknown input field {other}"),
        };
        *slot = Some(text(v));
    }
    c
}

/// The fields of `t` are all among `fields` (a patient's or a stay's).
fn only(file: &str, t: &toml::Table, fields: &[Field], what: &str) {
    for k in t.keys() {
        assert!(fields.iter().any(|f| f.name() == k), "{file}: {k} is not a field of {what}");
    }
}

/// A patient's stays: the patient's fields in `[input]`, each stay's in `[[input.stays]]`.
fn stays_input_of(file: &str, t: &toml::Table) -> StaysInput {
    let mut patient = t.clone();
    let stays = match patient.remove("stays") {
        Some(toml::Value::Array(stays)) => stays,
        other => panic!("{file}: stays should be an array of tables, not {other:?}"),
    };
    only(file, &patient, Field::PATIENT, "a patient");
    StaysInput {
        patient: PatientInput::of(&input_of(file, &patient)),
        stays: stays
            .iter()
            .map(|s| {
                let s = s.as_table().unwrap_or_else(|| panic!("{file}: a stay should be a table"));
                only(file, s, Field::STAY, "a stay");
                StayInput::of(&input_of(file, s))
            })
            .collect(),
    }
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
        // The sentences are checked where they are written.
        if let Some(words) = want.rules.get(payer.id()).filter(|_| !e.line(payer).rule.is_empty()) {
            if !e.line(payer).rule.contains(words.as_str()) {
                failures.push(format!("{file}: {} rule {:?} does not say {words:?}", payer.id(), e.line(payer).rule));
            }
        }
    }
    for k in want.reasons.keys().chain(want.rules.keys()) {
        if !Payer::ALL.iter().any(|p| p.id() == k) {
            failures.push(format!("{file}: reasons or rules name unknown payer {k}"));
        }
    }
    let pays = format_plain(e.patient_pays);
    if pays != want.patient_pays {
        failures.push(format!("{file}: patient_pays = {pays}, expected {}", want.patient_pays));
    }
    let ord = format_plain(e.ordinary_patient_pays());
    if ord != want.ordinary_patient_pays {
        failures.push(format!("{file}: ordinary_patient_pays = {ord}, expected {}", want.ordinary_patient_pays));
    }
    let warnings: Vec<&str> = e.warnings.iter().map(|w| w.id()).collect();
    if warnings != want.warnings {
        failures.push(format!("{file}: warnings {warnings:?}, expected {:?}", want.warnings));
    }
}

fn compare_year_totals(file: &str, want: &ExpectedYear, y: &YearTotals, failures: &mut Vec<String>) {
    let at = format!("{file}: year {}", want.year);
    if y.year != want.year {
        failures.push(format!("{at}: got year {}", y.year));
    }
    for payer in Payer::ALL {
        let got = format_plain(y.line(payer));
        if got != want.line(payer) {
            failures.push(format!("{at}: {} = {got}, expected {}", payer.id(), want.line(payer)));
        }
    }
    for (what, got, expected) in [
        ("total_cost", y.total_cost, &want.total_cost),
        ("patient_pays", y.patient_pays, &want.patient_pays),
        ("ordinary_patient_pays", y.ordinary_patient_pays(), &want.ordinary_patient_pays),
        ("savings", y.savings, &want.savings),
    ] {
        if format_plain(got) != *expected {
            failures.push(format!("{at}: {what} = {}, expected {expected}", format_plain(got)));
        }
    }
}

fn compare_year(file: &str, want: &YearExpected, got: &YearEstimate, failures: &mut Vec<String>) {
    if got.stays.len() != want.stays.len() || got.years.len() != want.years.len() {
        failures.push(format!(
            "{file}: {} stays and {} years, expected {} and {}",
            got.stays.len(),
            got.years.len(),
            want.stays.len(),
            want.years.len()
        ));
        return;
    }
    for (i, (w, e)) in want.stays.iter().zip(&got.stays).enumerate() {
        compare(&format!("{file}: stays[{i}]"), w, e, failures);
        assert_eq!(e.covered() + e.patient_pays, e.total_cost, "{file}: stays[{i}]: conservation");
    }
    for (w, y) in want.years.iter().zip(&got.years) {
        compare_year_totals(file, w, y, failures);
        assert_eq!(y.covered() + y.patient_pays, y.total_cost, "{file}: year {}: conservation", y.year);
    }
}

#[test]
fn there_are_enough_worked_cases_each_with_its_arithmetic() {
    let cases = load_cases();
    assert!(cases.len() >= MIN_CASES, "only {} worked cases in tests/cases, need {MIN_CASES}", cases.len());
    let years = cases.iter().filter(|(_, c)| c.is_year()).count();
    assert!(years >= MIN_YEAR_CASES, "only {years} worked years of stays in tests/cases, need {MIN_YEAR_CASES}");
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
        match c.want(&file) {
            Want::Case(want) => {
                let input = input_of(&file, &c.input);
                match input.parse().and_then(|case| estimate_with_policy(&policy, &case)) {
                    Ok(e) => {
                        compare(&file, &want, &e, &mut failures);
                        assert_eq!(e.covered() + e.patient_pays, e.total_cost, "{file}: conservation");
                    }
                    Err(err) => failures.push(format!("{file}: {err} ({})", err.path())),
                }
            }
            Want::Year(want) => {
                let input = stays_input_of(&file, &c.input);
                match input.parse().and_then(|stays| estimate_year(&policy, &stays)) {
                    Ok(year) => compare_year(&file, &want, &year, &mut failures),
                    Err(err) => failures.push(format!("{file}: {err} ({})", err.path())),
                }
            }
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
        match c.want(&file) {
            Want::Case(want) => match input_of(&file, &c.input).parse().and_then(|case| estimator.figures(&case)) {
                Ok(e) => {
                    compare(&file, &want, &e, &mut failures);
                    assert!(e.lines.iter().all(|l| l.rule.is_empty()), "{file}: a sentence was written");
                }
                Err(err) => failures.push(format!("{file}: {err} ({})", err.path())),
            },
            Want::Year(want) => {
                match stays_input_of(&file, &c.input).parse().and_then(|stays| estimator.year_figures(&stays)) {
                    Ok(year) => {
                        compare_year(&file, &want, &year, &mut failures);
                        assert!(
                            year.stays.iter().flat_map(|e| &e.lines).all(|l| l.rule.is_empty()),
                            "{file}: a sentence was written"
                        );
                    }
                    Err(err) => failures.push(format!("{file}: {err} ({})", err.path())),
                }
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

/// A worked case's input as the tool's JSON.
fn json_of(v: &toml::Value) -> serde_json::Value {
    match v {
        toml::Value::String(s) => serde_json::Value::from(s.clone()),
        toml::Value::Integer(i) => serde_json::Value::from(*i),
        toml::Value::Boolean(b) => serde_json::Value::from(*b),
        toml::Value::Array(a) => serde_json::Value::Array(a.iter().map(json_of).collect()),
        toml::Value::Table(t) => serde_json::Value::Object(t.iter().map(|(k, v)| (k.clone(), json_of(v))).collect()),
        other => panic!("unexpected input value {other:?}"),
    }
}

/// One estimate of the tool's output against what a worked case expects.
fn compare_tool(file: &str, want: &Expected, g: &serde_json::Value, failures: &mut Vec<String>) {
    let lines = g["lines"].as_array().unwrap();
    assert_eq!(lines.len(), 6);
    for (payer, line) in Payer::ALL.iter().zip(lines) {
        assert_eq!(line["payer"], payer.id());
        if line["amount"] != want.line(*payer) {
            failures.push(format!("{file}: {} = {}, expected {}", payer.id(), line["amount"], want.line(*payer)));
        }
    }
    if g["patient_pays"] != want.patient_pays.as_str() {
        failures.push(format!("{file}: patient_pays = {}", g["patient_pays"]));
    }
    if g["ordinary_patient_pays"] != want.ordinary_patient_pays.as_str() {
        failures.push(format!("{file}: ordinary_patient_pays = {}", g["ordinary_patient_pays"]));
    }
    assert_eq!(g["warnings"].as_array().unwrap().len(), want.warnings.len(), "{file}");
}

/// The same cases, all at once, through the command-line tool.
#[test]
fn the_tool_gives_the_same_figures() {
    let cases = load_cases();
    let inputs: Vec<serde_json::Value> =
        cases.iter().map(|(_, c)| json_of(&toml::Value::Table(c.input.clone()))).collect();
    let out = common::run_tool(serde_json::to_string(&inputs).unwrap().as_bytes());
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let got: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(got.len(), cases.len());
    let mut failures = Vec::new();
    for ((file, c), g) in cases.iter().zip(&got) {
        match c.want(file) {
            Want::Case(want) => compare_tool(file, &want, g, &mut failures),
            Want::Year(want) => {
                let stays = g["stays"].as_array().unwrap();
                assert_eq!(stays.len(), want.stays.len(), "{file}");
                let dates = c.input["stays"].as_array().unwrap().iter().map(|s| s["date"].as_str().unwrap());
                for (i, ((w, s), date)) in want.stays.iter().zip(stays).zip(dates).enumerate() {
                    assert_eq!(s["date"], date, "{file}: stays[{i}]");
                    compare_tool(&format!("{file}: stays[{i}]"), w, s, &mut failures);
                }
                let years = g["years"].as_array().unwrap();
                assert_eq!(years.len(), want.years.len(), "{file}");
                for (w, y) in want.years.iter().zip(years) {
                    assert_eq!(y["year"], w.year, "{file}");
                    let lines = y["lines"].as_array().unwrap();
                    assert_eq!(lines.len(), 6);
                    for (payer, line) in Payer::ALL.iter().zip(lines) {
                        assert_eq!(line["payer"], payer.id());
                        if line["amount"] != w.line(*payer) {
                            failures.push(format!("{file}: year {}: {} = {}", w.year, payer.id(), line["amount"]));
                        }
                    }
                    for (what, expected) in [
                        ("total_cost", &w.total_cost),
                        ("patient_pays", &w.patient_pays),
                        ("ordinary_patient_pays", &w.ordinary_patient_pays),
                        ("savings", &w.savings),
                    ] {
                        if y[what] != expected.as_str() {
                            failures.push(format!("{file}: year {}: {what} = {}", w.year, y[what]));
                        }
                    }
                }
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}
