//! `estimate`: reads one case, or an array of cases, as JSON on stdin and writes how each bill
//! splits across the payers as JSON on stdout. A case with `stays` is one patient's stays,
//! estimated together over each calendar year. See `engine/README.md` for the contract.
//!
//! Exit status: 0 when every case was estimated; 2 when the input or any case is wrong (a single
//! case: a one-line message on stderr naming the field, nothing on stdout; an array: an
//! `{"error", "field"}` object in the failed case's place); 1 when the output cannot be written.
//!
//! An array is read, estimated and written one case at a time: a case is kept only until its
//! result is written, so that a file of a million cases takes as little memory as one case.
//! A case is at most [`MAX_CASE_BYTES`]; a bigger one is an error in its place.
//!
//! The cadres' roster file (CSV with Chinese headers, see `engine::roster`) is read instead of
//! JSON when stdin starts with a byte-order mark or with `序号,姓名`, or with `--csv`.

use engine::{
    format_plain, roster, CaseInput, Estimate, EstimateError, Estimator, Field, PatientInput, StayInput, Stays,
    StaysInput, YearEstimate, MAX_STAYS,
};
use policy::Policy;
use serde::de::{DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::value::RawValue;
use std::borrow::Cow;
use std::cell::RefCell;
use std::ffi::OsString;
use std::fmt;
use std::io::{self, BufWriter, Read, Write};
use std::process::ExitCode;
use std::rc::Rc;

/// The largest case read, in bytes of JSON. Real cases are a few hundred bytes; the limit is
/// what bounds the memory a case can take (it is read whole before it is checked).
const MAX_CASE_BYTES: usize = 16 << 20;

/// How deep brackets may nest. Checking a value keeps one byte per open bracket, so without a
/// limit a file of nothing but `[` would take its own size in memory.
const MAX_DEPTH: usize = 1_000_000;

/// How many characters of a value from the input a message quotes.
const SHOWN_CHARS: usize = 40;

/// How much of stdin is read at a time.
const READ_CHUNK: usize = 64 << 10;

/// How much output is held before it is written. Until the first write, an input found to be
/// wrong leaves stdout empty, as it always did; the first megabyte is some 300 results.
const OUTPUT_BUFFER: usize = 1 << 20;

/// How much of stdin is looked at to tell a roster file from JSON when it starts with blanks.
const HEAD_LIMIT: usize = 1 << 20;

/// Stays estimated with one [`Estimator`] before it is replaced: it keeps the parameters of
/// every region and day it has seen, and a file may have a different day on every stay.
const ESTIMATOR_CASES: usize = 1024;

const USAGE: &str = "\
estimate：估算一次住院的费用由各方（基本医保、大病保险、扶贫特惠保、医疗救助、医院减免、区级基金）各付多少。
Splits a hospital bill across the payers of Hunan's one-stop settlement.

用法 Usage:
  estimate < 病例.json        一个病例对象，或由病例对象组成的数组（JSON）；有 stays 的病例是
                             同一患者的各次住院，按年累计
                             one case object, or an array of them (JSON); a case with
                             `stays` is one patient's stays, counted over each year
  estimate --csv < 台账.csv   干部台账（CSV，中文表头）；以 BOM 或“序号,姓名”开头的输入不加 --csv 也按台账读
                             the cadres' roster (CSV with Chinese headers)
  estimate --help, -h        显示本说明 show this help
  estimate --version         显示版本 show the version

结果以 JSON 写到标准输出，错误写到标准错误。Results go to stdout as JSON, errors to stderr.
退出状态 Exit status: 0 全部算出 all estimated; 2 输入有误 the input is wrong; 1 结果写不出 output failed.
字段和格式见 engine/README.md。Fields and formats: see engine/README.md.
";

/// An input error: the JSON field at fault ("" when it is not one field; `stays[2].total_cost`
/// in a patient's stays) and a Chinese message.
#[derive(Debug, PartialEq, Eq)]
struct InputError {
    field: String,
    message: String,
    /// What the line on stderr names in parentheses: the field, or nothing when the message
    /// quotes the field itself (so that it is not shown twice), or the stay whose key it quotes.
    at: String,
}

impl InputError {
    fn whole(message: impl Into<String>) -> InputError {
        InputError { field: String::new(), message: message.into(), at: String::new() }
    }

    /// An error about `field` (its JSON path), which the message does not quote.
    fn at(field: String, message: impl Into<String>) -> InputError {
        InputError { at: field.clone(), field, message: message.into() }
    }

    /// An error about a key of the input, which the message quotes.
    fn key(key: &str, message: String) -> InputError {
        InputError { field: cut(key), message, at: String::new() }
    }

    /// An error about a key of stay `index` of a patient's stays, which the message quotes.
    fn stay_key(index: usize, key: &str, message: String) -> InputError {
        let at = stay_path(index);
        InputError { field: format!("{at}.{}", cut(key)), message, at }
    }
}

impl From<EstimateError> for InputError {
    fn from(e: EstimateError) -> InputError {
        InputError::at(e.path(), e.to_string())
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.at.is_empty() {
            write!(f, "输入有误：{}", self.message)
        } else {
            write!(f, "输入有误（{}）：{}", self.at, self.message)
        }
    }
}

/// `stays[2]`: the path of a stay of a patient's stays.
fn stay_path(index: usize) -> String {
    format!("stays[{index}]")
}

/// At most [`SHOWN_CHARS`] characters of `text`, and "…" when there were more.
fn cut(text: &str) -> String {
    match text.char_indices().nth(SHOWN_CHARS) {
        Some((end, _)) => format!("{}…", text.get(..end).unwrap_or_default()),
        None => text.to_owned(),
    }
}

/// A value from the input as a message quotes it: [`cut`], and on one line (control characters
/// written as escapes), so that it cannot make the message long or break it.
fn shown(text: &str) -> String {
    cut(text).chars().flat_map(|c| if c.is_control() { c.escape_debug().collect() } else { vec![c] }).collect()
}

/// A key of a JSON object, borrowed from the text unless it has escapes (a key may be as long as
/// a case, and is only compared).
struct Key<'a>(Cow<'a, str>);

