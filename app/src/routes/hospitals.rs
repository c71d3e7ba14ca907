//! The designated hospitals (Junshan 四(二)1): what each one does and for which diseases, how a
//! patient is referred up, the green channel, treatment before payment with one settlement at
//! discharge, what to bring, and the district's expert group (Junshan 附件2).

use crate::widgets::cite::ReadingMark;
use crate::widgets::glossary::{Term, TermId};
use leptos::prelude::*;
use policy::{Citation, DiseaseId, Hospital, Interpretation, Policy};

use crate::routes::diseases::{hospital_place, is_guiding};
use crate::routes::documents::{self, clause_href, Kind, Table};
use crate::widgets::cite::{source_cite, Cite};

/// The diseases a hospital is the designated treatment hospital for, in the documents' order.
pub fn treats(hospital: &Hospital) -> Vec<DiseaseId> {
    DiseaseId::ALL.iter().copied().filter(|d| hospital.designated_for.contains(d)).collect()
}

/// The expert group's list, as the Junshan document prints it (附件2).
pub fn expert_table() -> Option<&'static Table> {
    documents::find("junshan")?.paragraphs.iter().find_map(|p| match p.kind {
        Kind::Table(t) if t.title.contains("专家组") => Some(t),
        _ => None,
    })
}

/// The designated hospitals page.
#[component]
pub fn HospitalsPage() -> impl IntoView {
    let policy = Policy::builtin();
    let cards = policy.hospitals().iter().cloned().map(|hospital| view! { <HospitalCard hospital/> }).collect_view();
    view! {
        <div class="portal-page hospitals-page">
            <h1>"定点医院"</h1>
            <p class="lead">"君山区的"<Term id=TermId::NongcunPinkun/>"得了"<Term id=TermId::JiuzhongDabing/>"，到下面两家"<Term id=TermId::Dingdianyiyuan/>"治疗。"</p>
            <p id="where-paid">
                <Term id=TermId::Jianmian/>"，文件写的是由定点医院给。"
                <Term id=TermId::Zhuanxiangzijin>"区级专项资金"</Term>"，君山区的方案没有写要在哪家医院住院才有；本站只在该病的定点救治医院计算"
                <ReadingMark interpretation=Interpretation::I9/>"。"
            </p>
            <p><Cite citations=vec![Citation::hunan("三(二)", "一减免"), Citation::junshan("三", "支付政策")]/></p>
            <ul class="plain hospital-cards">{cards}</ul>
            <p id="civil-affairs">
                "区民政局协同组织特困供养人员、低保对象和贫困残疾人中得了九种大病的病人，到区人民医院就近看病。"
            </p>
            <p><Cite citations=vec![Citation::junshan("五(二)2", "区民政局")]/></p>
            <Referral/>
            <GreenChannel/>
            <PayAtDischarge/>
            <WhatToBring/>
            <Experts/>
            <p class="portal-more">
                <a class="button" href="/calculator">"算一算要付多少钱"</a>
                " "
                <a class="button secondary" href="/diseases">"看九种大病"</a>
            </p>
        </div>
    }
}

#[component]
fn HospitalCard(hospital: Hospital) -> impl IntoView {
    let policy = Policy::builtin();
    let diseases = treats(&hospital)
        .into_iter()
        .map(|d| {
            let href = format!("/diseases#{}", d.id());
            view! { <li><a href=href>{policy.disease(d).name.clone()}</a></li> }
        })
        .collect_view();
    let guiding = is_guiding(&hospital);
    let roles = if guiding { "定点救治医院 · 定点指导医院" } else { "定点救治医院" };
    view! {
        <li class="hospital-card" data-hospital=hospital.id.id()>
            <h2>{hospital.name.clone()}</h2>
            <p class="hospital-place">{hospital_place(&hospital)}</p>
            <p class="hospital-roles"><span class="group-badge">{roles}</span></p>
            <p>{hospital.role.clone()}"。"</p>
            <h3>"在这里治的病"</h3>
            <ul class="hospital-diseases">{diseases}</ul>
            <p class="role-explained">
                "定点救治医院：负责区里符合条件的病人的治疗。"
            </p>
            {guiding.then(|| view! {
                <p class="role-explained">
                    "定点指导医院：定点救治医院治不了，或治疗中病情危急、疑难时，派专家会诊、指导手术、协助抢救，或者接收定点救治医院转上来的病人。"
                </p>
            })}
            <p>{source_cite(&hospital.source)}</p>
        </li>
    }
}

