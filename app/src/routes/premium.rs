//! The premium-subsidy calculator (两补贴, Hunan 三(二); Junshan 三): how many members of each
//! category a family has → what it pays in a year for resident insurance and 扶贫特惠保, and what
//! the government pays.
//!
//! Every figure comes from [`engine::premium_subsidies`]; this module only reads what was typed,
//! keeps it in the URL fragment (`#y=2020&r=junshan&tekun=1&dibao=2&tehui=100`) so a copied link
//! reproduces the result, and shows the engine's lines with their rules and clauses.

use crate::widgets::glossary::{Term, TermId};
use engine::{premium_subsidies, ContributionLine, Family, Field, Premiums, TehuiPremium};
use leptos::prelude::*;

use crate::format::fragment::{decode, encode};
use crate::format::money::yuan;
use crate::widgets::cite::{CitationLink, ConfidenceMark};
use policy::{Category, Citation, Confidence, Date, Document, ParamId, Policy, Region};
use rust_decimal::Decimal;

/// The years of the policy period; each has its own contribution standard.
pub const YEARS: [u16; 4] = [2017, 2018, 2019, 2020];

/// The latest year of the policy period: the figures a family most likely needs.
pub const DEFAULT_YEAR: u16 = 2020;

/// The most members of one category the form takes: two digits fit the field, and no household
/// is larger.
pub const MAX_MEMBERS: u32 = 99;

/// The categories in the order the form asks for them: the fully subsidised first, ordinary
/// residents last.
pub const FORM_ORDER: [Category; 5] =
    [Category::Tekun, Category::Dibao, Category::RegisteredPoor, Category::DisabledPoor, Category::Ordinary];

/// The province's plan for 2017 to 2020 (Hunan 一), dated 30 June 2017.
const HUNAN_YI: Citation = Citation::new(Document::Hunan, "一", "工作目标");

/// The first year of the policy period: the plan came out in the middle of it.
const FIRST_YEAR: u16 = 2017;

/// The note for [`FIRST_YEAR`]: the document does not say whether that year's contribution,
/// usually collected the year before, was subsidised (docs/calculation.md, premium subsidies).
pub const FIRST_YEAR_NOTE: &str = "省里的文件是2017年6月30日印发的。2017年的个人缴费一般在上一年就已经收了，文件没有写这一年交的钱有没有补贴。本站按有补贴计算，请以当地医保部门的说法为准。";

/// No value of this page needs more characters; a longer one in a link was altered.
const MAX_VALUE_LEN: usize = 20;

/// A short name of a category, for labels and messages.
pub const fn short_name(category: Category) -> &'static str {
    match category {
        Category::Tekun => "特困人员",
        Category::Dibao => "农村低保对象",
        Category::RegisteredPoor => "建档立卡贫困人口",
        Category::DisabledPoor => "贫困残疾人",
        Category::Ordinary => "普通居民（非贫困）",
    }
}

fn slot(category: Category) -> usize {
    category as usize
}

/// What the visitor entered, as typed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PremiumState {
    pub year: u16,
    pub region: Region,
    /// Members of each category as typed, in [`Category::ALL`] order; empty means none.
    members: [String; 5],
    /// The family's 扶贫特惠保 premium per year as typed; empty means not known.
    pub tehui: String,
}

impl Default for PremiumState {
    fn default() -> PremiumState {
        PremiumState { year: DEFAULT_YEAR, region: Region::Junshan, members: Default::default(), tehui: String::new() }
    }
}

impl PremiumState {
    pub fn members(&self, category: Category) -> &str {
        self.members.get(slot(category)).map_or("", String::as_str)
    }

    pub fn set_members(&mut self, category: Category, text: impl Into<String>) {
        if let Some(m) = self.members.get_mut(slot(category)) {
            *m = text.into();
        }
    }

    /// One more or one fewer member, from 0 to [`MAX_MEMBERS`]. A count that cannot be read
    /// starts again from nothing, so the buttons always get the field back to a number.
    pub fn step(&mut self, category: Category, up: bool) {
        let next = match parse_members(self.members(category)) {
            Ok(n) if up => (n + 1).min(MAX_MEMBERS),
            Ok(n) => n.saturating_sub(1),
            Err(_) => u32::from(up),
        };
        self.set_members(category, next.to_string());
    }

