//! The policy explained, at `/policy`: who is covered, the 三个一批, how a bill is paid
//! (三提高、两补贴、一减免、一兜底), how treatment is organised, chronic-disease care, the
//! questions families ask, and the glossary.
//!
//! Every figure on the page is worked out by the engine from one stated case when the page is
//! drawn ([`examples`]), so the page cannot drift from the calculator. Every statement carries a
//! link to the clause it rests on.

use engine::{estimate_with_policy, premium_subsidies, Case, Estimate, Family, HospitalChoice, Payer, Premiums};
use leptos::prelude::*;
use policy::{
    Category, Citation, Confidence, Date, DiseaseId, HospitalId, Interpretation, ParamId, Parameters, Policy, Region,
};
use rust_decimal::Decimal;

use crate::format::money::yuan;
use crate::widgets::cite::{ConfidenceMark, ReadingMark, Sources};
use crate::widgets::glossary::{baseline_figure, param_value, Term, TermId, GLOSSARY};

/// The case every example on the page uses: the worked example of the site.
pub struct TypicalCase;

impl TypicalCase {
    pub const AGE: u8 = 56;
    pub const DISEASE: DiseaseId = DiseaseId::GastricCancer;
    pub const HOSPITAL: HospitalId = HospitalId::JunshanPeople;

    pub fn date() -> Option<Date> {
        Date::new(2018, 3, 1)
    }

    pub fn total_cost() -> Decimal {
        Decimal::from(50_000)
    }

    pub fn in_policy_cost() -> Decimal {
        Decimal::from(45_000)
    }

    /// The typical bill for a patient of `category` with `disease` at `hospital`.
    pub fn case(category: Category, disease: DiseaseId, hospital: HospitalChoice) -> Option<Case> {
        Some(Case::new(
            TypicalCase::date()?,
            category,
            disease,
            TypicalCase::AGE,
            hospital,
            TypicalCase::total_cost(),
            TypicalCase::in_policy_cost(),
        ))
    }
}

/// Everything the page's examples show, worked out by the engine.
#[derive(Clone)]
pub struct Examples {
    /// The typical case: a 低保 patient.
    pub case: Case,
    pub typical: Estimate,
    /// The same bill for a 建档立卡 patient who is not 低保 (医疗救助 50%).
    pub non_dibao: Estimate,
    /// The same bill for the 低保 patient with a disease that is not one of the nine.
    pub other_disease: Estimate,
    /// The same bill at 岳阳市一人民医院, referred up by the district hospital.
    pub referred: Estimate,
    /// The same bill at 岳阳市一人民医院 without a referral.
    pub not_referred: Estimate,
    /// One 低保 member and one 特困 member, the year of the case.
    pub premiums: Premiums,
    /// The figures in force on the day of the case, for the baselines the page writes out.
    pub params: Parameters,
}

impl Examples {
    /// The premium line of one category.
    pub fn premium(&self, category: Category) -> Option<&engine::ContributionLine> {
        self.premiums.lines.iter().find(|l| l.category == category)
    }
}

/// Works out every example; `None` if the engine cannot (the page then says so instead of
/// showing figures).
pub fn examples(policy: &Policy) -> Option<Examples> {
    let district = HospitalChoice::Named(TypicalCase::HOSPITAL);
    let city = HospitalChoice::Named(HospitalId::YueyangFirstPeople);
    let run = |case: Case| estimate_with_policy(policy, &case).ok();
    let case = TypicalCase::case(Category::Dibao, TypicalCase::DISEASE, district)?;
    let mut referred_case = TypicalCase::case(Category::Dibao, TypicalCase::DISEASE, city)?;
    referred_case.referred = true;
    let params = case.parameters(policy).ok()?;
    let family = Family { dibao: 1, tekun: 1, ..Family::default() };
    Some(Examples {
        case,
        typical: run(case)?,
        non_dibao: run(TypicalCase::case(Category::RegisteredPoor, TypicalCase::DISEASE, district)?)?,
        other_disease: run(TypicalCase::case(Category::Dibao, DiseaseId::Other, district)?)?,
        referred: run(referred_case)?,
        not_referred: run(TypicalCase::case(Category::Dibao, TypicalCase::DISEASE, city)?)?,
        premiums: premium_subsidies(&params, &family, None).ok()?,
        params,
    })
}

/// The confidence of the year's contribution standard, which the documents do not give.
fn contribution_confidence(params: &Parameters) -> Confidence {
    params.entry(ParamId::PremiumContribution).map_or(Confidence::A, |e| e.confidence)
}

/// A figure the documents do not give, as the data has it, with its confidence mark beside it:
/// "15个百分点（公开资料，可信度低）".
#[component]
fn Baseline(params: Parameters, id: ParamId) -> impl IntoView {
    param_value(&params, id).map(|(value, confidence)| view! { {value}<ConfidenceMark confidence/> })
}

/// Every clause the page cites, so a test can check that each is in the documents.
pub const CITED: &[Citation] = &[
    Citation::hunan("一", ""),
    Citation::hunan("二", ""),
    Citation::hunan("二(一)", ""),
    Citation::hunan("二(一)1", ""),
    Citation::hunan("二(一)2", ""),
    Citation::hunan("二(一)3", ""),
    Citation::hunan("二(一)5", ""),
    Citation::hunan("二(二)", ""),
    Citation::hunan("二(二)1", ""),
    Citation::hunan("二(二)2", ""),
    Citation::hunan("二(二)3", ""),
    Citation::hunan("二(三)", ""),
    Citation::hunan("二(三)1", ""),
    Citation::hunan("二(三)2", ""),
    Citation::hunan("二(三)3", ""),
    Citation::hunan("二(三)4", ""),
    Citation::hunan("三(二)", ""),
    Citation::hunan("三(四)", ""),
    Citation::junshan("二", ""),
    Citation::junshan("三", ""),
    Citation::junshan("四(一)", ""),
    Citation::junshan("四(一)1", ""),
    Citation::junshan("四(一)2", ""),
    Citation::junshan("四(二)1", ""),
    Citation::junshan("四(二)2", ""),
    Citation::junshan("四(二)3", ""),
    Citation::junshan("四(三)", ""),
    Citation::junshan("五(二)", ""),
    Citation::junshan("五(二)2", ""),
    Citation::junshan("五(二)3", ""),
];

/// Where the site's figure rests on a reading of the documents, said in words.
#[component]
fn Reading(interpretation: Interpretation) -> impl IntoView {
    view! { <crate::widgets::cite::Reading interpretation=interpretation class="policy-reading"/> }
}

