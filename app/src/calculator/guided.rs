//! The guided calculator: one question per screen, then every answer on one screen to check,
//! then the result (GOV.UK's "question pages" and "check answers" patterns).
//!
//! An answer is chosen, then "继续" moves on, on every step alike, so a mis-tap is never
//! taken as an answer. Every question can be answered "不知道"; the estimate then takes a
//! safe assumption and the result names it. The step lives in the state (and so in the URL
//! fragment), which is what makes the browser's back button go back a step.

use leptos::prelude::*;
use policy::{Category, DiseaseGroup, DiseaseId, HospitalId, HospitalLevel, Policy, Region};
use wasm_bindgen::JsCast;

use super::compute::assumed_mark;
use super::state::CalcState;
use super::{use_calc, Calc, ResultView};
use crate::format::money::yuan;
use engine::Field;

/// One screen of the flow. The number is the `s=` of the fragment.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Step {
    Category,
    Disease,
    Age,
    Hospital,
    Referred,
    Costs,
    Check,
    Result,
    /// Only reached from the check screen: the date is otherwise today's.
    Date,
}

impl Step {
    /// The questions, in the order they are asked.
    pub const QUESTIONS: [Step; 6] =
        [Step::Category, Step::Disease, Step::Age, Step::Hospital, Step::Referred, Step::Costs];

    pub const fn number(self) -> u8 {
        match self {
            Step::Category => 1,
            Step::Disease => 2,
            Step::Age => 3,
            Step::Hospital => 4,
            Step::Referred => 5,
            Step::Costs => 6,
            Step::Check => 7,
            Step::Result => 8,
            Step::Date => 9,
        }
    }

    /// The step of a fragment's number; a new visit (no number) starts at the first question.
    pub fn from_number(n: u8) -> Step {
        match n {
            2 => Step::Disease,
            3 => Step::Age,
            4 => Step::Hospital,
            5 => Step::Referred,
            6 => Step::Costs,
            7 => Step::Check,
            8 => Step::Result,
            9 => Step::Date,
            _ => Step::Category,
        }
    }

    /// Where "继续" leads in the ordinary run through the flow.
    pub const fn next(self) -> Step {
        match self {
            Step::Category => Step::Disease,
            Step::Disease => Step::Age,
            Step::Age => Step::Hospital,
            Step::Hospital => Step::Referred,
            Step::Referred => Step::Costs,
            Step::Costs | Step::Date => Step::Check,
            Step::Check | Step::Result => Step::Result,
        }
    }

    /// Where the back link leads; the first question has none.
    pub const fn previous(self) -> Option<Step> {
        match self {
            Step::Category => None,
            Step::Disease => Some(Step::Category),
            Step::Age => Some(Step::Disease),
            Step::Hospital => Some(Step::Age),
            Step::Referred => Some(Step::Hospital),
            Step::Costs => Some(Step::Referred),
            Step::Check => Some(Step::Costs),
            Step::Result | Step::Date => Some(Step::Check),
        }
    }

    /// Where "继续" leads: an answer changed from the check screen goes straight back there.
    pub const fn after_answer(self, changing: bool) -> Step {
        if changing {
            Step::Check
        } else {
            self.next()
        }
    }

    /// Where the back link leads: from an answer being changed, back to the check screen.
    pub const fn back(self, changing: bool) -> Option<Step> {
        match self {
            Step::Check | Step::Result | Step::Date => self.previous(),
            _ if changing => Some(Step::Check),
            _ => self.previous(),
        }
    }

    /// "第 n 步，共 6 步" for the questions.
    pub fn position(self) -> Option<usize> {
        Step::QUESTIONS.iter().position(|s| *s == self).map(|i| i + 1)
    }

    /// The step that asks for an engine field. The quick form's extra fields (the 扶贫特惠保
    /// ratio, what was paid earlier this year) are on the costs step's screen too.
    pub const fn asking(field: Field) -> Step {
        match field {
            Field::Category | Field::Registered => Step::Category,
            Field::Disease => Step::Disease,
            Field::Age => Step::Age,
            Field::Region | Field::Hospital | Field::InCounty | Field::Designated => Step::Hospital,
            Field::Referred => Step::Referred,
            Field::Date => Step::Date,
            Field::TotalCost
            | Field::InPolicyCost
            | Field::TehuiRatio
            | Field::BasicPaidThisYear
            | Field::CriticalPaidThisYear
            | Field::CriticalBaseThisYear
            | Field::Stays
            | Field::Members
            | Field::TehuiPremium => Step::Costs,
        }
    }
}

/// Why a step cannot go on yet, beside the field at fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    pub key: Field,
    pub message: String,
}

fn problem(key: Field, message: impl Into<String>) -> Problem {
    Problem { key, message: message.into() }
}

/// Whether a field has an answer: a value, or "不知道".
fn answered(s: &CalcState, key: Field) -> bool {
    s.is_unknown(key) || !s.get(key).trim().is_empty()
}