    /// The fragment (without `#`) that reproduces this state.
    pub fn to_fragment(&self) -> String {
        let mut parts = vec![format!("y={}", self.year), format!("r={}", self.region.id())];
        for category in FORM_ORDER {
            let text = self.members(category);
            if !text.is_empty() {
                parts.push(format!("{}={}", category.id(), encode(text)));
            }
        }
        if !self.tehui.is_empty() {
            parts.push(format!("tehui={}", encode(&self.tehui)));
        }
        parts.join("&")
    }

    /// Reads a fragment (with or without `#`). What cannot be read keeps its default, and the
    /// second value says the link was damaged. Counts and the premium are kept as written, so
    /// their own fields say what is wrong with them.
    pub fn from_fragment(fragment: &str) -> (PremiumState, bool) {
        let mut state = PremiumState::default();
        let mut damaged = false;
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        for part in fragment.split('&').filter(|p| !p.is_empty()) {
            let Some((name, value)) = part.split_once('=').and_then(|(n, raw)| Some((n, decode(raw)?))) else {
                damaged = true;
                continue;
            };
            if value.chars().count() > MAX_VALUE_LEN {
                damaged = true;
                continue;
            }
            match name {
                "y" => match value.parse::<u16>() {
                    Ok(year) if YEARS.contains(&year) => state.year = year,
                    _ => damaged = true,
                },
                "r" => match Region::from_id(&value) {
                    Some(region) => state.region = region,
                    None => damaged = true,
                },
                "tehui" => state.tehui = value,
                _ => match Category::from_id(name) {
                    Some(category) => state.set_members(category, value),
                    None => damaged = true,
                },
            }
        }
        (state, damaged)
    }
}

/// Reads a count of members: a whole number from 0 to [`MAX_MEMBERS`]; empty is 0. Full-width
/// digits count too, as a Chinese keyboard types them.
pub fn parse_members(text: &str) -> Result<u32, String> {
    let text: String = text
        .trim()
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(u32::from(c) - u32::from('０') + u32::from('0')).unwrap_or(c),
            '－' => '-',
            c => c,
        })
        .collect();
    if text.is_empty() {
        return Ok(0);
    }
    let digits = text.strip_prefix('-').unwrap_or(&text);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err("人数要填整数，例如 2".to_owned());
    }
    if text.starts_with('-') {
        return Err("人数不能是负数".to_owned());
    }
    match digits.parse::<u32>() {
        Ok(n) if n <= MAX_MEMBERS => Ok(n),
        _ => Err(format!("每一类最多填 {MAX_MEMBERS} 人")),
    }
}

/// The note on the contribution standard: its value is not in the documents, so the page says
/// where it comes from and how sure it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContributionNote {
    /// How sure the year's value is (the data file may rate each year apart).
    pub confidence: Confidence,
    pub source: String,
}

/// Everything the page shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Outcome {
    /// The message beside each member field, in [`Category::ALL`] order.
    pub member_errors: [Option<String>; 5],
    pub tehui_error: Option<String>,
    /// The figures, or why there are none yet.
    pub premiums: Result<Premiums, String>,
    pub contribution_note: Option<ContributionNote>,
    /// The note on the subsidy rate for the poor ("50%以上": the floor is used).
    pub subsidy_note: Option<String>,
    /// Some field could not be read and was left out of the figures.
    pub partial: bool,
}

impl Outcome {
    pub fn member_error(&self, category: Category) -> Option<String> {
        self.member_errors.get(slot(category)).cloned().flatten()
    }
}

/// The day whose parameters stand for `year`: its last, when every layer is in force and the
/// year's contribution standard applies.
fn year_date(year: u16) -> Option<Date> {
    Date::new(year, 12, 31)
}

