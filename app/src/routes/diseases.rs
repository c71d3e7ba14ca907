//! The nine diseases of Junshan's special programme, one card each: what it is, who qualifies,
//! where it is treated, and what each payer of the one-stop settlement pays for it — shown on a
//! worked example that the engine computes when the page is drawn, so no figure is typed in.
//!
//! Also the citation links the portal pages share.

use crate::widgets::glossary::{Term, TermId};
use engine::{estimate_with_policy, Case, Estimate, EstimateError, HospitalChoice, Payer};
use leptos::prelude::*;

use crate::format::money::yuan;
use policy::{
    Category, Citation, Date, Disease, DiseaseGroup, DiseaseId, Hospital, Interpretation, ParamId, Policy, Region,
};
use rust_decimal::Decimal;

use crate::calculator::state::CalcState;
use crate::widgets::cite::{source_cite, Cite, ConfidenceMark, ReadingMark};
use engine::Field;

// ---------------------------------------------------------------------------------------------
// Who, where, how much: plain functions, tested natively.

/// Who the programme covers (Junshan 二, repeating Hunan 一).
pub(crate) const WHO: Citation = Citation::junshan("二", "工作目标");

/// The designated treatment hospital for a disease in Junshan (Junshan 四(二)1).
pub fn treating_hospital(policy: &Policy, disease: DiseaseId) -> Option<&Hospital> {
    policy.treating_hospital(Region::Junshan, disease)
}

/// The guidance hospital (定点指导医院) for a disease: the one that takes patients referred up
/// for it (Junshan 四(二)1).
pub fn guiding_hospital(policy: &Policy, disease: DiseaseId) -> Option<&Hospital> {
    policy.guidance_hospital(Region::Junshan, disease)
}

/// Whether a hospital is the district's guidance hospital.
pub fn is_guiding(hospital: &Hospital) -> bool {
    !hospital.designated_when_referred.is_empty()
}

/// The worked example every card shows: a 低保 patient, a bill of 30,000 of which 27,000 in
/// policy, at the designated hospital, discharged on 2018-03-01.
pub const EXAMPLE_TOTAL: Decimal = Decimal::from_parts(30_000, 0, 0, false, 0);
pub const EXAMPLE_IN_POLICY: Decimal = Decimal::from_parts(27_000, 0, 0, false, 0);
pub const EXAMPLE_CHILD_AGE: u8 = 8;
const EXAMPLE_ADULT_AGE: u8 = 56;

/// The example's day: inside both documents' period.
fn example_date() -> Option<Date> {
    Date::new(2018, 3, 1)
}

/// The example case for a disease; none for `other`. No referral: the children's diseases are
/// treated at 岳阳市一人民医院, outside the district, which the documents make their designated
/// hospital, so the engine keeps the full basic-insurance ratio there and says why (I6).
pub fn example_case(policy: &Policy, disease: DiseaseId) -> Option<Case> {
    let hospital = treating_hospital(policy, disease)?;
    let age = if policy.disease(disease).max_age.is_some() { EXAMPLE_CHILD_AGE } else { EXAMPLE_ADULT_AGE };
    Some(Case::new(
        example_date()?,
        Category::Dibao,
        disease,
        age,
        HospitalChoice::Named(hospital.id),
        EXAMPLE_TOTAL,
        EXAMPLE_IN_POLICY,
    ))
}

/// The engine's estimate of the example case.
pub fn example_estimate(policy: &Policy, disease: DiseaseId) -> Option<Result<Estimate, EstimateError>> {
    example_case(policy, disease).map(|case| estimate_with_policy(policy, &case))
}

/// What each payer is, in one plain line (the figures come from the engine). Where the line
/// applies a reading of ours, [`payer_plain_readings`] names it.
pub const fn payer_plain(payer: Payer) -> &'static str {
    match payer {
        Payer::BasicInsurance => "城乡居民医保按比例报销住院费用；农村贫困人口的报销比例提高10%。",
        Payer::CriticalIllnessInsurance => {
            "自己负担的政策范围内费用多了，大病保险再报；贫困人口起付线降低50%，报销比例提高到90%以上，本站按90%算。"
        }
        Payer::TehuiInsurance => {
            "贫困家庭参加的“扶贫特惠保”家庭综合保障保险，按保单赔付。各地条款不同，例子按不赔付计算。"
        }
        Payer::MedicalAssistance => {
            "前面报完后剩下的政策范围内费用，医疗救助再救助：低保对象70%，非低保对象50%；特困人员本站按70%算，照字面读是50%。"
        }
        Payer::HospitalReduction => "经保险和医疗救助报销后个人还要付的部分，定点医院减免50%。",
        Payer::DistrictFund => "再剩下的合规自付费用，君山区健康扶贫专项资金补助70%。",
    }
}

