//! The printable forms of 岳君卫发〔2017〕71号, filled from the roster: 附件1 (the ledger of
//! non-建档立卡 patients, grouped by the nine diseases in the document's order) and 附件3 (the
//! progress counts). Titles, headers, blanks and notes are the document's own words.

use engine::roster::{one_per_person, progress, Row};
use engine::Ledger;
use leptos::prelude::*;
use policy::{Date, DiseaseId, Policy};

/// The nine diseases in the order of the document's 二 (附件1 注1: 按照9种大病名称顺序).
fn nine() -> impl Iterator<Item = DiseaseId> {
    DiseaseId::ALL.iter().copied().filter(|d| *d != DiseaseId::Other)
}

/// 附件1: 台账管理表.
#[component]
pub fn Attachment1(rows: Vec<Row>) -> impl IntoView {
    let policy = Policy::builtin();
    // The same rule as the estimate's: the ledger of a patient of the programme (I4 included).
    // Each patient once, however many stays the roster has of them.
    let patients = one_per_person(&rows, false);
    let listed: Vec<&Row> = patients.iter().copied().filter(|r| r.ledger(&policy) == Some(Ledger::Annex1)).collect();
    let registered = patients.iter().filter(|r| r.ledger(&policy) == Some(Ledger::DynamicManagementSystem)).count();
    let other = patients.len() - listed.len() - registered;
    let groups = nine()
        .map(|disease| {
            let group: Vec<&Row> = listed.iter().copied().filter(|r| r.disease_id() == Some(disease)).collect();
            if group.is_empty() {
                return view! {
                    <tr class="att1-empty" data-disease=disease.name()>
                        <th scope="row">{disease.name()}</th>
                        <td></td><td></td><td></td><td></td><td></td><td></td><td></td><td></td><td></td><td></td>
                    </tr>
                }
                .into_any();
            }
            let span = group.len();
            group
                .into_iter()
                .enumerate()
                .map(|(i, r)| {
                    view! {
                        <tr class="att1-row" data-disease=disease.name()>
                            {(i == 0).then(|| view! { <th scope="rowgroup" rowspan=span>{disease.name()}</th> })}
                            <td>{i + 1}</td>
                            <td>{r.name.clone()}</td>
                            <td>{r.sex.clone()}</td>
                            <td>{r.age.clone()}</td>
                            <td>{r.native_place.clone()}</td>
                            <td class="id">{r.id_number.clone()}</td>
                            <td>{r.medical_card.clone()}</td>
                            <td>{r.category.clone()}</td>
                            <td>{r.ledger_date.clone()}</td>
                            <td>{r.remarks.clone()}</td>
                        </tr>
                    }
                })
                .collect_view()
                .into_any()
        })
        .collect_view();
    view! {
        <section class="cadre-form" id="att1">
            <p class="form-label">"附件1"</p>
            <h2>"君山区非建档立卡农村特困供养人员、"<br/>"低保对象及贫困残疾人罹患专项救治疾病患者台账管理表"</h2>
            <p class="form-blanks">
                <span>"县（市、区）卫生计生委"</span>
                <span class="date-blank">"年　　　月　　　日"</span>
            </p>
            <table>
                <thead>
                    <tr>
                        <th rowspan="2" scope="col">"疾病名称"</th>
                        <th rowspan="2" scope="col">"序号"</th>
                        <th colspan="9" scope="colgroup">"个人信息"</th>
                    </tr>
                    <tr>
                        <th scope="col">"姓名"</th>
                        <th scope="col">"性别"</th>
                        <th scope="col">"年龄"</th>
                        <th scope="col">"籍贯"</th>
                        <th scope="col">"身份证号"</th>
                        <th scope="col">"合医证号"</th>
                        <th scope="col">"贫困登记"</th>
                        <th scope="col">"建立台账时间"</th>
                        <th scope="col">"备注"</th>
                    </tr>
                </thead>
                <tbody>{groups}</tbody>
            </table>
            <div class="form-notes">
                <p>"注：1.县（市、区）卫生计生局按照9种大病名称顺序分类统计，填写此表后报送市卫生计生委。"</p>
                <p>"2.患者销账原因，请在备注处注明。"</p>
                <p>"3.此表可续。"</p>
            </div>
            <p class="no-print form-left-out">
                {format!(
                    "本表列入 {} 人（同一人住院多次只列一次）。建档立卡的 {registered} 人（包括同时是低保、特困或贫困残疾人的）在“湖南省健康扶贫动态管理系统”内建立台账（方案四（一）1），不列入本表；不属于九种大病（或儿童病种超过本站理解的年龄）的 {other} 人也不列入。",
                    listed.len()
                )}
            </p>
        </section>
    }
}