/// The page.
#[component]
pub fn PolicyPage() -> impl IntoView {
    let policy = Policy::builtin();
    let ex = examples(&policy);
    view! {
        <article class="policy">
            <h1>"健康扶贫政策解读"</h1>
            <p class="lead">
                "2017年，湖南省出台了健康扶贫工程“三个一批”行动计划实施方案，君山区据此制定了农村贫困人口大病专项救治工作方案。"
                "这一页用大白话讲这两份文件说了什么。每一段后面都有“看原文”，点开就是文件里的那一条。"
            </p>
            <nav class="policy-toc" aria-label="这一页讲什么">
                <h2>"这一页讲什么"</h2>
                <ol>
                    <li><a href="#who" target="_self">"谁能享受"</a></li>
                    <li><a href="#three-batches" target="_self">"三个一批"</a></li>
                    <li><a href="#measures" target="_self">"住院费用怎么报：三提高、两补贴、一减免、一兜底"</a></li>
                    <li><a href="#treatment" target="_self">"得了大病怎么救治"</a></li>
                    <li><a href="#chronic" target="_self">"慢性病怎么管"</a></li>
                    <li><a href="#faq" target="_self">"常见问题"</a></li>
                    <li><a href="#glossary" target="_self">"名词解释"</a></li>
                </ol>
            </nav>
            <Who/>
            <ThreeBatches/>
            <Measures ex=ex.clone()/>
            <Treatment/>
            <Chronic/>
            <Faq ex=ex/>
            <Glossary policy=policy/>
        </article>
    }
}

#[component]
fn Who() -> impl IntoView {
    view! {
        <section id="who" class="policy-section" aria-labelledby="who-title">
            <h2 id="who-title">"谁能享受：农村贫困人口"</h2>
            <p>"文件里说的"<Term id=TermId::NongcunPinkun/>"，是这四种人："</p>
            <ul class="policy-people">
                <li><Term id=TermId::Jiandanglika/></li>
                <li><Term id=TermId::Dibao/></li>
                <li><Term id=TermId::Tekun/></li>
                <li><Term id=TermId::Canji/></li>
            </ul>
            <p>"君山区的方案写明：建档立卡农村贫困人口，以及经民政部门核实核准的农村特困人员、低保对象和贫困残疾人，统称“贫困人口”。"</p>
            <Sources citations=vec![Citation::hunan("一", ""), Citation::junshan("二", "")]/>
            <h3 id="nine-diseases">"集中救治的九种大病"</h3>
            <p>"君山区的方案定的目标是：到2018年底前，对贫困人口中得了下面4类9种"<Term id=TermId::JiuzhongDabing>"大病"</Term>"的，进行集中救治："</p>
            <ul>
                <li>"消化道肿瘤：食管癌、胃癌、结肠癌、直肠癌"</li>
                <li>"终末期肾病"</li>
                <li>"儿童白血病：急性淋巴细胞白血病、急性早幼粒细胞白血病"</li>
                <li>"儿童先天性心脏病：房间隔缺损、室间隔缺损"</li>
            </ul>
            <Reading interpretation=Interpretation::I4/>
            <Sources citations=vec![Citation::junshan("二", ""), Citation::hunan("二(一)5", "")]/>
            <p id="who-ledger">
                "得了这九种病，还要经核实核准纳入救治台账、符合9种大病"<Term id=TermId::Linchuanglujing/>"的，才是专项救治对象："
                "镇、村摸底排查，区里审核确定，再建立救治台账。"
            </p>
            <Sources citations=vec![Citation::junshan("三", ""), Citation::junshan("四(一)", "")]/>
            <p class="policy-note" id="who-period">
                "省里的方案管2017年到2020年。君山区的方案写的是“到2018年底前”，没有写2018年以后怎么办；"
                "本站假设君山区的做法（包括区级专项资金）和省里的方案一样，执行到2020年底。这是本站的假设，请以区里的通知为准。"
            </p>
            <Sources citations=vec![Citation::junshan("二", ""), Citation::hunan("一", "")]/>
        </section>
    }
}

#[component]
fn ThreeBatches() -> impl IntoView {
    view! {
        <section id="three-batches" class="policy-section" aria-labelledby="three-batches-title">
            <h2 id="three-batches-title">"三个一批"</h2>
            <p>"省里的方案把健康扶贫分成"<Term id=TermId::SangeYipi>"三件事"</Term>"，2017年到2020年，对得了大病和长期慢性病的农村贫困人口分类分批救治。"</p>
            <Sources citations=vec![Citation::hunan("一", ""), Citation::hunan("二", "")]/>
            <div class="policy-cards">
                <div class="policy-card">
                    <h3>"1. 大病集中救治一批"</h3>
                    <p>
                        "得了大病的贫困病人，到"<Term id=TermId::Dingdianyiyuan/>"集中救治。定点医院原则上安排在县级医院，县级医院治不了的，可以定在上级医院。"
                        "医院按"<Term id=TermId::Linchuanglujing/>"给每个人定诊疗方案，优先用医保目录内安全有效、价格合适的药品和技术，严格控制费用，并为贫困病人开通就医绿色通道。"
                    </p>
                    <Sources citations=vec![Citation::hunan("二(一)", "")]/>
                </div>
                <div class="policy-card">
                    <h3>"2. 慢病签约服务管理一批"</h3>
                    <p>
                        "有慢性病的贫困人口，由"<Term id=TermId::Jiatingyisheng>"家庭医生签约"</Term>"管理：每人一张"<Term id=TermId::Jiankangka/>
                        "，符合条件的每年一次健康体检，签约医生定期面对面随访。详见下面的"<a href="#chronic" target="_self">"“慢性病怎么管”"</a>"。"
                    </p>
                    <Sources citations=vec![Citation::hunan("二(二)", "")]/>
                </div>
                <div class="policy-card">
                    <h3>"3. 重病兜底保障一批"</h3>
                    <p>
                        "提高医保、大病保险和医疗救助的保障水平，减轻看病的负担：参加城乡居民医保的个人缴费由财政补贴；在县（区）内定点医院住院"
                        <Term id=TermId::Xianzhenliao/>"、出院"<Term id=TermId::Yizhanshi/>"；还动员慈善组织和爱心人士救助。"
                        "具体怎么报，就是下面的“三提高、两补贴、一减免、一兜底”。"
                    </p>
                    <Sources citations=vec![Citation::hunan("二(三)", "")]/>
                </div>
            </div>
        </section>
    }
}

