//! `estimate`: reads one case, or an array of cases, as JSON on stdin and writes how each bill
//! splits across the payers as JSON on stdout. See `engine/README.md` for the contract.
//!
//! Exit status: 0 when every case was estimated; 2 when the input or any case is wrong (a single
//! case: a one-line message on stderr naming the field, nothing on stdout; an array: an
//! `{"error", "field"}` object in the failed case's place); 1 when the output cannot be written.
//!
//! The cadres' roster file (CSV with Chinese headers, see `engine::roster`) is read instead of
//! JSON when stdin starts with a byte-order mark or with `序号,姓名`, or with `--csv`.

use engine::{format_plain, roster, CaseInput, Estimate, EstimateError, Estimator, Field};
use policy::Policy;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Serialize;
use serde_json::value::RawValue;
use std::fmt;
use std::io::{self, Read, Write};
use std::process::ExitCode;

/// An input error: the JSON field at fault ("" when it is not one field) and a Chinese message.
#[derive(Debug, PartialEq, Eq)]
struct InputError {
    field: String,
    message: String,
}

impl InputError {
    fn whole(message: impl Into<String>) -> InputError {
        InputError { field: String::new(), message: message.into() }
    }
}

impl From<EstimateError> for InputError {
    fn from(e: EstimateError) -> InputError {
        InputError { field: e.field().to_owned(), message: e.to_string() }
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "输入有误：{}", self.message)
        } else {
            write!(f, "输入有误（{}）：{}", self.field, self.message)
        }
    }
}

/// The members of one JSON object, in order, duplicates kept, values left as raw JSON.
struct Members<'a>(Vec<(String, &'a RawValue)>);

impl<'de: 'a, 'a> serde::Deserialize<'de> for Members<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = Members<'a>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<String, &'de RawValue>()? {
                    out.push((k, v));
                }
                Ok(Members(out))
            }
        }
        d.deserialize_map(V(std::marker::PhantomData))
    }
}

/// The text of a raw JSON value, as the form would hold it: a string's content, a number's or
/// a boolean's literal text (exponents are refused by the parsers), `None` for null. Objects
/// and arrays keep their raw text, which no field accepts.
fn text_of(field: Field, raw: &RawValue) -> Result<Option<String>, InputError> {
    let t = raw.get().trim();
    if t == "null" {
        return Ok(None);
    }
    if t.starts_with('"') {
        return serde_json::from_str::<String>(t)
            .map(Some)
            .map_err(|_| InputError { field: field.name().to_owned(), message: "文字格式不对".to_owned() });
    }
    Ok(Some(t.to_owned()))
}

fn case_input(raw: &RawValue) -> Result<CaseInput, InputError> {
    let Members(members) = serde_json::from_str::<Members<'_>>(raw.get())
        .map_err(|_| InputError::whole("每个病例应为一个 JSON 对象，用 { } 括起来"))?;
    let mut input = CaseInput::default();
    let mut seen: Vec<Field> = Vec::new();
    for (key, value) in members {
        let field = Field::from_name(&key)
            .filter(|f| Field::CASE.contains(f))
            .ok_or_else(|| InputError { field: key.clone(), message: format!("不认识的字段“{key}”") })?;
        if seen.contains(&field) {
            return Err(InputError { field: key.clone(), message: format!("字段“{key}”出现了两次") });
        }
        seen.push(field);
        let text = text_of(field, value)?;
        let slot = match field {
            Field::Region => &mut input.region,
            Field::Date => &mut input.date,
            Field::Category => &mut input.category,
            Field::Disease => &mut input.disease,
            Field::Age => &mut input.age,
            Field::Hospital => &mut input.hospital,
            Field::InCounty => &mut input.in_county,
            Field::Designated => &mut input.designated,
            Field::Referred => &mut input.referred,
            Field::TotalCost => &mut input.total_cost,
            Field::InPolicyCost => &mut input.in_policy_cost,
            Field::TehuiRatio => &mut input.tehui_ratio,
            Field::BasicPaidThisYear => &mut input.basic_paid_this_year,
            Field::CriticalPaidThisYear => &mut input.critical_paid_this_year,
            Field::Members | Field::TehuiPremium => continue,
        };
        *slot = text;
    }
    Ok(input)
}