/// From what was typed to the engine's figures. A field that cannot be read gets its message
/// and is left out, so the rest still gives a result.
pub fn compute(policy: &Policy, state: &PremiumState) -> Outcome {
    let mut family = Family::default();
    let mut member_errors: [Option<String>; 5] = Default::default();
    for &category in Category::ALL {
        match parse_members(state.members(category)) {
            Ok(n) => family.set(category, n),
            Err(message) => {
                if let Some(e) = member_errors.get_mut(slot(category)) {
                    *e = Some(format!("{}{}", short_name(category), message));
                }
            }
        }
    }
    let tehui_text = state.tehui.trim();
    let (tehui, tehui_error) = if tehui_text.is_empty() {
        (None, None)
    } else {
        match engine::parse_amount(Field::TehuiPremium, tehui_text) {
            Ok(v) => (Some(v), None),
            Err(e) => (None, Some(e.to_string())),
        }
    };
    let partial = tehui_error.is_some() || member_errors.iter().any(Option::is_some);
    let mut outcome = Outcome {
        member_errors,
        tehui_error,
        premiums: Err(String::new()),
        contribution_note: None,
        subsidy_note: None,
        partial,
    };
    let params = match year_date(state.year).map(|d| policy.parameters(state.region, d)) {
        Some(Ok(p)) => p,
        Some(Err(e)) => {
            outcome.premiums = Err(e.to_string());
            return outcome;
        }
        None => {
            outcome.premiums = Err("年份不对，请在上面重新选择年份。".to_owned());
            return outcome;
        }
    };
    outcome.contribution_note = params
        .entry(ParamId::PremiumContribution)
        .map(|e| ContributionNote { confidence: e.confidence, source: e.source.to_string() });
    outcome.subsidy_note = params.entry(ParamId::PremiumSubsidyPoor).and_then(|e| e.note.map(str::to_owned));
    outcome.premiums = if family.total() == 0 {
        Err("请在上面填上家里每一类各有几个人。".to_owned())
    } else {
        premium_subsidies(&params, &family, tehui).map_err(|e| e.to_string())
    };
    // The lines follow the form, so each sits where its count was typed.
    if let Ok(p) = &mut outcome.premiums {
        p.lines.sort_by_key(|l| FORM_ORDER.iter().position(|c| *c == l.category));
    }
    outcome
}

fn current_fragment() -> String {
    window().location().hash().unwrap_or_default()
}

/// The premium-subsidy page.
#[component]
pub fn PremiumPage() -> impl IntoView {
    let policy = Policy::builtin();
    let state = RwSignal::new(PremiumState::default());
    let damaged = RwSignal::new(false);
    let ready = RwSignal::new(false);
    let outcome = Memo::new(move |_| state.with(|s| compute(&policy, s)));

    let read_fragment = move || {
        let (s, bad) = PremiumState::from_fragment(&current_fragment());
        state.set(s);
        damaged.set(bad);
    };
    // Browser-only: the fragment is read once the page runs in the browser.
    Effect::new(move |_| {
        read_fragment();
        ready.set(true);
    });
    // A link pasted into the address bar changes only the fragment.
    let hashchange = window_event_listener(leptos::ev::hashchange, move |_| read_fragment());
    on_cleanup(move || hashchange.remove());
    Effect::new(move |_| {
        let fragment = state.with(PremiumState::to_fragment);
        if ready.get() && current_fragment().trim_start_matches('#') != fragment {
            if let Ok(history) = window().history() {
                let url = format!("#{fragment}");
                let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
            }
        }
    });

    view! {
        <h1>"参保费用补贴计算（两补贴）"</h1>
        <p class="lead">
            "贫困人口参加城乡居民医保，个人要交的钱由财政补贴一半以上，"<Term id=TermId::Tekun/>"全部补贴；"
            "参加“"<Term id=TermId::Tehuibao/>"”，政府最多补贴九成保费。填上家里每一类人各有几个，看看一年家里要交多少、政府补多少。"
        </p>
        <Show when=move || damaged.get()>
            <p class="notice warning" role="alert" id="damaged-link">
                "这个链接不完整或被改动过，读不懂的部分已经换成默认值。请检查下面填写的内容。"
            </p>
        </Show>
        <form class="premium-form" aria-label="家里的情况" on:submit=|ev| ev.prevent_default()>
            <YearChoice state/>
            <RegionChoice state/>
            <fieldset>
                <legend>"家里每一类各有几个人"</legend>
                <p class="hint">"每个人只算一类：既是低保又是建档立卡的，算在低保里；没有的就空着或填 0。"</p>
                {FORM_ORDER.into_iter().map(|category| view! { <MemberField category state outcome/> }).collect_view()}
            </fieldset>
            <TehuiField state outcome/>
        </form>
        <PremiumResult state outcome ready/>
    }
}

