//! The poster: the policy in brief on one A4 sheet for village noticeboards — the nine
//! diseases, where to be treated and how a patient is referred up, the four measures and
//! Junshan's district fund in a line each (our readings labelled), one example worked out by the
//! engine, and the site's QR code.

use leptos::prelude::*;
use leptos_router::components::A;
use policy::{Interpretation, Policy, Region};

use crate::calculator::compute::compute;
use crate::calculator::state::CalcState;
use crate::format::daxie::daxie;
use crate::format::money::yuan;
use crate::widgets::cite::ReadingMark;
use crate::widgets::island::{Island, Part};
use crate::widgets::share::{origin, qr_svg};

/// The poster's example: the calculator's own worked case (a 低保 patient with gastric cancer at
/// 君山区人民医院, a bill of 50,000 of which 45,000 in policy).
const EXAMPLE: &str = "m=q&dt=2018-03-01&c=dibao&d=gastric_cancer&a=56&h=junshan_people&t=50000&p=45000";

/// A piece of a measure's line: a sentence, and the reading of ours it applies.
type Sentence = (&'static str, Option<Interpretation>);

/// The measures, one line each, in the plans' words (Hunan 三(二); Junshan 三 for the district
/// fund), each sentence followed by the label of the reading of ours it applies.
const MEASURES: [(&str, &[Sentence]); 5] = [
    (
        "三提高",
        &[
            ("基本医保报销比例提高10%，本站按10个百分点算", Some(Interpretation::I8)),
            ("；大病保险起付线降低一半，报销比例提高到90%以上，本站按90%算", Some(Interpretation::I1)),
            (
                "；九种大病住院，医疗救助低保对象70%、非低保对象50%，特困人员本站按70%算，照字面是50%",
                Some(Interpretation::I3),
            ),
            ("。", None),
        ],
    ),
    ("两补贴", &[("参加城乡居民医保，个人缴费财政补贴50%以上，特困人员全免；扶贫特惠保保费政府补贴。", None)]),
    ("一减免", &[("九种大病在定点医院住院，各项报销后个人自付部分，医院再减免50%。", None)]),
    ("区级专项资金", &[("君山区九种大病，再剩下的合规自付费用补助70%。", None)]),
    ("一兜底", &[("还有困难的，由政府兜底保障，减轻或免除个人负担。", None)]),
];

/// One measure's line.
fn measure(name: &'static str, parts: &'static [Sentence]) -> impl IntoView {
    let parts = parts
        .iter()
        .map(|&(text, reading)| view! { {text}{reading.map(|interpretation| view! { <ReadingMark interpretation/> })} })
        .collect_view();
    view! { <li><strong>{name}</strong>" "{parts}</li> }
}

/// The poster page.
#[component]
pub fn PosterPage() -> impl IntoView {
    let policy = Policy::builtin();
    let diseases =
        policy.diseases().iter().filter(|d| d.is_nine()).map(|d| view! { <li>{d.name.clone()}</li> }).collect_view();
    let hospitals = policy
        .hospitals()
        .iter()
        .filter(|h| {
            h.region == Region::Junshan && (!h.designated_for.is_empty() || !h.designated_when_referred.is_empty())
        })
        .map(|h| {
            let treats: Vec<&str> = h.designated_for.iter().map(|d| d.name()).collect();
            let referred: Vec<&str> = h.designated_when_referred.iter().map(|d| d.name()).collect();
            let what = match (treats.is_empty(), referred.is_empty()) {
                (false, true) => format!("治：{}", treats.join("、")),
                (false, false) => format!("治：{}；也是定点指导医院，接收转诊病人", treats.join("、")),
                (true, false) => format!("转诊后治：{}", referred.join("、")),
                (true, true) => String::new(),
            };
            view! { <li><strong>{h.name.clone()}</strong>" "<span class="poster-treats">{what}</span></li> }
        })
        .collect_view();
    let (state, _) = CalcState::from_fragment(EXAMPLE);
    let example = compute(&policy, &state, "2018-03-01").estimate.ok().map(|e| {
        let lines = e
            .lines
            .iter()
            .filter(|l| !l.amount.is_zero())
            .map(|l| view! { <li><span>{l.payer.name()}</span><span>{yuan(l.amount)}</span></li> })
            .collect_view();
        view! {
            <section class="poster-example">
                <h2>"算一个例子"</h2>
                <p>"一位低保对象得了胃癌，在君山区人民医院住院，总费用 "{yuan(e.total_cost)}"（其中政策范围内 "{yuan(e.in_policy_cost)}"）："</p>
                <ul class="plain poster-lines">{lines}</ul>
                <p class="poster-pays">"家里只要付 "<strong>{yuan(e.patient_pays)}</strong></p>
                <p class="poster-daxie">"（"{daxie(e.patient_pays)}"）"</p>
                <p class="poster-ordinary">"普通居民同样的账单要付 "{yuan(e.ordinary_patient_pays())}"。起付线、原报销比例文件没有写，用的是公开资料和估计值。"</p>
            </section>
        }
    });
    view! {
        <article class="poster">
            <h1>"得了大病别怕，健康扶贫帮您报"</h1>
            <p class="poster-lead">"参加城乡居民医保的农村建档立卡贫困户、低保、特困、贫困残疾人，在县（区）内定点医院住院，凭身份证明先诊疗后付费，出院时一站式结算。九种大病还有专项救治，实际自付以医院结算为准。"</p>
            <section class="poster-measures">
                <h2>"三提高、两补贴、一减免、一兜底"</h2>
                <ul class="plain">
                    {MEASURES.iter().map(|&(name, parts)| measure(name, parts)).collect_view()}
                </ul>
            </section>
            <div class="poster-columns">
                <section class="poster-diseases">
                    <h2>"君山区九种大病"</h2>
                    <ul>{diseases}</ul>
                </section>
                <section class="poster-hospitals">
                    <h2>"定点医院"</h2>
                    <ul class="plain">{hospitals}</ul>
                    <p class="poster-referral">"区人民医院治不了的，由区人民医院办好转诊，再转到岳阳市一人民医院。"</p>
                </section>
            </div>
            {example}
            <Island part=Part::PosterQr/>
            <p class="poster-sources">
                "依据：湘卫财务发〔2017〕2号；岳君卫发〔2017〕71号。"
            </p>
        </article>
        <p class="no-print poster-print">
            <Island part=Part::PrintButton/>
            " "<A href="/">"回到首页"</A>
        </p>
    }
}

/// The site's QR code and address, read from the browser (the poster may be printed from any
/// copy of the site).
#[component]
pub(crate) fn PosterQr() -> impl IntoView {
    let home = RwSignal::new(String::new());
    Effect::new(move |_| home.set(format!("{}/", origin())));
    let qr = Memo::new(move |_| home.with(|h| if h.is_empty() { None } else { qr_svg(h) }));
    view! {
        <section class="poster-qr">
            <div class="qr-code" role="img" aria-label="本站的二维码" inner_html=move || qr.get().unwrap_or_default()></div>
            <div>
                <p class="poster-scan">"微信扫一扫，算一算您家住院要付多少钱"</p>
                <p class="poster-url">{move || home.get()}</p>
                <p class="poster-note">"所有计算都在手机上完成，不收集任何信息。本表为估算，以医院实际结算为准。"</p>
            </div>
        </section>
    }
}

/// 打印海报.
#[component]
pub(crate) fn PrintButton() -> impl IntoView {
    view! { <button type="button" on:click=move |_| { let _ = window().print(); }>"打印海报"</button> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_reading_on_the_poster_is_labelled_beside_its_sentence() {
        for (name, parts) in MEASURES {
            for (text, reading) in parts {
                assert_eq!(text.contains("本站"), reading.is_some(), "{name}: {text}");
            }
        }
        let readings: Vec<_> = MEASURES.iter().flat_map(|(_, p)| p.iter().filter_map(|(_, r)| *r)).collect();
        assert_eq!(readings, [Interpretation::I8, Interpretation::I1, Interpretation::I3]);
        // 特困 → 70% is ours; the literal reading is said too.
        let tekun = MEASURES.iter().flat_map(|(_, p)| p.iter()).find(|(t, _)| t.contains("特困人员本站"));
        assert!(tekun.is_some_and(|(t, r)| t.contains("照字面是50%") && *r == Some(Interpretation::I3)));
    }

    #[test]
    fn the_measures_include_the_district_fund() {
        let fund = MEASURES.iter().find(|(name, _)| *name == "区级专项资金");
        assert!(fund.is_some_and(|(_, p)| p.iter().any(|(t, _)| t.contains("70%"))));
        assert_eq!(MEASURES.map(|(name, _)| name), ["三提高", "两补贴", "一减免", "区级专项资金", "一兜底"]);
    }
}