/// The readings of ours the last sentence of [`payer_plain`] applies.
pub const fn payer_plain_readings(payer: Payer) -> &'static [Interpretation] {
    match payer {
        Payer::CriticalIllnessInsurance => &[Interpretation::I1],
        Payer::MedicalAssistance => &[Interpretation::I3],
        _ => &[],
    }
}

/// A piece of a text that names readings of ours in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Piece<'a> {
    Text(&'a str),
    Mark(Interpretation),
}

/// Splits a text at each "（本站的理解 I4）" written in it, as the data files write them.
pub(crate) fn pieces(text: &str) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut rest = text;
    loop {
        let next = Interpretation::ALL
            .iter()
            .filter_map(|&r| {
                let marker = format!("（本站的理解 {}）", r.id());
                rest.find(&marker).map(|i| (i, marker.len(), r))
            })
            .min_by_key(|&(i, _, _)| i);
        let Some((i, len, interpretation)) = next else { break };
        if i > 0 {
            out.push(Piece::Text(&rest[..i]));
        }
        out.push(Piece::Mark(interpretation));
        rest = &rest[i + len..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    out
}

/// A text with its readings labelled: each "（本站的理解 I4）" written in it becomes the site's
/// mark, which carries the reading's id, so the page can be checked for it.
pub(crate) fn marked_text(text: &str) -> AnyView {
    pieces(text)
        .into_iter()
        .map(|p| match p {
            Piece::Text(t) => t.to_owned().into_any(),
            Piece::Mark(interpretation) => view! { <ReadingMark interpretation/> }.into_any(),
        })
        .collect_view()
        .into_any()
}

/// A sentence of ours with its readings marked before its full stop.
fn with_marks(text: &'static str, readings: &'static [Interpretation]) -> impl IntoView {
    let (text, stop) = match text.strip_suffix('。') {
        Some(t) if !readings.is_empty() => (t, "。"),
        _ => (text, ""),
    };
    view! {
        {text}
        {readings.iter().map(|&interpretation| view! { <ReadingMark interpretation/> }).collect_view()}
        {stop}
    }
}

/// The link that opens the calculator with this disease chosen: the guided flow, which asks
/// the remaining questions one at a time.
pub fn calculator_href(disease: DiseaseId) -> String {
    let mut state = CalcState::default();
    state.set(Field::Disease, disease.id());
    format!("/calculator#{}", state.to_fragment())
}

/// The clause of Junshan 二 that names the group.
fn group_clause(group: DiseaseGroup) -> &'static str {
    match group {
        DiseaseGroup::DigestiveCancer => "二(一)",
        DiseaseGroup::Esrd => "二(二)",
        DiseaseGroup::ChildLeukaemia => "二(三)",
        DiseaseGroup::ChildHeart => "二(四)",
        DiseaseGroup::Other => "二",
    }
}

/// A bill amount as people say it: "30,000".
fn whole_yuan(amount: Decimal) -> String {
    engine::format_yuan(amount).trim_end_matches(".00").to_owned()
}

/// Where a hospital is and what level it is, in a few words.
pub(crate) fn hospital_place(h: &Hospital) -> String {
    format!("{}，{}", h.level.name(), if h.in_district { "在君山区内" } else { "在君山区外" })
}

// ---------------------------------------------------------------------------------------------
// The page