/// Junshan 四(二)3: how a patient of 君山区人民医院 is referred up.
#[component]
fn Referral() -> impl IntoView {
    view! {
        <section aria-labelledby="referral-title" id="referral">
            <h2 id="referral-title">"从区人民医院转到岳阳市一人民医院"</h2>
            <p>"区人民医院看了，确实需要"<Term id=TermId::Zhuanzhen>"转到"</Term>"岳阳市一人民医院进一步诊断、治疗的，要按下面的步骤办："</p>
            <ol class="steps">
                <li>"征得病人和家属同意。"</li>
                <li>"由科室主任向医院申请登记。"</li>
                <li>"填写《转诊病情介绍单》。"</li>
                <li>"办完这些才能转院。"</li>
            </ol>
            <p id="without-transfer">
                "不转院，也能请市里的专家：区人民医院加强和岳阳市一人民医院的联系，通过远程会诊、病例讨论、由上级派驻治疗小组等办法一起救治。"
            </p>
            <p><Cite citations=vec![Citation::junshan("四(二)3", "加强医疗质量控制")]/></p>
            <p class="reading">
                "得消化道肿瘤、终末期肾病的病人，经区人民医院办好转诊、转到岳阳市一人民医院住院的，本站算作在定点救治医院住院"
                <ReadingMark interpretation=Interpretation::I7/>"。文件只写了它“接受定点救治医院上转患者”。"
            </p>
            <p class="reading">
                "这两类病的病人没有转诊、自己去区外住院的，本站不算医院减免"<ReadingMark interpretation=Interpretation::I7/>
                "，也不算区级专项资金"<ReadingMark interpretation=Interpretation::I9/>"；基本医保报销比例也会降低（降多少文件没有写，本站按公开资料估算）。"
            </p>
            <p><Cite citations=vec![Citation::junshan("四(二)1", "确定定点救治与定点指导医院")]/></p>
        </section>
    }
}

/// Hunan 二(一)2 and 二(三)3: the green channel.
#[component]
fn GreenChannel() -> impl IntoView {
    view! {
        <section aria-labelledby="green-title" id="green-channel">
            <h2 id="green-title">"绿色通道"</h2>
            <p>"定点医院要优化诊疗流程、缩短等候时间，为农村贫困家庭的大病病人开通就医绿色通道。"</p>
            <p><Cite citations=vec![Citation::hunan("二(一)2", "确定诊疗方案"), Citation::junshan("五(二)5", "定点救治（指导）医院")]/></p>
            <p>"各级各类政府办的医院都要建立贫困病人的“就医绿色通道”，简化看病的手续。"</p>
            <p><Cite citations=vec![Citation::hunan("二(三)3", "一站式结算")]/></p>
        </section>
    }
}

/// Hunan 二(三)3; Junshan 四(三): treatment before payment and one settlement at discharge.
#[component]
fn PayAtDischarge() -> impl IntoView {
    view! {
        <section aria-labelledby="pay-title" id="pay-at-discharge">
            <h2 id="pay-title">"先看病，后付费；出院时一次结清"</h2>
            <ul class="facts">
                <li>"参加了城乡居民医保的农村贫困病人，凭相关身份证明，在县（区）内的定点医院住院，可以“"<Term id=TermId::Xianzhenliao/>"”：不用交住院押金，直接住院治疗。"</li>
                <li>
                    "定点医院设综合服务窗口，基本医保、大病保险、医疗救助、疾病应急救助、健康扶贫专项补助在医院里“"<Term id=TermId::Yizhanshi>"一站式”结算"</Term>
                    "，不用自己一家一家去报。本站没有计算疾病应急救助。"
                </li>
                <li>"出院时，只付各项报销以后自己负担的部分。"</li>
                <li>"付清以后，医院要及时把您交的证件还给您。"</li>
                <li>"各项保险和救助由经办机构直接和医院结算：城乡居民基本医保按月结清，民政医疗救助按季结清。"</li>
            </ul>
            <p><Cite citations=vec![Citation::hunan("二(三)3", "一站式结算"), Citation::junshan("四(三)", "一站式结算")]/></p>
            <p class="reading">
                "文件写的是县（区）内的定点医院。到区外的岳阳市一人民医院住院要不要交押金，文件没有写，请先问医院。"
            </p>
            <p id="per-case-price">
                "九种大病的住院费用，实际可能按病种定一个总价来收费、付费（单病种收费、按病种付费，君山区由区人社局确定单病种付费额度）。"
                "本站的计算器按一项一项的费用计算，没有算这种办法，出院时以医院结算为准。"
            </p>
            <p><Cite citations=vec![Citation::hunan("二(三)1", "实行倾斜性精准支付政策"), Citation::junshan("五(二)3", "区人力资源和社会保障局")]/></p>
        </section>
    }
}

