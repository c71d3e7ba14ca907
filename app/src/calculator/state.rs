//! Everything the visitor has entered, and its round trip through the URL fragment.
//!
//! The whole input lives in the fragment (`#c=dibao&d=gastric_cancer&…`), so a copied link
//! reproduces the estimate and no server ever sees it. A fragment that was cut or altered is
//! never a blank page: what can be read is kept, the rest takes safe defaults, and the page says
//! so.

use engine::{CaseInput, Field};

use crate::format::fragment::{decode, encode};

/// The fields of a case the calculator keeps, in the fragment's order: the engine's, as many
/// as [`Field::CASE`] lists, of which those with a [`short`] key are kept.
const KEPT: usize = 16;
const _: () = assert!(Field::CASE.len() == KEPT);

/// The key of a field in the fragment: short, so that a link fits a QR code comfortably; `None`
/// for a field the calculator does not keep.
pub const fn short(field: Field) -> Option<&'static str> {
    Some(match field {
        Field::Region => "r",
        Field::Date => "dt",
        Field::Category => "c",
        Field::Registered => "jd",
        Field::Disease => "d",
        Field::Age => "a",
        Field::Hospital => "h",
        Field::InCounty => "ic",
        Field::Designated => "dg",
        Field::Referred => "rf",
        Field::TotalCost => "t",
        Field::InPolicyCost => "p",
        Field::TehuiRatio => "tr",
        Field::BasicPaidThisYear => "bp",
        Field::CriticalPaidThisYear => "cp",
        Field::CriticalBaseThisYear | Field::Stays | Field::Members | Field::TehuiPremium => return None,
    })
}

/// The fields the calculator keeps, in the fragment's order.
pub fn fields() -> impl Iterator<Item = Field> {
    Field::CASE.iter().copied().filter(|f| short(*f).is_some())
}

/// Where a field's value is kept in [`CalcState`]: its place in [`Field::CASE`], for a field the
/// calculator keeps.
fn slot(field: Field) -> Option<usize> {
    short(field)?;
    Field::CASE.iter().position(|f| *f == field)
}

fn from_short(text: &str) -> Option<Field> {
    fields().find(|f| short(*f) == Some(text))
}

/// Whether a value of this field is one word of a closed list (so anything else in a link means
/// the link was altered), and whether `value` is one.
fn accepts(field: Field, value: &str) -> bool {
    match field {
        Field::Region => policy::Region::from_id(value).is_some(),
        Field::Category => policy::Category::from_id(value).is_some(),
        Field::Disease => policy::DiseaseId::from_id(value).is_some(),
        Field::Hospital => {
            policy::HospitalId::from_id(value).is_some() || policy::HospitalLevel::from_id(value).is_some()
        }
        Field::InCounty | Field::Designated | Field::Referred | Field::Registered => {
            value == "true" || value == "false"
        }
        Field::Date
        | Field::Age
        | Field::TotalCost
        | Field::InPolicyCost
        | Field::TehuiRatio
        | Field::BasicPaidThisYear
        | Field::CriticalPaidThisYear
        | Field::CriticalBaseThisYear
        | Field::Stays
        | Field::Members
        | Field::TehuiPremium => true,
    }
}

/// How the visitor is filling the calculator in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Mode {
    /// One question per screen.
    #[default]
    Guided,
    /// Every field on one screen.
    Quick,
}

/// The calculator's whole input, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CalcState {
    /// Field values as text, in [`Field::CASE`] order; empty means not given.
    values: [String; KEPT],
    /// Fields the visitor answered "不知道" to, in [`Field::CASE`] order; the estimate takes a
    /// stated assumption.
    pub unknown: Vec<Field>,
    /// Parameters the visitor changed in the advanced panel: (parameter id, value as typed, in
    /// the unit shown: percent for ratios, yuan for money).
    pub overrides: Vec<(String, String)>,
    pub mode: Mode,
    /// The guided flow's current step.
    pub step: u8,
}

/// What reading a fragment found wrong, if anything.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Damage {
    pub tampered: bool,
}

impl CalcState {
    /// The value typed for a field; "" when none (or the calculator does not keep the field).
    pub fn get(&self, key: Field) -> &str {
        slot(key).and_then(|i| self.values.get(i)).map_or("", String::as_str)
    }

    pub fn set(&mut self, key: Field, value: impl Into<String>) {
        if let Some(v) = slot(key).and_then(|i| self.values.get_mut(i)) {
            *v = value.into();
        }
        self.unknown.retain(|k| *k != key);
    }