/// The year: its contribution standard differs.
#[component]
fn YearChoice(state: RwSignal<PremiumState>) -> impl IntoView {
    let buttons = YEARS
        .into_iter()
        .map(|year| {
            let on = move || state.with(|s| s.year == year);
            view! {
                <button
                    type="button"
                    class="choice"
                    class:current=on
                    aria-pressed=move || on().to_string()
                    on:click=move |_| state.update(|s| s.year = year)
                >{format!("{year}年")}</button>
            }
        })
        .collect_view();
    view! {
        <fieldset class="choices">
            <legend>"哪一年"</legend>
            <p class="hint">"每年的个人缴费标准不一样。"</p>
            <div class="choice-row years" role="group" aria-label="年份">{buttons}</div>
        </fieldset>
    }
}

/// Junshan or elsewhere in Hunan: the same subsidy, cited from both documents in Junshan.
#[component]
fn RegionChoice(state: RwSignal<PremiumState>) -> impl IntoView {
    let buttons = [(Region::Junshan, "君山区"), (Region::Hunan, "湖南省其他县市区")]
        .into_iter()
        .map(|(region, text)| {
            let on = move || state.with(|s| s.region == region);
            view! {
                <button
                    type="button"
                    class="choice"
                    class:current=on
                    aria-pressed=move || on().to_string()
                    on:click=move |_| state.update(|s| s.region = region)
                >{text}</button>
            }
        })
        .collect_view();
    view! {
        <fieldset class="choices">
            <legend>"在哪里参保"</legend>
            <div class="choice-row" role="group" aria-label="参保地">{buttons}</div>
        </fieldset>
    }
}

/// One category's count, with − and + buttons large enough for a thumb.
#[component]
fn MemberField(category: Category, state: RwSignal<PremiumState>, outcome: Memo<Outcome>) -> impl IntoView {
    let name = short_name(category);
    let id = format!("m-{}", category.id());
    let error_id = format!("err-m-{}", category.id());
    let error = move || outcome.with(|o| o.member_error(category));
    view! {
        <div class="field members" class:has-error=move || error().is_some() data-category=category.id()>
            <label for=id.clone()>{name}</label>
            <p class="field-error" id=error_id.clone() role="alert" hidden=move || error().is_none()>
                {move || error().unwrap_or_default()}
            </p>
            <div class="stepper">
                <button
                    type="button"
                    class="step"
                    aria-label=format!("{name}减少一人")
                    on:click=move |_| state.update(|s| s.step(category, false))
                >"−"</button>
                <input
                    id=id
                    name=category.id()
                    type="text"
                    inputmode="numeric"
                    autocomplete="off"
                    placeholder="0"
                    aria-describedby=error_id
                    aria-invalid=move || error().is_some().to_string()
                    prop:value=move || state.with(|s| s.members(category).to_owned())
                    on:input=move |ev| state.update(|s| s.set_members(category, event_target_value(&ev)))
                />
                <span class="unit">"人"</span>
                <button
                    type="button"
                    class="step"
                    aria-label=format!("{name}增加一人")
                    on:click=move |_| state.update(|s| s.step(category, true))
                >"+"</button>
            </div>
        </div>
    }
}

/// The 扶贫特惠保 premium: each county buys its own product, so only the family knows it.
#[component]
fn TehuiField(state: RwSignal<PremiumState>, outcome: Memo<Outcome>) -> impl IntoView {
    let error = move || outcome.with(|o| o.tehui_error.clone());
    view! {
        <fieldset>
            <legend>"扶贫特惠保（可以不填）"</legend>
            <div class="field" class:has-error=move || error().is_some()>
                <label for="f-tehui">"家里一年的扶贫特惠保保费（元）"</label>
                <p class="hint">
                    "扶贫特惠保的保险条款和保费，政策文件里没有写。"
                    "请看保单或问村干部；不知道就空着。"
                </p>
                <p class="field-error" id="err-tehui" role="alert" hidden=move || error().is_none()>
                    {move || error().unwrap_or_default()}
                </p>
                <input
                    id="f-tehui"
                    name="tehui"
                    type="text"
                    inputmode="decimal"
                    autocomplete="off"
                    aria-describedby="err-tehui"
                    aria-invalid=move || error().is_some().to_string()
                    prop:value=move || state.with(|s| s.tehui.clone())
                    on:input=move |ev| state.update(|s| s.tehui = event_target_value(&ev))
                />
            </div>
        </fieldset>
    }
}

