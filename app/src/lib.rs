//! The 健康扶贫政策计算器与服务门户 site: every page is pre-rendered to HTML at build time
//! (`ssr`) and taken over by the wasm in the browser (`hydrate`).

// The pre-rendering build nests view types deeply.
#![recursion_limit = "256"]

mod cadre;
pub mod calculator;
pub mod cite;
pub mod daxie;
pub mod documents;
pub mod glossary;
mod diseases;
mod fragment;
mod home;
mod large_text;
pub mod money;
mod hospitals;
pub mod pages;
pub mod policy_page;
mod poster;
mod read_aloud;
mod premium;
pub mod share;
mod shell;

#[cfg(feature = "hydrate")]
use leptos::prelude::*;

pub use shell::App;

/// Takes over the pre-rendered page in the browser, then marks the document as running (the
/// browser tests wait for that mark: only the wasm can set it).
#[cfg(feature = "hydrate")]
pub fn start() {
    leptos::mount::hydrate_body(App);
    if let Some(root) = document().document_element() {
        let _ = root.set_attribute("data-app", "ready");
    }
}

/// The HTML inside `<body>` for one path, as the browser build will hydrate it.
#[cfg(feature = "ssr")]
pub fn render_page(path: &str) -> String {
    use leptos::prelude::*;
    use std::sync::Arc;
    let owner = Owner::new_root(Some(Arc::new(hydration_context::SsrSharedContext::new())));
    owner.with(|| {
        provide_context(leptos_router::location::RequestUrl::new(path));
        App().to_html()
    })
}