impl<'de: 'a, 'a> Deserialize<'de> for Key<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = Key<'a>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a key")
            }
            fn visit_borrowed_str<E>(self, v: &'de str) -> Result<Self::Value, E> {
                Ok(Key(Cow::Borrowed(v)))
            }
            fn visit_str<E>(self, v: &str) -> Result<Self::Value, E> {
                Ok(Key(Cow::Owned(v.to_owned())))
            }
            fn visit_string<E>(self, v: String) -> Result<Self::Value, E> {
                Ok(Key(Cow::Owned(v)))
            }
        }
        d.deserialize_str(V(std::marker::PhantomData))
    }
}

/// The members of one JSON object, in order, duplicates kept, values left as raw JSON.
struct Members<'a>(Vec<(Key<'a>, &'a RawValue)>);

impl<'de: 'a, 'a> Deserialize<'de> for Members<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = Members<'a>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an object")
            }
            fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<Self::Value, M::Error> {
                let mut out = Vec::new();
                while let Some((k, v)) = map.next_entry::<Key<'de>, &'de RawValue>()? {
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
/// and arrays keep their raw text, which no field accepts. `Err` for a string that cannot be
/// read.
fn text_of(raw: &RawValue) -> Result<Option<String>, ()> {
    let t = raw.get().trim();
    if t == "null" {
        return Ok(None);
    }
    if t.starts_with('"') {
        return serde_json::from_str::<String>(t).map(Some).map_err(|_| ());
    }
    Ok(Some(t.to_owned()))
}

const BAD_TEXT: &str = "文字格式不对";

const NOT_AN_OBJECT: &str = "每个病例应为一个 JSON 对象，用 { } 括起来";

const STAY_NOT_AN_OBJECT: &str = "每一次住院应为一个 JSON 对象，用 { } 括起来";

const STAYS_NOT_AN_ARRAY: &str = "stays 应为由各次住院组成的数组，用 [ ] 括起来";

/// The name of the key of stays in a case: a case with it is a patient's stays.
const STAYS: &str = "stays";

/// A case of the input: one stay, or a patient's stays.
enum Parsed {
    Case(Box<CaseInput>),
    Patient(StaysInput),
}

impl Parsed {
    /// How many stays it has.
    fn stays(&self) -> usize {
        match self {
            Parsed::Case(_) => 1,
            Parsed::Patient(p) => p.stays.len(),
        }
    }
}

/// The slot of `input` that holds `field`'s text.
fn slot(input: &mut CaseInput, field: Field) -> Option<&mut Option<String>> {
    Some(match field {
        Field::Region => &mut input.region,
        Field::Date => &mut input.date,
        Field::Category => &mut input.category,
        Field::Registered => &mut input.registered,
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
        Field::CriticalBaseThisYear => &mut input.critical_base_this_year,
        Field::Stays | Field::Members | Field::TehuiPremium => return None,
    })
}

fn parse_case(text: &str) -> Result<Parsed, InputError> {
    let Members(members) = serde_json::from_str::<Members<'_>>(text).map_err(|_| InputError::whole(NOT_AN_OBJECT))?;
    if members.iter().any(|(Key(key), _)| key == STAYS) {
        return patient_input(members).map(Parsed::Patient);
    }
    let mut input = CaseInput::default();
    let mut seen: Vec<Field> = Vec::new();
    for (Key(key), value) in members {
        let field = Field::from_name(&key)
            .filter(|f| Field::CASE.contains(f))
            .ok_or_else(|| InputError::key(&key, format!("不认识的字段“{}”", shown(&key))))?;
        if seen.contains(&field) {
            return Err(InputError::key(&key, format!("字段“{}”出现了两次", shown(&key))));
        }
        seen.push(field);
        let text = text_of(value).map_err(|()| InputError::at(field.name().to_owned(), BAD_TEXT))?;
        if let Some(slot) = slot(&mut input, field) {
            *slot = text;
        }
    }
    Ok(Parsed::Case(Box::new(input)))
}

/// Why a field of a case cannot be where it is in a patient's stays: a stay's field among the
/// patient's (`in_stay` false), or the patient's in a stay; and the amounts paid earlier this
/// year, which the stays give themselves.
fn misplaced(field: Field, in_stay: bool) -> Option<String> {
    let (name, label) = (field.name(), field.label());
    if Field::STAY.contains(&field) {
        (!in_stay).then(|| format!("“{name}”（{label}）是每一次住院的字段，请写在 stays 的每一次住院里"))
    } else if Field::PATIENT.contains(&field) {
        in_stay.then(|| format!("“{name}”（{label}）是患者的字段，各次住院都一样，请写在 stays 外面"))
    } else {
        Some(format!(
            "录入了各次住院（stays）时不用填写“{name}”（{label}）：今年各次住院报销的金额和自付会逐次累计；此前的住院请也录入 stays"
        ))
    }
}

/// The stays of a patient: at most one more than the engine takes (it says so), so that the
/// list of a case of 16 MB holds a thousand values at most.
struct StayList<'a>(Vec<&'a RawValue>);

impl<'de: 'a, 'a> Deserialize<'de> for StayList<'a> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<'a>(std::marker::PhantomData<&'a ()>);
        impl<'de: 'a, 'a> Visitor<'de> for V<'a> {
            type Value = StayList<'a>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("an array of stays")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut out = Vec::new();
                while let Some(stay) = seq.next_element::<&'de RawValue>()? {
                    if out.len() <= MAX_STAYS {
                        out.push(stay);
                    }
                }
                Ok(StayList(out))
            }
        }
        d.deserialize_seq(V(std::marker::PhantomData))
    }
}