    /// Marks a field as "不知道": its value is cleared and the estimate assumes one.
    pub fn set_unknown(&mut self, key: Field) {
        let Some(i) = slot(key) else { return };
        self.values[i].clear();
        if !self.unknown.contains(&key) {
            self.unknown.push(key);
            self.unknown.sort_by_key(|f| slot(*f));
        }
    }

    pub fn is_unknown(&self, key: Field) -> bool {
        self.unknown.contains(&key)
    }

    /// The override typed for a parameter, if any.
    pub fn override_for(&self, id: &str) -> Option<&str> {
        self.overrides.iter().find(|(k, _)| k == id).map(|(_, v)| v.as_str())
    }

    pub fn set_override(&mut self, id: &str, value: String) {
        match self.overrides.iter_mut().find(|(k, _)| k == id) {
            Some(slot) => slot.1 = value,
            None => self.overrides.push((id.to_owned(), value)),
        }
        self.overrides.sort();
    }

    pub fn clear_override(&mut self, id: &str) {
        self.overrides.retain(|(k, _)| k != id);
    }

    /// The case as the engine reads it (before assumptions are applied).
    pub fn case_input(&self) -> CaseInput {
        let v = |key: Field| {
            let text = self.get(key).trim();
            (!text.is_empty()).then(|| text.to_owned())
        };
        CaseInput {
            region: v(Field::Region),
            date: v(Field::Date),
            category: v(Field::Category),
            registered: v(Field::Registered),
            disease: v(Field::Disease),
            age: v(Field::Age),
            hospital: v(Field::Hospital),
            in_county: v(Field::InCounty),
            designated: v(Field::Designated),
            referred: v(Field::Referred),
            total_cost: v(Field::TotalCost),
            in_policy_cost: v(Field::InPolicyCost),
            tehui_ratio: v(Field::TehuiRatio),
            basic_paid_this_year: v(Field::BasicPaidThisYear),
            critical_paid_this_year: v(Field::CriticalPaidThisYear),
            critical_base_this_year: None,
        }
    }

    /// This state, opened from an earlier history entry of the same visit: answers given after
    /// that entry was written (empty here, filled in `newer`) are kept, so going back a step
    /// and forward again does not lose them. Everything this entry does say wins.
    pub fn returning_to(mut self, newer: &CalcState) -> CalcState {
        for key in fields() {
            if self.get(key).is_empty() && !self.is_unknown(key) {
                if newer.is_unknown(key) {
                    self.set_unknown(key);
                } else {
                    let value = newer.get(key).to_owned();
                    self.set(key, value);
                }
            }
        }
        self
    }

    /// The fragment (without `#`) that reproduces this state.
    pub fn to_fragment(&self) -> String {
        let mut parts: Vec<String> = Vec::new();
        if self.mode == Mode::Quick {
            parts.push("m=q".into());
        } else if self.step > 0 {
            parts.push(format!("s={}", self.step));
        }
        for key in fields() {
            let value = self.get(key);
            if let Some(name) = short(key).filter(|_| !value.is_empty()) {
                parts.push(format!("{name}={}", encode(value)));
            }
        }
        if !self.unknown.is_empty() {
            let shorts: Vec<&str> = self.unknown.iter().filter_map(|k| short(*k)).collect();
            parts.push(format!("u={}", shorts.join(".")));
        }
        for (id, value) in &self.overrides {
            parts.push(format!("o.{}={}", encode(id), encode(value)));
        }
        parts.join("&")
    }

    /// Reads a fragment (with or without `#`). Whatever cannot be read is left at its default
    /// and reported as damage.
    pub fn from_fragment(fragment: &str) -> (CalcState, Damage) {
        let mut state = CalcState::default();
        let mut damage = Damage::default();
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        for part in fragment.split('&').filter(|p| !p.is_empty()) {
            let Some((name, raw)) = part.split_once('=') else {
                damage.tampered = true;
                continue;
            };
            let Some(value) = decode(raw) else {
                damage.tampered = true;
                continue;
            };
            match name {
                "m" if value == "q" => state.mode = Mode::Quick,
                "m" if value == "g" => state.mode = Mode::Guided,
                "s" => match value.parse::<u8>() {
                    Ok(step) if step <= MAX_STEP => state.step = step,
                    _ => damage.tampered = true,
                },
                "u" => {
                    for short in value.split('.') {
                        match from_short(short) {
                            Some(key) => state.set_unknown(key),
                            None => damage.tampered = true,
                        }
                    }
                }
                _ => {
                    if let Some(id) = name.strip_prefix("o.").and_then(decode) {
                        if policy::ParamId::from_id(&id).is_some() && value.len() <= MAX_VALUE_LEN {
                            state.set_override(&id, value);
                        } else {
                            damage.tampered = true;
                        }
                        continue;
                    }
                    match from_short(name) {
                        Some(_) if value.len() > MAX_VALUE_LEN => damage.tampered = true,
                        Some(key) if !accepts(key, &value) => damage.tampered = true,
                        Some(key) => state.set(key, value),
                        None => damage.tampered = true,
                    }
                }
            }
        }
        (state, damage)
    }
}