/// The nine diseases page.
#[component]
pub fn DiseasesPage() -> impl IntoView {
    let policy = Policy::builtin();
    let cards = policy
        .diseases()
        .iter()
        .filter(|d| d.is_nine())
        .cloned()
        .map(|disease| view! { <DiseaseCard disease/> })
        .collect_view();
    let ordinary_deductible = example_date()
        .and_then(|d| policy.parameters(Region::Junshan, d).ok())
        .and_then(|p| p.entry(ParamId::CriticalDeductible).map(|e| (whole_yuan(e.value), e.confidence)))
        .map(|(value, confidence)| {
            view! { "，例如普通居民大病保险起付线 "{value}" 元"<ConfidenceMark confidence/> }
        });
    view! {
        <div class="portal-page diseases-page">
            <h1>"九种大病专项救治"</h1>
            <p class="lead">
                "君山区对"<Term id=TermId::NongcunPinkun/>"中得了下面4类9种病的，集中救治：到"<Term id=TermId::Dingdianyiyuan/>"治疗，费用由"<Term id=TermId::Jibenyibao>"医保"</Term>"、"<Term id=TermId::Dabingbaoxian/>"、"<Term id=TermId::Yiliaojiuzhu/>"、"<Term id=TermId::Jianmian/>"、"<Term id=TermId::Zhuanxiangzijin>"区级专项资金"</Term>"一层一层报销。"
            </p>
            <p><Cite citations=vec![Citation::junshan("二", "工作目标")]/></p>
            <div class="notice portal-note">
                <p>"每张卡片里的例子都由本站的计算器当场算出：一位农村低保对象，住院总费用 "
                    {whole_yuan(EXAMPLE_TOTAL)}" 元，其中"<Term id=TermId::Zhengcefanwei>"政策范围内"</Term>" "{whole_yuan(EXAMPLE_IN_POLICY)}
                    " 元，在定点医院住院，2018年出院。"</p>
                <p>
                    "基本医保、大病保险的"<Term id=TermId::Qifuxian/>"和原来的报销比例，两份文件没有写，例子用的是公开资料里的数字和估计值，每一项下面都注明了"
                    {ordinary_deductible}"。实际以医院结算为准。"
                </p>
                <p id="per-case-price">
                    "九种大病的住院费用，实际可能按病种定一个总价来收费、付费（单病种收费、按病种付费）。例子按一项一项的费用计算，没有算这种办法。"
                </p>
                <p><Cite citations=vec![Citation::hunan("二(一)3", "确定单病种收费标准"), Citation::junshan("五(二)3", "区人力资源和社会保障局")]/></p>
        </div>
        <ul class="plain disease-cards">{cards}</ul>
        <OtherProgrammes/>
        <p class="portal-more">
            <a class="button" href="/hospitals">"看定点医院和怎么转诊"</a>
        </p>
        </div>
    }
}

