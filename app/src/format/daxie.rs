//! Amounts in Chinese financial numerals (大写), as a hospital's settlement sheet and a bank
//! slip write them, so the printed sheet can be laid beside the hospital's own.
//!
//! The convention is the People's Bank's rules for filling in bills (《支付结算办法》附件
//! 《正确填写票据和结算凭证的基本规定》):
//! - a run of zeros inside the number is one 零 (¥6,007.14 → 陆仟零柒元壹角肆分);
//! - an amount that ends at 元 ends in 整; one that ends at 角 does not (the rules allow
//!   either), one with 分 never does;
//! - a zero 角 before a 分 is written 零 (¥2,846.05 → 贰仟捌佰肆拾陆元零伍分);
//! - a zero 元 digit before a 角 is not marked (¥1,680.32 → 壹仟陆佰捌拾元叁角贰分; the rules
//!   allow either);
//! - ten is always 壹拾, never a bare 拾, so that nothing can be written in front of it;
//! - less than one yuan is written without 元 (¥0.05 → 伍分), nothing at all as 零元整.

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::{Decimal, RoundingStrategy};

const DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];

/// The amount in 大写, rounded to the fen.
///
/// ```
/// use app::format::daxie::daxie;
/// use rust_decimal::Decimal;
/// assert_eq!(daxie(Decimal::new(284605, 2)), "贰仟捌佰肆拾陆元零伍分");
/// assert_eq!(daxie(Decimal::from(18850)), "壹万捌仟捌佰伍拾元整");
/// ```
pub fn daxie(amount: Decimal) -> String {
    let rounded = amount.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero);
    let sign = if rounded.is_sign_negative() && !rounded.is_zero() { "负" } else { "" };
    let rounded = rounded.abs();
    let whole = rounded.trunc();
    let cents = ((rounded - whole) * Decimal::ONE_HUNDRED).to_u32().unwrap_or(0);
    let (jiao, fen) = (cents / 10, cents % 10);
    // Decimal's largest value has 29 digits: it always fits.
    let yuan = whole.to_u128().unwrap_or(0);

    let mut out = String::from(sign);
    if yuan > 0 {
        out.push_str(&integer(yuan));
        out.push('元');
    }
    match (jiao, fen) {
        (0, 0) => {
            if yuan == 0 {
                out.push_str("零元");
            }
            out.push('整');
        }
        (j, 0) => {
            out.push(DIGITS[j as usize]);
            out.push('角');
        }
        (j, f) => {
            if j == 0 {
                if yuan > 0 {
                    out.push('零');
                }
            } else {
                out.push(DIGITS[j as usize]);
                out.push('角');
            }
            out.push(DIGITS[f as usize]);
            out.push('分');
        }
    }
    out
}

/// A positive whole number: 亿 above 万 above the four places 仟佰拾个, one 零 for each run of
/// zeros between digits.
fn integer(n: u128) -> String {
    const YI: u128 = 100_000_000;
    const WAN: u128 = 10_000;
    let (high, low, unit, gap) = if n >= YI {
        (n / YI, n % YI, '亿', YI / 10)
    } else if n >= WAN {
        (n / WAN, n % WAN, '万', WAN / 10)
    } else {
        return four(n as u16);
    };
    let mut out = integer(high);
    out.push(unit);
    if low > 0 {
        if low < gap {
            out.push('零');
        }
        out.push_str(&integer(low));
    }
    out
}

/// 1 to 9999 in the places 仟佰拾个.
fn four(n: u16) -> String {
    const UNITS: [&str; 4] = ["仟", "佰", "拾", ""];
    let digits = [n / 1000, n / 100 % 10, n / 10 % 10, n % 10];
    let mut out = String::new();
    let mut zero_pending = false;
    for (d, unit) in digits.into_iter().zip(UNITS) {
        if d == 0 {
            zero_pending = !out.is_empty();
            continue;
        }
        if zero_pending {
            out.push('零');
            zero_pending = false;
        }
        out.push(DIGITS[d as usize]);
        out.push_str(unit);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::daxie;
    use rust_decimal::Decimal;
    use std::str::FromStr;

    #[test]
    fn amounts_are_written_as_on_a_settlement_sheet() {
        let cases = [
            // The worked example and its ordinary resident.
            ("2846.05", "贰仟捌佰肆拾陆元零伍分"),
            ("18850", "壹万捌仟捌佰伍拾元整"),
            ("0", "零元整"),
            ("0.00", "零元整"),
            ("100000000", "壹亿元整"),
            ("10.5", "壹拾元伍角"),
            ("1000000.01", "壹佰万元零壹分"),
            // Zero: 零 inside, none at the end.
            ("1409.50", "壹仟肆佰零玖元伍角"),
            ("6007.14", "陆仟零柒元壹角肆分"),
            ("1680.32", "壹仟陆佰捌拾元叁角贰分"),
            ("16409.02", "壹万陆仟肆佰零玖元零贰分"),
            ("325.04", "叁佰贰拾伍元零肆分"),
            ("101", "壹佰零壹元整"),
            ("110", "壹佰壹拾元整"),
            ("10", "壹拾元整"),
            ("15", "壹拾伍元整"),
            // 万 and 亿 boundaries.
            ("9999.99", "玖仟玖佰玖拾玖元玖角玖分"),
            ("10000", "壹万元整"),
            ("10001", "壹万零壹元整"),
            ("10010", "壹万零壹拾元整"),
            ("11000", "壹万壹仟元整"),
            ("100100", "壹拾万零壹佰元整"),
            ("107000.53", "壹拾万柒仟元伍角叁分"),
            ("99999999", "玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元整"),
            ("100000001", "壹亿零壹元整"),
            ("100010000", "壹亿零壹万元整"),
            ("110000000", "壹亿壹仟万元整"),
            ("1000000000000", "壹万亿元整"),
            // 整 versus 角 and 分; less than a yuan.
            ("35600.00", "叁万伍仟陆佰元整"),
            ("0.5", "伍角"),
            ("0.05", "伍分"),
            ("0.55", "伍角伍分"),
            ("807.45", "捌佰零柒元肆角伍分"),
            // Rounded to the fen, half away from zero.
            ("0.005", "壹分"),
            ("2.994", "贰元玖角玖分"),
            ("-12", "负壹拾贰元整"),
        ];
        for (figures, words) in cases {
            let amount = Decimal::from_str(figures).expect("a test amount");
            assert_eq!(daxie(amount), words, "{figures}");
        }
    }

    #[test]
    fn the_largest_amount_does_not_panic() {
        assert!(daxie(Decimal::MAX).ends_with("元整"));
        assert!(daxie(Decimal::MIN).starts_with('负'));
    }
}