#[derive(Serialize)]
struct OutLine<'a> {
    payer: &'static str,
    amount: String,
    base: String,
    rule: &'a str,
    citation: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    reason: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    interpretation: Option<String>,
}

#[derive(Serialize)]
struct OutDoudi<'a> {
    amount: String,
    note: &'a str,
    citation: String,
}

#[derive(Serialize)]
struct OutCase<'a> {
    lines: Vec<OutLine<'a>>,
    patient_pays: String,
    ordinary_patient_pays: String,
    savings: String,
    warnings: Vec<String>,
    doudi: Option<OutDoudi<'a>>,
}

#[derive(Serialize)]
struct OutError<'a> {
    error: &'a str,
    field: &'a str,
}

#[derive(Serialize)]
struct OutRowError<'a> {
    error: &'a str,
    field: &'a str,
    row: usize,
}

#[derive(Serialize)]
#[serde(untagged)]
enum OutItem<'a> {
    RowError(OutRowError<'a>),
    Case(OutCase<'a>),
    Error(OutError<'a>),
}

fn out_case(e: &Estimate) -> OutCase<'_> {
    OutCase {
        lines: e
            .lines
            .iter()
            .map(|l| OutLine {
                payer: l.payer.id(),
                amount: format_plain(l.amount),
                base: format_plain(l.base),
                rule: &l.rule,
                citation: l.citation.to_string(),
                reason: l.reason.map(|r| r.to_string()),
                interpretation: l.interpretation.map(|i| format!("{}：{}", i.id(), i.text())),
            })
            .collect(),
        patient_pays: format_plain(e.patient_pays),
        ordinary_patient_pays: format_plain(e.ordinary_patient_pays),
        savings: format_plain(e.savings),
        warnings: e.warnings.iter().map(ToString::to_string).collect(),
        doudi: e.doudi.as_ref().map(|d| OutDoudi {
            amount: format_plain(d.amount),
            note: &d.text,
            citation: d.citation.to_string(),
        }),
    }
}

fn one(estimator: &mut Estimator, raw: &RawValue) -> Result<Estimate, InputError> {
    let case = case_input(raw)?.parse()?;
    Ok(estimator.estimate(&case)?)
}

/// What to write, and the exit status.
struct Outcome {
    stdout: Option<String>,
    stderr: Option<String>,
    status: u8,
}

/// The roster file: one element per data row, in file order; a row that cannot be read or
/// estimated is `{"error", "field" (the column's Chinese header), "row" (its line in the file)}`.
fn run_csv(input: &str, policy: &Policy) -> Outcome {
    let import = roster::read_csv(input);
    if let Some(e) = &import.unreadable {
        return Outcome { stdout: None, stderr: Some(format!("输入有误：{}", e.reason)), status: 2 };
    }
    let mut estimator = Estimator::new(policy);
    let results: Vec<(usize, Result<Estimate, (String, String)>)> = import
        .in_file_order()
        .into_iter()
        .map(|(n, r)| {
            let result = match r {
                Ok(row) => row
                    .case()
                    .and_then(|c| estimator.estimate(&c))
                    .map_err(|e| (e.to_string(), roster::column_of(e.field()).to_owned())),
                Err(p) => Err((p.reason.clone(), p.column.clone())),
            };
            (n, result)
        })
        .collect();
    let failed = results.iter().any(|(_, r)| r.is_err());
    let out: Vec<OutItem<'_>> = results
        .iter()
        .map(|(n, r)| match r {
            Ok(e) => OutItem::Case(out_case(e)),
            Err((error, field)) => OutItem::RowError(OutRowError { error, field, row: *n }),
        })
        .collect();
    Outcome { stdout: Some(erased::Pretty::pretty(&out)), stderr: None, status: if failed { 2 } else { 0 } }
}

fn run(input: &str, policy: &Policy) -> Outcome {
    let fail = |e: InputError| Outcome { stdout: None, stderr: Some(e.to_string()), status: 2 };
    let raw: &RawValue = match serde_json::from_str(input) {
        Ok(r) => r,
        Err(e) => {
            return fail(InputError::whole(format!("输入不是有效的 JSON（第 {} 行第 {} 列）", e.line(), e.column())));
        }
    };
    let pretty = |v: &dyn erased::Pretty| v.pretty();
    if raw.get().trim_start().starts_with('[') {
        let items: Vec<&RawValue> = match serde_json::from_str(raw.get()) {
            Ok(v) => v,
            Err(_) => return fail(InputError::whole("输入应为一个病例对象，或由病例对象组成的数组")),
        };
        let mut estimator = Estimator::new(policy);
        let results: Vec<Result<Estimate, InputError>> = items.iter().map(|r| one(&mut estimator, r)).collect();
        let failed = results.iter().any(Result::is_err);
        let out: Vec<OutItem<'_>> = results
            .iter()
            .map(|r| match r {
                Ok(e) => OutItem::Case(out_case(e)),
                Err(e) => OutItem::Error(OutError { error: &e.message, field: &e.field }),
            })
            .collect();
        Outcome { stdout: Some(pretty(&out)), stderr: None, status: if failed { 2 } else { 0 } }
    } else if raw.get().trim_start().starts_with('{') {
        match one(&mut Estimator::new(policy), raw) {
            Ok(e) => Outcome { stdout: Some(pretty(&out_case(&e))), stderr: None, status: 0 },
            Err(e) => fail(e),
        }
    } else {
        fail(InputError::whole("输入应为一个病例对象，或由病例对象组成的数组"))
    }
}

mod erased {
    /// Pretty JSON with a final newline; our output types always serialize.
    pub trait Pretty {
        fn pretty(&self) -> String;
    }
    impl<T: serde::Serialize> Pretty for T {
        fn pretty(&self) -> String {
            let mut s = serde_json::to_string_pretty(self).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
            s.push('\n');
            s
        }
    }
}

fn main() -> ExitCode {
    let mut bytes = Vec::new();
    if let Err(e) = io::stdin().read_to_end(&mut bytes) {
        eprintln!("输入有误：无法读取输入（{e}）");
        return ExitCode::from(2);
    }
    let Ok(input) = String::from_utf8(bytes) else {
        eprintln!("输入有误：输入不是 UTF-8 编码的文字");
        return ExitCode::from(2);
    };
    let csv = std::env::args().skip(1).any(|a| a == "--csv") || roster::looks_like_csv(&input);
    let outcome = if csv { run_csv(&input, &Policy::builtin()) } else { run(&input, &Policy::builtin()) };
    if let Some(err) = outcome.stderr {
        eprintln!("{err}");
    }
    if let Some(out) = outcome.stdout {
        let mut stdout = io::stdout().lock();
        if stdout.write_all(out.as_bytes()).and_then(|()| stdout.flush()).is_err() {
            return ExitCode::from(1);
        }
    }
    ExitCode::from(outcome.status)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run_str(s: &str) -> Outcome {
        run(s, &Policy::builtin())
    }

    #[test]
    fn duplicate_and_unknown_keys_name_the_key() {
        let o = run_str(r#"{"date":"2018-03-01","date":"2018-03-02"}"#);
        assert_eq!(o.stderr.as_deref(), Some("输入有误（date）：字段“date”出现了两次"));
        let o = run_str(r#"{"colour":"red"}"#);
        assert_eq!(o.stderr.as_deref(), Some("输入有误（colour）：不认识的字段“colour”"));
        let o = run_str(r#"{"members":1}"#);
        assert_eq!(o.status, 2);
    }

    #[test]
    fn null_is_not_given() {
        let o = run_str(r#"{"date":null}"#);
        assert_eq!(o.stderr.as_deref(), Some("输入有误（date）：请填写住院日期"));
    }
}
