//! The result, in the order of the hospital's one-stop settlement sheet: each payer's line with
//! its rule and clause, what the family pays, the comparison with an ordinary resident, a chart,
//! the warnings and the notes on 一兜底 and 先诊疗后付费.

use engine::{Estimate, Line, Payer};
use leptos::prelude::*;
use rust_decimal::Decimal;

use super::advanced::AdvancedPanel;
use super::compute::WhatIf;
use super::use_calc;
use crate::format::daxie::daxie;
use crate::format::money::{wan, yuan};
use crate::widgets::cite::{BaselineFigures, CitationLink, Readings};
use crate::widgets::glossary::{Term, TermId};

/// The colour of each payer in the chart and its legend: distinct, and dark enough for white
/// text; the family's share is the accent colour.
fn colour(payer: Option<Payer>) -> &'static str {
    match payer {
        Some(Payer::BasicInsurance) => "#0b5d8c",
        Some(Payer::CriticalIllnessInsurance) => "#2e7d32",
        Some(Payer::TehuiInsurance) => "#6a1b9a",
        Some(Payer::MedicalAssistance) => "#00695c",
        Some(Payer::HospitalReduction) => "#5d4037",
        Some(Payer::DistrictFund) => "#37474f",
        None => "#b3261e",
    }
}

