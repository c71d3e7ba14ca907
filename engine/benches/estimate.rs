//! Time per estimate: `cargo bench -p engine`. The budget is 5 µs per estimate.

use divan::{black_box, Bencher};
use engine::{estimate, estimate_with_policy, premium_subsidies, Case, CaseInput, Family};
use policy::Policy;

fn main() {
    divan::main();
}

fn example() -> Case {
    CaseInput::example().parse().unwrap()
}

/// The site's path: parameters resolved once (and perhaps edited), then one estimate per change
/// of the form.
#[divan::bench]
fn estimate_with_resolved_parameters(bencher: Bencher) {
    let policy = Policy::builtin();
    let case = example();
    let params = case.parameters(&policy).unwrap();
    bencher.bench(|| estimate(black_box(&params), black_box(&case)).unwrap());
}

/// The tool's path: resolve the parameters for the case's region and day, then estimate.
#[divan::bench]
fn estimate_resolving_parameters(bencher: Bencher) {
    let policy = Policy::builtin();
    let case = example();
    bencher.bench(|| estimate_with_policy(black_box(&policy), black_box(&case)).unwrap());
}

/// From form text to result: parse the fields, resolve, estimate.
#[divan::bench]
fn parse_and_estimate(bencher: Bencher) {
    let policy = Policy::builtin();
    let input = CaseInput::example();
    bencher.bench(|| {
        let case = black_box(&input).parse().unwrap();
        estimate_with_policy(&policy, &case).unwrap()
    });
}

#[divan::bench]
fn premium_subsidies_for_a_family(bencher: Bencher) {
    let policy = Policy::builtin();
    let params = example().parameters(&policy).unwrap();
    let family = Family { dibao: 2, tekun: 1, ordinary: 1, ..Family::default() };
    bencher.bench(|| {
        premium_subsidies(black_box(&params), black_box(&family), Some(rust_decimal::Decimal::new(100, 0))).unwrap()
    });
}

/// Loading the built-in data files (done once per page load).
#[divan::bench]
fn load_policy_data() -> Policy {
    Policy::from_json_strs(
        &[policy::data::HUNAN, policy::data::JUNSHAN],
        policy::data::DISEASES,
        policy::data::HOSPITALS,
    )
    .unwrap()
}
