//! The 健康扶贫政策计算器与服务门户 site, rendered in the visitor's browser.

mod cadre;
pub mod calculator;
pub mod cite;
pub mod documents;
pub mod glossary;
mod diseases;
mod home;
pub mod money;
mod hospitals;
pub mod pages;
pub mod policy_page;
mod premium;
mod shell;

use leptos::prelude::*;

pub use shell::App;

/// Replaces the page's static placeholder with the app.
pub fn start() {
    // The HTML file carries a plain-text placeholder for the seconds before the wasm arrives.
    if let Some(placeholder) = document().get_element_by_id("placeholder") {
        placeholder.remove();
    }
    leptos::mount::mount_to_body(App);
}
