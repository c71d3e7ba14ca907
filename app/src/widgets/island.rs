//! The parts of a page that respond to the visitor: everything else is the pre-rendered HTML as
//! it is, with its links as ordinary links.
//!
//! A page marks each such part with [`Island`]: the HTML then holds it inside an `<app-island>`
//! element naming the part, and in the browser [`hydrate_all`] takes over only those elements.
//! So the wasm carries the forms and buttons, not the text of every page, and taking a page
//! over costs only what its forms need.
//!
//! Why not Leptos's own islands (`#[island]`, `hydrate_islands`): their loader
//! (`leptos/src/hydration/island_script.js`) fetches the glue with a dynamic `import()` as an ES
//! module, from a script the server-side renderer puts in `<head>`. The phones this site is for
//! include old Android WebViews without `import()`; here the glue is a classic script
//! (wasm-bindgen `--target no-modules`, lowered to ES2017) started by `public/boot.js`, which is
//! ES5, says in Chinese when the wasm cannot run, and holds taps and typed values until a part
//! has taken over. The markers are the same idea: a named element per part.

use leptos::prelude::*;

/// One interactive part, drawn by the same function before and after it reaches the browser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    ReadAloud,
    LargeText,
    PageShare,
    CoverageCheck,
    Calculator,
    Embed,
    Premium,
    Cadre,
    PosterQr,
    PrintButton,
}

impl Part {
    pub const ALL: [Part; 10] = [
        Part::ReadAloud,
        Part::LargeText,
        Part::PageShare,
        Part::CoverageCheck,
        Part::Calculator,
        Part::Embed,
        Part::Premium,
        Part::Cadre,
        Part::PosterQr,
        Part::PrintButton,
    ];

    /// The name the HTML carries in `data-island`.
    pub fn name(self) -> &'static str {
        match self {
            Part::ReadAloud => "read-aloud",
            Part::LargeText => "large-text",
            Part::PageShare => "page-share",
            Part::CoverageCheck => "coverage-check",
            Part::Calculator => "calculator",
            Part::Embed => "embed",
            Part::Premium => "premium",
            Part::Cadre => "cadre",
            Part::PosterQr => "poster-qr",
            Part::PrintButton => "print-button",
        }
    }

    pub fn from_name(name: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|p| p.name() == name)
    }

    /// What a whole tool is called, for the message shown when it cannot run; `None` for the
    /// small parts (朗读, 大字, 分享, the poster's buttons), which are hidden then instead.
    /// The start-up script (`public/boot.js`) carries the same names for its own messages.
    pub fn tool_name(self) -> Option<&'static str> {
        match self {
            Part::CoverageCheck => Some("“能不能享受”的查询"),
            Part::Calculator | Part::Embed => Some("住院费用计算器"),
            Part::Premium => Some("扶贫特惠保计算器"),
            Part::Cadre => Some("干部台账"),
            Part::ReadAloud | Part::LargeText | Part::PageShare | Part::PosterQr | Part::PrintButton => None,
        }
    }

    /// The part's view.
    fn view(self) -> AnyView {
        use crate::routes::{home, poster, premium};
        use crate::widgets::{large_text, read_aloud, share};
        use crate::{cadre, calculator};
        match self {
            Part::ReadAloud => read_aloud::ReadAloud().into_any(),
            Part::LargeText => large_text::LargeTextToggle().into_any(),
            Part::PageShare => share::PageShare().into_any(),
            Part::CoverageCheck => home::CoverageCheck().into_any(),
            Part::Calculator => calculator::CalculatorPage().into_any(),
            Part::Embed => calculator::EmbedPage().into_any(),
            Part::Premium => premium::PremiumPage().into_any(),
            Part::Cadre => cadre::CadrePage().into_any(),
            Part::PosterQr => poster::PosterQr().into_any(),
            Part::PrintButton => poster::PrintButton().into_any(),
        }
    }
}

/// An interactive part in the page. The element takes no room of its own (`display: contents`
/// in the stylesheet), so the part lays out as if it stood there alone.
///
/// A whole tool is preceded by a `<noscript>` message: with scripts off it says that the tool
/// cannot run and points to what works without it. (The messages for a browser that runs
/// scripts but not the wasm come from the start-up script, `public/boot.js`.)
#[component]
pub fn Island(part: Part) -> impl IntoView {
    let without_scripts = part.tool_name().map(|tool| {
        view! {
            <noscript>
                <div class="notice warning boot-status" data-status-for=part.name()>
                    <p><strong>{format!("这个浏览器关闭了脚本（JavaScript），{tool}用不了。")}</strong>
                        "请在浏览器设置里打开 JavaScript，或者在微信里点右上角“…”，选“在浏览器打开”。"</p>
                    <p>"不用它也能看："<a href="/diseases">"九种大病和算好的例子"</a>"、"
                        <a href="/hospitals">"定点医院"</a>"、"<a href="/policy">"政策讲解"</a>"。"</p>
                </div>
            </noscript>
        }
    });
    view! { {without_scripts}<app-island data-island=part.name()>{part.view()}</app-island> }
}

/// Takes over every interactive part of the page, each in its own task so that no single task
/// keeps the phone busy for long, marking each part once it runs, then marks the document as
/// running (the browser tests wait for that mark: only the wasm can set it).
#[cfg(feature = "hydrate")]
pub fn hydrate_all() {
    use wasm_bindgen::JsCast;
    let mut found = Vec::new();
    if let Ok(list) = document().query_selector_all("app-island[data-island]") {
        for i in 0..list.length() {
            let Some(element) = list.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) else {
                continue;
            };
            match element.get_attribute("data-island").as_deref().and_then(Part::from_name) {
                Some(part) => found.push((element, part)),
                None => leptos::logging::warn!("unknown island {:?}", element.get_attribute("data-island")),
            }
        }
    }
    found.reverse();
    next(found);
}

#[cfg(feature = "hydrate")]
fn next(mut rest: Vec<(web_sys::HtmlElement, Part)>) {
    match rest.pop() {
        Some((element, part)) => {
            leptos::mount::hydrate_from(element.clone(), move || part.view()).forget();
            let _ = element.set_attribute("data-taken-over", "");
            set_timeout(move || next(rest), std::time::Duration::ZERO);
        }
        None => {
            if let Some(root) = document().document_element() {
                let _ = root.set_attribute("data-app", "ready");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Part;

    #[test]
    fn the_start_up_script_names_each_tool_as_the_page_does() {
        let boot = include_str!("../../../public/boot.js");
        for part in Part::ALL {
            let entry = format!("{}: '{}'", part.name(), part.tool_name().unwrap_or_default());
            let quoted = format!("'{}': '{}'", part.name(), part.tool_name().unwrap_or_default());
            assert_eq!(
                part.tool_name().is_some(),
                boot.contains(&entry) || boot.contains(&quoted),
                "public/boot.js and Part::tool_name disagree on {}",
                part.name()
            );
        }
    }

    #[test]
    fn every_part_is_found_by_its_name() {
        for part in Part::ALL {
            assert_eq!(Part::from_name(part.name()), Some(part));
        }
        assert_eq!(Part::from_name("no-such-part"), None);
    }
}
