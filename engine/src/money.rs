//! Money: the one rounding rule, reading amounts typed by people, and writing them back.

use crate::error::{ErrorKind, EstimateError, Field};
use policy::{RangeError, Unit};
use rust_decimal::{Decimal, RoundingStrategy};

/// The largest amount the calculator accepts: 100,000,000 yuan.
pub const MAX_AMOUNT: Decimal = policy::MAX_YUAN;

/// Rounds to the fen (0.01 yuan), half away from zero (四舍五入). Every step of the settlement
/// rounds its result with this, and the next step works on the rounded figure.
///
/// ```
/// use engine::round_fen;
/// use rust_decimal::Decimal;
/// assert_eq!(round_fen(Decimal::new(12345, 3)), Decimal::new(1235, 2)); // 12.345 → 12.35
/// assert_eq!(round_fen(Decimal::new(12344, 3)), Decimal::new(1234, 2)); // 12.344 → 12.34
/// assert_eq!(round_fen(Decimal::new(-5, 3)), Decimal::new(-1, 2));      // -0.005 → -0.01
/// ```
pub fn round_fen(x: Decimal) -> Decimal {
    x.round_dp_with_strategy(2, RoundingStrategy::MidpointAwayFromZero)
}

/// Rounds to the fen and writes it with exactly two decimals (`0.00`, `35600.00`): every figure
/// of a result has this form.
pub(crate) fn fixed(x: Decimal) -> Decimal {
    let mut r = round_fen(x);
    r.rescale(2);
    r
}

/// The amount in fen, after rounding to the fen.
fn fen(x: Decimal) -> i128 {
    // Figures of the settlement are already whole fen: scale them without rounding again.
    let scale = x.scale();
    if scale <= 2 {
        return x.mantissa() * 10i128.pow(2 - scale);
    }
    fixed(x).mantissa()
}

/// Writes the digits of `n`, with a comma every three digits when asked. No allocation: this
/// runs some twenty times per estimate.
fn push_digits(out: &mut String, mut n: u128, separators: bool) {
    let mut buf = [0u8; 52];
    let mut i = buf.len();
    let mut count = 0;
    loop {
        if separators && count > 0 && count % 3 == 0 {
            i -= 1;
            buf[i] = b',';
        }
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        count += 1;
        if n == 0 {
            break;
        }
    }
    // Only ASCII digits and commas were written.
    out.push_str(std::str::from_utf8(&buf[i..]).unwrap_or_default());
}

/// Writes `mantissa / 10^scale` (not negative) with trailing zeros of the fraction dropped.
fn push_trimmed(out: &mut String, mantissa: u128, scale: u32) {
    let mut m = mantissa;
    let mut s = scale;
    while s > 0 && m.is_multiple_of(10) {
        m /= 10;
        s -= 1;
    }
    let p = 10u128.pow(s);
    push_digits(out, m / p, false);
    if s > 0 {
        out.push('.');
        let frac = m % p;
        let digits = frac.checked_ilog10().map_or(1, |l| l + 1);
        for _ in digits..s {
            out.push('0');
        }
        push_digits(out, frac, false);
    }
}

/// Writes an amount with two decimals and no separators, as the command-line tool prints it:
/// `35600.00`.
///
/// ```
/// use engine::format_plain;
/// use rust_decimal::Decimal;
/// assert_eq!(format_plain(Decimal::new(3560000, 2)), "35600.00");
/// assert_eq!(format_plain(Decimal::ZERO), "0.00");
/// assert_eq!(format_plain(Decimal::new(-15, 1)), "-1.50");
/// ```
pub fn format_plain(x: Decimal) -> String {
    let mut s = String::with_capacity(16);
    write_fen(&mut s, fen(x), false);
    s
}

