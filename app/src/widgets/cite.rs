//! A citation as a link to its clause in the original documents: every figure on the site says
//! which clause it rests on, and one tap shows that clause.

use engine::BaselineFigure;
use leptos::prelude::*;
use policy::{Citation, Confidence, Document, Interpretation, Source};

use crate::routes::documents::clause_href;

/// The documents as the navigation names them: on a page of prose read out to families, the
/// number (湘卫财务发〔2017〕2号) means nothing to the listener.
pub const fn short_name(document: Document) -> &'static str {
    match document {
        Document::Hunan => "省里文件",
        Document::Junshan => "区里文件",
    }
}

/// A citation as a link to its clause on the documents pages, or as plain text when the
/// documents page has no anchor for it: the document number in full, or with `short` the
/// navigation's name ("省里文件 三（二）", the full citation as its title).
#[component]
pub fn CitationLink(citation: Citation, #[prop(optional)] short: bool) -> impl IntoView {
    let full = citation.to_string();
    let (text, class, title) = if short {
        (format!("{} {}", short_name(citation.document), citation.clause_text()), "citation policy-cite", Some(full))
    } else {
        (full, "citation", None)
    };
    match clause_href(citation.document.id(), citation.clause) {
        Some(href) => view! { <a class=class href=href title=title>{text}</a> }.into_any(),
        None => view! { <span class=class title=title>{text}</span> }.into_any(),
    }
}

/// "依据：" and the clauses a sentence rests on, one after the other.
#[component]
pub fn Cite(citations: Vec<Citation>) -> impl IntoView {
    let count = citations.len();
    let links = citations
        .into_iter()
        .enumerate()
        .map(|(i, c)| view! { <CitationLink citation=c/>{(i + 1 < count).then_some("；")} })
        .collect_view();
    view! { <span class="cite">"依据："{links}</span> }
}

/// "看原文：" and the clauses a section explains, by the navigation's names.
#[component]
pub fn Sources(citations: Vec<Citation>) -> impl IntoView {
    let count = citations.len();
    let links = citations
        .into_iter()
        .enumerate()
        .map(|(i, c)| view! { <CitationLink citation=c short=true/>{(i + 1 < count).then_some("；")} })
        .collect_view();
    view! { <p class="policy-sources">"看原文："{links}</p> }
}

/// A reading of ours where the documents leave a point open, labelled as ours with its id
/// (docs/calculation.md I1–I9), in the class the page gives it. `data-reading` carries the id, so the
/// site's test can find that every sentence applying a reading has its label beside it.
#[component]
pub fn Reading(interpretation: Interpretation, #[prop(into)] class: String) -> impl IntoView {
    view! {
        <p class=class data-reading=interpretation.id()>
            {format!("{}：{}。", interpretation.label(), interpretation.text())}
        </p>
    }
}

/// The label of a reading inside a sentence that applies it: "（本站的理解 I4）".
#[component]
pub fn ReadingMark(interpretation: Interpretation) -> impl IntoView {
    let text = match interpretation.id() {
        id if id.starts_with('I') => format!("（本站的理解 {id}）"),
        _ => "（本站的理解）".to_owned(),
    };
    view! { <span class="reading-mark" data-reading=interpretation.id() title=interpretation.text()>{text}</span> }
}

/// The confidence mark beside a figure the documents do not give: "（公开资料，可信度中）" or
/// "（估计值，请以当地政策为准）". Nothing for a figure from the documents.
#[component]
pub fn ConfidenceMark(confidence: Confidence) -> impl IntoView {
    (confidence != Confidence::Doc).then(|| {
        view! {
            <span class="baseline-mark" data-confidence=confidence.id()>
                {format!("（{}）", engine::confidence_mark(confidence))}
            </span>
        }
    })
}

/// The figures of an estimate's line that the documents do not give, each with its mark.
#[component]
pub fn BaselineFigures(figures: Vec<BaselineFigure>) -> impl IntoView {
    (!figures.is_empty()).then(|| {
        let items = figures
            .into_iter()
            .map(|b| {
                view! {
                    <li data-confidence=b.confidence.id() data-param=b.param.id()>
                        {b.figure.clone()}<span class="baseline-mark">{format!("（{}）", b.mark())}</span>
                    </li>
                }
            })
            .collect_view();
        view! {
            <div class="baseline-figures">
                <p>"文件没有给出、本站采用的数值："</p>
                <ul>{items}</ul>
            </div>
        }
    })
}

/// A line's readings, each labelled.
#[component]
pub fn Readings(interpretations: Vec<Interpretation>, #[prop(into)] class: String) -> impl IntoView {
    interpretations.into_iter().map(|i| view! { <Reading interpretation=i class=class.clone()/> }).collect_view()
}

/// "依据：" and where a value comes from: a clause, linked, or a public source as text.
pub fn source_cite(source: &Source) -> AnyView {
    let text = source.to_string();
    let link = match source {
        Source::Document { document, clause, .. } => match clause_href(document.id(), clause) {
            Some(href) => view! { <a class="citation" href=href>{text}</a> }.into_any(),
            None => view! { <span class="citation">{text}</span> }.into_any(),
        },
        Source::Public { .. } => view! { <span class="citation">{text}</span> }.into_any(),
    };
    view! { <span class="cite">"依据："{link}</span> }.into_any()
}