/// The typical case in one sentence.
#[component]
fn TypicalCaseNote(case: Case) -> impl IntoView {
    view! {
        <div class="policy-example-case">
            <p>
                <strong>"下面的例子都用同一位病人："</strong>
                {format!(
                    "{}岁的农村低保对象，得了{}，{}在{}住院（{}的定点救治医院），住院总费用 {}，其中政策范围内费用 {}。",
                    case.age,
                    case.disease.name(),
                    case.date.to_chinese(),
                    TypicalCase::HOSPITAL.name(),
                    case.disease.name(),
                    yuan(case.total_cost),
                    yuan(case.in_policy_cost),
                )}
            </p>
            <p class="policy-note">
                "例子里的数由本站的计算器算出。基本医保的起付线、报销比例等基础数字文件里没有写，来自公开资料，有的是估计值，每个数旁边都注明了，仅作示意，以医院实际结算为准。"
            </p>
            <p><a class="button" href="/calculator">"用计算器算自己的"</a></p>
        </div>
    }
}

/// One figure of an example, marked so that a reader (and a test) can find it.
#[component]
fn Figure(id: &'static str, amount: Decimal) -> impl IntoView {
    view! { <strong class="policy-figure" data-figure=id>{yuan(amount)}</strong> }
}

/// The rule of one line of an example, as the engine words it, with the readings it rests on
/// and the figures in it that the documents do not give, each with its mark, in the same
/// paragraph as the sentence.
#[component]
fn Rule(estimate: Estimate, payer: Payer) -> impl IntoView {
    let line = estimate.line(payer);
    let readings =
        line.interpretations.iter().map(|&interpretation| view! { <ReadingMark interpretation/> }).collect_view();
    let count = line.baselines.len();
    let figures = (count > 0).then(|| {
        let each = line
            .baselines
            .iter()
            .enumerate()
            .map(|(i, b)| {
                view! {
                    <span class="rule-figure" data-param=b.param.id()>
                        {b.figure.clone()}<ConfidenceMark confidence=b.confidence/>
                    </span>
                    {(i + 1 < count).then_some("；")}
                }
            })
            .collect_view();
        view! { " 文件没有给出、本站采用的数："{each}"。" }
    });
    // The readings' marks go right after the sentence, before its full stop.
    let (rule, stop) = match line.rule.strip_suffix('。') {
        Some(r) if !line.interpretations.is_empty() => (r.to_owned(), "。"),
        _ => (line.rule.clone(), ""),
    };
    view! { <p class="policy-rule">"怎么算："{rule}{readings}{stop}{figures}</p> }
}

/// What the page says when the engine cannot work out an example.
#[component]
fn NoFigures() -> impl IntoView {
    view! { <p class="policy-example">"例子暂时算不出来。请用"<a href="/calculator">"计算器"</a>"算一算自己的情况。"</p> }
}