/// Hunan 二(三)3 names only "相关身份证明"; the Junshan ledger (附件1) records the usual ones.
#[component]
fn WhatToBring() -> impl IntoView {
    view! {
        <section aria-labelledby="bring-title" id="what-to-bring">
            <h2 id="bring-title">"住院要带什么"</h2>
            <p>"文件的说法是“凭相关身份证明”。通常要带下面这些，出发前可以打电话问医院："</p>
            <ul class="checklist">
                <li>"病人的身份证（孩子没有身份证的，带户口本）"</li>
                <li>"合医证（城乡居民医保的参保证）或医保卡"</li>
                <li>"贫困证明：能证明是建档立卡贫困户、低保对象、特困人员或贫困残疾人的证件或证明"</li>
                <li>"从区人民医院转上去的，带上《转诊病情介绍单》"</li>
            </ul>
            <p><Cite citations=vec![Citation::hunan("二(三)3", "一站式结算")]/></p>
            <p>"区里给九种大病病人建的台账（附件1），登记了身份证号、合医证号、贫困登记等。"</p>
            <p><Cite citations=vec![Citation::junshan("附件1", "台账管理表")]/></p>
        </section>
    }
}

/// Junshan 四(二)2 and 附件2: the district's expert group.
#[component]
fn Experts() -> impl IntoView {
    let att2 = clause_href("junshan", "附件2").unwrap_or_else(|| "/documents/junshan".to_owned());
    let table = expert_table().map(|t| {
        let rows = t
            .body
            .iter()
            .map(|row| {
                let cell = |i: usize| row.get(i).copied().unwrap_or("");
                view! { <tr><td>{cell(0)}</td><td>{cell(1)}</td><td>{cell(2)}</td></tr> }
            })
            .collect_view();
        view! {
            <div class="expert-table">
                <table>
                    <caption>{t.title}</caption>
                    <thead><tr><th scope="col">"姓名"</th><th scope="col">"工作单位"</th><th scope="col">"职务/职称"</th></tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    });
    view! {
        <section aria-labelledby="experts-title" id="experts">
            <h2 id="experts-title">"区里的专家组"</h2>
            <p>"区里组建了“君山区农村贫困人口大病救治医疗专家组”，按国家的诊疗指南和临床路径，为每位救治对象制订具体的诊疗方案，优先用医保目录里安全有效、经济适宜的技术和药品，严格控制费用。"</p>
            <p><Cite citations=vec![Citation::junshan("四(二)2", "健全救治队伍，优化诊疗方案")]/></p>
            {table}
            <p><a class="citation" href=att2>"看原文：附件2 专家组名单"</a></p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_hospital_treats_its_diseases() {
        let policy = Policy::builtin();
        let by_name = |name: &str| policy.hospitals().iter().find(|h| h.name == name).map(treats);
        assert_eq!(
            by_name("君山区人民医院"),
            Some(vec![
                DiseaseId::EsophagealCancer,
                DiseaseId::GastricCancer,
                DiseaseId::ColonCancer,
                DiseaseId::RectalCancer,
                DiseaseId::Esrd
            ])
        );
        assert_eq!(
            by_name("岳阳市一人民医院"),
            Some(vec![DiseaseId::ChildAll, DiseaseId::ChildApl, DiseaseId::ChildAsd, DiseaseId::ChildVsd])
        );
    }

    #[test]
    fn the_expert_group_has_eight_members_of_the_district_hospital() {
        let table = expert_table().map(|t| t.body);
        assert_eq!(table.map(<[_]>::len), Some(8));
        assert_eq!(table.and_then(|b| b.first()).map(|r| r[0]), Some("李小齐"));
        assert!(table.is_some_and(|b| b.iter().all(|r| r.get(1) == Some(&"君山区人民医院"))));
    }

    #[test]
    fn every_clause_cited_here_exists() {
        for (doc, clause) in [
            ("junshan", "四(二)1"),
            ("junshan", "四(二)2"),
            ("junshan", "四(二)3"),
            ("junshan", "三"),
            ("junshan", "四(三)"),
            ("junshan", "五(二)2"),
            ("junshan", "五(二)3"),
            ("junshan", "五(二)5"),
            ("junshan", "附件1"),
            ("junshan", "附件2"),
            ("hunan", "二(一)2"),
            ("hunan", "二(三)1"),
            ("hunan", "二(三)3"),
            ("hunan", "三(二)"),
        ] {
            assert!(clause_href(doc, clause).is_some(), "{doc} {clause}");
        }
    }
}
