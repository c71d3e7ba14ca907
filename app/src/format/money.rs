//! Money the Chinese way: ¥12,345.67, and 万元 where that reads better.

use rust_decimal::Decimal;

/// `¥12,345.67`.
pub fn yuan(amount: Decimal) -> String {
    format!("¥{}", engine::format_yuan(amount))
}

/// `约 5.03 万元` for amounts of ten thousand yuan or more; None below.
pub fn wan(amount: Decimal) -> Option<String> {
    let ten_thousand = Decimal::from(10_000);
    (amount.abs() >= ten_thousand).then(|| {
        let w = (amount / ten_thousand)
            .round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero)
            .normalize();
        format!("约 {w} 万元")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_read_the_chinese_way() {
        assert_eq!(yuan(Decimal::new(284605, 2)), "¥2,846.05");
        assert_eq!(yuan(Decimal::ZERO), "¥0.00");
        assert_eq!(wan(Decimal::new(50000, 0)).as_deref(), Some("约 5 万元"));
        assert_eq!(wan(Decimal::new(1885000, 2)).as_deref(), Some("约 1.89 万元"));
        assert_eq!(wan(Decimal::new(9999, 0)), None);
    }
}
