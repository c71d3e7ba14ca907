//! The 身份证号 check (GB 11643-1999).

use policy::Date;

/// What a 身份证号 check found wrong, as a Chinese sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IdProblem {
    /// Not 17 digits and a digit or X.
    Shape,
    /// The birth date inside does not exist.
    Birth,
    /// The last character is not the check digit of the first 17.
    CheckDigit {
        /// What the last character should be.
        expected: char,
    },
}

impl std::fmt::Display for IdProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            IdProblem::Shape => f.write_str("身份证号应为 18 位：17 位数字加最后一位数字或 X"),
            IdProblem::Birth => f.write_str("身份证号里的出生日期（第 7 到 14 位）不存在"),
            IdProblem::CheckDigit { expected } => {
                write!(f, "身份证号最后一位校验码不对（按前 17 位应为 {expected}），请核对是否抄错")
            }
        }
    }
}

/// The GB 11643-1999 check character of the first 17 digits.
///
/// ```
/// assert_eq!(engine::roster::id_check_char("11010519491231002"), Some('X'));
/// ```
pub fn id_check_char(first17: &str) -> Option<char> {
    const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    const CHECK: [char; 11] = ['1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'];
    if first17.len() != 17 || !first17.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let sum: u32 = first17.bytes().zip(WEIGHTS).map(|(b, w)| u32::from(b - b'0') * w).sum();
    CHECK.get((sum % 11) as usize).copied()
}

/// Checks a 身份证号: 18 characters, a birth date that exists, the check digit. A lower-case x
/// is taken as X.
///
/// ```
/// use engine::roster::{check_id, IdProblem};
/// assert_eq!(check_id("11010519491231002X"), Ok(()));
/// assert_eq!(check_id("110105194912310021"), Err(IdProblem::CheckDigit { expected: 'X' }));
/// ```
pub fn check_id(id: &str) -> Result<(), IdProblem> {
    let id = id.trim();
    let bytes = id.as_bytes();
    if bytes.len() != 18 || !bytes[..17].iter().all(u8::is_ascii_digit) {
        return Err(IdProblem::Shape);
    }
    let last = char::from(bytes[17]).to_ascii_uppercase();
    if !(last.is_ascii_digit() || last == 'X') {
        return Err(IdProblem::Shape);
    }
    let num = |r: std::ops::Range<usize>| id.get(r).and_then(|s| s.parse::<u16>().ok());
    let birth = match (num(6..10), num(10..12), num(12..14)) {
        (Some(y), Some(m), Some(d)) => {
            u8::try_from(m).ok().zip(u8::try_from(d).ok()).and_then(|(m, d)| Date::new(y, m, d))
        }
        _ => None,
    };
    if birth.is_none_or(|b| b.year() < 1900) {
        return Err(IdProblem::Birth);
    }
    let expected = id.get(..17).and_then(id_check_char).ok_or(IdProblem::Shape)?;
    if expected == last {
        Ok(())
    } else {
        Err(IdProblem::CheckDigit { expected })
    }
}
