//! A patient's rows of the same calendar year are that patient's stays: estimated together as a
//! year, so that the 大病保险 deductible is met once and the caps run over the year
//! (docs/calculation.md, a year of stays). A patient is the same 身份证号, or the same 姓名 where
//! there is none.

use super::Row;
use crate::{Case, Estimate, EstimateError, Estimator, Patient, Stay, Stays};
use std::collections::BTreeMap;

/// Who a row is about: its 身份证号, or its 姓名 when it has none.
pub fn person_key(row: &Row) -> String {
    let id = row.id_number.trim();
    if id.is_empty() {
        format!("姓名:{}", row.name.trim())
    } else {
        format!("身份证号:{}", id.to_ascii_uppercase())
    }
}

/// Each patient once, in the order of their first row; each patient's `latest` row (the last in
/// the roster) or first row.
///
/// ```
/// use engine::roster::{one_per_person, Row};
/// let row = |name: &str, status: &str| Row { name: name.into(), status: status.into(), ..Row::default() };
/// let rows = [row("张三", "未完成"), row("李四", "未完成"), row("张三", "已完成")];
/// let first: Vec<&str> = one_per_person(&rows, false).iter().map(|r| r.status.as_str()).collect();
/// assert_eq!(first, ["未完成", "未完成"]);
/// let latest: Vec<&str> = one_per_person(&rows, true).iter().map(|r| r.status.as_str()).collect();
/// assert_eq!(latest, ["已完成", "未完成"]);
/// ```
pub fn one_per_person<'a>(rows: impl IntoIterator<Item = &'a Row>, latest: bool) -> Vec<&'a Row> {
    let mut order: Vec<String> = Vec::new();
    let mut chosen: BTreeMap<String, &'a Row> = BTreeMap::new();
    for row in rows {
        match chosen.entry(person_key(row)) {
            std::collections::btree_map::Entry::Vacant(slot) => {
                order.push(slot.key().clone());
                slot.insert(row);
            }
            std::collections::btree_map::Entry::Occupied(mut slot) if latest => {
                slot.insert(row);
            }
            std::collections::btree_map::Entry::Occupied(_) => {}
        }
    }
    order.iter().filter_map(|k| chosen.get(k).copied()).collect()
}

/// The estimate of every row, in roster order (the figures only unless `sentences`). Rows of one patient in one calendar year, with the
/// same category, 建档立卡, disease and age, are estimated as that patient's year of stays; any
/// other row is estimated on its own. A row that cannot be read is its error.
///
/// ```
/// use engine::roster::{estimate_rows, Row};
/// let stay = |date: &str| Row {
///     name: "张三".into(), age: "56".into(), category: "农村低保对象".into(), disease: "胃癌".into(),
///     hospital: "君山区人民医院".into(), discharge_date: date.into(),
///     total_cost: "50000".into(), in_policy_cost: "45000".into(), ..Row::default()
/// };
/// let mut estimator = engine::Estimator::new(&policy::Policy::builtin());
/// let e = estimate_rows(&mut estimator, &[stay("2018-03-01"), stay("2018-06-01"), stay("2019-01-10")], false);
/// let pays: Vec<String> = e.iter().map(|r| r.as_ref().unwrap().patient_pays.to_string()).collect();
/// // The second stay of 2018 finds the 大病保险 deductible met; 2019 starts again.
/// assert_eq!(pays, ["2846.05", "2542.30", "2846.05"]);
/// ```
pub fn estimate_rows(estimator: &mut Estimator, rows: &[Row], sentences: bool) -> Vec<Result<Estimate, EstimateError>> {
    let one =
        |estimator: &mut Estimator, c: &Case| if sentences { estimator.estimate(c) } else { estimator.figures(c) };
    let cases: Vec<Result<Case, EstimateError>> = rows.iter().map(Row::case).collect();
    let mut out: Vec<Option<Result<Estimate, EstimateError>>> = vec![None; rows.len()];
    // (person, year, the patient's fields) → the rows' places, in roster order.
    let mut years: BTreeMap<(String, u16, Patient), Vec<usize>> = BTreeMap::new();
    for (i, (row, case)) in rows.iter().zip(&cases).enumerate() {
        match case {
            Ok(c) => {
                years.entry((person_key(row), c.date.year(), Patient::of(c))).or_default().push(i);
            }
            Err(e) => out[i] = Some(Err(e.clone())),
        }
    }
    for ((_, _, patient), places) in &years {
        let stays = Stays {
            patient: *patient,
            stays: places.iter().filter_map(|&i| cases[i].as_ref().ok().map(Stay::of)).collect(),
        };
        let year = if sentences { estimator.year(&stays) } else { estimator.year_figures(&stays) };
        match year {
            Ok(year) => {
                for (&i, e) in places.iter().zip(year.stays) {
                    out[i] = Some(Ok(e));
                }
            }
            // A year that cannot be estimated (too many stays): each row on its own.
            Err(_) => {
                for &i in places {
                    out[i] = cases[i].as_ref().ok().map(|c| one(estimator, c));
                }
            }
        }
    }
    out.into_iter()
        .zip(&cases)
        .map(|(e, case)| match (e, case) {
            (Some(e), _) => e,
            (None, Ok(c)) => one(estimator, c),
            (None, Err(e)) => Err(e.clone()),
        })
        .collect()
}