/// What must be put right before "继续" can leave `step`.
pub fn problems(step: Step, s: &CalcState) -> Vec<Problem> {
    let mut out = Vec::new();
    let must_choose =
        |key: Field, what: &str| (!answered(s, key)).then(|| problem(key, format!("请选择{what}；不清楚就选“不知道”")));
    match step {
        Step::Category => out.extend(must_choose(Field::Category, "病人是哪一类人")),
        Step::Disease => out.extend(must_choose(Field::Disease, "病人得的是什么病")),
        Step::Age => {
            if !s.is_unknown(Field::Age) {
                if s.get(Field::Age).trim().is_empty() {
                    out.push(problem(Field::Age, "请填写病人的年龄（周岁）；不清楚就选“不知道”"));
                } else if let Err(e) = engine::parse_age(s.get(Field::Age)) {
                    out.push(problem(Field::Age, e.to_string()));
                }
            }
        }
        Step::Hospital => {
            out.extend(must_choose(Field::Hospital, "在哪家医院住院"));
            if !s.is_unknown(Field::Hospital) && HospitalLevel::from_id(s.get(Field::Hospital)).is_some() {
                out.extend(must_choose(Field::InCounty, "这家医院在不在本县（区）内"));
                out.extend(must_choose(Field::Designated, "这家医院是不是这个病的定点救治医院"));
            }
        }
        Step::Referred => out.extend(must_choose(Field::Referred, "有没有办转诊")),
        Step::Costs => {
            let amount = |key: Field, field: engine::Field, missing: &str| {
                if s.is_unknown(key) {
                    return Ok(None);
                }
                let text = s.get(key).trim();
                if text.is_empty() {
                    return Err(problem(key, format!("请填写{missing}；不清楚就选“不知道”")));
                }
                engine::parse_amount(field, text).map(Some).map_err(|e| problem(key, e.to_string()))
            };
            let total = amount(Field::TotalCost, engine::Field::TotalCost, "住院总费用");
            let in_policy = amount(Field::InPolicyCost, engine::Field::InPolicyCost, "政策范围内费用");
            let assumed_total = || Some(policy::assumptions().total_cost.value);
            if let (Ok(total), Ok(Some(in_policy))) = (&total, &in_policy) {
                match total.or_else(assumed_total) {
                    Some(t) if *in_policy > t && total.is_some() => {
                        out.push(problem(Field::InPolicyCost, "政策范围内费用不能超过住院总费用"))
                    }
                    Some(t) if *in_policy > t => out.push(problem(
                        Field::InPolicyCost,
                        format!(
                            "总费用按平均{}元估算，政策范围内费用不能比它多；请填上总费用",
                            engine::format_yuan(t).trim_end_matches(".00")
                        ),
                    )),
                    _ => {}
                }
            }
            out.extend(total.err());
            out.extend(in_policy.err());
            out.sort_by_key(|p| Field::CASE.iter().position(|f| *f == p.key));
        }
        Step::Date => {
            let text = s.get(Field::Date).trim();
            if !text.is_empty() {
                if let Err(e) = engine::parse_date(text) {
                    out.push(problem(Field::Date, e.to_string()));
                }
            }
        }
        Step::Check | Step::Result => {}
    }
    out
}

/// One line of the check screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    pub label: &'static str,
    pub value: String,
    /// Nothing given yet.
    pub missing: bool,
    pub step: Step,
}

const UNKNOWN: &str = "不知道（按假设估算，结果里会写明）";

fn yes_no(s: &CalcState, key: Field, yes: &str, no: &str, unknown: &str) -> String {
    if s.is_unknown(key) {
        return unknown.to_owned();
    }
    match s.get(key) {
        "true" => yes.to_owned(),
        "false" => no.to_owned(),
        _ => String::new(),
    }
}

fn money_text(text: &str) -> String {
    match engine::parse_amount(engine::Field::TotalCost, text) {
        Ok(amount) => yuan(amount),
        Err(_) => text.to_owned(),
    }
}

