//! The calculator: a family estimates its hospital bill, explained line by line.
//!
//! The input lives in the URL fragment ([`state`]); the estimate is derived from it
//! ([`compute`]); the page only wires the two to the form and the result.

pub mod compute;
mod advanced;
mod guided;
mod quick;
mod result;
pub mod state;

use leptos::prelude::*;
use policy::Policy;

use compute::{compute, Outcome};
use state::{CalcState, Mode};

pub use result::ResultView;

/// What every part of the calculator reads and writes.
#[derive(Clone, Copy)]
pub struct Calc {
    pub state: RwSignal<CalcState>,
    pub outcome: Memo<Outcome>,
    /// The link the page was opened with could not be read in full.
    pub damaged: RwSignal<bool>,
    /// Set once the fragment and today's date have been read (in the browser only).
    pub ready: RwSignal<bool>,
}

/// Today's date from the device's clock, as YYYY-MM-DD.
fn today() -> String {
    let now = js_sys::Date::new_0();
    format!("{:04}-{:02}-{:02}", now.get_full_year(), now.get_month() + 1, now.get_date())
}

fn current_fragment() -> String {
    window().location().hash().unwrap_or_default()
}

/// Marks the history entries the calculator writes itself.
const HISTORY_MARK: &str = "calculator";

/// The calculator page.
#[component]
pub fn CalculatorPage() -> impl IntoView {
    let policy = Policy::builtin();
    let state = RwSignal::new(CalcState::default());
    let damaged = RwSignal::new(false);
    let ready = RwSignal::new(false);
    let today_signal = RwSignal::new(String::new());
    let outcome = Memo::new(move |_| state.with(|s| today_signal.with(|t| compute(&policy, s, t))));
    let calc = Calc { state, outcome, damaged, ready };
    provide_context(calc);

    // `returning`: the fragment is that of an earlier entry this page wrote itself (back or
    // forward), so answers given since are kept; a link opened or pasted is taken as it is.
    let read_fragment = move |returning: bool| {
        let (read, damage) = CalcState::from_fragment(&current_fragment());
        if returning {
            state.update(|s| *s = read.returning_to(s));
        } else {
            state.set(read);
        }
        damaged.set(damage.tampered);
    };
    // Browser-only: the fragment and the clock are read once the page is running.
    Effect::new(move |_| {
        today_signal.set(today());
        read_fragment(false);
        ready.set(true);
    });
    // Back and forward, and a link pasted into the address bar, change the fragment.
    let popstate = window_event_listener(leptos::ev::popstate, move |ev| {
        read_fragment(ev.state().as_string().as_deref() == Some(HISTORY_MARK))
    });
    // A fragment typed or pasted fires this too; back and forward between the page's own
    // entries were already handled above.
    let hashchange = window_event_listener(leptos::ev::hashchange, move |_| {
        let ours = window().history().ok().and_then(|h| h.state().ok()).and_then(|s| s.as_string());
        if ours.as_deref() != Some(HISTORY_MARK) {
            read_fragment(false)
        }
    });
    on_cleanup(move || {
        popstate.remove();
        hashchange.remove();
    });
    // Every change is written back to the fragment: a new history entry when the guided
    // flow moves to another step (so the back button goes back a step), else in place.
    Effect::new(move |previous: Option<(Mode, u8)>| {
        let (fragment, place) = state.with(|s| (s.to_fragment(), (s.mode, s.step)));
        if ready.get() && current_fragment().trim_start_matches('#') != fragment {
            let url = format!("#{fragment}");
            if let Ok(history) = window().history() {
                let mark = wasm_bindgen::JsValue::from_str(HISTORY_MARK);
                let _ = if previous.is_some_and(|p| p != place) {
                    history.push_state_with_url(&mark, "", Some(&url))
                } else {
                    history.replace_state_with_url(&mark, "", Some(&url))
                };
            }
        }
        place
    });

    let set_mode = move |mode: Mode| state.update(|s| s.mode = mode);
    // Only a change of mode redraws the form: typing must not rebuild the field being typed in.
    let mode = Memo::new(move |_| state.with(|s| s.mode));
    view! {
        <h1>"住院费用计算器"</h1>
        <p class="lead">"填上病人的情况和住院费用，看看各项报销之后，家里大约要付多少钱。所有计算都在您的手机上完成，不会发送到任何地方。"</p>
        <Show when=move || damaged.get()>
            <p class="notice warning" role="alert" id="damaged-link">
                "这个链接不完整或被改动过，读不懂的部分已经换成默认值。请检查下面填写的内容。"
            </p>
        </Show>
        <div class="mode-switch" role="group" aria-label="填写方式">
            <button
                type="button"
                class=move || if state.with(|s| s.mode == Mode::Guided) { "tab current" } else { "tab" }
                aria-pressed=move || (state.with(|s| s.mode == Mode::Guided)).to_string()
                on:click=move |_| set_mode(Mode::Guided)
            >"一步一步填"</button>
            <button
                type="button"
                class=move || if state.with(|s| s.mode == Mode::Quick) { "tab current" } else { "tab" }
                aria-pressed=move || (state.with(|s| s.mode == Mode::Quick)).to_string()
                on:click=move |_| set_mode(Mode::Quick)
            >"一页填完"</button>
        </div>
        {move || match mode.get() {
            Mode::Quick => view! { <quick::QuickForm/> <ResultView/> }.into_any(),
            Mode::Guided => view! { <guided::GuidedFlow/> }.into_any(),
        }}
    }
}

/// The calculator's shared signals.
pub fn use_calc() -> Calc {
    use_context::<Calc>().unwrap_or_else(|| {
        // Only reachable if a calculator part is placed outside the page: give it empty state
        // rather than panicking.
        let state = RwSignal::new(CalcState::default());
        Calc {
            state,
            outcome: Memo::new(move |_| compute(&Policy::builtin(), &state.get(), "")),
            damaged: RwSignal::new(false),
            ready: RwSignal::new(false),
        }
    })
}
