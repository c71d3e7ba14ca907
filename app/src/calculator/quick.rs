//! The quick form: every input on one screen, for cadres who know the case. The result below
//! it updates as they type.

use leptos::prelude::*;

use crate::widgets::glossary::{Term, TermId};
use policy::{Category, DiseaseId, HospitalId, HospitalLevel, Region};

use super::use_calc;
use engine::Field;

/// A text or number field bound to one field of the state, with its error message beside it.
#[component]
pub fn TextField(
    key: Field,
    label: &'static str,
    #[prop(optional)] hint: &'static str,
    /// The glossary entry that explains the field's word.
    #[prop(optional)]
    term: Option<TermId>,
    #[prop(default = "text")] input_type: &'static str,
    #[prop(default = "decimal")] inputmode: &'static str,
) -> impl IntoView {
    let calc = use_calc();
    let id = format!("f-{}", key.name());
    let error_id = format!("err-{}", key.name());
    let error = move || calc.outcome.with(|o| o.error_for(key.name()));
    view! {
        <div class="field" class:has-error=move || error().is_some()>
            <label for=id.clone()>{label}</label>
            {(!hint.is_empty()).then(|| view! { <p class="hint">{hint}</p> })}
            {term.map(|t| view! { <p class="hint"><Term id=t>{format!("什么是“{}”？", t.word())}</Term></p> })}
            <p class="field-error" id=error_id.clone() role="alert" hidden=move || error().is_none()>
                {move || error().unwrap_or_default()}
            </p>
            <input
                id=id
                name=key.name()
                type=input_type
                inputmode=inputmode
                autocomplete="off"
                aria-describedby=error_id
                aria-invalid=move || error().is_some().to_string()
                prop:value=move || calc.state.with(|s| s.get(key).to_owned())
                on:input=move |ev| calc.state.update(|s| s.set(key, event_target_value(&ev)))
            />
        </div>
    }
}

/// A drop-down bound to one key: (value, label) options. With a `default`, an empty value
/// shows that option (the engine takes the same default) and there is no "请选择".
#[component]
pub fn Choice(
    key: Field,
    label: &'static str,
    options: Vec<(&'static str, String)>,
    #[prop(optional)] default: Option<&'static str>,
    #[prop(optional)] hint: &'static str,
) -> impl IntoView {
    let calc = use_calc();
    let id = format!("f-{}", key.name());
    let error_id = format!("err-{}", key.name());
    let error = move || calc.outcome.with(|o| o.error_for(key.name()));
    view! {
        <div class="field" class:has-error=move || error().is_some()>
            <label for=id.clone()>{label}</label>
            {(!hint.is_empty()).then(|| view! { <p class="hint">{hint}</p> })}
            <p class="field-error" id=error_id.clone() role="alert" hidden=move || error().is_none()>
                {move || error().unwrap_or_default()}
            </p>
            <select
                id=id
                name=key.name()
                aria-describedby=error_id
                prop:value=move || {
                    calc.state.with(|s| match (s.get(key), default) {
                        ("", Some(d)) => d.to_owned(),
                        (v, _) => v.to_owned(),
                    })
                }
                on:change=move |ev| calc.state.update(|s| s.set(key, event_target_value(&ev)))
            >
                {default.is_none().then(|| view! { <option value="">"请选择"</option> })}
                {options
                    .into_iter()
                    .map(|(value, text)| view! { <option value=value>{text}</option> })
                    .collect_view()}
            </select>
        </div>
    }
}

/// A yes/no checkbox bound to one key ("true"/"false").
#[component]
pub fn Flag(key: Field, label: &'static str) -> impl IntoView {
    let calc = use_calc();
    let id = format!("f-{}", key.name());
    view! {
        <div class="field check">
            <input
                id=id.clone()
                type="checkbox"
                name=key.name()
                prop:checked=move || calc.state.with(|s| s.get(key) == "true")
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    calc.state.update(|s| s.set(key, if on { "true" } else { "false" }))
                }
            />
            <label for=id>{label}</label>
        </div>
    }
}

pub fn registered_options() -> Vec<(&'static str, String)> {
    vec![
        ("", "按身份（建档立卡贫困人口为“是”，其他为“不是”）".to_owned()),
        ("true", "是，建档立卡贫困户".to_owned()),
        ("false", "不是".to_owned()),
    ]
}

pub fn category_options() -> Vec<(&'static str, String)> {
    Category::ALL.iter().map(|c| (c.id(), c.name().to_owned())).collect()
}

pub fn disease_options() -> Vec<(&'static str, String)> {
    DiseaseId::ALL.iter().map(|d| (d.id(), d.name().to_owned())).collect()
}

pub fn hospital_options() -> Vec<(&'static str, String)> {
    let named = HospitalId::ALL.iter().map(|h| (h.id(), h.name().to_owned()));
    let levels = HospitalLevel::ALL.iter().map(|l| (l.id(), format!("其他{}", l.name())));
    named.chain(levels).collect()
}

/// Every input on one screen.
#[component]
pub fn QuickForm() -> impl IntoView {
    let calc = use_calc();
    let by_level = move || calc.state.with(|s| HospitalLevel::from_id(s.get(Field::Hospital)).is_some());
    let regions = Region::ALL
        .iter()
        .map(|r| {
            let text = match r {
                Region::Junshan => "君山区（区级政策 + 省级政策）".to_owned(),
                Region::Hunan => "湖南省其他县市区（只算省级政策）".to_owned(),
            };
            (r.id(), text)
        })
        .collect();
    view! {
        <form class="quick-form" aria-label="一页填完" on:submit=|ev| ev.prevent_default()>
            <fieldset>
                <legend>"病人"</legend>
                <Choice key=Field::Category label="身份" options=category_options()/>
                <Choice
                    key=Field::Registered
                    label="是不是建档立卡贫困户"
                    options=registered_options()
                    default=""
                    hint="低保、特困人员也可能同时是建档立卡贫困户。这一项不改变报销金额，决定登记在哪个救治台账。"
                />
                <Choice key=Field::Disease label="疾病" options=disease_options()/>
                <TextField key=Field::Age label="年龄（周岁）" inputmode="numeric"/>
            </fieldset>
            <fieldset>
                <legend>"医院"</legend>
                <Choice key=Field::Region label="参保地" options=regions default=policy::Region::Junshan.id()/>
                <Choice key=Field::Hospital label="住院的医院" options=hospital_options()/>
                <Show when=by_level>
                    <Flag key=Field::InCounty label="这家医院在本县（区）内"/>
                    <Flag key=Field::Designated label="这家医院是这个病的定点救治医院"/>
                </Show>
                <Flag key=Field::Referred label="办了转诊手续"/>
                <TextField key=Field::Date label="出院日期" input_type="date" inputmode="numeric"/>
            </fieldset>
            <fieldset>
                <legend>"费用（元）"</legend>
                <TextField key=Field::TotalCost label="住院总费用" hint="出院结算单上的“总费用”"/>
                <TextField key=Field::InPolicyCost label="政策范围内费用" hint="医保可以报销的部分，结算单上常写作“政策范围内”或“合规费用”" term=TermId::Zhengcefanwei/>
                <TextField key=Field::TehuiRatio label="扶贫特惠保报销比例（0 到 1，不知道就空着）" hint="例如 0.3 表示报销剩下部分的三成"/>
                <TextField key=Field::BasicPaidThisYear label="今年基本医保已经报过（元）" hint="今年第一次住院就空着"/>
                <TextField key=Field::CriticalPaidThisYear label="今年大病保险已经报过（元）" hint="今年第一次报销就空着"/>
            </fieldset>
        </form>
    }
}
