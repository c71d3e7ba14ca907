//! The roster as the page holds it: the rows, kept in this browser's localStorage only, and
//! what the engine makes of each row. Reading and writing the file, the checks and the counts
//! are `engine::roster`'s, shared with the `estimate` tool.

use engine::roster::{Row, Totals};
use engine::Estimator;
use policy::{DiseaseId, Policy};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// The localStorage key; the version lets a later format read this one.
pub const STORAGE_KEY: &str = "jkfp.cadre.roster.v1";

/// What is stored under [`STORAGE_KEY`].
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stored {
    /// The format's version.
    pub version: u32,
    /// The rows, in roster order.
    pub rows: Vec<Row>,
}

/// Reads the roster from this browser. Only from effects and event handlers.
pub fn load() -> Result<Vec<Row>, String> {
    use gloo_storage::{errors::StorageError, LocalStorage, Storage};
    match LocalStorage::get::<Stored>(STORAGE_KEY) {
        Ok(s) => Ok(s.rows),
        Err(StorageError::KeyNotFound(_)) => Ok(Vec::new()),
        Err(e) => Err(format!("读取本机保存的名单失败：{e}")),
    }
}

/// [`Stored`] as written: the same JSON, made from the roster where it is rather than from a
/// copy of it.
#[derive(Serialize)]
struct StoredRef<'a> {
    version: u32,
    rows: &'a [Row],
}

/// Writes the roster to this browser. Only from effects and event handlers.
pub fn save(rows: &[Row]) -> Result<(), String> {
    use gloo_storage::{LocalStorage, Storage};
    LocalStorage::set(STORAGE_KEY, StoredRef { version: 1, rows })
        .map_err(|e| format!("保存失败（浏览器存储空间可能已满）：{e}"))
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

/// Estimates every row with the Junshan layer on its 出院日期: the parameters resolved once
/// per day, the figures only (no sentence is shown here).
pub fn summarize(rows: &[Row]) -> Summary {
    let mut estimator = Estimator::new(&Policy::builtin());
    let mut per: Vec<Totals> = vec![Totals::default(); DiseaseId::ALL.len()];
    let mut all = Totals::default();
    let results = rows
        .iter()
        .map(|row| {
            let estimate = row.case().and_then(|case| estimator.figures(&case));
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
        let mut seen: HashSet<&Row, BuildHasherDefault<RowHasher>> =
            HashSet::with_capacity_and_hasher(roster.len() + imported.len(), BuildHasherDefault::default());
        seen.extend(roster.iter());
        imported.iter().map(|row| seen.insert(row)).collect()
    };
    let skipped = keep.iter().filter(|k| !**k).count();
    roster.reserve(imported.len().saturating_sub(skipped));
    roster.extend(imported.into_iter().zip(keep).filter_map(|(row, k)| k.then_some(row)));
    skipped
}

/// A quick hash for finding repeated rows: eight bytes at a time (the multiply-rotate of
/// rustc's own hasher). The rows are the user's own, so there is no one to guard against.
#[derive(Default)]
struct RowHasher(u64);

impl RowHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for RowHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let mut last = [0u8; 8];
        let rest = chunks.remainder();
        if let Some(slot) = last.get_mut(..rest.len()) {
            slot.copy_from_slice(rest);
        }
        // With the remainder's length, so that trailing zero bytes count.
        self.add(u64::from_le_bytes(last) ^ ((rest.len() as u64) << 56));
    }

    fn write_u8(&mut self, b: u8) {
        self.add(u64::from(b));
    }

    fn finish(&self) -> u64 {
        self.0
    }
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
        early.discharge_date = "2017-08-01".into();
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
