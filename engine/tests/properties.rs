//! Invariants of the settlement, each checked on 10,000 generated cases (a patient's stays: on
//! 2,000 generated patients).

use engine::{
    estimate, estimate_with_policy, estimate_year, Case, CaseInput, Estimate, Estimator, HospitalChoice, Patient,
    PatientInput, Payer, Stay, StayInput, Stays, StaysInput, Warning, YearEstimate,
};
use policy::{Category, Date, DiseaseId, HospitalId, HospitalLevel, Policy, Region};
use proptest::prelude::*;
use rust_decimal::Decimal;

const CASES: u32 = 10_000;

fn config() -> ProptestConfig {
    ProptestConfig { cases: CASES, ..ProptestConfig::default() }
}

fn fen(n: u64) -> Decimal {
    Decimal::new(n as i64, 2)
}

fn hospital(region: Region) -> impl Strategy<Value = HospitalChoice> {
    let level = (0usize..4, any::<bool>(), any::<bool>()).prop_map(|(l, in_county, designated)| {
        HospitalChoice::Level { level: HospitalLevel::ALL[l], in_county, designated }
    });
    if region == Region::Junshan {
        prop_oneof![
            1 => Just(HospitalChoice::Named(HospitalId::JunshanPeople)),
            1 => Just(HospitalChoice::Named(HospitalId::YueyangFirstPeople)),
            2 => level,
        ]
        .boxed()
    } else {
        level.boxed()
    }
}

/// Amounts in fen, mostly ordinary hospital bills, sometimes tiny, sometimes very large.
fn bill() -> impl Strategy<Value = u64> {
    prop_oneof![
        6 => 0u64..=30_000_000,          // up to 300,000 yuan
        2 => 0u64..=100_000,             // up to 1,000 yuan: around the deductibles
        1 => 0u64..=10_000_000_000,      // up to the 100,000,000 yuan limit
        1 => Just(0u64),
    ]
}

fn case() -> impl Strategy<Value = Case> {
    let date = prop_oneof![
        Just((2017u16, 9u8, 11u8)),
        Just((2018, 3, 1)),
        Just((2019, 12, 31)),
        Just((2020, 12, 31)),
        Just((2021, 6, 1)),
    ];
    (prop_oneof![Just(Region::Junshan), Just(Region::Hunan)], date).prop_flat_map(|(region, (y, m, d))| {
        (
            hospital(region),
            0usize..Category::ALL.len(),
            0usize..DiseaseId::ALL.len(),
            0u8..=100,
            any::<bool>(),
            bill(),
            0u32..=10_000,
            prop_oneof![Just(0u64), 0u64..=25_000_000],
            prop_oneof![Just(0u64), 0u64..=25_000_000],
            any::<u64>(),
            any::<bool>(),
            prop_oneof![2 => Just(None), 1 => (0u64..=25_000_000).prop_map(Some)],
        )
            .prop_map(
                move |(
                    hospital,
                    c,
                    dz,
                    age,
                    referred,
                    total,
                    ratio,
                    basic_paid,
                    critical_paid,
                    split,
                    no_tehui,
                    base,
                )| {
                    let in_policy = if total == 0 { 0 } else { split % (total + 1) };
                    Case {
                        region,
                        date: Date::new(y, m, d).unwrap(),
                        category: Category::ALL[c],
                        registered: Category::ALL[c].registered_by_default(),
                        disease: DiseaseId::ALL[dz],
                        age,
                        hospital,
                        referred,
                        total_cost: fen(total),
                        in_policy_cost: fen(in_policy),
                        tehui_ratio: if no_tehui { Decimal::ZERO } else { Decimal::new(i64::from(ratio), 4) },
                        basic_paid_this_year: fen(basic_paid),
                        critical_paid_this_year: fen(critical_paid),
                        critical_base_this_year: base.map(fen),
                    }
                },
            )
    })
}