/// One disease.
#[component]
fn DiseaseCard(disease: Disease) -> impl IntoView {
    let policy = Policy::builtin();
    let id = disease.id;
    let child_limit = disease.max_age;
    let group_citation = Citation::junshan(group_clause(disease.group), disease.group.name());
    let treating = treating_hospital(&policy, id).cloned();
    let guiding = guiding_hospital(&policy, id).cloned();
    let title_id = format!("{}-title", id.id());
    let labelled_by = title_id.clone();

    let who = view! {
        <p>"农村贫困人口：建档立卡贫困人口，和经民政部门核实核准的农村特困人员、低保对象、贫困残疾人。"</p>
        <p class="who-ledger">
            "得了这个病，还要经核实核准纳入救治台账、符合9种大病临床路径，才是专项救治对象："
            "镇、村摸底排查，区里审核确定，再建立救治台账。"
        </p>
        {child_limit.map(|age| view! {
            <p class="reading">
                <strong>{format!("限0至{age}岁的孩子")}</strong><ReadingMark interpretation=Interpretation::I4/>"。"
                "文件只写“儿童”，没有写到几岁；"{format!("本站按0至{age}岁计算，与国家儿童白血病和先天性心脏病救治项目一致。")}
                "孩子年龄更大的，请向岳阳市一人民医院或区卫生计生局问清楚。"
            </p>
        })}
        <p><Cite citations=vec![WHO]/></p>
        <p><Cite citations=vec![Citation::junshan("三", "支付政策"), Citation::junshan("四(一)", "建立救治台账")]/></p>
    };

    let where_ = match (&treating, &guiding) {
        (Some(t), Some(g)) => {
            let same = t.id == g.id;
            view! {
                <p>"定点救治医院："<strong>{t.name.clone()}</strong>"（"{hospital_place(t)}"）"</p>
                {if same {
                    view! { <p>"这家医院同时是君山区的定点指导医院。"</p> }.into_any()
                } else {
                    view! {
                        <p>"定点指导医院："<strong>{g.name.clone()}</strong>"（"{hospital_place(g)}
                            "）：区人民医院治不了，或病情危急、疑难时，派专家会诊、指导手术、协助抢救，或接收转上去的病人。"</p>
                    }.into_any()
                }}
                <p>{source_cite(&t.source)}</p>
            }
            .into_any()
        }
        _ => view! { <p>"文件没有写这个病的定点医院。"</p> }.into_any(),
    };

    view! {
        <li class="disease-card" id=id.id() data-disease=id.id()>
            <article aria-labelledby=labelled_by>
                <h2 id=title_id>{disease.name.clone()}</h2>
                <p class="disease-group">
                    <span class="group-badge">{disease.group.name()}</span>
                    " "<Cite citations=vec![group_citation]/>
                </p>
                <p class="disease-description">{marked_text(&disease.description)}</p>
                {(id == DiseaseId::Esrd).then(|| view! {
                    <p class="disease-outpatient" id="esrd-outpatient">
                        "门诊透析（不住院，定期到医院做透析）不在这里计算：两份文件讲的报销、救助和减免都是住院费用，本站的例子和计算器也只算住院。"
                        "门诊透析怎么报，请问区人民医院或医保经办机构。"
                    </p>
                    <p><Cite citations=vec![Citation::hunan("三(二)", "三提高、两补贴、一减免、一兜底"), Citation::junshan("三", "支付政策")]/></p>
                })}
                <h3>"谁能享受"</h3>
                {who}
                <h3>"到哪里治"</h3>
                {where_}
                <h3>"政策怎么付"</h3>
                <WorkedExample disease=id/>
                <p class="card-action">
                    <a class="button" href=calculator_href(id) data-calculator=id.id()>"算一算这个病要付多少"</a>
                </p>
            </article>
        </li>
    }
}

/// The example's bill split by the engine, payer by payer in settlement order.
#[component]
fn WorkedExample(disease: DiseaseId) -> impl IntoView {
    let policy = Policy::builtin();
    let case = example_case(&policy, disease);
    let estimate = example_estimate(&policy, disease);
    let (Some(case), Some(Ok(estimate))) = (case, estimate) else {
        return view! { <p>"这个病的例子算不出来，请直接用计算器。"</p> }.into_any();
    };
    let (hospital, in_district) = match case.hospital {
        HospitalChoice::Named(h) => (policy.hospital(h).name.clone(), policy.hospital(h).in_district),
        HospitalChoice::Level { level, in_county, .. } => (level.name().to_owned(), in_county),
    };
    // The comparison keeps the −15 points outside the district (I6 is for the programme's
    // patients only), so the page says what the ordinary resident's figure assumes.
    let ordinary_note = (!in_district).then_some("（普通居民在区外住院、没有办转诊，基本医保报销比例要降低）");
    let who = if policy.disease(disease).max_age.is_some() {
        format!("一个{}岁的孩子（农村低保对象）", case.age)
    } else {
        "一位农村低保对象".to_owned()
    };
    let doudi = estimate.doudi.clone();
    let lines = estimate
        .lines
        .into_iter()
        .map(|line| {
            let applies = line.reason.is_none();
            view! {
                <li class="payer-step" class:not-applied=!applies data-payer=line.payer.id() data-mark-scope="">
                    <div class="payer-step-head">
                        <span class="payer-step-name">{line.payer.name()}</span>
                        <span class="payer-step-amount">{yuan(line.amount)}</span>
                    </div>
                    <p class="payer-step-plain">{with_marks(payer_plain(line.payer), payer_plain_readings(line.payer))}</p>
                    {line.reason.map(|r| view! { <p class="reason">"这个例子里："{r.to_string()}</p> })}
                    {applies.then(|| view! { <p class="payer-step-rule">{line.rule.clone()}</p> })}
                    <crate::widgets::cite::BaselineFigures figures=line.baselines.clone()/>
                    <crate::widgets::cite::Readings interpretations=line.interpretations.clone() class="reading"/>
                    <p><Cite citations=vec![line.citation]/></p>
                </li>
            }
        })
        .collect_view();
    view! {
        <p class="example-case">
            "例："{who}"在"{hospital}"住院，住院总费用 "{whole_yuan(case.total_cost)}
            " 元，其中政策范围内 "{whole_yuan(case.in_policy_cost)}" 元。"
        </p>
        <p class="example-result">
            "家里大约要付 "<strong class="example-pays">{yuan(estimate.patient_pays)}</strong>
            "，普通居民同样的账单要付 "<span class="example-ordinary">{yuan(estimate.ordinary.patient_pays)}</span>{ordinary_note}"。"
        </p>
        <details class="example-details">
            <summary>"一项一项怎么付（按出院结算的顺序）"</summary>
            <ol class="plain payer-steps">{lines}</ol>
            <div class="payer-step total">
                <div class="payer-step-head">
                    <span class="payer-step-name">"家里自付"</span>
                    <span class="payer-step-amount">{yuan(estimate.patient_pays)}</span>
                </div>
            </div>
            {doudi.map(|d| view! {
                <p class="doudi">{d.text}" "<Cite citations=vec![d.citation]/></p>
                <crate::widgets::cite::Readings interpretations=d.interpretations class="reading"/>
            })}
        </details>
    }
    .into_any()
}