fn patient_input(members: Vec<(Key<'_>, &RawValue)>) -> Result<StaysInput, InputError> {
    let mut patient = CaseInput::default();
    let mut seen: Vec<Field> = Vec::new();
    let mut stays = None;
    for (Key(key), value) in members {
        let field = Field::from_name(&key)
            .filter(|f| Field::CASE.contains(f) || *f == Field::Stays)
            .ok_or_else(|| InputError::key(&key, format!("不认识的字段“{}”", shown(&key))))?;
        if seen.contains(&field) {
            return Err(InputError::key(&key, format!("字段“{}”出现了两次", shown(&key))));
        }
        seen.push(field);
        if field == Field::Stays {
            stays = Some(value);
            continue;
        }
        if let Some(why) = misplaced(field, false) {
            return Err(InputError::key(&key, why));
        }
        let text = text_of(value).map_err(|()| InputError::at(field.name().to_owned(), BAD_TEXT))?;
        if let Some(slot) = slot(&mut patient, field) {
            *slot = text;
        }
    }
    let list = stays
        .and_then(|raw| serde_json::from_str::<StayList<'_>>(raw.get()).ok())
        .ok_or_else(|| InputError::at(Field::Stays.name().to_owned(), STAYS_NOT_AN_ARRAY))?;
    if list.0.len() > MAX_STAYS {
        // The engine's message, from as many stays as it refuses.
        let too_many = StaysInput { stays: vec![StayInput::default(); MAX_STAYS + 1], ..StaysInput::default() };
        return Err(too_many.parse().err().map_or_else(|| InputError::whole(STAYS_NOT_AN_ARRAY), InputError::from));
    }
    let mut input = StaysInput { patient: PatientInput::of(&patient), stays: Vec::with_capacity(list.0.len()) };
    for (i, raw) in list.0.into_iter().enumerate() {
        let Members(members) = serde_json::from_str::<Members<'_>>(raw.get())
            .map_err(|_| InputError::at(stay_path(i), STAY_NOT_AN_OBJECT))?;
        let mut stay = CaseInput::default();
        let mut seen: Vec<Field> = Vec::new();
        for (Key(key), value) in members {
            let field = Field::from_name(&key)
                .filter(|f| Field::CASE.contains(f))
                .ok_or_else(|| InputError::stay_key(i, &key, format!("不认识的字段“{}”", shown(&key))))?;
            if seen.contains(&field) {
                return Err(InputError::stay_key(i, &key, format!("字段“{}”出现了两次", shown(&key))));
            }
            seen.push(field);
            if let Some(why) = misplaced(field, true) {
                return Err(InputError::stay_key(i, &key, why));
            }
            let text =
                text_of(value).map_err(|()| InputError::at(format!("{}.{}", stay_path(i), field.name()), BAD_TEXT))?;
            if let Some(slot) = slot(&mut stay, field) {
                *slot = text;
            }
        }
        input.stays.push(StayInput::of(&stay));
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
    #[serde(skip_serializing_if = "Vec::is_empty")]
    interpretations: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    baselines: Vec<OutBaseline>,
}

#[derive(Serialize)]
struct OutBaseline {
    parameter: &'static str,
    value: String,
    confidence: &'static str,
    text: String,
}

#[derive(Serialize)]
struct OutDoudi<'a> {
    amount: String,
    note: &'a str,
    citation: String,
    interpretations: Vec<String>,
}

#[derive(Serialize)]
struct OutLedger {
    id: &'static str,
    name: &'static str,
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
    ledger: Option<OutLedger>,
    pay_after_treatment: bool,
    designated: bool,
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
                interpretations: l.interpretations.iter().map(|i| format!("{}：{}", i.label(), i.text())).collect(),
                baselines: l
                    .baselines
                    .iter()
                    .map(|b| OutBaseline {
                        parameter: b.param.id(),
                        value: format_plain(b.value),
                        confidence: b.confidence.id(),
                        text: b.text(),
                    })
                    .collect(),
            })
            .collect(),
        patient_pays: format_plain(e.patient_pays),
        ordinary_patient_pays: format_plain(e.ordinary_patient_pays()),
        savings: format_plain(e.savings),
        warnings: e.warnings.iter().map(ToString::to_string).collect(),
        doudi: e.doudi.as_ref().map(|d| OutDoudi {
            amount: format_plain(d.amount),
            note: &d.text,
            citation: d.citation.to_string(),
            interpretations: d.interpretations.iter().map(|i| format!("{}：{}", i.label(), i.text())).collect(),
        }),
        pay_after_treatment: e.pay_after_treatment,
        designated: e.designated,
        ledger: e.ledger.map(|l| OutLedger { id: l.id(), name: l.name(), citation: l.citation().to_string() }),
    }
}

/// One stay of a patient's: its day, then what a case alone gives.
#[derive(Serialize)]
struct OutStay<'a> {
    date: String,
    #[serde(flatten)]
    estimate: OutCase<'a>,
}

#[derive(Serialize)]
struct OutTotal {
    payer: &'static str,
    amount: String,
}

#[derive(Serialize)]
struct OutYear {
    year: u16,
    total_cost: String,
    lines: Vec<OutTotal>,
    patient_pays: String,
    ordinary_patient_pays: String,
    savings: String,
}

#[derive(Serialize)]
struct OutPatient<'a> {
    stays: Vec<OutStay<'a>>,
    years: Vec<OutYear>,
}

fn out_patient<'a>(stays: &Stays, year: &'a YearEstimate) -> OutPatient<'a> {
    OutPatient {
        stays: stays
            .stays
            .iter()
            .zip(&year.stays)
            .map(|(stay, e)| OutStay { date: stay.date.to_string(), estimate: out_case(e) })
            .collect(),
        years: year
            .years
            .iter()
            .map(|y| OutYear {
                year: y.year,
                total_cost: format_plain(y.total_cost),
                lines: y
                    .lines
                    .iter()
                    .map(|l| OutTotal { payer: l.payer.id(), amount: format_plain(l.amount) })
                    .collect(),
                patient_pays: format_plain(y.patient_pays),
                ordinary_patient_pays: format_plain(y.ordinary_patient_pays()),
                savings: format_plain(y.savings),
            })
            .collect(),
    }
}

/// What one case of the input gave.
enum Outcome {
    Case(Box<Estimate>),
    Patient(Stays, YearEstimate),
}

/// An outcome as it is written.
#[derive(Serialize)]
#[serde(untagged)]
enum Out<'a> {
    Case(Box<OutCase<'a>>),
    Patient(OutPatient<'a>),
}

fn out_outcome(outcome: &Outcome) -> Out<'_> {
    match outcome {
        Outcome::Case(e) => Out::Case(Box::new(out_case(e))),
        Outcome::Patient(stays, year) => Out::Patient(out_patient(stays, year)),
    }
}

