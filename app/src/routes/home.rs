//! The home page: what the site is, in two sentences; a three-question check "am I covered?"
//! that ends in a plain answer and the next step; and where to go next.
//!
//! The check's reasoning is `engine::coverage`, where the policy's other rules are; the page only
//! keeps the answers in signals.

use crate::widgets::glossary::{Term, TermId};
use engine::coverage::{check, read_age, Answer, Verdict};
use engine::Ledger;
use leptos::prelude::*;
use leptos_router::components::A;
use policy::{Category, Citation, DiseaseId, Interpretation, Policy};

use crate::widgets::cite::{CitationLink, Reading, ReadingMark};

use crate::calculator::state::CalcState;
use crate::routes::diseases::{hospital_place, treating_hospital, WHO};
use crate::widgets::cite::Cite;
use crate::widgets::island::{Island, Part};
use engine::Field;

// ---------------------------------------------------------------------------------------------
// The check, as plain logic

/// The calculator's link with the check's answers filled in, opening the guided flow at the
/// first question the check did not answer (the hospital, when all three were).
pub fn calculator_href(
    category: Answer<Category>,
    registered: Answer<bool>,
    disease: Answer<DiseaseId>,
    age: Answer<u8>,
) -> String {
    let mut state = CalcState::default();
    if let Answer::Is(r) = registered {
        state.set(Field::Registered, if r { "true" } else { "false" });
    }
    let mut fill = |key: Field, answer: Answer<&str>| match answer {
        Answer::Open => false,
        Answer::DontKnow => {
            state.set_unknown(key);
            true
        }
        Answer::Is(v) => {
            state.set(key, v);
            true
        }
    };
    let age_text = match age {
        Answer::Is(a) => a.to_string(),
        _ => String::new(),
    };
    let answered = [
        fill(Field::Category, map(category, Category::id)),
        fill(Field::Disease, map(disease, DiseaseId::id)),
        fill(Field::Age, map(age, |_| age_text.as_str())),
    ];
    // The guided flow numbers its first three questions as the check does; 4 is the hospital.
    let first_open = answered.iter().position(|a| !a).map_or(4, |i| i + 1);
    state.step = if first_open == 1 { 0 } else { first_open as u8 };
    match state.to_fragment() {
        f if f.is_empty() => "/calculator".to_owned(),
        f => format!("/calculator#{f}"),
    }
}

fn map<T: Copy, U>(answer: Answer<T>, f: impl FnOnce(T) -> U) -> Answer<U> {
    match answer {
        Answer::Open => Answer::Open,
        Answer::DontKnow => Answer::DontKnow,
        Answer::Is(v) => Answer::Is(f(v)),
    }
}

/// The categories in the check's order, with a hint where the choice is not obvious.
const CATEGORIES: [(Category, &str); 5] = [
    (Category::Dibao, "也在建档立卡名单上的，选这一项，再回答下面的问题"),
    (Category::Tekun, "特困供养人员"),
    (Category::RegisteredPoor, "不是低保、特困的建档立卡贫困户"),
    (Category::DisabledPoor, "不是低保、特困的贫困残疾人"),
    (Category::Ordinary, "不是上面任何一种"),
];

// ---------------------------------------------------------------------------------------------
// The page

/// The home page.
#[component]
pub fn Home() -> impl IntoView {
    view! {
        <h1>"健康扶贫政策计算器与服务门户"</h1>
        <p class="lead">
            "农村贫困人口得了大病，住院费用由医保、大病保险、医疗救助、医院减免等一层一层报销。"
            "本站用湖南省2017年健康扶贫政策和君山区九种大病专项救治方案，帮您看懂政策、估算自己要付多少钱。"
        </p>
        <Island part=Part::CoverageCheck/>
        <h2>"您还可以"</h2>
        <ul class="big-links plain">
            <li><A href="/calculator" attr:class="big-link">
                <strong>"算一算要付多少钱"</strong>
                <span>"填上病人的情况和住院费用，看各项报销之后家里要付多少"</span>
            </A></li>
            <li><A href="/diseases" attr:class="big-link">
                <strong>"九种大病"</strong>
                <span>"哪九种病、谁能享受、到哪家医院治、政策怎么付"</span>
            </A></li>
            <li><A href="/hospitals" attr:class="big-link">
                <strong>"定点医院"</strong>
                <span>"两家定点医院、怎么转诊、先看病后付费、住院要带什么"</span>
            </A></li>
            <li><A href="/policy" attr:class="big-link">
                <strong>"政策说明"</strong>
                <span>"三提高、两补贴、一减免、一兜底，用大白话讲清楚"</span>
            </A></li>
            <li><A href="/premium" attr:class="big-link">
                <strong>"算一算参保要交多少钱"</strong>
                <span>"两补贴：城乡居民医保和扶贫特惠保，家里交多少、政府补多少"</span>
            </A></li>
            <li><A href="/documents/hunan" attr:class="big-link">
                <strong>"湖南省“三个一批”实施方案（原文）"</strong>
                <span>"三提高、两补贴、一减免、一兜底"</span>
            </A></li>
            <li><A href="/documents/junshan" attr:class="big-link">
                <strong>"君山区九种大病专项救治方案（原文）"</strong>
                <span>"九种大病、定点医院、一站式结算"</span>
            </A></li>
        </ul>
    }
}

