//! The roster as the page holds it: the rows, kept in this browser's localStorage only, and
//! what the engine makes of each row. Reading and writing the file, the checks and the counts
//! are `engine::roster`'s, shared with the `estimate` tool.

use engine::roster::{check_id, Row, Totals};
use policy::{DiseaseId, Policy};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

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

/// Writes the roster to this browser. Only from effects and event handlers.
pub fn save(rows: &[Row]) -> Result<(), String> {
    use gloo_storage::{LocalStorage, Storage};
    let stored = Stored { version: 1, rows: rows.to_vec() };
    LocalStorage::set(STORAGE_KEY, &stored).map_err(|e| format!("保存失败（浏览器存储空间可能已满）：{e}"))
}

/// What the engine says about one row: what the payers and the family pay, or why it cannot
/// say; and whether the 身份证号 fails its check.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowResult {
    /// (住院总费用, payers, family), or the reason there is no estimate.
    pub money: Result<(Decimal, Decimal, Decimal), String>,
    /// The 身份证号's problem, if it has one.
    pub id_problem: Option<String>,
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

/// Estimates every row with the Junshan layer on its 出院日期.
pub fn summarize(rows: &[Row]) -> Summary {
    let policy = Policy::builtin();
    let mut per: Vec<Totals> = vec![Totals::default(); DiseaseId::ALL.len()];
    let mut all = Totals::default();
    let results = rows
        .iter()
        .map(|row| {
            let estimate = row.estimate(&policy);
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
                id_problem: (!row.id_number.is_empty()).then(|| check_id(&row.id_number).err()).flatten().map(|p| p.to_string()),
            }
        })
        .collect();
    let by_disease = DiseaseId::ALL.iter().copied().zip(per).filter(|(_, t)| t.rows > 0).collect();
    Summary { rows: results, by_disease, all }
}

/// Adds imported rows after the roster's, leaving out rows already in it exactly as they are
/// (so importing the same file twice does not double it). Returns how many were left out.
pub fn merge(roster: &mut Vec<Row>, imported: Vec<Row>) -> usize {
    let mut seen: HashSet<Row> = roster.iter().cloned().collect();
    let mut skipped = 0;
    for row in imported {
        if seen.insert(row.clone()) {
            roster.push(row);
        } else {
            skipped += 1;
        }
    }
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
        assert_eq!(s.by_disease.iter().map(|(d, t)| (d.name(), t.rows)).collect::<Vec<_>>(), [("食管癌", 1), ("胃癌", 2)]);
        assert_eq!(s.rows[2].money, Err("请填写住院总费用".to_owned()));
    }

    #[test]
    fn an_import_keeps_the_roster_and_skips_exact_repeats() {
        let mut roster = vec![row("张三")];
        let skipped = merge(&mut roster, vec![row("张三"), row("李四")]);
        assert_eq!(skipped, 1);
        assert_eq!(roster, vec![row("张三"), row("李四")]);
        // Export then import into an empty roster gives the same roster.
        let mut fresh = Vec::new();
        merge(&mut fresh, read_csv(&write_csv(&roster)).rows);
        assert_eq!(fresh, roster);
    }
}