#[component]
fn Measures(ex: Option<Examples>) -> impl IntoView {
    let case_note = match &ex {
        Some(ex) => view! { <TypicalCaseNote case=ex.case/> }.into_any(),
        None => view! { <NoFigures/> }.into_any(),
    };
    let basic = ex.clone().map(|ex| {
        let poor = ex.typical.line(Payer::BasicInsurance).amount;
        let ordinary = ex.typical.ordinary.basic;
        view! {
            <p class="policy-example" id="example-basic">
                "例子：同一张账单，基本医保给这位低保病人报 "<Figure id="basic-poor" amount=poor/>
                "，给普通居民只报 "<Figure id="basic-ordinary" amount=ordinary/>
                "，多报 "<Figure id="basic-more" amount=poor - ordinary/>"。"
            </p>
            <Rule estimate=ex.typical payer=Payer::BasicInsurance/>
        }
    });
    let critical = ex.clone().map(|ex| {
        let e = &ex.typical;
        let ordinary_left = e.in_policy_cost - e.ordinary.basic;
        view! {
            <p class="policy-example" id="example-critical">
                "例子：这位低保病人基本医保报完后，政策范围内还要自付 "<Figure id="critical-base" amount=e.line(Payer::CriticalIllnessInsurance).base/>
                "，超过了减半后的起付线，大病保险报 "<Figure id="critical-poor" amount=e.line(Payer::CriticalIllnessInsurance).amount/>
                "。普通居民同样的账单还要自付 "<Figure id="critical-ordinary-base" amount=ordinary_left/>
                "，没有到普通居民的起付线，大病保险报 "<Figure id="critical-ordinary" amount=e.ordinary.critical/>"。"
            </p>
            <Rule estimate=ex.typical.clone() payer=Payer::CriticalIllnessInsurance/>
            <p class="policy-note">
                "普通居民的大病保险起付线文件没有写，本站用的是 "<Baseline params=ex.params.clone() id=ParamId::CriticalDeductible/>"。"
            </p>
        }
    });
    let assistance = ex.clone().map(|ex| {
        view! {
            <p class="policy-example" id="example-assistance">
                "例子：各项保险报完后，政策范围内还要自付 "<Figure id="assistance-base" amount=ex.typical.line(Payer::MedicalAssistance).base/>
                "。这位低保病人按70%救助 "<Figure id="assistance-dibao" amount=ex.typical.line(Payer::MedicalAssistance).amount/>
                "；如果他是建档立卡贫困户、不是低保对象，按50%救助 "<Figure id="assistance-non-dibao" amount=ex.non_dibao.line(Payer::MedicalAssistance).amount/>"。"
            </p>
        }
    });
    let premium = ex.clone().and_then(|ex| {
        let poor = ex.premium(Category::Dibao)?.clone();
        let tekun = ex.premium(Category::Tekun)?.clone();
        Some(view! {
            <p class="policy-example" id="example-premium">
                {format!("例子：{}年城乡居民医保个人缴费每人 ", ex.premiums.year)}<Figure id="premium-contribution" amount=ex.premiums.contribution/>
                <ConfidenceMark confidence=contribution_confidence(&ex.params)/>
                "。低保对象财政补贴 "<Figure id="premium-dibao-government" amount=poor.government_per_person/>
                "，自己交 "<Figure id="premium-dibao-family" amount=poor.family_per_person/>
                "；特困人员全额补贴，自己交 "<Figure id="premium-tekun-family" amount=tekun.family_per_person/>"。"
            </p>
            <p class="policy-note">"个人缴费标准文件里没有写，来自公开资料或估计，以当地医保部门的通知为准；文件写的是补贴“50%以上”，本站按50%计算，当地可能补得更多。"</p>
        })
    });
    let reduction = ex.clone().map(|ex| {
        view! {
            <p class="policy-example" id="example-reduction">
                "例子：各项保险和医疗救助之后，这位病人还要自付 "<Figure id="reduction-base" amount=ex.typical.line(Payer::HospitalReduction).base/>
                "，含政策范围外的费用"<ReadingMark interpretation=Interpretation::I2/>"，医院减免 "
                <Figure id="reduction" amount=ex.typical.line(Payer::HospitalReduction).amount/>"。"
            </p>
            <Rule estimate=ex.typical payer=Payer::HospitalReduction/>
        }
    });
    let fund = ex.clone().map(|ex| {
        view! {
            <p class="policy-example" id="example-fund">
                "例子：医院减免后剩下的合规自付 "<Figure id="fund-base" amount=ex.typical.line(Payer::DistrictFund).base/>
                "，区级专项资金补助 "<Figure id="fund" amount=ex.typical.line(Payer::DistrictFund).amount/>"。"
                "“合规”本站按政策范围内计算"<ReadingMark interpretation=Interpretation::Compliant/>"。"
            </p>
        }
    });
    let doudi = ex.clone().map(|ex| {
        let e = ex.typical;
        let apply_for = e.doudi.as_ref().map_or(Decimal::ZERO, |d| d.amount);
        view! {
            <p class="policy-example" id="example-doudi">
                "例子：这位低保病人最后自付 "<Figure id="patient-pays" amount=e.patient_pays/>
                "，其中政策范围外的 "<Figure id="patient-pays-out" amount=e.patient_pays_out_of_policy/>
                "，本站不算作合规费用"<ReadingMark interpretation=Interpretation::Compliant/>"；合规自付的 "<Figure id="doudi" amount=apply_for/>
                "，如果仍然付不起，可以申请兜底。普通居民同样的账单要自付 "<Figure id="ordinary-pays" amount=e.ordinary_patient_pays()/>"。"
            </p>
        }
    });
    view! {
        <section id="measures" class="policy-section" aria-labelledby="measures-title">
            <h2 id="measures-title">"住院费用怎么报：三提高、两补贴、一减免、一兜底"</h2>
            <p>
                "省里的方案把几项保障合在一起，叫“三提高、两补贴、一减免、一兜底”；君山区照此执行，还加了一项"<Term id=TermId::Zhuanxiangzijin/>"。"
                "出院时在定点医院"<Term id=TermId::Yizhanshi>"一站式结算"</Term>"。本站按文件的说法依次计算：基本医保、大病保险、扶贫特惠保、医疗救助、医院减免、区级专项资金，剩下的才由自己付。"
            </p>
            <Sources citations=vec![Citation::hunan("三(二)", ""), Citation::junshan("三", "")]/>
            <p class="policy-note" id="per-case-price">
                "九种大病的住院费用，实际可能按病种定一个总价来收费、付费（文件叫“单病种收费”“按病种付费”，君山区由区人社局确定单病种付费额度）。"
                "本站的例子和计算器按一项一项的费用计算，没有算这种办法，实际以医院结算为准。"
            </p>
            <Sources citations=vec![Citation::hunan("二(一)3", ""), Citation::hunan("二(三)1", ""), Citation::junshan("五(二)3", "")]/>
            {case_note}

            <h3 id="san-tigao">"三提高"</h3>
            <ol class="policy-measures">
                <li>
                    <p>
                        <strong>"提高基本医保。"</strong>"农村贫困人口住院费用，"<Term id=TermId::Jibenyibao>"城乡居民医保"</Term>"报销比例提高10%，本站按提高10个百分点计算"
                        <ReadingMark interpretation=Interpretation::I8/>"。"
                    </p>
                    {basic}
                </li>
                <li>
                    <p>
                        <strong>"提高大病保险。"</strong>"农村贫困人口的"<Term id=TermId::Dabingbaoxian/>"的"<Term id=TermId::Qifuxian/>"降低50%，大病住院"<Term id=TermId::Zhengcefanwei>"政策范围内"</Term>"报销比例提高到90%以上。"
                        "本站把这个90%算作贫困人口大病保险的报销比例"<ReadingMark interpretation=Interpretation::I1/>"。"
                    </p>
                    <Reading interpretation=Interpretation::I1/>
                    {critical}
                </li>
                <li>
                    <p><strong>"提高医疗救助。"</strong>"符合条件的农村贫困人口全部纳入重特大疾病"<Term id=TermId::Yiliaojiuzhu/>"。患九种大病住院，经基本医保、大病保险和各类商业保险报销后，政策范围内还要自付的部分，低保对象救助70%，非低保对象救助50%。"</p>
                    <Reading interpretation=Interpretation::I3/>
                    {assistance}
                </li>
            </ol>
            <Sources citations=vec![Citation::hunan("三(二)", ""), Citation::junshan("三", "")]/>

            <h3 id="liang-butie">"两补贴"</h3>
            <ol class="policy-measures">
                <li>
                    <p><strong>"补贴医保缴费。"</strong>"农村贫困人口参加城乡居民医保，个人缴费部分财政补贴50%以上；"<Term id=TermId::Tekun>"特困人员"</Term>"全额补贴，自己不用交。"</p>
                    {premium}
                    <p><a class="policy-more" href="/premium">"算一算家里参保要交多少"</a></p>
                </li>
                <li>
                    <p><strong>"补贴扶贫特惠保。"</strong>"农村贫困人口参加“"<Term id=TermId::Tehuibao/>"”家庭综合保障保险，保费由当地政府（君山区是区政府）补贴不超过90%。这种保险赔多少，各地的保险合同不同，文件没有写。"</p>
                </li>
            </ol>
            <Sources citations=vec![Citation::hunan("三(二)", ""), Citation::junshan("三", "")]/>

            <h3 id="yi-jianmian">"一减免"</h3>
            <p>"贫困人口患九种大病，在定点医院住院，经各类保险和医疗救助支付后，个人自付部分由定点医院"<Term id=TermId::Jianmian>"减免50%"</Term>"。"</p>
            <Reading interpretation=Interpretation::I2/>
            {reduction}
            <Sources citations=vec![Citation::hunan("三(二)", ""), Citation::junshan("三", "")]/>

            <h3 id="district-fund">"君山区：区级健康扶贫专项资金"</h3>
            <p>"在君山区，经各项保险、医疗救助和医院减免之后，剩下的"<Term id=TermId::Heguizifu>"合规自付"</Term>"医药费用，由区级健康扶贫专项资金再补助70%。"</p>
            <p>
                "君山区的方案没有写要在哪家医院住院才有这项补助；本站只在该病的定点救治医院计算"
                <ReadingMark interpretation=Interpretation::I9/>"。"
            </p>
            <Reading interpretation=Interpretation::I5/>
            {fund}
            <Sources citations=vec![Citation::junshan("三", "")]/>
            <p class="policy-note" id="district-period">
                "君山区的方案写的是“到2018年底前”对九种大病集中救治，没有写2018年以后。"
                "本站假设区级专项资金和省里的方案一样，执行到2020年底；这是本站的假设，2019年、2020年出院的，请以区里的通知为准。"
            </p>
            <Sources citations=vec![Citation::junshan("二", ""), Citation::hunan("一", "")]/>

            <h3 id="yi-doudi">"一兜底"</h3>
            <p>
                "经过上面各项之后，剩下的合规自付医药费用个人支付仍有困难的，由政府"<Term id=TermId::Doudi>"兜底"</Term>"保障，减轻或免除个人负担。"
                "在君山区，九种大病的专项救治对象要经村、镇、卫生计生、民政、扶贫部门联合审定；其他情况怎么申请，文件没有写。"
            </p>
            {doudi}
            <Sources citations=vec![Citation::hunan("三(二)", ""), Citation::junshan("三", "")]/>
        </section>
    }
}

