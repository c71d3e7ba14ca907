//! The one-stop settlement (一站式结算): the seven steps of calculation.md, in the order of the
//! settlement sheet. Names follow the documents: 三提高 (steps 1, 2, 4), 两补贴 (step 3's
//! insurance), 一减免 (step 5), the district fund (step 6), 一兜底 (the note after step 7).
//!
//! Each step first computes its amount (a small struct of the figures it used), then the line's
//! sentence is written from those figures, so the text always shows the numbers computed.

use crate::case::{Case, HospitalChoice};
use crate::clauses::{JUNSHAN_PAYMENT, LIANG_BUTIE, SAN_TIGAO, YI_DOUDI, YI_JIANMIAN};
use crate::error::{ErrorKind, EstimateError, Field};
use crate::money::{fixed, push_percent, push_points, push_yuan, round_fen};
use crate::result::{
    hospital_words, BaselineFigure, Doudi, Estimate, Ledger, Line, OrdinaryComparison, Payer, Reason, Warning,
};
use policy::{
    Category, Citation, Confidence, Date, Disease, HospitalId, HospitalLevel, Interpretation, ParamId, Parameters,
    Policy, Region, Unit,
};
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::fmt::Write;

fn pos(x: Decimal) -> Decimal {
    x.max(Decimal::ZERO)
}

/// What the case's hospital and disease mean for the payers.
struct Facts<'p> {
    poor: bool,
    disease: &'p Disease,
    /// One of the nine diseases, and within its age limit.
    nine: bool,
    /// A children's disease, but the patient is older than its limit.
    over_age: Option<u8>,
    level: HospitalLevel,
    /// The hospital is inside the county (district).
    in_county: bool,
    /// The hospital is designated for this disease.
    designated: bool,
    /// Being referred up would make the hospital designated.
    referral_would_help: bool,
    /// Outside the county and not referred, and so 15 points less basic insurance: not for a
    /// patient of the programme at the hospital designated for the disease (interpretation I6).
    penalised: bool,
    /// The same for an ordinary resident, for the comparison: I6 does not apply to them.
    ordinary_penalised: bool,
    /// The penalty was left out by interpretation I6.
    spared_by_i6: bool,
    /// Whether the hospital counts as designated (or not) by interpretation I7: one of the
    /// adult diseases at 岳阳市一人民医院, the guidance hospital that takes referred patients.
    guidance_reading: bool,
    district_fund: Option<Decimal>,
}

fn region_includes(policy: &Policy, region: Region, of: Region) -> bool {
    let mut r = Some(region);
    // Layers inherit in a chain; the loader refuses cycles (a parent must load first).
    for _ in 0..policy.layers().len() {
        match r {
            Some(x) if x == of => return true,
            Some(x) => r = policy.layer(x).and_then(|l| l.inherits),
            None => return false,
        }
    }
    false
}

