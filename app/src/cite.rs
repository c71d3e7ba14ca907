//! A citation as a link to its clause in the original documents: every figure on the site says
//! which clause it rests on, and one tap shows that clause.

use leptos::prelude::*;
use policy::{Citation, Interpretation};

use crate::documents::clause_href;

/// A citation as a link to its clause on the documents pages, or as plain text when the
/// documents page has no anchor for it.
#[component]
pub fn CitationLink(citation: Citation) -> impl IntoView {
    let text = citation.to_string();
    match clause_href(citation.document.id(), citation.clause) {
        Some(href) => view! { <a class="citation" href=href>{text}</a> }.into_any(),
        None => view! { <span class="citation">{text}</span> }.into_any(),
    }
}

/// A reading of ours where the documents leave a point open, labelled as ours with its id
/// (calculation.md I1–I9), in the class the page gives it.
#[component]
pub fn Reading(interpretation: Interpretation, #[prop(into)] class: String) -> impl IntoView {
    view! { <p class=class>{format!("本站的理解（{}）：{}。", interpretation.id(), interpretation.text())}</p> }
}
