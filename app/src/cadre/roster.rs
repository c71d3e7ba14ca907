//! The roster as the page holds it: the rows, kept in this browser's localStorage only, and
//! what the engine makes of each row. Reading and writing the file, the checks and the counts
//! are `engine::roster`'s, shared with the `estimate` tool.

use engine::roster::{Row, Totals};
use engine::Estimator;
use policy::{DiseaseId, Policy};
use rust_decimal::Decimal;
use rustc_hash::FxBuildHasher;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

/// The localStorage key; the version lets a later format read this one.
pub const STORAGE_KEY: &str = "jkfp.cadre.roster.v1";

/// Where a stored roster that could not be read is kept when the cadre chooses to start again:
/// this prefix and the time it was set aside, in milliseconds.
pub const SET_ASIDE_PREFIX: &str = "jkfp.cadre.roster.set-aside.";

/// The format's version this page reads and writes.
const VERSION: u64 = 1;

/// What is stored under [`STORAGE_KEY`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stored {
    /// The format's version.
    pub version: u32,
    /// The rows, in roster order.
    pub rows: Vec<Row>,
}

/// What this browser holds for the roster, as the page found it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Loaded {
    /// A roster this page can read (empty when nothing was saved).
    Rows(Vec<Row>),
    /// Something is stored that this page cannot read whole: it is left exactly as it is and is
    /// never written over until the cadre sets it aside.
    Unreadable { raw: String, reason: String },
    /// This browser gives the page no storage (private mode, a WebView without DOM storage, a
    /// setting): the roster lives for this visit only.
    Unavailable(String),
}

/// The page's storage, or why there is none. `localStorage` may throw (`SecurityError`) or be
/// `null`; neither is a panic.
fn storage() -> Result<web_sys::Storage, String> {
    const NONE: &str = "这个浏览器不让本页保存名单（可能是无痕模式，或浏览器设置不允许网页存储）";
    let window = web_sys::window().ok_or_else(|| NONE.to_string())?;
    match window.local_storage() {
        Ok(Some(storage)) => Ok(storage),
        Ok(None) | Err(_) => Err(NONE.to_string()),
    }
}

/// Reads the roster from this browser, changing nothing. Only from effects and event handlers.
pub fn load() -> Loaded {
    let storage = match storage() {
        Ok(storage) => storage,
        Err(reason) => return Loaded::Unavailable(reason),
    };
    match storage.get_item(STORAGE_KEY) {
        Ok(None) => Loaded::Rows(Vec::new()),
        Ok(Some(raw)) => match parse_stored(&raw) {
            Ok(rows) => Loaded::Rows(rows),
            Err(reason) => Loaded::Unreadable { raw, reason },
        },
        Err(_) => Loaded::Unavailable("这个浏览器不让本页读取保存的名单".into()),
    }
}

/// Reads a stored roster, refusing anything it would not write back exactly: another version,
/// a value cut short, a field of the wrong kind, or a field it does not know (which saving
/// would drop). The reason is in Chinese.
pub fn parse_stored(raw: &str) -> Result<Vec<Row>, String> {
    use serde_json::Value;
    let value: Value = serde_json::from_str(raw).map_err(|_| "保存的内容不完整或已损坏".to_string())?;
    let Value::Object(object) = &value else { return Err("保存的内容不是名单".into()) };
    match object.get("version").and_then(Value::as_u64) {
        Some(VERSION) => {}
        Some(other) => {
            return Err(format!(
                "保存的是第 {other} 版的名单格式，本页只认得第 {VERSION} 版（可能是用更新的网站保存的）"
            ))
        }
        None => return Err("保存的内容没有版本号".into()),
    }
    if let Some(key) = object.keys().find(|k| *k != "version" && *k != "rows") {
        return Err(format!("保存的内容有本页不认得的项“{}”", cut(key)));
    }
    let Some(Value::Array(rows)) = object.get("rows") else { return Err("保存的内容没有名单".into()) };
    let known = serde_json::to_value(Row::default()).map_err(|e| e.to_string())?;
    let Value::Object(known) = known else { return Err("名单的格式有误".into()) };
    for (i, row) in rows.iter().enumerate() {
        let Value::Object(fields) = row else { return Err(format!("第 {} 个病人的内容有误", i + 1)) };
        if let Some(key) = fields.keys().find(|k| !known.contains_key(k.as_str())) {
            return Err(format!("第 {} 个病人有本页不认得的项“{}”", i + 1, cut(key)));
        }
    }
    let stored: Stored =
        serde_json::from_value(value).map_err(|e| format!("名单里有一项的内容有误（{}）", cut(&e.to_string())))?;
    Ok(stored.rows)
}