#[component]
fn Treatment() -> impl IntoView {
    view! {
        <section id="treatment" class="policy-section" aria-labelledby="treatment-title">
            <h2 id="treatment-title">"得了大病怎么救治：五步"</h2>
            <p>"君山区对得了九种大病的贫困人口，按下面的步骤组织救治。"</p>
            <ol class="policy-steps">
                <li>
                    <h3>"镇村摸底排查"</h3>
                    <p>"镇、村摸清哪些贫困人口得了"<Term id=TermId::JiuzhongDabing/>"，逐级定期上报。"</p>
                    <Sources citations=vec![Citation::junshan("四(一)", "")]/>
                </li>
                <li>
                    <h3>"区级审核确定"</h3>
                    <p>"区卫生计生局牵头，会同区民政局、区扶贫办审核，确定符合救治条件的病人。"</p>
                    <Sources citations=vec![Citation::junshan("四(一)", "")]/>
                </li>
                <li>
                    <h3>"市级建立台账"</h3>
                    <p>
                        "为每位病人建立救治台账："<Term id=TermId::Jiandanglika/>"在“湖南省健康扶贫动态管理系统”里填写《健康扶贫帮扶表》；"
                        "非建档立卡、经民政部门核实核准的特困人员、低保对象和贫困残疾人，按方案附件1的表格登记。"
                    </p>
                    <Sources citations=vec![Citation::junshan("四(一)1", ""), Citation::junshan("四(一)2", "")]/>
                </li>
                <li>
                    <h3>"定点医院救治"</h3>
                    <p>
                        "食管癌、胃癌、结肠癌、直肠癌和终末期肾病，在区人民医院救治；儿童先天性心脏病和儿童白血病，在岳阳市一人民医院救治。"
                        "这两家是"<Term id=TermId::Dingdianyiyuan/>"。区里的专家组按"<Term id=TermId::Linchuanglujing/>"为每位病人定具体的诊疗方案。"
                    </p>
                    <p>
                        "区人民医院和岳阳市一人民医院加强联系，通过远程会诊、病例讨论、由上级派驻治疗小组等办法救治，病人在区人民医院也能得到市里专家的帮助。"
                        "确实需要"<Term id=TermId::Zhuanzhen>"转到"</Term>"市一人民医院的，要征得病人和家属同意，由科室主任向医院申请登记，填写转诊病情介绍单后才能转院。"
                    </p>
                    <Sources citations=vec![Citation::junshan("四(二)1", ""), Citation::junshan("四(二)2", ""), Citation::junshan("四(二)3", "")]/>
                    <p>"区民政局协同组织特困供养人员、低保对象和贫困残疾人中的病人，到区人民医院就近看病。"</p>
                    <Sources citations=vec![Citation::junshan("五(二)2", "")]/>
                </li>
                <li>
                    <h3>"一站式结算"</h3>
                    <p>
                        "在区内定点医院住院"<Term id=TermId::Xianzhenliao/>"，出院时在综合服务窗口"<Term id=TermId::Yizhanshi>"一次结清"</Term>
                        "，只付自己负担的部分。各项保险和救助由经办机构直接和医院结算：城乡居民基本医保按月结清，民政医疗救助按季结清。"
                    </p>
                    <p>
                        "省里的方案写明，一站式结算里还有疾病应急救助和健康扶贫专项补助，并要求基本医保、大病保险、医疗救助、疾病应急救助、商业健康保险等联动报销。"
                        "本站没有计算疾病应急救助，以医院结算为准。"
                    </p>
                    <Sources citations=vec![Citation::junshan("四(三)", ""), Citation::hunan("二(三)3", ""), Citation::hunan("二(三)2", "")]/>
                </li>
            </ol>
        </section>
    }
}

#[component]
fn Chronic() -> impl IntoView {
    view! {
        <section id="chronic" class="policy-section" aria-labelledby="chronic-title">
            <h2 id="chronic-title">"慢性病怎么管：慢病签约服务管理一批"</h2>
            <h3>"一张健康卡，每年一次体检"</h3>
            <p>
                "每位农村贫困人口发一张"<Term id=TermId::Jiankangka/>"，里面存着健康状况和患病信息，随时更新。"
                "以县为单位，符合条件的农村贫困人口每年做1次健康体检。"
            </p>
            <Sources citations=vec![Citation::hunan("二(二)1", "")]/>
            <h3>"签一位家庭医生"</h3>
            <p>
                "乡镇卫生院医生或村医与农村贫困家庭"<Term id=TermId::Jiatingyisheng>"签约"</Term>"，也可以和县医院医生组成团队签约。"
                "2017年，所有农村贫困人口都纳入家庭医生签约服务：每人一份电子健康档案，每个家庭一名签约的家庭医生。"
    "签约医生按高危人群和普通慢病患者分类管理，提供公共卫生、慢病管理、健康咨询和中医干预等服务；已经确诊慢性病的，签约医生定一个适合本人的健康管理方案。"
                "常见病、多发病的病人，可以得到价廉有效的中医药服务。"
                "需要住院的，由签约医生联系定点医院，确定诊疗方案。"
            </p>
            <Sources citations=vec![Citation::hunan("二(二)2", "")]/>
            <h3>"医生定期随访"</h3>
            <p>
                "乡镇卫生院等基层医生在县级医院指导下，每年按病情安排健康管理，按规范和病人面对面随访："
                "问病情，查心率、血糖、血压，在饮食、运动、心理等方面给指导，并把随访情况记下来、录入健康卡。"
            </p>
            <Sources citations=vec![Citation::hunan("二(二)3", "")]/>
        </section>
    }
}