/// Writes an amount the way the site shows it: thousands separators and two decimals,
/// `35,600.00`.
///
/// ```
/// use engine::format_yuan;
/// use rust_decimal::Decimal;
/// assert_eq!(format_yuan(Decimal::new(3560000, 2)), "35,600.00");
/// assert_eq!(format_yuan(Decimal::new(100000000, 0)), "100,000,000.00");
/// assert_eq!(format_yuan(Decimal::new(5, 1)), "0.50");
/// ```
pub fn format_yuan(x: Decimal) -> String {
    let mut s = String::with_capacity(20);
    write_fen(&mut s, fen(x), true);
    s
}

pub(crate) fn push_yuan(out: &mut String, x: Decimal) {
    write_fen(out, fen(x), true);
}

fn write_fen(out: &mut String, fen: i128, separators: bool) {
    if fen < 0 {
        out.push('-');
    }
    let abs = fen.unsigned_abs();
    push_digits(out, abs / 100, separators);
    out.push('.');
    let cents = (abs % 100) as u8;
    out.push(char::from(b'0' + cents / 10));
    out.push(char::from(b'0' + cents % 10));
}

/// Writes a ratio as a percentage: `0.8` → `80%`, `0.875` → `87.5%`.
///
/// ```
/// use engine::format_percent;
/// use rust_decimal::Decimal;
/// assert_eq!(format_percent(Decimal::new(80, 2)), "80%");
/// assert_eq!(format_percent(Decimal::new(875, 3)), "87.5%");
/// assert_eq!(format_percent(Decimal::ONE), "100%");
/// ```
pub fn format_percent(ratio: Decimal) -> String {
    let mut s = String::with_capacity(8);
    push_percent(&mut s, ratio);
    s
}

pub(crate) fn push_percent(out: &mut String, ratio: Decimal) {
    push_points(out, ratio);
    out.push('%');
}

/// Writes a ratio as percentage points: `0.15` → `15`.
pub(crate) fn push_points(out: &mut String, ratio: Decimal) {
    if ratio.is_sign_negative() && !ratio.is_zero() {
        out.push('-');
    }
    // ratio × 100 = mantissa × 100 / 10^scale.
    let m = ratio.mantissa().unsigned_abs() * 100;
    push_trimmed(out, m, ratio.scale());
}

/// Percentage points: `0.15` → `15`.
pub(crate) fn points(ratio: Decimal) -> String {
    let mut s = String::with_capacity(4);
    push_points(&mut s, ratio);
    s
}

/// Checks the text is a plain decimal (`45000`, `45000.5`, `-3`) and returns its integer and
/// fraction digits, or the error for `field`.
fn split_decimal(field: Field, text: &str) -> Result<(bool, &str, &str), EstimateError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(EstimateError::new(field, ErrorKind::Missing));
    }
    if t.bytes().any(|c| c == b'e' || c == b'E') && t.bytes().any(|c| c.is_ascii_digit()) {
        return Err(EstimateError::new(field, ErrorKind::Exponent));
    }
    let (negative, body) = match t.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, t),
    };
    let (int, frac) = match body.split_once('.') {
        Some((i, f)) => (i, f),
        None => (body, ""),
    };
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|c| c.is_ascii_digit());
    if !digits(int) || (body.contains('.') && !digits(frac)) {
        return Err(EstimateError::new(field, ErrorKind::NotANumber));
    }
    Ok((negative, int, frac))
}

/// Builds the decimal from checked digits: at most 9 integer digits and `max_frac` fraction
/// digits once zeros are trimmed, so it always fits.
fn build(
    field: Field,
    negative: bool,
    int: &str,
    frac: &str,
    max_frac: u32,
    too_large: ErrorKind,
) -> Result<Decimal, EstimateError> {
    let int = int.trim_start_matches('0');
    let frac = frac.trim_end_matches('0');
    let is_zero = int.is_empty() && frac.is_empty();
    if negative && !is_zero {
        return Err(EstimateError::new(field, ErrorKind::Negative));
    }
    if int.len() > 9 {
        return Err(EstimateError::new(field, too_large));
    }
    if frac.len() > max_frac as usize {
        return Err(EstimateError::new(field, ErrorKind::TooManyDecimals(max_frac)));
    }
    let mut mantissa: i64 = 0;
    for c in int.bytes().chain(frac.bytes()) {
        mantissa = mantissa * 10 + i64::from(c - b'0');
    }
    // `frac.len()` is at most `max_frac` (≤ 4) here.
    Ok(Decimal::new(mantissa, frac.len() as u32))
}