/// The other special programmes the province names, which this site does not calculate.
#[component]
fn OtherProgrammes() -> impl IntoView {
    view! {
        <section class="other-programmes" id="other-programmes" aria-labelledby="other-programmes-title">
            <h2 id="other-programmes-title">"其他专项救治"</h2>
            <p>"省里的方案还要求在贫困地区全面开展下面这些病的专项救治。它们不在九种大病里，办法另定，本站不计算："</p>
            <ul class="programme-list">
                <li>"重性精神病"</li>
                <li>"农民工尘肺病"</li>
                <li>"肺结核病"</li>
                <li>"艾滋病"</li>
                <li>"晚期血吸虫病"</li>
            </ul>
            <p>"得了这些病的，请问当地卫生计生部门或乡镇卫生院。"</p>
            <p><Cite citations=vec![Citation::hunan("二(一)5", "加强大病分类救治管理")]/></p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routes::documents::clause_href;

    fn pays(disease: DiseaseId) -> String {
        match example_estimate(&Policy::builtin(), disease) {
            Some(Ok(e)) => e.patient_pays.to_string(),
            other => format!("{other:?}"),
        }
    }

    #[test]
    fn every_one_of_the_nine_has_a_worked_example() {
        let policy = Policy::builtin();
        for d in policy.diseases().iter().filter(|d| d.is_nine()) {
            let estimate = example_estimate(&policy, d.id);
            assert!(matches!(estimate, Some(Ok(_))), "{}: {estimate:?}", d.name);
        }
        assert!(example_estimate(&policy, DiseaseId::Other).is_none());
    }

    // 君山区人民医院 (county): (27,000 − 500) × (70% + 10%) = 21,200; 大病保险 base 5,800 is under
    // the halved deductible 7,500; assistance 70% × 5,800 = 4,060; reduction 50% × 1,740 + 50% ×
    // 3,000 = 2,370; district fund 70% × 870 = 609; the family pays 30,000 − 28,239 = 1,761.
    #[test]
    fn the_gastric_cancer_example_by_hand() {
        assert_eq!(pays(DiseaseId::GastricCancer), "1761.00");
    }

    // 岳阳市一人民医院 (city, the disease's designated hospital, no referral: no −15 points, I6):
    // (27,000 − 1,000) × 70% = 18,200; 大病保险 90% × (8,800 − 7,500) = 1,170; assistance 70% ×
    // 7,630 = 5,341; reduction 1,144.50 + 1,500 = 2,644.50; district fund 70% × 1,144.50 = 801.15;
    // the family pays 1,843.35, as when the case was entered as referred.
    #[test]
    fn the_childrens_leukaemia_example_by_hand() {
        assert_eq!(pays(DiseaseId::ChildAll), "1843.35");
        let policy = Policy::builtin();
        let Some(Ok(e)) = example_estimate(&policy, DiseaseId::ChildAll) else { panic!("no estimate") };
        let basic = e.line(Payer::BasicInsurance);
        assert_eq!(basic.amount.to_string(), "18200.00");
        assert!(basic.interpretations.contains(&Interpretation::I6), "{:?}", basic.interpretations);
        // The ordinary comparison keeps the penalty outside the district, and the page says so:
        // (27,000 − 1,000) × (60% − 15) = 11,700; 大病保险 (15,300 − 15,000) × 50% = 150;
        // 30,000 − 11,700 − 150 = 18,150.
        assert_eq!(e.ordinary_patient_pays().to_string(), "18150.00");
    }

    #[test]
    fn no_example_is_entered_as_referred() {
        let policy = Policy::builtin();
        for d in policy.diseases().iter().filter(|d| d.is_nine()) {
            let case = example_case(&policy, d.id).expect("a case");
            assert!(!case.referred, "{}", d.name);
            let hospital = treating_hospital(&policy, d.id).map(|h| h.id);
            assert_eq!(Some(case.hospital), hospital.map(HospitalChoice::Named), "{}", d.name);
        }
    }

    #[test]
    fn every_plain_sentence_that_applies_a_reading_names_it() {
        for payer in Payer::ALL {
            let says_ours = payer_plain(payer).contains("本站按") || payer_plain(payer).contains("本站把");
            assert_eq!(says_ours, !payer_plain_readings(payer).is_empty(), "{payer:?}");
        }
        assert_eq!(payer_plain_readings(Payer::MedicalAssistance), [Interpretation::I3]);
        assert!(payer_plain(Payer::MedicalAssistance).contains("照字面读是50%"));
        assert_eq!(payer_plain_readings(Payer::CriticalIllnessInsurance), [Interpretation::I1]);
    }

    #[test]
    fn a_reading_written_in_the_data_becomes_its_mark() {
        assert_eq!(
            pieces("本站按14岁及以下计算（本站的理解 I4）。"),
            [Piece::Text("本站按14岁及以下计算"), Piece::Mark(Interpretation::I4), Piece::Text("。")]
        );
        assert_eq!(pieces("没有"), [Piece::Text("没有")]);
        assert_eq!(
            pieces("（本站的理解 I6）甲（本站的理解 I1）"),
            [Piece::Mark(Interpretation::I6), Piece::Text("甲"), Piece::Mark(Interpretation::I1)]
        );
        // The four children's diseases say their age limit in the data; each is marked.
        let policy = Policy::builtin();
        for d in policy.diseases().iter().filter(|d| d.max_age.is_some()) {
            assert!(pieces(&d.description).contains(&Piece::Mark(Interpretation::I4)), "{}", d.name);
        }
    }

    #[test]
    fn each_disease_has_its_designated_hospital() {
        let policy = Policy::builtin();
        assert_eq!(treating_hospital(&policy, DiseaseId::Esrd).map(|h| h.name.as_str()), Some("君山区人民医院"));
        assert_eq!(treating_hospital(&policy, DiseaseId::ChildVsd).map(|h| h.name.as_str()), Some("岳阳市一人民医院"));
        assert_eq!(
            guiding_hospital(&policy, DiseaseId::ColonCancer).map(|h| h.name.as_str()),
            Some("岳阳市一人民医院")
        );
        assert!(treating_hospital(&policy, DiseaseId::Other).is_none());
    }

    #[test]
    fn the_button_opens_the_calculator_with_the_disease() {
        assert_eq!(calculator_href(DiseaseId::Esrd), "/calculator#d=esrd");
    }

    #[test]
    fn every_citation_has_its_clause() {
        for group in DiseaseGroup::ALL {
            assert!(clause_href("junshan", group_clause(*group)).is_some());
        }
        for (doc, clause) in [
            ("hunan", "二(一)5"),
            ("hunan", "二(一)3"),
            ("hunan", "三(二)"),
            ("junshan", "三"),
            ("junshan", "四(一)"),
            ("junshan", "五(二)3"),
        ] {
            assert!(clause_href(doc, clause).is_some(), "{doc} {clause}");
        }
        assert!(clause_href(WHO.document.id(), WHO.clause).is_some());
    }
}