fn estimate_parsed(estimator: &mut Estimator, parsed: Parsed) -> Result<Outcome, InputError> {
    match parsed {
        Parsed::Case(input) => Ok(Outcome::Case(Box::new(estimator.estimate(&input.parse()?)?))),
        Parsed::Patient(input) => {
            let stays = input.parse()?;
            let year = estimator.year(&stays)?;
            Ok(Outcome::Patient(stays, year))
        }
    }
}

fn too_big() -> InputError {
    InputError::whole(format!("这个病例太大：每个病例最多 {} MB，请检查输入", MAX_CASE_BYTES >> 20))
}

/// Why stdin could not be read on, kept where the code that reports it can see it: serde_json
/// passes on only that reading failed.
#[derive(Debug)]
enum Failure {
    Unreadable(String),
    NotUtf8,
    TooDeep,
}

impl Failure {
    fn message(&self) -> String {
        match self {
            Failure::Unreadable(e) => format!("无法读取输入（{e}）"),
            Failure::NotUtf8 => "输入不是 UTF-8 编码的文字".to_owned(),
            Failure::TooDeep => format!("括号嵌套超过了 {MAX_DEPTH} 层，请检查输入"),
        }
    }
}

/// What the reader has handed on, shared with the code serde_json calls for each element: the
/// last byte (the element's first, which serde_json has just looked at), the bytes of the
/// element being captured, and enough of the JSON syntax to count open brackets.
#[derive(Debug, Default)]
struct Tap {
    json: bool,
    last: u8,
    in_string: bool,
    escaped: bool,
    depth: usize,
    capturing: bool,
    captured: Vec<u8>,
    overflow: bool,
    failure: Option<Failure>,
    /// Bytes handed on since the last line break, and before it on its line.
    column: usize,
    previous_line: usize,
    /// `previous_line` where an element turned out wrong (serde_json reads on after it).
    previous_line_at_fault: Option<usize>,
}

impl Tap {
    fn begin_capture(&mut self, first: &[u8]) {
        self.captured.clear();
        if self.captured.capacity() > READ_CHUNK {
            // After a big case, give the memory back.
            self.captured.shrink_to(READ_CHUNK);
        }
        self.captured.extend_from_slice(first);
        self.capturing = true;
        self.overflow = false;
    }

    /// Notes the bytes handed on; false when brackets nest deeper than [`MAX_DEPTH`].
    fn see(&mut self, bytes: &[u8]) -> bool {
        for &b in bytes {
            self.last = b;
            if self.capturing {
                if self.captured.len() < MAX_CASE_BYTES {
                    self.captured.push(b);
                } else {
                    self.overflow = true;
                }
            }
            if !self.json {
                continue;
            }
            if b == b'\n' {
                self.previous_line = self.column;
                self.column = 0;
            } else {
                self.column += 1;
            }
            if self.in_string {
                if self.escaped {
                    self.escaped = false;
                } else if b == b'\\' {
                    self.escaped = true;
                } else if b == b'"' {
                    self.in_string = false;
                }
                continue;
            }
            match b {
                b'"' => self.in_string = true,
                b'[' | b'{' => {
                    self.depth += 1;
                    if self.depth > MAX_DEPTH {
                        return false;
                    }
                }
                b']' | b'}' => self.depth = self.depth.saturating_sub(1),
                _ => {}
            }
        }
        true
    }
}

/// stdin, read a chunk at a time and checked to be UTF-8 as it comes (a chunk is refused whole,
/// so an input smaller than a chunk is refused before any of it is read, as it always was).
struct Input<R> {
    inner: R,
    /// Bytes read; `buf[pos..checked]` are checked and not handed on yet, `buf[checked..]` the
    /// start of a character that the next read completes.
    buf: Vec<u8>,
    pos: usize,
    checked: usize,
    eof: bool,
    tap: Rc<RefCell<Tap>>,
}

/// Where the input's first value starts, after the blanks [`Input::skip_blanks`] took off:
/// serde_json counts lines and columns from there.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Start {
    lines: usize,
    column: usize,
}

impl<R: Read> Input<R> {
    fn new(inner: R) -> Input<R> {
        Input { inner, buf: Vec::new(), pos: 0, checked: 0, eof: false, tap: Rc::default() }
    }

    fn fail(&self, failure: Failure) -> io::Error {
        let e = io::Error::new(io::ErrorKind::InvalidData, failure.message());
        self.tap.borrow_mut().failure = Some(failure);
        e
    }

    /// Reads on until more checked bytes are there or the input ends.
    fn fill(&mut self) -> io::Result<()> {
        if let Some(f) = &self.tap.borrow().failure {
            return Err(io::Error::new(io::ErrorKind::InvalidData, f.message()));
        }
        if self.pos == self.checked && self.pos > 0 {
            self.buf.drain(..self.pos);
            self.checked = 0;
            self.pos = 0;
        }
        let before = self.checked;
        while self.checked == before && !self.eof {
            let start = self.buf.len();
            self.buf.resize(start + READ_CHUNK, 0);
            let read = self.inner.read(self.buf.get_mut(start..).unwrap_or_default());
            let n = *read.as_ref().unwrap_or(&0);
            self.buf.truncate(start + n);
            match read {
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(self.fail(Failure::Unreadable(e.to_string()))),
                Ok(0) => {
                    self.eof = true;
                    if self.checked < self.buf.len() {
                        return Err(self.fail(Failure::NotUtf8));
                    }
                }
                Ok(_) => match std::str::from_utf8(self.buf.get(self.checked..).unwrap_or_default()) {
                    Ok(_) => self.checked = self.buf.len(),
                    Err(e) if e.error_len().is_none() => self.checked += e.valid_up_to(),
                    Err(_) => return Err(self.fail(Failure::NotUtf8)),
                },
            }
        }
        Ok(())
    }

    fn pending(&self) -> &[u8] {
        self.buf.get(self.pos..self.checked).unwrap_or_default()
    }

    /// Whether the input is a roster file, judged as [`roster::looks_like_csv`] judges the whole
    /// text, from as much of its start as that takes (nothing is handed on).
    fn looks_like_csv(&mut self) -> io::Result<bool> {
        const HEADER: &str = "序号,姓名";
        let bom = roster::BOM.to_string();
        loop {
            let text = std::str::from_utf8(self.pending()).unwrap_or_default();
            let rest = text.trim_start();
            let may_be_bom = text.len() < bom.len() && bom.starts_with(text);
            let decided = !may_be_bom && (rest.len() >= HEADER.len() || !HEADER.starts_with(rest));
            if decided || self.eof || text.len() > HEAD_LIMIT {
                return Ok(roster::looks_like_csv(text));
            }
            self.fill()?;
        }
    }