/// Reads an amount of money in yuan as people type it: digits, at most one decimal point and two
/// decimals. Refuses negatives, exponents (`1e5`), separators, and amounts above 100,000,000.
///
/// ```
/// use engine::{parse_amount, Field};
/// use rust_decimal::Decimal;
/// assert_eq!(parse_amount(Field::TotalCost, "45000.50").unwrap(), Decimal::new(4500050, 2));
/// assert_eq!(parse_amount(Field::TotalCost, " 1.230 ").unwrap(), Decimal::new(123, 2));
/// let e = parse_amount(Field::TotalCost, "1e5").unwrap_err();
/// assert_eq!(e.field(), "total_cost");
/// assert_eq!(e.to_string(), "住院总费用请直接写数字，不要用 1e5 这样的科学计数法");
/// ```
pub fn parse_amount(field: Field, text: &str) -> Result<Decimal, EstimateError> {
    let (negative, int, frac) = split_decimal(field, text)?;
    let value = build(field, negative, int, frac, Unit::Yuan.max_decimals(), ErrorKind::TooLarge)?;
    check_amount(field, value)?;
    Ok(value)
}

/// Reads a ratio between 0 and 1 with at most four decimals (`0.3` is 30%).
///
/// ```
/// use engine::{parse_ratio, Field};
/// use rust_decimal::Decimal;
/// assert_eq!(parse_ratio(Field::TehuiRatio, "0.3").unwrap(), Decimal::new(3, 1));
/// assert_eq!(parse_ratio(Field::TehuiRatio, "30").unwrap_err().to_string(),
///            "扶贫特惠保赔付比例要在 0 到 1 之间，例如 0.3 表示 30%");
/// ```
pub fn parse_ratio(field: Field, text: &str) -> Result<Decimal, EstimateError> {
    let (negative, int, frac) = split_decimal(field, text)?;
    let value = build(field, negative, int, frac, Unit::Ratio.max_decimals(), ErrorKind::RatioAboveOne)?;
    check_ratio(field, value)?;
    Ok(value)
}

/// Checks an amount already held as a decimal: not negative, at most two decimals, at most
/// 100,000,000 (the policy's money range).
pub(crate) fn check_amount(field: Field, value: Decimal) -> Result<(), EstimateError> {
    Unit::Yuan.check(value).map_err(|e| EstimateError::new(field, range_kind(e)))
}

/// Checks a ratio already held as a decimal: 0 to 1, at most four decimals.
pub(crate) fn check_ratio(field: Field, value: Decimal) -> Result<(), EstimateError> {
    Unit::Ratio.check(value).map_err(|e| EstimateError::new(field, range_kind(e)))
}