/// One answer of the check: a button that stays pressed when chosen.
fn choice(
    label: &'static str,
    help: &'static str,
    chosen: impl Fn() -> bool + Send + Sync + Copy + 'static,
    choose: impl Fn() + 'static,
) -> impl IntoView {
    view! {
        <button
            type="button"
            class="choice"
            class:chosen=chosen
            aria-pressed=move || chosen().to_string()
            on:click=move |_| choose()
        >
            <span class="choice-label">{label}</span>
            {(!help.is_empty()).then(|| view! { <span class="choice-help">{help}</span> })}
        </button>
    }
}

/// The three questions, all on one screen, and the answer under them.
#[component]
pub(crate) fn CoverageCheck() -> impl IntoView {
    let policy = Policy::builtin();
    let category = RwSignal::new(Answer::<Category>::Open);
    let disease = RwSignal::new(Answer::<DiseaseId>::Open);
    let age_text = RwSignal::new(String::new());
    let age_dont_know = RwSignal::new(false);
    let age = Memo::new(move |_| read_age(&age_text.get(), age_dont_know.get()));
    let age_answer = move || age.get().unwrap_or(Answer::Open);
    let verdict = {
        let policy = policy.clone();
        Memo::new(move |_| check(&policy, category.get(), disease.get(), age_answer()))
    };
    // 建档立卡 apart from the category: asked of 低保, 特困 and 贫困残疾人 only.
    let registered = RwSignal::new(Answer::<bool>::Open);
    let asks_registered = move || matches!(category.get(), Answer::Is(c) if c.asks_registered());
    let registered_answer = move || if asks_registered() { registered.get() } else { Answer::Open };
    let href = Memo::new(move |_| calculator_href(category.get(), registered_answer(), disease.get(), age_answer()));

    let categories = CATEGORIES
        .into_iter()
        .map(|(c, help)| {
            let label = if c == Category::Ordinary { "都不是（普通居民）" } else { c.name() };
            choice(label, help, move || category.get() == Answer::Is(c), move || category.set(Answer::Is(c)))
        })
        .collect_view();
    let diseases = policy
        .diseases()
        .iter()
        .map(|d| {
            let id = d.id;
            let (label, help) = if d.is_nine() {
                (d.name.clone(), d.group.name())
            } else {
                ("其他病".to_owned(), "不在上面九种里的病")
            };
            view! {
                <button
                    type="button"
                    class="choice"
                    class:chosen=move || disease.get() == Answer::Is(id)
                    aria-pressed=move || (disease.get() == Answer::Is(id)).to_string()
                    on:click=move |_| disease.set(Answer::Is(id))
                >
                    <span class="choice-label">{label}</span>
                    <span class="choice-help">{help}</span>
                </button>
            }
        })
        .collect_view();

    view! {
        <section class="coverage-check" aria-labelledby="check-title">
            <h2 id="check-title">"三个问题：能不能享受九种大病专项救治？"</h2>
            <p class="hint">"点一下选中答案。不清楚的，选“不知道”。"</p>
            <fieldset class="check-question" id="check-category">
                <legend>"1. 病人是不是农村贫困人口？"</legend>
                <div class="choices">
                    {categories}
                    {choice("不知道", "", move || category.get() == Answer::DontKnow, move || category.set(Answer::DontKnow))}
                </div>
            </fieldset>
            <Show when=asks_registered>
                <fieldset class="check-question" id="check-registered">
                    <legend>"同时也是建档立卡贫困户吗？"</legend>
                    <p class="hint">"不改变报销多少，只决定在哪里登记救治台账。"</p>
                    <div class="choices">
                        {choice("是", "", move || registered.get() == Answer::Is(true), move || registered.set(Answer::Is(true)))}
                        {choice("不是", "", move || registered.get() == Answer::Is(false), move || registered.set(Answer::Is(false)))}
                        {choice("不知道", "", move || registered.get() == Answer::DontKnow, move || registered.set(Answer::DontKnow))}
                    </div>
                </fieldset>
            </Show>
            <fieldset class="check-question" id="check-disease">
                <legend>"2. 得的是什么病？"</legend>
                <div class="choices">
                    {diseases}
                    {choice("不知道", "", move || disease.get() == Answer::DontKnow, move || disease.set(Answer::DontKnow))}
                </div>
            </fieldset>
            <fieldset class="check-question" id="check-age">
                <legend>"3. 病人今年几岁？"</legend>
                <p class="hint">"只有儿童白血病和儿童先天性心脏病看年龄。其他病可以不填。"</p>
                <div class="age-row">
                    <label for="check-age-input">"周岁"</label>
                    <input
                        id="check-age-input"
                        type="text"
                        inputmode="numeric"
                        autocomplete="off"
                        maxlength="3"
                        aria-describedby="check-age-error"
                        prop:value=move || age_text.get()
                        on:input=move |ev| {
                            age_text.set(event_target_value(&ev));
                            age_dont_know.set(false);
                        }
                    />
                    {choice("不知道", "", move || age_dont_know.get(), move || {
                        age_text.set(String::new());
                        age_dont_know.set(true);
                    })}
                </div>
                <p class="field-error" id="check-age-error" hidden=move || age.with(Result::is_ok)>
                    {move || age.get().err().unwrap_or_default()}
                </p>
            </fieldset>
            <section
                class="check-answer"
                id="check-answer"
                data-mark-scope=""
                aria-live="polite"
                data-verdict=move || verdict.get().id()
                class:open=move || matches!(verdict.get(), Verdict::Open(_))
            >
                <h3 class="check-headline">{move || verdict.get().headline()}</h3>
                {move || answer_body(verdict.get(), registered_answer(), href.get())}
            </section>
            <p>
                <button type="button" class="secondary" on:click=move |_| {
                    category.set(Answer::Open);
                    registered.set(Answer::Open);
                    disease.set(Answer::Open);
                    age_text.set(String::new());
                    age_dont_know.set(false);
                }>"重新回答"</button>
            </p>
        </section>
    }
}

