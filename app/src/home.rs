//! The home page: what the site is, in two sentences, and where to go next.

use leptos::prelude::*;
use leptos_router::components::A;

/// The home page.
#[component]
pub fn Home() -> impl IntoView {
    view! {
        <h1>"健康扶贫政策计算器与服务门户"</h1>
        <p class="lead">
            "农村贫困人口得了大病，住院费用由医保、大病保险、医疗救助、医院减免等一层一层报销。"
            "本站用湖南省2017年健康扶贫政策和君山区九种大病专项救治方案，帮您看懂政策、估算自己要付多少钱。"
        </p>
        <ul class="big-links plain">
            <li><A href="/calculator" attr:class="big-link">
                <strong>"算一算要付多少钱"</strong>
                <span>"填上病人的情况和住院费用，看各项报销之后家里要付多少"</span>
            </A></li>
            <li><A href="/premium" attr:class="big-link">
                <strong>"算一算参保要交多少钱"</strong>
                <span>"两补贴：城乡居民医保和扶贫特惠保，家里交多少、政府补多少"</span>
            </A></li>
            <li><A href="/documents/hunan" attr:class="big-link">
                <strong>"湖南省“三个一批”实施方案（原文）"</strong>
                <span>"三提高、两补贴、一减免、一兜底"</span>
            </A></li>
            <li><A href="/documents/junshan" attr:class="big-link">
                <strong>"君山区九种大病专项救治方案（原文）"</strong>
                <span>"九种大病、定点医院、一站式结算"</span>
            </A></li>
        </ul>
    }
}
