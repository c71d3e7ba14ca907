//! The advanced panel: every baseline parameter in force, its source and how sure it is, each
//! editable and resettable. An edited value marks the result "using your own parameters".

use leptos::prelude::*;
use policy::{Confidence, Interpretation, Source, Unit};

use super::compute::shown_value;
use super::use_calc;
use crate::routes::documents::clause_href;

fn unit_text(unit: Unit) -> &'static str {
    match unit {
        Unit::Ratio => "%",
        Unit::Yuan => "元",
        Unit::YuanPerPersonYear => "元/人·年",
    }
}

/// One row of the panel, as plain data so the view can be rebuilt cheaply.
#[derive(Clone, PartialEq)]
struct Row {
    id: &'static str,
    label: String,
    unit: Unit,
    default_shown: String,
    source: String,
    href: Option<String>,
    confidence: Confidence,
    interpretation: Option<Interpretation>,
    note: Option<String>,
}

#[component]
pub fn AdvancedPanel() -> impl IntoView {
    let calc = use_calc();
    let rows = Memo::new(move |_| {
        calc.outcome.with(|o| {
            o.params
                .as_ref()
                .map(|params| {
                    params
                        .entries()
                        .map(|e| Row {
                            id: e.id.id(),
                            label: e.label.to_owned(),
                            unit: e.unit,
                            default_shown: shown_value(e.unit, e.default),
                            source: e.source.to_string(),
                            href: match e.source {
                                Source::Document { document, clause, .. } => clause_href(document.id(), clause),
                                Source::Public { .. } => None,
                            },
                            confidence: e.confidence,
                            interpretation: e.interpretation,
                            note: e.note.map(str::to_owned),
                        })
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    });
    let reset_all = move |_| calc.state.update(|s| s.overrides.clear());
    view! {
        <details class="advanced" id="advanced">
            <summary>"高级：查看和修改计算用的参数"</summary>
            <p>"下面是计算用到的每一个参数、它的来源和可信程度。文件里没有写明的数值来自公开资料或估计，可能和当地实际不同，您可以改成当地的数值。改过的参数会在结果上注明。"</p>
            <Show
                when=move || rows.with(|r| !r.is_empty())
                fallback=|| view! { <p>"先把上面的内容填完整，这里会列出计算用的参数。"</p> }
            >
                <button type="button" class="secondary" on:click=reset_all>"全部恢复默认值"</button>
                <ul class="params plain">
                    // Keyed by everything a row shows, so a row whose default or source changes with
                    // the date or region is redrawn, and an unchanged row keeps its focus.
                    <For each=move || rows.get() key=|row| (row.id, row.default_shown.clone(), row.source.clone()) let:row>
                        <ParamRow row/>
                    </For>
                </ul>
            </Show>
        </details>
    }
}

#[component]
fn ParamRow(row: Row) -> impl IntoView {
    let calc = use_calc();
    let id = row.id;
    let input_id = format!("param-{}", id.replace('.', "-"));
    let error_id = format!("{input_id}-error");
    let default_shown = row.default_shown.clone();
    let value =
        move || calc.state.with(|s| s.override_for(id).map(str::to_owned)).unwrap_or_else(|| default_shown.clone());
    let error = move || calc.outcome.with(|o| o.param_errors.iter().find(|(k, _)| k == id).map(|(_, m)| m.clone()));
    let edited = move || calc.state.with(|s| s.override_for(id).is_some());
    let default_for_input = row.default_shown.clone();
    view! {
        <li class="param" class:edited=edited data-param=id data-mark-scope="">
            <label for=input_id.clone()>{row.label.clone()}</label>
            <div class="param-input">
                <input
                    id=input_id
                    inputmode="decimal"
                    autocomplete="off"
                    aria-describedby=error_id.clone()
                    prop:value=value
                    on:input=move |ev| {
                        let typed = event_target_value(&ev);
                        calc.state.update(|s| {
                            if typed.trim() == default_for_input { s.clear_override(id) } else { s.set_override(id, typed) }
                        })
                    }
                />
                <span class="unit">{unit_text(row.unit)}</span>
                <Show when=edited>
                    <button type="button" class="secondary small" on:click=move |_| calc.state.update(|s| s.clear_override(id))>
                        "恢复"
                    </button>
                </Show>
            </div>
            <p class="field-error" id=error_id role="alert" hidden=move || error().is_none()>{move || error().unwrap_or_default()}</p>
            <p class="param-source">
                "来源："
                {match row.href.clone() {
                    Some(href) => view! { <a href=href>{row.source.clone()}</a> }.into_any(),
                    None => view! { <span>{row.source.clone()}</span> }.into_any(),
                }}
                {row.confidence.note().map(|n| view! { <span class="confidence" data-confidence=row.confidence.id()>{format!("（{}）", n)}</span> })}
            </p>
            {row.note.clone().map(|n| view! { <p class="param-note">{n}</p> })}
            {row.interpretation.map(|i| view! { <crate::widgets::cite::Reading interpretation=i class="param-reading"/> })}
            <p class="param-default">"默认值："{row.default_shown.clone()}" "{unit_text(row.unit)}</p>
        </li>
    }
}