impl<'p> Facts<'p> {
    fn of(params: &'p Parameters, case: &Case) -> Result<Facts<'p>, EstimateError> {
        let policy = params.policy();
        let disease = policy.disease(case.disease);
        let nine = disease.covers_age(case.age);
        let over_age = match disease.max_age {
            Some(m) if disease.is_nine() && case.age > m => Some(m),
            _ => None,
        };
        let (level, in_county, designated, referral_would_help, designated_unreferred) = match case.hospital {
            HospitalChoice::Named(id) => {
                let h = policy.hospital(id);
                if !region_includes(policy, case.region, h.region) {
                    return Err(EstimateError::new(
                        Field::Hospital,
                        ErrorKind::HospitalNotInRegion { hospital: id, region: case.region },
                    ));
                }
                (
                    h.level,
                    h.in_district,
                    h.is_designated_for(case.disease, case.referred),
                    !case.referred && h.is_designated_for(case.disease, true),
                    h.is_designated_for(case.disease, false),
                )
            }
            HospitalChoice::Level { level, in_county, designated } => (level, in_county, designated, false, designated),
        };
        let out_unreferred = !in_county && !case.referred;
        // I6: Junshan itself sends the children's diseases to 岳阳市一人民医院, outside the
        // district; its own patients are not penalised there for having no referral.
        let spared_by_i6 = out_unreferred && case.category.is_poor() && nine && designated_unreferred;
        Ok(Facts {
            poor: case.category.is_poor(),
            disease,
            nine,
            over_age,
            level,
            in_county,
            designated: nine && designated,
            referral_would_help: nine && !designated && referral_would_help,
            penalised: out_unreferred && !spared_by_i6,
            ordinary_penalised: out_unreferred,
            spared_by_i6,
            guidance_reading: nine
                && case.hospital == HospitalChoice::Named(HospitalId::YueyangFirstPeople)
                && !designated_unreferred,
            district_fund: params.get(ParamId::DistrictFundRate),
        })
    }
}

// ---------------------------------------------------------------------------------------------
// Step 1. 基本医保 — Hunan 三(二) "三提高" first item.

struct Basic {
    deductible_id: ParamId,
    rate_id: ParamId,
    deductible: Decimal,
    level_rate: Decimal,
    penalty: Option<Decimal>,
    uplift: Option<Decimal>,
    rate: Decimal,
    computed: Decimal,
    cap: Decimal,
    cap_left: Decimal,
    amount: Decimal,
}

fn basic(params: &Parameters, level: HospitalLevel, penalised: bool, poor: bool, p: Decimal, paid: Decimal) -> Basic {
    let (d_id, r_id) = match level {
        HospitalLevel::Township => (ParamId::BasicDeductibleTownship, ParamId::BasicRateTownship),
        HospitalLevel::County => (ParamId::BasicDeductibleCounty, ParamId::BasicRateCounty),
        HospitalLevel::City => (ParamId::BasicDeductibleCity, ParamId::BasicRateCity),
        HospitalLevel::Province => (ParamId::BasicDeductibleProvince, ParamId::BasicRateProvince),
    };
    let deductible = params.value(d_id);
    let level_rate = params.value(r_id);
    let penalty = penalised.then(|| params.value(ParamId::BasicOutOfCountyPenalty));
    let uplift = poor.then(|| params.value(ParamId::BasicPoorUplift));
    // Parameters can be edited, so keep the ratio within 0–100%.
    let rate =
        (level_rate - penalty.unwrap_or_default() + uplift.unwrap_or_default()).clamp(Decimal::ZERO, Decimal::ONE);
    let computed = round_fen(pos(p - deductible) * rate);
    let cap = params.value(ParamId::BasicAnnualCap);
    let cap_left = pos(cap - paid);
    Basic {
        deductible_id: d_id,
        rate_id: r_id,
        deductible,
        level_rate,
        penalty,
        uplift,
        rate,
        computed,
        cap,
        cap_left,
        amount: computed.min(cap_left),
    }
}

// ---------------------------------------------------------------------------------------------
// Step 2. 大病保险 — Hunan 三(二) "三提高" second item (poor: I1). Counted over the year
// (calculation.md step 2): the deductible is met once a year and the tiers run on the year's
// base, so this stay pays `F(B + b) − F(B)`, `B` being what earlier stays this year left after
// 基本医保 and `b` this stay's.

struct Critical {
    ordinary_deductible: Decimal,
    share: Decimal,
    deductible: Decimal,
    /// The year's base before this stay (`B`).
    earlier_base: Decimal,
    /// What is left of the deductible after the earlier stays: `max(D − B, 0)`.
    deductible_left: Decimal,
    /// The year's base above the deductible before this stay: `max(B − D, 0)`.
    excess_before: Decimal,
    /// This stay's part of the year's base above the deductible:
    /// `max(B + b − D, 0) − max(B − D, 0)`.
    excess: Decimal,
    /// Poor: the one ratio. Ordinary: `None`, see `tiers`.
    poor_rate: Option<Decimal>,
    /// Ordinary: (this stay's part in the tier, ratio) for each tier, lowest first.
    tiers: [(Decimal, Decimal); 4],
    computed: Decimal,
    cap: Decimal,
    cap_left: Decimal,
    amount: Decimal,
}

fn critical(params: &Parameters, poor: bool, earlier_base: Decimal, base: Decimal, paid: Decimal) -> Critical {
    let ordinary_deductible = params.value(ParamId::CriticalDeductible);
    let share = params.value(ParamId::CriticalPoorDeductibleShare);
    let deductible = if poor { round_fen(ordinary_deductible * share) } else { ordinary_deductible };
    let excess_before = pos(earlier_base - deductible);
    let excess_after = pos(earlier_base + base - deductible);
    let mut tiers = [(Decimal::ZERO, Decimal::ZERO); 4];
    // F(B + b) − F(B), exactly; rounded once below.
    let (poor_rate, exact) = if poor {
        let r = params.value(ParamId::CriticalPoorRate);
        (Some(r), excess_after * r - excess_before * r)
    } else {
        let uppers = [
            params.value(ParamId::CriticalTier1Upper),
            params.value(ParamId::CriticalTier2Upper),
            params.value(ParamId::CriticalTier3Upper),
        ];
        let rates = [
            params.value(ParamId::CriticalTier1Rate),
            params.value(ParamId::CriticalTier2Rate),
            params.value(ParamId::CriticalTier3Rate),
            params.value(ParamId::CriticalTier4Rate),
        ];
        // Each tier's part of the stretch of the year's excess this stay adds, from
        // `excess_before` to `excess_after`.
        let mut lower = Decimal::ZERO;
        let mut sum = Decimal::ZERO;
        for (i, (tier, rate)) in tiers.iter_mut().zip(rates).enumerate() {
            let upper = uppers.get(i).copied();
            let from = excess_before.max(lower);
            let part = match upper {
                Some(u) => pos(excess_after.min(u) - from),
                None => pos(excess_after - from),
            };
            *tier = (part, rate);
            sum += part * rate;
            lower = upper.unwrap_or(lower).max(lower);
        }
        (None, sum)
    };
    let computed = round_fen(exact);
    let cap = params.value(ParamId::CriticalAnnualCap);
    let cap_left = pos(cap - paid);
    Critical {
        ordinary_deductible,
        share,
        deductible,
        earlier_base,
        deductible_left: pos(deductible - earlier_base),
        excess_before,
        excess: excess_after - excess_before,
        poor_rate,
        tiers,
        computed,
        cap,
        cap_left,
        amount: computed.min(cap_left),
    }
}

// ---------------------------------------------------------------------------------------------
// The sentences.

/// Where a line's sentence is written: a string, or nowhere when only the figures are wanted
/// ([`estimate_figures`]). Every figure is computed before and apart from its sentence, so
/// leaving the sentences out cannot change one.
struct Words(Option<String>);

impl Words {
    fn new(on: bool, capacity: usize) -> Words {
        Words(on.then(|| String::with_capacity(capacity)))
    }

    fn push_str(&mut self, text: &str) {
        if let Some(s) = &mut self.0 {
            s.push_str(text);
        }
    }

    fn push(&mut self, c: char) {
        if let Some(s) = &mut self.0 {
            s.push(c);
        }
    }

    /// The sentence, or "" when none was written.
    fn done(self) -> String {
        self.0.unwrap_or_default()
    }
}

impl Write for Words {
    fn write_str(&mut self, text: &str) -> std::fmt::Result {
        self.push_str(text);
        Ok(())
    }