/// One category's line: the engine's figures, its rule and its clauses.
#[component]
fn CategoryLine(line: ContributionLine, region: Region, confidence: Confidence) -> impl IntoView {
    let poor = line.category.is_poor();
    let (rule_head, rule_rest) = split_after_contribution(&line.rule);
    view! {
        <li class="premium-line" data-category=line.category.id() data-mark-scope="">
            <h3 class="line-head">{short_name(line.category)}" "{line.members}" 人"</h3>
            <dl class="figures">
                <div><dt>"每人个人缴费"</dt><dd>{yuan(line.contribution)}<ConfidenceMark confidence/></dd></div>
                <div><dt>"财政补贴"</dt><dd>{engine::format_percent(line.subsidy_rate)}</dd></div>
                <div><dt>"政府付"</dt><dd class="gov" data-figure="government">{yuan(line.government_total)}</dd></div>
                <div><dt>"家里交"</dt><dd class="fam" data-figure="family">{yuan(line.family_total)}</dd></div>
            </dl>
            <p class="rule">{rule_head}<ConfidenceMark confidence/>{rule_rest}</p>
            {line.citation.map(|citation| view! {
                <p class="cite">"依据："<CitationLink citation/>
                    {(poor && region == Region::Junshan).then(|| view! { "；"<CitationLink citation=engine::clauses::JUNSHAN_PAYMENT/> })}
                </p>
            })}
        </li>
    }
}

#[component]
fn TehuiLine(tehui: TehuiPremium, region: Region) -> impl IntoView {
    view! {
        <li class="premium-line tehui" data-category="tehui">
            <h3 class="line-head">"扶贫特惠保"</h3>
            <dl class="figures">
                <div><dt>"全家保费"</dt><dd>{yuan(tehui.premium)}</dd></div>
                <div><dt>"政府补贴"</dt><dd>{engine::format_percent(tehui.subsidy_rate)}</dd></div>
                <div><dt>"政府付"</dt><dd class="gov" data-figure="government">{yuan(tehui.government_pays)}</dd></div>
                <div><dt>"家里交"</dt><dd class="fam" data-figure="family">{yuan(tehui.family_pays)}</dd></div>
            </dl>
            <p class="rule">{tehui.rule.clone()}</p>
            <p class="cite">"依据："<CitationLink citation=tehui.citation/>
                {(region == Region::Junshan).then(|| view! { "；"<CitationLink citation=engine::clauses::JUNSHAN_PAYMENT/> })}
            </p>
        </li>
    }
}

/// The rule split right after the contribution it starts with ("…个人缴费 180.00 元"), where the
/// figure's confidence mark goes; the whole rule first if it does not start so.
fn split_after_contribution(rule: &str) -> (String, String) {
    match rule.find(" 元") {
        Some(i) => {
            let (head, rest) = rule.split_at(i + " 元".len());
            (head.to_owned(), rest.to_owned())
        }
        None => (rule.to_owned(), String::new()),
    }
}

/// Writes how a total is made of the lines: `¥250.00（农村低保对象）+ ¥0.00（特困人员）= ¥250.00`.
fn sum_sentence(premiums: &Premiums, pick: impl Fn(Decimal, Decimal) -> Decimal, total: Decimal) -> String {
    let mut parts: Vec<String> = premiums
        .lines
        .iter()
        .map(|l| format!("{}（{}）", yuan(pick(l.government_total, l.family_total)), short_name(l.category)))
        .collect();
    if let Some(t) = &premiums.tehui {
        parts.push(format!("{}（扶贫特惠保）", yuan(pick(t.government_pays, t.family_pays))));
    }
    format!("{} = {}", parts.join(" + "), yuan(total))
}

