//! Time to estimate a roster of 10,000 rows, as the site's 干部台账 page and the `estimate` tool
//! do: `cargo bench -p engine --bench roster`.

use divan::{black_box, Bencher};
use engine::roster::{read_csv, write_csv, Row};
use engine::Estimator;
use policy::Policy;

fn main() {
    divan::main();
}

const ROWS: usize = 10_000;

/// A county's roster: every category, disease and hospital, discharge days over two years.
fn roster() -> Vec<Row> {
    let categories = ["农村低保对象", "特困人员", "建档立卡贫困人口", "贫困残疾人"];
    let adult = ["食管癌", "胃癌", "结肠癌", "直肠癌", "终末期肾病", "其他疾病"];
    let child = ["儿童急性淋巴细胞白血病", "儿童急性早幼粒细胞白血病", "儿童房间隔缺损", "儿童室间隔缺损"];
    let hospitals = ["君山区人民医院", "岳阳市一人民医院", "乡镇卫生院", "县级医院", "市级医院", "省级医院"];
    (1..=ROWS)
        .map(|i| {
            let is_child = i % 7 == 0;
            let cost = 20_000 + (i % 500) * 100;
            // 672 different days in 2018 and 2019.
            let day = format!("{}-{:02}-{:02}", 2018 + i % 24 / 12, i % 12 + 1, 1 + i / 24 % 28);
            Row {
                serial: i.to_string(),
                name: format!("病人{i}"),
                age: if is_child { 1 + i % 14 } else { 30 + i % 50 }.to_string(),
                category: categories[i % 4].into(),
                disease: if is_child { child[i % child.len()] } else { adult[i % adult.len()] }.into(),
                hospital: hospitals[i % 6].into(),
                referred: if i % 5 == 0 { "是" } else { "否" }.into(),
                discharge_date: day,
                total_cost: cost.to_string(),
                in_policy_cost: (cost * 9 / 10).to_string(),
                ..Row::default()
            }
        })
        .collect()
}

/// Every row on its own: parameters resolved per row, every sentence written.
#[divan::bench(sample_count = 10)]
fn estimate_each_row(bencher: Bencher) {
    let policy = Policy::builtin();
    let rows = roster();
    bencher.bench(|| black_box(&rows).iter().map(|r| r.estimate(&policy).is_ok()).filter(|ok| *ok).count());
}

/// The `estimate` tool's way: parameters resolved once per day, every sentence written.
#[divan::bench(sample_count = 10)]
fn estimator_with_sentences(bencher: Bencher) {
    let policy = Policy::builtin();
    let rows = roster();
    bencher.bench(|| {
        let mut estimator = Estimator::new(&policy);
        black_box(&rows).iter().filter(|r| r.case().and_then(|c| estimator.estimate(&c)).is_ok()).count()
    });
}

/// The site's way: parameters resolved once per day, the figures only (the page adds them up
/// and shows no sentence).
#[divan::bench(sample_count = 10)]
fn estimator_figures_only(bencher: Bencher) {
    let policy = Policy::builtin();
    let rows = roster();
    bencher.bench(|| {
        let mut estimator = Estimator::new(&policy);
        black_box(&rows).iter().filter(|r| r.case().and_then(|c| estimator.figures(&c)).is_ok()).count()
    });
}

/// Reading the exported file back.
#[divan::bench(sample_count = 10)]
fn read_the_file(bencher: Bencher) {
    let text = write_csv(&roster());
    bencher.bench(|| read_csv(black_box(&text)).rows.len());
}