    /// Takes the JSON blanks off the start and gives the first byte after them (not taken),
    /// `None` for an input of blanks, and how many lines and columns were taken.
    fn skip_blanks(&mut self) -> io::Result<(Option<u8>, Start)> {
        let mut start = Start::default();
        loop {
            while let Some(&b) = self.pending().first() {
                match b {
                    b'\n' => {
                        start.lines += 1;
                        start.column = 0;
                    }
                    b' ' | b'\t' | b'\r' => start.column += 1,
                    _ => return Ok((Some(b), start)),
                }
                self.pos += 1;
            }
            if self.eof {
                return Ok((None, start));
            }
            self.fill()?;
        }
    }
}

impl<R: Read> Read for Input<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        while self.pos == self.checked {
            if self.eof {
                return Ok(0);
            }
            self.fill()?;
        }
        let n = out.len().min(self.checked - self.pos);
        let bytes = self.buf.get(self.pos..self.pos + n).unwrap_or_default();
        if !self.tap.borrow_mut().see(bytes) {
            return Err(self.fail(Failure::TooDeep));
        }
        if let Some(out) = out.get_mut(..n) {
            out.copy_from_slice(bytes);
        }
        self.pos += n;
        Ok(n)
    }
}

/// The message for a serde_json error, at the line and column of the whole input.
fn json_error(tap: &RefCell<Tap>, e: &serde_json::Error, start: Start) -> InputError {
    if e.is_io() {
        let failure = tap.borrow().failure.as_ref().map(Failure::message);
        return InputError::whole(failure.unwrap_or_else(|| format!("无法读取输入（{e}）")));
    }
    let (mut line, mut column) = (e.line(), e.column());
    // Reading a text whole, serde_json puts a control character in a string before the
    // character; reading a stream, after it (it has read it). Told as the whole text tells it.
    if e.to_string().starts_with("control character") {
        if column > 0 {
            column -= 1;
        } else if line > 1 {
            line -= 1;
            let tap = tap.borrow();
            column = tap.previous_line_at_fault.unwrap_or(tap.previous_line);
        }
    }
    let (line, column) =
        if line <= 1 { (start.lines + 1, start.column + column) } else { (start.lines + line, column) };
    InputError::whole(format!("输入不是有效的 JSON（第 {line} 行第 {column} 列）"))
}

/// `value` laid out as serde_json lays out an element of an array: pretty, one level in (its
/// strings hold no line breaks, so every line break is the layout's).
fn lay_out(value: &impl Serialize, pretty: &mut Vec<u8>, element: &mut Vec<u8>) -> io::Result<()> {
    pretty.clear();
    serde_json::to_writer_pretty(&mut *pretty, value).map_err(io::Error::other)?;
    element.clear();
    for (i, line) in pretty.split(|b| *b == b'\n').enumerate() {
        if i > 0 {
            element.extend_from_slice(b"\n  ");
        }
        element.extend_from_slice(line);
    }
    Ok(())
}

/// stdout, written as results come, through a buffer of [`OUTPUT_BUFFER`].
struct Output<W: Write> {
    w: BufWriter<W>,
    /// Bytes given to `w`: more than it holds once some went to stdout.
    given: u64,
    items: usize,
    pretty: Vec<u8>,
    element: Vec<u8>,
}

impl<W: Write> Output<W> {
    fn new(w: W) -> Output<W> {
        Output {
            w: BufWriter::with_capacity(OUTPUT_BUFFER, w),
            given: 0,
            items: 0,
            pretty: Vec::new(),
            element: Vec::new(),
        }
    }

    /// One element of the output array.
    fn item(&mut self, value: &impl Serialize) -> io::Result<()> {
        lay_out(value, &mut self.pretty, &mut self.element)?;
        let element = std::mem::take(&mut self.element);
        let written = self.laid_out(&element);
        self.element = element;
        // After a big element (a patient's stays), the memory is given back rather than kept
        // while the next case is read.
        if self.element.capacity() > OUTPUT_BUFFER {
            self.pretty = Vec::new();
            self.element = Vec::new();
        }
        written
    }

    /// One element of the output array, laid out by [`lay_out`].
    fn laid_out(&mut self, element: &[u8]) -> io::Result<()> {
        let before: &[u8] = if self.items == 0 { b"[\n  " } else { b",\n  " };
        self.items += 1;
        self.given += (before.len() + element.len()) as u64;
        self.w.write_all(before)?;
        self.w.write_all(element)
    }

    /// The whole output when it is one case.
    fn single(mut self, value: &impl Serialize) -> io::Result<()> {
        serde_json::to_writer_pretty(&mut self.pretty, value).map_err(io::Error::other)?;
        self.pretty.push(b'\n');
        self.w.write_all(&self.pretty)?;
        self.w.flush()
    }

    fn close(mut self) -> io::Result<()> {
        let end: &[u8] = if self.items == 0 { b"[]\n" } else { b"\n]\n" };
        self.w.write_all(end)?;
        self.w.flush()
    }

    fn started(&self) -> bool {
        self.given > self.w.buffer().len() as u64
    }

    /// Drops what is held without writing it.
    fn discard(self) {
        let _ = self.w.into_parts();
    }
}

/// An array being estimated and written.
struct Run<'p, W: Write> {
    policy: &'p Policy,
    estimator: Estimator,
    with_estimator: usize,
    out: Output<W>,
    failed: bool,
    write_failed: bool,
    /// The element for an element that is not an object, laid out once: a file of numbers
    /// has millions of them.
    not_an_object: Vec<u8>,
}