#[component]
fn PremiumResult(state: RwSignal<PremiumState>, outcome: Memo<Outcome>, ready: RwSignal<bool>) -> impl IntoView {
    move || {
        if !ready.get() {
            return view! { <p class="loading">"正在准备计算……"</p> }.into_any();
        }
        let region = state.with(|s| s.region);
        let o = outcome.get();
        let premiums = match o.premiums {
            Ok(p) => p,
            Err(message) => {
                return view! {
                    <section class="result pending" id="premium-result" aria-live="polite">
                        <p><strong>"还不能计算："</strong>{message}</p>
                    </section>
                }
                .into_any();
            }
        };
        let family_sum = sum_sentence(&premiums, |_, f| f, premiums.family_pays);
        let government_sum = sum_sentence(&premiums, |g, _| g, premiums.government_pays);
        let note = o.contribution_note.clone();
        let confidence = note.as_ref().map_or(Confidence::A, |n| n.confidence);
        let year = premiums.year;
        let lines =
            premiums.lines.iter().cloned().map(|line| view! { <CategoryLine line region confidence/> }).collect_view();
        let tehui = premiums.tehui.clone().map(|tehui| view! { <TehuiLine tehui region/> });
        let tehui_missing = premiums.tehui.is_none() && o.tehui_error.is_none();
        view! {
            <section class="result premium-result" id="premium-result" aria-labelledby="premium-result-title" aria-live="polite">
                <h2 id="premium-result-title">{format!("{year}年的参保费用")}</h2>
                {o.partial.then(|| view! {
                    <p class="notice warning" id="partial">"上面有填得不对的地方，那一项先不算。改好以后结果会自动更新。"</p>
                })}
                <div class="premium-totals">
                    <div class="total-family">
                        <p class="total-label">"家里一年要交"</p>
                        <p class="total-amount" id="family-pays">{yuan(premiums.family_pays)}</p>
                    </div>
                    <div class="total-government">
                        <p class="total-label">"政府一年补贴"</p>
                        <p class="total-amount" id="government-pays">{yuan(premiums.government_pays)}</p>
                    </div>
                </div>
                <p class="sum" id="family-sum">"家里交的："{family_sum}</p>
                <p class="sum" id="government-sum">"政府付的："{government_sum}</p>
                <p class="contribution-note" id="contribution-note">
                    {format!("{year}年城乡居民医保个人缴费标准按每人 {} 计算", yuan(premiums.contribution))}
                    {note.map(|n| view! {
                        <ConfidenceMark confidence=n.confidence/>
                        {format!("。来源：{}。以当地医保部门通知为准。", n.source)}
                    })}
                </p>
                {(year == FIRST_YEAR).then(|| view! {
                    <p class="note" id="first-year-note">
                        "说明："{FIRST_YEAR_NOTE}" 依据："<CitationLink citation=HUNAN_YI/>
                    </p>
                })}
                <h3>"一类一类怎么算"</h3>
                <ul class="premium-lines plain">{lines}{tehui}</ul>
                {tehui_missing.then(|| view! {
                    <p class="note">"没有填扶贫特惠保保费，所以上面没有算这一项。填上以后，政府最多补贴 90%，其余由家里交。"</p>
                })}
                {o.subsidy_note.map(|n| view! { <p class="note" id="subsidy-note">"说明：贫困人口的个人缴费补贴，"{n}"。"</p> })}
            </section>
        }
        .into_any()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> PremiumState {
        let mut s = PremiumState::default();
        s.set_members(Category::Tekun, "1");
        s.set_members(Category::Dibao, "2");
        s.tehui = "100".to_owned();
        s
    }

    #[test]
    fn the_fragment_is_short_and_readable() {
        assert_eq!(example().to_fragment(), "y=2020&r=junshan&tekun=1&dibao=2&tehui=100");
        assert_eq!(PremiumState::default().to_fragment(), "y=2020&r=junshan");
    }

    #[test]
    fn a_state_survives_the_round_trip() {
        let mut s = example();
        s.year = 2018;
        s.region = Region::Hunan;
        s.set_members(Category::Ordinary, "两 人&x=1");
        s.set_members(Category::DisabledPoor, "3");
        s.set_members(Category::RegisteredPoor, "0");
        let fragment = s.to_fragment();
        assert!(!fragment.contains(' '));
        assert_eq!(PremiumState::from_fragment(&format!("#{fragment}")), (s, false));
    }

    #[test]
    fn an_empty_fragment_is_the_default_and_not_damage() {
        assert_eq!(PremiumState::from_fragment(""), (PremiumState::default(), false));
        assert_eq!(PremiumState::from_fragment("#"), (PremiumState::default(), false));
    }

    #[test]
    fn an_altered_fragment_is_reported_and_keeps_what_it_can() {
        for bad in [
            "y=1999&dibao=2",
            "y=abc&dibao=2",
            "r=beijing&dibao=2",
            "king=1&dibao=2",
            "dibao=2&garbage",
            "dibao=2&tehui=%E4%ZZ",
            "dibao=2&tekun=123456789012345678901",
        ] {
            let (state, damaged) = PremiumState::from_fragment(bad);
            assert!(damaged, "{bad} was not reported");
            assert_eq!(state.members(Category::Dibao), "2", "{bad} lost the good field");
            assert_eq!(state.year, DEFAULT_YEAR, "{bad}");
            assert_eq!(state.region, Region::Junshan, "{bad}");
        }
    }

    #[test]
    fn a_bad_count_in_a_link_is_kept_for_its_field_to_explain() {
        let (state, damaged) = PremiumState::from_fragment("tekun=abc");
        assert!(!damaged);
        assert_eq!(state.members(Category::Tekun), "abc");
        let o = compute(&Policy::builtin(), &state);
        assert_eq!(o.member_error(Category::Tekun).as_deref(), Some("特困人员人数要填整数，例如 2"));
    }

    #[test]
    fn counts_are_whole_numbers_up_to_99() {
        let cases: [(&str, Result<u32, &str>); 11] = [
            ("", Ok(0)),
            (" 3 ", Ok(3)),
            ("0", Ok(0)),
            ("99", Ok(99)),
            ("２", Ok(2)),
            ("100", Err("每一类最多填 99 人")),
            ("99999999999999999999", Err("每一类最多填 99 人")),
            ("-1", Err("人数不能是负数")),
            ("1.5", Err("人数要填整数，例如 2")),
            ("abc", Err("人数要填整数，例如 2")),
            ("-", Err("人数要填整数，例如 2")),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_members(text), expected.map_err(str::to_owned), "{text:?}");
        }
    }

    #[test]
    fn the_buttons_step_within_the_limits() {
        let mut s = PremiumState::default();
        s.step(Category::Dibao, false);
        assert_eq!(s.members(Category::Dibao), "0");
        s.step(Category::Dibao, true);
        s.step(Category::Dibao, true);
        assert_eq!(s.members(Category::Dibao), "2");
        s.set_members(Category::Dibao, "99");
        s.step(Category::Dibao, true);
        assert_eq!(s.members(Category::Dibao), "99");
        s.set_members(Category::Dibao, "abc");
        s.step(Category::Dibao, true);
        assert_eq!(s.members(Category::Dibao), "1");
    }

    fn figures(o: &Outcome) -> (String, String) {
        match &o.premiums {
            Ok(p) => (p.family_pays.to_string(), p.government_pays.to_string()),
            Err(e) => panic!("no result: {e}"),
        }
    }

    #[test]
    fn one_tekun_and_two_dibao_in_2020() {
        // 2020 contribution 250 (docs/parameters.md, M). 特困 100%: government 250, family 0.
        // 低保 50%: 125 each, so 2 × 125 = 250 for the family and 250 for the government.
        // Family 0 + 250 = 250; government 250 + 250 = 500.
        let mut s = example();
        s.tehui.clear();
        let o = compute(&Policy::builtin(), &s);
        assert_eq!(figures(&o), ("250.00".to_owned(), "500.00".to_owned()));
        assert!(!o.partial);
        let note = o.contribution_note.as_ref().map(|n| n.confidence);
        assert_eq!(note, Some(Confidence::M));
    }

    #[test]
    fn the_tehui_premium_adds_its_line() {
        // 扶贫特惠保 100: government 90% = 90, family 10. Family 250 + 10 = 260; government 500 + 90 = 590.
        let o = compute(&Policy::builtin(), &example());
        assert_eq!(figures(&o), ("260.00".to_owned(), "590.00".to_owned()));
    }

    #[test]
    fn each_year_uses_its_own_contribution() {
        // One 低保 member: half of 150, 180, 220, 250.
        // The confidence is the year's own in the data file: 2017 a newspaper (H), 2018 and 2019
        // the national standard as an estimate (A), 2020 two secondary reports (M).
        for (year, family, confidence, mark) in [
            (2017, "75.00", Confidence::H, "公开资料，可信度高"),
            (2018, "90.00", Confidence::A, "估计值，请以当地政策为准"),
            (2019, "110.00", Confidence::A, "估计值，请以当地政策为准"),
            (2020, "125.00", Confidence::M, "公开资料，可信度中"),
        ] {
            for region in [Region::Junshan, Region::Hunan] {
                let mut s = PremiumState { year, region, ..PremiumState::default() };
                s.set_members(Category::Dibao, "1");
                let o = compute(&Policy::builtin(), &s);
                assert_eq!(figures(&o).0, family, "{year} {region}");
                assert_eq!(o.contribution_note.as_ref().map(|n| n.confidence), Some(confidence), "{year}");
                assert_eq!(engine::confidence_mark(confidence), mark, "{year}");
            }
        }
    }

    #[test]
    fn the_rule_is_split_after_the_contribution_for_its_mark() {
        let o = compute(&Policy::builtin(), &example());
        let Ok(p) = &o.premiums else { panic!("no result") };
        let dibao = p.lines.iter().find(|l| l.category == Category::Dibao).expect("a 低保 line");
        let (head, rest) = split_after_contribution(&dibao.rule);
        assert_eq!(head, "农村低保对象每人每年个人缴费 250.00 元");
        assert!(rest.starts_with('，'), "{rest}");
        assert_eq!(format!("{head}{rest}"), dibao.rule);
        assert_eq!(split_after_contribution("没有数"), ("没有数".to_owned(), String::new()));
    }

    #[test]
    fn the_first_year_says_the_document_came_out_in_its_middle() {
        assert!(FIRST_YEAR_NOTE.contains("2017年6月30日"));
        assert!(FIRST_YEAR_NOTE.contains("文件没有写"));
        assert_eq!(YEARS.first(), Some(&FIRST_YEAR));
        assert!(crate::routes::documents::clause_href(HUNAN_YI.document.id(), HUNAN_YI.clause).is_some());
    }

    #[test]
    fn a_bad_field_leaves_the_rest_working() {
        let mut s = example();
        s.set_members(Category::Ordinary, "-2");
        s.tehui = "100.123".to_owned();
        let o = compute(&Policy::builtin(), &s);
        assert!(o.partial);
        assert_eq!(o.member_error(Category::Ordinary).as_deref(), Some("普通居民（非贫困）人数不能是负数"));
        assert_eq!(o.tehui_error.as_deref(), Some("扶贫特惠保保费最多只能有两位小数（到分）"));
        assert_eq!(figures(&o), ("250.00".to_owned(), "500.00".to_owned()));
        s.tehui = "100000001".to_owned();
        assert_eq!(
            compute(&Policy::builtin(), &s).tehui_error.as_deref(),
            Some("扶贫特惠保保费不能超过 100,000,000 元")
        );
    }

    #[test]
    fn an_empty_family_asks_for_members() {
        let o = compute(&Policy::builtin(), &PremiumState::default());
        assert_eq!(o.premiums.err().as_deref(), Some("请在上面填上家里每一类各有几个人。"));
    }

    #[test]
    fn the_totals_are_explained_from_the_lines() {
        let o = compute(&Policy::builtin(), &example());
        let Ok(p) = &o.premiums else { panic!("no result") };
        assert_eq!(
            sum_sentence(p, |_, f| f, p.family_pays),
            "¥0.00（特困人员） + ¥250.00（农村低保对象） + ¥10.00（扶贫特惠保） = ¥260.00"
        );
    }
}