/// The answers as the check screen lists them; `today` is YYYY-MM-DD.
pub fn summary(s: &CalcState, today: &str) -> Vec<Row> {
    let row = |label, key: Field, step, known: &dyn Fn(&str) -> String| {
        let value = s.get(key).trim();
        let (value, missing) = if s.is_unknown(key) {
            (UNKNOWN.to_owned(), false)
        } else if value.is_empty() {
            ("还没有填".to_owned(), true)
        } else {
            (known(value), false)
        };
        Row { label, value, missing, step }
    };
    let name_of = |v: &str, name: Option<&str>| name.map_or_else(|| v.to_owned(), str::to_owned);
    let mut rows = vec![
        row("病人是哪一类人", Field::Category, Step::Category, &|v| {
            name_of(v, Category::from_id(v).map(Category::name))
        }),
        row("什么病", Field::Disease, Step::Disease, &|v| name_of(v, DiseaseId::from_id(v).map(DiseaseId::name))),
        row("年龄", Field::Age, Step::Age, &|v| format!("{v} 岁")),
        row("住院的医院", Field::Hospital, Step::Hospital, &|v| {
            if let Some(h) = HospitalId::from_id(v) {
                return h.name().to_owned();
            }
            let Some(level) = HospitalLevel::from_id(v) else { return v.to_owned() };
            let place = yes_no(s, Field::InCounty, "在本县（区）内", "在县（区）外", "不知道在不在本县（区）内");
            let designated =
                yes_no(s, Field::Designated, "是定点救治医院", "不是定点救治医院", "不知道是不是定点救治医院");
            [format!("其他{}", level.name()), place, designated]
                .into_iter()
                .filter(|p| !p.is_empty())
                .collect::<Vec<_>>()
                .join("，")
        }),
        {
            // Left empty (the quick form's box unticked), the estimate counts it as not referred:
            // the printed sheet must say so rather than "还没有填" beside the 15-point warning.
            let mut referred = row("有没有办转诊", Field::Referred, Step::Referred, &|v| {
                match v {
                    "true" => "办了转诊",
                    "false" => "没有办转诊",
                    other => other,
                }
                .to_owned()
            });
            if referred.missing {
                referred.value = "没有办（按未转诊计算）".to_owned();
            }
            referred
        },
        row("住院总费用", Field::TotalCost, Step::Costs, &money_text),
        row("政策范围内费用", Field::InPolicyCost, Step::Costs, &money_text),
    ];
    // 建档立卡 is asked of 低保, 特困 and 贫困残疾人; left unanswered, the estimate takes "不是".
    if Category::from_id(s.get(Field::Category)).is_some_and(Category::asks_registered) {
        let mut registered = row("是不是建档立卡贫困户", Field::Registered, Step::Category, &|v| {
            if v == "true" { "是" } else { "不是" }.to_owned()
        });
        if registered.missing {
            registered.value = "不是（没有选）".to_owned();
            registered.missing = false;
        }
        rows.insert(1, registered);
    }
    let date = s.get(Field::Date).trim();
    rows.push(Row {
        label: "出院日期",
        value: if s.is_unknown(Field::Date) {
            format!("不知道（按今天 {today} 计算）")
        } else if date.is_empty() {
            format!("今天（{today}）")
        } else {
            date.to_owned()
        },
        missing: false,
        step: Step::Date,
    });
    rows
}

/// The designated treatment hospital for a disease among the hospitals the documents name, for
/// the case's region (an empty region is Junshan, as in the engine).
pub fn designated_for(policy: &Policy, s: &CalcState, disease: DiseaseId) -> Option<HospitalId> {
    let region = Region::from_id(s.get(Field::Region)).unwrap_or(Region::Junshan);
    policy.treating_hospital(region, disease).map(|h| h.id)
}

/// The named hospitals to offer, the designated one for the disease first.
pub fn named_hospitals(policy: &Policy, s: &CalcState) -> Vec<(HospitalId, bool)> {
    let region = Region::from_id(s.get(Field::Region)).unwrap_or(Region::Junshan);
    let recommended = DiseaseId::from_id(s.get(Field::Disease)).and_then(|d| designated_for(policy, s, d));
    let mut out: Vec<(HospitalId, bool)> =
        policy.hospitals().iter().filter(|h| h.region == region).map(|h| (h.id, Some(h.id) == recommended)).collect();
    out.sort_by_key(|(_, first)| !first);
    out
}

fn category_help(c: Category) -> &'static str {
    match c {
        Category::Dibao => {
            "享受农村最低生活保障（吃低保）的人。既是低保、又是建档立卡的，选这一项，再在下面选“是建档立卡贫困户”。"
        }
        Category::Tekun => "特困供养人员（过去叫“五保户”）：没有劳动能力、没有生活来源、没有人赡养。",
        Category::RegisteredPoor => "扶贫部门登记在册的建档立卡贫困户家里的人，但不是低保、特困。",
        Category::DisabledPoor => "经民政部门核实的贫困残疾人，但不是低保、特困。",
        Category::Ordinary => "普通居民，不享受健康扶贫政策。选这一项，可以看看普通人要付多少。",
    }
}

fn category_label(c: Category) -> &'static str {
    match c {
        Category::Ordinary => "都不是",
        other => other.name(),
    }
}

fn level_help(level: HospitalLevel) -> &'static str {
    match level {
        HospitalLevel::Township => "乡、镇上的卫生院",
        HospitalLevel::County => "县（区）里的人民医院、中医院等",
        HospitalLevel::City => "市里的医院",
        HospitalLevel::Province => "长沙等地的省级大医院",
    }
}

/// The flow's own signals, shared by its screens.
#[derive(Clone, Copy)]
struct Flow {
    calc: Calc,
    step: Memo<Step>,
    /// "继续" was pressed on this step: its problems are shown from now on.
    attempted: RwSignal<bool>,
    /// The visitor came from the check screen to change an answer.
    changing: RwSignal<bool>,
    problems: Memo<Vec<Problem>>,
}

impl Flow {
    fn go(self, to: Step) {
        self.attempted.set(false);
        self.calc.state.update(|s| s.step = to.number());
    }

    fn go_back(self) {
        let here = self.step.get_untracked();
        if here == Step::Check {
            self.changing.set(false);
        }
        if let Some(to) = here.back(self.changing.get_untracked()) {
            self.go(to);
        }
    }

    fn change(self, to: Step) {
        self.changing.set(true);
        self.go(to);
    }

