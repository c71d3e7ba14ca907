//! The reimbursement engine: splits a hospital bill across every payer of Hunan's one-stop
//! settlement (一站式结算) as the 2017 health poverty-alleviation policy sets it, and says for
//! each line the rule, the numbers and the clause behind it.
//!
//! A patient's several stays are estimated together with [`estimate_year`]: the annual caps and
//! the 大病保险 deductible and tiers run on each calendar year's totals.
//!
//! A plain library: no clock, no I/O, no web crates. The site calls it in the browser; the
//! `estimate` command-line tool calls it with JSON.
//!
//! ```
//! use engine::{estimate, CaseInput, Payer};
//! use policy::Policy;
//!
//! let policy = Policy::builtin();
//! let case = CaseInput::example().parse()?;          // 低保, 胃癌, 君山区人民医院, 50,000 / 45,000
//! let params = case.parameters(&policy)?;             // Junshan, 2018-03-01 (editable)
//! let e = estimate(&params, &case)?;
//! assert_eq!(e.lines.each_ref().map(|l| l.amount.to_string()),
//!            ["35600.00", "1710.00", "0.00", "5383.00", "3653.50", "807.45"]);
//! assert_eq!(e.patient_pays.to_string(), "2846.05");
//! assert_eq!(e.line(Payer::DistrictFund).citation.to_string(), "岳君卫发〔2017〕71号 三“支付政策”");
//! # Ok::<(), engine::EstimateError>(())
//! ```

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod case;
pub mod clauses;
pub mod coverage;
mod error;
mod money;
mod premium;
mod result;
pub mod roster;
mod settlement;
mod year;

pub use case::{parse_age, parse_date, Case, CaseInput, HospitalChoice};
pub use error::{EstimateError, Field};
pub use money::{format_percent, format_plain, format_yuan, parse_amount, parse_ratio, round_fen, MAX_AMOUNT};
pub use premium::{premium_subsidies, ContributionLine, Family, Premiums, TehuiPremium};
pub use result::{
    confidence_mark, BaselineFigure, Doudi, Estimate, Ledger, Line, OrdinaryComparison, Payer, Reason, Warning,
    PAY_AFTER_TREATMENT,
};
pub use settlement::{estimate, estimate_figures, estimate_with_policy, Estimator};
pub use year::{
    estimate_year, Patient, PatientInput, PayerTotal, Stay, StayInput, Stays, StaysInput, YearEstimate, YearTotals,
    MAX_STAYS,
};

pub use policy;