    // Nothing is formatted when nothing is written.
    fn write_fmt(&mut self, args: std::fmt::Arguments<'_>) -> std::fmt::Result {
        match &mut self.0 {
            Some(s) => s.write_fmt(args),
            None => Ok(()),
        }
    }
}

fn yuan(out: &mut Words, x: Decimal) {
    if let Some(s) = &mut out.0 {
        push_yuan(s, x);
    }
}

fn percent(out: &mut Words, ratio: Decimal) {
    if let Some(s) = &mut out.0 {
        push_percent(s, ratio);
    }
}

fn points(out: &mut Words, ratio: Decimal) {
    if let Some(s) = &mut out.0 {
        push_points(s, ratio);
    }
}

/// The figures among `ids` that are not from the documents, with their marks; none when no
/// sentence is written.
fn baselines(params: &Parameters, ids: &[ParamId], words: bool) -> Vec<BaselineFigure> {
    if !words {
        return Vec::new();
    }
    ids.iter()
        .filter_map(|&id| params.entry(id))
        .filter(|e| e.confidence != Confidence::Doc || e.overridden)
        .map(|e| {
            let mut figure = String::with_capacity(64);
            figure.push_str(e.label);
            figure.push(' ');
            match (e.id, e.unit) {
                (ParamId::BasicOutOfCountyPenalty, _) => {
                    push_points(&mut figure, e.value);
                    figure.push_str(" 个百分点");
                }
                (_, Unit::Ratio) => push_percent(&mut figure, e.value),
                (_, Unit::Yuan | Unit::YuanPerPersonYear) => {
                    push_yuan(&mut figure, e.value);
                    figure.push_str(" 元");
                }
            }
            BaselineFigure { param: e.id, value: e.value, confidence: e.confidence, overridden: e.overridden, figure }
        })
        .collect()
}

/// How sure the value of `id` is, and whether the user changed it.
fn sureness(params: &Parameters, id: ParamId) -> (Confidence, bool) {
    params.entry(id).map_or((Confidence::Doc, false), |e| (e.confidence, e.overridden))
}

fn not_this_time(out: &mut Words) {
    out.push_str("本次为 0.00 元。");
}

fn cap_clause(out: &mut Words, computed: Decimal, cap: Decimal, cap_left: Decimal, amount: Decimal) {
    if computed > cap_left {
        out.push_str("；但年度封顶线为 ");
        yuan(out, cap);
        out.push_str(" 元，今年只剩 ");
        yuan(out, cap_left);
        out.push_str(" 元可报，本次报 ");
        yuan(out, amount);
        out.push_str(" 元");
    }
    out.push('。');
}

fn basic_line(
    params: &Parameters,
    b: &Basic,
    p: Decimal,
    level: HospitalLevel,
    spared_by_i6: bool,
    words: bool,
) -> Line {
    let mut s = Words::new(words, 200);
    s.push_str("基本医保：");
    let reason = if p.is_zero() {
        s.push_str("这次没有政策范围内费用，");
        not_this_time(&mut s);
        Some(Reason::NoInPolicyCost)
    } else if p <= b.deductible {
        s.push_str("政策范围内费用 ");
        yuan(&mut s, p);
        let _ = write!(s, " 元没有超过{}起付线 ", level.name());
        yuan(&mut s, b.deductible);
        s.push_str(" 元，不报销。");
        Some(Reason::BelowDeductible)
    } else {
        s.push_str("政策范围内费用 ");
        yuan(&mut s, p);
        s.push_str(" 元减去");
        s.push_str(level.name());
        s.push_str("起付线 ");
        yuan(&mut s, b.deductible);
        s.push_str(" 元，按 ");
        percent(&mut s, b.rate);
        s.push_str(" 报销（");
        s.push_str(level.name());
        s.push(' ');
        percent(&mut s, b.level_rate);
        if let Some(pen) = b.penalty.filter(|x| !x.is_zero()) {
            s.push_str("，县外住院未转诊降低 ");
            points(&mut s, pen);
            s.push_str(" 个百分点");
        }
        if let Some(up) = b.uplift {
            s.push_str("，贫困人口提高 ");
            points(&mut s, up);
            s.push_str(" 个百分点");
        }
        s.push_str("），（");
        yuan(&mut s, p);
        s.push_str(" − ");
        yuan(&mut s, b.deductible);
        s.push_str("）× ");
        percent(&mut s, b.rate);
        s.push_str(" = ");
        yuan(&mut s, b.computed);
        s.push_str(" 元");
        cap_clause(&mut s, b.computed, b.cap, b.cap_left, b.amount);
        if spared_by_i6 {
            s.push_str("在县（区）外、没有办转诊，但这是该病的定点救治医院，不降低报销比例（本站的理解 I6）。");
        }
        if b.amount.is_zero() {
            Some(if b.computed.is_zero() { Reason::ZeroRate } else { Reason::CapReached })
        } else {
            None
        }
    };
    let mut ids = vec![b.deductible_id];
    if p > b.deductible {
        ids.push(b.rate_id);
        if b.penalty.is_some_and(|x| !x.is_zero()) {
            ids.push(ParamId::BasicOutOfCountyPenalty);
        }
        if b.computed > b.cap_left {
            ids.push(ParamId::BasicAnnualCap);
        }
    }
    let mut interpretations = Vec::new();
    if b.uplift.is_some() && p > b.deductible {
        interpretations.push(Interpretation::I8);
    }
    if spared_by_i6 {
        interpretations.push(Interpretation::I6);
    }
    Line {
        payer: Payer::BasicInsurance,
        amount: b.amount,
        base: p,
        rule: s.done(),
        citation: SAN_TIGAO,
        reason,
        interpretations,
        baselines: if p.is_zero() { Vec::new() } else { baselines(params, &ids, words) },
    }
}

fn critical_line(params: &Parameters, c: &Critical, base: Decimal, poor: bool, words: bool) -> Line {
    let mut s = Words::new(words, 240);
    s.push_str("大病保险：");
    // Earlier stays this year have counted towards the deductible and the tiers.
    let earlier = !c.earlier_base.is_zero();
    let reason = if base.is_zero() {
        s.push_str("基本医保报销后政策范围内已没有自付费用，");
        not_this_time(&mut s);
        Some(Reason::NothingLeft)
    } else {
        s.push_str("基本医保报销后政策范围内还要自付 ");
        yuan(&mut s, base);
        if earlier {
            s.push_str(" 元。大病保险的起付线一年只算一次：今年此前住院政策范围内自付已累计 ");
            yuan(&mut s, c.earlier_base);
        }
        s.push_str(" 元，");
        if poor {
            s.push_str(if earlier { "贫困人口起付线 " } else { "贫困人口起付线为 " });
            yuan(&mut s, c.deductible);
            s.push_str(" 元（普通起付线 ");
            yuan(&mut s, c.ordinary_deductible);
            s.push_str(" 元降低 ");
            percent(&mut s, Decimal::ONE - c.share);
            s.push('）');
        } else {
            s.push_str(if earlier { "起付线 " } else { "起付线为 " });
            yuan(&mut s, c.deductible);
            s.push_str(" 元");
        }
        if earlier {
            s.push_str("已用去 ");
            yuan(&mut s, c.deductible - c.deductible_left);
            if c.deductible_left.is_zero() {
                s.push_str(" 元、已经用完");
            } else {
                s.push_str(" 元、还剩 ");
                yuan(&mut s, c.deductible_left);
                s.push_str(" 元");
            }
        }
        if c.excess.is_zero() {
            s.push_str(if earlier { "，本次没有超过，不报销。" } else { "，没有超过，不报销。" });
            Some(Reason::BelowDeductible)
        } else {
            let all_above = earlier && c.deductible_left.is_zero();
            if let Some(r) = c.poor_rate {
                if all_above {
                    s.push_str("，本次 ");
                    yuan(&mut s, base);
                    s.push_str(" 元全部按 ");
                    percent(&mut s, r);
                    s.push_str(" 报销，");
                    yuan(&mut s, base);
                    s.push_str(" × ");
                } else {
                    s.push_str(if earlier { "，本次超过的部分按 " } else { "，超过的部分按 " });
                    percent(&mut s, r);
                    s.push_str(" 报销，（");
                    yuan(&mut s, base);
                    s.push_str(" − ");
                    yuan(&mut s, if earlier { c.deductible_left } else { c.deductible });
                    s.push_str("）× ");
                }
                percent(&mut s, r);
            } else {
                if all_above {
                    s.push_str("，本次 ");
                    yuan(&mut s, base);
                    s.push_str(" 元全部接着今年的累计分段报销");
                    if !c.excess_before.is_zero() {
                        s.push_str("（今年此前超过起付线的已有 ");
                        yuan(&mut s, c.excess_before);
                        s.push_str(" 元）");
                    }
                    s.push('，');
                } else {
                    s.push_str(if earlier { "，本次超过的 " } else { "，超过的 " });
                    yuan(&mut s, c.excess);
                    s.push_str(" 元分段报销，");
                }
                let mut first = true;
                for (part, rate) in c.tiers.iter().filter(|(part, _)| !part.is_zero()) {
                    if !first {
                        s.push_str(" + ");
                    }
                    first = false;
                    yuan(&mut s, *part);
                    s.push_str(" × ");
                    percent(&mut s, *rate);
                }
            }
            s.push_str(" = ");
            yuan(&mut s, c.computed);
            s.push_str(" 元");
            cap_clause(&mut s, c.computed, c.cap, c.cap_left, c.amount);
            if c.amount.is_zero() {
                Some(if c.computed.is_zero() { Reason::ZeroRate } else { Reason::CapReached })
            } else {
                None
            }
        }
    };
    let mut ids = Vec::new();
    if !base.is_zero() {
        ids.push(ParamId::CriticalDeductible);
        if !c.excess.is_zero() && c.poor_rate.is_none() {
            const TIERS: [(Option<ParamId>, ParamId); 4] = [
                (Some(ParamId::CriticalTier1Upper), ParamId::CriticalTier1Rate),
                (Some(ParamId::CriticalTier2Upper), ParamId::CriticalTier2Rate),
                (Some(ParamId::CriticalTier3Upper), ParamId::CriticalTier3Rate),
                (None, ParamId::CriticalTier4Rate),
            ];
            for (i, ((part, _), (upper, rate))) in c.tiers.iter().zip(TIERS).enumerate() {
                if !part.is_zero() {
                    ids.push(rate);
                    // A tier's upper limit sets its part only when the excess goes past it.
                    if c.tiers.get(i + 1).is_some_and(|(next, _)| !next.is_zero()) {
                        ids.extend(upper);
                    }
                }
            }
        }
        if c.computed > c.cap_left {
            ids.push(ParamId::CriticalAnnualCap);
        }
    }
    Line {
        payer: Payer::CriticalIllnessInsurance,
        amount: c.amount,
        base,
        rule: s.done(),
        citation: SAN_TIGAO,
        reason,
        interpretations: if poor && !base.is_zero() { vec![Interpretation::I1] } else { Vec::new() },
        baselines: baselines(params, &ids, words),
    }
}

/// The line of a payer that pays `rate × base` (steps 3, 4 and 6), or nothing for `reason`.
struct Simple {
    payer: Payer,
    base: Decimal,
    citation: Citation,
    interpretations: Vec<Interpretation>,
    /// Whether to write the sentence.
    words: bool,
}

impl Simple {
    fn pays(self, rate: Decimal, intro: &str, base_words: &str, (before, after): (&str, &str)) -> Line {
        let mut s = Words::new(self.words, 200);
        s.push_str(self.payer.name());
        s.push('：');
        if self.base.is_zero() {
            let _ = write!(s, "{base_words}已没有，");
            not_this_time(&mut s);
            return self.none(s, Reason::NothingLeft);
        }
        let amount = round_fen(self.base * rate);
        s.push_str(intro);
        s.push_str(base_words);
        s.push(' ');
        yuan(&mut s, self.base);
        s.push_str(" 元，");
        s.push_str(before);
        percent(&mut s, rate);
        s.push_str(after);
        s.push('，');
        yuan(&mut s, self.base);
        s.push_str(" × ");
        percent(&mut s, rate);
        s.push_str(" = ");
        yuan(&mut s, amount);
        s.push_str(" 元。");
        self.finish(amount, s)
    }

