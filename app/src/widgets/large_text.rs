//! 大字: larger text and controls for readers who need them, remembered on the device.

use leptos::prelude::*;

const KEY: &str = "large-text";
/// The class on `<html>` the stylesheet enlarges everything by.
const CLASS: &str = "large-text";

fn storage() -> Option<web_sys::Storage> {
    // A private window may refuse storage: the toggle then lasts for the visit only.
    window().local_storage().ok().flatten()
}

/// The 大字 toggle.
#[component]
pub fn LargeTextToggle() -> impl IntoView {
    let on = RwSignal::new(false);
    Effect::new(move |_| {
        let stored = storage().and_then(|s| s.get_item(KEY).ok().flatten());
        on.set(stored.as_deref() == Some("1"));
    });
    Effect::new(move |_| {
        let large = on.get();
        if let Some(root) = document().document_element() {
            let _ = root.class_list().toggle_with_force(CLASS, large);
        }
    });
    let toggle = move |_| {
        let large = !on.get_untracked();
        on.set(large);
        if let Some(s) = storage() {
            let _ = if large { s.set_item(KEY, "1") } else { s.remove_item(KEY) };
        }
    };
    view! {
        <button type="button" class="tool large-text-toggle" aria-pressed=move || on.get().to_string() on:click=toggle>
            "大字"
        </button>
    }
}