    fn carry_on(self) {
        let here = self.step.get_untracked();
        let found = self.calc.state.with_untracked(|s| problems(here, s));
        match found.first() {
            None => self.go(here.after_answer(self.changing.get_untracked())),
            Some(first) => {
                self.attempted.set(true);
                let target = if is_text(first.key) { input_id(first.key) } else { error_id(first.key) };
                // The message is drawn on the next render; focus it after that.
                request_animation_frame(move || focus_by_id(&target));
            }
        }
    }

    fn message(self, key: Field) -> Option<String> {
        self.problems.with(|p| p.iter().find(|p| p.key == key).map(|p| p.message.clone()))
    }
}

fn is_text(key: Field) -> bool {
    matches!(key, Field::Age | Field::TotalCost | Field::InPolicyCost | Field::Date)
}

fn input_id(key: Field) -> String {
    format!("g-{}", key.name())
}

fn error_id(key: Field) -> String {
    format!("gerr-{}", key.name())
}

const HEADING_ID: &str = "guided-heading";

/// Moves focus to an element; a heading is made focusable by script only, so that it is not a
/// stop when tabbing.
fn focus_by_id(id: &str) {
    let Some(el) = document().get_element_by_id(id) else { return };
    if !el.has_attribute("tabindex") {
        let _ = el.set_attribute("tabindex", "-1");
    }
    if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

/// The guided calculator.
#[component]
pub fn GuidedFlow() -> impl IntoView {
    let calc = use_calc();
    let step = Memo::new(move |_| calc.state.with(|s| Step::from_number(s.step)));
    let attempted = RwSignal::new(false);
    let changing = RwSignal::new(false);
    let shown =
        Memo::new(move |_| if attempted.get() { calc.state.with(|s| problems(step.get(), s)) } else { Vec::new() });
    let flow = Flow { calc, step, attempted, changing, problems: shown };

    // A new step puts keyboard and screen-reader users on its question. Not on the first
    // drawing of the page, which starts at the top like any page.
    Effect::new(move |last: Option<(bool, Step)>| {
        let now = step.get();
        let ready = calc.ready.get();
        if let Some((was_ready, before)) = last {
            if was_ready && before != now {
                // Arriving by the back button keeps no stale "继续 was pressed".
                attempted.set(false);
                let id = if now == Step::Result { "result-title" } else { HEADING_ID };
                request_animation_frame(move || focus_by_id(id));
            }
        }
        (ready, now)
    });

    move || match step.get() {
        Step::Category => category_step(flow).into_any(),
        Step::Disease => disease_step(flow).into_any(),
        Step::Age => age_step(flow).into_any(),
        Step::Hospital => hospital_step(flow).into_any(),
        Step::Referred => referred_step(flow).into_any(),
        Step::Costs => costs_step(flow).into_any(),
        Step::Date => date_step(flow).into_any(),
        Step::Check => check_step(flow).into_any(),
        Step::Result => result_step(flow).into_any(),
    }
}

fn back_link(flow: Flow, text: &'static str) -> impl IntoView {
    view! {
        <button type="button" class="back-link" on:click=move |_| flow.go_back()>
            <span aria-hidden="true">"‹ "</span>{text}
        </button>
    }
}

/// A question screen: the question as the fieldset's legend and the page's heading, the
/// answers, and "继续".
fn question(flow: Flow, step: Step, title: &'static str, body: impl IntoView + 'static) -> impl IntoView {
    let count = step.position().map(|n| format!("第 {n} 步，共 {} 步", Step::QUESTIONS.len()));
    view! {
        <div class="guided">
            {step.previous().map(|_| back_link(flow, "返回上一步"))}
            <form class="guided-step" novalidate on:submit=move |ev| {
                ev.prevent_default();
                flow.carry_on();
            }>
                {count.map(|c| view! { <p class="step-count">{c}</p> })}
                <fieldset class="question">
                    <legend><h2 id=HEADING_ID tabindex="-1">{title}</h2></legend>
                    {body}
                </fieldset>
                <button type="submit" class="continue">"继续"</button>
            </form>
        </div>
    }
}

/// A large answer button; pressed when it is the chosen answer.
fn answer(
    label: String,
    help: String,
    badge: Option<&'static str>,
    chosen: impl Fn() -> bool + Copy + Send + Sync + 'static,
    choose: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="answer"
            class:chosen=chosen
            class:recommended=badge.is_some()
            aria-pressed=move || chosen().to_string()
            on:click=move |_| choose()
        >
            {badge.map(|b| view! { <span class="answer-badge">{b}</span> })}
            <span class="answer-label">{label}</span>
            {(!help.is_empty()).then(|| view! { <span class="answer-help">{help}</span> })}
        </button>
    }
}

/// An answer that sets `key` to `value`.
fn pick(
    flow: Flow,
    key: Field,
    value: &'static str,
    label: impl Into<String>,
    help: impl Into<String>,
) -> impl IntoView {
    let state = flow.calc.state;
    answer(
        label.into(),
        help.into(),
        None,
        move || state.with(|s| s.get(key) == value && !s.is_unknown(key)),
        move || state.update(|s| s.set(key, value)),
    )
}

/// The "不知道" answer for `key`; pressing it again takes it back.
fn dont_know(flow: Flow, key: Field, help: impl Into<String>) -> impl IntoView {
    let state = flow.calc.state;
    answer(
        "不知道".into(),
        help.into(),
        None,
        move || state.with(|s| s.is_unknown(key)),
        move || state.update(|s| if s.is_unknown(key) { s.set(key, "") } else { s.set_unknown(key) }),
    )
}