impl<'p, W: Write> Run<'p, W> {
    fn new(policy: &'p Policy, out: W) -> Run<'p, W> {
        Run {
            policy,
            estimator: Estimator::new(policy),
            with_estimator: 0,
            out: Output::new(out),
            failed: false,
            write_failed: false,
            not_an_object: Vec::new(),
        }
    }

    /// The estimator for a case of `stays` stays (each may be on another day).
    fn estimator(&mut self, stays: usize) -> &mut Estimator {
        if self.with_estimator > 0 && self.with_estimator + stays > ESTIMATOR_CASES {
            self.estimator = Estimator::new(self.policy);
            self.with_estimator = 0;
        }
        self.with_estimator += stays;
        &mut self.estimator
    }

    fn item(&mut self, value: &impl Serialize) -> bool {
        let written = self.out.item(value).is_ok();
        self.write_failed |= !written;
        written
    }

    fn not_an_object(&mut self) -> bool {
        self.failed = true;
        if self.not_an_object.is_empty() {
            let value = OutError { error: NOT_AN_OBJECT, field: "" };
            if lay_out(&value, &mut Vec::new(), &mut self.not_an_object).is_err() {
                self.write_failed = true;
                return false;
            }
        }
        let written = self.out.laid_out(&self.not_an_object).is_ok();
        self.write_failed |= !written;
        written
    }

    /// The exit status once the array is done (the input read to its end).
    fn finish(self) -> u8 {
        match self.out.close() {
            Err(_) => 1,
            Ok(()) if self.failed => 2,
            Ok(()) => 0,
        }
    }
}

/// What one element of the input array turned out to be.
enum Element {
    Object,
    TooBig,
    Other,
}

/// Reads one element of the array: checked by serde_json without keeping it, while the reader
/// captures an object's bytes for [`parse_case`].
struct ElementSeed<'t>(&'t RefCell<Tap>);

impl<'de> DeserializeSeed<'de> for ElementSeed<'_> {
    type Value = Element;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Element, D::Error> {
        // serde_json has read the element's first byte (to see that the array goes on), so
        // the capture starts with it.
        let object = self.0.borrow().last == b'{';
        if object {
            self.0.borrow_mut().begin_capture(b"{");
        }
        let checked = d.deserialize_ignored_any(IgnoredAny);
        let mut tap = self.0.borrow_mut();
        tap.capturing = false;
        checked?;
        Ok(match (object, tap.overflow) {
            (false, _) => Element::Other,
            (true, true) => Element::TooBig,
            (true, false) => Element::Object,
        })
    }
}

struct Cases<'r, 'p, W: Write> {
    run: &'r mut Run<'p, W>,
    tap: &'r RefCell<Tap>,
}

impl<'de, W: Write> Visitor<'de> for Cases<'_, '_, W> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array of cases")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        loop {
            let element = match seq.next_element_seed(ElementSeed(self.tap)) {
                Ok(Some(element)) => element,
                Ok(None) => break,
                Err(e) => {
                    let mut tap = self.tap.borrow_mut();
                    tap.previous_line_at_fault = Some(tap.previous_line);
                    return Err(e);
                }
            };
            let result = match element {
                Element::Other => {
                    if !self.run.not_an_object() {
                        return Err(serde::de::Error::custom("stdout"));
                    }
                    continue;
                }
                Element::Object => {
                    let mut captured = std::mem::take(&mut self.tap.borrow_mut().captured);
                    let parsed = std::str::from_utf8(&captured)
                        .map_err(|_| InputError::whole(NOT_AN_OBJECT))
                        .and_then(parse_case);
                    // The text is not needed once read: a big case's memory is given back before
                    // its output (a patient's stays, up to some 6 MB) is made.
                    captured.clear();
                    captured.shrink_to(READ_CHUNK);
                    self.tap.borrow_mut().captured = captured;
                    parsed.and_then(|p| {
                        let stays = p.stays();
                        estimate_parsed(self.run.estimator(stays), p)
                    })
                }
                Element::TooBig => Err(too_big()),
            };
            let written = match &result {
                Ok(outcome) => self.run.item(&out_outcome(outcome)),
                Err(e) => {
                    self.run.failed = true;
                    self.run.item(&OutError { error: &e.message, field: &e.field })
                }
            };
            if !written {
                return Err(serde::de::Error::custom("stdout"));
            }
        }
        Ok(())
    }
}

/// Writes the one-line message for an input that is wrong as a whole; the exit status.
fn refuse(err: &mut dyn Write, e: &InputError) -> u8 {
    let _ = writeln!(err, "{e}");
    2
}

fn run_json<R: Read, W: Write>(mut input: Input<R>, out: W, err: &mut dyn Write, policy: &Policy) -> u8 {
    let tap = Rc::clone(&input.tap);
    tap.borrow_mut().json = true;
    let (first, start) = match input.skip_blanks() {
        Ok(first) => first,
        Err(e) => return refuse(err, &read_error(&tap, &e)),
    };
    let mut de = serde_json::Deserializer::from_reader(input);
    match first {
        Some(b'[') => {
            let mut run = Run::new(policy, out);
            let read = de.deserialize_seq(Cases { run: &mut run, tap: &tap }).and_then(|()| de.end());
            if run.write_failed {
                return 1;
            }
            let Err(e) = read else { return run.finish() };
            let e = json_error(&tap, &e, start);
            refuse(err, &e);
            if !run.out.started() {
                run.out.discard();
                return 2;
            }
            // The cases before the fault are written already: the array ends with the fault, so
            // that stdout is still JSON.
            run.failed = true;
            if !run.item(&OutError { error: &e.message, field: "" }) {
                return 1;
            }
            run.finish()
        }
        Some(b'{') => {
            tap.borrow_mut().begin_capture(b"");
            let read = de.deserialize_ignored_any(IgnoredAny);
            tap.borrow_mut().capturing = false;
            if let Err(e) = read.and_then(|IgnoredAny| de.end()) {
                return refuse(err, &json_error(&tap, &e, start));
            }
            let (captured, overflow) = {
                let mut tap = tap.borrow_mut();
                (std::mem::take(&mut tap.captured), tap.overflow)
            };
            if overflow {
                return refuse(err, &too_big());
            }
            let parsed =
                std::str::from_utf8(&captured).map_err(|_| InputError::whole(NOT_AN_OBJECT)).and_then(parse_case);
            // The text is not needed once read: its memory is given back before the output is made.
            drop(captured);
            match parsed.and_then(|p| estimate_parsed(&mut Estimator::new(policy), p)) {
                Ok(outcome) => match Output::new(out).single(&out_outcome(&outcome)) {
                    Ok(()) => 0,
                    Err(_) => 1,
                },
                Err(e) => refuse(err, &e),
            }
        }
        _ => {
            // Not a case, but a wrong JSON text is told as such, as for the others.
            let e = match de.deserialize_ignored_any(IgnoredAny).and_then(|IgnoredAny| de.end()) {
                Ok(()) => InputError::whole("输入应为一个病例对象，或由病例对象组成的数组"),
                Err(e) => json_error(&tap, &e, start),
            };
            refuse(err, &e)
        }
    }
}