/// The guided flow's last step number (the fragment may not name a later one).
pub const MAX_STEP: u8 = 16;

/// No field needs more than this; a longer value in a link is an altered link.
const MAX_VALUE_LEN: usize = 40;

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> CalcState {
        let mut s = CalcState::default();
        s.set(Field::Date, "2018-03-01");
        s.set(Field::Category, "dibao");
        s.set(Field::Disease, "gastric_cancer");
        s.set(Field::Age, "56");
        s.set(Field::Hospital, "junshan_people");
        s.set(Field::TotalCost, "50000");
        s.set(Field::InPolicyCost, "45000");
        s
    }

    #[test]
    fn a_state_survives_the_round_trip() {
        let mut s = example();
        s.mode = Mode::Quick;
        s.set(Field::TotalCost, "5万 元&x=1");
        s.set_unknown(Field::InPolicyCost);
        s.set_override("basic.rate.county", "72.5".into());
        let fragment = s.to_fragment();
        assert!(!fragment.contains(' '));
        assert_eq!(CalcState::from_fragment(&fragment), (s, Damage::default()));
    }

    #[test]
    fn the_fragment_is_short_and_readable() {
        assert_eq!(
            example().to_fragment(),
            "dt=2018-03-01&c=dibao&d=gastric_cancer&a=56&h=junshan_people&t=50000&p=45000"
        );
    }

    #[test]
    fn an_altered_fragment_is_reported_and_keeps_what_it_can() {
        for bad in [
            "c=king&d=gastric_cancer",
            "zz=1&d=gastric_cancer",
            "d=gastric_cancer&t=%E4%ZZ",
            "d=gastric_cancer&o.no.such.param=3",
            "d=gastric_cancer&u=nope",
            "d=gastric_cancer&s=999",
            "d=gastric_cancer&garbage",
            "d=gastric_cancer&rf=yes",
        ] {
            let (state, damage) = CalcState::from_fragment(bad);
            assert!(damage.tampered, "{bad} was not reported");
            assert_eq!(state.get(Field::Disease), "gastric_cancer", "{bad} lost the good field");
        }
    }

    #[test]
    fn an_empty_fragment_is_not_damage() {
        assert_eq!(CalcState::from_fragment(""), (CalcState::default(), Damage::default()));
        assert_eq!(CalcState::from_fragment("#"), (CalcState::default(), Damage::default()));
    }

    #[test]
    fn typing_a_value_takes_back_a_dont_know() {
        let mut s = example();
        s.set_unknown(Field::InPolicyCost);
        assert!(s.is_unknown(Field::InPolicyCost));
        assert_eq!(s.get(Field::InPolicyCost), "");
        s.set(Field::InPolicyCost, "100");
        assert!(!s.is_unknown(Field::InPolicyCost));
    }

    #[test]
    fn going_back_keeps_later_answers_but_not_over_what_the_entry_says() {
        let mut earlier = CalcState::default();
        earlier.set(Field::Category, "dibao");
        earlier.step = 2;
        let mut newer = example();
        newer.set(Field::Category, "tekun");
        newer.set_unknown(Field::Referred);
        newer.step = 6;
        let back = earlier.returning_to(&newer);
        assert_eq!(back.step, 2);
        assert_eq!(back.get(Field::Category), "dibao");
        assert_eq!(back.get(Field::TotalCost), "50000");
        assert!(back.is_unknown(Field::Referred));
    }

    #[test]
    fn the_case_input_is_what_was_typed() {
        let input = example().case_input();
        assert_eq!(input.parse().map(|c| c.age), Ok(56));
    }
}
