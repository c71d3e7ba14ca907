//! The 健康扶贫政策计算器与服务门户 site: every page is pre-rendered to HTML at build time
//! (`ssr`); in the browser the wasm takes over only the parts that respond to the visitor
//! (`hydrate`, see [`widgets::island`]).

// The pre-rendering build nests view types deeply.
#![recursion_limit = "256"]

mod browser;
mod cadre;
pub mod calculator;
pub mod format;
pub mod routes;
pub mod widgets;

pub use routes::shell::App;

/// Takes over the interactive parts of the pre-rendered page in the browser.
#[cfg(feature = "hydrate")]
pub fn start() {
    widgets::island::hydrate_all();
}

/// The HTML inside `<body>` for one path; the browser build takes over its islands.
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