/// One question and its answer.
#[component]
fn Question(id: &'static str, question: &'static str, children: Children) -> impl IntoView {
    view! {
        <div class="policy-question" id=id>
            <h3>{question}</h3>
            {children()}
        </div>
    }
}

#[component]
fn Faq(ex: Option<Examples>) -> impl IntoView {
    let discharge = ex.clone().map(|ex| {
        view! {
            <p class="policy-example">
                "例子：上面那位低保病人，总费用 "<Figure id="faq-total" amount=ex.typical.total_cost/>
                "，各项报销、救助和减免之后，自己负担 "<Figure id="faq-patient-pays" amount=ex.typical.patient_pays/>"。"
            </p>
        }
    });
    let doudi = ex.clone().map(|ex| {
        let apply_for = ex.typical.doudi.as_ref().map_or(Decimal::ZERO, |d| d.amount);
        view! {
            <p class="policy-example">
                "例子：上面那位低保病人，可以申请兜底的是合规自付的 "<Figure id="faq-doudi" amount=apply_for/>"。"
                "“合规”本站按政策范围内计算"<ReadingMark interpretation=Interpretation::Compliant/>"。"
            </p>
        }
    });
    let other = ex.clone().map(|ex| {
        view! {
            <p class="policy-example">
                "例子：同样是低保病人、同样的账单，得的如果不是九种大病，基本医保和大病保险照样报。"
                "九种大病以外的病，大病保险本站也按90%算"<ReadingMark interpretation=Interpretation::I1/>
                "：文件写的是“大病住院”，没有说是不是只指九种大病。"
                "但没有九种大病的医疗救助（其他疾病的医疗救助按民政部门规定，本站不计算）、医院减免和区级专项资金，自己要付 "
                <Figure id="faq-other-pays" amount=ex.other_disease.patient_pays/>
                "；得的是胃癌，自己付 "<Figure id="faq-nine-pays" amount=ex.typical.patient_pays/>"。"
            </p>
        }
    });
    let away = ex.clone().map(|ex| {
        view! {
            <p class="policy-example">
                "例子：那位低保胃癌病人同样的账单，如果由区人民医院转诊到岳阳市一人民医院，本站算作在定点救治医院住院"
                <ReadingMark interpretation=Interpretation::I7/>"，自己付 "
                <Figure id="faq-referred-pays" amount=ex.referred.patient_pays/>
                "；没有办转诊自己去，基本医保报销比例降低，本站也不算医院减免"<ReadingMark interpretation=Interpretation::I7/>
                "和区级专项资金"<ReadingMark interpretation=Interpretation::I9/>"，自己付 "
                <Figure id="faq-not-referred-pays" amount=ex.not_referred.patient_pays/>"。"
            </p>
            <p class="policy-note">
                "县外住院没转诊时报销比例降低多少，文件里没有写；本站按降低 "
                <Baseline params=ex.params.clone() id=ParamId::BasicOutOfCountyPenalty/>"计算，仅作示意。"
            </p>
        }
    });
    let premium = ex.clone().and_then(|ex| {
        let poor = ex.premium(Category::Dibao)?.clone();
        Some(view! {
            <p class="policy-example">
                {format!("例子：{}年个人缴费按每人 {} 计算", ex.premiums.year, yuan(ex.premiums.contribution))}
                <ConfidenceMark confidence=contribution_confidence(&ex.params)/>
                "，低保对象每人自己交 "<Figure id="faq-premium-dibao" amount=poor.family_per_person/>
                "，特困人员自己交 "<Figure id="faq-premium-tekun" amount=ex.premium(Category::Tekun).map_or(Decimal::ZERO, |l| l.family_per_person)/>"。"
            </p>
        })
    });
    view! {
        <section id="faq" class="policy-section" aria-labelledby="faq-title">
            <h2 id="faq-title">"常见问题"</h2>
            <Question id="faq-deposit" question="住院要不要交押金？">
                <p>
                    "不用。参加了城乡居民医保的农村贫困病人，凭相关身份证明在县（区）内的定点医疗机构住院，"
                    <Term id=TermId::Xianzhenliao/>"，不用交住院押金，直接住院治疗。"
                </p>
                <Sources citations=vec![Citation::hunan("二(三)3", ""), Citation::junshan("四(三)", "")]/>
            </Question>
            <Question id="faq-hospital" question="得了九种大病，去哪家医院？">
                <p>
                    "在君山区：食管癌、胃癌、结肠癌、直肠癌和终末期肾病，去区人民医院；儿童先天性心脏病和儿童白血病，去岳阳市一人民医院。"
                    "区人民医院治不了，或者病情危急、疑难的，市一人民医院派专家来会诊、指导手术、协助抢救，或者由区人民医院办理"<Term id=TermId::Zhuanzhen>"转诊"</Term>"转上去。"
                    "区人民医院还通过远程会诊、病例讨论、由上级派驻治疗小组等办法，请市一人民医院一起救治，不一定要转院。"
                </p>
                <Sources citations=vec![Citation::junshan("四(二)1", ""), Citation::junshan("四(二)3", "")]/>
            </Question>
            <Question id="faq-other-disease" question="得的不是九种大病，能报吗？">
                <p>
                    "能报。省里的方案写的是“农村贫困人口住院费用”："<Term id=TermId::Jibenyibao/>"报销比例提高10%、"<Term id=TermId::Dabingbaoxian/>"起付线降低50%，没有限于九种大病。"
                    "医疗救助按70%、50%救助，医院减免50%，君山区的区级专项资金，这几项写的是九种大病。"
                    "省里的方案还提到，对重性精神病、农民工尘肺病、肺结核病、艾滋病和血吸虫病晚期患者开展专项救治，本站没有计算这些。"
                </p>
                {other}
                <Sources citations=vec![Citation::hunan("三(二)", ""), Citation::junshan("三", ""), Citation::hunan("二(一)5", "")]/>
            </Question>
            <Question id="faq-child-age" question="孩子多大还算“儿童”？">
                <p>
                    "文件写的是“儿童白血病”“儿童先天性心脏病”，没有写到几岁。本站按0至14岁计算，15岁的孩子按其他疾病算"
                    <ReadingMark interpretation=Interpretation::I4/>"。"
                    "孩子15岁以上的，请向定点医院或区卫生计生局问清楚。"
                </p>
                <Reading interpretation=Interpretation::I4/>
                <Sources citations=vec![Citation::junshan("二", "")]/>
            </Question>
            <Question id="faq-away" question="在县（区）外住院，怎么报？">
                <p>
                    "省里的方案规定，大病的"<Term id=TermId::Dingdianyiyuan/>"原则上在县级医院，县级医院不具备医疗条件的，可以定在上级医院。"
                    "在君山区，消化道肿瘤和终末期肾病的病人确实需要转到市一人民医院的，由区人民医院办理"<Term id=TermId::Zhuanzhen>"转诊"</Term>"：征得病人和家属同意，科室主任申请登记，填写转诊病情介绍单。"
                    "“先诊疗后付费”写的是县（区）内的定点医疗机构。"
                </p>
                <p>
                    "儿童白血病、儿童先天性心脏病的定点救治医院就在区外的岳阳市一人民医院。这些孩子在那里住院，没有办转诊，本站也不降低基本医保的报销比例"
                    <ReadingMark interpretation=Interpretation::I6/>"。"
                </p>
                {away}
                <Sources citations=vec![Citation::junshan("四(二)3", ""), Citation::junshan("四(二)1", ""), Citation::hunan("二(一)1", ""), Citation::hunan("二(三)3", "")]/>
            </Question>
            <Question id="faq-discharge" question="出院时要付多少钱？">
                <p>
                    "在定点医院住院，出院时只付自付的医疗费用：基本医保、大病保险和医疗救助按规定报销以后，自己负担的那部分。"
                    "结清以后，医院会及时把病人交的证件还回来。"
                </p>
                {discharge}
                <p class="policy-note">
                    "九种大病的费用也可能按病种定一个总价结算，本站没有算这种办法，见"<a href="#per-case-price" target="_self">"上面的说明"</a>"。"
                </p>
                <p><a class="policy-more" href="/calculator">"用计算器算自己的"</a></p>
                <Sources citations=vec![Citation::hunan("二(三)3", ""), Citation::junshan("四(三)", ""), Citation::hunan("二(三)1", "")]/>
            </Question>
            <Question id="faq-cannot-pay" question="还是付不起怎么办？">
                <p>
                    "剩下的"<Term id=TermId::Heguizifu/>"医药费用个人支付仍有困难的，可以申请政府"<Term id=TermId::Doudi/>
                    "：在君山区，九种大病的专项救治对象经村、镇、卫生计生、民政、扶贫部门联合审定后，减轻或免除；其他情况怎么申请，文件没有写。"
                    "省里还鼓励慈善组织、爱心企业和爱心人士救助；君山区的民政局要争取红十字会和慈善组织的支持。"
                </p>
                {doudi}
                <Sources citations=vec![Citation::junshan("三", ""), Citation::hunan("三(二)", ""), Citation::hunan("二(三)4", ""), Citation::junshan("五(二)2", "")]/>
            </Question>
            <Question id="faq-tehui" question="扶贫特惠保是什么？">
                <p>
                    "“"<Term id=TermId::Tehuibao/>"”是给农村贫困家庭的家庭综合保障保险，保费由当地政府补贴不超过90%。"
                    "文件写的是医疗救助在各类商业保险报销之后，本站把它放在大病保险之后、医疗救助之前计算；赔多少按各地的保险合同，两份文件都没有写。"
                    "您知道自家保单的赔付比例，可以在计算器里填上。"
                </p>
                <Sources citations=vec![Citation::hunan("三(二)", ""), Citation::junshan("三", "")]/>
            </Question>
            <Question id="faq-premium" question="参加医保，自己要交多少钱？">
                <p>
                    "农村贫困人口参加城乡居民医保，个人缴费财政补贴50%以上，"<Term id=TermId::Tekun/>"全额补贴。"
                </p>
                {premium}
                <p><a class="policy-more" href="/premium">"算一算家里参保要交多少"</a></p>
                <Sources citations=vec![Citation::hunan("三(二)", ""), Citation::junshan("三", "")]/>
            </Question>
            <Question id="faq-who" question="怎么知道自己是不是救治对象？">
                <p>
                    "救治对象是得了九种大病的"<Term id=TermId::NongcunPinkun/>"，经核实核准纳入救治台账、符合9种大病临床路径的。镇、村会摸底排查，区里审核确定后建立救治台账；"
                    "建档立卡贫困人口的患病信息由区扶贫办核实核准，特困人员、低保对象和贫困残疾人的由区民政局核实核准。"
                </p>
                <Sources citations=vec![Citation::junshan("三", ""), Citation::junshan("四(一)", ""), Citation::junshan("五(二)", "")]/>
            </Question>
        </section>
    }
}