fn range_kind(e: RangeError) -> ErrorKind {
    match e {
        RangeError::Negative => ErrorKind::Negative,
        RangeError::AboveOne => ErrorKind::RatioAboveOne,
        RangeError::TooLarge => ErrorKind::TooLarge,
        RangeError::TooManyDecimals(n) => ErrorKind::TooManyDecimals(n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    #[test]
    fn rounds_half_away_from_zero() {
        for (x, r) in [
            ("0.005", "0.01"),
            ("0.004", "0.00"),
            ("1153.5", "1153.50"),
            ("807.445", "807.45"),
            ("2.675", "2.68"),
            ("-2.675", "-2.68"),
            ("0.0049999", "0.00"),
        ] {
            assert_eq!(round_fen(d(x)), d(r), "{x}");
        }
    }

    #[test]
    fn formats_with_separators() {
        for (x, s) in [
            ("0", "0.00"),
            ("1", "1.00"),
            ("999.999", "1,000.00"),
            ("1000", "1,000.00"),
            ("123456.7", "123,456.70"),
            ("1234567.891", "1,234,567.89"),
            ("-1234.5", "-1,234.50"),
        ] {
            assert_eq!(format_yuan(d(x)), s, "{x}");
        }
        assert_eq!(format_plain(d("1234567.891")), "1234567.89");
    }

    #[test]
    fn writes_percentages() {
        for (r, t) in [
            ("0", "0%"),
            ("0.8", "80%"),
            ("0.80", "80%"),
            ("1", "100%"),
            ("0.875", "87.5%"),
            ("0.0001", "0.01%"),
            ("0.1234", "12.34%"),
            ("0.05", "5%"),
            ("0.105", "10.5%"),
            ("1.0000", "100%"),
            ("0.0000", "0%"),
        ] {
            assert_eq!(format_percent(d(r)), t, "{r}");
        }
        assert_eq!(points(d("0.15")), "15");
        assert_eq!(format_plain(d("0.005")), "0.01");
        assert_eq!(format_plain(d("12")), "12.00");
        assert_eq!(format_plain(d("-0.004")), "0.00");
    }

    #[test]
    fn reads_amounts() {
        for (t, v) in [
            ("0", "0"),
            ("00012", "12"),
            ("12.5", "12.5"),
            ("12.50", "12.5"),
            ("-0", "0"),
            ("100000000", "100000000"),
            ("100000000.00", "100000000"),
            ("0.01", "0.01"),
            ("7.000000000000000000000000000000000", "7"),
        ] {
            assert_eq!(parse_amount(Field::TotalCost, t).unwrap(), d(v), "{t}");
        }
        let bad: &[(&str, ErrorKind)] = &[
            ("", ErrorKind::Missing),
            ("  ", ErrorKind::Missing),
            ("1e5", ErrorKind::Exponent),
            ("1E-2", ErrorKind::Exponent),
            ("NaN", ErrorKind::NotANumber),
            ("inf", ErrorKind::NotANumber),
            ("Infinity", ErrorKind::NotANumber),
            ("50,000", ErrorKind::NotANumber),
            ("1.", ErrorKind::NotANumber),
            (".5", ErrorKind::NotANumber),
            ("+5", ErrorKind::NotANumber),
            ("1.2.3", ErrorKind::NotANumber),
            ("--1", ErrorKind::NotANumber),
            ("true", ErrorKind::NotANumber),
            ("-1", ErrorKind::Negative),
            ("-0.01", ErrorKind::Negative),
            ("1.234", ErrorKind::TooManyDecimals(2)),
            ("100000000.01", ErrorKind::TooLarge),
            ("99999999999999999999999999999999999999999", ErrorKind::TooLarge),
            ("1.0000000000000000000000000000000000001", ErrorKind::TooManyDecimals(2)),
        ];
        for (t, k) in bad {
            assert_eq!(parse_amount(Field::TotalCost, t).unwrap_err().kind, *k, "{t}");
        }
    }

    #[test]
    fn reads_ratios() {
        assert_eq!(parse_ratio(Field::TehuiRatio, "1").unwrap(), Decimal::ONE);
        assert_eq!(parse_ratio(Field::TehuiRatio, "0.1234").unwrap(), d("0.1234"));
        assert_eq!(parse_ratio(Field::TehuiRatio, "1.0001").unwrap_err().kind, ErrorKind::RatioAboveOne);
        assert_eq!(parse_ratio(Field::TehuiRatio, "2").unwrap_err().kind, ErrorKind::RatioAboveOne);
        assert_eq!(parse_ratio(Field::TehuiRatio, "1000000000000").unwrap_err().kind, ErrorKind::RatioAboveOne);
        assert_eq!(parse_ratio(Field::TehuiRatio, "0.12345").unwrap_err().kind, ErrorKind::TooManyDecimals(4));
        assert_eq!(parse_ratio(Field::TehuiRatio, "-0.5").unwrap_err().kind, ErrorKind::Negative);
    }
}
