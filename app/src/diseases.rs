//! The nine diseases of Junshan's special programme, one card each: what it is, who qualifies,
//! where it is treated, and what each payer of the one-stop settlement pays for it — shown on a
//! worked example that the engine computes when the page is drawn, so no figure is typed in.
//!
//! Also the citation links the portal pages share.

use crate::glossary::{Term, TermId};
use engine::{estimate_with_policy, Case, Estimate, EstimateError, HospitalChoice, Payer};
use leptos::prelude::*;

use crate::money::yuan;
use policy::{Category, Citation, Date, Disease, DiseaseGroup, DiseaseId, Document, Hospital, Policy, Region, Source};
use rust_decimal::Decimal;

use crate::calculator::state::{CalcState, Key};
use crate::documents::clause_href;

// ---------------------------------------------------------------------------------------------
// Citations

/// A clause of the Hunan document, labelled.
pub(crate) const fn hunan(clause: &'static str, label: &'static str) -> Citation {
    Citation::new(Document::Hunan, clause, label)
}

/// A clause of the Junshan document, labelled.
pub(crate) const fn junshan(clause: &'static str, label: &'static str) -> Citation {
    Citation::new(Document::Junshan, clause, label)
}

/// "依据：" and a link to the clause in the original document (plain text if it has no anchor).
#[component]
pub(crate) fn Cite(citation: Citation) -> impl IntoView {
    view! { <span class="cite">"依据："{cite_link(citation.document, citation.clause, citation.to_string())}</span> }
}

/// Two clauses that say the same thing, one after the other.
#[component]
pub(crate) fn Cite2(first: Citation, second: Citation) -> impl IntoView {
    view! {
        <span class="cite">"依据："
            {cite_link(first.document, first.clause, first.to_string())}"；"
            {cite_link(second.document, second.clause, second.to_string())}
        </span>
    }
}

/// A data file's source (a clause of a document, or a public source) as a citation.
pub(crate) fn source_cite(source: &Source) -> AnyView {
    let text = source.to_string();
    let link = match source {
        Source::Document { document, clause, .. } => cite_link(*document, clause, text),
        Source::Public { .. } => view! { <span class="citation">{text}</span> }.into_any(),
    };
    view! { <span class="cite">"依据："{link}</span> }.into_any()
}

fn cite_link(document: Document, clause: &str, text: String) -> AnyView {
    match clause_href(document.id(), clause) {
        Some(href) => view! { <a class="citation" href=href>{text}</a> }.into_any(),
        None => view! { <span class="citation">{text}</span> }.into_any(),
    }
}

// ---------------------------------------------------------------------------------------------
// Who, where, how much: plain functions, tested natively.

/// Who the programme covers (Junshan 二, repeating Hunan 一).
pub(crate) const WHO: Citation = junshan("二", "工作目标");

/// The designated treatment hospital for a disease (Junshan 四(二)1).
pub fn treating_hospital(policy: &Policy, disease: DiseaseId) -> Option<&Hospital> {
    policy.hospitals().iter().find(|h| h.region == Region::Junshan && h.designated_for.contains(&disease))
}

/// The guidance hospital (定点指导医院) for a disease: the one that takes patients referred up
/// for it (Junshan 四(二)1).
pub fn guiding_hospital(policy: &Policy, disease: DiseaseId) -> Option<&Hospital> {
    policy.hospitals().iter().find(|h| h.region == Region::Junshan && h.designated_when_referred.contains(&disease))
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

/// The example case for a disease; none for `other`. A designated hospital outside the
/// district is reached with a referral, as the guidance hospital receives patients.
pub fn example_case(policy: &Policy, disease: DiseaseId) -> Option<Case> {
    let hospital = treating_hospital(policy, disease)?;
    let age = if policy.disease(disease).max_age.is_some() { EXAMPLE_CHILD_AGE } else { EXAMPLE_ADULT_AGE };
    let mut case = Case::new(
        example_date()?,
        Category::Dibao,
        disease,
        age,
        HospitalChoice::Named(hospital.id),
        EXAMPLE_TOTAL,
        EXAMPLE_IN_POLICY,
    );
    case.referred = !hospital.in_district;
    Some(case)
}

/// The engine's estimate of the example case.
pub fn example_estimate(policy: &Policy, disease: DiseaseId) -> Option<Result<Estimate, EstimateError>> {
    example_case(policy, disease).map(|case| estimate_with_policy(policy, &case))
}

/// What each payer is, in one plain line (the figures come from the engine).
pub const fn payer_plain(payer: Payer) -> &'static str {
    match payer {
        Payer::BasicInsurance => "城乡居民医保按比例报销住院费用；农村贫困人口的报销比例提高10%。",
        Payer::CriticalIllnessInsurance => {
            "自己负担的政策范围内费用多了，大病保险再报；贫困人口起付线降低50%，报销比例提高到90%以上。"
        }
        Payer::TehuiInsurance => {
            "贫困家庭参加的“扶贫特惠保”家庭综合保障保险，按保单赔付。各地条款不同，例子按不赔付计算。"
        }
        Payer::MedicalAssistance => "前面报完后剩下的政策范围内费用，医疗救助再救助：低保对象70%，其他贫困人口50%。",
        Payer::HospitalReduction => "经保险和医疗救助报销后个人还要付的部分，定点医院减免50%。",
        Payer::DistrictFund => "再剩下的合规自付费用，君山区健康扶贫专项资金补助70%。",
    }
}

