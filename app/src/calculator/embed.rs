//! The calculator for other sites to frame (county and township government sites): the quick
//! form and the result, nothing else, and a link to the full calculator.

use leptos::prelude::*;

use super::quick::QuickForm;
use super::{provide_calc, DamagedLinkNotice, ResultView};

/// The embedded calculator at `/embed`.
#[component]
pub fn EmbedPage() -> impl IntoView {
    let calc = provide_calc();
    // The full calculator opens with the same answers, in the one-page form.
    let full = move || {
        let fragment = calc.state.with(|s| {
            let mut s = s.clone();
            s.mode = super::state::Mode::Quick;
            s.to_fragment()
        });
        format!("/calculator#{fragment}")
    };
    view! {
        <div class="embed">
            <h1 class="embed-title">"住院费用计算器"</h1>
            <p class="embed-note">"所有计算都在您的手机上完成，不会发送到任何地方。本站为估算工具，以医院实际结算为准。"</p>
            <DamagedLinkNotice damaged=calc.damaged/>
            <QuickForm/>
            <ResultView/>
            <p class="embed-open">
                <a href=full target="_blank" rel="noopener">"在健康扶贫政策计算器中打开"</a>
            </p>
        </div>
    }
}
