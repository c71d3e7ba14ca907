//! The frame around every page: header, navigation, footer, and which page a path shows (used
//! when the pages are pre-rendered; in the browser only the [`Island`]s run).

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::routes::diseases::DiseasesPage;
use crate::routes::documents::{HunanDocument, JunshanDocument};
use crate::routes::home::Home;
use crate::routes::hospitals::HospitalsPage;
use crate::routes::pages::PAGES;
use crate::routes::policy_page::PolicyPage;
use crate::routes::poster::PosterPage;
use crate::widgets::island::{Island, Part};

/// The whole site.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <Header/>
            <main id="main">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/calculator") view=|| view! { <Island part=Part::Calculator/> }/>
                    <Route path=path!("/diseases") view=DiseasesPage/>
                    <Route path=path!("/hospitals") view=HospitalsPage/>
                    <Route path=path!("/policy") view=PolicyPage/>
                    <Route path=path!("/premium") view=|| view! { <Island part=Part::Premium/> }/>
                    <Route path=path!("/cadre") view=|| view! { <Island part=Part::Cadre/> }/>
                    <Route path=path!("/documents/hunan") view=HunanDocument/>
                    <Route path=path!("/documents/junshan") view=JunshanDocument/>
                    <Route path=path!("/poster") view=PosterPage/>
                    <Route path=path!("/embed") view=|| view! { <Island part=Part::Embed/> }/>
                </Routes>
            </main>
            <Footer/>
        </Router>
    }
}

#[component]
fn NotFound() -> impl IntoView {
    view! {
        <h1>"找不到这个页面"</h1>
        <p>"这个网址没有对应的页面。可能是链接抄错了，或者页面已经搬走。"</p>
        <p><A href="/" attr:class="button">"回到首页"</A></p>
    }
}

/// Whether the page open is the embedded calculator, which other sites frame without the
/// site's own header and footer.
fn embedded() -> impl Fn() -> bool + Copy {
    let location = use_location();
    move || location.pathname.with(|p| p.trim_end_matches('/') == "/embed")
}

/// The site's sections, as links.
fn nav_links() -> impl IntoView {
    PAGES.iter().filter(|p| !p.nav.is_empty()).map(|p| view! { <A href=p.path>{p.nav}</A> }).collect_view()
}

/// The header: the site's name, the reading aids, and the sections. On a wide screen the
/// sections stand in a row; on a phone they fold into a 栏目 menu (a `<details>`, so it opens
/// before the page's script has arrived or with scripts off) that closes when a section opens.
#[component]
fn Header() -> impl IntoView {
    let embedded = embedded();
    view! {
        <Show when=move || !embedded()>
            <a class="skip" href="#main">"跳到正文"</a>
            <header class="site-header">
                <A href="/" attr:class="brand">"健康扶贫政策计算器"</A>
                <div class="tools" role="group" aria-label="阅读帮助">
                    <Island part=Part::ReadAloud/>
                    <Island part=Part::LargeText/>
                </div>
                <nav class="nav-wide" aria-label="主要栏目">{nav_links()}</nav>
                <details class="nav-menu">
                    <summary>"栏目"</summary>
                    <nav aria-label="主要栏目">{nav_links()}</nav>
                </details>
            </header>
        </Show>
    }
}

#[component]
fn Footer() -> impl IntoView {
    let embedded = embedded();
    let location = use_location();
    // The calculator shares from under its result, with the estimate's own link.
    let page_share = move || location.pathname.with(|p| p.trim_end_matches('/') != "/calculator");
    view! {
        <Show when=move || !embedded()>
        <Show when=page_share>
            <Island part=Part::PageShare/>
        </Show>
        <footer class="site-footer">
            <p class="disclaimer">"本站为估算工具，以医院实际结算为准。"</p>
            <p>
                "政策依据：湖南省《健康扶贫工程“三个一批”行动计划实施方案》（湘卫财务发〔2017〕2号，2017年6月30日）；"
                "《君山区农村贫困人口大病专项救治工作方案》（岳君卫发〔2017〕71号，2017年9月11日）。"
            </p>
            <p>"所有计算都在您的手机上完成，您填写的内容不会发送到任何地方。"</p>
            <p><A href="/poster">"打印政策海报（贴在村务公开栏）"</A></p>
        </footer>
        </Show>
    }
}