/// A name from a stored value, cut short for a message.
fn cut(text: &str) -> String {
    const MOST: usize = 30;
    if text.chars().count() > MOST {
        format!("{}…", text.chars().take(MOST).collect::<String>())
    } else {
        text.to_string()
    }
}

/// [`Stored`] as written: the same JSON, made from the roster where it is rather than from a
/// copy of it.
#[derive(Serialize)]
struct StoredRef<'a> {
    version: u32,
    rows: &'a [Row],
}

/// Writes the roster to this browser. Only from effects and event handlers, and never while
/// what is stored could not be read ([`Loaded::Unreadable`]).
pub fn save(rows: &[Row]) -> Result<(), String> {
    let json = serde_json::to_string(&StoredRef { version: VERSION as u32, rows }).map_err(|e| e.to_string())?;
    storage()?.set_item(STORAGE_KEY, &json).map_err(|_| "没能保存到本机（浏览器的存储空间可能已满）".to_string())
}

/// Keeps a stored value that could not be read under a key of its own, so that the roster's
/// own key can be written again; the value itself is not changed.
pub fn set_aside(raw: &str, now_ms: f64) -> Result<String, String> {
    let key = format!("{SET_ASIDE_PREFIX}{now_ms:.0}");
    storage()?.set_item(&key, raw).map_err(|_| "没能把读不出的数据移到一边（浏览器的存储空间可能已满）".to_string())?;
    Ok(key)
}

/// What the engine says about one row: what the payers and the family pay, or why it cannot
/// say. (Whether its 身份证号 passes its check is asked only for the rows on the screen.)
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowResult {
    /// (住院总费用, payers, family), or the reason there is no estimate.
    pub money: Result<(Decimal, Decimal, Decimal), String>,
}

/// Every row estimated, and the totals per disease (in the documents' order, only those with
/// rows) and overall.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Summary {
    /// One per row, in roster order.
    pub rows: Vec<RowResult>,
    /// (disease, totals) for each disease that has rows.
    pub by_disease: Vec<(DiseaseId, Totals)>,
    /// The whole roster.
    pub all: Totals,
}

/// Estimates every row with the Junshan layer on its 出院日期, a patient's rows of one year as
/// that patient's year of stays: the parameters resolved once per day, the figures only (no
/// sentence is shown here).
pub fn summarize(rows: &[Row]) -> Summary {
    let mut estimator = Estimator::new(&Policy::builtin());
    let estimates = engine::roster::estimate_rows(&mut estimator, rows, false);
    let mut per: Vec<Totals> = vec![Totals::default(); DiseaseId::ALL.len()];
    let mut all = Totals::default();
    let results = rows
        .iter()
        .zip(estimates)
        .map(|(row, estimate)| {
            let total = row.total_cost.parse::<Decimal>().unwrap_or_default();
            let e = estimate.as_ref().ok();
            all.add(e, total);
            if let Some(i) = row.disease_id().and_then(|d| DiseaseId::ALL.iter().position(|x| *x == d)) {
                if let Some(t) = per.get_mut(i) {
                    t.add(e, total);
                }
            }
            RowResult {
                money: estimate
                    .map(|e| (total, e.lines.iter().map(|l| l.amount).sum(), e.patient_pays))
                    .map_err(|e| e.to_string()),
            }
        })
        .collect();
    let by_disease = DiseaseId::ALL.iter().copied().zip(per).filter(|(_, t)| t.rows > 0).collect();
    Summary { rows: results, by_disease, all }
}

/// Adds imported rows after the roster's, leaving out rows already in it exactly as they are
/// (so importing the same file twice does not double it). Returns how many were left out.
pub fn merge(roster: &mut Vec<Row>, imported: Vec<Row>) -> usize {
    // Which to keep is decided on borrowed rows, so no row is copied.
    let keep: Vec<bool> = {
        // rustc's own quick hash: the rows are the user's own, so there is no one to guard against.
        let mut seen: HashSet<&Row, FxBuildHasher> =
            HashSet::with_capacity_and_hasher(roster.len() + imported.len(), FxBuildHasher);
        seen.extend(roster.iter());
        imported.iter().map(|row| seen.insert(row)).collect()
    };
    let skipped = keep.iter().filter(|k| !**k).count();
    roster.reserve(imported.len().saturating_sub(skipped));
    roster.extend(imported.into_iter().zip(keep).filter_map(|(row, k)| k.then_some(row)));
    skipped
}

#[cfg(test)]
mod tests {
    use super::*;
    use engine::roster::{read_csv, write_csv};