/// The message for `key`, hidden until "继续" finds something wrong.
fn error_line(flow: Flow, key: Field) -> impl IntoView {
    let message = move || flow.message(key);
    view! {
        <p class="field-error" id=error_id(key) tabindex="-1" hidden=move || message().is_none()>
            {move || message().unwrap_or_default()}
        </p>
    }
}

fn answers(items: impl IntoView + 'static) -> impl IntoView {
    view! { <div class="answers">{items}</div> }
}

fn category_step(flow: Flow) -> impl IntoView {
    let items = Category::ALL
        .iter()
        .map(|c| pick(flow, Field::Category, c.id(), category_label(*c), category_help(*c)))
        .collect_view();
    question(
        flow,
        Step::Category,
        "病人是哪一类人？",
        view! {
            <p class="hint">"同时属于几类的，选最上面的一类。"</p>
            {error_line(flow, Field::Category)}
            {answers(view! {
                {items}
                {dont_know(flow, Field::Category, "按建档立卡贫困人口估算，结果里会写明。")}
            })}
            <Show when=move || {
                flow.calc.state.with(|s| {
                    Category::from_id(s.get(Field::Category)).is_some_and(Category::asks_registered)
                })
            }>
                <div class="answer-group registered" role="group" aria-labelledby="registered-question">
                    <h3 id="registered-question">"同时也是建档立卡贫困户吗？"</h3>
                    <p class="hint">"不改变报销金额，只决定登记在哪个救治台账。不选就按“不是”。"</p>
                    {answers(view! {
                        {pick(flow, Field::Registered, "true", "是建档立卡贫困户", "在“湖南省健康扶贫动态管理系统”里登记")}
                        {pick(flow, Field::Registered, "false", "不是", "按方案附件1登记")}
                    })}
                </div>
            </Show>
        },
    )
}

fn disease_step(flow: Flow) -> impl IntoView {
    let policy = Policy::builtin();
    let groups = DiseaseGroup::ALL
        .iter()
        .filter(|g| **g != DiseaseGroup::Other)
        .map(|group| {
            let items = policy
                .diseases()
                .iter()
                .filter(|d| d.group == *group)
                .map(|d| pick(flow, Field::Disease, d.id.id(), d.name.clone(), d.description.clone()))
                .collect_view();
            view! {
                <div class="answer-group" role="group" aria-label=group.name()>
                    <h3>{group.name()}</h3>
                    {items}
                </div>
            }
        })
        .collect_view();
    let other = policy.disease(DiseaseId::Other);
    question(
        flow,
        Step::Disease,
        "病人得的是什么病？",
        view! {
            <p class="hint">"君山区对下面九种大病集中救治，报销更多。"</p>
            {error_line(flow, Field::Disease)}
            {answers(view! {
                {groups}
                <div class="answer-group">
                    <h3>"不是这九种"</h3>
                    {pick(flow, Field::Disease, DiseaseId::Other.id(), other.name.clone(), other.description.clone())}
                    {dont_know(flow, Field::Disease, "按九种大病以外的其他疾病估算，结果里会写明。")}
                </div>
            })}
        },
    )
}

/// A text box bound to `key`, with its "不知道" beside it.
fn text_field(
    flow: Flow,
    key: Field,
    label: &'static str,
    hint: String,
    inputmode: &'static str,
    unknown_help: impl Into<String>,
) -> impl IntoView {
    let state = flow.calc.state;
    let has_error = move || flow.message(key).is_some();
    view! {
        <div class="field" class:has-error=has_error>
            <label for=input_id(key)>{label}</label>
            {(!hint.is_empty()).then(|| view! { <p class="hint" id=format!("hint-{}", key.name())>{hint}</p> })}
            {error_line(flow, key)}
            <input
                id=input_id(key)
                name=key.name()
                type="text"
                inputmode=inputmode
                autocomplete="off"
                aria-describedby=format!("{} hint-{}", error_id(key), key.name())
                aria-invalid=move || has_error().to_string()
                prop:value=move || state.with(|s| s.get(key).to_owned())
                on:input=move |ev| state.update(|s| s.set(key, event_target_value(&ev)))
            />
            <div class="answers single">{dont_know(flow, key, unknown_help)}</div>
        </div>
    }
}

fn age_step(flow: Flow) -> impl IntoView {
    let child = move || {
        flow.calc.state.with(|s| {
            let policy = Policy::builtin();
            DiseaseId::from_id(s.get(Field::Disease)).is_some_and(|d| policy.disease(d).max_age.is_some())
        })
    };
    question(
        flow,
        Step::Age,
        "病人多大年龄？",
        view! {
            <Show when=child>
                <p class="notice">"文件只写“儿童白血病”“儿童先天性心脏病”，没有写到几岁。本站按0到14岁计算（本站的理解 I4），满15岁的按其他疾病估算；请向岳阳市一人民医院或区卫生计生局问清楚。"</p>
            </Show>
            {text_field(
                flow,
                Field::Age,
                "年龄（周岁）",
                "填整数，例如 56".into(),
                "numeric",
                "儿童的病按14岁估算（本站按0到14岁算儿童，本站的理解 I4）；其他病的报销与年龄无关。",
            )}
        },
    )
}