/// A bar of who pays what, drawn in the page (no chart library).
#[component]
fn PayerChart(estimate: Estimate) -> impl IntoView {
    let total = estimate.total_cost;
    let mut parts: Vec<(Option<Payer>, &'static str, Decimal)> = estimate
        .lines
        .iter()
        .filter(|l| l.amount > Decimal::ZERO)
        .map(|l| (Some(l.payer), l.payer.name(), l.amount))
        .collect();
    parts.push((None, "家里自付", estimate.patient_pays));
    let mut x = Decimal::ZERO;
    let thousand = Decimal::from(1000);
    let bars = parts
        .iter()
        .filter(|(_, _, amount)| *amount > Decimal::ZERO && total > Decimal::ZERO)
        .map(|(payer, name, amount)| {
            let width = (*amount / total * thousand).round_dp(1);
            let bar = view! {
                <rect x=x.to_string() y="0" width=width.to_string() height="48" fill=colour(*payer)>
                    <title>{format!("{name} {}", yuan(*amount))}</title>
                </rect>
            };
            x += width;
            bar
        })
        .collect_view();
    let legend = parts
        .into_iter()
        .map(|(payer, name, amount)| {
            view! {
                <li>
                    <span class="swatch" style:background=colour(payer)></span>
                    {name}" "{yuan(amount)}
                </li>
            }
        })
        .collect_view();
    view! {
        <figure class="chart">
            <svg viewBox="0 0 1000 48" preserveAspectRatio="none" role="img" aria-label="谁付了多少钱的比例图">
                {bars}
            </svg>
            <ul class="legend">{legend}</ul>
        </figure>
    }
}

#[component]
fn PayerLine(line: Line) -> impl IntoView {
    let applies = line.reason.is_none();
    view! {
        <li class="payer" class:not-applied=!applies data-payer=line.payer.id() data-mark-scope="">
            <div class="payer-head">
                <span class="payer-name">{line.payer.name()}</span>
                <span class="payer-amount">{yuan(line.amount)}</span>
            </div>
            {line.reason.map(|r| view! { <p class="reason">{r.to_string()}</p> })}
            <p class="rule">{line.rule.clone()}</p>
            <p class="cite">"依据："<CitationLink citation=line.citation/></p>
            <BaselineFigures figures=line.baselines.clone()/>
            <Readings interpretations=line.interpretations.clone() class="interpretation"/>
        </li>
    }
}

/// The comparisons; which are open survives every recomputation of the result.
#[component]
fn WhatIfs() -> impl IntoView {
    let calc = use_calc();
    let open = RwSignal::new(Vec::<&'static str>::new());
    let what_ifs =
        Memo::new(move |_| calc.outcome.with(|o| if o.estimate.is_ok() { o.what_ifs.clone() } else { Vec::new() }));
    let item = move |w: WhatIf| {
        let id = w.id;
        let shown = move || open.with(|o| o.contains(&id));
        let difference = w.other_pays - w.this_pays;
        let verdict = if difference > Decimal::ZERO {
            format!("要多付 {}", yuan(difference))
        } else if difference < Decimal::ZERO {
            format!("可以少付 {}", yuan(-difference))
        } else {
            "一样多".to_owned()
        };
        view! {
            <li class="what-if" data-what-if=id>
                <button
                    type="button"
                    class="secondary"
                    aria-expanded=move || shown().to_string()
                    on:click=move |_| open.update(|o| if o.contains(&id) { o.retain(|x| *x != id) } else { o.push(id) })
                >{w.question.clone()}</button>
                <Show when=shown>
                    <div class="compare">
                        <div><p class="compare-label">{w.this_label.clone()}</p><p class="compare-amount">{yuan(w.this_pays)}</p></div>
                        <div><p class="compare-label">{w.other_label.clone()}</p><p class="compare-amount other">{yuan(w.other_pays)}</p></div>
                    </div>
                    <p class="compare-verdict">{format!("换成“{}”，家里{}。", w.other_label, verdict)}</p>
                </Show>
            </li>
        }
    };
    view! {
        <Show when=move || calc.ready.get() && what_ifs.with(|w| !w.is_empty())>
            <section class="what-ifs" aria-labelledby="what-if-title">
                <h2 id="what-if-title">"换个情况比一比"</h2>
                <ul class="plain">{move || what_ifs.get().into_iter().map(item).collect_view()}</ul>
            </section>
        </Show>
    }
}

/// The whole result, or what is still missing; then the comparisons and the parameters,
/// which keep their own state (open, focused) while the figures above them change.
#[component]
pub fn ResultView() -> impl IntoView {
    view! {
        <Figures/>
        <WhatIfs/>
        <AdvancedPanel/>
    }
}

/// The estimate itself, redrawn whenever the input changes.
#[component]
fn Figures() -> impl IntoView {
    let calc = use_calc();
    move || {
        if !calc.ready.get() {
            return view! { <p class="loading">"正在准备计算……"</p> }.into_any();
        }
        let outcome = calc.outcome.get();
        let estimate = match outcome.estimate.clone() {
            Ok(e) => e,
            Err(e) => {
                let text =
                    if e.message.is_empty() { "请把上面的内容填完整。".to_owned() } else { e.message };
                return view! {
                    <section class="result pending" aria-live="polite">
                        <p><strong>"还不能计算："</strong>{text}</p>
                    </section>
                }
                .into_any();
            }
        };
        let custom = outcome.custom_parameters();
        let no_deposit = estimate.pay_after_treatment;
        let covered = estimate.covered();
        let pays_wan = wan(estimate.patient_pays);
        let lines = estimate.lines.clone().into_iter().map(|line| view! { <PayerLine line/> }).collect_view();
        let warnings = estimate.warnings.iter().map(|w| view! { <li>{w.to_string()}</li> }).collect_view();
        let has_warnings = !estimate.warnings.is_empty();
        let assumptions = outcome.assumptions.clone();
        let doudi = estimate.doudi.clone();
        let ledger = estimate.ledger;
        view! {
            <section class="result" aria-labelledby="result-title" aria-live="polite">
                <h2 id="result-title">"估算结果"</h2>
                {custom.then(|| view! {
                    <p class="notice custom" id="custom-parameters">"注意：这个结果用的是您自己修改过的参数，不是本站的默认参数。"</p>
                })}
                <div class="family-pays">
                    <p class="family-pays-label">"家里大约要付"</p>
                    <p class="family-pays-amount" id="family-pays">{yuan(estimate.patient_pays)}</p>
                    {pays_wan.map(|w| view! { <p class="family-pays-wan">{w}</p> })}
                    <p class="family-pays-daxie">"大写："<span id="family-pays-daxie">{daxie(estimate.patient_pays)}</span></p>
                    <p class="family-pays-of">
                        "住院总费用 "{yuan(estimate.total_cost)}"，各项报销和减免共 "{yuan(covered)}"。"
                    </p>
                </div>
                <div class="ordinary">
                    <p>"普通居民同样的账单要付 "<strong id="ordinary-pays">{yuan(estimate.ordinary_patient_pays())}</strong>"。"</p>
                    <p>"健康扶贫政策为这家人省下 "<strong id="savings">{yuan(estimate.savings)}</strong>"。"</p>
                    <p class="hint">"普通居民的两项也用下面标明的基线参数计算（公开资料或估计值），比较只是大致的。"</p>
                </div>
                {(!assumptions.is_empty()).then(|| view! {
                    <div class="assumptions">
                        <h3>"这个结果用了这些假设"</h3>
                        <ul>{assumptions.into_iter().map(|a| view! { <li>{a}</li> }).collect_view()}</ul>
                    </div>
                })}
                {has_warnings.then(|| view! {
                    <div class="warnings" role="note">
                        <h3>"请注意"</h3>
                        <ul>{warnings}</ul>
                    </div>
                })}
                <PayerChart estimate=estimate.clone()/>
                <h3>"一项一项怎么算（按医院一站式结算单的顺序）"</h3>
                <ol class="payers plain">{lines}</ol>
                <div class="payer total">
                    <div class="payer-head">
                        <span class="payer-name">"个人自付"</span>
                        <span class="payer-amount">{yuan(estimate.patient_pays)}</span>
                    </div>
                    <p class="rule">{format!(
                        "{} − {} = {}（其中政策范围内 {}，政策范围外 {}）",
                        engine::format_yuan(estimate.total_cost),
                        engine::format_yuan(covered),
                        engine::format_yuan(estimate.patient_pays),
                        engine::format_yuan(estimate.patient_pays_in_policy),
                        engine::format_yuan(estimate.patient_pays_out_of_policy),
                    )}</p>
                </div>
                <div class="result-notes">
                {doudi.map(|d| view! {
                    <div class="note doudi">
                        <h3>"还是付不起怎么办"</h3>
                        <p>{d.text}</p>
                        <p class="cite">"依据："<CitationLink citation=d.citation/></p>
                        <Readings interpretations=d.interpretations class="interpretation"/>
                    </div>
                })}
                {ledger.map(|l| view! {
                    <div class="note ledger" id="ledger" data-ledger=l.id()>
                        <h3>"登记在哪个救治台账"</h3>
                        <p>{format!("{}。", l.name())}</p>
                        <p class="cite">"依据："<CitationLink citation=l.citation()/></p>
                    </div>
                })}
                {no_deposit.then(|| view! {
                    <div class="note no-deposit">
                        <h3>"先看病，后付费"</h3>
                        <p>"参加城乡居民医保的贫困病人，在本县（区）内的定点医疗机构住院，凭身份证明可以“先诊疗后付费”，不用交住院押金；出院时一站式结算，只付自己负担的部分。"</p>
                        <p class="cite">"依据："
                            <CitationLink citation=engine::PAY_AFTER_TREATMENT[0]/>
                            "；"
                            <CitationLink citation=engine::PAY_AFTER_TREATMENT[1]/>
                        </p>
                    </div>
                })}
                </div>
                <p class="terms no-print">"看不懂的词，点一下看解释："
                    {[TermId::Zhengcefanwei, TermId::Qifuxian, TermId::Fengdingxian, TermId::Heguizifu, TermId::Yizhanshi, TermId::Doudi]
                        .into_iter()
                        .map(|id| view! { <Term id=id/> })
                        .collect_view()}
                </p>
            </section>
        }
        .into_any()
    }
}
