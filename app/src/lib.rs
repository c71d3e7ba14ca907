//! The 健康扶贫政策计算器与服务门户 site: every page is pre-rendered to HTML at build time
//! (`ssr`); in the browser the wasm takes over only the parts that respond to the visitor
//! (`hydrate`, see [`island`]).

// The pre-rendering build nests view types deeply.
#![recursion_limit = "256"]

mod cadre;
pub mod calculator;
pub mod cite;
mod clock;
pub mod daxie;
mod diseases;
pub mod documents;
mod fragment;
pub mod glossary;
mod home;
mod hospitals;
pub mod island;
mod large_text;
pub mod money;
pub mod pages;
mod pause;
pub mod policy_page;
mod poster;
mod premium;
mod read_aloud;
pub mod share;
mod shell;

pub use shell::App;

/// Takes over the interactive parts of the pre-rendered page in the browser.
#[cfg(feature = "hydrate")]
pub fn start() {
    island::hydrate_all();
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