/// Field text: valid ids and dates, numbers of every shape, and junk (cheap to generate).
fn text() -> impl Strategy<Value = String> {
    const WORDS: &[&str] = &[
        "",
        " ",
        "junshan",
        "hunan",
        "dibao",
        "tekun",
        "registered_poor",
        "ordinary",
        "gastric_cancer",
        "child_all",
        "child_vsd",
        "other",
        "junshan_people",
        "yueyang_first_people",
        "township",
        "county",
        "city",
        "province",
        "true",
        "false",
        "2018-03-01",
        "2017-01-01",
        "2020-02-30",
        "2021-12-31",
        "1e5",
        "1E-3",
        "NaN",
        "inf",
        "-0",
        "0.005",
        "100000000",
        "100000000.01",
        "1.",
        ".5",
        "+5",
        "5,000",
        "１２３",
        "null",
        "{}",
        "[]",
        "\u{0}",
    ];
    const CHARS: &[char] = &['0', '1', '5', '9', '.', '-', '+', 'e', 'E', ' ', ',', 'x', '年', '\u{0}'];
    prop_oneof![
        proptest::sample::select(WORDS).prop_map(str::to_owned),
        (any::<u64>(), 0u32..=6, any::<bool>()).prop_map(|(n, scale, neg)| {
            let d = Decimal::new((n >> 1) as i64, scale);
            if neg {
                format!("-{d}")
            } else {
                d.to_string()
            }
        }),
        (0u64..=1_000_000_000, 0u32..=3).prop_map(|(n, scale)| Decimal::new(n as i64, scale).to_string()),
        proptest::collection::vec(proptest::sample::select(CHARS), 0..8).prop_map(|v| v.into_iter().collect()),
    ]
}

fn run(policy: &Policy, case: &Case) -> Estimate {
    let params = case.parameters(policy).expect("dates are within the layers");
    estimate(&params, case).expect("generated cases are valid")
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn conservation_to_the_fen(case in case()) {
        let e = run(&Policy::builtin(), &case);
        let covered: Decimal = e.lines.iter().map(|l| l.amount).sum();
        prop_assert_eq!(covered + e.patient_pays, case.total_cost);
        prop_assert_eq!(e.patient_pays_in_policy + e.patient_pays_out_of_policy, e.patient_pays);
        for l in &e.lines {
            prop_assert_eq!(l.amount, l.amount.round_dp(2), "{} is not whole fen", l.payer.id());
        }
        prop_assert_eq!(e.ordinary.basic + e.ordinary.critical + e.ordinary_patient_pays(), case.total_cost);
    }

    #[test]
    fn no_line_is_negative(case in case()) {
        let e = run(&Policy::builtin(), &case);
        for l in &e.lines {
            prop_assert!(l.amount >= Decimal::ZERO, "{} = {}", l.payer.id(), l.amount);
            prop_assert!(l.base >= Decimal::ZERO, "{} base = {}", l.payer.id(), l.base);
        }
        prop_assert!(e.patient_pays >= Decimal::ZERO);
        prop_assert!(e.patient_pays_in_policy >= Decimal::ZERO);
        prop_assert!(e.patient_pays_out_of_policy >= Decimal::ZERO);
    }

    #[test]
    fn no_line_is_above_its_base(case in case()) {
        let e = run(&Policy::builtin(), &case);
        for l in &e.lines {
            prop_assert!(l.amount <= l.base, "{} = {} > base {}", l.payer.id(), l.amount, l.base);
            prop_assert_eq!(l.reason.is_some(), l.amount.is_zero(), "{}: a reason exactly when nothing is paid", l.payer.id());
        }
    }

    #[test]
    fn the_patient_never_pays_more_than_an_ordinary_resident(case in case()) {
        let e = run(&Policy::builtin(), &case);
        prop_assert!(e.patient_pays <= e.ordinary_patient_pays(), "{} > {}", e.patient_pays, e.ordinary_patient_pays());
        prop_assert_eq!(e.savings, e.ordinary_patient_pays() - e.patient_pays);
    }

    #[test]
    fn more_out_of_policy_cost_never_lowers_what_the_patient_pays(case in case(), extra in prop_oneof![0u64..=100, 0u64..=10_000_000]) {
        let policy = Policy::builtin();
        let mut more = case;
        more.total_cost = (case.total_cost + fen(extra)).min(engine::MAX_AMOUNT);
        let a = run(&policy, &case);
        let b = run(&policy, &more);
        prop_assert!(b.patient_pays >= a.patient_pays, "{} → {}: pays {} → {}", case.total_cost, more.total_cost, a.patient_pays, b.patient_pays);
    }

    /// Whatever text arrives in whatever field, parsing and estimating never panic.
    #[test]
    fn any_text_is_refused_or_estimated_without_panic(
        fields in proptest::collection::vec(text(), 16)
    ) {
        let f = |i: usize| Some(fields[i].clone());
        let input = CaseInput {
            region: f(0), date: f(1), category: f(2), disease: f(3), age: f(4), hospital: f(5),
            in_county: f(6), designated: f(7), referred: f(8), total_cost: f(9), in_policy_cost: f(10),
            tehui_ratio: f(11), basic_paid_this_year: f(12), critical_paid_this_year: f(13), registered: f(14),
            critical_base_this_year: f(15),
        };
        if let Ok(case) = input.parse() {
            let _ = engine::estimate_with_policy(&Policy::builtin(), &case);
        }
    }
}