fn read_error(tap: &RefCell<Tap>, e: &io::Error) -> InputError {
    let failure = tap.borrow().failure.as_ref().map(Failure::message);
    InputError::whole(failure.unwrap_or_else(|| format!("无法读取输入（{e}）")))
}

/// A roster problem as one line: the row, the column (cut, it may be any header) and why.
fn problem_line(p: &roster::RowProblem) -> String {
    if p.column.is_empty() {
        format!("第 {} 行：{}", p.row, p.reason)
    } else {
        format!("第 {} 行“{}”：{}", p.row, shown(&p.column), p.reason)
    }
}

/// The roster file: one element per data row, in file order; a row that cannot be read or
/// estimated is `{"error", "field" (the column's Chinese header), "row" (its line in the file)}`.
/// The rows' warnings go to stderr, one line each.
fn run_csv<R: Read, W: Write>(mut input: Input<R>, out: W, err: &mut dyn Write, policy: &Policy) -> u8 {
    let mut bytes = Vec::new();
    if let Err(e) = input.read_to_end(&mut bytes) {
        return refuse(err, &read_error(&input.tap, &e));
    }
    let Ok(text) = String::from_utf8(bytes) else {
        return refuse(err, &InputError::whole(Failure::NotUtf8.message()));
    };
    let import = roster::read_csv(&text);
    if let Some(e) = &import.unreadable {
        return refuse(err, &InputError::whole(e.reason.clone()));
    }
    for w in &import.warnings {
        let _ = writeln!(err, "提醒：{}", problem_line(w));
    }
    let mut run = Run::new(policy, out);
    // A patient's rows of one year are estimated together, as that patient's year of stays; the
    // estimates come in the order of the rows read, which are the Ok items in file order.
    let mut estimates = roster::estimate_rows(run.estimator(import.rows.len()), &import.rows, true).into_iter();
    for (row, r) in import.in_file_order() {
        let written = match r {
            // One estimate per row read, so there is always one here.
            Ok(_) => match estimates.next() {
                None => true,
                Some(Ok(e)) => run.item(&out_case(&e)),
                Some(Err(e)) => {
                    run.failed = true;
                    run.item(&OutRowError { error: &e.to_string(), field: roster::column_of(e.field()), row })
                }
            },
            Err(p) => {
                run.failed = true;
                run.item(&OutRowError { error: &p.reason, field: &p.column, row })
            }
        };
        if !written {
            return 1;
        }
    }
    run.finish()
}

/// What the command line asks for.
#[derive(Debug, PartialEq, Eq)]
enum Mode {
    Help,
    Version,
    Estimate { csv: bool },
}

/// The mode, or the first argument that is not one of the tool's (as a message shows it).
fn mode(args: impl IntoIterator<Item = OsString>) -> Result<Mode, String> {
    let mut csv = false;
    for arg in args {
        match arg.to_str() {
            Some("--help" | "-h") => return Ok(Mode::Help),
            Some("--version") => return Ok(Mode::Version),
            Some("--csv") => csv = true,
            _ => return Err(shown(&arg.to_string_lossy())),
        }
    }
    Ok(Mode::Estimate { csv })
}

/// Reads stdin, writes the results to `out` and the messages to `err`; the exit status.
fn estimate<R: Read, W: Write>(stdin: R, out: W, err: &mut dyn Write, csv: bool, policy: &Policy) -> u8 {
    let mut input = Input::new(stdin);
    let csv = match input.looks_like_csv() {
        Ok(looks) => csv || looks,
        Err(e) => return refuse(err, &read_error(&input.tap, &e)),
    };
    if csv {
        run_csv(input, out, err, policy)
    } else {
        run_json(input, out, err, policy)
    }
}