fn hospital_step(flow: Flow) -> impl IntoView {
    let policy = Policy::builtin();
    let state = flow.calc.state;
    let by_level = move || {
        state.with(|s| !s.is_unknown(Field::Hospital) && HospitalLevel::from_id(s.get(Field::Hospital)).is_some())
    };
    let named = {
        let policy = policy.clone();
        move || {
            state
                .with(|s| named_hospitals(&policy, s))
                .into_iter()
                .map(|(id, recommended)| {
                    let h = policy.hospital(id);
                    // 先诊疗后付费 is for designated hospitals inside the county (Hunan 二(三)3,
                    // Junshan 四(三)); outside it the documents do not say.
                    let help = if recommended && h.in_district {
                        format!("{}。在定点救治医院住院才有医院减免，还可以先看病、后付费。依据：{}", h.role, h.source)
                    } else if recommended {
                        format!(
                            "{}。在定点救治医院住院才有医院减免。在区外住院要不要先交押金，文件没有写，请先问医院。依据：{}",
                            h.role, h.source
                        )
                    } else {
                        h.role.clone()
                    };
                    answer(
                        h.name.clone(),
                        help,
                        recommended.then_some("推荐：这是这个病的定点救治医院"),
                        move || state.with(|s| s.get(Field::Hospital) == id.id() && !s.is_unknown(Field::Hospital)),
                        move || {
                            state.update(|s| {
                                s.set(Field::Hospital, id.id());
                                // A named hospital's place and designation are known.
                                s.set(Field::InCounty, "");
                                s.set(Field::Designated, "");
                            })
                        },
                    )
                })
                .collect_view()
        }
    };
    let levels = HospitalLevel::ALL
        .iter()
        .map(|level| {
            let level = *level;
            answer(
                format!("其他{}", level.name()),
                level_help(level).into(),
                None,
                move || state.with(|s| s.get(Field::Hospital) == level.id() && !s.is_unknown(Field::Hospital)),
                move || state.update(|s| s.set(Field::Hospital, level.id())),
            )
        })
        .collect_view();
    let unknown = answer(
        "不知道".into(),
        "按本县的县级医院、但不是定点医院估算，结果里会写明。".into(),
        None,
        move || state.with(|s| s.is_unknown(Field::Hospital)),
        move || {
            state.update(|s| {
                if s.is_unknown(Field::Hospital) {
                    s.set(Field::Hospital, "");
                } else {
                    s.set_unknown(Field::Hospital);
                    s.set(Field::InCounty, "");
                    s.set(Field::Designated, "");
                }
            })
        },
    );
    question(
        flow,
        Step::Hospital,
        "在哪家医院住院？",
        view! {
            {error_line(flow, Field::Hospital)}
            {answers(view! {
                {named}
                <div class="answer-group" role="group" aria-label="其他医院">
                    <h3>"其他医院（按医院的级别选）"</h3>
                    {levels}
                </div>
                {unknown}
            })}
            <Show when=by_level>
                <fieldset class="sub-question">
                    <legend><h3>"这家医院在本县（区）内吗？"</h3></legend>
                    {error_line(flow, Field::InCounty)}
                    {answers(view! {
                        {pick(flow, Field::InCounty, "true", "在本县（区）内", "")}
                        {pick(flow, Field::InCounty, "false", "在县（区）外", "到县外住院，基本医保报销得少一些。")}
                        {dont_know(flow, Field::InCounty, "乡镇卫生院、县级医院按本县，市级、省级医院按县外估算。")}
                    })}
                </fieldset>
                <fieldset class="sub-question">
                    <legend><h3>"这家医院是这个病的定点救治医院吗？"</h3></legend>
                    {error_line(flow, Field::Designated)}
                    {answers(view! {
                        {pick(flow, Field::Designated, "true", "是定点救治医院", "卫生部门指定救治这个病的医院。")}
                        {pick(flow, Field::Designated, "false", "不是", "")}
                        {dont_know(flow, Field::Designated, "按不是定点医院估算（没有医院减免）。")}
                    })}
                </fieldset>
            </Show>
        },
    )
}

fn referred_step(flow: Flow) -> impl IntoView {
    question(
        flow,
        Step::Referred,
        "住院前有没有办转诊？",
        view! {
            <p class="hint">
                "转诊：本县（区）的医院治不了，由医院开转诊手续，转到县外的上级医院。"
                "到县外住院没有办转诊的，基本医保的报销比例会降低。"
            </p>
            {error_line(flow, Field::Referred)}
            {answers(view! {
                {pick(flow, Field::Referred, "true", "办了转诊", "有医院开的转诊单。")}
                {pick(flow, Field::Referred, "false", "没有办转诊", "自己去的，或者就在本县（区）住院。")}
                {dont_know(flow, Field::Referred, "按没有办转诊估算，结果里会写明。")}
            })}
        },
    )
}

