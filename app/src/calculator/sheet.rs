//! The 明白纸: what an estimate looks like printed on one A4 sheet for the family to keep, and
//! the buttons under the result that print it, share it and read it aloud.
//!
//! On screen only the buttons and the share block show; the sheet's own header (title, date,
//! the answers) and its closing line print only. The stylesheet's print block hides the rest of
//! the page's furniture.

use engine::{format_yuan, Estimate};
use leptos::prelude::*;

use super::guided::summary;
use super::use_calc;
use crate::widgets::read_aloud::speak_instead;
use crate::widgets::share::{origin, Share};

/// The header of the printed sheet: its title, the day it was printed and the answers it was
/// computed from.
#[component]
pub fn PrintHeader() -> impl IntoView {
    let calc = use_calc();
    // The day as the sheet prints it: 2026年11月22日.
    let date = move || calc.today.with(|t| t.parse::<policy::Date>().map(|d| d.to_chinese()).unwrap_or_default());
    let rows = move || {
        let today = calc.today.get();
        calc.state
            .with(|s| summary(s, &today))
            .into_iter()
            .map(|row| view! { <tr><th scope="row">{row.label}</th><td>{row.value}</td></tr> })
            .collect_view()
    };
    view! {
        <header class="sheet-head print-only">
            <p class="sheet-title">"住院费用估算明白纸"</p>
            <p class="sheet-date">"打印日期："{date}</p>
            <table class="sheet-answers">
                <caption>"填写的情况"</caption>
                <tbody>{rows}</tbody>
            </table>
        </header>
    }
}

/// The estimate as one passage to read aloud: what the family pays, then each payer, then the
/// warnings.
pub fn spoken(estimate: &Estimate) -> String {
    let mut text = format!(
        "估算结果：家里大约要付{}元。住院总费用{}元，各项报销和减免共{}元。",
        format_yuan(estimate.patient_pays),
        format_yuan(estimate.total_cost),
        format_yuan(estimate.covered()),
    );
    for line in &estimate.lines {
        match &line.reason {
            None => text.push_str(&format!("{}付{}元。", line.payer.name(), format_yuan(line.amount))),
            Some(reason) => text.push_str(&format!("{}：{}。", line.payer.name(), reason)),
        }
    }
    if !estimate.warnings.is_empty() {
        text.push_str("请注意：");
        for warning in &estimate.warnings {
            text.push_str(&warning.to_string());
            if !text.ends_with('。') {
                text.push('。');
            }
        }
    }
    text.push_str("本表为估算，以医院实际结算为准。");
    text
}

/// Under the result: print the sheet, share the estimate's own link, and the sheet's closing
/// line.
#[component]
pub fn SheetTools() -> impl IntoView {
    let calc = use_calc();
    let site = RwSignal::new(String::new());
    Effect::new(move |_| site.set(origin()));
    // The link is made from the answers, not read from the address bar: the calculator writes
    // the address bar after the answers change.
    let link = Signal::derive(move || {
        let site = site.get();
        if site.is_empty() || !calc.ready.get() {
            return String::new();
        }
        format!("{site}/calculator#{}", calc.state.with(|s| s.to_fragment()))
    });
    // The header's 朗读 button reads the estimate rather than the whole form.
    Effect::new(move |_| {
        speak_instead(move || {
            calc.outcome.with_untracked(|o| match &o.estimate {
                Ok(estimate) => spoken(estimate),
                Err(e) if e.message.is_empty() => "还不能计算：请把内容填完整。".to_owned(),
                Err(e) => format!("还不能计算：{}", e.message),
            })
        })
    });
    let estimated = move || calc.ready.get() && calc.outcome.with(|o| o.estimate.is_ok());
    view! {
        <div class="sheet-tools">
            <Show when=estimated>
                <p class="no-print">
                    <button type="button" class="print-button" on:click=move |_| {
                        let _ = window().print();
                    }>"打印明白纸"</button>
                </p>
            </Show>
            <Share link=link label="分享这个结果" caption="扫一扫，打开这个估算"/>
            <p class="sheet-disclaimer print-only">"本表为估算，以医院实际结算为准。"</p>
        </div>
    }
}