fn main() -> ExitCode {
    let mut stderr = io::stderr().lock();
    let say = |text: &str| {
        let mut stdout = io::stdout().lock();
        if stdout.write_all(text.as_bytes()).and_then(|()| stdout.flush()).is_ok() {
            0
        } else {
            1
        }
    };
    let status = match mode(std::env::args_os().skip(1)) {
        Ok(Mode::Help) => say(USAGE),
        Ok(Mode::Version) => say(&format!("estimate {}\n", env!("CARGO_PKG_VERSION"))),
        Ok(Mode::Estimate { csv }) => {
            estimate(io::stdin().lock(), io::stdout().lock(), &mut stderr, csv, &Policy::builtin())
        }
        Err(arg) => {
            let _ = writeln!(stderr, "未知的参数：{arg}（可用 --help 查看用法）");
            2
        }
    };
    ExitCode::from(status)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Outcome {
        stdout: String,
        stderr: String,
        status: u8,
    }

    fn run_bytes(input: impl Read, csv: bool) -> Outcome {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let status = estimate(input, &mut out, &mut err, csv, &Policy::builtin());
        let text = |b: Vec<u8>| String::from_utf8(b).expect("the tool writes UTF-8");
        Outcome { stdout: text(out), stderr: text(err), status }
    }

    fn run_str(s: &str) -> Outcome {
        run_bytes(s.as_bytes(), false)
    }

    /// A reader that gives one byte at a time, so that characters and values are split across
    /// reads.
    struct Trickle<'a>(&'a [u8]);

    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let (Some(first), Some(slot)) = (self.0.first(), out.first_mut()) else { return Ok(0) };
            *slot = *first;
            self.0 = &self.0[1..];
            Ok(1)
        }
    }

    #[test]
    fn duplicate_and_unknown_keys_name_the_key_once() {
        let o = run_str(r#"{"date":"2018-03-01","date":"2018-03-02"}"#);
        assert_eq!(o.stderr, "输入有误：字段“date”出现了两次\n");
        let o = run_str(r#"{"colour":"red"}"#);
        assert_eq!(o.stderr, "输入有误：不认识的字段“colour”\n");
        let o = run_str(r#"{"members":1}"#);
        assert_eq!(o.status, 2);
        // In an array, the element keeps the key as its field.
        let o = run_str(r#"[{"colour":"red"}]"#);
        assert_eq!(o.stdout, "[\n  {\n    \"error\": \"不认识的字段“colour”\",\n    \"field\": \"colour\"\n  }\n]\n");
    }

    #[test]
    fn null_is_not_given() {
        let o = run_str(r#"{"date":null}"#);
        assert_eq!(o.stderr, "输入有误（date）：请填写住院日期\n");
    }

    #[test]
    fn quoted_values_are_cut_on_a_character_and_kept_on_one_line() {
        assert_eq!(cut("colour"), "colour");
        let forty = "君".repeat(SHOWN_CHARS);
        assert_eq!(cut(&forty), forty);
        assert_eq!(cut(&format!("{forty}山")), format!("{forty}…"));
        assert_eq!(
            cut(&format!("{}君山区", "a".repeat(SHOWN_CHARS - 1))),
            format!("{}君…", "a".repeat(SHOWN_CHARS - 1))
        );
        assert_eq!(shown("a\nb\u{7}"), "a\\nb\\u{7}");
        let o = run_str(&format!("{{\"{}\":1}}", "键".repeat(1000)));
        assert_eq!(o.stderr, format!("输入有误：不认识的字段“{}…”\n", "键".repeat(SHOWN_CHARS)));
    }

    #[test]
    fn arguments() {
        let args = |a: &[&str]| mode(a.iter().map(OsString::from));
        assert_eq!(args(&[]), Ok(Mode::Estimate { csv: false }));
        assert_eq!(args(&["--csv"]), Ok(Mode::Estimate { csv: true }));
        assert_eq!(args(&["-h"]), Ok(Mode::Help));
        assert_eq!(args(&["--csv", "--help"]), Ok(Mode::Help));
        assert_eq!(args(&["--version"]), Ok(Mode::Version));
        assert_eq!(args(&["--cvs", "--help"]), Err("--cvs".to_owned()));
        assert_eq!(args(&["-"]), Err("-".to_owned()));
        assert_eq!(args(&[&"x".repeat(100)]), Err(format!("{}…", "x".repeat(SHOWN_CHARS))));
    }

    #[test]
    fn input_read_a_byte_at_a_time_gives_the_same() {
        let case = r#"{"date":"2018-03-01","category":"dibao","disease":"gastric_cancer","age":56,"hospital":"junshan_people","total_cost":"50000","in_policy_cost":"45000"}"#;
        for text in [
            case.to_owned(),
            format!(" \n [{case}, 1, \"君山\", {{\"x\":\"君\"}}]\n"),
            format!("[{case},\n  {{\"a\": [1, 2}}]"),
            "\u{feff}序号,姓名,疾病\n1,张三,胃癌\n".to_owned(),
        ] {
            let whole = run_str(&text);
            let trickled = run_bytes(Trickle(text.as_bytes()), false);
            assert_eq!(
                (trickled.stdout, trickled.stderr, trickled.status),
                (whole.stdout, whole.stderr, whole.status),
                "{text}"
            );
        }
        // A character cut off at the end is not UTF-8.
        let o = run_bytes(Trickle(&"\"君".as_bytes()[..3]), false);
        assert_eq!(o.stderr, "输入有误：输入不是 UTF-8 编码的文字\n");
    }

    #[test]
    fn an_array_with_a_fault_found_late_is_closed_with_the_fault() {
        let case = r#"{"date":"2018-03-01","category":"dibao","disease":"gastric_cancer","age":56,"hospital":"junshan_people","total_cost":"50000","in_policy_cost":"45000"}"#;
        // Enough cases that some output is written before the fault is read.
        let n = 2 * OUTPUT_BUFFER / 2000;
        let text = format!("[{}, x]", vec![case; n].join(","));
        let o = run_str(&text);
        assert_eq!(o.status, 2);
        assert_eq!(o.stderr.lines().count(), 1, "{}", o.stderr);
        assert!(o.stderr.starts_with("输入有误：输入不是有效的 JSON（第 1 行第"), "{}", o.stderr);
        let v: Vec<serde_json::Value> = serde_json::from_str(&o.stdout).expect("stdout stays JSON");
        assert_eq!(v.len(), n + 1);
        assert_eq!(v[n]["error"].as_str(), o.stderr.trim_end().strip_prefix("输入有误："));
        // Found before anything is written: stdout stays empty.
        let o = run_str(&format!("[{case}, x]"));
        assert_eq!((o.stdout.as_str(), o.status), ("", 2));
        assert_eq!(o.stderr, format!("输入有误：输入不是有效的 JSON（第 1 行第 {} 列）\n", case.len() + 4));
    }

    #[test]
    fn a_case_above_the_limit_is_an_error_in_its_place() {
        let big = format!("{{\"date\":\"{}\"}}", "2".repeat(MAX_CASE_BYTES));
        let o = run_str(&format!("[{big},{{\"colour\":1}}]"));
        let v: Vec<serde_json::Value> = serde_json::from_str(&o.stdout).expect("stdout is JSON");
        assert_eq!(v[0]["error"], too_big().message.as_str());
        assert_eq!(v[1]["field"], "colour");
        let o = run_str(&big);
        assert_eq!(o.stderr, format!("{}\n", too_big()));
        // Exactly the limit is read.
        let exact = format!("{{\"date\":\"{}\"}}", "2".repeat(MAX_CASE_BYTES - 11));
        assert_eq!(exact.len(), MAX_CASE_BYTES);
        assert_eq!(run_str(&exact).stderr, "输入有误（date）：住院日期要写成“年-月-日”，例如 2018-03-01\n");
    }

    #[test]
    fn brackets_nested_too_deep_are_refused() {
        let o = run_str(&"[".repeat(MAX_DEPTH + 1));
        assert_eq!(o.stderr, format!("输入有误：{}\n", Failure::TooDeep.message()));
        assert!(o.stdout.is_empty());
    }
}
