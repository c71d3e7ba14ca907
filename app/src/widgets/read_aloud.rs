//! Reading a page aloud in Mandarin with the phone's own speech synthesis (nothing is sent
//! anywhere), for readers who find the text hard going. Where the phone has no Chinese voice the
//! button says so rather than staying silent.

use leptos::prelude::*;
use wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};

thread_local! {
    /// What the page wants read instead of its whole text (the calculator: the estimate, not
    /// the form), asked for when the button is pressed.
    static CHOSEN: std::cell::RefCell<Option<Box<dyn Fn() -> String>>> = std::cell::RefCell::new(None);
}

/// Has the 朗读 button read what `text` returns instead of the page's whole text, until the
/// part that asked is gone. Call it from an effect: it is for the browser only.
pub fn speak_instead(text: impl Fn() -> String + 'static) {
    CHOSEN.with(|c| *c.borrow_mut() = Some(Box::new(text)));
    on_cleanup(|| CHOSEN.with(|c| *c.borrow_mut() = None));
}

fn chosen_text() -> Option<String> {
    CHOSEN.with(|c| c.borrow().as_ref().map(|f| f()))
}

/// Shown when there is nothing to speak with.
pub const NO_VOICE: &str = "这台手机没有中文语音，无法朗读";

/// Shown when the only Chinese voices are online ones: they would send the page's text (a
/// roster's names, a diagnosis) to the voice's server.
pub const ONLY_ONLINE_VOICE: &str = "这台手机只有联网的中文语音：为了不把页面上的内容发到网上，本站不用它朗读";

/// The browser's speech synthesis, if it has one.
fn synthesis() -> Option<SpeechSynthesis> {
    // Cleanups also run when a page is pre-rendered natively, where there is no window.
    if cfg!(not(target_arch = "wasm32")) {
        return None;
    }
    // Looked up by name: an old browser has no `speechSynthesis`, and web-sys's getter would
    // hand back `undefined` as if it were one.
    let value = js_sys::Reflect::get(&window(), &JsValue::from_str("speechSynthesis")).ok()?;
    (!value.is_undefined() && !value.is_null()).then(|| value.unchecked_into())
}

/// A Chinese voice that runs on the device (`localService`), preferring Mandarin as spoken in
/// the mainland; else what to say instead. A voice that runs on a server is never used: the
/// text would leave the phone.
fn chinese_voice(synthesis: &SpeechSynthesis) -> Result<SpeechSynthesisVoice, &'static str> {
    let voices: Vec<SpeechSynthesisVoice> = synthesis.get_voices().iter().map(JsCast::unchecked_into).collect();
    let lang = |v: &SpeechSynthesisVoice| v.lang().to_ascii_lowercase().replace('_', "-");
    let chinese: Vec<&SpeechSynthesisVoice> =
        voices.iter().filter(|v| lang(v).starts_with("zh") || lang(v).starts_with("cmn")).collect();
    let local: Vec<&SpeechSynthesisVoice> = chinese.iter().copied().filter(|v| v.local_service()).collect();
    match local.iter().find(|v| lang(v).starts_with("zh-cn") || lang(v).starts_with("cmn")).or(local.first()) {
        Some(voice) => Ok((*voice).clone()),
        None if chinese.is_empty() => Err(NO_VOICE),
        None => Err(ONLY_ONLINE_VOICE),
    }
}

/// The text of the page's main column.
fn main_text() -> String {
    document()
        .get_element_by_id("main")
        .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
        .map(|m| m.inner_text())
        .unwrap_or_default()
}

/// The 朗读 button, with a stop button while it speaks.
#[component]
pub fn ReadAloud() -> impl IntoView {
    let speaking = RwSignal::new(false);
    let no_voice = RwSignal::new(None::<&'static str>);
    // Chrome loads its voices on the first request for them: ask early, so they are there by
    // the time the button is pressed.
    Effect::new(move |_| {
        if let Some(s) = synthesis() {
            let _ = s.get_voices();
        }
    });
    let stop = move || {
        if let Some(s) = synthesis() {
            s.cancel();
        }
        speaking.set(false);
    };
    on_cleanup(stop);
    let speak = move |_| {
        let Some(synth) = synthesis() else {
            no_voice.set(Some(NO_VOICE));
            return;
        };
        let voice = match chinese_voice(&synth) {
            Ok(voice) => voice,
            Err(message) => {
                no_voice.set(Some(message));
                return;
            }
        };
        no_voice.set(None);
        let text = chosen_text().unwrap_or_else(main_text);
        let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(&text) else {
            no_voice.set(Some(NO_VOICE));
            return;
        };
        utterance.set_lang(&voice.lang());
        utterance.set_voice(Some(&voice));
        utterance.set_rate(0.9);
        let done = Closure::<dyn FnMut()>::new(move || speaking.set(false)).into_js_value();
        utterance.set_onend(Some(done.unchecked_ref()));
        utterance.set_onerror(Some(done.unchecked_ref()));
        synth.cancel();
        synth.speak(&utterance);
        speaking.set(true);
    };
    view! {
        <span class="read-aloud">
            <Show
                when=move || speaking.get()
                fallback=move || view! { <button type="button" class="tool" on:click=speak>"朗读"</button> }
            >
                <button type="button" class="tool" on:click=move |_| stop()>"停止朗读"</button>
            </Show>
            <span class="read-aloud-status" role="status">{move || no_voice.get().unwrap_or_default()}</span>
        </span>
    }
}