    /// The line paying `amount`; a zero amount here can only come from a ratio set to 0.
    fn finish(self, amount: Decimal, rule: Words) -> Line {
        let reason = amount.is_zero().then_some(Reason::ZeroRate);
        Line {
            payer: self.payer,
            amount,
            base: self.base,
            rule: rule.done(),
            citation: self.citation,
            reason,
            interpretations: self.interpretations,
            baselines: Vec::new(),
        }
    }

    fn none(self, rule: Words, reason: Reason) -> Line {
        Line { reason: Some(reason), ..self.finish(Decimal::ZERO, rule) }
    }

    fn not_applicable(self, text: &str, reason: Reason) -> Line {
        let mut s = Words::new(self.words, 160);
        let _ = write!(s, "{}：{}", self.payer.name(), text);
        not_this_time(&mut s);
        // The age limit of the children's diseases is a reading of ours. A payer that does not
        // apply keeps only the readings that decide whether it applies (I5, I7, I9), not those
        // about how it would pay.
        let interpretations = if matches!(reason, Reason::ChildOverAge { .. }) {
            vec![Interpretation::I4]
        } else {
            let decides =
                |i: &Interpretation| matches!(i, Interpretation::I5 | Interpretation::I7 | Interpretation::I9);
            self.interpretations.into_iter().filter(decides).collect()
        };
        Simple { interpretations, ..self }.none(s, reason)
    }
}

/// Text for a sentence, or "" (nothing made) when no sentence is written.
fn say(words: bool, text: impl FnOnce() -> String) -> String {
    if words {
        text()
    } else {
        String::new()
    }
}

/// The reason a nine-disease payer does not apply to this patient, if any, and its sentence.
fn nine_disease_gate(f: &Facts<'_>, age: u8, what: &str, words: bool) -> Option<(String, Reason)> {
    if !f.poor {
        return Some((say(words, || format!("{what}只给贫困人口，普通居民没有这一项，")), Reason::NotPoor));
    }
    if let Some(max_age) = f.over_age {
        return Some((
            say(words, || {
                format!(
                    "{}按本站的理解（I4：文件只写“儿童”）只救治{max_age}岁及以下的孩子，患者{age}岁，不在九种大病救治范围内，",
                    f.disease.name
                )
            }),
            Reason::ChildOverAge { max_age },
        ));
    }
    if !f.nine {
        return Some((
            say(words, || {
                if what == "医疗救助" {
                    // Hunan 三(二) ties only the 70%/50% rates to the nine; it brings every
                    // eligible poor person into 重特大疾病医疗救助 (calculation.md step 4).
                    format!("{}不在九种大病之中，九种大病以外的医疗救助按民政部门规定，本站不计算，", f.disease.name)
                } else {
                    format!("{what}只针对九种大病，{}不在其中，", f.disease.name)
                }
            }),
            if what == "医疗救助" { Reason::AssistanceNotComputed } else { Reason::NotNineDiseases },
        ));
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Steps 3 to 6, each on what the step before it left.

/// Step 3. 扶贫特惠保 — Hunan 三(二) "两补贴": the family's own policy ratio of what is left.
fn tehui_line(f: &Facts<'_>, case: &Case, base: Decimal, words: bool) -> Line {
    let tehui =
        Simple { payer: Payer::TehuiInsurance, base, citation: LIANG_BUTIE, interpretations: Vec::new(), words };
    if !f.poor {
        tehui.not_applicable("扶贫特惠保是贫困家庭参加的商业保险，普通居民没有这一项，", Reason::NotPoor)
    } else if case.tehui_ratio.is_zero() {
        tehui.not_applicable("按各家保单的约定赔付，各县产品不同；没有填写赔付比例，按 0 计算，", Reason::NoTehuiRatio)
    } else {
        tehui.pays(case.tehui_ratio, "大病保险报销后", "政策范围内还要自付", ("按保单赔付比例 ", " 赔付"))
    }
}

/// Step 4. 医疗救助 — Hunan 三(二) "三提高": the nine diseases, at the category's rate (I3 for 特困).
fn assistance_line(params: &Parameters, f: &Facts<'_>, case: &Case, base: Decimal, words: bool) -> Line {
    let (rate, who, reading) = match case.category {
        Category::Dibao => (params.value(ParamId::AssistanceRateDibao), "低保对象按 ", None),
        Category::Tekun => (params.value(ParamId::AssistanceRateTekun), "特困人员按 ", Some(Interpretation::I3)),
        _ => (params.value(ParamId::AssistanceRateNonDibao), "非低保的贫困人口按 ", None),
    };
    let assist = Simple {
        payer: Payer::MedicalAssistance,
        base,
        citation: SAN_TIGAO,
        interpretations: reading.into_iter().collect(),
        words,
    };
    match nine_disease_gate(f, case.age, "医疗救助", words) {
        Some((text, reason)) => assist.not_applicable(&text, reason),
        None => assist.pays(rate, "各项保险报销后", "政策范围内还要自付", (who, " 救助")),
    }
}

/// Step 5. 医院减免 — Hunan 三(二) "一减免": half of what is left, in policy and out (I2), at the
/// disease's designated hospital. Also gives the in-policy part of the reduction, which step 6
/// works on.
fn reduction_line(
    params: &Parameters,
    f: &Facts<'_>,
    case: &Case,
    in_left: Decimal,
    out_of_policy: Decimal,
    words: bool,
) -> (Line, Decimal) {
    let rr = params.value(ParamId::ReductionRate);
    let base = in_left + out_of_policy;
    let red = Simple {
        payer: Payer::HospitalReduction,
        base,
        citation: YI_JIANMIAN,
        interpretations: if f.guidance_reading {
            vec![Interpretation::I7, Interpretation::I2]
        } else {
            vec![Interpretation::I2]
        },
        words,
    };
    if let Some((text, reason)) = nine_disease_gate(f, case.age, "医院减免", words) {
        return (red.not_applicable(&text, reason), Decimal::ZERO);
    }
    if !f.designated {
        let text = say(words, || {
            format!(
                "只在该病的定点救治医院才有，{}不是{}的定点救治医院，",
                hospital_words(case.hospital),
                f.disease.name
            )
        });
        return (red.not_applicable(&text, Reason::NotDesignated), Decimal::ZERO);
    }
    if base.is_zero() {
        return (red.not_applicable("没有剩下的自付费用，", Reason::NothingLeft), Decimal::ZERO);
    }
    let reduction_in = round_fen(in_left * rr);
    let reduction_out = round_fen(out_of_policy * rr);
    let amount = reduction_in + reduction_out;
    let mut s = Words::new(words, 220);
    s.push_str("医院减免：定点医院把剩下的自付费用减免 ");
    percent(&mut s, rr);
    s.push_str("，政策范围内 ");
    yuan(&mut s, in_left);
    s.push_str(" × ");
    percent(&mut s, rr);
    s.push_str(" = ");
    yuan(&mut s, reduction_in);
    s.push_str(" 元，政策范围外 ");
    yuan(&mut s, out_of_policy);
    s.push_str(" × ");
    percent(&mut s, rr);
    s.push_str(" = ");
    yuan(&mut s, reduction_out);
    s.push_str(" 元，合计 ");
    yuan(&mut s, amount);
    s.push_str(" 元。");
    (red.finish(amount, s), reduction_in)
}

/// Step 6. 区级健康扶贫专项资金 — Junshan 三: 70% of the compliant cost left (合规 read as in
/// policy), at a designated hospital (I9); absent from the province layer (I5), and before the
/// district's plan (`not_yet`, the district layer that had not started).
fn district_line(f: &Facts<'_>, case: &Case, base: Decimal, not_yet: Option<&policy::Layer>, words: bool) -> Line {
    // I9: Junshan 三 sets no hospital condition; I7 decides whether 岳阳市一人民医院 counts.
    let mut readings = Vec::new();
    if f.guidance_reading {
        readings.push(Interpretation::I7);
    }
    readings.push(if f.designated { Interpretation::Compliant } else { Interpretation::I9 });
    let fund = Simple { payer: Payer::DistrictFund, base, citation: JUNSHAN_PAYMENT, interpretations: readings, words };
    match f.district_fund {
        None if not_yet.is_some() => fund.not_applicable(
            &say(words, || {
                let start = not_yet.map(|l| l.start.to_chinese()).unwrap_or_default();
                format!("君山区的方案从{start}起执行，这次住院在那之前，只按湖南省政策计算，")
            }),
            Reason::NotInRegion,
        ),
        None => Simple { interpretations: vec![Interpretation::I5], ..fund }
            .not_applicable("这是君山区的政策，只按湖南省政策计算时没有这一项，", Reason::NotInRegion),
        Some(rate) => match nine_disease_gate(f, case.age, "区级专项资金", words) {
            Some((text, reason)) => Simple { interpretations: Vec::new(), ..fund }.not_applicable(&text, reason),
            None if !f.designated => fund.not_applicable(
                &say(words, || {
                    format!(
                        "按本站的理解（I9）只补助在定点救治医院住院的，{}不是{}的定点救治医院，",
                        hospital_words(case.hospital),
                        f.disease.name
                    )
                }),
                Reason::NotDesignated,
            ),
            None => fund.pays(rate, "医院减免后", "剩下的合规自付费用", ("补助 ", "")),
        },
    }
}

/// Estimates how a bill splits across every payer, with the parameters `params` (which must be
/// those of the case's region and day; see [`Case::parameters`]).
///
/// ```
/// use engine::{estimate, CaseInput, Payer};
/// use policy::Policy;
/// let case = CaseInput::example().parse().unwrap();
/// let params = case.parameters(&Policy::builtin()).unwrap();
/// let e = estimate(&params, &case).unwrap();
/// assert_eq!(e.line(Payer::BasicInsurance).amount.to_string(), "35600.00");
/// assert_eq!(e.line(Payer::BasicInsurance).rule,
///     "基本医保：政策范围内费用 45,000.00 元减去县级医院起付线 500.00 元，按 80% 报销（县级医院 70%，贫困人口提高 10 个百分点），（45,000.00 − 500.00）× 80% = 35,600.00 元。");
/// assert_eq!(e.patient_pays.to_string(), "2846.05");
/// assert_eq!(e.ordinary_patient_pays().to_string(), "18850.00");
/// ```
pub fn estimate(params: &Parameters, case: &Case) -> Result<Estimate, EstimateError> {
    settle(params, case, Earlier::of(case), true)
}

/// Like [`estimate`], without writing the sentences: every line's `rule` and the 一兜底 note's
/// `text` are empty, and so is each line's list of baseline figures (they are marks beside the
/// sentence); every amount, base, reason, citation, interpretation and warning is the same.
/// For adding up many bills (a roster of thousands of patients), where the sentences are most of
/// the work and none is shown.
///
/// ```
/// use engine::{estimate, estimate_figures, CaseInput};
/// use policy::Policy;
/// let case = CaseInput::example().parse().unwrap();
/// let params = case.parameters(&Policy::builtin()).unwrap();
/// let figures = estimate_figures(&params, &case).unwrap();
/// assert_eq!(figures.patient_pays.to_string(), "2846.05");
/// assert!(figures.lines.iter().all(|l| l.rule.is_empty()));
/// let mut full = estimate(&params, &case).unwrap();
/// full.lines.iter_mut().for_each(|l| { l.rule.clear(); l.baselines.clear(); });
/// full.doudi.iter_mut().for_each(|d| d.text.clear());
/// assert_eq!(figures, full);
/// ```
pub fn estimate_figures(params: &Parameters, case: &Case) -> Result<Estimate, EstimateError> {
    settle(params, case, Earlier::of(case), false)
}

/// Whether `params` are those of the layer the case's region inherits from, its own not having
/// started on the day (a Junshan stay before 2017-09-11); an error when they are not the case's
/// region's and day's at all.
fn fallen_back(params: &Parameters, case: &Case) -> Result<bool, EstimateError> {
    let own_layer = params.policy().layer(case.region);
    let fallen_back = params.region() != case.region
        && own_layer.is_some_and(|l| l.inherits == Some(params.region()) && case.date < l.start);
    if params.region() != case.region && !fallen_back {
        return Err(EstimateError::new(
            Field::Region,
            ErrorKind::ParametersMismatch { region: params.region(), date: params.date() },
        ));
    }
    if params.date() != case.date {
        return Err(EstimateError::new(
            Field::Date,
            ErrorKind::ParametersMismatch { region: params.region(), date: params.date() },
        ));
    }
    Ok(fallen_back)
}

/// Every check [`estimate`] makes before it computes: the error it would give, if any.
pub(crate) fn check_case(params: &Parameters, case: &Case) -> Result<(), EstimateError> {
    case.validate()?;
    fallen_back(params, case)?;
    Facts::of(params, case).map(|_| ())
}

/// What a patient's earlier stays this calendar year used up, on one set of terms: 基本医保
/// paid (for its cap), the 大病保险 base `B` (the in-policy cost they left after 基本医保) and
/// 大病保险 paid (for its cap).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct SoFar {
    pub basic_paid: Decimal,
    pub critical_base: Decimal,
    pub critical_paid: Decimal,
}

/// The same for the patient and for the ordinary resident of the comparison, whose stays pay
/// and leave other amounts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Earlier {
    pub patient: SoFar,
    pub ordinary: SoFar,
}

impl Earlier {
    /// What a single case says was used earlier this year: the same figures for the comparison
    /// (calculation.md, a year of stays).
    pub(crate) fn of(case: &Case) -> Earlier {
        let so_far = SoFar {
            basic_paid: case.basic_paid_this_year,
            critical_base: case.critical_base_this_year.unwrap_or_default(),
            critical_paid: case.critical_paid_this_year,
        };
        Earlier { patient: so_far, ordinary: so_far }
    }

