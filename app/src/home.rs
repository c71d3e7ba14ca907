//! The home page: what the site is, in two sentences, and where to go next.

use leptos::prelude::*;

/// The home page.
#[component]
pub fn Home() -> impl IntoView {
    view! {
        <h1>"健康扶贫政策计算器与服务门户"</h1>
        <p class="lead">
            "农村贫困人口得了大病，住院费用由医保、大病保险、医疗救助、医院减免等一层一层报销。"
            "本站用湖南省2017年健康扶贫政策和君山区九种大病专项救治方案，帮您看懂政策、估算自己要付多少钱。"
        </p>
    }
}
