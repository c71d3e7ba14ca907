//! What the calculator takes when the visitor answers "不知道": figures with their source and
//! confidence, as data (`data/assumptions.json`), so that the site states them and does not
//! keep them in its code. The age of a child whose age is not known is the disease's own age
//! limit ([`crate::Disease::max_age`], interpretation I4).

use crate::ids::Confidence;
use rust_decimal::Decimal;
use serde::Deserialize;
use std::sync::OnceLock;

/// One assumed figure.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AssumedFigure {
    /// The value, in yuan or as a ratio.
    pub value: Decimal,
    /// What it is, in plain Chinese, as the site writes it.
    pub text: String,
    /// Where it comes from.
    pub source: String,
    /// How sure it is, as a stand-in for this patient's figure.
    pub confidence: Confidence,
}

/// The figures taken for "不知道".
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assumptions {
    /// 住院总费用 when not known.
    pub total_cost: AssumedFigure,
    /// The share of the total that is in policy when the in-policy cost is not known (0 to 1).
    pub in_policy_share: AssumedFigure,
    /// An adult's age when not known (it changes nothing outside the children's diseases).
    pub adult_age: u8,
}

/// The built-in assumptions (`data/assumptions.json`, checked by a test).
///
/// ```
/// let a = policy::assumptions();
/// assert_eq!(a.total_cost.value.to_string(), "18200");
/// assert_eq!(a.in_policy_share.confidence, policy::Confidence::A);
/// ```
pub fn assumptions() -> &'static Assumptions {
    static BUILTIN: OnceLock<Assumptions> = OnceLock::new();
    BUILTIN.get_or_init(|| match serde_json::from_str::<Assumptions>(crate::data::ASSUMPTIONS) {
        Ok(a) if a.in_policy_share.value >= Decimal::ZERO && a.in_policy_share.value <= Decimal::ONE => a,
        // The embedded file is fixed at build time and checked by the test below.
        Ok(_) => panic!("data/assumptions.json: in_policy_share must be between 0 and 1"),
        Err(e) => panic!("data/assumptions.json: {e}"),
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_built_in_assumptions_load() {
        let a = super::assumptions();
        assert!(a.total_cost.value > rust_decimal::Decimal::ZERO);
        assert!(!a.total_cost.text.is_empty() && !a.total_cost.source.is_empty());
        assert!(a.adult_age >= 18);
    }
}