fn costs_step(flow: Flow) -> impl IntoView {
    question(
        flow,
        Step::Costs,
        "住院花了多少钱？",
        view! {
            <p class="hint">"看医院的出院结算单。只填数字，单位是元。"</p>
            {text_field(
                flow,
                Field::TotalCost,
                "住院总费用（元）",
                "结算单上的“总费用”或“医疗费总额”。".into(),
                "decimal",
                format!("按{}估算（{}）。", policy::assumptions().total_cost.text, assumed_mark(&policy::assumptions().total_cost)),
            )}
            {text_field(
                flow,
                Field::InPolicyCost,
                "政策范围内费用（元）",
                "医保可以报销的部分，结算单上常写作“政策范围内”或“合规费用”。".into(),
                "decimal",
                format!("按{}估算（{}），结果里会写明。", policy::assumptions().in_policy_share.text, assumed_mark(&policy::assumptions().in_policy_share)),
            )}
        },
    )
}

fn date_step(flow: Flow) -> impl IntoView {
    question(
        flow,
        Step::Date,
        "哪天出院？",
        view! {
            <p class="hint">"不填就按今天计算。政策按出院那天执行的规定算。"</p>
            {text_field(flow, Field::Date, "出院日期（年-月-日）", "例如 2018-03-01".into(), "numeric", "按今天计算，结果里会写明。")}
        },
    )
}

fn check_step(flow: Flow) -> impl IntoView {
    let calc = flow.calc;
    let rows = move || {
        let today = calc.today.get();
        calc.state
            .with(|s| summary(s, &today))
            .into_iter()
            .map(|row| {
                let to = row.step;
                view! {
                    <div class="check-row" class:missing=row.missing>
                        <dt>{row.label}</dt>
                        <dd class="check-value">{row.value}</dd>
                        <dd class="check-change">
                            <button type="button" class="link" on:click=move |_| flow.change(to)>
                                "修改"<span class="visually-hidden">{row.label}</span>
                            </button>
                        </dd>
                    </div>
                }
            })
            .collect_view()
    };
    // Shown only once "看结果" was pressed: the first thing that stops the estimate.
    let blocking = move || {
        if !flow.attempted.get() {
            return None;
        }
        calc.outcome.with(|o| match &o.estimate {
            Ok(_) => None,
            Err(e) => Some((
                if e.message.is_empty() { "请把内容填完整。".to_owned() } else { e.message.clone() },
                Field::from_name(e.field).map_or(Step::Costs, Step::asking),
            )),
        })
    };
    let see_result = move |_| {
        let fine = calc.outcome.with_untracked(|o| o.estimate.is_ok());
        if fine {
            flow.go(Step::Result);
        } else {
            flow.attempted.set(true);
            request_animation_frame(|| focus_by_id("gerr-check"));
        }
    };
    view! {
        <div class="guided">
            {back_link(flow, "返回上一步")}
            <h2 id=HEADING_ID tabindex="-1">"请核对填写的内容"</h2>
            <p>"不对的地方，点“修改”改过来。"</p>
            {move || blocking().map(|(message, to)| view! {
                <div class="field-error check-error" id="gerr-check" tabindex="-1">
                    <p>"还不能计算："{message}</p>
                    <button type="button" class="link" on:click=move |_| flow.change(to)>"去修改"</button>
                </div>
            })}
            <dl class="check-answers">{rows}</dl>
            <button type="button" class="continue" on:click=see_result>"看结果"</button>
        </div>
    }
}

