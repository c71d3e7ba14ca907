//! The calculator: a family estimates its hospital bill, explained line by line.
//!
//! The input lives in the URL fragment ([`state`]); the estimate is derived from it
//! ([`compute`]); the page only wires the two to the form and the result.

mod advanced;
pub mod compute;
mod embed;
mod guided;
mod quick;
mod result;
mod sheet;
pub mod state;

use leptos::prelude::*;
use policy::Policy;

use crate::browser::pause::Pause;
use compute::{compute, Outcome};
use state::{CalcState, Mode};

pub use embed::EmbedPage;
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
    /// Today, YYYY-MM-DD, by the device's clock: "" until read (in the browser only).
    pub today: RwSignal<String>,
}

/// Writes the fragment into the address bar, as a new history entry or in place, marked as
/// the calculator's own.
fn write_fragment(fragment: &str, new_entry: bool) {
    let url = format!("#{fragment}");
    if let Ok(history) = window().history() {
        let mark = wasm_bindgen::JsValue::from_str(HISTORY_MARK);
        let _ = if new_entry {
            history.push_state_with_url(&mark, "", Some(&url))
        } else {
            history.replace_state_with_url(&mark, "", Some(&url))
        };
    }
}

fn current_fragment() -> String {
    window().location().hash().unwrap_or_default()
}

/// Marks the history entries the calculator writes itself.
const HISTORY_MARK: &str = "calculator";

/// The calculator's state, read from and written back to the fragment, provided to every part
/// of it. The fragment is written only on the calculator's own page.
fn provide_calc() -> Calc {
    let policy = Policy::builtin();
    let state = RwSignal::new(CalcState::default());
    let damaged = RwSignal::new(false);
    let ready = RwSignal::new(false);
    let today_signal = RwSignal::new(String::new());
    let outcome = Memo::new(move |_| state.with(|s| today_signal.with(|t| compute(&policy, s, t))));
    let calc = Calc { state, outcome, damaged, ready, today: today_signal };
    provide_context(calc);

    let read = move |hash: &str, returning: bool| {
        let (read, damage) = CalcState::from_fragment(hash);
        if returning {
            state.update(|s| *s = read.returning_to(s));
        } else {
            state.set(read);
        }
        damaged.set(damage.tampered);
    };
    // Browser-only: the clock, and the fragment of the link that opened the page, are read
    // once it is running.
    Effect::new(move |_| {
        today_signal.set(crate::browser::clock::today_iso());
        read(&current_fragment(), false);
        ready.set(true);
    });
    // Back and forward, and a link to another fragment of this page (which the browser follows
    // without loading the page again). Between the calculator's own entries, answers given
    // since are kept, and the entry is updated to hold them, so the write-back below finds
    // nothing to push and the forward entries stay.
    let popstate = window_event_listener(leptos::ev::popstate, move |ev| {
        let returning = ev.state().as_string().as_deref() == Some(HISTORY_MARK);
        read(&current_fragment(), returning);
        if returning {
            write_fragment(&state.with_untracked(CalcState::to_fragment), false);
        }
    });
    // A fragment typed or pasted into the address bar: some browsers report it only here.
    let hashchange = window_event_listener(leptos::ev::hashchange, move |_| {
        let hash = current_fragment();
        if state.with_untracked(|s| s.to_fragment()) != hash.trim_start_matches('#') {
            read(&hash, false);
        }
    });
    on_cleanup(move || {
        popstate.remove();
        hashchange.remove();
    });
    // Every change is written back to the fragment: a new history entry when the guided
    // flow moves to another step (so the back button goes back a step), at once; else in
    // place, once typing pauses (the estimate itself is redrawn at every key).
    let on_this_page = || window().location().pathname().is_ok_and(|p| p.trim_end_matches('/') == "/calculator");
    let pause = Pause::new();
    Effect::new(move |previous: Option<((Mode, u8), String)>| {
        let (fragment, place) = state.with(|s| (s.to_fragment(), (s.mode, s.step)));
        let waiting = pause.cancel();
        if ready.get() && on_this_page() && current_fragment().trim_start_matches('#') != fragment {
            match previous {
                Some((before, typed)) if before != place => {
                    // The step being left keeps the answers typed on it.
                    if waiting {
                        write_fragment(&typed, false);
                    }
                    write_fragment(&fragment, true);
                }
                _ => {
                    let typed = fragment.clone();
                    pause.then(move || {
                        if on_this_page() && current_fragment().trim_start_matches('#') != typed {
                            write_fragment(&typed, false);
                        }
                    });
                }
            }
        }
        (place, fragment)
    });
    calc
}

/// Says that the link the calculator was opened with could not be read whole, and that what
/// could not be read was replaced by defaults. `damaged` is set when the fragment is read.
#[component]
pub fn DamagedLinkNotice(damaged: RwSignal<bool>) -> impl IntoView {
    view! {
        <Show when=move || damaged.get()>
            <p class="notice warning" role="alert" id="damaged-link">
                "这个链接不完整或被改动过，读不懂的部分已经换成默认值。请检查下面填写的内容。"
            </p>
        </Show>
    }
}

/// The calculator page.
#[component]
pub fn CalculatorPage() -> impl IntoView {
    let Calc { state, damaged, .. } = provide_calc();
    let set_mode = move |mode: Mode| state.update(|s| s.mode = mode);
    // Only a change of mode redraws the form: typing must not rebuild the field being typed in.
    let mode = Memo::new(move |_| state.with(|s| s.mode));
    view! {
        <sheet::PrintHeader/>
        <h1>"住院费用计算器"</h1>
        <p class="lead">"填上病人的情况和住院费用，看看各项报销之后，家里大约要付多少钱。所有计算都在您的手机上完成，不会发送到任何地方。"</p>
        <DamagedLinkNotice damaged=damaged/>
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
        <sheet::SheetTools/>
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
            today: RwSignal::new(String::new()),
        }
    })
}