    fn row(name: &str) -> Row {
        Row {
            name: name.into(),
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
    fn totals_per_disease_and_overall() {
        let mut no_cost = row("王五");
        no_cost.total_cost.clear();
        no_cost.disease = "食管癌".into();
        let s = summarize(&[row("张三"), row("李四"), no_cost]);
        assert_eq!(s.all.rows, 3);
        assert_eq!(s.all.estimated, 2);
        assert_eq!(s.all.family, Decimal::new(569210, 2));
        assert_eq!(
            s.by_disease.iter().map(|(d, t)| (d.name(), t.rows)).collect::<Vec<_>>(),
            [("食管癌", 1), ("胃癌", 2)]
        );
        assert_eq!(s.rows[2].money, Err("请填写住院总费用".to_owned()));
    }

    #[test]
    fn what_saving_writes_is_read_back() {
        let rows = vec![row("张三"), row("李四")];
        let json = serde_json::to_string(&StoredRef { version: 1, rows: &rows }).unwrap();
        assert_eq!(parse_stored(&json), Ok(rows));
        assert_eq!(parse_stored(r#"{"version":1,"rows":[]}"#), Ok(Vec::new()));
    }

    #[test]
    fn a_stored_roster_that_saving_would_change_is_refused_with_its_reason() {
        let good = serde_json::to_string(&StoredRef { version: 1, rows: &[row("张三")] }).unwrap();
        let age_as_number = good.replace(r#""age":"56""#, r#""age":56"#);
        assert_ne!(age_as_number, good, "the row has an age to change");
        let renamed = good.replace(r#""name":"#, r#""full_name":"#);
        let cases = [
            (age_as_number.as_str(), "有误"),
            (&good[..good.len() - 5], "不完整"),
            (renamed.as_str(), "不认得的项“full_name”"),
            (r#"{"version":99,"rows":[]}"#, "第 99 版"),
            (r#"{"rows":[]}"#, "没有版本号"),
            (r#"{"version":1,"rows":[],"extra":1}"#, "不认得的项“extra”"),
            (r#"[1,2]"#, "不是名单"),
            (r#"{"version":1,"rows":[3]}"#, "第 1 个病人"),
        ];
        for (raw, reason) in cases {
            match parse_stored(raw) {
                Err(message) => assert!(message.contains(reason), "{raw}: {message}"),
                Ok(rows) => panic!("{raw} was read as {rows:?}"),
            }
        }
        let long_key = format!(r#"{{"version":1,"rows":[{{"{}":"x"}}]}}"#, "长".repeat(1000));
        assert!(parse_stored(&long_key).unwrap_err().chars().count() < 80, "a long key is cut in the message");
    }

    #[test]
    fn the_roster_is_stored_as_version_1_and_read_back() {
        let rows = vec![row("张三"), row("李四")];
        let json = serde_json::to_string(&StoredRef { version: 1, rows: &rows }).unwrap();
        let back: Stored = serde_json::from_str(&json).unwrap();
        assert_eq!(back, Stored { version: 1, rows: rows.clone() });
        assert_eq!(json, serde_json::to_string(&Stored { version: 1, rows }).unwrap());
    }

    #[test]
    fn figures_and_reasons_are_those_of_each_row_alone() {
        let policy = Policy::builtin();
        let mut early = row("赵六");
        early.discharge_date = "2017-06-01".into(); // before the province's plan: no estimate
        let mut other_day = row("钱七");
        other_day.discharge_date = "2019-05-06".into();
        other_day.hospital = "县级医院".into();
        let rows = [row("张三"), early, other_day, row("李四")];
        let s = summarize(&rows);
        for (r, result) in rows.iter().zip(&s.rows) {
            let alone = r.estimate(&policy);
            let total = r.total_cost.parse::<Decimal>().unwrap_or_default();
            let want = alone
                .map(|e| (total, e.lines.iter().map(|l| l.amount).sum(), e.patient_pays))
                .map_err(|e| e.to_string());
            assert_eq!(result.money, want, "{}", r.name);
        }
        assert!(s.rows[1].money.is_err());
    }

    #[test]
    fn an_import_keeps_the_roster_and_skips_exact_repeats() {
        let mut roster = vec![row("张三")];
        let skipped = merge(&mut roster, vec![row("张三"), row("李四"), row("李四")]);
        assert_eq!(skipped, 2);
        assert_eq!(roster, vec![row("张三"), row("李四")]);
        // Many rows, some repeated, in the file and against the roster.
        let many: Vec<Row> = (0..2000).map(|i| row(&format!("病人{}", i % 1500))).collect();
        let mut big = vec![row("病人7")];
        assert_eq!(merge(&mut big, many), 501);
        assert_eq!(big.len(), 1500);
        // Export then import into an empty roster gives the same roster.
        let mut fresh = Vec::new();
        merge(&mut fresh, read_csv(&write_csv(&roster)).rows);
        assert_eq!(fresh, roster);
    }
}