fn result_step(flow: Flow) -> impl IntoView {
    view! {
        <div class="guided guided-result">
            {back_link(flow, "修改填写的内容")}
            <ResultView/>
            {back_link(flow, "修改填写的内容")}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(fragment: &str) -> CalcState {
        CalcState::from_fragment(fragment).0
    }

    #[test]
    fn the_steps_run_in_order_and_back() {
        let mut step = Step::Category;
        let mut seen = vec![step];
        while step != Step::Result {
            step = step.next();
            seen.push(step);
        }
        assert_eq!(
            seen,
            [
                Step::Category,
                Step::Disease,
                Step::Age,
                Step::Hospital,
                Step::Referred,
                Step::Costs,
                Step::Check,
                Step::Result
            ]
        );
        for pair in seen.windows(2) {
            assert_eq!(pair[1].previous(), Some(pair[0]));
        }
        assert_eq!(Step::Category.previous(), None);
        assert_eq!(Step::Date.next(), Step::Check);
        assert_eq!(Step::Date.previous(), Some(Step::Check));
    }

    #[test]
    fn step_numbers_round_trip_and_fit_the_fragment() {
        for step in [
            Step::Category,
            Step::Disease,
            Step::Age,
            Step::Hospital,
            Step::Referred,
            Step::Costs,
            Step::Check,
            Step::Result,
            Step::Date,
        ] {
            assert_eq!(Step::from_number(step.number()), step);
            assert!(step.number() <= crate::calculator::state::MAX_STEP);
        }
        assert_eq!(Step::from_number(0), Step::Category, "a new visit starts at the first question");
        assert_eq!(Step::from_number(15), Step::Category);
    }

    #[test]
    fn a_changed_answer_returns_to_the_check_screen() {
        assert_eq!(Step::Age.after_answer(true), Step::Check);
        assert_eq!(Step::Age.after_answer(false), Step::Hospital);
        assert_eq!(Step::Age.back(true), Some(Step::Check));
        assert_eq!(Step::Age.back(false), Some(Step::Disease));
        assert_eq!(Step::Check.back(true), Some(Step::Costs));
        assert_eq!(Step::Result.back(false), Some(Step::Check));
    }

    #[test]
    fn each_field_is_asked_on_the_step_that_checks_it() {
        // A children's disease, so that the age is asked; nothing else answered.
        let mut empty = CalcState::default();
        empty.set(Field::Disease, "child_all");
        for field in [Field::Category, Field::Age, Field::Hospital, Field::Referred, Field::TotalCost] {
            let step = Step::asking(field);
            assert!(
                problems(step, &empty).iter().any(|p| p.key == field),
                "{field:?} is asked on {step:?}, which does not check it"
            );
        }
        let mut no_disease = CalcState::default();
        no_disease.set(Field::Category, "dibao");
        assert!(problems(Step::asking(Field::Disease), &no_disease).iter().any(|p| p.key == Field::Disease));
    }

    #[test]
    fn a_step_needs_an_answer_or_dont_know() {
        let empty = CalcState::default();
        for step in Step::QUESTIONS {
            assert!(!problems(step, &empty).is_empty(), "{step:?} went on unanswered");
        }
        let mut s = CalcState::default();
        for key in [
            Field::Category,
            Field::Disease,
            Field::Age,
            Field::Hospital,
            Field::Referred,
            Field::TotalCost,
            Field::InPolicyCost,
        ] {
            s.set_unknown(key);
        }
        for step in Step::QUESTIONS {
            assert_eq!(problems(step, &s), [], "{step:?}");
        }
        assert_eq!(problems(Step::Date, &empty), [], "the date may stay empty: today");
    }

    #[test]
    fn a_bad_answer_is_named() {
        let s = state("a=abc");
        let found = problems(Step::Age, &s);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].key, Field::Age);
        assert_eq!(found[0].message, "年龄要填 0 到 150 之间的整数（周岁）");

        let found = problems(Step::Costs, &state("t=50000&p=60000"));
        assert_eq!(found, [problem(Field::InPolicyCost, "政策范围内费用不能超过住院总费用")]);
        let mut s = state("p=20000");
        s.set_unknown(Field::TotalCost);
        assert!(problems(Step::Costs, &s)[0].message.contains("18,200"));
        assert_eq!(problems(Step::Costs, &state("t=abc&p=1"))[0].key, Field::TotalCost);
        assert_eq!(problems(Step::Date, &state("dt=2018-02-30"))[0].key, Field::Date);
    }

    #[test]
    fn a_hospital_by_level_needs_its_place_and_designation() {
        let keys = |f: &str| problems(Step::Hospital, &state(f)).into_iter().map(|p| p.key).collect::<Vec<_>>();
        assert_eq!(keys("h=junshan_people"), []);
        assert_eq!(keys("h=county"), [Field::InCounty, Field::Designated]);
        assert_eq!(keys("h=county&ic=true&u=dg"), []);
    }

    #[test]
    fn the_designated_hospital_is_offered_first() {
        let policy = Policy::builtin();
        let first = |f: &str| named_hospitals(&policy, &state(f)).first().copied();
        assert_eq!(first("d=gastric_cancer"), Some((HospitalId::JunshanPeople, true)));
        assert_eq!(first("d=esrd"), Some((HospitalId::JunshanPeople, true)));
        assert_eq!(first("d=child_vsd"), Some((HospitalId::YueyangFirstPeople, true)));
        assert_eq!(named_hospitals(&policy, &state("d=child_all")).len(), 2);
        assert!(named_hospitals(&policy, &state("d=other")).iter().all(|(_, r)| !r));
        assert!(
            named_hospitals(&policy, &state("r=hunan&d=gastric_cancer")).is_empty(),
            "Junshan's hospitals only in Junshan"
        );
    }

    #[test]
    fn the_check_screen_lists_every_answer() {
        let s = state("c=dibao&d=gastric_cancer&a=56&h=junshan_people&rf=false&t=50000&p=45000");
        let rows = summary(&s, "2026-11-22");
        let values: Vec<&str> = rows.iter().map(|r| r.value.as_str()).collect();
        assert_eq!(
            values,
            [
                "农村低保对象",
                "不是（没有选）",
                "胃癌",
                "56 岁",
                "君山区人民医院",
                "没有办转诊",
                "¥50,000.00",
                "¥45,000.00",
                "今天（2026-11-22）"
            ]
        );
        assert!(rows.iter().all(|r| !r.missing));

        let mut s = state("h=city&ic=false");
        s.set_unknown(Field::Designated);
        s.set_unknown(Field::InPolicyCost);
        let rows = summary(&s, "2026-11-22");
        assert_eq!(rows[3].value, "其他市级医院，在县（区）外，不知道是不是定点救治医院");
        assert!(rows[0].missing);
        assert_eq!(rows[6].value, UNKNOWN);
        // An unanswered referral is said as the estimate counts it.
        assert!(rows[4].missing);
        assert_eq!(rows[4].value, "没有办（按未转诊计算）");
    }
}