/// What the answer means and what to do next.
fn answer_body(verdict: Verdict, registered: Answer<bool>, href: String) -> AnyView {
    let policy = Policy::builtin();
    let calculator =
        |text: &'static str| view! { <a class="button" href=href.clone() id="check-calculator">{text}</a> };
    match verdict {
        Verdict::Open(_) => view! {
            <p>"回答上面的问题，这里会告诉您能不能享受、下一步去哪里。"</p>
        }
        .into_any(),
        Verdict::NotPoor => view! {
            <p>"三提高、两补贴、一减免、一兜底这些健康扶贫政策，是给农村贫困人口的。"<Cite citations=vec![Citation::hunan("三(二)", "三提高、两补贴、一减免、一兜底")]/></p>
            <p>"普通居民住院，照样由基本医保（城乡居民医保）按比例报销，自己负担多的还有大病保险；只是没有给贫困人口提高的比例，也没有九种大病的医疗救助、医院减免和区级专项资金。"</p>
            <p>"如果病人其实是低保对象、特困人员、建档立卡贫困人口或贫困残疾人，请重新选第1题。"</p>
            <p class="next">{calculator("算一算普通居民要付多少")}</p>
        }
        .into_any(),
        Verdict::CategoryUnknown => view! {
            <p><Term id=TermId::NongcunPinkun/>"指："<Term id=TermId::Jiandanglika/>"、"<Term id=TermId::Dibao/>"、"<Term id=TermId::Tekun/>"、"<Term id=TermId::Canji/>"。"<Cite citations=vec![Citation::hunan("一", "工作目标")]/></p>
            <p>"不清楚的，可以问村委会，或者镇（街道）的民政所、扶贫办。区里的救治名单是镇村摸底排查、区级审核确定的。"<Cite citations=vec![Citation::junshan("四(一)", "建立救治台账")]/></p>
            <p>"计算器可以先按建档立卡贫困人口估算，结果里会写明。"</p>
            <p class="next">{calculator("先估算一下")}</p>
        }
        .into_any(),
        Verdict::DiseaseUnknown => view! {
            <p>"看医生的诊断上写的是什么病。九种大病是：食管癌、胃癌、结肠癌、直肠癌、终末期肾病（尿毒症），儿童的急性淋巴细胞白血病、急性早幼粒细胞白血病、房间隔缺损、室间隔缺损（儿童按14岁及以下计算"<ReadingMark interpretation=Interpretation::I4/>"）。"<Cite citations=vec![WHO]/></p>
            <p class="next">
                <a class="button" href="/diseases">"看九种大病"</a>" "
                <a class="button secondary" href=href.clone() id="check-calculator">"先估算一下"</a>
            </p>
        }
        .into_any(),
        Verdict::OtherDisease => view! {
            <p>"农村贫困人口看这个病，仍然享受："</p>
            <ul>
                <li>"基本医保：住院报销比例提高10%（本站按提高10个百分点计算"<ReadingMark interpretation=Interpretation::I8/>"）。"</li>
                <li><Term id=TermId::Dabingbaoxian/>"："<Term id=TermId::Qifuxian/>"降低50%，“大病住院”报销比例提高到90%以上（本站对九种大病以外的病也按90%计算"<ReadingMark interpretation=Interpretation::I1/>"）。"</li>
                <li>"参保补贴：城乡居民医保的个人缴费，财政补贴50%以上，特困人员全额补贴。"</li>
                <li>"一兜底：各项报销以后，剩下的"<Term id=TermId::Heguizifu>"合规自付费用"</Term>"个人支付仍有困难的，政府"<Term id=TermId::Doudi>"兜底保障"</Term>"。"</li>
            </ul>
            <p><Cite citations=vec![Citation::hunan("三(二)", "三提高、两补贴、一兜底")]/></p>
            <p>"但没有只给九种大病的：医疗救助按70%、50%救助，定点医院减免50%，区级专项资金补助70%。九种大病以外的医疗救助按民政部门的规定办，本站不计算。"<Cite citations=vec![Citation::hunan("三(二)", "三提高、一减免"), Citation::junshan("三", "支付政策")]/></p>
            <p>"得的是重性精神病、尘肺病、肺结核、艾滋病或晚期血吸虫病的，省里另有专项救治，请看"<a href="/diseases#other-programmes">"其他专项救治"</a>"。"</p>
            <p class="next">{calculator("算一算要付多少钱")}</p>
        }
        .into_any(),
        Verdict::AgeUnknown(disease) => {
            let name = policy.disease(disease).name.clone();
            view! {
                <p>{name}"是儿童病种：0至14岁的孩子可以享受九种大病专项救治；15岁及以上的，按本站的理解不在这一项里。"<ReadingMark interpretation=Interpretation::I4/></p>
                <p>"文件只写“儿童”，没有写到几岁。"</p>
                <Reading interpretation=Interpretation::I4 class="reading"/>
                <p>"请在第3题填上孩子的周岁。"</p>
                <p class="next">{calculator("先按14岁估算")}</p>
            }
            .into_any()
        }
        Verdict::ChildOverAge { disease, age, max_age } => {
            let name = policy.disease(disease).name.clone();
            view! {
                <p>"文件只写“儿童白血病”“儿童先天性心脏病”，没有写到几岁。"</p>
                <Reading interpretation=Interpretation::I4 class="reading"/>
                <p>{format!("按这个理解，{age}岁得{name}，不在九种大病专项救治里（只到{max_age}岁），计算器按其他疾病估算：仍有基本医保、大病保险两项提高和一兜底，但没有九种大病的医疗救助、医院减免和区级专项资金。")}</p>
                <p>"这只是本站的理解。请向岳阳市一人民医院或区卫生计生局问清楚；如果按九种大病办理，就按九种大病算。"</p>
                <p><Cite citations=vec![WHO]/></p>
                <p class="next">{calculator("算一算要付多少钱")}</p>
            }
            .into_any()
        }
        Verdict::Covered { category, disease } => {
            let name = policy.disease(disease).name.clone();
            let hospital = treating_hospital(&policy, disease).cloned();
            let go = hospital.map(|h| {
                let outside = !h.in_district;
                view! {
                    <p>"到定点救治医院住院："<strong id="check-hospital">{h.name.clone()}</strong>"（"{hospital_place(&h)}"）。"
                        <Cite citations=vec![Citation::junshan("四(二)1", "确定定点救治与定点指导医院")]/></p>
                    {if outside {
                        view! {
                            <p>"这家医院在君山区外：住院前先问清楚要不要办转诊手续、要不要交押金，文件没有写。"
                                "本站估算时，在这家定点救治医院住院没有转诊也不降低基本医保的报销比例"<ReadingMark interpretation=Interpretation::I6/>"。"</p>
                        }.into_any()
                    } else {
                        view! { <p>"在区内的"<Term id=TermId::Dingdianyiyuan/>"住院，凭身份证明“"<Term id=TermId::Xianzhenliao/>"”，不用交住院押金。"
                            <Cite citations=vec![Citation::hunan("二(三)3", "一站式结算")]/></p> }.into_any()
                    }}
                }
            });
            // Covered means a patient of the programme: the ledger follows 建档立卡 alone.
            let registered = match registered {
                Answer::Is(r) => Some(r),
                _ if !category.asks_registered() => {
                    Some(category.registered_by_default())
                }
                _ => None,
            };
            let ledger =
                registered.map(Ledger::by_registered);
            let ledger_line = match ledger {
                Some(l) => view! {
                    <p id="check-ledger" data-ledger=l.id()>{format!("登记：{}。", l.name())}<CitationLink citation=l.citation()/></p>
                }
                .into_any(),
                None => view! {
                    <p id="check-ledger">"登记：建档立卡的在“湖南省健康扶贫动态管理系统”内建立台账；不是建档立卡的，经民政部门核实核准后按方案附件1建立台账。不清楚是不是建档立卡，可以问村委会。"
                        <Cite citations=vec![Citation::junshan("四(一)", "建立救治台账")]/></p>
                }
                .into_any(),
            };
            view! {
                <p>{format!("{}得了{}，可以享受君山区九种大病专项救治：", category.name(), name)}
                    "经核实核准、纳入救治台账，按九种大病的临床路径救治的，享受下面的报销和减免。"<Cite citations=vec![Citation::junshan("三", "支付政策"), Citation::junshan("四(一)", "建立救治台账")]/></p>
                {ledger_line}
                {go}
                <p>"住院费用按出院结算的顺序，由基本医保、大病保险、扶贫特惠保、医疗救助、医院减免、区级专项资金一层一层报销；还付不起的，可以申请政府兜底。"
                    <Cite citations=vec![Citation::junshan("三", "支付政策")]/></p>
                <p class="next">
                    {calculator("算一算要付多少钱")}" "
                    <a class="button secondary" href="/hospitals#what-to-bring">"住院要带什么"</a>
                </p>
            }
            .into_any()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Answer::{DontKnow, Is, Open};

    #[test]
    fn the_calculator_opens_with_the_answers_filled_in() {
        assert_eq!(
            calculator_href(Is(Category::Dibao), Open, Is(DiseaseId::ChildAll), Is(8)),
            "/calculator#s=4&c=dibao&d=child_all&a=8"
        );
        assert_eq!(
            calculator_href(Is(Category::Dibao), Is(true), Is(DiseaseId::GastricCancer), Open),
            "/calculator#s=3&c=dibao&jd=true&d=gastric_cancer",
            "a 低保 patient who is also 建档立卡 takes that answer along"
        );
        assert_eq!(calculator_href(Is(Category::Ordinary), Open, Open, Open), "/calculator#s=2&c=ordinary");
        assert_eq!(calculator_href(DontKnow, Open, DontKnow, DontKnow), "/calculator#s=4&u=c.d.a");
        assert_eq!(calculator_href(Open, Open, Open, Open), "/calculator");
        // What the calculator reads back is what was answered.
        let (state, damage) = CalcState::from_fragment("s=4&c=dibao&d=child_all&a=8");
        assert!(!damage.tampered);
        assert_eq!(state.get(Field::Age), "8");
    }
}
