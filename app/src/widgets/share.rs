//! Passing a page on: the phone's own share sheet where it has one, else the link copied with a
//! visible confirmation; and the link's QR code, drawn on the device, big enough to scan from a
//! printed sheet or from another phone's screen.
//!
//! The address is read from the browser only in effects and event handlers, so the component
//! can be drawn ahead of time without a browser.

use leptos::prelude::*;
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};
use wasm_bindgen::{JsCast, JsValue};

use crate::browser::pause::Pause;

/// The QR code of `text` as an SVG element (no XML prelude, so it can go straight into a page),
/// one unit per module with the standard quiet zone; the page sizes it. None when the text is
/// too long for a QR code.
///
/// ```
/// let svg = app::widgets::share::qr_svg("https://example.org/calculator#m=q").unwrap_or_default();
/// assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
/// ```
pub fn qr_svg(text: &str) -> Option<String> {
    // Level M survives a crease or a smudge on a printed sheet and keeps a long calculator link
    // below the size where cheap phone cameras stop reading it.
    let code = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok()?;
    let image = code
        .render::<svg::Color>()
        .module_dimensions(1, 1)
        .quiet_zone(true)
        .dark_color(svg::Color("#000"))
        .light_color(svg::Color("#fff"))
        .build();
    let start = image.find("<svg")?;
    Some(image[start..].to_owned())
}

/// The site's address (scheme, host and port), read from the browser.
pub fn origin() -> String {
    window().location().origin().unwrap_or_default()
}

/// What the share button last did, shown beside it.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Status {
    Idle,
    Copied,
    /// The clipboard was refused: the link is selected in the field for the visitor to copy.
    SelectToCopy,
}

/// The share button, the link, and its QR code.
///
/// `link` is the address to share; empty until the browser has been read.
#[component]
pub fn Share(
    /// The full address to share and encode, fragment included.
    #[prop(into)]
    link: Signal<String>,
    /// The button's words: what is being shared.
    #[prop(default = "分享这个页面")]
    label: &'static str,
    /// What the QR code opens, said under it.
    #[prop(default = "用微信扫一扫，打开这个页面")]
    caption: &'static str,
) -> impl IntoView {
    let status = RwSignal::new(Status::Idle);
    let field = NodeRef::<leptos::html::Input>::new();
    // The QR code is drawn once the link has stopped changing for a moment, in a task of its
    // own: typing an amount redraws the estimate at every key, the QR code only when it pauses.
    let qr = RwSignal::new(None::<String>);
    let pause = Pause::new();
    Effect::new(move |_| {
        let text = link.get();
        pause.then(move || qr.set(if text.is_empty() { None } else { qr_svg(&text) }));
    });
    // A new link makes an old confirmation wrong.
    Effect::new(move |_| {
        link.track();
        status.set(Status::Idle);
    });

    let share = move |_| {
        let url = link.get_untracked();
        if url.is_empty() {
            return;
        }
        let navigator = window().navigator();
        if let Some(promise) = native_share(&navigator, &document().title(), &url) {
            // The share sheet reports its own outcome; a cancelled sheet is not an error to show.
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            });
            return;
        }
        let clipboard = navigator.clipboard();
        let select = move || {
            status.set(Status::SelectToCopy);
            if let Some(input) = field.get_untracked() {
                let _ = input.focus();
                input.select();
            }
        };
        if JsValue::from(clipboard.clone()).is_undefined() {
            select();
            return;
        }
        let promise = clipboard.write_text(&url);
        wasm_bindgen_futures::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => status.set(Status::Copied),
                Err(_) => select(),
            }
        });
    };

    view! {
        <section class="share" aria-label="分享和二维码">
            <div class="share-actions no-print">
                <button type="button" class="share-button" on:click=share>{label}</button>
                <p class="share-status" role="status">
                    {move || match status.get() {
                        Status::Idle => "",
                        Status::Copied => "链接已复制，可以粘贴到微信里发给别人。",
                        Status::SelectToCopy => "请长按下面的链接，选“复制”。",
                    }}
                </p>
            </div>
            <div class="share-body">
                <figure class="qr" hidden=move || qr.with(Option::is_none)>
                    <div class="qr-code" role="img" aria-label="这个页面的二维码" inner_html=move || qr.get().unwrap_or_default()></div>
                    <figcaption>{caption}</figcaption>
                </figure>
                <div class="share-link">
                    <label class="no-print">
                        "链接"
                        <input node_ref=field class="share-field" type="text" readonly prop:value=move || link.get()/>
                    </label>
                    <p class="share-url print-only">{move || link.get()}</p>
                </div>
            </div>
        </section>
    }
}

/// Opens the phone's share sheet, if the browser has one; its promise settles when the sheet
/// closes.
fn native_share(navigator: &web_sys::Navigator, title: &str, url: &str) -> Option<js_sys::Promise> {
    // `navigator.share` is looked up by name: it is missing on most desktop browsers, and
    // web-sys keeps its binding behind an unstable flag.
    let function = js_sys::Reflect::get(navigator, &JsValue::from_str("share")).ok()?;
    let function = function.dyn_into::<js_sys::Function>().ok()?;
    let data = js_sys::Object::new();
    js_sys::Reflect::set(&data, &"title".into(), &title.into()).ok()?;
    js_sys::Reflect::set(&data, &"url".into(), &url.into()).ok()?;
    function.call1(navigator, &data).ok()?.dyn_into::<js_sys::Promise>().ok()
}

/// The share block for whatever page is open, with its address as the address bar shows it.
#[component]
pub fn PageShare() -> impl IntoView {
    let link = RwSignal::new(String::new());
    let read = move || link.set(window().location().href().unwrap_or_default());
    Effect::new(move |_| read());
    // A link to a part of the page changes the address without loading the page again.
    let hashchange = window_event_listener(leptos::ev::hashchange, move |_| read());
    on_cleanup(move || hashchange.remove());
    view! {
        <div class="page-share">
            <Share link=link/>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::qr_svg;

    #[test]
    fn a_calculator_link_makes_a_qr_code() {
        let link = "https://jkfp.example.gov.cn/calculator#m=q&dt=2018-03-01&c=dibao&d=gastric_cancer&a=56&h=junshan_people&t=50000&p=45000";
        let svg = qr_svg(link).unwrap_or_default();
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""), "{svg}");
        assert!(svg.ends_with("</svg>"));
        assert!(svg.contains("viewBox"));
    }

    #[test]
    fn text_too_long_for_a_qr_code_gives_none() {
        assert_eq!(qr_svg(&"x".repeat(5000)), None);
    }
}
