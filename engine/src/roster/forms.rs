//! The counts of 附件3 and the money totals of a set of rows.

use super::Row;
use crate::Estimate;
use policy::{Date, DiseaseId};
use rust_decimal::Decimal;

/// One row of 附件3: a disease group as the form names it, then 总数, 累计救治数,
/// 本季度完成救治数, 未完成救治数.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProgressRow {
    /// The form's wording.
    pub label: &'static str,
    /// 总数
    pub total: usize,
    /// 累计救治数: completed by the cut-off day.
    pub treated: usize,
    /// 本季度完成救治数: completed in the cut-off day's quarter, by that day.
    pub this_quarter: usize,
    /// 未完成救治数
    pub open: usize,
}

/// 附件3's rows, in its order and wording, and the diseases each counts.
pub const PROGRESS_GROUPS: [(&str, &[DiseaseId]); 7] = [
    ("儿童先天性心脏病", &[DiseaseId::ChildAsd, DiseaseId::ChildVsd]),
    ("儿童白血病", &[DiseaseId::ChildAll, DiseaseId::ChildApl]),
    ("終末期肾病", &[DiseaseId::Esrd]),
    ("食管癌", &[DiseaseId::EsophagealCancer]),
    ("胃癌", &[DiseaseId::GastricCancer]),
    ("结肠癌", &[DiseaseId::ColonCancer]),
    ("直肠癌", &[DiseaseId::RectalCancer]),
];

/// 附件3 for the rows of one half (建档立卡 or not), up to the cut-off day.
pub fn progress<'a>(rows: impl IntoIterator<Item = &'a Row> + Clone, cutoff: Date) -> Vec<ProgressRow> {
    let quarter_start = Date::new(cutoff.year(), (cutoff.month() - 1) / 3 * 3 + 1, 1).unwrap_or(cutoff);
    PROGRESS_GROUPS
        .iter()
        .map(|(label, diseases)| {
            let mut p = ProgressRow { label, ..ProgressRow::default() };
            for row in rows.clone() {
                if row.disease_id().is_none_or(|d| !diseases.contains(&d)) {
                    continue;
                }
                p.total += 1;
                if row.completed_by(cutoff) {
                    p.treated += 1;
                    if Date::parse(&row.completed_date).is_some_and(|d| d >= quarter_start) {
                        p.this_quarter += 1;
                    }
                }
            }
            p.open = p.total - p.treated;
            p
        })
        .collect()
}

/// Money totals of a set of rows: how many, how many the engine could estimate, and of those
/// the bills, what the payers paid and what the families pay.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Totals {
    /// Rows counted.
    pub rows: usize,
    /// Rows with an estimate.
    pub estimated: usize,
    /// 住院总费用 of the estimated rows.
    pub total_cost: Decimal,
    /// What the six payers paid.
    pub payers: Decimal,
    /// What the families pay.
    pub family: Decimal,
}

impl Totals {
    /// Adds one row and its estimate (if any).
    pub fn add(&mut self, estimate: Option<&Estimate>, total_cost: Decimal) {
        self.rows += 1;
        if let Some(e) = estimate {
            self.estimated += 1;
            self.total_cost += total_cost;
            self.payers += e.lines.iter().map(|l| l.amount).sum::<Decimal>();
            self.family += e.patient_pays;
        }
    }
}
