//! Every figure a line's sentence writes that the documents do not give carries its confidence
//! mark, and every reading of ours a sentence names is listed with the line: found by changing
//! each baseline and seeing which sentences change, not by trusting the list the engine keeps.

use engine::{estimate, Case, CaseInput, Estimate, HospitalChoice};
use policy::{
    Category, Confidence, Date, DiseaseId, HospitalId, HospitalLevel, ParamId, Parameters, Policy, Region, Unit,
};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// Cases over the categories, the diseases, the hospitals, a child's and an adult's age, and
/// bills below the deductible, ordinary, and past both caps.
fn cases() -> Vec<Case> {
    let base = CaseInput::example().parse().unwrap();
    let hospitals = [
        HospitalChoice::Named(HospitalId::JunshanPeople),
        HospitalChoice::Named(HospitalId::YueyangFirstPeople),
        HospitalChoice::Level { level: HospitalLevel::Province, in_county: false, designated: false },
        HospitalChoice::Level { level: HospitalLevel::Township, in_county: true, designated: false },
    ];
    let bills = [(d("600"), d("400")), (d("50000"), d("45000")), (d("900000"), d("880000"))];
    let mut out = Vec::new();
    for &category in Category::ALL {
        for &disease in DiseaseId::ALL {
            for hospital in hospitals {
                for referred in [false, true] {
                    for age in [8, 15, 56] {
                        for (total, in_policy) in bills {
                            out.push(Case {
                                category,
                                registered: category.registered_by_default(),
                                disease,
                                hospital,
                                referred,
                                age,
                                total_cost: total,
                                in_policy_cost: in_policy,
                                ..base
                            });
                        }
                    }
                }
            }
        }
    }
    let mut hunan = base;
    hunan.region = Region::Hunan;
    hunan.hospital = HospitalChoice::level(HospitalLevel::County);
    out.push(hunan);
    out
}

/// A different value in range for `id`, odd enough that no other figure of a sentence has it,
/// and how a sentence writes it.
fn changed(params: &Parameters, id: ParamId) -> (Decimal, String) {
    let v = params.value(id);
    match params.entry(id).map(|e| e.unit) {
        Some(Unit::Ratio) => {
            let x = if v <= d("0.9") { v + d("0.0123") } else { v - d("0.0123") };
            let written = engine::format_percent(x);
            // The −15 points are written as points.
            (x, if id == ParamId::BasicOutOfCountyPenalty { written.trim_end_matches('%').to_owned() } else { written })
        }
        _ => {
            let x = v + d("0.37");
            (x, engine::format_yuan(x))
        }
    }
}

const TIER_UPPERS: [ParamId; 3] =
    [ParamId::CriticalTier1Upper, ParamId::CriticalTier2Upper, ParamId::CriticalTier3Upper];

fn run(params: &Parameters, case: &Case) -> Estimate {
    estimate(params, case).unwrap()
}

#[test]
fn every_baseline_figure_a_sentence_writes_is_marked_and_no_other() {
    let policy = Policy::builtin();
    let mut checked = 0;
    for case in cases() {
        let params = case.parameters(&policy).unwrap();
        let e = run(&params, &case);
        let baselines: Vec<ParamId> = params
            .entries()
            .filter(|p| p.confidence != Confidence::Doc && p.id != ParamId::PremiumContribution)
            .map(|p| p.id)
            .collect();
        for id in baselines {
            let mut other = params.clone();
            let (value, written) = changed(&params, id);
            other.set(id, value).unwrap();
            let f = run(&other, &case);
            for (line, after) in e.lines.iter().zip(&f.lines) {
                // A tier's upper limit shows as the size of the tier's part ("30,000.00 × 50%").
                let writes_it = if TIER_UPPERS.contains(&id) {
                    line.payer == engine::Payer::CriticalIllnessInsurance && line.rule != after.rule
                } else {
                    after.rule.contains(&written)
                };
                let marked = line.baselines.iter().any(|b| b.param == id);
                assert_eq!(
                    writes_it,
                    marked,
                    "{:?} {}: {} the sentence {}writes it: {}",
                    case,
                    id.id(),
                    if marked { "marked, but" } else { "not marked, but" },
                    if writes_it { "" } else { "never " },
                    line.rule
                );
                checked += usize::from(marked);
            }
        }
        // Each mark shows the figure the sentence uses.
        for line in &e.lines {
            for b in &line.baselines {
                assert_eq!(Some(b.value), params.get(b.param));
                assert!(!b.text().is_empty() && b.text().contains(b.mark()));
            }
        }
    }
    assert!(checked > 1000, "only {checked} marks were checked");
}

#[test]
fn every_reading_a_sentence_names_is_listed_with_its_line() {
    let policy = Policy::builtin();
    for case in cases() {
        let e = estimate(&case.parameters(&policy).unwrap(), &case).unwrap();
        for line in &e.lines {
            for i in policy::Interpretation::ALL {
                let named =
                    line.rule.contains(&format!("（{}", i.id())) || line.rule.contains(&format!(" {}）", i.id()));
                if named {
                    assert!(line.interpretations.contains(i), "{case:?}: {} names {} unlisted", line.rule, i.id());
                }
            }
        }
    }
}

#[test]
fn the_readings_follow_the_facts() {
    use policy::Interpretation::{I3, I6, I7, I9};
    let policy = Policy::builtin();
    let est = |c: &Case| estimate(&c.parameters(&policy).unwrap(), c).unwrap();
    let base = CaseInput::example().parse().unwrap();
    // A child at its designated hospital outside the district, not referred: I6 on 基本医保.
    let child = Case {
        disease: DiseaseId::ChildApl,
        age: 6,
        hospital: HospitalChoice::Named(HospitalId::YueyangFirstPeople),
        ..base
    };
    assert!(est(&child).line(engine::Payer::BasicInsurance).interpretations.contains(&I6));
    // Gastric cancer at 岳阳市一人民医院: whether it counts as designated is I7; the fund's
    // hospital condition I9 when it does not.
    let adult = Case { hospital: HospitalChoice::Named(HospitalId::YueyangFirstPeople), ..base };
    let e = est(&adult);
    assert!(e.line(engine::Payer::HospitalReduction).interpretations.contains(&I7));
    assert!(e.line(engine::Payer::DistrictFund).interpretations.contains(&I9));
    let referred = est(&Case { referred: true, ..adult });
    assert!(referred.line(engine::Payer::DistrictFund).interpretations.contains(&I7));
    assert!(!referred.line(engine::Payer::DistrictFund).interpretations.contains(&I9));
    // 特困: the 低保 rate is I3.
    let tekun = est(&Case { category: Category::Tekun, ..base });
    assert_eq!(tekun.line(engine::Payer::MedicalAssistance).interpretations, [I3]);
    let _ = Date::new(2018, 3, 1);
}