/// The sentences taken out, to compare a full estimate with a figures-only one.
fn without_sentences(mut e: Estimate) -> Estimate {
    e.lines.iter_mut().for_each(|l| {
        l.rule.clear();
        l.baselines.clear();
    });
    e.doudi.iter_mut().for_each(|d| d.text.clear());
    e
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 1_000, ..ProptestConfig::default() })]

    /// One estimator over a batch of cases (as for a roster) gives for each exactly what
    /// estimating it alone gives; its figures-only estimates differ only by the missing
    /// sentences. Some days fall before the Junshan layer starts, so errors are kept too.
    #[test]
    fn a_batch_estimates_each_case_as_alone(cases in proptest::collection::vec((case(), any::<bool>()), 1..40)) {
        let policy = Policy::builtin();
        let mut estimator = Estimator::new(&policy);
        for (mut case, early) in cases {
            if early {
                case.date = Date::new(2017, 8, 1).unwrap();
            }
            let alone = estimate_with_policy(&policy, &case);
            prop_assert_eq!(estimator.figures(&case), alone.clone().map(without_sentences));
            prop_assert_eq!(estimator.estimate(&case), alone);
        }
    }
}

// ---------------------------------------------------------------------------------------------
// A patient's stays.

const PATIENTS: u32 = 2_000;

/// A day from 2017-07-01 to 2021-12-28, as a number of days in months of 28 days: different
/// numbers are different days, in the same order.
fn day(n: u32) -> Date {
    let month = 6 + n / 28;
    Date::new(2017 + (month / 12) as u16, (month % 12 + 1) as u8, (n % 28 + 1) as u8).unwrap()
}

const DAYS: u32 = 54 * 28;

fn patient() -> impl Strategy<Value = Patient> {
    (
        prop_oneof![Just(Region::Junshan), Just(Region::Hunan)],
        0usize..Category::ALL.len(),
        0usize..DiseaseId::ALL.len(),
        0u8..=100,
        prop_oneof![Just(0u32), 0u32..=10_000],
    )
        .prop_map(|(region, c, dz, age, ratio)| Patient {
            region,
            category: Category::ALL[c],
            registered: Category::ALL[c].registered_by_default(),
            disease: DiseaseId::ALL[dz],
            age,
            tehui_ratio: Decimal::new(i64::from(ratio), 4),
        })
}