/// 附件3: 救助进展情况统计表, counted up to `cutoff`.
#[component]
pub fn Attachment3(rows: Vec<Row>, cutoff: Date) -> impl IntoView {
    let policy = Policy::builtin();
    // Each patient once, by their latest row (its 救治状态 is the patient's).
    let patients = one_per_person(&rows, true);
    let of =
        |ledger: Ledger| patients.iter().copied().filter(|r| r.ledger(&policy) == Some(ledger)).collect::<Vec<&Row>>();
    let registered_rows = of(Ledger::DynamicManagementSystem);
    let other_rows = of(Ledger::Annex1);
    let registered = progress(registered_rows.iter().copied(), cutoff);
    let others = progress(other_rows.iter().copied(), cutoff);
    let listed: Vec<&Row> = registered_rows.iter().chain(&other_rows).copied().collect();
    let patients = listed
        .iter()
        .enumerate()
        .map(|(i, r)| {
            view! {
                <tr class="att3-patient">
                    <td>{i + 1}</td>
                    <td>{r.name.clone()}</td>
                    <td>{r.sex.clone()}</td>
                    <td>{r.age.clone()}</td>
                    <td>{r.disease.clone()}</td>
                    <td>{r.address.clone()}</td>
                    <td class="id">{r.id_number.clone()}</td>
                    <td>{r.medical_card.clone()}</td>
                    <td>{if r.is_registered() { "是" } else { "否" }}</td>
                </tr>
            }
        })
        .collect_view();
    let body = registered
        .into_iter()
        .zip(others)
        .map(|(a, b)| {
            view! {
                <tr data-group=a.label>
                    <th scope="row">{a.label}</th>
                    <td class="total">{a.total}</td>
                    <td class="treated">{a.treated}</td>
                    <td class="quarter">{a.this_quarter}</td>
                    <td class="open">{a.open}</td>
                    <th scope="row">{b.label}</th>
                    <td class="total">{b.total}</td>
                    <td class="treated">{b.treated}</td>
                    <td class="quarter">{b.this_quarter}</td>
                    <td class="open">{b.open}</td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="cadre-form" id="att3">
            <p class="form-label">"附件3"</p>
            <h2>"君山区农村贫困人口大病专项救治工作救助进展情况统计表"</h2>
            <p class="form-cutoff">"（统计截止日期：" <span id="att3-cutoff">{cutoff.to_chinese()}</span> "）"</p>
            <p class="form-blanks">
                <span>"填报单位（盖章）：" <span class="blank"></span></span>
                <span>"填报人：" <span class="blank"></span></span>
                <span>"联系电话：" <span class="blank"></span></span>
            </p>
            <table class="att3-progress">
                <thead>
                    <tr>
                        <th colspan="5" scope="colgroup">"建档立卡人数"</th>
                        <th colspan="5" scope="colgroup">"非建档立卡人数"</th>
                    </tr>
                    <tr>
                        <th scope="col">"疾病主要诊断"</th>
                        <th scope="col">"总数"</th>
                        <th scope="col">"累计救治数"</th>
                        <th scope="col">"本季度完成救治数"</th>
                        <th scope="col">"未完成救治数"</th>
                        <th scope="col">"疾病主要诊断"</th>
                        <th scope="col">"总数"</th>
                        <th scope="col">"累计救治数"</th>
                        <th scope="col">"本季度完成救治数"</th>
                        <th scope="col">"未完成救治数"</th>
                    </tr>
                </thead>
                <tbody>{body}</tbody>
            </table>
            <div class="form-notes">
                <p>"注：1.请附救治名单（含姓名、性别、年龄、主要诊断、家庭地址、身份证号、医保证号）。"</p>
                <p>"2. 非建档立卡人数指经民政部门核实核准的罹患专项救治病种农村贫困人员、低保对象及贫困残疾人。"</p>
            </div>
            <p class="no-print form-left-out">
                "累计救治数：救治状态为“已完成”、完成救治日期不晚于统计截止日期的人数；本季度完成救治数：其中完成救治日期在截止日期所在季度内的人数。是否建档立卡按“是否建档立卡”一列（不填时按贫困登记）。"
            </p>
            <h3 class="att3-list-title">"救治名单"</h3>
            <table class="att3-list" id="att3-list">
                <thead>
                    <tr>
                        <th scope="col">"序号"</th>
                        <th scope="col">"姓名"</th>
                        <th scope="col">"性别"</th>
                        <th scope="col">"年龄"</th>
                        <th scope="col">"主要诊断"</th>
                        <th scope="col">"家庭地址"</th>
                        <th scope="col">"身份证号"</th>
                        <th scope="col">"医保证号"</th>
                        <th scope="col">"建档立卡"</th>
                    </tr>
                </thead>
                <tbody>{patients}</tbody>
            </table>
            <p class="no-print form-left-out">
                "按方案四（四）2，区人民医院每月5日前向区卫生计生局报送上月医疗救治情况表，区卫生计生局汇总后报市级、再报省级卫生计生行政部门。"
            </p>
        </section>
    }
}