    /// These figures with the stay estimated as `e` added.
    pub(crate) fn and(self, e: &Estimate) -> Earlier {
        let basic = e.line(Payer::BasicInsurance).amount;
        let critical = e.line(Payer::CriticalIllnessInsurance);
        Earlier {
            patient: SoFar {
                basic_paid: self.patient.basic_paid + basic,
                critical_base: self.patient.critical_base + critical.base,
                critical_paid: self.patient.critical_paid + critical.amount,
            },
            ordinary: SoFar {
                basic_paid: self.ordinary.basic_paid + e.ordinary.basic,
                critical_base: self.ordinary.critical_base + (e.in_policy_cost - e.ordinary.basic),
                critical_paid: self.ordinary.critical_paid + e.ordinary.critical,
            },
        }
    }
}

/// The settlement, after what `earlier` stays this year used; `words` says whether to write
/// the sentences.
pub(crate) fn settle(
    params: &Parameters,
    case: &Case,
    earlier: Earlier,
    words: bool,
) -> Result<Estimate, EstimateError> {
    case.validate()?;
    let fallen_back = fallen_back(params, case)?;
    let own_layer = params.policy().layer(case.region);
    let f = Facts::of(params, case)?;
    let t = case.total_cost;
    let p = case.in_policy_cost;
    let out_of_policy = t - p;

    // 1. 基本医保
    let b = basic(params, f.level, f.penalised, f.poor, p, earlier.patient.basic_paid);
    let basic_line = basic_line(params, &b, p, f.level, f.spared_by_i6, words);

    // 2. 大病保险, on the in-policy self-paid part left
    let base2 = p - b.amount;
    let c = critical(params, f.poor, earlier.patient.critical_base, base2, earlier.patient.critical_paid);
    let critical_line = critical_line(params, &c, base2, f.poor, words);

    // 3. 扶贫特惠保
    let base3 = base2 - c.amount;
    let tehui_line = tehui_line(&f, case, base3, words);

    // 4. 医疗救助 (nine diseases)
    let base4 = base3 - tehui_line.amount;
    let assistance_line = assistance_line(params, &f, case, base4, words);

    // 5. 医院减免 (一减免): in-policy and out-of-policy alike (I2)
    let in_left = base4 - assistance_line.amount;
    let (reduction_line, reduction_in) = reduction_line(params, &f, case, in_left, out_of_policy, words);

    // 6. 区级健康扶贫专项资金 (Junshan 三; absent from the province layer, I5)
    let base6 = in_left - reduction_in;
    let district_line = district_line(&f, case, base6, fallen_back.then_some(own_layer).flatten(), words);

    // 7. 个人自付
    let mut lines = [basic_line, critical_line, tehui_line, assistance_line, reduction_line, district_line];
    for l in &mut lines {
        l.amount = fixed(l.amount);
        l.base = fixed(l.base);
    }
    let covered: Decimal = lines.iter().map(|l| l.amount).sum();
    let patient_pays = fixed(t - covered);
    let patient_pays_in_policy = fixed(base6 - lines[5].amount);
    let patient_pays_out_of_policy = fixed(patient_pays - patient_pays_in_policy);

    // The same bill for an ordinary resident, steps 1–2 on ordinary terms.
    let ob = basic(params, f.level, f.ordinary_penalised, false, p, earlier.ordinary.basic_paid);
    let oc = critical(params, false, earlier.ordinary.critical_base, p - ob.amount, earlier.ordinary.critical_paid);
    let ordinary = OrdinaryComparison {
        basic: fixed(ob.amount),
        critical: fixed(oc.amount),
        patient_pays: fixed(t - ob.amount - oc.amount),
    };

    // Warnings, most general first.
    let mut warnings = Vec::new();
    if let Some(layer) = own_layer {
        if case.date > layer.end {
            warnings.push(Warning::PolicyPeriodEnded { end: layer.end });
        }
        if fallen_back {
            warnings.push(Warning::DistrictLayerNotYetInForce { start: layer.start });
        }
        if let Some(target) = layer.target.filter(|t| case.date > *t && case.date <= layer.end) {
            warnings.push(Warning::DistrictTargetPassed { target, assumed_end: layer.end });
        }
    }
    if !f.poor {
        warnings.push(Warning::NotPoor);
    }
    if let Some(max_age) = f.over_age {
        warnings.push(Warning::ChildDiseaseOverAge { disease: case.disease, max_age, age: case.age });
    }
    if f.poor && f.nine && !f.designated {
        warnings.push(Warning::NotDesignated {
            hospital: case.hospital,
            disease: case.disease,
            referral_would_help: f.referral_would_help,
            district_fund: f.district_fund.is_some(),
        });
    }
    if let Some(penalty) = b.penalty.filter(|x| !x.is_zero()) {
        let (confidence, overridden) = sureness(params, ParamId::BasicOutOfCountyPenalty);
        warnings.push(Warning::OutOfCountyWithoutReferral { penalty, confidence, overridden });
    }
    if b.computed > b.cap_left {
        let (confidence, overridden) = sureness(params, ParamId::BasicAnnualCap);
        warnings.push(Warning::BasicCapReached { cap: b.cap, confidence, overridden });
    }
    if c.computed > c.cap_left {
        let (confidence, overridden) = sureness(params, ParamId::CriticalAnnualCap);
        warnings.push(Warning::CriticalCapReached { cap: c.cap, confidence, overridden });
    }
    // Amounts paid earlier this year, but not the 大病保险 base of the stays that paid them.
    if case.critical_base_this_year.is_none()
        && !(case.basic_paid_this_year.is_zero() && case.critical_paid_this_year.is_zero())
    {
        warnings.push(Warning::EarlierStaysNotEntered);
    }

    // 一兜底: what is left of the compliant cost may be reduced or waived after review.
    let doudi = (f.poor && patient_pays_in_policy > Decimal::ZERO).then(|| {
        let mut text = Words::new(words, 160);
        text.push_str("如果剩下的合规自付费用 ");
        yuan(&mut text, patient_pays_in_policy);
        text.push_str(" 元仍然付不起，可以申请政府兜底：");
        // Junshan 三 gives the joint review for its nine-disease patients; otherwise only Hunan
        // 三(二) applies, which gives no procedure. Neither says where to apply.
        let junshan_procedure = params.region() == Region::Junshan && f.nine;
        text.push_str(if junshan_procedure {
            "经村、镇、卫生计生、民政、扶贫部门联合审定后，减轻或免除。"
        } else {
            "政府兜底保障，减轻或免除个人负担；文件没有写怎么申请。"
        });
        text.push_str("文件没有写到哪里申请，可以先找村委会或镇（街道）民政所问（这是本站的建议）。");
        Doudi {
            amount: patient_pays_in_policy,
            text: text.done(),
            citation: if junshan_procedure { JUNSHAN_PAYMENT } else { YI_DOUDI },
            interpretations: vec![Interpretation::Compliant],
        }
    });

    Ok(Estimate {
        lines,
        total_cost: fixed(t),
        in_policy_cost: fixed(p),
        patient_pays,
        patient_pays_in_policy,
        patient_pays_out_of_policy,
        ordinary,
        savings: fixed(ordinary.patient_pays - patient_pays),
        warnings,
        doudi,
        // Before the district's plan took effect there was no programme to enter.
        ledger: (!fallen_back)
            .then(|| Ledger::of(params.policy(), case.region, case.category, case.registered, case.disease, case.age))
            .flatten(),
        pay_after_treatment: f.poor && f.in_county,
        designated: f.designated,
    })
}

/// Like [`estimate`], with the parameters of `policy` for the case's region and day.
///
/// ```
/// use engine::{estimate_with_policy, CaseInput};
/// let e = estimate_with_policy(&policy::Policy::builtin(), &CaseInput::example().parse().unwrap()).unwrap();
/// assert_eq!(e.savings.to_string(), "16003.95");
/// ```
pub fn estimate_with_policy(policy: &Policy, case: &Case) -> Result<Estimate, EstimateError> {
    estimate(&case.parameters(policy)?, case)
}

/// Estimates many cases with one policy, resolving the parameters once for each region and day
/// instead of once for each case: a county's roster of thousands of patients has a few hundred
/// days of discharge. For each case it gives exactly what [`estimate_with_policy`] gives (and,
/// with [`Estimator::figures`], what [`estimate_figures`] gives).
///
/// ```
/// use engine::{estimate_with_policy, CaseInput, Estimator};
/// let policy = policy::Policy::builtin();
/// let case = CaseInput::example().parse().unwrap();
/// let mut estimator = Estimator::new(&policy);
/// assert_eq!(estimator.estimate(&case), estimate_with_policy(&policy, &case));
/// assert_eq!(estimator.figures(&case).unwrap().patient_pays.to_string(), "2846.05");
///
/// let mut early = case;
/// early.date = policy::Date::new(2017, 8, 1).unwrap(); // before the Junshan layer: the province's
/// assert_eq!(estimator.figures(&early).unwrap().patient_pays.to_string(), "3653.50");
/// early.date = policy::Date::new(2017, 6, 1).unwrap(); // before every layer
/// assert_eq!(estimator.figures(&early).unwrap_err().field(), "date");
/// ```
#[derive(Clone)]
pub struct Estimator {
    policy: Policy,
    resolved: BTreeMap<(Region, Date), Result<Parameters, EstimateError>>,
}

impl Estimator {
    /// An estimator with the parameters of `policy`, none resolved yet.
    pub fn new(policy: &Policy) -> Estimator {
        Estimator { policy: policy.clone(), resolved: BTreeMap::new() }
    }

    /// The parameters for the case's region and day: resolved the first time, then kept.
    pub(crate) fn parameters(&mut self, case: &Case) -> Result<&Parameters, EstimateError> {
        let policy = &self.policy;
        self.resolved
            .entry((case.region, case.date))
            .or_insert_with(|| case.parameters(policy))
            .as_ref()
            .map_err(Clone::clone)
    }

    /// The estimate with every sentence, as [`estimate_with_policy`] gives it.
    pub fn estimate(&mut self, case: &Case) -> Result<Estimate, EstimateError> {
        estimate(self.parameters(case)?, case)
    }

    /// The figures only, as [`estimate_figures`] gives them.
    pub fn figures(&mut self, case: &Case) -> Result<Estimate, EstimateError> {
        estimate_figures(self.parameters(case)?, case)
    }
}