/// A stay on day `n` (see [`day`]).
fn stay(region: Region, n: u32) -> impl Strategy<Value = Stay> {
    (hospital(region), any::<bool>(), bill(), any::<u64>()).prop_map(move |(hospital, referred, total, split)| {
        let in_policy = if total == 0 { 0 } else { split % (total + 1) };
        Stay { date: day(n), hospital, referred, total_cost: fen(total), in_policy_cost: fen(in_policy) }
    })
}

/// Stays on the days `days`, in that order.
fn stays_on(days: Vec<u32>) -> impl Strategy<Value = Stays> {
    patient().prop_flat_map(move |patient| {
        days.iter()
            .map(|&n| stay(patient.region, n))
            .collect::<Vec<_>>()
            .prop_map(move |stays| Stays { patient, stays })
    })
}

/// One to six stays, some of them on the same day; mostly within a year or two, so that the
/// caps and the deductible carry.
fn stays() -> impl Strategy<Value = Stays> {
    let days = prop_oneof![
        proptest::collection::vec(0..DAYS, 1..=6),
        (0..DAYS - 400).prop_flat_map(|start| proptest::collection::vec(start..start + 400, 1..=6)),
    ];
    days.prop_flat_map(stays_on)
}

/// One to six stays on different days, in no particular order.
fn stays_on_different_days() -> impl Strategy<Value = Stays> {
    proptest::collection::btree_set(0..DAYS, 1..=6)
        .prop_flat_map(|days| Just(days.into_iter().collect::<Vec<_>>()).prop_shuffle())
        .prop_flat_map(stays_on)
}

fn year_of(policy: &Policy, stays: &Stays) -> YearEstimate {
    estimate_year(policy, stays).expect("generated stays are valid")
}

