//! The frame around every page: header, navigation, footer, and the router.

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::documents::{HunanDocument, JunshanDocument};
use crate::cadre::CadrePage;
use crate::calculator::{CalculatorPage, EmbedPage};
use crate::diseases::DiseasesPage;
use crate::home::Home;
use crate::hospitals::HospitalsPage;
use crate::premium::PremiumPage;
use crate::pages::{full_title, Page, NOT_FOUND, PAGES};
use crate::policy_page::PolicyPage;
use crate::large_text::LargeTextToggle;
use crate::poster::PosterPage;
use crate::read_aloud::{ReadAloud, SpeakText};
use crate::share::PageShare;

/// The whole site.
#[component]
pub fn App() -> impl IntoView {
    provide_context(SpeakText(RwSignal::new(None)));
    view! {
        <Router>
            <TitleSync/>
            <Header/>
            <main id="main">
                <Routes fallback=NotFound>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/calculator") view=CalculatorPage/>
                    <Route path=path!("/diseases") view=DiseasesPage/>
                    <Route path=path!("/hospitals") view=HospitalsPage/>
                    <Route path=path!("/policy") view=PolicyPage/>
                    <Route path=path!("/premium") view=PremiumPage/>
                    <Route path=path!("/cadre") view=CadrePage/>
                    <Route path=path!("/documents/hunan") view=HunanDocument/>
                    <Route path=path!("/documents/junshan") view=JunshanDocument/>
                    <Route path=path!("/poster") view=PosterPage/>
                    <Route path=path!("/embed") view=EmbedPage/>
                </Routes>
            </main>
            <Footer/>
        </Router>
    }
}

/// Keeps `<title>` and the description in step with client-side navigation.
#[component]
fn TitleSync() -> impl IntoView {
    let location = use_location();
    Effect::new(move |_| {
        let path = location.pathname.get();
        let page = page_for(&path);
        document().set_title(&full_title(page));
        if let Ok(Some(meta)) = document().query_selector("meta[name=description]") {
            let _ = meta.set_attribute("content", page.description);
        }
    });
}

/// The page whose path matches, ignoring a trailing slash.
fn page_for(path: &str) -> &'static Page {
    let trimmed = match path.trim_end_matches('/') {
        "" => "/",
        p => p,
    };
    PAGES.iter().find(|p| p.path == trimmed).unwrap_or(&NOT_FOUND)
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
    PAGES
        .iter()
        .filter(|p| !p.nav.is_empty())
        .map(|p| view! { <A href=p.path>{p.nav}</A> })
        .collect_view()
}

/// The header: the site's name, the reading aids, and the sections. On a wide screen the
/// sections stand in a row; on a phone they fold into a 栏目 menu (a `<details>`, so it opens
/// before the page's script has arrived or with scripts off) that closes when a section opens.
#[component]
fn Header() -> impl IntoView {
    let embedded = embedded();
    let location = use_location();
    let menu = NodeRef::<leptos::html::Details>::new();
    Effect::new(move |_| {
        location.pathname.track();
        if let Some(menu) = menu.get_untracked() {
            menu.set_open(false);
        }
    });
    view! {
        <Show when=move || !embedded()>
            <a class="skip" href="#main">"跳到正文"</a>
            <header class="site-header">
                <A href="/" attr:class="brand">"健康扶贫政策计算器"</A>
                <div class="tools" role="group" aria-label="阅读帮助">
                    <ReadAloud/>
                    <LargeTextToggle/>
                </div>
                <nav class="nav-wide" aria-label="主要栏目">{nav_links()}</nav>
                <details class="nav-menu" node_ref=menu>
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
            <PageShare/>
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

#[cfg(test)]
mod tests {
    use super::page_for;

    #[test]
    fn a_trailing_slash_finds_the_same_page() {
        assert_eq!(page_for("/").path, "/");
        assert_eq!(page_for("").path, "/");
    }

    #[test]
    fn an_unknown_path_gets_the_not_found_page() {
        assert_eq!(page_for("/no-such-page").path, "/404");
    }
}