/// The link that opens the calculator with this disease chosen: the guided flow, which asks
/// the remaining questions one at a time.
pub fn calculator_href(disease: DiseaseId) -> String {
    let mut state = CalcState::default();
    state.set(Key::Disease, disease.id());
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
    view! {
        <div class="portal-page diseases-page">
            <h1>"九种大病专项救治"</h1>
            <p class="lead">
                "君山区对"<Term id=TermId::NongcunPinkun/>"中得了下面4类9种病的，集中救治：到"<Term id=TermId::Dingdianyiyuan/>"治疗，费用由"<Term id=TermId::Jibenyibao>"医保"</Term>"、"<Term id=TermId::Dabingbaoxian/>"、"<Term id=TermId::Yiliaojiuzhu/>"、"<Term id=TermId::Jianmian/>"、"<Term id=TermId::Zhuanxiangzijin>"区级专项资金"</Term>"一层一层报销。"
            </p>
            <p><Cite citation=junshan("二", "工作目标")/></p>
            <div class="notice portal-note">
                <p>"每张卡片里的例子都由本站的计算器当场算出：一位农村低保对象，住院总费用 "
                    {whole_yuan(EXAMPLE_TOTAL)}" 元，其中"<Term id=TermId::Zhengcefanwei>"政策范围内"</Term>" "{whole_yuan(EXAMPLE_IN_POLICY)}
                    " 元，在定点医院住院，2018年出院。"</p>
                <p>"基本医保、大病保险的"<Term id=TermId::Qifuxian/>"和原来的报销比例，两份文件没有写，例子用的是公开资料里的数字和估计值（普通居民大病保险起付线 15,000 元是估计值，请以当地政策为准）；实际以医院结算为准。"</p>
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
    let group_citation = junshan(group_clause(disease.group), disease.group.name());
    let treating = treating_hospital(&policy, id).cloned();
    let guiding = guiding_hospital(&policy, id).cloned();
    let title_id = format!("{}-title", id.id());
    let labelled_by = title_id.clone();

    let who = view! {
        <p>"农村贫困人口：建档立卡贫困人口，和经民政部门核实核准的农村特困人员、低保对象、贫困残疾人。"</p>
        {child_limit.map(|age| view! {
            <p class="reading">
                <strong>{format!("限0至{age}岁的孩子。")}</strong>
                "文件只写“儿童”，没有写到几岁；这是本站的理解："{policy::Interpretation::I4.text()}"。"
            </p>
        })}
        <p><Cite citation=WHO/></p>
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
                    " "<Cite citation=group_citation/>
                </p>
                <p class="disease-description">{disease.description.clone()}</p>
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
    let hospital = match case.hospital {
        HospitalChoice::Named(h) => policy.hospital(h).name.clone(),
        HospitalChoice::Level { level, .. } => level.name().to_owned(),
    };
    let who = if policy.disease(disease).max_age.is_some() {
        format!("一个{}岁的孩子（农村低保对象）", case.age)
    } else {
        "一位农村低保对象".to_owned()
    };
    let referral = if case.referred { "（在君山区外，按办好了转诊手续计算）" } else { "" };
    let doudi = estimate.doudi.clone();
    let lines = estimate
        .lines
        .into_iter()
        .map(|line| {
            let applies = line.reason.is_none();
            view! {
                <li class="payer-step" class:not-applied=!applies data-payer=line.payer.id()>
                    <div class="payer-step-head">
                        <span class="payer-step-name">{line.payer.name()}</span>
                        <span class="payer-step-amount">{yuan(line.amount)}</span>
                    </div>
                    <p class="payer-step-plain">{payer_plain(line.payer)}</p>
                    {line.reason.map(|r| view! { <p class="reason">"这个例子里："{r.to_string()}</p> })}
                    {applies.then(|| view! { <p class="payer-step-rule">{line.rule.clone()}</p> })}
                    <crate::cite::BaselineFigures figures=line.baselines.clone()/>
                    <crate::cite::Readings interpretations=line.interpretations.clone() class="reading"/>
                    <p><Cite citation=line.citation/></p>
                </li>
            }
        })
        .collect_view();
    view! {
        <p class="example-case">
            "例："{who}"在"{hospital}"住院"{referral}"，住院总费用 "{whole_yuan(case.total_cost)}
            " 元，其中政策范围内 "{whole_yuan(case.in_policy_cost)}" 元。"
        </p>
        <p class="example-result">
            "家里大约要付 "<strong class="example-pays">{yuan(estimate.patient_pays)}</strong>
            "，普通居民同样的账单要付 "<span class="example-ordinary">{yuan(estimate.ordinary_patient_pays)}</span>"。"
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
                <p class="doudi">{d.text}" "<Cite citation=d.citation/></p>
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
            <p><Cite citation=hunan("二(一)5", "加强大病分类救治管理")/></p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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

    // 岳阳市一人民医院 (city, referred): (27,000 − 1,000) × 70% = 18,200; 大病保险 90% × (8,800 −
    // 7,500) = 1,170; assistance 70% × 7,630 = 5,341; reduction 1,144.50 + 1,500 = 2,644.50;
    // district fund 70% × 1,144.50 = 801.15; the family pays 1,843.35.
    #[test]
    fn the_childrens_leukaemia_example_by_hand() {
        assert_eq!(pays(DiseaseId::ChildAll), "1843.35");
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
        assert!(clause_href("hunan", "二(一)5").is_some());
        assert!(clause_href(WHO.document.id(), WHO.clause).is_some());
    }
}