#[component]
fn Glossary(policy: Policy) -> impl IntoView {
    let params = TypicalCase::date().and_then(|d| policy.parameters(Region::Junshan, d).ok());
    let entries = GLOSSARY
        .iter()
        .map(|e| {
            let baselines: Vec<(String, Confidence)> = match &params {
                Some(p) => e.baselines.iter().filter_map(|id| baseline_figure(p, *id)).collect(),
                None => Vec::new(),
            };
            let baselines = (!baselines.is_empty()).then(|| {
                let items = baselines
                    .into_iter()
                    .map(|(figure, confidence)| view! { <li>{figure}<ConfidenceMark confidence/></li> })
                    .collect_view();
                view! {
                    <div class="glossary-baselines">
                        <p>"文件没有写，本站计算时用的数（可在计算器里修改）："</p>
                        <ul>{items}</ul>
                    </div>
                }
            });
            // The marks go right after the sentence that applies the reading, the definition's
            // last, before its full stop.
            let (definition, stop) = match e.definition.strip_suffix('。') {
                Some(d) if !e.readings.is_empty() => (d, "。"),
                _ => (e.definition, ""),
            };
            let readings =
                e.readings.iter().map(|&interpretation| view! { <ReadingMark interpretation/> }).collect_view();
            let sources = (!e.sources.is_empty()).then(|| view! { <Sources citations=e.sources.to_vec()/> });
            view! {
                <div class="glossary-entry" id=e.id.anchor()>
                    <dt>{e.word()}</dt>
                    <dd>
                        {(!e.also.is_empty()).then(|| view! { <p class="glossary-also">"也叫："{e.also}</p> })}
                        <p>{definition}{readings}{stop}</p>
                        {baselines}
                        {sources}
                    </dd>
                </div>
            }
        })
        .collect_view();
    view! {
        <section id="glossary" class="policy-section" aria-labelledby="glossary-title">
            <h2 id="glossary-title">"名词解释"</h2>
            <dl class="glossary">{entries}</dl>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::routes::documents::clause_href;
    use policy::Document;

    fn ex() -> Examples {
        examples(&Policy::builtin()).expect("the examples can be worked out")
    }

    fn amount(e: &Estimate, payer: Payer) -> String {
        e.line(payer).amount.to_string()
    }

    /// The figures worked out by hand in tests/cases/01 (and, for the variants, the same steps
    /// with the one input changed).
    #[test]
    fn the_examples_are_the_figures_worked_out_by_hand() {
        let ex = ex();
        let t = &ex.typical;
        // 三提高 1: (45,000 − 500) × 80% for the poor, × 70% for an ordinary resident.
        assert_eq!(amount(t, Payer::BasicInsurance), "35600.00");
        assert_eq!(t.ordinary.basic.to_string(), "31150.00");
        // 三提高 2: (9,400 − 7,500) × 90%; the ordinary 13,850 is below 15,000.
        assert_eq!(t.line(Payer::CriticalIllnessInsurance).base.to_string(), "9400.00");
        assert_eq!(amount(t, Payer::CriticalIllnessInsurance), "1710.00");
        assert_eq!((t.in_policy_cost - t.ordinary.basic).to_string(), "13850.00");
        assert_eq!(t.ordinary.critical.to_string(), "0.00");
        // 三提高 3: 7,690 × 70% and × 50%.
        assert_eq!(t.line(Payer::MedicalAssistance).base.to_string(), "7690.00");
        assert_eq!(amount(t, Payer::MedicalAssistance), "5383.00");
        assert_eq!(amount(&ex.non_dibao, Payer::MedicalAssistance), "3845.00");
        // 一减免: 2,307 × 50% + 5,000 × 50%.
        assert_eq!(t.line(Payer::HospitalReduction).base.to_string(), "7307.00");
        assert_eq!(amount(t, Payer::HospitalReduction), "3653.50");
        // The district fund: 1,153.50 × 70%.
        assert_eq!(amount(t, Payer::DistrictFund), "807.45");
        // What is left, and the 一兜底 part of it.
        assert_eq!(t.patient_pays.to_string(), "2846.05");
        assert_eq!(t.patient_pays_out_of_policy.to_string(), "2500.00");
        assert_eq!(t.doudi.as_ref().map(|d| d.amount.to_string()).as_deref(), Some("346.05"));
        assert_eq!(t.ordinary_patient_pays().to_string(), "18850.00");
    }

    #[test]
    fn the_variants_of_the_typical_case() {
        let ex = ex();
        // Not one of the nine: 50,000 − 35,600 − 1,710.
        assert_eq!(ex.other_disease.patient_pays.to_string(), "12690.00");
        assert_eq!(amount(&ex.other_disease, Payer::MedicalAssistance), "0.00");
        // Referred up to the city hospital: (45,000 − 1,000) × 70%, then as usual.
        assert_eq!(amount(&ex.referred, Payer::BasicInsurance), "30800.00");
        assert_eq!(ex.referred.patient_pays.to_string(), "2867.65");
        // Not referred: (45,000 − 1,000) × 55%, no reduction, no fund.
        assert_eq!(amount(&ex.not_referred, Payer::BasicInsurance), "24200.00");
        assert_eq!(amount(&ex.not_referred, Payer::HospitalReduction), "0.00");
        assert_eq!(ex.not_referred.patient_pays.to_string(), "7649.00");
    }

    #[test]
    fn the_premium_example_is_one_person_of_2018() {
        let ex = ex();
        assert_eq!(ex.premiums.year, 2018);
        assert_eq!(yuan(ex.premiums.contribution), "¥180.00");
        let dibao = ex.premium(Category::Dibao).expect("a 低保 line");
        assert_eq!(
            (yuan(dibao.government_per_person), yuan(dibao.family_per_person)),
            ("¥90.00".into(), "¥90.00".into())
        );
        let tekun = ex.premium(Category::Tekun).expect("a 特困 line");
        assert_eq!(yuan(tekun.family_per_person), "¥0.00");
    }

    #[test]
    fn the_baselines_the_page_writes_carry_their_confidence() {
        let ex = ex();
        // The rules beneath the examples list the figures the documents do not give.
        let basic = ex.typical.line(Payer::BasicInsurance);
        let marks: Vec<_> = basic.baselines.iter().map(|b| (b.param, b.confidence)).collect();
        assert_eq!(marks, [(ParamId::BasicDeductibleCounty, Confidence::M), (ParamId::BasicRateCounty, Confidence::L)]);
        assert_eq!(basic.interpretations, [Interpretation::I8]);
        let critical = ex.typical.line(Payer::CriticalIllnessInsurance);
        assert_eq!(
            critical.baselines.iter().map(|b| (b.param, b.confidence)).collect::<Vec<_>>(),
            [(ParamId::CriticalDeductible, Confidence::A)]
        );
        assert_eq!(critical.interpretations, [Interpretation::I1]);
        // The 2018 contribution is an estimate; the out-of-county cut is a low-confidence baseline.
        assert_eq!(contribution_confidence(&ex.params), Confidence::A);
        assert_eq!(
            param_value(&ex.params, ParamId::BasicOutOfCountyPenalty),
            Some(("15个百分点".to_owned(), Confidence::L))
        );
    }

    #[test]
    fn the_typical_case_is_the_one_the_page_states() {
        let case = ex().case;
        assert_eq!(case.category, Category::Dibao);
        assert_eq!(case.disease, DiseaseId::GastricCancer);
        assert_eq!(case.hospital, HospitalChoice::Named(HospitalId::JunshanPeople));
        assert_eq!(case.region, Region::Junshan);
        assert_eq!(case.date.to_chinese(), "2018年3月1日");
        assert_eq!((yuan(case.total_cost), yuan(case.in_policy_cost)), ("¥50,000.00".into(), "¥45,000.00".into()));
    }

    #[test]
    fn every_cited_clause_is_in_its_document() {
        for c in CITED {
            assert!(clause_href(c.document.id(), c.clause).is_some(), "{c}");
        }
    }

    #[test]
    fn every_cited_clause_in_the_source_is_listed() {
        // The page names its clauses with Citation::hunan and Citation::junshan; each must be in
        // CITED so that the test above checks it.
        let source = include_str!("policy_page.rs");
        for (prefix, doc) in [("Citation::hunan(\"", Document::Hunan), ("Citation::junshan(\"", Document::Junshan)] {
            for part in source.split(prefix).skip(1) {
                let Some((clause, _)) = part.split_once('"') else { continue };
                if clause.is_empty() || clause.contains('…') {
                    continue;
                }
                let c = Citation::new(doc, clause, "");
                assert!(CITED.iter().any(|k| k.document == c.document && k.clause == c.clause), "{c} is not in CITED");
            }
        }
    }
}
