//! Invariants of the settlement, each checked on 10,000 generated cases.

use engine::{estimate, estimate_with_policy, Case, CaseInput, Estimate, Estimator, HospitalChoice};
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
        )
            .prop_map(
                move |(hospital, c, dz, age, referred, total, ratio, basic_paid, critical_paid, split, no_tehui)| {
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
        prop_assert_eq!(e.ordinary.basic + e.ordinary.critical + e.ordinary_patient_pays, case.total_cost);
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
        prop_assert!(e.patient_pays <= e.ordinary_patient_pays, "{} > {}", e.patient_pays, e.ordinary_patient_pays);
        prop_assert_eq!(e.savings, e.ordinary_patient_pays - e.patient_pays);
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
        fields in proptest::collection::vec(text(), 15)
    ) {
        let f = |i: usize| Some(fields[i].clone());
        let input = CaseInput {
            region: f(0), date: f(1), category: f(2), disease: f(3), age: f(4), hospital: f(5),
            in_county: f(6), designated: f(7), referred: f(8), total_cost: f(9), in_policy_cost: f(10),
            tehui_ratio: f(11), basic_paid_this_year: f(12), critical_paid_this_year: f(13), registered: f(14),
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