fn capped(e: &Estimate) -> bool {
    e.warnings.iter().any(|w| matches!(w, Warning::BasicCapReached { .. } | Warning::CriticalCapReached { .. }))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: PATIENTS, ..ProptestConfig::default() })]

    /// A year of one stay is exactly that stay's estimate alone, and its year's totals are its
    /// figures.
    #[test]
    fn a_year_of_one_stay_is_the_stay_alone(mut case in case()) {
        case.basic_paid_this_year = Decimal::ZERO;
        case.critical_paid_this_year = Decimal::ZERO;
        case.critical_base_this_year = None;
        let policy = Policy::builtin();
        let alone = run(&policy, &case);
        let year = year_of(&policy, &Stays::one(&case));
        prop_assert_eq!(&year.stays, std::slice::from_ref(&alone));
        prop_assert_eq!(year.years.len(), 1);
        let y = &year.years[0];
        prop_assert_eq!(y.year, case.date.year());
        for payer in Payer::ALL {
            prop_assert_eq!(y.line(payer), alone.line(payer).amount);
        }
        prop_assert_eq!(
            (y.total_cost, y.patient_pays, y.ordinary_patient_pays(), y.savings),
            (alone.total_cost, alone.patient_pays, alone.ordinary_patient_pays(), alone.savings)
        );
        // The figures-only estimate of the year is the same, less the sentences.
        let figures = Estimator::new(&policy).year_figures(&Stays::one(&case)).unwrap();
        prop_assert_eq!(figures.stays, vec![without_sentences(alone)]);
    }

    /// Every stay and every year adds up to the fen, and each year's totals are the sums of its
    /// stays.
    #[test]
    fn every_stay_and_every_year_adds_up_to_the_fen(stays in stays()) {
        let year = year_of(&Policy::builtin(), &stays);
        prop_assert_eq!(year.stays.len(), stays.stays.len());
        for (e, s) in year.stays.iter().zip(&stays.stays) {
            prop_assert_eq!(e.covered() + e.patient_pays, s.total_cost);
            prop_assert_eq!(e.patient_pays_in_policy + e.patient_pays_out_of_policy, e.patient_pays);
            prop_assert_eq!(e.ordinary.basic + e.ordinary.critical + e.ordinary_patient_pays(), s.total_cost);
            for l in &e.lines {
                prop_assert!(l.amount >= Decimal::ZERO && l.amount <= l.base, "{} = {}", l.payer.id(), l.amount);
            }
        }
        let mut years: Vec<u16> = stays.stays.iter().map(|s| s.date.year()).collect();
        years.sort_unstable();
        years.dedup();
        prop_assert_eq!(year.years.iter().map(|y| y.year).collect::<Vec<_>>(), years);
        let policy = Policy::builtin();
        for y in &year.years {
            let of_year: Vec<&Estimate> =
                year.stays.iter().zip(&stays.stays).filter(|(_, s)| s.date.year() == y.year).map(|(e, _)| e).collect();
            prop_assert_eq!(y.stays, of_year.len());
            for payer in Payer::ALL {
                prop_assert_eq!(y.line(payer), of_year.iter().map(|e| e.line(payer).amount).sum::<Decimal>());
            }
            let sum = |f: fn(&Estimate) -> Decimal| of_year.iter().map(|e| f(e)).sum::<Decimal>();
            prop_assert_eq!(y.total_cost, sum(|e| e.total_cost));
            prop_assert_eq!(y.patient_pays, sum(|e| e.patient_pays));
            prop_assert_eq!(y.ordinary_patient_pays(), sum(|e| e.ordinary_patient_pays()));
            prop_assert_eq!(y.savings, y.ordinary_patient_pays() - y.patient_pays);
            prop_assert_eq!(y.covered() + y.patient_pays, y.total_cost);
            // Over the year (not stay by stay: an ordinary resident, paid less earlier, reaches
            // the caps later) the family never pays more than an ordinary resident.
            prop_assert!(y.patient_pays <= y.ordinary_patient_pays(), "{} > {}", y.patient_pays, y.ordinary_patient_pays());
            // The caps hold over the year.
            let params = policy.parameters(Region::Hunan, Date::new(y.year, 12, 31).unwrap()).unwrap();
            prop_assert!(y.line(Payer::BasicInsurance) <= params.value(policy::ParamId::BasicAnnualCap));
            prop_assert!(y.line(Payer::CriticalIllnessInsurance) <= params.value(policy::ParamId::CriticalAnnualCap));
            prop_assert!(y.ordinary.basic <= params.value(policy::ParamId::BasicAnnualCap));
            prop_assert!(y.ordinary.critical <= params.value(policy::ParamId::CriticalAnnualCap));
        }
    }

    /// While no cap is reached, the deductible met once a year and the tiers run on the year's
    /// base only add: each stay's 大病保险 (the patient's and the ordinary resident's) is never
    /// below what the stay gets alone, nor is the year's.
    #[test]
    fn a_year_of_critical_insurance_is_never_below_the_stays_alone(stays in stays()) {
        let policy = Policy::builtin();
        let year = year_of(&policy, &stays);
        let alone: Vec<Estimate> =
            stays.stays.iter().map(|s| run(&policy, &stays.patient.case(s))).collect();
        for y in &year.years {
            let in_year = |s: &&Stay| s.date.year() == y.year;
            let pairs: Vec<(&Estimate, &Estimate)> = year
                .stays
                .iter()
                .zip(&alone)
                .zip(&stays.stays)
                .filter(|(_, s)| in_year(s))
                .map(|(pair, _)| pair)
                .collect();
            if pairs.iter().any(|(together, _)| capped(together)) {
                continue;
            }
            for (together, by_itself) in &pairs {
                let (t, a) = (together.line(Payer::CriticalIllnessInsurance), by_itself.line(Payer::CriticalIllnessInsurance));
                prop_assert!(t.amount >= a.amount, "{} < {} alone", t.amount, a.amount);
                prop_assert_eq!(t.base, a.base, "no cap reached: 基本医保 is the same");
                prop_assert!(together.ordinary.critical >= by_itself.ordinary.critical);
            }
            let alone_total: Decimal = pairs.iter().map(|(_, a)| a.line(Payer::CriticalIllnessInsurance).amount).sum();
            prop_assert!(y.line(Payer::CriticalIllnessInsurance) >= alone_total);
        }
    }

    /// The order the stays are entered in does not change them: each stay's estimate and every
    /// year's totals are the same whatever the order.
    #[test]
    fn the_order_of_entry_does_not_change_the_result(stays in stays_on_different_days()) {
        let policy = Policy::builtin();
        let given = year_of(&policy, &stays);
        let mut by_date: Vec<(Stay, Estimate)> = stays.stays.iter().copied().zip(given.stays.iter().cloned()).collect();
        by_date.sort_by_key(|(s, _)| s.date);
        let sorted = Stays { patient: stays.patient, stays: by_date.iter().map(|(s, _)| *s).collect() };
        let in_date_order = year_of(&policy, &sorted);
        prop_assert_eq!(in_date_order.stays, by_date.into_iter().map(|(_, e)| e).collect::<Vec<_>>());
        prop_assert_eq!(in_date_order.years, given.years);
    }

    /// Stays on the same day are settled in the order given: the first entered comes first.
    #[test]
    fn stays_of_the_same_day_keep_the_order_given(stays in stays_on(vec![100, 100, 100])) {
        let policy = Policy::builtin();
        let year = year_of(&policy, &stays);
        for n in 1..=3 {
            let first = Stays { patient: stays.patient, stays: stays.stays[..n].to_vec() };
            prop_assert_eq!(&year_of(&policy, &first).stays[..], &year.stays[..n]);
        }
    }

    /// Whatever values arrive, typed or as text, estimating a patient's stays never panics.
    #[test]
    fn any_stays_are_refused_or_estimated_without_panic(
        patient in proptest::collection::vec(text(), 6),
        stays in proptest::collection::vec(proptest::collection::vec(text(), 7), 0..5),
        amounts in proptest::collection::vec((any::<i64>(), 0u32..=6, any::<i64>(), 0u32..=28), 1..5),
        age in any::<u8>(),
        ratio in (any::<i64>(), 0u32..=6),
    ) {
        let policy = Policy::builtin();
        let f = |v: &Vec<String>, i: usize| Some(v[i].clone());
        let input = StaysInput {
            patient: PatientInput {
                region: f(&patient, 0), category: f(&patient, 1), registered: f(&patient, 2),
                disease: f(&patient, 3), age: f(&patient, 4), tehui_ratio: f(&patient, 5),
            },
            stays: stays.iter().map(|s| StayInput {
                date: f(s, 0), hospital: f(s, 1), in_county: f(s, 2), designated: f(s, 3),
                referred: f(s, 4), total_cost: f(s, 5), in_policy_cost: f(s, 6),
            }).collect(),
        };
        if let Ok(stays) = input.parse() {
            let _ = estimate_year(&policy, &stays);
        }
        // Typed, with amounts and ratios out of every range.
        let typed = Stays {
            patient: Patient {
                region: Region::Junshan,
                category: Category::Dibao,
                registered: false,
                disease: DiseaseId::GastricCancer,
                age,
                tehui_ratio: Decimal::new(ratio.0, ratio.1),
            },
            stays: amounts.iter().enumerate().map(|(i, &(t, ts, p, ps))| Stay {
                date: day(i as u32 * 200),
                hospital: HospitalChoice::Named(HospitalId::JunshanPeople),
                referred: false,
                total_cost: Decimal::new(t, ts),
                in_policy_cost: Decimal::new(p, ps.min(28)),
            }).collect(),
        };
        match estimate_year(&policy, &typed) {
            Ok(year) => prop_assert_eq!(year.stays.len(), typed.stays.len()),
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }
}
